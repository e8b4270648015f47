/**
 * npm run build — builds the site and publishes it to OUT_DIR (default dist/) only when every
 * gate passed (issue 17 item 5): the content check, Astro, the Pagefind index and the scan of
 * the finished output (src/integrations/output-scan.ts).
 *
 *   CONTENT_DIR=… OUT_DIR=… npm run build [-- --force]     (arguments go to `astro build`)
 *
 * 1. Takes OUT_DIR's lock (`.<OUT_DIR>.gkl-lock` beside it, naming this process): a second build
 *    of the same OUT_DIR is refused at once. A lock left by a process that is gone is taken over,
 *    and what a killed build left beside OUT_DIR is tidied (src/lib/build/swap.ts).
 * 2. Waits for the checkout's lock: builds of one checkout share its `.astro/` directory.
 * 3. Runs `astro build` with OUT_DIR set to a staging directory in `.cache/build/`, inside the
 *    project, so Astro's server chunks (`.prerender/`) stay there too and are never published.
 * 4. Only when it exited 0 and the staging directory holds nothing but the site: the swap
 *    (two renames, src/lib/build/swap.ts); the previous site is deleted in the background.
 *    Any failure, or a kill, leaves OUT_DIR as it was.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { resolveContentRoot } from '../src/lib/content/root';
import { checkoutLockFile, besideOutDir, contentCacheDir, outDirProblem, PUBLISH_DIR_ENV, stagingDir } from '../src/lib/build/paths';
import { tryLock, waitForLock, type LockOwner } from '../src/lib/build/lock';
import { publishSite, recoverOutDir } from '../src/lib/build/swap';
import { pruneCaches, pruneStaging } from '../src/lib/build/cache';

const PROJECT = path.resolve(import.meta.dirname, '..');
const ASTRO = path.join(PROJECT, 'node_modules', '.bin', 'astro');
/** Exit status of a build refused because another one holds OUT_DIR (EX_TEMPFAIL). */
const BUSY = 75;

const outDir = path.resolve(process.env.OUT_DIR?.trim() || 'dist');
const contentRoot = resolveContentRoot();

function fail(message: string, status = 1): never {
  console.error(`✗ ${message}`);
  process.exit(status);
}

/** Server chunks and content modules: never part of a site (Astro removes them; this makes sure). */
function nonSiteFiles(site: string): string[] {
  return (fs.readdirSync(site, { recursive: true }) as string[]).filter((rel) => {
    const parts = rel.split(path.sep);
    return parts.includes('.prerender') || parts.includes('.astro') || /\.(?:mjs|cjs)(?:\.map)?$/.test(rel) || parts.at(-1) === 'data-store.json';
  });
}

function holder(owner: LockOwner | undefined): string {
  return owner ? `进程 ${owner.pid}，${owner.started} 开始 (process ${owner.pid}, since ${owner.started})` : '未知进程 (unknown process)';
}

const problem = outDirProblem(outDir, PROJECT, contentRoot);
if (problem) fail(`${problem}\n  未构建，未发布。(Nothing was built or published.)`);

const { lock: lockFile } = besideOutDir(outDir);
const attempt = tryLock(lockFile, `npm run build → ${outDir}`);
const lock = attempt.ok
  ? attempt
  : fail(
      `另一个构建正在生成 ${outDir}（${holder(attempt.owner)}）；本次构建已拒绝，请等它结束后再运行。锁文件：${lockFile}\n` +
        `  (Another build is writing ${outDir}; this one is refused — run it again when that one has finished. Lock file: ${lockFile})`,
      BUSY,
    );
for (const note of recoverOutDir(outDir)) console.log(`• ${outDir}: ${note}`);

const staging = stagingDir(PROJECT, outDir);
const work = path.dirname(staging);
let releaseCheckout: (() => void) | undefined;
let child: ReturnType<typeof spawn> | undefined;

function cleanUp(): void {
  releaseCheckout?.();
  fs.rmSync(work, { recursive: true, force: true });
  lock.release();
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    child?.kill(signal);
    cleanUp();
    console.error(`✗ 构建被中断，${outDir} 保持不变。(Build interrupted; ${outDir} is unchanged.)`);
    process.exit(128 + (signal === 'SIGINT' ? 2 : signal === 'SIGTERM' ? 15 : 1));
  });
}

releaseCheckout = await waitForLock(checkoutLockFile(PROJECT), `npm run build → ${outDir}`, (owner) =>
  console.log(`… 本仓库的另一个构建正在进行（${holder(owner)}），等待它结束。(Another build of this checkout is running; waiting for it.)`),
);
fs.rmSync(work, { recursive: true, force: true });
fs.mkdirSync(work, { recursive: true });

const status = await new Promise<number>((resolve) => {
  child = spawn(ASTRO, ['build', ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, OUT_DIR: staging, [PUBLISH_DIR_ENV]: outDir },
  });
  lock.setChild(child.pid!);
  child.on('error', (err) => {
    console.error(err);
    resolve(1);
  });
  child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
});
releaseCheckout();
releaseCheckout = undefined;

if (status !== 0) {
  cleanUp();
  fail(`构建失败，未发布；${outDir} 保持上次发布的网站不变。(Build failed; nothing was published and ${outDir} keeps the last published site.)`, status);
}
const stray = nonSiteFiles(staging);
if (stray.length > 0) {
  cleanUp();
  fail(
    `生成目录里有不属于网站的文件（${stray.slice(0, 3).join('、')}），未发布。(The build left files that are not part of the site (${stray.slice(0, 3).join(', ')}); nothing was published.)`,
  );
}

const { copied, ms, old } = publishSite(staging, outDir, process.pid, { keepOld: true });
cleanUp();
// The previous site is deleted after this command ends: the new one is live already. Whatever is
// left of it (a machine stopped meanwhile) goes at the start of the next build (recoverOutDir).
if (old) {
  spawn(process.execPath, ['-e', 'require("node:fs").rmSync(process.argv[1], { recursive: true, force: true })', old], {
    detached: true,
    stdio: 'ignore',
  }).unref();
}
pruneCaches(PROJECT, contentCacheDir(PROJECT, contentRoot));
pruneStaging(PROJECT);
console.log(
  `✓ 已发布到 ${outDir}（${copied ? '跨文件系统复制后' : ''}两次改名，${Math.round(ms)} 毫秒）。(Published to ${outDir}: ${copied ? 'copied across file systems, then ' : ''}two renames, ${Math.round(ms)} ms.)`,
);
