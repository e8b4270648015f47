/** Dataset pages in Chromium: the chart draws with JavaScript; table, map and downloads are there without it. */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builds } from '../helpers/build';
import type { StaticServer } from '../../tooling/nginx';
import { closeSite, openSite } from '../helpers/site-browser';

let server: StaticServer;
let browser: Browser;
const dist = builds.linhe;
const ids = fs.readdirSync(path.join(dist, 'data')).filter((d) => fs.existsSync(path.join(dist, 'data', d, 'index.html')));

beforeAll(async () => ({ server, browser } = await openSite(dist)));
afterAll(() => closeSite(server, browser));

describe('dataset pages', () => {
  it('has at least one dataset to test', () => expect(ids.length).toBeGreaterThan(0));

  for (const javaScriptEnabled of [true, false]) {
    it(`with JavaScript ${javaScriptEnabled ? 'on the chart renders' : 'off the table, map and downloads are all there'}, no console error`, async () => {
      for (const id of ids) {
        const ctx = await browser.newContext({ javaScriptEnabled });
        const page = await ctx.newPage();
        const errors: string[] = [];
        const requests: string[] = [];
        page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
        page.on('pageerror', (e) => errors.push(e.message));
        page.on('request', (r) => requests.push(r.url()));
        await page.goto(`${server.url}data/${id}/`, { waitUntil: 'networkidle' });
        expect(await page.locator('table.data-table').count()).toBeGreaterThan(0);
        expect(await page.locator('.village-map svg path.shape').count()).toBeGreaterThan(0);
        expect(await page.locator(`a[href$="/data/${id}.csv"]`).count()).toBe(1);
        const charts = page.locator('data-chart');
        if (javaScriptEnabled && (await charts.count()) > 0) {
          await charts.first().scrollIntoViewIfNeeded();
          await page.waitForSelector('data-chart.is-drawn');
          const painted = await page.evaluate(() => {
            const c = document.querySelector('data-chart canvas') as HTMLCanvasElement;
            const px = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
            return px.some((v, i) => i % 4 === 3 && v > 0);
          });
          expect(painted).toBe(true);
          expect(requests.some((u) => /\/_astro\/auto\.[^/]+\.js$/.test(u))).toBe(true);
        }
        if (!javaScriptEnabled) expect(requests.filter((u) => u.endsWith('.js'))).toEqual([]);
        expect(requests.every((u) => u.startsWith(server.url.replace(/\/$/, '')))).toBe(true);
        expect(errors).toEqual([]);
        await ctx.close();
      }
    });
  }
});
