/**
 * The officials' commands on bad input: `npm run check` and `npm run build` exit non-zero,
 * name the file, and the build publishes nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite, checkContent, run as runNpmCmd, TEST_DIST } from '../helpers/build';

const runNpm = (args: string[], env: Record<string, string>) => runNpmCmd('npm', args, env);
import { contentRootWith, faultCases, FIXTURES, SAMPLE } from '../helpers/content';

describe('npm run check', () => {
  it('passes on the sample content, quickly', () => {
    const r = checkContent(SAMPLE, ['--json']);
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { ok: boolean; ms: number };
    expect(out.ok).toBe(true);
    // "In seconds" (issue 2), with every LP audit of the datasets included; the privacy scan alone has its own < 1 s test.
    expect(out.ms).toBeLessThan(5000);
  });

  it('prints a long report whole to a pipe: the JSON of 400 problems parses and the text ends with its total', () => {
    const root = contentRootWith();
    const plan = fs.readFileSync(path.join(FIXTURES, 'faults', 'plan-unknown-dimension', 'plans', 'fault-plan.md'), 'utf8');
    for (let k = 0; k < 400; k++) fs.writeFileSync(path.join(root, 'plans', `fault-${k}.md`), plan.replace(/-00901$/m, `-${String(10000 + k)}`));
    const json = checkContent(root, ['--json']);
    expect(json.status).toBe(1);
    // Past the 64 KB a pipe holds at once, which process.exit() used to cut off.
    expect(json.stdout.length).toBeGreaterThan(128 * 1024);
    const parsed = JSON.parse(json.stdout) as { problems: Array<{ code: string }> };
    expect(parsed.problems.filter((p) => p.code === 'plan/unknown-dimension')).toHaveLength(400);
    const text = checkContent(root);
    expect(text.stderr).toMatch(/共 400 个问题/);
    fs.rmSync(root, { recursive: true, force: true });
  });

  // Every fault is reported by the same validateContentRoot the CLI and the build call, each one
  // checked in-process by tests/unit/faults.test.ts. Through the real CLI and a real build (about
  // seven seconds a case) go one fault of each rule family and every personal-data fault.
  const families = new Set<string>();
  const endToEnd = faultCases().filter((name) => {
    const code = (JSON.parse(fs.readFileSync(path.join(FIXTURES, 'faults', name, 'expected.json'), 'utf8')) as { code: string }).code;
    const family = code.split('/')[0]!;
    if (family === 'privacy') return true;
    if (families.has(family)) return false;
    families.add(family);
    return true;
  });

  it('runs end to end for one fault of every rule family', () => {
    expect(families.size).toBeGreaterThanOrEqual(10);
    expect(endToEnd.length).toBeLessThan(faultCases().length);
  });

  for (const name of endToEnd) {
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

describe('npm run new', () => {
  it('writes a plan and disclosures that pass npm run check, with the next 索引号', () => {
    const root = contentRootWith();
    const run = (...args: string[]) => runNpm(['run', '--silent', 'new', '--', ...args], { CONTENT_DIR: root });
    expect(run('plan', '--title', '麟禾镇矛盾纠纷多元化解工作方案').status).toBe(0);
    expect(run('disclosure', '--village', '330799203204', '--kind', 'finance', '--period', '2026-10').status).toBe(0);
    expect(run('disclosure', '--village', '330799203204', '--kind', 'notice', '--period', '2026-11', '--title', '一事一议筹资方案公示').status).toBe(0);
    const plan = fs.readFileSync(path.join(root, 'plans', 'maodunjiufenduoyuanhuajie-2026.mdx'), 'utf8');
    expect(plan).toContain('indexNumber: 11330799MB0T52819M/2026-00018');
    expect(plan).toContain('publishedOn: 2026-11-20');
    expect(fs.existsSync(path.join(root, 'disclosures/330799203204/2026-10-finance.json'))).toBe(true);
    // Same title again gets its own slug; an existing disclosure is never overwritten; unknown villages are refused.
    expect(run('plan', '--title', '麟禾镇矛盾纠纷多元化解工作方案').status).toBe(0);
    expect(run('disclosure', '--village', '330799203204', '--kind', 'finance', '--period', '2026-10').status).toBe(1);
    expect(run('disclosure', '--village', '999999999999', '--kind', 'finance').status).toBe(1);
    const check = checkContent(root);
    expect(check.status, check.stderr).toBe(0);
  });
});
