/**
 * Finished Pagefind bundles kept between builds (issue 9, incremental rebuilds), under Astro's
 * cache directory (`.cache/astro/roots/<content root>/search-bundles/`, which the CI examples already keep).
 *
 * A bundle is reused only when its key matches: Pagefind's version and the path and bytes of
 * every page it indexes, so an edit anywhere in a bundle re-indexes that bundle and a stale
 * index can never be served. Pagefind writes the same files for the same pages. `astro build
 * --force` does not read the cache (it still refreshes it). Entries unused for a week go.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const MAX_AGE_MS = 7 * 24 * 3600 * 1000;

export interface BundleCache {
  dir: string;
  /** False for `--force` builds: index everything, then store the bundles for next time. */
  read: boolean;
}

export function bundleKey(pagefindVersion: string, pages: ReadonlyArray<{ rel: string; html: string }>): string {
  const hash = crypto.createHash('sha256').update(`pagefind ${pagefindVersion}\n`);
  for (const p of [...pages].sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0))) {
    hash.update(`${p.rel}\n${p.html.length}\n`).update(p.html);
  }
  return hash.digest('hex').slice(0, 32);
}

/** Copies a cached bundle to `to`; false when there is none. */
export function restoreBundle(cache: BundleCache, key: string, to: string): boolean {
  const from = path.join(cache.dir, key);
  if (!cache.read || !fs.existsSync(from)) return false;
  fs.cpSync(from, to, { recursive: true });
  const now = new Date();
  fs.utimesSync(from, now, now);
  return true;
}

/** Stores a bundle Pagefind just wrote (written aside, then renamed: never half an entry). */
export function saveBundle(cache: BundleCache, key: string, from: string): void {
  const to = path.join(cache.dir, key);
  if (fs.existsSync(to)) return;
  const tmp = `${to}.tmp-${process.pid}`;
  fs.mkdirSync(cache.dir, { recursive: true });
  fs.cpSync(from, tmp, { recursive: true });
  try {
    fs.renameSync(tmp, to);
  } catch {
    fs.rmSync(tmp, { recursive: true, force: true }); // another build stored it meanwhile
  }
}

/** Drops entries nobody used for a week (each is a whole bundle, tens of MB at 2,500 pages). */
export function pruneBundles(cache: BundleCache): void {
  if (!fs.existsSync(cache.dir)) return;
  const cutoff = Date.now() - MAX_AGE_MS;
  for (const name of fs.readdirSync(cache.dir)) {
    const entry = path.join(cache.dir, name);
    if (fs.statSync(entry).mtimeMs < cutoff) fs.rmSync(entry, { recursive: true, force: true });
  }
}
