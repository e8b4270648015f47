/**
 * Accessibility in real Chromium over the sample build: axe-core (WCAG 2.0/2.1/2.2 A and AA)
 * on every URL in the sitemap, then the structure axe cannot judge alone: one h1 and no
 * skipped heading levels, every table with a caption and header cells.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builds } from '../helpers/build';
import type { StaticServer } from '../../tooling/nginx';
import { sitemapPaths } from '../helpers/sitemap';
import { fakeSpeech, ZH_VOICE } from '../helpers/speech';
import { templatePages } from '../helpers/templates';
import { closeSite, openSite } from '../helpers/site-browser';

const AXE = fs.readFileSync(path.join(import.meta.dirname, '../../node_modules/axe-core/axe.min.js'), 'utf8');
// Every WCAG A/AA rule axe has, up to 2.2. None is disabled.
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

let server: StaticServer;
let browser: Browser;
const paths = sitemapPaths(builds.sample);

beforeAll(async () => ({ server, browser } = await openSite(builds.sample)));
afterAll(() => closeSite(server, browser));

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[] }>;
}

async function axe(page: Page): Promise<Violation[]> {
  return page.evaluate(async (tags) => {
    const w = window as unknown as { axe: { run: (ctx: Document, opts: unknown) => Promise<{ violations: Violation[] }> } };
    const r = await w.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => ({ target: n.target })) }));
  }, TAGS);
}

/** Headings in document order, and tables lacking a caption or header cells. */
function structure(page: Page) {
  return page.evaluate(() => ({
    headings: [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')]
      .filter((h) => (h as HTMLElement).offsetParent !== null || h.closest('details'))
      .map((h) => Number(h.tagName[1])),
    badTables: [...document.querySelectorAll('table')]
      .filter((t) => !t.querySelector(':scope > caption')?.textContent?.trim() || t.querySelectorAll('th').length === 0)
      .map((t) => t.outerHTML.slice(0, 80)),
  }));
}

describe('every sitemap URL of the sample site', () => {
  it('has a sitemap that lists the pages', () => {
    expect(paths.length).toBeGreaterThan(100);
    expect(paths).toContain('/');
    // The 一村一码 posters are pages like any other: the town's and every village's.
    expect(paths).toContain('/disclosures/poster/');
    expect(paths.filter((p) => /^\/disclosures\/\d{12}\/poster\/$/.test(p)).length).toBeGreaterThan(1);
  });

  it('passes axe (WCAG 2.2 A/AA) with zero violations, with one h1, headings in order and tables with captions and header cells', async () => {
    // bypassCSP: axe is injected as an inline script, which a strict CSP rightly refuses.
    const ctx = await browser.newContext({ bypassCSP: true, viewport: { width: 1024, height: 800 } });
    await ctx.addInitScript({ content: AXE });
    const found: string[] = [];
    const queue = [...paths];
    // Two tabs at a time: the machine has two cores.
    const worker = async () => {
      const page = await ctx.newPage();
      for (let p = queue.shift(); p !== undefined; p = queue.shift()) {
        await page.goto(server.url + p.replace(/^\//, ''), { waitUntil: 'load' });
        for (const v of await axe(page)) found.push(`${p} ${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
        const s = await structure(page);
        if (s.headings.filter((h) => h === 1).length !== 1) found.push(`${p} has ${s.headings.filter((h) => h === 1).length} h1`);
        s.headings.forEach((h, i) => {
          if (i > 0 && h > s.headings[i - 1]! + 1) found.push(`${p} heading jumps from h${s.headings[i - 1]} to h${h}`);
        });
        for (const t of s.badTables) found.push(`${p} table without caption or header cells: ${t}`);
      }
      await page.close();
    };
    const started = Date.now();
    await Promise.all([worker(), worker()]);
    await ctx.close();
    console.log(`axe: ${paths.length} URLs checked against ${TAGS.join(', ')} in ${Math.round((Date.now() - started) / 1000)} s; ${found.length} problem(s)`);
    expect(found).toEqual([]);
  }, 900_000);
});

describe('the search page in the states a query puts it in', () => {
  it('passes axe with results, with no results, and with the looser results shown', async () => {
    const ctx = await browser.newContext({ bypassCSP: true, viewport: { width: 390, height: 800 } });
    await ctx.addInitScript({ content: AXE });
    const page = await ctx.newPage();
    const found: string[] = [];
    const check = async (state: string) => {
      for (const v of await axe(page)) found.push(`${state} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
      const { headings } = await structure(page);
      expect(
        headings.filter((h, i) => i > 0 && h > headings[i - 1]! + 1),
        state,
      ).toEqual([]);
    };
    await page.goto(`${server.url}search/?q=${encodeURIComponent('调解')}`);
    await page.waitForSelector('search-results[data-state="done"]');
    await check('results');
    await page.goto(`${server.url}search/?q=${encodeURIComponent('调解 区块链')}`);
    await page.waitForSelector('search-results[data-state="none"]');
    await check('no results');
    await page.click('[data-loose]');
    await page.waitForSelector('search-results[data-state="loose"]');
    await check('looser results');
    expect(found).toEqual([]);
    await ctx.close();
  });
});

describe('the 朗读 control, shown and in use', () => {
  it('passes axe on a text page with the control shown, while reading and while paused', async () => {
    // A stand-in Chinese voice (tests/helpers/speech.ts): headless Chromium has none, so the control would stay hidden.
    const ctx = await browser.newContext({ bypassCSP: true, viewport: { width: 390, height: 800 } });
    await ctx.addInitScript({ content: AXE });
    await ctx.addInitScript(fakeSpeech, { voices: [ZH_VOICE], ms: 2000 });
    const page = await ctx.newPage();
    const plan = Object.fromEntries(templatePages(builds.sample)).plan!;
    await page.goto(server.url + plan, { waitUntil: 'networkidle' });
    const found: string[] = [];
    const check = async (state: string) => {
      for (const v of await axe(page)) found.push(`${state} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
    };
    expect(await page.locator('read-aloud [data-ra="play"]').isVisible()).toBe(true);
    await check('shown');
    await page.click('read-aloud [data-ra="play"]');
    await page.waitForSelector('read-aloud [data-ra="stop"]:not([hidden])');
    await check('reading');
    await page.click('read-aloud [data-ra="pause"]');
    await check('paused');
    expect(found).toEqual([]);
    await ctx.close();
  });
});
