/**
 * Reading on a 360 px phone (issue 19, DOMAIN.md "Between the paper board and the phone"), in
 * real Chromium through nginx: on every template no table cell is squeezed below about three
 * characters of its text, the page never scrolls sideways, and the page's own title (<h1>) is
 * in the upper part of the first screen. Stacked tables keep their table semantics in the
 * accessibility tree Chromium builds; print and wide screens keep real tables. Screenshots of
 * every template at 360 px are kept in .test-dist/screens/360/ for people to look at.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../tooling/browser';
import { builds, TEST_DIST } from '../helpers/build';
import { serveDir, type StaticServer } from '../../tooling/nginx';
import { templatePages } from '../helpers/templates';

const PHONE = { width: 360, height: 740 };
/** "The upper part of the first screen": the h1 starts above this line (CSS px from the top). */
const H1_TOP_MAX = 300;
const SCREENS = path.join(TEST_DIST, 'screens', '360');
const AXE = fs.readFileSync(path.join(import.meta.dirname, '../../node_modules/axe-core/axe.min.js'), 'utf8');

let server: StaticServer;
let browser: Browser;
const pages = templatePages(builds.sample);
const page = (name: string) => pages.find(([n]) => n === name)![1];

beforeAll(async () => {
  server = await serveDir(builds.sample);
  browser = await launchBrowser();
  fs.rmSync(SCREENS, { recursive: true, force: true });
  fs.mkdirSync(SCREENS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * Visible table cells whose content box is narrower than three times their font size (a CJK
 * character is about 1 em wide) while their text would be wider on one line: squeezed cells,
 * which wrap a character or two a line. A cell whose whole text fits ("1", "¥0") is not squeezed.
 */
function squeezedCells(p: Page) {
  return p.evaluate(() => {
    const hidden = (el: Element) => {
      for (let e: Element | null = el; e && e.tagName !== 'MAIN'; e = e.parentElement) {
        const r = e.getBoundingClientRect();
        if (r.width <= 1 || r.height <= 1) return true;
      }
      return !!el.closest('details:not([open])');
    };
    const out: string[] = [];
    for (const cell of document.querySelectorAll<HTMLElement>('main td, main th')) {
      const text = (cell.textContent ?? '').trim().replace(/\s+/g, ' ');
      if (!text || hidden(cell)) continue;
      const cs = getComputedStyle(cell);
      const box = cell.getBoundingClientRect();
      const content = box.width - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight) - parseFloat(cs.borderLeftWidth) - parseFloat(cs.borderRightWidth);
      const probe = document.createElement('span');
      probe.style.cssText = 'position:absolute;left:0;top:0;visibility:hidden;white-space:nowrap';
      probe.textContent = text;
      cell.appendChild(probe);
      const natural = probe.getBoundingClientRect().width;
      probe.remove();
      if (content < 3 * parseFloat(cs.fontSize) - 1 && natural > content + 1)
        out.push(`"${text.slice(0, 12)}" ${Math.round(content)}px of ${Math.round(natural)}px`);
    }
    return out;
  });
}

const pageScroll = (p: Page) => p.evaluate(() => document.scrollingElement!.scrollWidth - innerWidth);
const h1Top = (p: Page) => p.evaluate(() => document.querySelector('h1')!.getBoundingClientRect().top + scrollY);

describe('every template at 360 × 740', () => {
  it('has no squeezed table cell, no sideways page scroll, and its h1 near the top; screenshots kept', async () => {
    const ctx = await browser.newContext({ viewport: PHONE });
    const p = await ctx.newPage();
    const problems: string[] = [];
    for (const [name, url] of pages) {
      await p.goto(server.url + url, { waitUntil: 'networkidle' });
      for (const c of await squeezedCells(p)) problems.push(`${name} /${url}: squeezed cell ${c}`);
      const scroll = await pageScroll(p);
      if (scroll > 0) problems.push(`${name} /${url}: page scrolls sideways by ${scroll}px`);
      const top = await h1Top(p);
      if (!(top >= 0 && top < H1_TOP_MAX)) problems.push(`${name} /${url}: h1 starts at ${Math.round(top)}px`);
      await p.screenshot({ path: path.join(SCREENS, `${name.replace(/\s+/g, '-')}.png`), fullPage: true });
    }
    await ctx.close();
    expect(problems).toEqual([]);
    expect(fs.readdirSync(SCREENS).filter((f) => f.endsWith('.png'))).toHaveLength(pages.length);
  }, 240_000);

  it('大字 keeps the title in the first screen and the page within its width', async () => {
    const ctx = await browser.newContext({ viewport: PHONE });
    const p = await ctx.newPage();
    await p.goto(server.url, { waitUntil: 'networkidle' });
    await p.click('[data-pref="text"]');
    const problems: string[] = [];
    for (const name of ['home', 'finance disclosure', 'list disclosure', 'plan', 'dataset']) {
      await p.goto(server.url + page(name), { waitUntil: 'networkidle' });
      expect(await p.getAttribute('html', 'data-text')).toBe('large');
      for (const c of await squeezedCells(p)) problems.push(`${name}: squeezed cell ${c}`);
      const scroll = await pageScroll(p);
      if (scroll > 0) problems.push(`${name}: page scrolls sideways by ${scroll}px`);
      const top = await h1Top(p);
      if (top >= PHONE.height / 2) problems.push(`${name}: h1 starts at ${Math.round(top)}px`);
    }
    await ctx.close();
    expect(problems).toEqual([]);
  }, 120_000);
});

describe('the compact header', () => {
  it('keeps search one tap away and the reading settings in reach', async () => {
    const ctx = await browser.newContext({ viewport: PHONE });
    const p = await ctx.newPage();
    await p.goto(server.url + page('finance disclosure'), { waitUntil: 'networkidle' });
    const link = p.locator('.site-header a.site-search-link');
    expect(await link.isVisible()).toBe(true);
    const box = (await link.boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(44);
    for (const b of ['[data-pref="text"]', '[data-pref="contrast"]']) expect(await p.locator(b).isVisible(), b).toBe(true);
    // The site's name on one line.
    const title = await p.locator('.site-title').evaluate((el) => ({ h: el.getBoundingClientRect().height, lh: parseFloat(getComputedStyle(el).lineHeight) }));
    expect(title.h).toBeLessThan(title.lh * 1.5);
    await Promise.all([p.waitForURL('**/search/'), link.click()]);
    expect(await p.locator('main input[type="search"]').first().isVisible()).toBe(true);
    await ctx.close();
  });

  it('keeps the search form on wide screens, where the link is not shown', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1024, height: 800 } });
    const p = await ctx.newPage();
    await p.goto(server.url, { waitUntil: 'networkidle' });
    expect(await p.locator('.site-header #site-search-q').isVisible()).toBe(true);
    expect(await p.locator('.site-search-link').isVisible()).toBe(false);
    await ctx.close();
  });
});

