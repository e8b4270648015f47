/**
 * Issue 10's demonstration: three generated towns, each built alone under its own sub-path,
 * a county portal built from their published output only, all served by one nginx (the
 * shipped location block once per site). From the portal, Chromium searches every town at
 * once (Pagefind mergeIndex) and finds a term that exists in one town only on that town's site.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCounty, COUNTY_TOWNS, townBase } from '../../scripts/county';
import { launchBrowser } from '../../tooling/browser';
import { listFiles, TEST_DIST, TODAY } from '../helpers/build';
import { serveSites, type StaticServer } from '../../tooling/nginx';
import { kb, writeReport } from '../helpers/search';
import { recordTransfers } from '../../tooling/transfers';

const OUT = path.join(TEST_DIST, 'county');
const TOWNS = COUNTY_TOWNS.slice(0, 3);
const [only, other] = TOWNS as [(typeof TOWNS)[number], (typeof TOWNS)[number]];
/** The town name's stem (青川) is the generator's rename: it is in that town's pages only. */
const UNIQUE = only.name.replace(/镇$/, '');

let server: StaticServer;
let browser: Browser;
beforeAll(async () => {
  const county = buildCounty({ out: OUT, towns: TOWNS, docs: 206, today: TODAY });
  server = await serveSites(county.sites);
  browser = await launchBrowser();
}, 900_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Result links of the portal's search, as absolute paths. */
async function search(page: Page, params: Record<string, string>): Promise<{ state: string; paths: string[] }> {
  await page.goto(`${server.url}search/?${new URLSearchParams(params)}`);
  await page.waitForFunction(() => ['done', 'none', 'error'].includes(document.querySelector('search-results')?.getAttribute('data-state') ?? ''), null, {
    timeout: 30_000,
  });
  return {
    state: (await page.locator('search-results').getAttribute('data-state')) ?? '',
    paths: await page.locator('[data-exact] a.result-link').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname)),
  };
}

const mainText = (html: string) => /<main[\s\S]*?<\/main>/.exec(html)?.[0] ?? '';

describe('a county portal over independently built towns', () => {
  it('each town is its own site under its own sub-path; the portal links them all', async () => {
    for (const t of TOWNS) {
      const res = await fetch(new URL(townBase(t), server.url));
      expect(res.status).toBe(200);
      expect(await res.text()).toContain(`${t.name}公开栏`);
    }
    const home = await (await fetch(server.url)).text();
    for (const t of TOWNS) expect(home).toContain(`href="${townBase(t)}"`);
  });

  it(`the term ${UNIQUE} is in ${only.name}'s pages and in no other town's (the premise)`, () => {
    const has = (id: string) =>
      listFiles(path.join(OUT, 'sites', id)).filter(
        (f) => f.endsWith('.html') && mainText(fs.readFileSync(path.join(OUT, 'sites', id, f), 'utf8')).includes(UNIQUE),
      ).length;
    expect(has(only.id)).toBeGreaterThan(5);
    for (const t of TOWNS.slice(1)) expect(has(t.id)).toBe(0);
  });

  it(`searching the portal for ${UNIQUE} finds ${only.name}'s pages only, and they open`, async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const transfers = await recordTransfers(page.context(), page);
    const { state, paths } = await search(page, { q: UNIQUE });
    const first = transfers.take();
    expect(state).toBe('done');
    expect(paths.length).toBeGreaterThan(0);
    // The portal's own page about the town may come first (直达); every other result is the town's.
    const townResults = paths.filter((p) => !p.startsWith('/towns/'));
    expect(townResults.length).toBeGreaterThan(0);
    for (const p of townResults) expect(p.startsWith(townBase(only))).toBe(true);
    const meta = await page.locator('[data-exact] .result-meta').allTextContents();
    expect(meta.some((m) => m.startsWith(only.name))).toBe(true);

    // The runtime and its wasm load once, from the portal; each town adds its own index files.
    const wasm = first.requests.filter((r) => /\/wasm\.[^/]*\.pagefind$/.test(r.url));
    expect(wasm.length).toBe(1);
    expect(new URL(wasm[0]!.url).pathname.startsWith('/pagefind/')).toBe(true);
    for (const t of TOWNS) expect(first.requests.some((r) => new URL(r.url).pathname === `${townBase(t)}pagefind/pagefind-entry.json`)).toBe(true);
    writeReport('federation', {
      towns: TOWNS.length,
      query: UNIQUE,
      firstQueryBytes: first.searchBytes,
      requests: first.requests.filter((r) => /pagefind|trad/.test(r.url)).length,
    });
    console.log(`federated search over ${TOWNS.length} towns: first query ${kb(first.searchBytes)} in ${first.requests.length} requests`);

    const link = page
      .locator('[data-exact] a.result-link', { hasText: /./ })
      .filter({ has: page.locator(`xpath=self::a[starts-with(@href, "${townBase(only)}")]`) })
      .first();
    await Promise.all([page.waitForURL((u) => u.pathname.startsWith(townBase(only))), link.click()]);
    expect(await page.locator('main').textContent()).toContain(UNIQUE);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a word every town uses finds several towns, and the 镇（街道） filter keeps one', async () => {
    const page = await browser.newPage();
    const all = await search(page, { q: '矛盾纠纷' });
    expect(all.state).toBe('done');
    // Results are ranked across towns; more than one town shows up among them.
    const townsSeen = new Set(all.paths.map((p) => TOWNS.find((t) => p.startsWith(townBase(t)))?.id).filter(Boolean));
    expect(townsSeen.size).toBeGreaterThan(1);
    const one = await search(page, { q: '矛盾纠纷', town: other.name });
    expect(one.state).toBe('done');
    expect(one.paths.length).toBeGreaterThan(0);
    for (const p of one.paths) expect(p.startsWith(townBase(other))).toBe(true);
    await page.close();
  });

  it("the data catalogue lists every town's datasets from its datapackage.json, and the links work", async () => {
    const catalogue = (await (await fetch(new URL('data/catalogue.json', server.url))).json()) as {
      towns: Array<{ name: string; population: number; resources: Array<{ csv: string; page: string }> }>;
    };
    expect(catalogue.towns.map((t) => t.name)).toEqual(TOWNS.map((t) => t.name));
    for (const t of catalogue.towns) {
      expect(t.resources.length).toBeGreaterThan(0);
      expect(t.population).toBeGreaterThan(0);
      const csv = await fetch(new URL(t.resources[0]!.csv, server.url));
      expect(csv.status).toBe(200);
      expect((await fetch(new URL(t.resources[0]!.page, server.url))).status).toBe(200);
    }
    const page = await browser.newPage();
    await page.goto(`${server.url}data/`);
    const rows = page.locator('table').first().locator('tbody tr');
    expect(await rows.count()).toBe(TOWNS.length);
    // Per-1,000 rates are shown with two decimals, computed from published monthly totals.
    expect(await rows.first().locator('td').nth(2).textContent()).toMatch(/^\d+\.\d{2}$/);
    await page.close();
  });
});
