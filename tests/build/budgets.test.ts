/**
 * Page-weight budgets over the sample build, per template: gzipped HTML, the CSS it links and
 * the JavaScript it loads up front (Chart.js is a lazy chunk with its own budget). Limits were
 * set from measurement (README § 页面体积预算 (page-weight budgets)) with room for content to grow; a text page's
 * target is ≤ 15 KB in all with no JS beyond the ≤ 2 KB shared text-size script.
 */
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { builds, listFiles } from '../helpers/build';

const dist = builds.sample;
const KB = 1024;

interface Budget {
  template: string;
  match: RegExp;
  total: number;
  js: number;
}
// First match wins; every built page must match one.
const BUDGETS: Budget[] = [
  { template: '首页 /', match: /^index\.html$/, total: 12 * KB, js: 2 * KB },
  { template: '方案列表 /plans/ 及筛选', match: /^plans\/(index\.html|[^/]+\/[^/]+\/index\.html)$/, total: 10 * KB, js: 2 * KB },
  { template: '方案 /plans/<slug>/', match: /^plans\/[^/]+\/index\.html$/, total: 15 * KB, js: 2 * KB },
  { template: '责任单位 /units/…', match: /^units\//, total: 12 * KB, js: 2 * KB },
  { template: '村务公开首页 /disclosures/', match: /^disclosures\/index\.html$/, total: 12 * KB, js: 2 * KB },
  { template: '村 /disclosures/<村>/', match: /^disclosures\/[^/]+\/index\.html$/, total: 12 * KB, js: 2 * KB },
  { template: '公开 /disclosures/<村>/<期>/', match: /^disclosures\/[^/]+\/[^/]+\/index\.html$/, total: 12 * KB, js: 2 * KB },
  { template: '普法首页与筛选 /legal/', match: /^legal\/(index\.html|[^/]+\/[^/]+\/index\.html)$/, total: 14 * KB, js: 2 * KB },
  { template: '普法文章 /legal/<slug>/（含自测脚本）', match: /^legal\/[^/]+\/index\.html$/, total: 15 * KB, js: 3 * KB },
  { template: '数据目录 /data/', match: /^data\/index\.html$/, total: 10 * KB, js: 2 * KB },
  { template: '数据集 /data/<id>/（首屏，不含懒加载图表库）', match: /^data\/[^/]+\/index\.html$/, total: 24 * KB, js: 3 * KB },
  // The results script (~4 KB) loads here only; Pagefind itself loads after a query and is measured
  // in tests/browser/search-performance.test.ts.
  { template: '搜索 /search/（含检索脚本，不含 Pagefind）', match: /^search\/index\.html$/, total: 14 * KB, js: 7 * KB },
  { template: '404', match: /^404\.html$/, total: 8 * KB, js: 2 * KB },
];
/** Chart.js and whatever else loads only on demand. */
const LAZY_JS_BUDGET = 80 * KB;

const gz = (file: string) => gzipSync(fs.readFileSync(path.join(dist, file)), { level: 9 }).length;
const local = (url: string) => url.replace(/^\//, '');

describe('page weight per template', () => {
  const rows = BUDGETS.map((b) => ({ ...b, pages: 0, html: 0, css: 0, jsUsed: 0, totalUsed: 0, worst: '' }));
  const unmatched: string[] = [];
  for (const f of listFiles(dist).filter((x) => x.endsWith('.html'))) {
    const row = rows.find((r) => r.match.test(f));
    if (!row) {
      unmatched.push(f);
      continue;
    }
    const html = fs.readFileSync(path.join(dist, f), 'utf8');
    const css = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].reduce((s, m) => s + gz(local(m[1]!)), 0);
    const js = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].reduce((s, m) => s + gz(local(m[1]!)), 0);
    const total = gz(f) + css + js;
    row.pages++;
    if (total > row.totalUsed) Object.assign(row, { html: gz(f), css, totalUsed: total, worst: f });
    row.jsUsed = Math.max(row.jsUsed, js);
  }
  const upFront = new Set(
    listFiles(dist)
      .filter((x) => x.endsWith('.html'))
      .flatMap((f) => [...fs.readFileSync(path.join(dist, f), 'utf8').matchAll(/<script\b[^>]*\bsrc="\/_astro\/([^"]+)"/g)].map((m) => m[1]!)),
  );
  const lazy = listFiles(path.join(dist, '_astro')).filter((f) => f.endsWith('.js') && !upFront.has(f));
  const lazyBytes = lazy.reduce((s, f) => s + gz(`_astro/${f}`), 0);

  it('prints the table, and every template is within its budget', () => {
    const k = (n: number) => (n / KB).toFixed(1).padStart(5);
    const table = [
      `${'模板 template'.padEnd(36)} 页数  HTML   CSS    JS  合计 / 预算  (JS 预算)  最重的页面`,
      ...rows.map((r) => `${r.template.padEnd(36)} ${String(r.pages).padStart(4)} ${k(r.html)} ${k(r.css)} ${k(r.jsUsed)} ${k(r.totalUsed)} / ${k(r.total)}  (${k(r.js)})  ${r.worst}`),
      `懒加载脚本 lazy JS (Chart.js): ${k(lazyBytes)} KB / ${k(LAZY_JS_BUDGET)} KB  ${lazy.join(', ')}`,
    ].join('\n');
    console.log(`gzipped KB, worst page per template\n${table}`);
    expect(unmatched, 'pages with no budget').toEqual([]);
    for (const r of rows) {
      expect(r.pages, `${r.template}: no page built`).toBeGreaterThan(0);
      expect(r.totalUsed, `${r.template} (${r.worst})`).toBeLessThanOrEqual(r.total);
      expect(r.jsUsed, `${r.template} JS`).toBeLessThanOrEqual(r.js);
    }
    expect(lazyBytes).toBeLessThanOrEqual(LAZY_JS_BUDGET);
    expect(lazyBytes).toBeGreaterThan(0);
  });

  it('keeps the shared text-size script within 2 KB and every text page at the 15 KB target', () => {
    expect(gz('assets/prefs.js')).toBeLessThanOrEqual(2 * KB);
    for (const r of rows.filter((x) => !x.template.startsWith('数据集'))) expect(r.totalUsed, r.template).toBeLessThanOrEqual(15 * KB);
  });
});