describe('200 % zoom of a phone', () => {
  // 200 % zoom of a 360 px phone is a 180 px CSS viewport at twice the pixel density.
  it('a ledger page does not scroll sideways, nor squeeze a cell', async () => {
    const ctx: BrowserContext = await browser.newContext({ viewport: { width: 180, height: 370 }, deviceScaleFactor: 2 });
    const p = await ctx.newPage();
    for (const name of ['finance disclosure', 'list disclosure', 'plan']) {
      await p.goto(server.url + page(name), { waitUntil: 'networkidle' });
      expect(await pageScroll(p), name).toBeLessThanOrEqual(0);
      expect(await squeezedCells(p), name).toEqual([]);
    }
    await ctx.close();
  });
});

/** Chromium's own accessibility tree (not Playwright's role engine): what a screen reader gets. */
async function axRoles(ctx: BrowserContext, p: Page) {
  const cdp = await ctx.newCDPSession(p);
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
    nodes: Array<{ ignored: boolean; role?: { value: string }; name?: { value: string } }>;
  };
  return nodes.filter((n) => !n.ignored).map((n) => ({ role: n.role?.value ?? '', name: n.name?.value ?? '' }));
}

describe('stacked tables stay tables', () => {
  it('a ledger shown as cards is still a table with column headers, row headers and cells', async () => {
    const ctx = await browser.newContext({ viewport: PHONE });
    const p = await ctx.newPage();
    await p.goto(server.url + page('finance disclosure'), { waitUntil: 'networkidle' });
    // The cards really are cards here…
    const shown = await p
      .locator('table.ledger')
      .first()
      .evaluate((t) => ({
        table: getComputedStyle(t).display,
        label: getComputedStyle(t.querySelector('tbody td[data-label="会计科目"]')!, '::before').content,
      }));
    expect(shown.table).toBe('block');
    expect(shown.label).toContain('会计科目');
    // …and a screen reader still meets a table.
    const roles = await axRoles(ctx, p);
    const has = (role: string, name?: string) => roles.some((r) => r.role === role && (name === undefined || r.name.includes(name)));
    expect(has('table', '收入明细')).toBe(true);
    expect(has('columnheader', '会计科目')).toBe(true);
    expect(has('rowheader')).toBe(true);
    expect(has('cell')).toBe(true);
    await ctx.close();
  });

  it('axe finds nothing on the stacked pages at 360 px', async () => {
    const ctx = await browser.newContext({ viewport: PHONE });
    const p = await ctx.newPage();
    const found: string[] = [];
    for (const name of ['finance disclosure', 'list disclosure', 'plan', 'unit', 'dataset', 'disclosures']) {
      await p.goto(server.url + page(name), { waitUntil: 'networkidle' });
      await p.evaluate(AXE);
      const v = await p.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (o: unknown) => Promise<{ violations: Array<{ id: string; nodes: unknown[] }> }> } }).axe;
        const r = await axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
        return r.violations.map((x) => `${x.id} (${x.nodes.length})`);
      });
      for (const x of v) found.push(`${name}: ${x}`);
    }
    await ctx.close();
    expect(found).toEqual([]);
  }, 120_000);
});

