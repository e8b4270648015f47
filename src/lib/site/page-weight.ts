/**
 * What a page costs a resident's phone, and what it may cost: gzipped HTML, the stylesheets it
 * links and the scripts it loads up front, against a budget per template. One definition for
 * the build test over the sample site (tests/build/budgets.test.ts) and for the benchmark, which
 * checks every page of a 1,000- and 5,000-document build (issue 9: "within its gzipped budget at
 * every corpus size"). Limits were set from measurement with room for content to grow; a text
 * page's target is ≤ 15 KB in all with no JS beyond the ≤ 2 KB shared text-size script.
 */
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { budgetTemplates, KB } from './sections';
import { isDeskFile } from './desk';

export { KB };

export interface Budget {
  template: string;
  /** Every page of the templates that share this budget (src/lib/site/sections.ts builds it from their routes). */
  match: RegExp;
  /** Gzipped HTML + CSS + up-front JS. */
  total: number;
  js: number;
}

/**
 * One per budget of the sections registry, in its order; the patterns come from the same route
 * builders as the links, so a renamed address keeps its budget. Every built page must match one.
 * Paths are relative to the site root.
 */
export const PAGE_BUDGETS: readonly Budget[] = budgetTemplates().map(({ budget, match }) => ({ ...budget, match }));

/** Chart.js and whatever else loads only on demand. */
export const LAZY_JS_BUDGET = 80 * KB;
/** The one script every text page loads (text size and contrast). */
export const SHARED_SCRIPT_BUDGET = 2 * KB;
/** A text page in all; the dataset pages (charts' first screen) have their own larger budget. */
export const TEXT_PAGE_TARGET = 15 * KB;

export function budgetOf(page: string): Budget | undefined {
  return PAGE_BUDGETS.find((b) => b.match.test(page));
}

/**
 * A page's HTML without its <noscript> elements. A script tag in one is not loaded: a browser
 * running scripts parses it as text, one not running them loads no script. The 朗读 reader's tag
 * waits there until 朗读 is pressed (src/components/ReadAloud.astro); content cannot add one
 * (src/lib/markdown/html-policy.ts).
 */
export const withoutNoscript = (html: string) => html.replace(/<noscript\b[\s\S]*?<\/noscript>/gi, '');

/** The addresses of the scripts a page loads as it opens. */
export function upFrontScripts(html: string): string[] {
  return [...withoutNoscript(html).matchAll(/<script\b[^>]*\bsrc="?([^"\s>]+)"?/g)].map((m) => m[1]!);
}

/** Gzipped bytes of one page: its HTML, the stylesheets it links, the scripts it loads up front. */
export interface PageWeight {
  page: string;
  html: number;
  css: number;
  js: number;
}

export const totalOf = (w: PageWeight) => w.html + w.css + w.js;

export type GzipMeter = (file: string) => number;

/** gzip -9 sizes, remembered per file: thousands of pages share one stylesheet and one script. */
export function gzipMeter(): GzipMeter {
  const sizes = new Map<string, number>();
  return (file) => {
    let n = sizes.get(file);
    if (n === undefined) {
      n = gzipSync(fs.readFileSync(file), { level: 9 }).length;
      sizes.set(file, n);
    }
    return n;
  };
}

/** The weight of `page` (relative to `site`); assets on another origin count 0 (the site has none). */
export function pageWeight(site: string, page: string, gzipped: GzipMeter = gzipMeter()): PageWeight {
  const file = path.join(site, page);
  const html = fs.readFileSync(file, 'utf8');
  const asset = (url: string): number => {
    if (/^[a-z]+:|^\/\//i.test(url)) return 0;
    const clean = url.split(/[?#]/)[0]!;
    const local = clean.startsWith('/') ? path.join(site, clean) : path.resolve(path.dirname(file), clean);
    return fs.existsSync(local) ? gzipped(local) : 0;
  };
  const css = [...html.matchAll(/<link\b[^>]*>/g)]
    .filter((m) => /\brel="?stylesheet"?/.test(m[0]))
    .reduce((n, m) => n + asset(/\bhref="?([^"\s>]+)"?/.exec(m[0])?.[1] ?? ''), 0);
  const js = upFrontScripts(html).reduce((n, src) => n + asset(src), 0);
  return { page, html: gzipped(file), css, js };
}

/**
 * The pages of a built site that budgets cover: every HTML page but Pagefind's own files and the
 * publishing desk, which is exempt from the text-page budget (src/lib/site/desk.ts).
 */
export function budgetedPages(files: readonly string[]): string[] {
  return files.filter((f) => f.endsWith('.html') && !f.startsWith('pagefind/') && !isDeskFile(f));
}

/** The heaviest page of each template, and the pages no budget covers or that exceed theirs. */
export interface BudgetCheck {
  pages: number;
  worst: Array<{ budget: Budget; pages: number; weight?: PageWeight; maxJs: number }>;
  unmatched: string[];
  over: Array<{ weight: PageWeight; budget: Budget }>;
}

export function checkBudgets(site: string, pages: readonly string[], gzipped: GzipMeter = gzipMeter()): BudgetCheck {
  const worst = PAGE_BUDGETS.map((budget) => ({ budget, pages: 0, weight: undefined as PageWeight | undefined, maxJs: 0 }));
  const check: BudgetCheck = { pages: 0, worst, unmatched: [], over: [] };
  for (const page of pages) {
    const row = worst.find((r) => r.budget.match.test(page));
    if (!row) {
      check.unmatched.push(page);
      continue;
    }
    const weight = pageWeight(site, page, gzipped);
    check.pages++;
    row.pages++;
    row.maxJs = Math.max(row.maxJs, weight.js);
    if (!row.weight || totalOf(weight) > totalOf(row.weight)) row.weight = weight;
    if (totalOf(weight) > row.budget.total || weight.js > row.budget.js) check.over.push({ weight, budget: row.budget });
  }
  return check;
}
