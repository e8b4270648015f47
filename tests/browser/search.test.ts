/**
 * The search page as residents use it, in Chromium through nginx: the header form on any page,
 * keyboard only (↑/↓/Enter), filters and date sort as plain GET fields, the "no results" help
 * and the explicit looser search, 直达 for a village name, large text, no JavaScript, and a
 * sub-path build.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../tooling/browser';
import { builds } from '../helpers/build';
import { serveDir, type StaticServer } from '../../tooling/nginx';
import { readOutcome, runSearch } from '../helpers/search';

let browser: Browser;
let root: StaticServer;
let sub: StaticServer;
let ctx: BrowserContext;
let page: Page;

beforeAll(async () => {
  [root, sub] = await Promise.all([serveDir(builds.sample, '/'), serveDir(builds.linheSubpath, '/zl/linhe/')]);
  browser = await launchBrowser();
  ctx = await browser.newContext({ viewport: { width: 390, height: 800 } });
  page = await ctx.newPage();
});
afterAll(async () => {
  await browser?.close();
  await Promise.all([root?.close(), sub?.close()]);
});

const metaLines = (p: Page) => p.locator('[data-exact] .result-meta').allTextContents();

describe('search page (sample site)', () => {
  it('the header form on a content page leads to results, by keyboard alone', async () => {
    // The header's search form is for wider screens; on a phone the header has a 搜索 link instead
    // (tests/browser/phone.test.ts), so this starts at tablet width and reads the results at 390 px.
    await page.setViewportSize({ width: 1024, height: 800 });
    await page.goto(`${root.url}plans/`);
    await page.focus('#site-search-q');
    await page.keyboard.type('调解');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\/\?q=/);
    await page.setViewportSize({ width: 390, height: 800 });
    const out = await readOutcome(page, root.url);
    expect(out.state).toBe('done');
    expect(out.paths.length).toBeGreaterThan(3);
    expect(decodeURIComponent(new URL(page.url()).search)).toBe('?q=调解');
    // The query is shown back in both boxes, ready to change.
    expect(await page.inputValue('#q')).toBe('调解');
    expect(await page.inputValue('#site-search-q')).toBe('调解');

    // ↓ from the box to the first result, ↓ ↓, ↑ back, ↑ to the box, and Enter follows a result.
    await page.focus('#q');
    await page.keyboard.press('ArrowDown');
    const focused = () => page.evaluate(() => (document.activeElement as HTMLAnchorElement).getAttribute('href') ?? document.activeElement?.id);
    expect(await focused()).toBe(out.paths[0]);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe(out.paths[2]);
    await page.keyboard.press('ArrowUp');
    expect(await focused()).toBe(out.paths[1]);
    // The focused result is visibly marked (the site's focus ring).
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).not.toBe('none');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    expect(await focused()).toBe('q');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.pathname === out.paths[0]);
  });

  it('shows title, type, date and a highlighted excerpt for each result', async () => {
    await runSearch(page, root.url, '人民调解');
    const first = page.locator('[data-exact] li').first();
    expect((await first.locator('.result-title').textContent())?.length).toBeGreaterThan(4);
    expect(await first.locator('.result-meta').textContent()).toMatch(/^(方案|公开|普法|数据)( · .+)? · \d{4}-\d{2}-\d{2}$/);
    expect(await first.locator('.result-excerpt').textContent()).toContain('人民调解');
    expect((await first.locator('.result-excerpt mark').allTextContents()).join('')).toContain('调解');
  });

  it('filters by type, village and year, and sorts by date, as GET fields', async () => {
    const legal = await runSearch(page, root.url, '调解', { type: '普法' });
    expect(legal.paths.length).toBeGreaterThan(0);
    expect(legal.paths.every((p) => p.startsWith('/legal/'))).toBe(true);
    expect(await page.inputValue('#f-type')).toBe('普法');

    const village = await runSearch(page, root.url, '财务', { village: '凤栖社区' });
    expect(village.paths.length).toBeGreaterThan(0);
    expect((await metaLines(page)).every((m) => m.includes('凤栖社区'))).toBe(true);

    const year = await runSearch(page, root.url, '财务', { year: '2025' });
    expect(year.paths.length).toBeGreaterThan(0);
    expect((await metaLines(page)).every((m) => / · 2025-\d{2}-\d{2}$/.test(m))).toBe(true);

    await runSearch(page, root.url, '公示', { sort: 'date' });
    const dates = (await metaLines(page)).map((m) => /\d{4}-\d{2}-\d{2}$/.exec(m)?.[0] ?? '');
    expect(dates.length).toBeGreaterThan(3);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it("puts a village's own page first for its name (直达)", async () => {
    const out = await runSearch(page, root.url, '凤栖社区');
    expect(out.paths[0]).toBe('/disclosures/330185117001/');
    expect(await page.locator('[data-exact] .result-meta').first().textContent()).toBe('直达');
    expect(out.paths.filter((p) => p === '/disclosures/330185117001/')).toHaveLength(1);
  });

  it('with no exact match, says so, helps, and offers looser matches only on request', async () => {
    const out = await runSearch(page, root.url, '调解 区块链', { type: '普法' });
    expect(out.state).toBe('none');
    expect(out.status).toContain('没有找到');
    const help = page.locator('.search-none');
    expect(await help.isVisible()).toBe(true);
    expect(await help.textContent()).toContain('12345');
    expect(await help.locator('a[href$="/plans/"]').count()).toBe(1);
    // Filters are set, so clearing them is offered, keeping the words.
    const clear = help.locator('[data-clear-filters] a');
    expect(await clear.isVisible()).toBe(true);
    expect(new URL((await clear.getAttribute('href'))!, page.url()).searchParams.get('type')).toBeNull();
    expect(await page.locator('[data-loose-results] li').count()).toBe(0);
    await page.click('[data-loose]');
    await page.waitForSelector('search-results[data-state="loose"]');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H2');
    expect(await page.locator('[data-loose-results] h2').textContent()).toMatch(/包含部分字词的结果/);
  });

  it('respects large-text mode', async () => {
    await runSearch(page, root.url, '调解');
    const size = () =>
      page
        .locator('.result-title')
        .first()
        .evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
    const before = await size();
    await page.click('[data-pref="text"]');
    expect(await size()).toBeGreaterThan(before * 1.15);
    await page.click('[data-pref="text"]');
  });

  it('without JavaScript keeps the form, the filters and the section links', async () => {
    const nojs = await browser.newContext({ javaScriptEnabled: false });
    const p = await nojs.newPage();
    await p.goto(`${root.url}search/?q=调解`);
    expect(await p.locator('form.search-form select').count()).toBe(5);
    expect(await p.locator('noscript').count()).toBe(1);
    expect(await p.locator('.search-help a[href="/legal/"]').count()).toBe(1);
    // No script ran, so nothing pretends to have searched.
    expect(await p.locator('a.result-link').count()).toBe(0);
    await nojs.close();
  });
});

describe('search under a sub-path (BASE_PATH=/zl/linhe/)', () => {
  it('the header form, the index and the result links all live under the base', async () => {
    await page.goto(`${sub.url}plans/`);
    expect(await page.getAttribute('form.site-search', 'action')).toBe('/zl/linhe/search/');
    const out = await runSearch(page, sub.url, '调解');
    expect(out.state).toBe('done');
    const hrefs = await page.locator('a.result-link').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs.length).toBeGreaterThan(0);
    expect(hrefs.every((h) => h!.startsWith('/zl/linhe/'))).toBe(true);
    await page.locator('a.result-link').first().click();
    await page.waitForLoadState();
    expect(new URL(page.url()).pathname).toBe(hrefs[0]);
    expect(await page.locator('h1').count()).toBe(1);
  });
});
