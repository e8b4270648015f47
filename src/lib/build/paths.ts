/**
 * Where a build works and keeps its caches (issue 17 items 5 and 6).
 *
 * - Caches belong to one content root: Astro's content store matches entries by digest and keeps
 *   the path of the root that first stored them, so a cache shared by two roots could render one
 *   root's current file into the other's site. Each resolved root gets its own directory.
 * - `npm run build` builds into a staging directory of the project that belongs to one OUT_DIR
 *   (the same path every time: Astro clears its content cache when its outDir changes), and
 *   publishes it by renaming; the lock and the renamed directories sit beside OUT_DIR.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Set by scripts/build.ts for `astro build`: the OUT_DIR the staging directory will become (messages name it). */
export const PUBLISH_DIR_ENV = 'GKL_PUBLISH_DIR';

/** Astro's cache directory of the project (astro.config.ts), the one CI keeps between runs. */
export const CACHE_BASE = '.cache/astro';
/** Staging directories and the checkout's build lock. */
export const BUILD_WORK = '.cache/build';

/** The path as the file system resolves it (symlinks followed) when it exists. */
function realOrResolved(p: string): string {
  const abs = path.resolve(p);
  try {
    return fs.realpathSync(abs);
  } catch {
    return abs;
  }
}

/** `<folder name>-<12 hex of the path's SHA-256>`: readable, and one per path. */
function keyOf(p: string): string {
  const abs = realOrResolved(p);
  const name =
    path
      .basename(abs)
      .replace(/[^A-Za-z0-9._-]+/g, '_')
      .slice(0, 40) || 'root';
  return `${name}-${crypto.createHash('sha256').update(abs).digest('hex').slice(0, 12)}`;
}

/** The cache directory of one content root: `<project>/.cache/astro/roots/<key>`. */
export function contentCacheDir(project: string, contentRoot: string): string {
  return path.join(project, CACHE_BASE, 'roots', keyOf(contentRoot));
}

/** The staging directory `npm run build` gives Astro as outDir for this OUT_DIR. */
export function stagingDir(project: string, outDir: string): string {
  return path.join(project, BUILD_WORK, keyOf(outDir), 'site');
}

/** The lock serialising builds of one checkout (they share its `.astro/` directory). */
export function checkoutLockFile(project: string): string {
  return path.join(project, BUILD_WORK, 'checkout.lock');
}

/** Files beside OUT_DIR: its lock, and the directories of a swap (hidden, named after it). */
export function besideOutDir(outDir: string) {
  const parent = path.dirname(path.resolve(outDir));
  const name = path.basename(path.resolve(outDir));
  return {
    parent,
    lock: path.join(parent, `.${name}.gkl-lock`),
    next: (pid: number) => path.join(parent, `.${name}.gkl-new-${pid}`),
    old: (pid: number) => path.join(parent, `.${name}.gkl-old-${pid}`),
    /** Matches the swap directories of any build: `[whole, 'new' | 'old', pid]`. */
    swapRe: new RegExp(`^\\.${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.gkl-(new|old)-(\\d+)$`),
  };
}

function inside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * Why OUT_DIR must not be used, or undefined. Publishing renames OUT_DIR away and deletes it, so
 * it must be a directory of its own: not the project or a folder holding it, not inside the
 * sources, the content root or the caches, and — when it exists and is not empty — a site built
 * before (with an index.html or 404.html), not some other folder.
 */
export function outDirProblem(outDir: string, project: string, contentRoot: string): string | undefined {
  const out = realOrResolved(outDir);
  const proj = realOrResolved(project);
  const root = realOrResolved(contentRoot);
  if (inside(proj, out)) return `OUT_DIR（${out}）是本项目或包含本项目的目录。(OUT_DIR ${out} is the project or holds it.)`;
  if (inside(root, out) || inside(out, root)) return `OUT_DIR（${out}）与内容目录 ${root} 重叠。(OUT_DIR ${out} overlaps the content root ${root}.)`;
  for (const own of ['src', 'public', 'node_modules', '.git', '.cache', '.astro', 'scripts', 'tests']) {
    if (inside(out, path.join(proj, own))) return `OUT_DIR（${out}）在项目的 ${own}/ 里面。(OUT_DIR ${out} is inside the project's ${own}/.)`;
  }
  const stat = fs.statSync(out, { throwIfNoEntry: false });
  if (stat === undefined) return undefined;
  if (!stat.isDirectory()) return `OUT_DIR（${out}）已存在且不是目录。(OUT_DIR ${out} exists and is not a directory.)`;
  const entries = fs.readdirSync(out);
  if (entries.length > 0 && !entries.includes('index.html') && !entries.includes('404.html')) {
    return `OUT_DIR（${out}）不是空目录，也不像以前生成的网站（没有 index.html）；发布会替换整个目录，请换一个目录或先清空它。(OUT_DIR ${out} is not empty and holds no built site (no index.html); publishing replaces the whole directory: choose another or empty it first.)`;
  }
  return undefined;
}
