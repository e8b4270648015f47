/**
 * The officials' commands on bad input: `npm run check` and `npm run build` exit non-zero,
 * name the file, and the build publishes nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite, checkContent, TEST_DIST } from '../helpers/build';
import { contentRootWith, faultCases, FIXTURES, SAMPLE } from '../helpers/content';

describe('npm run check', () => {
  it('passes on the sample content, quickly', () => {
    const r = checkContent(SAMPLE, ['--json']);
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { ok: boolean; ms: number };
    expect(out.ok).toBe(true);
    expect(out.ms).toBeLessThan(1000);
  });

  for (const name of faultCases()) {
    it(`fails on ${name}, naming the file, and the build publishes nothing`, () => {
      const expected = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'faults', name, 'expected.json'), 'utf8')) as { file: string; line?: number };
      const root = contentRootWith(path.join(FIXTURES, 'faults', name));
      const where = path.join(root, expected.file) + (expected.line ? `:${expected.line}` : '');

      const check = checkContent(root);
      expect(check.status).toBe(1);
      expect(check.stderr).toContain(where);

      const out = path.join(TEST_DIST, `fault-${name}`);
      const build = buildSite(root, out);
      expect(build.status).not.toBe(0);
      expect(build.stdout + build.stderr).toContain(where);
      expect(fs.existsSync(out)).toBe(false);
    });
  }
});
