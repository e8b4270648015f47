/**
 * Keeping the per-root caches (./paths.ts `contentCacheDir`) from growing without end: a root
 * not built for a week loses its cache (its next build is a cold one), and the cache all roots
 * shared before issue 17 is removed, since its entries may carry another root's file paths.
 */
import fs from 'node:fs';
import path from 'node:path';
import { CACHE_BASE } from './paths';

const WEEK_MS = 7 * 24 * 3600 * 1000;
/** What Astro and the search index kept directly in CACHE_BASE before caches were per root. */
const SHARED_LEFTOVERS = ['data-store.json', 'search-bundles', 'content-assets.mjs', 'content-modules.mjs'];

/** Marks `ownCache` as used now and removes other roots' caches unused for `maxAgeMs`. Returns what went. */
export function pruneCaches(project: string, ownCache: string, maxAgeMs = WEEK_MS, now = Date.now()): string[] {
  const base = path.join(project, CACHE_BASE);
  const removed: string[] = [];
  for (const name of SHARED_LEFTOVERS) {
    const p = path.join(base, name);
    if (fs.existsSync(p)) {
      fs.rmSync(p, { recursive: true, force: true });
      removed.push(name);
    }
  }
  if (fs.existsSync(ownCache)) fs.utimesSync(ownCache, new Date(now), new Date(now));
  const roots = path.join(base, 'roots');
  if (!fs.existsSync(roots)) return removed;
  for (const name of fs.readdirSync(roots)) {
    const p = path.join(roots, name);
    if (path.resolve(p) === path.resolve(ownCache)) continue;
    if (now - fs.statSync(p).mtimeMs > maxAgeMs) {
      fs.rmSync(p, { recursive: true, force: true });
      removed.push(`roots/${name}`);
    }
  }
  return removed;
}
