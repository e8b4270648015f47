/**
 * How elderly readers and keyboard users meet the site, in real Chromium: a full keyboard path
 * through the header and navigation with visible focus; filters by keyboard; 大字 and 高对比度
 * at 320 px and at 200 % zoom with no sideways scrolling and no overlapping text; and, with
 * JavaScript off, every template still shows all its content, tables, downloads and navigation.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builds } from '../helpers/build';
import type { StaticServer } from '../../tooling/nginx';
import { templatePages } from '../helpers/templates';
import { closeSite, openSite } from '../helpers/site-browser';

let server: StaticServer;
let browser: Browser;
const pages = templatePages(builds.sample);

beforeAll(async () => ({ server, browser } = await openSite(builds.sample)));
afterAll(() => closeSite(server, browser));

const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const cs = getComputedStyle(el);
    const r = el.getBoundingClientRect();
    return {
      text: (el.textContent ?? '').trim(),
      tag: el.tagName,
      visible: r.width > 0 && r.height > 0,
      ring: (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2) || cs.boxShadow !== 'none',
    };
  });

describe('keyboard', () => {
  it('walks skip link, reading settings and every navigation link in order, each with a visible focus ring', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1024, height: 800 } });
    const page = await ctx.newPage();
    await page.goto(server.url, { waitUntil: 'networkidle' });
    const seen: string[] = [];
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      const f = await focused(page);
      expect(f, `tab stop ${i + 1}`).not.toBeNull();
      expect(f!.visible && f!.ring, `tab stop ${i + 1} (${f!.text}) shows where focus is`).toBe(true);
      seen.push(f!.text);
    }
    expect(seen[0]).toBe('跳到正文');
    expect(seen).toEqual(expect.arrayContaining(['大字', '高对比度']));
    const nav = ['首页', '实施方案', '村务公开', '普法', '数据', '搜索'];
    // The header search box and its button come before the reading settings, then the navigation.
    expect(seen.indexOf('搜索')).toBeGreaterThan(0);
    expect(seen.indexOf('搜索')).toBeLessThan(seen.indexOf('大字'));
    expect(seen.slice(seen.indexOf('高对比度') + 1).filter((t) => nav.includes(t))).toEqual(nav);
    // The skip link takes focus straight to the content.
    await page.keyboard.press('Shift+Tab');
    await page.goto(server.url, { waitUntil: 'networkidle' });
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await ctx.close();
  });

  it('reaches a plan filter by Tab and follows it with Enter', async () => {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await page.goto(`${server.url}plans/`, { waitUntil: 'networkidle' });
    const target = page.locator('main a[href*="/plans/validity/"]').first();
    const href = await target.getAttribute('href');
    let reached = false;
    for (let i = 0; i < 40 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate((h) => document.activeElement?.getAttribute('href') === h, href);
    }
    expect(reached).toBe(true);
    expect((await focused(page))!.ring).toBe(true);
    await Promise.all([page.waitForURL(`**${href}`), page.keyboard.press('Enter')]);
    expect(await page.locator('h1').textContent()).toMatch(/方案/);
    await ctx.close();
  });
});

/** Visible text blocks in <main> that overlap the next one, and how far the page scrolls sideways. */
function layoutProblems(page: Page) {
  return page.evaluate(() => {
    const blocks = [...document.querySelectorAll('main h1, main h2, main h3, main p, main li, main dt, main dd, main summary, main caption, main figcaption')]
      .filter((el) => !el.closest('.table-scroll, svg, [hidden], details:not([open]) > :not(summary)'))
      .map((el) => ({ el, r: el.getBoundingClientRect() }))
      .filter((b) => b.r.width > 0 && b.r.height > 0);
    const overlaps: string[] = [];
    for (let i = 0; i < blocks.length; i++) {
      for (let j = i + 1; j < blocks.length; j++) {
        const a = blocks[i]!;
        const b = blocks[j]!;
        if (a.el.contains(b.el) || b.el.contains(a.el)) continue;
        const x = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
        const y = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
        if (x > 2 && y > 2)
          overlaps.push(
            `${a.el.tagName} "${(a.el.textContent ?? '').trim().slice(0, 12)}" × ${b.el.tagName} "${(b.el.textContent ?? '').trim().slice(0, 12)}"`,
          );
      }
    }
    return { overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth, overlaps: overlaps.slice(0, 5) };
  });
}

describe('大字 and 高对比度 at 320 px and at 200 % zoom', () => {
  // 200 % zoom of a 1280 × 800 window is a 640 × 400 CSS-pixel viewport at twice the pixel density.
  const viewports = [
    { name: '320 px', viewport: { width: 320, height: 640 }, deviceScaleFactor: 1 },
    { name: '200 % zoom', viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 },
  ];
  for (const v of viewports) {
    it(`${v.name}: every template fits the width with no overlapping text`, async () => {
      const ctx: BrowserContext = await browser.newContext({ viewport: v.viewport, deviceScaleFactor: v.deviceScaleFactor });
      const page = await ctx.newPage();
      await page.goto(server.url, { waitUntil: 'networkidle' });
      await page.click('[data-pref="text"]');
      await page.click('[data-pref="contrast"]');
      const problems: string[] = [];
      for (const [name, p] of pages) {
        await page.goto(server.url + p, { waitUntil: 'networkidle' });
        expect(await page.getAttribute('html', 'data-text'), p).toBe('large');
        const r = await layoutProblems(page);
        if (r.overflow > 0) problems.push(`${name} /${p} scrolls sideways by ${r.overflow}px`);
        for (const o of r.overlaps) problems.push(`${name} /${p} overlap: ${o}`);
      }
      await ctx.close();
      expect(problems).toEqual([]);
    }, 180_000);
  }
});

describe('JavaScript off', () => {
  /** What a reader can reach: visible links (navigation, downloads), tables, headings. */
  const reachable = (page: Page) =>
    page.evaluate(() => {
      const shown = (el: Element) => {
        const r = el.getBoundingClientRect();
        return (r.width > 0 && r.height > 0) || !!el.closest('details:not([open])');
      };
      return {
        links: [...document.querySelectorAll('a[href]')].filter(shown).map((a) => a.getAttribute('href')),
        tables: [...document.querySelectorAll('main table')].filter(shown).length,
        headings: [...document.querySelectorAll('main h1, main h2, main h3')].filter(shown).map((h) => (h.textContent ?? '').trim()),
        nav: [...document.querySelectorAll('nav.site-nav a')].filter(shown).length,
      };
    });

  it('every template shows the same content, tables, downloads and navigation as with it', async () => {
    const on = await browser.newContext();
    const off = await browser.newContext({ javaScriptEnabled: false });
    const pageOn = await on.newPage();
    const pageOff = await off.newPage();
    for (const [name, p] of pages) {
      await pageOn.goto(server.url + p, { waitUntil: 'networkidle' });
      await pageOff.goto(server.url + p, { waitUntil: 'networkidle' });
      const [a, b] = [await reachable(pageOn), await reachable(pageOff)];
      expect(b.nav, name).toBe(6);
      expect(b.headings.length, name).toBeGreaterThan(0);
      expect(b, `${name} /${p}`).toEqual(a);
      if (['finance disclosure', 'list disclosure', 'dataset'].includes(name))
        expect(
          b.links.some((h) => /\.(csv|json)$/.test(h ?? '')),
          `${name} downloads`,
        ).toBe(true);
      if (['finance disclosure', 'list disclosure', 'dataset'].includes(name)) expect(b.tables, `${name} tables`).toBeGreaterThan(0);
    }
    await on.close();
    await off.close();
  }, 180_000);
});
