/**
 * Page-weight budgets over the sample build, per template (src/lib/site/page-weight.ts, which the
 * benchmark also applies to every page of its 1,000- and 5,000-document builds): gzipped HTML,
 * the CSS it links and the JavaScript it loads up front (Chart.js is a lazy chunk with its own
 * budget). README § 页面体积预算 (page-weight budgets).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builds, listFiles } from '../helpers/build';
import { templatePages } from '../helpers/templates';
import { sampleTemplates } from '../../src/lib/site/sections';
import {
  budgetOf,
  budgetedPages,
  checkBudgets,
  gzipMeter,
  KB,
  LAZY_JS_BUDGET,
  SHARED_SCRIPT_BUDGET,
  TEXT_PAGE_TARGET,
  totalOf,
  upFrontScripts,
} from '../../src/lib/site/page-weight';

const dist = builds.sample;
const gzipped = gzipMeter();
const gz = (file: string) => gzipped(path.join(dist, file));

describe('page weight per template', () => {
  // The publishing desk is exempt from the text-page budget (src/lib/site/desk.ts); its application
  // sits in its own folder under /admin/, not among the readers' scripts in _astro/.
  const html = budgetedPages(listFiles(dist));
  const check = checkBudgets(dist, html, gzipped);
  const upFront = new Set(
    listFiles(dist)
      .filter((x) => x.endsWith('.html'))
      .flatMap((f) => upFrontScripts(fs.readFileSync(path.join(dist, f), 'utf8')))
      .flatMap((src) => (src.startsWith('/_astro/') ? [src.slice('/_astro/'.length)] : [])),
  );
  const lazy = listFiles(path.join(dist, '_astro')).filter((f) => f.endsWith('.js') && !upFront.has(f));
  const lazyBytes = lazy.reduce((s, f) => s + gz(`_astro/${f}`), 0);

  it('prints the table, and every template is within its budget', () => {
    const k = (n: number) => (n / KB).toFixed(1).padStart(5);
    const table = [
      `${'模板 template'.padEnd(36)} 页数  HTML   CSS    JS  合计 / 预算  (JS 预算)  最重的页面`,
      ...check.worst.map(
        (r) =>
          `${r.budget.template.padEnd(36)} ${String(r.pages).padStart(4)} ${k(r.weight?.html ?? 0)} ${k(r.weight?.css ?? 0)} ${k(r.maxJs)} ${k(r.weight ? totalOf(r.weight) : 0)} / ${k(r.budget.total)}  (${k(r.budget.js)})  ${r.weight?.page ?? ''}`,
      ),
      `懒加载脚本 lazy JS (Chart.js): ${k(lazyBytes)} KB / ${k(LAZY_JS_BUDGET)} KB  ${lazy.join(', ')}`,
    ].join('\n');
    console.log(`gzipped KB, worst page per template\n${table}`);
    expect(check.unmatched, 'pages with no budget').toEqual([]);
    for (const r of check.worst) expect(r.pages, `${r.budget.template}: no page built`).toBeGreaterThan(0);
    expect(check.over.map((o) => `${o.weight.page}: ${totalOf(o.weight)} B (JS ${o.weight.js} B) > ${o.budget.template}`)).toEqual([]);
    expect(lazyBytes).toBeLessThanOrEqual(LAZY_JS_BUDGET);
    expect(lazyBytes).toBeGreaterThan(0);
    // The 朗读 reader loads on its first press (src/components/ReadAloud.astro), never up front.
    expect(lazy.filter((f) => f.startsWith('ReadAloudReader'))).toHaveLength(1);
  });

  it('keeps the shared text-size script within 2 KB and every text page at the 15 KB target', () => {
    expect(gz('assets/prefs.js')).toBeLessThanOrEqual(SHARED_SCRIPT_BUDGET);
    for (const r of check.worst.filter((x) => !x.budget.template.startsWith('数据集')))
      expect(r.weight ? totalOf(r.weight) : 0, r.budget.template).toBeLessThanOrEqual(TEXT_PAGE_TARGET);
  });

  it('gives the paginated 普法 filter pages of a large site the list budget', () => {
    expect(budgetOf('legal/page/3/index.html')?.template).toMatch(/^普法首页/);
    expect(budgetOf('legal/topic/tiaojie/page/2/index.html')?.template).toMatch(/^普法首页/);
    expect(budgetOf('legal/topic/tiaojie/index.html')?.template).toMatch(/^普法首页/);
    expect(budgetOf('legal/renmin-tiaojie/index.html')?.template).toMatch(/^普法文章/);
  });

  // The sections registry (src/lib/site/sections.ts) builds both the links and these patterns.
  it('finds a built page for every page template of the sections registry', () => {
    const samples = templatePages(dist);
    expect(samples.map(([name]) => name)).toEqual(sampleTemplates().map(([name]) => name));
    for (const [name, page] of samples) expect(budgetOf(`${page}${page.endsWith('/') || page === '' ? 'index.html' : ''}`), name).toBeDefined();
  });
});
