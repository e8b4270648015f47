/**
 * Chinese search relevance, in Chromium through the real /search/ page, on the sample build:
 * tests/search/relevance.json lists queries (2-character words, 4-character terms, village and
 * unit names, phrases from notices, abbreviations, mixed Chinese and digits, traditional forms,
 * multi-word) with the pages a resident wants; one must be in the top 5. Precision is measured
 * against the built pages: a result is relevant when its <main> text holds every query word (or
 * one of its synonyms). Terms absent from the site must return nothing.
 *
 * Known misses are listed with their reason in relevance.json; a new miss (a Pagefind upgrade
 * that lowers recall, a content change) fails the test, and so does a listed miss that now passes.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compactText, planQuery, type TradMap } from '../../src/lib/search/query';
import { indexedMainText } from '../../src/lib/search/indexed-text';
import { launchBrowser } from '../../tooling/browser';
import { builds, listFiles } from '../helpers/build';
import { REPO, SAMPLE } from '../helpers/content';
import { serveDir, type StaticServer } from '../../tooling/nginx';
import { runSearch, writeReport } from '../helpers/search';

interface RelevanceQuery {
  q: string;
  kind: string;
  expect: string[];
  means?: string;
  note?: string;
}
interface RelevanceSet {
  queries: RelevanceQuery[];
  absent: string[];
  /** query → why its expected page is not in the top 5 (kept honest: must still miss). */
  knownMisses?: Record<string, string>;
}

const SET = JSON.parse(fs.readFileSync(path.join(REPO, 'tests/search/relevance.json'), 'utf8')) as RelevanceSet;
const synonyms = (JSON.parse(fs.readFileSync(path.join(SAMPLE, 'site.json'), 'utf8')) as { search?: { synonyms?: string[][] } }).search?.synonyms ?? [];
const MIN_RECALL_AT_5 = 0.95;
// RELEVANCE_DIST runs the set against another index of the same build, e.g. one re-indexed by a
// different Pagefind version (docs/搜索.md, "Comparing Pagefind versions").
const DIST = process.env.RELEVANCE_DIST ?? builds.sample;
const MIN_PRECISION = 0.95;

/** Indexed text of every page that has an indexed <main>, by site path. */
function indexedTexts(dist: string): Map<string, string> {
  const texts = new Map<string, string>();
  for (const f of listFiles(dist).filter((x) => x.endsWith('index.html'))) {
    const text = indexedMainText(fs.readFileSync(path.join(dist, f), 'utf8'));
    if (text !== undefined) texts.set(`/${f.replace(/index\.html$/, '')}`, compactText(text));
  }
  return texts;
}

let browser: Browser;
let server: StaticServer;
let page: Page;
let texts: Map<string, string>;
let trad: TradMap;

