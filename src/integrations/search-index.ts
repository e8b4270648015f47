/**
 * Builds the Pagefind search index over the finished site, as the last step of `astro build`.
 *
 * Only pages that mark their content with `data-pagefind-body` are indexed (plans, disclosures,
 * village pages, 普法 articles, datasets, units — BaseLayout's `search` prop); navigation, footers
 * and list pages are not. The bundle goes to `<dist>/pagefind/` and is loaded by /search/ only;
 * a site of more than 4,000 such pages gets further bundles, one Pagefind run each, so that no
 * run needs more than ~3.6 GB (src/lib/search/bundles.ts). A bundle whose pages did not change
 * since the last build is copied from the cache (search-bundle-cache.ts) instead of re-indexed.
 * Pagefind's npm package runs its extended binary, which segments Chinese. It runs as the
 * command-line indexer rather than through the npm package's Node API: on 5,000 generated
 * articles the same binary took ~58 s that way against ~68 s as the API's service process,
 * with the same files written (docs/benchmarks.md).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { AstroIntegration } from 'astro';
import * as OpenCC from 'opencc-js';
import { buildTradMap } from '../lib/search/trad';
import { indexedMainText } from '../lib/search/indexed-text';
import { PAGEFIND_DIR, SEARCH_PARTS_FILE, SEARCH_TRAD_FILE } from '../lib/search/files';
import { bundlePagesSetting, PAGES_PER_BUNDLE, splitIntoBundles, type SearchBundle } from '../lib/search/bundles';
import { bundleKey, pruneBundles, restoreBundle, saveBundle, type BundleCache } from './search-bundle-cache';
import type { TradMap } from '../lib/search/query';

/**
 * `extraTrad`: more traditional→simplified pairs to ship (a portal's towns' maps).
 * SEARCH_BUNDLE_PAGES overrides the pages per bundle (src/lib/search/bundles.ts), for tests.
 */
export function searchIndex(extraTrad?: () => Promise<TradMap>): AstroIntegration {
  let cache: BundleCache | undefined;
  let perBundle = PAGES_PER_BUNDLE;
  return {
    name: 'gongkailan:search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        // `astro build --force` rebuilds everything, the search index included.
        cache = { dir: path.join(fileURLToPath(config.cacheDir), 'search-bundles'), read: !process.argv.includes('--force') };
        perBundle = bundlePagesSetting(process.env.SEARCH_BUNDLE_PAGES);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const { pages, bundles, reused, tradChars } = await buildSearchIndex(fileURLToPath(dir), {
          extraTrad: extraTrad ? await extraTrad() : {},
          perBundle,
          cache,
        });
        logger.info(
          `Pagefind: indexed ${pages} pages in ${Math.round(performance.now() - started)} ms (${bundles} bundle(s), ${reused} unchanged); ${tradChars} traditional characters mapped`,
        );
      },
    },
  };
}

/**
 * Indexes a built site in place: `<site>/pagefind/` (and `pagefind/part-2/` … for a large
 * site, listed in search/parts.json), and the traditional-character map.
 */
export async function buildSearchIndex(
  site: string,
  { extraTrad = {}, perBundle = PAGES_PER_BUNDLE, cache }: { extraTrad?: TradMap; perBundle?: number; cache?: BundleCache } = {},
): Promise<{ pages: number; bundles: number; reused: number; tradChars: number }> {
  const indexed = readIndexedPages(site);
  const html = new Map(indexed.map((p) => [p.rel, p.html]));
  const bundles = splitIntoBundles(
    indexed.map((p) => p.rel),
    perBundle,
  );
  const version = pagefindVersion();
  let reused = 0;
  // One Pagefind run per bundle, as many at once as there are cores: each holds only its own
  // bundle's pages in memory, and one run keeps only ~1.4 of 2 cores busy. A bundle whose pages are
  // byte for byte those of a cached one is copied instead (search-bundle-cache.ts).
  const indexOne = async (bundle: SearchBundle) => {
    const out = path.join(site, bundle.dir);
    const key =
      cache && bundle.pages.length > 0
        ? bundleKey(
            version,
            bundle.pages.map((rel) => ({ rel, html: html.get(rel)! })),
          )
        : undefined;
    if (cache && key && restoreBundle(cache, key, out)) {
      reused += 1;
      return;
    }
    await indexBundle(site, bundle);
    if (cache && key) saveBundle(cache, key, out);
  };
  const pagefind = (async () => {
    await inParallel(bundles, os.availableParallelism(), indexOne);
    if (cache) pruneBundles(cache);
  })();
  // Pagefind keeps about 1.4 of 2 cores busy; the character map is worked out meanwhile (~2 s at 5,000 pages).
  let trad: TradMap;
  try {
    trad = sortedKeys({ ...extraTrad, ...tradMapOf(indexed) });
  } catch (err) {
    await pagefind.catch(() => undefined);
    throw err;
  }
  await pagefind;
  const pages = bundles.reduce((n, b) => n + readPageCount(site, b.dir), 0);
  if (pages === 0) throw new Error('搜索索引为空：没有页面可索引。(Search index is empty: no page to index.)');
  writeJson(path.join(site, SEARCH_TRAD_FILE), trad);
  writeJson(
    path.join(site, SEARCH_PARTS_FILE),
    bundles.slice(1).map((b) => b.dir),
  );
  return { pages, bundles: bundles.length, reused, tradChars: Object.keys(trad).length };
}

