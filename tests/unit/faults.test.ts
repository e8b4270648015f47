/**
 * Every bad input named in CONTENT.md for plans gives exactly one clear problem: the file,
 * the line and field, what is wrong, in Chinese with an English gloss, and how to fix it.
 * Each case is a fixture under tests/fixtures/faults/<case>/ overlaid on a valid town.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatReport } from '../../src/lib/core/errors';
import { validateContentRoot } from '../../src/lib/checks/validate';
import { contentRootWith, faultCases, FIXTURES, LINHE } from '../helpers/content';
import { TODAY } from '../today';

interface Expected {
  code: string;
  file: string;
  line?: number;
  column?: number;
  field?: string;
  zh: string;
  en: string;
}

const env = { SITE_TODAY: TODAY };

describe('content faults', () => {
  it('the base town is valid', () => {
    expect(validateContentRoot(LINHE, env).problems).toEqual([]);
  });

  for (const name of faultCases()) {
    it(`reports ${name}`, () => {
      const dir = path.join(FIXTURES, 'faults', name);
      const expected = JSON.parse(fs.readFileSync(path.join(dir, 'expected.json'), 'utf8')) as Expected;
      const root = contentRootWith(dir);
      const { problems } = validateContentRoot(root, env);
      expect(problems).toHaveLength(1);
      const [p] = problems;
      expect(p!.code).toBe(expected.code);
      expect(p!.file).toBe(path.join(root, expected.file));
      expect(p!.line).toBe(expected.line);
      if (expected.column) expect(p!.column).toBe(expected.column);
      if (expected.field) expect(p!.field).toBe(expected.field);
      expect(p!.what.zh).toContain(expected.zh);
      expect(p!.what.en).toContain(expected.en);
      expect(p!.fix.zh.length).toBeGreaterThan(4);
      expect(p!.fix.en.length).toBeGreaterThan(4);
      const report = formatReport(problems);
      expect(report).toContain(expected.line ? `${p!.file}:${expected.line}` : p!.file);
      expect(report).toContain('修改：');
    });
  }

  it('reports every problem in one run, not only the first', () => {
    const root = contentRootWith(path.join(FIXTURES, 'faults', 'unknown-unit'));
    fs.cpSync(path.join(FIXTURES, 'faults', 'json-syntax', 'units.json'), path.join(root, 'units.json'));
    fs.writeFileSync(
      path.join(root, 'plans', 'second-fault.md'),
      '---\ntitle: 第二个\nindexNumber: X/2026-00999\nissuer: 某\ncategory: 某\nwrittenOn: 2026-01-01\npublishedOn: 2026-13-01\nvalidity: 有效\n---\n正文\n',
    );
    const codes = validateContentRoot(root, env)
      .problems.map((p) => p.code)
      .sort();
    expect(codes).toEqual(['json/syntax', 'schema/custom']);
  });

  it('rejects a malformed SITE_TODAY instead of guessing', () => {
    const { problems } = validateContentRoot(LINHE, { SITE_TODAY: '2026-02-30' });
    expect(problems.map((p) => p.code)).toEqual(['env/site-today']);
  });
});
