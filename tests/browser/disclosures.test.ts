/**
 * Disclosure pages in Chromium: no JavaScript beyond the shared script, and printing a
 * finance disclosure on A4 gives clean 公开栏 sheets with totals and signature lines.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builds } from '../helpers/build';
import type { StaticServer } from '../../tooling/nginx';
import { closeSite, openSite } from '../helpers/site-browser';

let server: StaticServer;
let browser: Browser;
const dist = builds.sample;
// A village folder and one finance and one list disclosure in it, found in the build.
const village = fs.readdirSync(path.join(dist, 'disclosures')).find((d) => /^\d{12}$/.test(d))!;
const docs = fs.readdirSync(path.join(dist, 'disclosures', village));
const finance = docs.find((d) => d.endsWith('-finance') && !d.includes('.'))!;
const list = docs.find((d) => d.endsWith('-affairs') && !d.includes('.'))!;
const pages = ['disclosures/', `disclosures/${village}/`, `disclosures/${village}/${finance}/`, `disclosures/${village}/${list}/`];

beforeAll(async () => ({ server, browser } = await openSite(dist)));
afterAll(() => closeSite(server, browser));

describe('disclosure pages', () => {
  for (const p of pages) {
    it(`/${p} loads only the shared script and nothing off-origin`, async () => {
      const page = await browser.newPage({ viewport: { width: 320, height: 700 } });
      const scripts: string[] = [];
      const foreign: string[] = [];
      const errors: string[] = [];
      page.on('request', (r) => {
        if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
        if (!r.url().startsWith(server.url.replace(/\/$/, ''))) foreign.push(r.url());
      });
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      expect((await page.goto(server.url + p, { waitUntil: 'networkidle' }))?.status()).toBe(200);
      expect(scripts).toEqual(['/assets/prefs.js']);
      expect(foreign).toEqual([]);
      expect(errors).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
      await page.close();
    });
  }

  it('offers CSV (UTF-8 with BOM) and JSON downloads with the same figures', async () => {
    const csv = await (await fetch(`${server.url}disclosures/${village}/${finance}.csv`)).arrayBuffer();
    const bytes = new Uint8Array(csv);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const json = (await (await fetch(`${server.url}disclosures/${village}/${finance}.json`)).json()) as { closingBalance: string };
    expect(new TextDecoder().decode(bytes)).toContain(`期末余额,,,,${json.closingBalance},`);
  });
});

describe('printing a finance disclosure for the notice board', () => {
  it('gives A4 sheets with title, totals, reviewer and signature lines, and no site chrome', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}disclosures/${village}/${finance}/`);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site-nav').isVisible()).toBe(false);
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    expect(await page.locator('.signatures').isVisible()).toBe(true);
    const pdfPath = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gkl-pdf-')), 'sheet.pdf');
    await page.pdf({ path: pdfPath, format: 'A4', printBackground: true });
    await page.close();

    const info = execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+59[45]\.\d+ x 84[12]\.\d+ pts \(A4\)/);
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(3);
    const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
    const json = JSON.parse(fs.readFileSync(path.join(dist, 'disclosures', village, `${finance}.json`), 'utf8')) as { title: string; reviewedBy: string };
    expect(text).toContain(json.title);
    expect(text).toContain('期末余额');
    expect(text).toContain('账目平衡');
    expect(text).toContain(`${json.reviewedBy}（签字）`);
    expect(text).toContain('村（居）民委员会（盖章）');
    for (const chrome of ['首页', '跳到正文', '大字', '主办：', 'CSV 表格']) expect(text).not.toContain(chrome);
  });
});
