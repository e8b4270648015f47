/**
 * Issue 18: rules as a registry. Every code the content check reports is declared once, with what
 * it enforces and how to fix it; the docs' table is the registry's; every code has a fault fixture
 * (tests/fixtures/faults/) unless its declaration says why none can exist; a rule cannot report a
 * code it does not declare.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bi } from '../../src/lib/core/errors';
import { CODES, RULES } from '../../src/lib/checks/registry';
import { defineItemRule, defineRule, doc } from '../../src/lib/checks/rule';
import { withProblemCodeTable } from '../../src/lib/checks/docs-table';
import { validateContentRoot } from '../../src/lib/checks/validate';
import { contentRootWith, faultCases, FIXTURES, REPO } from '../helpers/content';
import { TODAY } from '../today';

const declared = new Set(CODES.map((c) => c.code));

/** The code each fault fixture shows (expected.json). */
function fixtureCodes(): Map<string, string[]> {
  const byCode = new Map<string, string[]>();
  for (const name of faultCases()) {
    const { code } = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'faults', name, 'expected.json'), 'utf8')) as { code: string };
    byCode.set(code, [...(byCode.get(code) ?? []), name]);
  }
  return byCode;
}

/** The code literals written in the modules the content check runs (`code: 'plan/…'`). */
function sourceCodes(): Map<string, string> {
  const files = [
    ...['src/lib/checks', 'src/lib/content', 'src/lib/markdown', 'src/lib/legal'].flatMap((dir) =>
      (fs.readdirSync(path.join(REPO, dir), { recursive: true }) as string[]).filter((f) => f.endsWith('.ts')).map((f) => path.join(dir, f)),
    ),
    'src/lib/stats/audit.ts',
    'src/lib/stats/joint.ts',
    'src/lib/checks/validate.ts',
    'src/lib/env/base-path.ts',
  ];
  const found = new Map<string, string>();
  for (const f of files) {
    const text = fs.readFileSync(path.join(REPO, f), 'utf8');
    for (const m of text.matchAll(/\bcode: '([a-z]+\/[a-z0-9_-]+)'/g)) found.set(m[1]!, f);
  }
  return found;
}

describe('the rule registry', () => {
  it('declares every code the content check can report, once', () => {
    const undeclared = [...sourceCodes()].filter(([code]) => !declared.has(code)).map(([code, file]) => `${code} (${file})`);
    expect(undeclared).toEqual([]);
    expect(CODES.length).toBe(declared.size);
    // The scan itself reads the real files: a code of each kind is among them.
    expect([...sourceCodes().keys()]).toEqual(expect.arrayContaining(['plan/unknown-unit', 'json/syntax', 'mdx/import', 'data/recoverable', 'env/site-today']));
  });

  it('documents every code in both languages', () => {
    for (const c of CODES) {
      for (const b of [c.enforces, c.fix]) {
        expect(b.zh, c.code).toMatch(/[\u4e00-\u9fff]/);
        expect(b.en.length, c.code).toBeGreaterThan(4);
      }
    }
  });

  it('gives every code a fault fixture, except those whose declaration says why none can exist', () => {
    const fixtures = fixtureCodes();
    const missing = CODES.filter((c) => !c.noFixture && !fixtures.has(c.code)).map((c) => c.code);
    expect(missing).toEqual([]);
    // A reason is honest only while no fixture shows the code after all.
    const reasonedButShown = CODES.filter((c) => c.noFixture && fixtures.has(c.code)).map((c) => c.code);
    expect(reasonedButShown).toEqual([]);
    // And fixtures show declared codes only.
    expect([...fixtures.keys()].filter((code) => !declared.has(code))).toEqual([]);
  });

  it('is what the docs table says (npx tsx scripts/problem-codes.ts --write)', () => {
    const docs = fs.readFileSync(path.join(REPO, 'docs/内容规范.md'), 'utf8');
    const written = withProblemCodeTable(docs);
    expect(written).toBeDefined();
    expect(docs).toBe(written);
    expect(docs).toContain('| `plan/unknown-unit` |');
  });

  it('runs each rule once, by a name of its own', () => {
    const names = RULES.map((r) => r.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('refuses, at compile time, a rule that reports a code it does not declare', () => {
    const codes = { 'plan/example': doc('例', 'example', '改', 'fix it') };
    const ok = defineItemRule({ name: 'ok', codes, check: (_: number) => [{ path: [], code: 'plan/example', what: bi('例', 'e.g.'), fix: bi('改', 'fix') }] });
    // @ts-expect-error `plan/other` is not among the declared codes
    defineItemRule({ name: 'bad', codes, check: (_: number) => [{ path: [], code: 'plan/other', what: bi('例', 'e.g.'), fix: bi('改', 'fix') }] });
    // @ts-expect-error the same for a rule over the whole set
    defineRule({ name: 'bad-set', codes, check: () => [{ file: 'x', code: 'plan/other', what: bi('例', 'e.g.'), fix: bi('改', 'fix') }] });
    expect(ok.check(0).map((f) => f.code)).toEqual(['plan/example']);
  });
});

describe('codes no fault fixture can show alone', () => {
  const codesWithout = (edit: (root: string) => void) => {
    const root = contentRootWith();
    edit(root);
    return validateContentRoot(root, { SITE_TODAY: TODAY }).problems.map((p) => p.code);
  };

  it('file/missing: a registry removed', () => {
    expect(codesWithout((root) => fs.rmSync(path.join(root, 'units.json')))).toEqual(['file/missing']);
  });

  it('geo/missing: the shapes file removed', () => {
    expect(codesWithout((root) => fs.rmSync(path.join(root, 'geo/villages.topo.json')))).toEqual(['geo/missing']);
  });

  it('geo/shape: a shapes file without villages, which also leaves every village without a shape', () => {
    const codes = codesWithout((root) => fs.writeFileSync(path.join(root, 'geo/villages.topo.json'), '{"type": "FeatureCollection", "features": []}\n'));
    expect(codes[0]).toBe('geo/shape');
    expect(new Set(codes.slice(1))).toEqual(new Set(['geo/no-shape']));
  });
});
