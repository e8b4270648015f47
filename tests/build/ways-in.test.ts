/**
 * Issue 17: whatever gets past the earlier gates, the output scan stops. A copy of the project
 * with the content check taken out of its configuration (as if it had been bypassed) builds a
 * town whose plan body, public/ folder and a component each carry a personal number: `npm run
 * build` fails naming every output file and where it came from, and the previous site stays
 * byte for byte. A commit message reaches the site only as the revision history, masked.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BATTERY, MOBILE, showsDigits } from '../fixtures/privacy/battery';
import { contentRootWith, LINHE } from '../helpers/content';
import { build, fingerprint, projectCopy } from '../helpers/project';

const PLAN = 'plans/wangge-fuwu-2026.mdx';
const way = (name: string) => BATTERY.find((w) => w.name === name)!;

/** The content root as a git repository whose last commit of the plan has a number in its message. */
function rootInGit(): string {
  const root = contentRootWith(undefined, LINHE);
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'core.hooksPath=/dev/null', '-c', 'user.email=t@example.invalid', '-c', 'user.name=t', ...args], { cwd: root, stdio: 'ignore' });
  git('init', '-q');
  git('add', '.');
  git('commit', '-qm', '首次公开');
  fs.appendFileSync(path.join(root, PLAN), '\n本方案已修订。\n');
  git('commit', '-qam', `更正联系人 ${MOBILE}`);
  return root;
}

describe('every way in, past the content check', () => {
  it('the output scan stops the build, naming each output and its source, and the previous site stays whole', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'gkl-ways-'));
    const site = path.join(out, 'site');
    const root = rootInGit();
    const project = projectCopy();
    const config = path.join(project, 'astro.config.ts');
    fs.writeFileSync(config, fs.readFileSync(config, 'utf8').replace('contentCheck(contentRoot),', ''));
    // The content loader validates what it was not handed: take that gate out too.
    const loaderGate = path.join(project, 'src/lib/build/validated-content.ts');
    const gate = 'if (problems.length > 0) throw new ContentError(problems);';
    expect(fs.readFileSync(loaderGate, 'utf8')).toContain(gate);
    fs.writeFileSync(loaderGate, fs.readFileSync(loaderGate, 'utf8').replace(gate, 'void ContentError;'));
    // The good site is built by the same project, so the bad build below starts from the list of
    // files the output scan found clean (src/lib/output/scan-cache.ts): what changed is read again.
    const good = build(root, site, project);
    expect(good.status, good.stderr).toBe(0);
    expect(good.stdout + good.stderr).toContain(' 0 unchanged since a clean scan');
    // The commit message is published only as the revision history, masked.
    const planPage = fs.readFileSync(path.join(site, 'plans/wangge-fuwu-2026/index.html'), 'utf8');
    expect(planPage).toContain('更正联系人 138******45');
    expect(planPage).not.toContain(MOBILE);
    const previous = fingerprint(site);

    fs.writeFileSync(path.join(project, 'public/leak.txt'), `值班 ${way('bank-card: 4-4-4-4-3 with spaces').text}\n`);
    const page = path.join(project, 'src/town/pages/404.astro');
    fs.writeFileSync(
      page,
      fs
        .readFileSync(page, 'utf8')
        .replace('</BaseLayout>', `  <p>电话 {${JSON.stringify(MOBILE.slice(0, 5))} + ${JSON.stringify(MOBILE.slice(5))}}</p>\n</BaseLayout>`),
    );
    fs.appendFileSync(path.join(root, PLAN), `\n联系人身份证 ${way('resident-id: zero-width spaces between digits').text}\n`);

    const bad = build(root, site, project);
    const output = bad.stdout + bad.stderr;
    expect(bad.status).not.toBe(0);
    expect(output).not.toContain('内容检查未通过'); // the content check really was out of the way
    expect(output).toMatch(/ [1-9]\d* unchanged since a clean scan/);
    expect(output).toContain(`${site}/plans/wangge-fuwu-2026/index.html:`);
    expect(output).toContain(`source: ${path.join(root, PLAN)}`);
    expect(output).toContain(`${site}/leak.txt:1:`);
    expect(output).toMatch(/source: \S*public\/leak\.txt/);
    expect(output).toContain(`${site}/404.html:`);
    expect(output).toMatch(/pagefind\/fragment\/\S+\.pf_fragment/);
    expect(BATTERY.filter((w) => showsDigits(output, w.digits)).map((w) => w.name)).toEqual([]);
    expect(fingerprint(site)).toEqual(previous);
    for (const dir of [project, root, out]) fs.rmSync(dir, { recursive: true, force: true });
  }, 300_000);
});
