/**
 * Incremental search indexing (src/integrations/search-bundle-cache.ts): a bundle whose pages
 * are unchanged is copied from the cache, a bundle with an edited page is indexed again, and
 * either way the index is exactly what indexing from scratch writes. Real Pagefind, on the
 * sample build split into bundles of 80 pages.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSearchIndex } from '../../src/integrations/search-index';
import { builds, listFiles, TEST_DIST } from '../helpers/build';

const ROOT = path.join(TEST_DIST, 'search-cache');
const CACHE = path.join(ROOT, 'cache');
const PER_BUNDLE = 80;

/** A copy of the sample build without its search index. */
function freshSite(name: string): string {
  const dir = path.join(ROOT, name);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.cpSync(builds.sample, dir, { recursive: true });
  fs.rmSync(path.join(dir, 'pagefind'), { recursive: true });
  return dir;
}

/** Every file of the search index, path → bytes. */
function indexFiles(site: string): Map<string, string> {
  const dir = path.join(site, 'pagefind');
  return new Map(
    listFiles(dir)
      .sort()
      .map((f) => [f, fs.readFileSync(path.join(dir, f)).toString('base64')]),
  );
}

/** Adds a sentence to the indexed <main> of the page at `rel`. */
function edit(site: string, rel: string): void {
  const file = path.join(site, rel);
  fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('</main>', '<p>缓存检验：本页新增的一句话。</p></main>'));
}

let lastPage: string;

beforeAll(() => {
  fs.rmSync(ROOT, { recursive: true, force: true });
  // The page that sorts last is in the last bundle.
  lastPage = listFiles(builds.sample)
    .filter((f) => f.endsWith('.html') && !f.startsWith('pagefind/') && /\bdata-pagefind-body\b/.test(fs.readFileSync(path.join(builds.sample, f), 'utf8')))
    .sort()
    .at(-1)!;
});

describe('search bundles reused between builds', () => {
  it('indexes everything once, then copies unchanged bundles and re-indexes only the edited one — the same files as from scratch', async () => {
    const cache = { dir: CACHE, read: true };
    const first = await buildSearchIndex(freshSite('first'), { perBundle: PER_BUNDLE, cache });
    expect(first.bundles).toBeGreaterThan(2);
    expect(first.reused).toBe(0);
    expect(fs.readdirSync(CACHE)).toHaveLength(first.bundles);

    const again = freshSite('again');
    const second = await buildSearchIndex(again, { perBundle: PER_BUNDLE, cache });
    expect(second.reused).toBe(first.bundles);
    expect(indexFiles(again)).toEqual(indexFiles(path.join(ROOT, 'first')));

    const edited = freshSite('edited');
    edit(edited, lastPage);
    const third = await buildSearchIndex(edited, { perBundle: PER_BUNDLE, cache });
    expect(third.reused).toBe(first.bundles - 1);
    const scratch = freshSite('scratch');
    edit(scratch, lastPage);
    await buildSearchIndex(scratch, { perBundle: PER_BUNDLE });
    expect(indexFiles(edited)).toEqual(indexFiles(scratch));
    expect(indexFiles(edited)).not.toEqual(indexFiles(again));
  }, 120_000);

  it('reads nothing from the cache for a forced build, but still stores its bundles', async () => {
    const dir = path.join(ROOT, 'forced-cache');
    const forced = await buildSearchIndex(freshSite('forced'), { perBundle: PER_BUNDLE, cache: { dir, read: false } });
    expect(forced.reused).toBe(0);
    expect(fs.readdirSync(dir)).toHaveLength(forced.bundles);
    const next = await buildSearchIndex(freshSite('forced'), { perBundle: PER_BUNDLE, cache: { dir, read: false } });
    expect(next.reused).toBe(0);
  }, 120_000);
});
