/**
 * `npm run build` publishes only a site that passed every gate, and never destroys the last one
 * (issue 17 items 3 and 5, scripts/build.ts): a build whose output scan finds a number fails
 * naming the output file and leaves OUT_DIR byte for byte as it was; a build killed half-way
 * leaves the previous site whole, served as it was by the real nginx; a second build of the same
 * OUT_DIR is refused while one runs; OUT_DIR outside the repository receives the site only.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { builds, listFiles } from '../helpers/build';
import { build, fingerprint, projectCopy } from '../helpers/project';
import { contentRootWith, LINHE, REPO } from '../helpers/content';
import { serveDir, type StaticServer } from '../../tooling/nginx';
import { readOutputText, scanOutputDir } from '../../src/lib/output/scan';
import { besideOutDir, stagingDir } from '../../src/lib/build/paths';
import { deskAppFiles } from '../../src/lib/site/desk';
import { TODAY } from '../today';

// A mobile number built in code, so no literal one sits in the repository.
const MOBILE_PARTS = ['139', '5711', '2346'];
const NEW_TEXT = '本段只在新一版网站里出现。';
const PLAN = 'plans/wangge-fuwu-2026.mdx';
const PLAN_PAGE = 'plans/wangge-fuwu-2026/index.html';

const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'gkl-www-'));
let server: StaticServer | undefined;
afterAll(async () => {
  await server?.close();
});

describe('the output scan over the sample build', () => {
  it('finds nothing in the sample site, and reads all of it in well under the build’s time', () => {
    const started = performance.now();
    const result = scanOutputDir(builds.sample);
    const ms = performance.now() - started;
    expect(result.problems).toEqual([]);
    expect(result.textFiles).toBeGreaterThan(800);
    // 267 pages, ~880 text files, 5.3 MB: ~0.3 s on the 2-core test machine.
    expect(ms).toBeLessThan(3000);
  });
});

describe('npm run build publishes only a site that passed, and keeps the last one otherwise', () => {
  const out = path.join(outside, 'www', 'linhe');
  let previous: Record<string, string>;

  it('puts only the site into an OUT_DIR outside the repository: no server chunks, content modules or machine paths', () => {
    const r = build(LINHE, out);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain(`已发布到 ${out}`);
    const files = listFiles(out);
    expect(files).toContain('index.html');
    expect(files).toContain(PLAN_PAGE);
    // The desk's application is the one place a chunks/ folder belongs: its own build, in /admin/.
    const deskApp = new Set(deskAppFiles(out));
    expect(deskApp.size).toBeGreaterThan(0);
    const notSite = files.filter(
      (f) =>
        /(^|\/)\.|\.m?js\.map$|\.mjs$|data-store\.json$|content-(modules|assets)\.mjs$|\.schema\.json$/.test(f) ||
        (/(^|\/)chunks\//.test(f) && !deskApp.has(f)),
    );
    expect(notSite).toEqual([]);
    for (const f of files) {
      const text = readOutputText(fs.readFileSync(path.join(out, f)));
      if (text === undefined) continue;
      expect(text.includes(REPO), f).toBe(false);
      expect(text.includes(LINHE), f).toBe(false);
    }
    // Nothing of the build is left beside OUT_DIR or in the staging directory.
    expect(fs.readdirSync(path.dirname(out))).toEqual(['linhe']);
    expect(fs.existsSync(path.dirname(stagingDir(REPO, out)))).toBe(false);
    previous = fingerprint(out);
  });

  it('fails when a component prints a personal number, naming the output file, and leaves OUT_DIR byte for byte as it was', () => {
    const project = projectCopy();
    const page = path.join(project, 'src/town/pages/404.astro');
    fs.writeFileSync(
      page,
      fs.readFileSync(page, 'utf8').replace('</BaseLayout>', `  <p>值班电话 {${JSON.stringify(MOBILE_PARTS)}.join('')}</p>\n</BaseLayout>`),
    );
    const r = build(LINHE, out, project);
    const output = r.stdout + r.stderr;
    expect(r.status).not.toBe(0);
    expect(output).toContain(`${out}/404.html:1:`);
    expect(output).toContain('手机号码（139******46）');
    expect(output).toContain('source: output');
    expect(output).toContain('未发布');
    expect(output).not.toContain(MOBILE_PARTS.join(''));
    expect(fingerprint(out)).toEqual(previous);
    fs.rmSync(project, { recursive: true, force: true });
  }, 120_000);

  it('refuses content that fails the check with the report alone — no stack trace — and leaves OUT_DIR as it was', () => {
    const bad = contentRootWith();
    const villages = path.join(bad, 'villages.json');
    fs.writeFileSync(villages, fs.readFileSync(villages, 'utf8').replace(/"population": (\d+)/, '"population": "$1"'));
    const r = build(bad, out);
    const output = r.stdout + r.stderr;
    expect(r.status).toBe(1);
    expect(output).toMatch(/villages\.json:\d+:\d+ {2}\[\[0\]\.population\]/);
    expect(output).toContain('内容检查未通过，未生成网站。(Content check failed; nothing was built.)');
    expect(output).toContain('未发布');
    expect(output).not.toMatch(/Stack trace|unhandled error|at async /);
    expect(fingerprint(out)).toEqual(previous);
    fs.rmSync(bad, { recursive: true, force: true });
  }, 120_000);

  it('killed half-way (SIGKILL), leaves the previous site whole; a second build meanwhile is refused; the next build takes the stale lock over', async () => {
    const edited = contentRootWith();
    fs.appendFileSync(path.join(edited, PLAN), `\n${NEW_TEXT}\n`);
    const staging = stagingDir(REPO, out);
    const { NODE_ENV: _vitest, ...env } = process.env;
    const child = spawn('npm', ['run', '--silent', 'build'], {
      cwd: REPO,
      detached: true,
      stdio: 'ignore',
      env: { ...env, SITE_TODAY: TODAY, TZ: 'Asia/Shanghai', CONTENT_DIR: edited, OUT_DIR: out },
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    const deadline = Date.now() + 90_000;
    while (!(fs.existsSync(staging) && fs.readdirSync(staging).length > 0)) {
      if (Date.now() > deadline) throw new Error('the build never wrote its staging directory');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }

    const second = build(LINHE, out);
    expect(second.status).toBe(75);
    expect(second.stderr).toContain(`另一个构建正在生成 ${out}`);
    expect(second.stderr).toContain('Another build is writing');
    expect(second.stderr).toContain(besideOutDir(out).lock);

    process.kill(-child.pid!, 'SIGKILL');
    // Killed, not finished: it never got to publish.
    expect(await exited).toBe('SIGKILL');
    expect(fingerprint(out)).toEqual(previous);

    server = await serveDir(out);
    const home = await fetch(server.url);
    expect(home.status).toBe(200);
    expect(await home.text()).toBe(fs.readFileSync(path.join(out, 'index.html'), 'utf8'));
    const plan = await fetch(new URL('plans/wangge-fuwu-2026/', server.url));
    expect(plan.status).toBe(200);
    const planText = await plan.text();
    expect(planText).toContain('麟禾镇网格化服务管理实施方案（2026年修订）');
    expect(planText).not.toContain(NEW_TEXT);
    const csv = await fetch(new URL('data/disputes-monthly.csv', server.url));
    expect(csv.status).toBe(200);
    expect(Buffer.from(await csv.arrayBuffer()).equals(fs.readFileSync(path.join(out, 'data/disputes-monthly.csv')))).toBe(true);

    // The killed build's lock is still there; the next build takes it over and publishes under the running server.
    expect(fs.existsSync(besideOutDir(out).lock)).toBe(true);
    const next = build(edited, out);
    expect(next.status, next.stdout + next.stderr).toBe(0);
    expect(await (await fetch(new URL('plans/wangge-fuwu-2026/', server.url))).text()).toContain(NEW_TEXT);
    // The previous site is deleted in the background once the new one is live; then nothing is left beside OUT_DIR.
    const until = Date.now() + 30_000;
    while (fs.readdirSync(path.dirname(out)).length > 1 && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(fs.readdirSync(path.dirname(out))).toEqual(['linhe']);
  }, 240_000);
});
