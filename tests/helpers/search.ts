/** Driving /search/ in Chromium: run a query through the real page and read what it shows. */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { TEST_DIST } from './build';

export interface SearchOutcome {
  state: string;
  status: string;
  /** Site-relative paths of the results on the first page, in order. */
  paths: string[];
  /** What went wrong while the page searched (console errors, failed requests): a failing
   * assertion on `state` prints these, so a search that ends in 'error' says why. */
  problems?: string[];
}

const FINAL = ['done', 'none', 'error', 'empty'];

export async function runSearch(page: Page, siteUrl: string, q: string, params: Record<string, string> = {}): Promise<SearchOutcome> {
  const qs = new URLSearchParams({ q, ...params });
  const problems: string[] = [];
  const onConsole = (m: { type(): string; text(): string }) => void (m.type() === 'error' && problems.push(`console: ${m.text()}`));
  const onPageError = (e: Error) => void problems.push(`pageerror: ${e.message}`);
  const onFailed = (r: { url(): string; failure(): { errorText: string } | null }) =>
    void problems.push(`request failed: ${r.url()} ${r.failure()?.errorText ?? ''}`);
  page.on('console', onConsole);
  page.on('pageerror', onPageError);
  page.on('requestfailed', onFailed);
  try {
    await page.goto(`${siteUrl}search/?${qs}`);
    return { ...(await readOutcome(page, siteUrl)), problems };
  } finally {
    page.off('console', onConsole);
    page.off('pageerror', onPageError);
    page.off('requestfailed', onFailed);
  }
}

export async function readOutcome(page: Page, siteUrl: string, states = FINAL): Promise<SearchOutcome> {
  await page.waitForFunction((s) => s.includes(document.querySelector('search-results')?.getAttribute('data-state') ?? ''), states, { timeout: 30_000 });
  const base = new URL(siteUrl).pathname;
  return {
    state: (await page.locator('search-results').getAttribute('data-state')) ?? '',
    status: (await page.locator('.search-status').textContent()) ?? '',
    paths: (await page.locator('[data-exact] a.result-link').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname))).map(
      (p) => `/${p.slice(base.length)}`,
    ),
  };
}

export const REPORT_DIR = path.join(TEST_DIST, 'reports');

/** Adds a section to the search benchmark report (.test-dist/reports/search.json). */
export function writeReport(section: string, data: unknown): void {
  fs.mkdirSync(REPORT_DIR, { recursive: true });
  const file = path.join(REPORT_DIR, 'search.json');
  const report = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
  report[section] = data;
  fs.writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
}

export const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
