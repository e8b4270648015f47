/**
 * Long 普法 lists are paginated: a generated root with more articles than one page builds
 * /legal/page/2/ … and facet pages /legal/<facet>/<value>/page/2/ …, each with the right
 * articles in order, a pager of plain links back and forth, valid HTML, and within the list budget.
 */
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { FileSystemConfigLoader, HtmlValidate, type ConfigData } from 'html-validate';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadLegal } from '../../src/lib/content/legal';
import { scanContentTree } from '../../src/lib/content/read';
import { buildLegalModel, legalBodyFacts, type LegalModel } from '../../src/lib/model/legal';
import { PAGE_SIZE } from '../../src/lib/core/paginate';
import { buildSite, run, TEST_DIST, TODAY } from '../helpers/build';
import { REPO } from '../helpers/content';
import { withoutScopeClasses } from '../helpers/scoped';

const DOCS = 120;
const root = path.join(TEST_DIST, 'paginate-content');
const dist = path.join(TEST_DIST, 'paginate');
const read = (p: string) => withoutScopeClasses(fs.readFileSync(path.join(dist, p, 'index.html'), 'utf8'));
const exists = (p: string) => fs.existsSync(path.join(dist, p, 'index.html'));

/** Article slugs in the page's list, in order (not the 国家宪法日 feature or tags). */
function listed(html: string): string[] {
  const list = /<ul class="card-list legal-list">([\s\S]*?)<\/ul>\s*(?:<nav class="pager"|<\/main>)/.exec(html);
  expect(list, 'article list').not.toBeNull();
  return [...list![1]!.matchAll(/<h3><a href="\/legal\/([^"/]+)\/">/g)].map((m) => m[1]!);
}
const pager = (html: string) => /<nav class="pager" aria-label="分页">[\s\S]*?<\/nav>/.exec(html)?.[0];

let model: LegalModel;

beforeAll(() => {
  fs.rmSync(root, { recursive: true, force: true });
  const gen = run('npx', ['tsx', 'scripts/bench/generate.ts', '--kind', 'comparison', '--docs', String(DOCS), '--out', root, '--seed', '7']);
  expect(gen.status, gen.stderr).toBe(0);
  const build = buildSite(root, dist);
  expect(build.status, build.stdout + build.stderr).toBe(0);
  const problems: never[] = [];
  const articles = loadLegal(
    root,
    scanContentTree(root, (abs) => abs),
    problems,
  );
  model = buildLegalModel(
    articles.map((a) => ({ slug: a.slug, data: a.data, body: legalBodyFacts(a.source.body, a.ext) })),
    [],
    TODAY,
  );
}, 240_000);

describe('paginated 普法 lists', () => {
  it(`splits ${DOCS} articles into pages of ${PAGE_SIZE}, newest first, each article once`, () => {
    const all = model.articles.map((a) => a.slug);
    expect(all).toHaveLength(DOCS);
    const pages = Math.ceil(DOCS / PAGE_SIZE);
    expect(pages).toBeGreaterThan(1);
    const seen: string[] = [];
    for (let n = 1; n <= pages; n++) {
      const html = read(n === 1 ? 'legal' : `legal/page/${n}`);
      const slugs = listed(html);
      expect(slugs, `page ${n}`).toEqual(all.slice((n - 1) * PAGE_SIZE, n * PAGE_SIZE));
      seen.push(...slugs);
    }
    expect(seen).toEqual(all);
    expect(exists(`legal/page/${pages + 1}`)).toBe(false);
    expect(exists('legal/page/1')).toBe(false); // page 1 stays at /legal/
  });

  it('gives page 2 a pager linking back to page 1 and on to page 3, the current page marked', () => {
    const html = read('legal/page/2');
    expect(html).toContain(`<h2>全部文章（${DOCS} 篇，按发布日期由新到旧）：第 ${PAGE_SIZE + 1}–${2 * PAGE_SIZE} 篇</h2>`);
    const nav = pager(html)!;
    expect(nav).toBeDefined();
    expect(nav).toContain('<a href="/legal/" rel="prev">上一页</a>');
    expect(nav).toMatch(/<a href="\/legal\/" aria-label="第 1 页">\s*1\s*<\/a>/);
    expect(nav).toMatch(/<a href="\/legal\/page\/2\/" aria-label="第 2 页" aria-current="page">\s*2\s*<\/a>/);
    expect(nav).toContain('<a href="/legal/page/3/" rel="next">下一页</a>');
    expect(nav.match(/aria-current="page"/g)).toHaveLength(1);
    // Page 1 links on, not back; the last page links back, not on.
    const first = pager(read('legal'))!;
    expect(first).toContain('<a href="/legal/page/2/" rel="next">下一页</a>');
    expect(first).not.toContain('rel="prev"');
    const last = pager(read(`legal/page/${Math.ceil(DOCS / PAGE_SIZE)}`))!;
    expect(last).toContain('rel="prev"');
    expect(last).not.toContain('rel="next"');
  });

  it('paginates a filter view with more articles than a page, and not one that fits', () => {
    const values = [...model.facets.audience, ...model.facets.topic];
    const long = values.find((v) => v.articles.length > PAGE_SIZE);
    const short = values.find((v) => v.articles.length <= PAGE_SIZE);
    expect(long, 'a filter with more than one page').toBeDefined();
    const url = `legal/${long!.key}/${long!.slug}`;
    const slugs = long!.articles.map((a) => a.slug);
    expect(listed(read(url))).toEqual(slugs.slice(0, PAGE_SIZE));
    const page2 = read(`${url}/page/2`);
    expect(listed(page2)).toEqual(slugs.slice(PAGE_SIZE, 2 * PAGE_SIZE));
    expect(pager(page2)).toContain(`<a href="/${url}/" rel="prev">上一页</a>`);
    if (short) {
      expect(pager(read(`legal/${short.key}/${short.slug}`))).toBeUndefined();
      expect(exists(`legal/${short.key}/${short.slug}/page/2`)).toBe(false);
    }
  });

  it('keeps list pages within the 普法首页与筛选 budget and their HTML valid', async () => {
    const pages = ['legal', 'legal/page/2', ...fs.readdirSync(path.join(dist, 'legal', 'topic')).map((v) => `legal/topic/${v}`)];
    const config = JSON.parse(fs.readFileSync(path.join(REPO, '.htmlvalidate.json'), 'utf8')) as ConfigData;
    const validator = new HtmlValidate(new FileSystemConfigLoader(config));
    for (const p of pages) {
      const html = fs.readFileSync(path.join(dist, p, 'index.html'), 'utf8');
      const css = [...html.matchAll(/<link rel="stylesheet" href="\/([^"]+)"/g)].reduce(
        (s, m) => s + gzipSync(fs.readFileSync(path.join(dist, m[1]!))).length,
        0,
      );
      expect(gzipSync(html).length + css, p).toBeLessThanOrEqual(14 * 1024);
      const report = await validator.validateFile(path.join(dist, p, 'index.html'));
      expect(report.results.flatMap((r) => r.messages.map((m) => `${p}:${m.line} [${m.ruleId}] ${m.message}`))).toEqual([]);
    }
  });
});
