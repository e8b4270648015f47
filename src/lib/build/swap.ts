/**
 * Puts a finished site in place of the previous one (issue 17 item 5). OUT_DIR is always either
 * the previous site or the new one, whole, except between two renames:
 *
 *   1. the staging directory → `.<OUT_DIR>.gkl-new-<pid>` beside OUT_DIR (a rename on the same
 *      file system; a copy first when OUT_DIR is on another one, so the swap itself stays renames);
 *   2. OUT_DIR → `.<OUT_DIR>.gkl-old-<pid>`;
 *   3. `.gkl-new-<pid>` → OUT_DIR;
 *   4. the old site is deleted (by the caller, when it asks to keep it: `npm run build` deletes it
 *      in the background — 12,000 files take 4–8 s to delete and the new site is already live).
 *
 * Between 2 and 3 (microseconds) OUT_DIR does not exist; a build killed right there leaves the
 * previous site in `.gkl-old-<pid>`, and the next build puts it back ({@link recoverOutDir}).
 * A web server reading OUT_DIR by path serves the new site from its next request on; files it
 * has open stay readable until it closes them.
 */
import fs from 'node:fs';
import { besideOutDir } from './paths';

export interface PublishResult {
  /** True when the site was copied across file systems before the swap. */
  copied: boolean;
  /** Time of steps 1–3. */
  ms: number;
  /** The previous site, renamed away, when `keepOld` asked the caller to delete it. */
  old?: string;
}

/** Moves `staging` to `outDir` as above; `pid` names the swap directories. */
export function publishSite(staging: string, outDir: string, pid = process.pid, { keepOld = false } = {}): PublishResult {
  const started = performance.now();
  const { parent, next, old } = besideOutDir(outDir);
  fs.mkdirSync(parent, { recursive: true });
  const newDir = next(pid);
  const oldDir = old(pid);
  fs.rmSync(newDir, { recursive: true, force: true });
  let copied = false;
  try {
    fs.renameSync(staging, newDir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EXDEV') throw err;
    fs.cpSync(staging, newDir, { recursive: true, preserveTimestamps: true });
    fs.rmSync(staging, { recursive: true, force: true });
    copied = true;
  }
  const hadSite = fs.existsSync(outDir);
  if (hadSite) fs.renameSync(outDir, oldDir);
  fs.renameSync(newDir, outDir);
  const ms = performance.now() - started;
  if (hadSite && keepOld) return { copied, ms, old: oldDir };
  if (hadSite) fs.rmSync(oldDir, { recursive: true, force: true });
  return { copied, ms };
}

/**
 * Tidies what a killed build left beside OUT_DIR; call it holding OUT_DIR's lock, when no swap of
 * anyone else can be under way. With OUT_DIR missing, the previous site is put back from a
 * `.gkl-old-*` directory. Returns what was done, for the log.
 */
export function recoverOutDir(outDir: string): string[] {
  const { parent, swapRe } = besideOutDir(outDir);
  if (!fs.existsSync(parent)) return [];
  const done: string[] = [];
  const left = fs
    .readdirSync(parent)
    .map((name) => ({ name, m: swapRe.exec(name) }))
    .filter((e): e is { name: string; m: RegExpExecArray } => e.m !== null);
  const olds = left.filter((e) => e.m[1] === 'old').sort((a, b) => fs.statSync(`${parent}/${b.name}`).mtimeMs - fs.statSync(`${parent}/${a.name}`).mtimeMs);
  if (!fs.existsSync(outDir) && olds[0]) {
    fs.renameSync(`${parent}/${olds[0].name}`, outDir);
    done.push(`restored the previous site from ${olds[0].name}`);
  }
  for (const e of left) {
    const p = `${parent}/${e.name}`;
    if (!fs.existsSync(p)) continue;
    fs.rmSync(p, { recursive: true, force: true });
    done.push(`removed ${e.name}`);
  }
  return done;
}
