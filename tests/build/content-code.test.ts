/**
 * Content never runs code, end to end: a plan of the sample town that imports node:fs and reads
 * process.env fails `npm run check` and `npm run build` at its file and line, and nothing is
 * published. With the content check taken out of the real astro.config.ts, the compile's own
 * guard still refuses the MDX (the file it would write is never written, the secret never
 * reaches the output) and a .md notice with a script.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite, checkContent, listFiles, run, TEST_DIST } from '../helpers/build';
import { contentRootWith, REPO, SAMPLE } from '../helpers/content';

const PLAN = 'plans/shehui-zhili-2026.mdx';
const SECRET = `gkl-secret-${process.pid}`;

/** The sample with a plan whose body ends with code; returns the root, the file and the lines of the import and the expression. */
function rootWithCode(pwned: string) {
  const root = contentRootWith(undefined, SAMPLE);
  const file = path.join(root, PLAN);
  const lines = fs.readFileSync(file, 'utf8').replace(/\n*$/, '\n').split('\n');
  const importLine = lines.length + 1;
  const added = ['', "import fs from 'node:fs'", '', `{fs.writeFileSync(${JSON.stringify(pwned)}, 'x') ?? process.env.GKL_SECRET}`, ''];
  fs.writeFileSync(file, lines.join('\n') + added.join('\n'));
  return { root, file, importLine, expressionLine: importLine + 2 };
}

describe('content code in the sample town', () => {
  it('fails npm run check and npm run build naming the file and line, and publishes nothing', () => {
    const pwned = path.join(os.tmpdir(), `gkl-pwned-${process.pid}-check`);
    const { root, file, importLine, expressionLine } = rootWithCode(pwned);

    const check = checkContent(root);
    expect(check.status).toBe(1);
    expect(check.stderr).toContain(`${file}:${importLine}:1`);
    expect(check.stderr).toContain(`${file}:${expressionLine}:1`);
    expect(check.stderr).toContain('正文里不能写 import');
    expect(check.stderr).toContain('no {…} expression in a body');

    const out = path.join(TEST_DIST, 'content-code');
    const build = buildSite(root, out, { GKL_SECRET: SECRET });
    expect(build.status).not.toBe(0);
    expect(build.stdout + build.stderr).toContain(`${file}:${importLine}:1`);
    expect(fs.existsSync(out)).toBe(false);
    expect(fs.existsSync(pwned)).toBe(false);
  });

  it('is refused by the compile itself when the content check is taken out of the build', () => {
    const pwned = path.join(os.tmpdir(), `gkl-pwned-${process.pid}-guard`);
    const { root, file, importLine } = rootWithCode(pwned);
    // The shipped configuration, only without the content check (as if it had been bypassed).
    const config = path.join(TEST_DIST, 'no-check.config.ts');
    const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gkl-cache-'));
    fs.mkdirSync(TEST_DIST, { recursive: true });
    fs.writeFileSync(
      config,
      [
        "import config from '../astro.config';",
        // A cache of its own: the shared one may hold entries of another root (issue 17, item 6).
        `export default { ...config, cacheDir: ${JSON.stringify(cacheDir)}, integrations: config.integrations?.filter((i) => i.name !== 'gongkailan:content-check') };`,
        '',
      ].join('\n'),
    );
    const out = path.join(TEST_DIST, 'content-code-no-check');
    fs.rmSync(out, { recursive: true, force: true });
    const build = run('npx', ['astro', 'build', '--config', path.relative(REPO, config)], { CONTENT_DIR: root, OUT_DIR: out, GKL_SECRET: SECRET });
    const output = build.stdout + build.stderr;
    expect(build.status).not.toBe(0);
    // Not the content check's summary: the compile's guard.
    expect(output).not.toContain('内容检查未通过');
    expect(output).toContain(`${file}:${importLine}:1`);
    expect(output).toContain('正文里不能写 import');
    expect(fs.existsSync(pwned)).toBe(false);
    const published = fs.existsSync(out) ? listFiles(out) : [];
    expect(published.filter((f) => fs.readFileSync(path.join(out, f)).includes(SECRET))).toEqual([]);
    expect(published.filter((f) => f.endsWith('.html'))).toEqual([]);

    // A .md notice with a script: the Markdown render refuses it too.
    fs.writeFileSync(file, fs.readFileSync(path.join(SAMPLE, PLAN), 'utf8'));
    // A copy of one of the sample's notices, as .md, with a script after its text.
    const [village, sampleNotice] = fs
      .readdirSync(path.join(root, 'disclosures'))
      .sort()
      .flatMap((v) =>
        fs
          .readdirSync(path.join(root, 'disclosures', v))
          .filter((f) => f.includes('-notice-'))
          .map((f) => [v, f] as const),
      )[0]!;
    const text = fs.readFileSync(path.join(root, 'disclosures', village, sampleNotice), 'utf8').replace(/\n*$/, '\n');
    const scriptLine = text.split('\n').length + 1;
    const notice = path.join(root, 'disclosures', village, sampleNotice.replace(/-notice-.*$/, '-notice-guard-test.md'));
    fs.writeFileSync(notice, `${text}\n<script>alert(1)</script>\n`);
    fs.rmSync(out, { recursive: true, force: true });
    const md = run('npx', ['astro', 'build', '--config', path.relative(REPO, config)], { CONTENT_DIR: root, OUT_DIR: out });
    expect(md.status).not.toBe(0);
    expect(md.stdout + md.stderr).toContain(`${notice}:${scriptLine}`);
    expect(md.stdout + md.stderr).toContain('正文里不能用 HTML 元素 <script>');
    for (const dir of [out, cacheDir, config]) fs.rmSync(dir, { recursive: true, force: true });
  });
});
