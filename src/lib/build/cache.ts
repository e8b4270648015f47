/**
 * Keeping the per-root caches (./paths.ts `contentCacheDir`) from growing without end: a root
 * not built for a week loses its cache (its next build is a cold one), and the cache all roots
 * shared before issue 17 is removed, since its entries may carry another root's file paths.
 */
import fs from 'node:fs';
import path from 'node:path';
import { BUILD_WORK, CACHE_BASE } from './paths';

const WEEK_MS = 7 * 24 * 3600 * 1000;
const DAY_MS = 24 * 3600 * 1000;
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

/**
 * Removes staging directories (`.cache/build/<OUT_DIR key>/`) untouched for a day: a build killed
 * before publishing leaves one, and the next build of that OUT_DIR, which would replace it, may
 * never come. A day, so that a build of another OUT_DIR publishing right now keeps its own.
 */
export function pruneStaging(project: string, maxAgeMs = DAY_MS, now = Date.now()): string[] {
  const work = path.join(project, BUILD_WORK);
  if (!fs.existsSync(work)) return [];
  const removed: string[] = [];
  for (const entry of fs.readdirSync(work, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const p = path.join(work, entry.name);
    if (now - fs.statSync(p).mtimeMs > maxAgeMs) {
      fs.rmSync(p, { recursive: true, force: true });
      removed.push(entry.name);
    }
  }
  return removed;
}
