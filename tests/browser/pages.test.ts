/**
 * Home and plan pages in real Chromium, with JavaScript on and off: no console errors, no
 * request leaves the origin, the text-size switch works and is remembered, 320 px has no
 * horizontal scrolling.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builds } from '../helpers/build';
import type { StaticServer } from '../../tooling/nginx';
import { closeSite, openSite } from '../helpers/site-browser';

let server: StaticServer;
let browser: Browser;
// Every plan page of the sample build (filter views live in sub-folders without their own index.html).
const planSlugs = fs.readdirSync(path.join(builds.sample, 'plans')).filter((d) => fs.existsSync(path.join(builds.sample, 'plans', d, 'index.html')));
const planSlug = planSlugs[0]!;
const pages = ['', 'plans/', 'units/', ...planSlugs.map((s) => `plans/${s}/`)];

beforeAll(async () => ({ server, browser } = await openSite(builds.sample)));
afterAll(() => closeSite(server, browser));

async function visit(ctx: BrowserContext, url: string) {
  const page = await ctx.newPage();
  const errors: string[] = [];
  const foreign: string[] = [];
  const origin = new URL(server.url).origin;
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => {
    if (new URL(r.url()).origin !== origin && !r.url().startsWith('data:')) foreign.push(r.url());
  });
  const res = await page.goto(url, { waitUntil: 'networkidle' });
  return { page, errors, foreign, status: res?.status() };
}

for (const javaScriptEnabled of [true, false]) {
  describe(`JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    for (const p of pages) {
      it(`/${p} loads cleanly, reads fine at 320 px`, async () => {
        const ctx = await browser.newContext({ javaScriptEnabled, viewport: { width: 320, height: 640 } });
        const { page, errors, foreign, status } = await visit(ctx, server.url + p);
        expect(status).toBe(200);
        expect(errors).toEqual([]);
        expect(foreign).toEqual([]);
        expect(await page.locator('h1').count()).toBe(1);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
        // The switch appears only when the script can make it work.
        expect(await page.locator('[data-pref="text"]').isVisible()).toBe(javaScriptEnabled);
        await ctx.close();
      });
    }
  });
}

describe('reading settings', () => {
  it('大字 and 高对比度 apply at once and are remembered on the next page', async () => {
    const ctx = await browser.newContext();
    const { page } = await visit(ctx, server.url);
    const size = (pg: Page) => pg.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
    const before = await size(page);
    await page.click('[data-pref="text"]');
    await page.click('[data-pref="contrast"]');
    expect(await size(page)).toBeGreaterThan(before * 1.2);
    expect(await page.getAttribute('[data-pref="text"]', 'aria-pressed')).toBe('true');
    const next = (await visit(ctx, `${server.url}plans/${planSlug}/`)).page;
    expect(await next.getAttribute('html', 'data-text')).toBe('large');
    expect(await next.getAttribute('html', 'data-contrast')).toBe('high');
    expect(await size(next)).toBeGreaterThan(before * 1.2);
    await page.click('[data-pref="text"]');
    expect(await size(page)).toBe(before);
    await ctx.close();
  });

  it('shows overdue tasks as 逾期 on the plan pages', async () => {
    const ctx = await browser.newContext({ javaScriptEnabled: false });
    let overdueRows = 0;
    for (const slug of planSlugs) {
      const { page } = await visit(ctx, `${server.url}plans/${slug}/`);
      const rows = page.locator('tr[id^="task-"]:has(.badge--danger)');
      overdueRows += await rows.count();
      for (const text of await rows.allInnerTexts()) expect(text).toMatch(/逾期 \d+ 天/);
    }
    expect(overdueRows).toBeGreaterThan(0);
    await ctx.close();
  });
});