describe('wide screens and print keep real tables', () => {
  const ledgerLayout = (p: Page) =>
    p
      .locator('table.ledger')
      .first()
      .evaluate((t) => ({
        table: getComputedStyle(t).display,
        row: getComputedStyle(t.querySelector('tbody tr')!).display,
        head: getComputedStyle(t.querySelector('thead')!).position,
        money: getComputedStyle(t.querySelector('tbody td.num')!).textAlign,
        figures: getComputedStyle(t.querySelector('tbody td.num')!).fontVariantNumeric,
      }));

  it('a ledger is a table with right-aligned, tabular amounts at 1024 px', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1024, height: 800 } });
    const p = await ctx.newPage();
    await p.goto(server.url + page('finance disclosure'), { waitUntil: 'networkidle' });
    expect(await ledgerLayout(p)).toEqual({ table: 'table', row: 'table-row', head: 'static', money: 'right', figures: 'tabular-nums' });
    await ctx.close();
  });

  it('printed from a phone, a ledger is still a table', async () => {
    const ctx = await browser.newContext({ viewport: PHONE });
    const p = await ctx.newPage();
    await p.goto(server.url + page('finance disclosure'), { waitUntil: 'networkidle' });
    await p.emulateMedia({ media: 'print' });
    expect(await ledgerLayout(p)).toEqual({ table: 'table', row: 'table-row', head: 'static', money: 'right', figures: 'tabular-nums' });
    expect(await p.locator('.site-search-link').isVisible()).toBe(false);
    await ctx.close();
  });
});
