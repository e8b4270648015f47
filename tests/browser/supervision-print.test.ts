/**
 * The paper sheet on the board says whom to tell too (组织法 art. 31), and the 公示 deadline —
 * but not "还有 N 天", which is true only on the day the site was built.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaticServer } from '../../tooling/nginx';
import { builds } from '../helpers/build';
import { closeSite, openSite } from '../helpers/site-browser';

let server: StaticServer;
let browser: Browser;
// 上溪村's 一事一议 notice is in its 公示期 on the tests' today (2026-11-16 to 2026-11-25).
const notice = 'disclosures/330185117201/2026-11-notice-yishiyiyi-chouzi-chouqiao-fangan/';

beforeAll(async () => ({ server, browser } = await openSite(builds.sample)));
afterAll(() => closeSite(server, browser));

describe('supervision and the 公示期 on paper', () => {
  it('prints the contacts and the deadline, without the day count', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}${notice}`);
    expect(await page.getByText('还有 6 天').isVisible()).toBe(true);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('#supervision').isVisible()).toBe(true);
    expect(await page.locator('.notice-period').isVisible()).toBe(true);
    expect(await page.getByText('还有 6 天').isVisible()).toBe(false);
    const pdfPath = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gkl-pdf-')), 'notice.pdf');
    await page.pdf({ path: pdfPath, format: 'A4', printBackground: true });
    await page.close();
    const text = execFileSync('pdftotext', [pdfPath, '-'], { encoding: 'utf8' })
      .replace(/\s+/g, '')
      .replace(/\u2011/g, '-');
    for (const s of ['监督与反映', '上溪村村务监督委员会，电话0571-86127412', '栖梧镇纪委', '12345', '公示截止2026年11月25日']) expect(text).toContain(s);
    expect(text).not.toContain('还有6天');
  });
});