beforeAll(async () => {
  texts = indexedTexts(DIST);
  trad = JSON.parse(fs.readFileSync(path.join(DIST, 'search/trad.json'), 'utf8')) as TradMap;
  server = await serveDir(DIST, '/');
  browser = await launchBrowser();
  page = await browser.newPage();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Whether a page's indexed text holds every word of the query (any of a word's synonyms). */
function relevant(pathname: string, q: string): boolean {
  const text = texts.get(pathname) ?? '';
  return planQuery(q, { synonyms, trad }).words.every((variants) => variants.some((v) => text.includes(compactText(v))));
}

describe('search relevance on the sample site (Chromium, /search/?q=)', () => {
  it('the relevance set is well formed and its expectations hold on the built pages', () => {
    const counts: Record<string, number> = {};
    for (const q of SET.queries) counts[q.kind] = (counts[q.kind] ?? 0) + 1;
    expect(SET.queries.length).toBeGreaterThanOrEqual(60);
    for (const kind of ['word2', 'term4', 'name', 'phrase', 'abbr', 'mixed', 'trad', 'multi']) expect(counts[kind] ?? 0, kind).toBeGreaterThanOrEqual(4);
    for (const q of SET.queries) for (const p of q.expect) expect(relevant(p, q.q), `${q.q} → ${p} must hold the query`).toBe(true);
    for (const term of SET.absent)
      for (const [p, text] of texts) expect(text.includes(compactText(term)), `${term} must be absent, but is on ${p}`).toBe(false);
  });

  it('finds the expected page in the top 5 for ≥ 95 % of queries, with first-page precision ≥ 0.95', async () => {
    const rows: Array<{ q: string; kind: string; rank: number; results: number; relevant: number; reason?: string }> = [];
    for (const q of SET.queries) {
      const out = await runSearch(page, server.url, q.q);
      const rank = out.paths.findIndex((p) => q.expect.includes(p)) + 1;
      rows.push({
        q: q.q,
        kind: q.kind,
        rank,
        results: out.paths.length,
        relevant: out.paths.filter((p) => relevant(p, q.q)).length,
        reason: SET.knownMisses?.[q.q],
      });
    }
    const hits = rows.filter((r) => r.rank >= 1 && r.rank <= 5);
    const misses = rows.filter((r) => !(r.rank >= 1 && r.rank <= 5));
    const shown = rows.reduce((n, r) => n + r.results, 0);
    const precision = rows.reduce((n, r) => n + r.relevant, 0) / shown;
    const recall = hits.length / rows.length;
    const byKind: Record<string, string> = {};
    for (const kind of [...new Set(rows.map((r) => r.kind))]) {
      const k = rows.filter((r) => r.kind === kind);
      byKind[kind] = `${k.filter((r) => r.rank >= 1 && r.rank <= 5).length}/${k.length}`;
    }
    console.log(
      [
        `relevance: ${rows.length} queries, expected page in top 5 for ${hits.length} (${(recall * 100).toFixed(1)} %), first-page precision ${precision.toFixed(3)} (${shown} results shown)`,
        `  by kind: ${Object.entries(byKind)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')}`,
        ...misses.map(
          (r) =>
            `  miss: ${r.q} (${r.kind}) — ${r.rank ? `rank ${r.rank}` : `not on the first page (${r.results} results)`}${r.reason ? `; known: ${r.reason}` : '; NOT LISTED'}`,
        ),
      ].join('\n'),
    );
    writeReport(`relevance${process.env.RELEVANCE_DIST ? `:${process.env.RELEVANCE_DIST}` : ''}`, {
      pagefind: (JSON.parse(fs.readFileSync(path.join(DIST, 'pagefind/pagefind-entry.json'), 'utf8')) as { version: string }).version,
      queries: rows.length,
      recallAt5: recall,
      precision,
      byKind,
      misses: misses.map(({ q, kind, rank, reason }) => ({ q, kind, rank, reason })),
    });
    expect(recall).toBeGreaterThanOrEqual(MIN_RECALL_AT_5);
    expect(precision).toBeGreaterThanOrEqual(MIN_PRECISION);
    // Every miss is explained, and every explained miss still misses (no stale excuses).
    expect(misses.filter((r) => !r.reason).map((r) => r.q)).toEqual([]);
    expect(Object.keys(SET.knownMisses ?? {}).filter((q) => !misses.some((m) => m.q === q))).toEqual([]);
  }, 180_000);

  it('returns nothing for terms the site does not contain, and says so', async () => {
    for (const term of SET.absent) {
      const out = await runSearch(page, server.url, term);
      expect(out.paths, term).toEqual([]);
      expect(out.state, `${term}: ${out.problems?.join('; ')}`).toBe('none');
      expect(out.status).toContain('没有找到');
      // Looser matches are offered only as an explicit choice.
      expect(await page.locator('[data-loose]').isVisible()).toBe(true);
      expect(await page.locator('[data-loose-results] a').count()).toBe(0);
    }
  }, 120_000);
});
