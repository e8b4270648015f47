/**
 * Issue 19, the board and the phone: every kind of printed sheet (a ledger, a list, a notice, a
 * plan) and every village poster, rendered for print in Chromium, carries a QR code that decodes
 * (jsqr, from a screenshot of the element) to the record's canonical URL — for the sample town
 * and for 麟禾镇 under a sub-path with SITE_URL. The 核对码 on the sheet, on the web page and
 * computed from the downloaded JSON agree. Printed as PDF, the sample finance sheet and each
 * poster are one A4 page.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import jsQR from 'jsqr';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../tooling/browser';
import { serveDir, type StaticServer } from '../../tooling/nginx';
import { fingerprint } from '../../src/lib/print/fingerprint';
import { builds } from '../helpers/build';
import { LINHE, SAMPLE } from '../helpers/content';

interface Site {
  name: string;
  dist: string;
  base: string;
  /** The canonical origin the build was given (site.json siteUrl, or SITE_URL). */
  origin: string;
  content: string;
}

const SITES: Site[] = [
  { name: 'the sample town', dist: builds.sample, base: '/', origin: 'https://qiwu.example.cn', content: SAMPLE },
  { name: '麟禾镇 under a sub-path with SITE_URL', dist: builds.linheSubpath, base: '/zl/linhe/', origin: 'https://portal.example.cn', content: LINHE },
];

/** One record page of each kind of sheet, found in the build (paths relative to the site root). */
function sheetsOf(dist: string): Array<[kind: string, page: string]> {
  const villages = fs.readdirSync(path.join(dist, 'disclosures')).filter((d) => /^\d{12}$/.test(d));
  const docs = villages.flatMap((v) => fs.readdirSync(path.join(dist, 'disclosures', v)).map((d) => `disclosures/${v}/${d}/`));
  const pick = (re: RegExp) => docs.find((d) => re.test(d))!;
  const plan = fs.readdirSync(path.join(dist, 'plans')).find((p) => fs.existsSync(path.join(dist, 'plans', `${p}.json`)))!;
  return [
    ['finance ledger', pick(/-finance\/$/)],
    ['list', pick(/-(?:affairs|party)\/$/)],
    ['notice', pick(/-notice-[^/]+\/$/)],
    ['plan', `plans/${plan}/`],
  ];
}

const villagesOf = (content: string) =>
  (JSON.parse(fs.readFileSync(path.join(content, 'villages.json'), 'utf8')) as Array<{ code: string; name: string }>).map((v) => v.code);

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Screenshot of the QR element as print shows it, decoded back to text by jsqr. */
async function decodeQr(page: Page, scratch: Page): Promise<string | undefined> {
  const qr = page.locator('[data-qr] svg');
  expect(await qr.isVisible()).toBe(true);
  const png = (await qr.screenshot()).toString('base64');
  // Chromium decodes the PNG into pixels; jsqr reads them.
  const { width, height, data } = await scratch.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    // At most 400 px across: still several pixels per module, and a small array to hand back.
    const scale = Math.min(1, 400 / img.naturalWidth);
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(img.naturalWidth * scale);
    canvas.height = Math.round(img.naturalHeight * scale);
    const g = canvas.getContext('2d')!;
    g.drawImage(img, 0, 0, canvas.width, canvas.height);
    return { width: canvas.width, height: canvas.height, data: Array.from(g.getImageData(0, 0, canvas.width, canvas.height).data) };
  }, png);
  return jsQR(Uint8ClampedArray.from(data), width, height)?.data;
}

function pdfPages(pdf: Buffer): { pages: number; a4: boolean } {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gkl-print-')), 'sheet.pdf');
  fs.writeFileSync(file, pdf);
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return { pages: Number(/Pages:\s+(\d+)/.exec(info)![1]), a4: /Page size:\s+59[45]\.\d+ x 84[12]\.\d+ pts \(A4\)/.test(info) };
}

