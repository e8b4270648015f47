/**
 * Search in the browser on a slow phone network (1.6 Mbps, 150 ms RTT, Chromium's own
 * throttling): bytes on the wire and time to first results, for the first (cold) query and a
 * following one, on the sample site and on a generated 5,000-page site indexed the same way.
 * Also measures the unquoted query the exact-phrase design avoids. Numbers are printed and
 * written to .test-dist/reports/search.json.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSearchIndex } from '../../src/integrations/search-index';
import { launchBrowser } from '../../tooling/browser';
import { builds, TEST_DIST } from '../helpers/build';
import { generateBigSite } from '../helpers/big-site';
import { serveDir, type StaticServer } from '../../tooling/nginx';
import { kb, readOutcome, writeReport } from '../helpers/search';
import { recordTransfers, SLOW_3G, type Transfer } from '../../tooling/transfers';

/** Issue 8's target for the first exact-phrase query. The sample site meets it. */
const FIRST_QUERY_BUDGET = 150 * 1024;
/**
 * What the 5,000-page site measures (docs/搜索.md): ~124 KB is fixed (pagefind.js 13.8 KB, wasm
 * 54.8 KB, page metadata 54.3 KB — it grows with the page count), plus 20–27 KB per index chunk
 * a query touches and ~2.3 KB per result shown. So 150 KB is not reachable there with Pagefind
 * 1.6. And at 5,000 pages the index comes in two bundles (src/lib/search/bundles.ts: Pagefind
 * would need ~4.6 GB of memory for one), each with its own entry, page metadata and chunks:
 * 217 KB in one bundle, 276 KB in two. This guards against regressions.
 */
const FIRST_QUERY_BUDGET_5000 = 290 * 1024;
const BIG = path.join(TEST_DIST, 'big-search');

let browser: Browser;
const servers: StaticServer[] = [];
let bigPages = 0;
let bigBundles = 0;

beforeAll(async () => {
  // The generated site gets the sample build's search page and assets, and its own index.
  const site = generateBigSite(BIG, { pages: 5000 });
  for (const part of ['search', '_astro', 'assets', 'favicon.svg']) fs.cpSync(path.join(builds.sample, part), path.join(BIG, part), { recursive: true });
  fs.rmSync(path.join(BIG, 'search/trad.json'));
  ({ pages: bigPages, bundles: bigBundles } = await buildSearchIndex(site.dir));
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await Promise.all(servers.map((s) => s.close()));
});

interface Measure {
  query: string;
  /** Bytes of pagefind.js, the wasm and the page metadata: cached after the first query. */
  fixedBytes: number;
  results: number;
  searchBytes: number;
  totalBytes: number;
  requests: number;
  msToResults: number;
}

/** pagefind.js, the wasm and the page metadata: the part of a first query that does not depend on it. */
const fixedBytes = (t: Transfer) =>
  t.requests.filter((r) => /pagefind\.js$|\.pagefind$|\.pf_meta$/.test(new URL(r.url).pathname)).reduce((n, r) => n + r.bytes, 0);

