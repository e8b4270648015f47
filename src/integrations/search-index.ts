/**
 * Builds the Pagefind search index over the finished site, as the last step of `astro build`.
 *
 * Only pages that mark their content with `data-pagefind-body` are indexed (plans, disclosures,
 * village pages, 普法 articles, datasets, units — BaseLayout's `search` prop); navigation, footers
 * and list pages are not. The bundle goes to `<dist>/pagefind/` and is loaded by /search/ only.
 * Pagefind's npm package runs its extended binary, which segments Chinese.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { AstroIntegration } from 'astro';
import * as OpenCC from 'opencc-js';
import * as pagefind from 'pagefind';
import { buildTradMap } from '../lib/search/trad';
import { indexedMainText } from '../lib/search/indexed-text';
import { PAGEFIND_DIR, SEARCH_TRAD_FILE } from '../lib/search/files';
import type { TradMap } from '../lib/search/query';

/** `extraTrad`: more traditional→simplified pairs to ship (a portal's towns' maps). */
export function searchIndex(extraTrad?: () => Promise<TradMap>): AstroIntegration {
  return {
    name: 'gongkailan:search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const { pages, tradChars } = await buildSearchIndex(fileURLToPath(dir), extraTrad ? await extraTrad() : {});
        logger.info(`Pagefind: indexed ${pages} pages in ${Math.round(performance.now() - started)} ms; ${tradChars} traditional characters mapped`);
      },
    },
  };
}

/** Indexes a built site in place: `<site>/pagefind/` and the traditional-character map. */
export async function buildSearchIndex(site: string, extraTrad: TradMap = {}): Promise<{ pages: number; tradChars: number }> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`搜索索引创建失败 (Pagefind could not start): ${errors.join('; ')}`);
  try {
    const added = await index.addDirectory({ path: site });
    if (added.errors.length > 0) throw new Error(`搜索索引失败 (Pagefind indexing failed): ${added.errors.join('; ')}`);
    if (added.page_count === 0) throw new Error('搜索索引为空：没有页面可索引。(Search index is empty: no page to index.)');
    const written = await index.writeFiles({ outputPath: path.join(site, PAGEFIND_DIR) });
    if (written.errors.length > 0) throw new Error(`搜索索引写入失败 (Pagefind could not write): ${written.errors.join('; ')}`);
  } finally {
    await pagefind.close();
  }
  const converters = (['t', 'tw', 'hk'] as const).map((to) => OpenCC.Converter({ from: 'cn', to }));
  const trad = sortedKeys({ ...extraTrad, ...buildTradMap(indexedText(site), converters) });
  const file = path.join(site, SEARCH_TRAD_FILE);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(trad));
  return { pages: readPageCount(site), tradChars: Object.keys(trad).length };
}

function sortedKeys(map: TradMap): TradMap {
  return Object.fromEntries(Object.entries(map).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Pages actually in the index (Pagefind's own count; addDirectory counts every HTML file). */
function readPageCount(site: string): number {
  const entry = JSON.parse(fs.readFileSync(path.join(site, PAGEFIND_DIR, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
  return Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
}

/** The text of every indexed <main> in the built site (for the traditional-character map). */
function indexedText(site: string): string {
  let text = '';
  for (const rel of fs.readdirSync(site, { recursive: true }) as string[]) {
    if (!rel.endsWith('.html')) continue;
    const html = fs.readFileSync(path.join(site, rel), 'utf8');
    text += indexedMainText(html) ?? '';
  }
  return text;
}