for (const site of SITES) {
  describe(`printed sheets and posters of ${site.name}`, () => {
    let server: StaticServer;
    let ctx: BrowserContext;
    let page: Page;
    let scratch: Page;
    const canonical = (p: string) => `${site.origin}${site.base}${p}`;

    beforeAll(async () => {
      server = await serveDir(site.dist, site.base);
      // Three device pixels per CSS pixel: a 32 mm code is then about eight pixels per module.
      ctx = await browser.newContext({ deviceScaleFactor: 3 });
      page = await ctx.newPage();
      scratch = await ctx.newPage();
    });
    afterAll(async () => {
      await ctx?.close();
      await server?.close();
    });

    for (const [kind, p] of sheetsOf(site.dist)) {
      it(`the ${kind} sheet (${p}): its QR code decodes to its canonical URL, its 核对码 matches its JSON download`, async () => {
        await page.emulateMedia({ media: 'screen' });
        await page.goto(server.url + p);
        // On screen: the code is not shown, the 核对码 is, with how to compare it, and the JSON is linked.
        expect(await page.locator('[data-qr]').isVisible()).toBe(false);
        const onPage = (await page.locator('[data-fingerprint]').innerText()).trim();
        expect(onPage).toMatch(/^[0-9A-F]{4} [0-9A-F]{4}$/);
        await expect.poll(() => page.locator('.print-code__how').innerText()).toContain('核对码与本页相同');
        const json = await page.locator('a[download][href$=".json"]').getAttribute('href');
        expect(json).toBe(`${site.base}${p.replace(/\/$/, '.json')}`);
        const download = new Uint8Array(await (await fetch(new URL(json!, server.url))).arrayBuffer());
        expect(fingerprint(download)).toBe(onPage);

        await page.emulateMedia({ media: 'print' });
        expect(await decodeQr(page, scratch)).toBe(canonical(p));
        expect(await page.locator('.print-code__scan').innerText()).toMatch(/^扫码在手机上查看本(?:公开|方案)及往期$/);
        expect((await page.locator('[data-fingerprint]').innerText()).trim()).toBe(onPage);
        expect(await page.locator('.print-code__how').isVisible()).toBe(false);
        // Sized to scan from a board: about 30–35 mm square on paper (96 CSS px per inch).
        const box = (await page.locator('[data-qr] svg').boundingBox())!;
        expect((box.width / 96) * 25.4).toBeGreaterThanOrEqual(30);
        expect((box.width / 96) * 25.4).toBeLessThanOrEqual(35);
      });
    }

    const posters: Array<[poster: string, target: string]> = [
      ...villagesOf(site.content).map((code): [string, string] => [`disclosures/${code}/poster/`, `disclosures/${code}/`]),
      ['disclosures/poster/', 'disclosures/'],
    ];
    for (const [poster, target] of posters) {
      it(`the poster ${poster}: its QR code opens ${target}, it says what is published and whom to tell, on one A4 page`, async () => {
        await page.emulateMedia({ media: 'screen' });
        expect((await page.goto(server.url + poster))?.status()).toBe(200);
        // Not in site search; a readable page with the printing hint on screen.
        expect(await page.locator('[data-pagefind-body]').count()).toBe(0);
        expect(await page.locator('.poster__hint').innerText()).toContain('打印海报');
        await page.emulateMedia({ media: 'print' });
        expect(await page.locator('.poster__hint').isVisible()).toBe(false);
        expect(await decodeQr(page, scratch)).toBe(canonical(target));
        const text = await page.locator('.poster').innerText();
        for (const words of ['财务公开', '每月一次', '至少每季度一次', '随时公开', '12345']) expect(text).toContain(words);
        expect(pdfPages(await page.pdf({ format: 'A4', preferCSSPageSize: true }))).toEqual({ pages: 1, a4: true });
      });
    }

    it('links the town poster from the home page and each village’s poster from its page', async () => {
      await page.emulateMedia({ media: 'screen' });
      await page.goto(server.url);
      expect(await page.locator(`a[href="${site.base}disclosures/poster/"]`).count()).toBe(1);
      const code = villagesOf(site.content)[0]!;
      await page.goto(`${server.url}disclosures/${code}/`);
      expect(await page.locator(`a[href="${site.base}disclosures/${code}/poster/"]`).count()).toBe(1);
    });
  });
}

describe('the sample finance sheet on paper', () => {
  it('prints on one A4 page with its QR code and 核对码 beside the signature lines', async () => {
    const server = await serveDir(builds.sample);
    const page = await browser.newPage();
    try {
      await page.goto(`${server.url}disclosures/330185117001/2026-10-finance/`);
      await page.emulateMedia({ media: 'print' });
      const qr = (await page.locator('[data-qr] svg').boundingBox())!;
      const sign = (await page.locator('.signatures').boundingBox())!;
      expect(qr.x).toBeGreaterThanOrEqual(sign.x + sign.width);
      expect(pdfPages(await page.pdf({ format: 'A4', preferCSSPageSize: true }))).toEqual({ pages: 1, a4: true });
    } finally {
      await page.close();
      await server.close();
    }
  });
});
