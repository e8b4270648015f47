/**
 * A large site's index in several Pagefind bundles (src/lib/search/bundles.ts), merged by
 * /search/ in the browser. The sample build is re-indexed with 80 pages per bundle — the same
 * code path a 5,000-page site takes at 4,000 — and must find exactly what the one-bundle index
 * finds: the same counts, the same pages, filters and date order across bundles.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSearchIndex } from '../../src/integrations/search-index';
import { launchBrowser } from '../../tooling/browser';
import { builds, TEST_DIST } from '../helpers/build';
import { serveDir, type StaticServer } from '../../tooling/nginx';
import { runSearch } from '../helpers/search';

const SPLIT = path.join(TEST_DIST, 'sample-split');
let browser: Browser;
let one: StaticServer;
let split: StaticServer;
let page: Page;
let indexed: { pages: number; bundles: number };

const json = <T>(dir: string, rel: string) => JSON.parse(fs.readFileSync(path.join(dir, rel), 'utf8')) as T;
const pageCount = (dir: string, bundle: string) =>
  Object.values(json<{ languages: Record<string, { page_count: number }> }>(dir, `${bundle}pagefind-entry.json`).languages).reduce(
    (n, l) => n + l.page_count,
    0,
  );

beforeAll(async () => {
  fs.rmSync(SPLIT, { recursive: true, force: true });
  fs.cpSync(builds.sample, SPLIT, { recursive: true });
  fs.rmSync(path.join(SPLIT, 'pagefind'), { recursive: true });
  fs.rmSync(path.join(SPLIT, 'search/parts.json'));
  indexed = await buildSearchIndex(SPLIT, { perBundle: 80 });
  [one, split] = await Promise.all([serveDir(builds.sample, '/'), serveDir(SPLIT, '/')]);
  browser = await launchBrowser();
  page = await (await browser.newContext({ viewport: { width: 390, height: 800 } })).newPage();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await Promise.all([one?.close(), split?.close()]);
});

describe('a search index split into bundles', () => {
  it('writes the bundles, lists the further ones, and indexes every page once', () => {
    expect(json<string[]>(builds.sample, 'search/parts.json')).toEqual([]);
    const total = pageCount(builds.sample, 'pagefind/');
    expect(indexed.bundles).toBe(Math.ceil(total / 80));
    const parts = json<string[]>(SPLIT, 'search/parts.json');
    expect(parts).toEqual(Array.from({ length: indexed.bundles - 1 }, (_, i) => `pagefind/part-${i + 2}/`));
    const counts = ['pagefind/', ...parts].map((b) => pageCount(SPLIT, b));
    expect(counts.every((n) => n <= 80 && n > 0)).toBe(true);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(total);
    expect(indexed.pages).toBe(total);
  });

  it('finds what the one-bundle index finds, loading every bundle', async () => {
    const requested: string[] = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    for (const q of ['调解', '低保', '网格员', '村务公开', '未成年人']) {
      const a = await runSearch(page, one.url, q);
      const b = await runSearch(page, split.url, q);
      expect(b.state, q).toBe(a.state);
      expect(b.status, q).toBe(a.status); // "找到 N 条…": the same count
      expect(a.state === 'done' && a.paths.length > 0, q).toBe(true);
      if (a.paths.length < 10) expect([...b.paths].sort(), q).toEqual([...a.paths].sort());
    }
    page.removeAllListeners('request');
    expect(requested).toContain('/search/parts.json');
    for (const part of json<string[]>(SPLIT, 'search/parts.json')) expect(requested).toContain(`/${part}pagefind-entry.json`);
  });

  it('filters and sorts by date across bundles', async () => {
    const a = await runSearch(page, one.url, '调解', { type: '普法' });
    const b = await runSearch(page, split.url, '调解', { type: '普法' });
    expect(b.status).toBe(a.status);
    expect(b.paths.length).toBeGreaterThan(0);
    expect(b.paths.every((p) => p.startsWith('/legal/'))).toBe(true);

    await runSearch(page, split.url, '公示', { sort: 'date' });
    const dates = (await page.locator('[data-exact] .result-meta').allTextContents()).map((m) => /\d{4}-\d{2}-\d{2}$/.exec(m)?.[0] ?? '');
    expect(dates.length).toBeGreaterThan(3);
    expect(dates).toEqual([...dates].sort().reverse());
  });
});
