/**
 * One page of each kind in Chromium with JavaScript on, served by nginx with the shipped
 * Content-Security-Policy: no CSP violation (the browser reports every one as a
 * `securitypolicyviolation` event and a console message), no console error, no request that
 * leaves the origin, no failed request. The scripts that do run (text-size switch, quiz, chart)
 * still work under the policy.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builds } from '../helpers/build';
import type { StaticServer } from '../../tooling/nginx';
import { closeSite, openSite } from '../helpers/site-browser';

const dist = builds.sample;
const withIndex = (dir: string) =>
  fs
    .readdirSync(path.join(dist, dir))
    .filter((d) => fs.existsSync(path.join(dist, dir, d, 'index.html')))
    .sort();
const plan = withIndex('plans')[0]!;
const unit = withIndex('units')[0]!;
const village = withIndex('disclosures').find((d) => /^\d{12}$/.test(d))!;
const disclosure = withIndex(`disclosures/${village}`).find((d) => d.endsWith('-finance'))!;
const QUIZ_ARTICLE = 'jiaotong-anquan-xiaoxue';
const dataset = withIndex('data')[0]!;

const pages: Record<string, string> = {
  home: '',
  plans: 'plans/',
  plan: `plans/${plan}/`,
  units: 'units/',
  unit: `units/${unit}/`,
  disclosures: 'disclosures/',
  village: `disclosures/${village}/`,
  disclosure: `disclosures/${village}/${disclosure}/`,
  legal: 'legal/',
  'article with a quiz': `legal/${QUIZ_ARTICLE}/`,
  data: 'data/',
  dataset: `data/${dataset}/`,
  search: `search/?q=${encodeURIComponent('调解')}`,
};

let server: StaticServer;
let browser: Browser;
beforeAll(async () => ({ server, browser } = await openSite(dist)));
afterAll(() => closeSite(server, browser));

interface Watch {
  page: Page;
  violations: string[];
  errors: string[];
  foreign: string[];
  failed: string[];
  scripts: string[];
  close: () => Promise<void>;
}

/** A page with listeners for everything that must not happen. */
async function watch(): Promise<Watch> {
  const ctx = await browser.newContext({ javaScriptEnabled: true, viewport: { width: 390, height: 800 } });
  const page = await ctx.newPage();
  const w: Watch = { page, violations: [], errors: [], foreign: [], failed: [], scripts: [], close: () => ctx.close() };
  const origin = new URL(server.url).origin;
  await page.exposeFunction('__cspViolation', (v: string) => w.violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      void (window as unknown as { __cspViolation: (v: string) => void }).__cspViolation(
        `${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`,
      );
    });
  });
  page.on('console', (m) => {
    if (m.type() === 'error') w.errors.push(m.text());
    if (/Content[ -]Security[ -]Policy|Permissions[ -]Policy/i.test(m.text())) w.violations.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => w.errors.push(e.message));
  page.on('request', (r) => {
    if (new URL(r.url()).origin !== origin) w.foreign.push(r.url());
    if (r.resourceType() === 'script') w.scripts.push(new URL(r.url()).pathname);
  });
  page.on('requestfailed', (r) => w.failed.push(`${r.url()} ${r.failure()?.errorText}`));
  page.on('response', (r) => r.status() >= 400 && w.failed.push(`${r.url()} ${r.status()}`));
  return w;
}

describe('under the Content-Security-Policy, with JavaScript on', () => {
  for (const [kind, p] of Object.entries(pages)) {
    it(`${kind} (/${p}): no CSP violation, no console error, nothing off-origin`, async () => {
      const w = await watch();
      const res = await w.page.goto(server.url + p, { waitUntil: 'networkidle' });
      expect(res?.status()).toBe(200);
      // The policy is really there, so "no violation" means something.
      expect(res?.headers()['content-security-policy']).toMatch(/script-src 'self'/);

      // What each page's script does, done under the policy.
      if (kind === 'home') {
        await w.page.click('[data-pref="text"]');
        expect(await w.page.getAttribute('html', 'data-text')).toBe('large');
      }
      if (kind === 'article with a quiz') {
        await w.page.locator('.quiz__option input').first().check();
        await w.page.locator('[data-quiz-actions] button').first().click();
        await expect.poll(() => w.page.locator('[data-quiz-score]').textContent()).toContain('得分');
      }
      if (kind === 'search') {
        // Pagefind's script and WebAssembly run under the policy ('wasm-unsafe-eval', no inline).
        await w.page.waitForSelector('search-results[data-state="done"]');
        expect(await w.page.locator('a.result-link').count()).toBeGreaterThan(0);
        expect(w.scripts.some((s) => s.endsWith('/pagefind/pagefind.js'))).toBe(true);
      }
      if (kind === 'dataset') {
        const chart = w.page.locator('data-chart').first();
        expect(await chart.count()).toBe(1);
        await chart.scrollIntoViewIfNeeded();
        await w.page.waitForSelector('data-chart.is-drawn');
        await w.page.waitForLoadState('networkidle');
        expect(w.scripts.some((s) => /\/_astro\/auto\.[^/]+\.js$/.test(s))).toBe(true);
      }

      expect(w.violations).toEqual([]);
      expect(w.errors).toEqual([]);
      expect(w.foreign).toEqual([]);
      expect(w.failed).toEqual([]);
      await w.close();
    });
  }

  it('the watch sees a violation when there is one (an inline script is refused)', async () => {
    const w = await watch();
    await w.page.goto(server.url, { waitUntil: 'networkidle' });
    await w.page
      .evaluate(() => {
        const s = document.createElement('script');
        s.textContent = 'document.documentElement.dataset.inline = "ran"';
        document.head.append(s);
      })
      .catch(() => undefined);
    await expect.poll(() => w.violations.length).toBeGreaterThan(0);
    expect(w.violations.join('\n')).toMatch(/script-src/);
    expect(await w.page.getAttribute('html', 'data-inline')).toBeNull();
    await w.close();
  });
});
