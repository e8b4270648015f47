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

  it('says why supersededBy cannot be checked: the plan itself, or a plan with problems of its own — not "does not exist"', () => {
    const root = contentRootWith();
    const old = path.join(root, 'plans', 'wangge-fuwu-2025.md');
    const text = fs.readFileSync(old, 'utf8');
    fs.writeFileSync(old, text.replace('supersededBy: wangge-fuwu-2026', 'supersededBy: wangge-fuwu-2025'));
    const self = validateContentRoot(root, env).problems;
    expect(self.map((p) => [p.code, p.field])).toEqual([['plan/superseded-missing', 'supersededBy']]);
    expect(self[0]!.what.zh).toContain('supersededBy 写的是本方案自己（“wangge-fuwu-2025”）');
    fs.writeFileSync(old, text);
    const newer = path.join(root, 'plans', 'wangge-fuwu-2026.mdx');
    fs.writeFileSync(newer, fs.readFileSync(newer, 'utf8').replace(/^publishedOn: .*$/m, 'publishedOn: 2026-13-01'));
    const broken = validateContentRoot(root, env).problems;
    expect(broken.map((p) => p.code)).toEqual(['schema/custom', 'plan/superseded-missing']);
    expect(broken[1]!.what.zh).toBe('替代文件“wangge-fuwu-2026”本身有错误，无法核对');
    expect(broken[1]!.what.zh).not.toContain('不存在');
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('reports one typo in villages.json, or its absence, once, not once per disclosure, dataset row and shape that names a village', () => {
    const root = contentRootWith();
    const file = path.join(root, 'villages.json');
    const good = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, good.replace(/"population": (\d+)/, '"population": "$1"'));
    expect(validateContentRoot(root, env).problems.map((p) => p.code)).toEqual(['schema/invalid_type']);
    fs.writeFileSync(file, good.replace('"name"', 'name'));
    expect(validateContentRoot(root, env).problems.map((p) => p.code)).toEqual(['json/syntax']);
    fs.rmSync(file);
    expect(validateContentRoot(root, env).problems.map((p) => p.code)).toEqual(['file/missing']);
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('rejects a malformed SITE_TODAY instead of guessing', () => {
    const { problems } = validateContentRoot(LINHE, { SITE_TODAY: '2026-02-30' });
    expect(problems.map((p) => p.code)).toEqual(['env/site-today']);
  });
});