/** Runs `work` on every item, at most `limit` at a time; rejects with the first failure once all have settled. */
async function inParallel<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  const results = await Promise.allSettled(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
}

/** Runs Pagefind over one bundle's pages (all of the site's, when nothing marks a body). */
async function indexBundle(site: string, bundle: SearchBundle): Promise<void> {
  const stage = bundle.pages.length > 0 ? stagePages(site, bundle.pages) : undefined;
  try {
    await runPagefind(['--site', stage ?? site, '--output-path', path.join(site, bundle.dir)]);
  } finally {
    if (stage) fs.rmSync(stage, { recursive: true, force: true });
  }
}

function writeJson(file: string, value: unknown): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(value));
}

/** Traditional forms of the characters in the indexed pages' <main> text (src/lib/search/trad.ts). */
function tradMapOf(pages: readonly IndexedPage[]): TradMap {
  const converters = (['t', 'tw', 'hk'] as const).map((to) => OpenCC.Converter({ from: 'cn', to }));
  return buildTradMap(pages.map((p) => indexedMainText(p.html) ?? '').join(''), converters);
}

/** The installed pagefind package's directory. */
function pagefindDir(): string {
  const require = createRequire(import.meta.url);
  for (const dir of require.resolve.paths('pagefind') ?? []) {
    if (fs.existsSync(path.join(dir, 'pagefind', 'lib', 'runner', 'bin.cjs'))) return path.join(dir, 'pagefind');
  }
  throw new Error('找不到 Pagefind，请先运行 npm ci (Pagefind is not installed: run npm ci)');
}

/** The pagefind package's own command-line wrapper, which starts the extended binary. */
function pagefindCli(): string {
  return path.join(pagefindDir(), 'lib', 'runner', 'bin.cjs');
}

function pagefindVersion(): string {
  return (JSON.parse(fs.readFileSync(path.join(pagefindDir(), 'package.json'), 'utf8')) as { version: string }).version;
}

function runPagefind(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [pagefindCli(), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (output += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (output += s));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`搜索索引失败 (Pagefind exited with ${code}):\n${output.trim().split('\n').slice(-20).join('\n')}`));
    });
  });
}

function sortedKeys(map: TradMap): TradMap {
  return Object.fromEntries(Object.entries(map).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Pages actually in a bundle's index (Pagefind's own count). */
function readPageCount(site: string, dir: string): number {
  const entry = JSON.parse(fs.readFileSync(path.join(site, dir, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
  return Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
}

interface IndexedPage {
  rel: string;
  html: string;
}

/** The pages that mark a `data-pagefind-body`: the only ones Pagefind indexes once any page does. */
function readIndexedPages(site: string): IndexedPage[] {
  const indexed: IndexedPage[] = [];
  for (const rel of fs.readdirSync(site, { recursive: true }) as string[]) {
    if (!rel.endsWith('.html') || rel.startsWith(PAGEFIND_DIR + path.sep)) continue;
    const html = fs.readFileSync(path.join(site, rel), 'utf8');
    if (/\bdata-pagefind-body\b/.test(html)) indexed.push({ rel, html });
  }
  return indexed;
}

/**
 * A directory beside the site holding only the pages to index, hard-linked at the same relative
 * paths (so Pagefind gives them the same URLs, and writes the same files). Pagefind reads every
 * HTML file it is given, indexed or not: leaving out the 667 list and filter pages of a
 * 5,000-article site saved 2–3 s of ~48 s and ~100 MB of its peak memory (docs/benchmarks.md).
 * Copies when the file system cannot link.
 */
function stagePages(site: string, pages: readonly string[]): string {
  const stage = fs.mkdtempSync(path.join(path.dirname(path.resolve(site)), '.pagefind-stage-'));
  for (const rel of pages) {
    const to = path.join(stage, rel);
    fs.mkdirSync(path.dirname(to), { recursive: true });
    try {
      fs.linkSync(path.join(site, rel), to);
    } catch {
      fs.copyFileSync(path.join(site, rel), to);
    }
  }
  return stage;
}