async function measureSite(dist: string, queries: [string, string]) {
  const server = await serveDir(dist, '/');
  servers.push(server);
  const context = await browser.newContext();
  const page = await context.newPage();
  const meter = await recordTransfers(context, page, SLOW_3G);
  const out: Measure[] = [];
  for (const query of queries) {
    const started = Date.now();
    await page.goto(`${server.url}search/?q=${encodeURIComponent(query)}`);
    const outcome = await readOutcome(page, server.url);
    const ms = Date.now() - started;
    await page.waitForLoadState('networkidle');
    const t = meter.take();
    if (out.length === 0)
      expect(t.requests.map((r) => r.url).join(' '), "the cold query must load Pagefind's script and wasm").toMatch(
        /pagefind\.js.*\.pagefind|\.pagefind.*pagefind\.js/,
      );
    if (process.env.SEARCH_PERF_DEBUG)
      console.log(query, t.requests.map((r) => `${r.status} ${(r.bytes / 1024).toFixed(1)}K ${r.url.replace(server.url, '/')}`).join('\n'));
    out.push({
      query,
      fixedBytes: fixedBytes(t),
      results: outcome.paths.length,
      searchBytes: t.searchBytes,
      totalBytes: t.totalBytes,
      requests: t.requests.length,
      msToResults: ms,
    });
  }

  // The same first query unquoted, as Pagefind's default would run it, in a fresh browser cache.
  const cold = await browser.newContext();
  const p2 = await cold.newPage();
  const m2 = await recordTransfers(cold, p2, SLOW_3G);
  await p2.goto(`${server.url}search/`);
  await p2.waitForLoadState('networkidle');
  m2.take();
  const started = Date.now();
  // A string, not a function: Vitest would rewrite a dynamic import() inside a function body.
  const count = (await p2.evaluate(`(async () => {
    const pf = await import(${JSON.stringify(`${server.url}pagefind/pagefind.js`)});
    await pf.options({ baseUrl: '/', noWorker: true });
    const r = await pf.search(${JSON.stringify(queries[0])});
    await Promise.all(r.results.slice(0, 10).map((x) => x.data()));
    return r.results.length;
  })()`)) as number;
  const loose = m2.take();
  const unquoted = {
    query: queries[0],
    fixedBytes: fixedBytes(loose),
    results: count,
    searchBytes: loose.searchBytes,
    totalBytes: loose.totalBytes,
    requests: loose.requests.length,
    msToResults: Date.now() - started,
  };
  await context.close();
  await cold.close();
  return { first: out[0]!, next: out[1]!, unquoted };
}

function print(name: string, m: Awaited<ReturnType<typeof measureSite>>) {
  const row = (label: string, x: Measure) =>
    `  ${label.padEnd(26)} ${x.query.padEnd(8)} ${String(x.results).padStart(6)} results  search ${kb(x.searchBytes).padStart(9)} (of which fixed ${kb(x.fixedBytes)})  page+search ${kb(x.totalBytes).padStart(9)}  ${String(x.msToResults).padStart(5)} ms`;
  console.log(
    [`${name} (1.6 Mbps, 150 ms RTT):`, row('first query (exact)', m.first), row('next query (exact)', m.next), row('first query unquoted', m.unquoted)].join(
      '\n',
    ),
  );
}

describe('search performance in Chromium, throttled', () => {
  it('sample site: first and next query', async () => {
    const m = await measureSite(builds.sample, ['调解', '低保']);
    print('sample site', m);
    writeReport('performance.sample', m);
    expect(m.first.results).toBeGreaterThan(0);
    expect(m.next.results).toBeGreaterThan(0);
    expect(m.first.searchBytes).toBeLessThanOrEqual(FIRST_QUERY_BUDGET);
    // The next query reuses pagefind.js, the wasm and the metadata (304s at most).
    expect(m.first.fixedBytes).toBeGreaterThan(50 * 1024);
    expect(m.next.fixedBytes).toBeLessThan(3 * 1024);
    expect(m.first.msToResults).toBeLessThan(20_000);
  }, 120_000);

  it('5,000-page site: first and next query, against the unquoted form', async () => {
    expect(bigPages).toBe(5000);
    expect(bigBundles).toBe(2); // the budget above is for two bundles
    const m = await measureSite(BIG, ['村务公开', '纠纷调解']);
    print(`generated site, ${bigPages} pages`, m);
    writeReport('performance.generated5000', { pages: bigPages, ...m });
    expect(m.first.results).toBe(10); // a first page of results
    expect(m.first.searchBytes).toBeLessThanOrEqual(FIRST_QUERY_BUDGET_5000);
    if (m.first.searchBytes > FIRST_QUERY_BUDGET)
      console.log(`  NOT MET: issue 8's ${kb(FIRST_QUERY_BUDGET)} target for the first query (${kb(m.first.searchBytes)}; see docs/搜索.md)`);
    expect(m.next.fixedBytes).toBeLessThan(3 * 1024);
    expect(m.first.msToResults).toBeLessThan(20_000);
  }, 240_000);
});
