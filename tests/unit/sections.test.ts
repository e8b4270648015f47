/**
 * The sections registry (src/lib/site/sections.ts): each address is built once, and the budget
 * patterns, test templates, nav, search filters, feed order and column meta all follow from it.
 */
import { describe, expect, it } from 'vitest';
import { budgetOf, PAGE_BUDGETS } from '../../src/lib/site/page-weight';
import { KIND_NAMES } from '../../src/lib/model/feeds';
import {
  FEED_SECTIONS,
  navigation,
  PAGE_TEMPLATES,
  portalColumn,
  portalNavigation,
  routeSource,
  sampleTemplates,
  SEARCH_TYPES,
  searchSectionLinks,
  sectionColumn,
  SECTION_PATHS,
  withBase,
} from '../../src/lib/site/sections';

/** The built file of an address: `/x/` is `x/index.html`. */
const fileOf = (url: string) => url.replace(/^\//, '') + (url.endsWith('/') ? 'index.html' : '');
const sample = new Map(sampleTemplates());
const sampleOf = (file: string) => [...sample].filter(([, re]) => re.test(file)).map(([name]) => name);

describe('addresses', () => {
  it('are built by one builder each, and under a base the same builders carry it', () => {
    const zl = withBase('/zl/mou/');
    expect(SECTION_PATHS.plan('pingan')).toBe('/plans/pingan/');
    expect(zl.plan('pingan')).toBe('/zl/mou/plans/pingan/');
    expect(zl.disclosureFile('330', '2026-10-finance', 'csv')).toBe('/zl/mou/disclosures/330/2026-10-finance.csv');
    expect(withBase('').home()).toBe('/');
    expect(Object.keys(zl)).toEqual(Object.keys(SECTION_PATHS));
  });

  it('give each template its pattern from the builder, so a renamed address takes its pattern along', () => {
    const renamed = new RegExp(`^${routeSource((slug: string) => `/fangan/${slug}/`)}$`);
    expect(renamed.test('fangan/pingan/index.html')).toBe(true);
    expect(renamed.test('plans/pingan/index.html')).toBe(false);
    const paged = new RegExp(`^${routeSource(() => '/legal/', [], true)}$`);
    expect(['legal/index.html', 'legal/page/2/index.html', 'legal/page/12/index.html'].every((f) => paged.test(f))).toBe(true);
    expect(paged.test('legal/page/x/index.html')).toBe(false);
  });
});

describe('page templates', () => {
  // Each address as the route builders make it, with the sample template and budget it must get.
  const pages: Array<[file: string, template: string | undefined, budget: string]> = [
    [fileOf(SECTION_PATHS.home()), 'home', '首页 /'],
    [fileOf(SECTION_PATHS.plans()), 'plans', '方案列表 /plans/ 及筛选'],
    [fileOf(SECTION_PATHS.planFacet('year', '2026')), 'plan filter', '方案列表 /plans/ 及筛选'],
    [fileOf(SECTION_PATHS.plan('pingan')), 'plan', '方案 /plans/<slug>/'],
    [fileOf(SECTION_PATHS.disclosures()), 'disclosures', '村务公开首页 /disclosures/'],
    [fileOf(SECTION_PATHS.village('330185117201')), 'village', '村 /disclosures/<村>/'],
    [fileOf(SECTION_PATHS.disclosure('330185117201', '2026-10-finance')), 'finance disclosure', '公开 /disclosures/<村>/<期>/'],
    [fileOf(SECTION_PATHS.disclosure('330185117201', '2026-q3-party')), 'list disclosure', '公开 /disclosures/<村>/<期>/'],
    [fileOf(SECTION_PATHS.disclosure('330185117201', '2026-11-notice-lubiao')), 'notice', '公开 /disclosures/<村>/<期>/'],
    [fileOf(SECTION_PATHS.townPoster()), 'town poster', '一村一码海报 /disclosures/…/poster/'],
    [fileOf(SECTION_PATHS.villagePoster('330185117201')), 'village poster', '一村一码海报 /disclosures/…/poster/'],
    [fileOf(SECTION_PATHS.legal()), 'legal', '普法首页与筛选 /legal/'],
    ['legal/page/3/index.html', undefined, '普法首页与筛选 /legal/'],
    [fileOf(SECTION_PATHS.legalFacet('topic', 'fanzha')), 'legal filter', '普法首页与筛选 /legal/'],
    ['legal/audience/chuzhong/page/2/index.html', undefined, '普法首页与筛选 /legal/'],
    [fileOf(SECTION_PATHS.legalArticle('renmin-tiaojie')), 'article', '普法文章 /legal/<slug>/（含自测脚本）'],
    [fileOf(SECTION_PATHS.data()), 'data', '数据目录 /data/'],
    [fileOf(SECTION_PATHS.dataset('disputes-monthly')), 'dataset', '数据集 /data/<id>/（首屏，不含懒加载图表库）'],
    [fileOf(SECTION_PATHS.units()), 'units', '责任单位 /units/…'],
    [fileOf(SECTION_PATHS.unit('sifasuo')), 'unit', '责任单位 /units/…'],
    [fileOf(SECTION_PATHS.search()), 'search', '搜索 /search/（含检索脚本，不含 Pagefind）'],
    ['404.html', undefined, '404'],
  ];

  it.each(pages)('%s is the %s template, budgeted as %s', (file, template, budget) => {
    expect(budgetOf(file)?.template).toBe(budget);
    expect(sampleOf(file)).toEqual(template ? [template] : []);
  });

  it('covers every sample template and budget above, each budget matching pages of its own templates only', () => {
    expect(new Set(pages.map(([, t]) => t).filter(Boolean))).toEqual(new Set(sample.keys()));
    expect(new Set(pages.map(([, , b]) => b))).toEqual(new Set(PAGE_BUDGETS.map((b) => b.template)));
    for (const [file] of pages)
      expect(
        PAGE_BUDGETS.filter((b) => b.match.test(file)),
        file,
      ).toHaveLength(1);
    expect(PAGE_TEMPLATES.map((t) => t.page.name)).toEqual(
      expect.arrayContaining(['home', 'plans', 'plan filter', 'plan', 'disclosure', 'article', 'units', 'unit', 'search', '404']),
    );
  });

  it('gives no budget to an address no route builds (a renamed URL fails the build test)', () => {
    expect(budgetOf('fangan/pingan/index.html')).toBeUndefined();
    expect(budgetOf('legal/zhuti/tiaojie/index.html')).toBeUndefined();
    expect(budgetOf('plans/index.htm')).toBeUndefined();
  });
});

describe('what derives from the sections', () => {
  const routes = withBase('/zl/mou');

  it('the main navigation: six sections in order, under the base', () => {
    expect(navigation(routes).map((n) => [n.key, n.label, n.url])).toEqual([
      ['home', '首页', '/zl/mou/'],
      ['plans', '实施方案', '/zl/mou/plans/'],
      ['disclosures', '村务公开', '/zl/mou/disclosures/'],
      ['legal', '普法', '/zl/mou/legal/'],
      ['data', '数据', '/zl/mou/data/'],
      ['search', '搜索', '/zl/mou/search/'],
    ]);
    expect(portalNavigation(routes).map((n) => n.label)).toEqual(['首页', '数据', '搜索']);
  });

  it('the search page: one 类型 per searched section, and a link to each searched section', () => {
    expect(SEARCH_TYPES).toEqual(['方案', '公开', '普法', '数据']);
    expect(searchSectionLinks(routes)).toEqual([
      { label: '实施方案', url: '/zl/mou/plans/' },
      { label: '村务公开', url: '/zl/mou/disclosures/' },
      { label: '普法', url: '/zl/mou/legal/' },
      { label: '数据', url: '/zl/mou/data/' },
      { label: '责任单位', url: '/zl/mou/units/' },
    ]);
  });

  it('the feeds: one per section in order, each item labelled with its section', () => {
    expect(FEED_SECTIONS).toEqual(['plans', 'disclosures', 'legal', 'data']);
    expect(KIND_NAMES).toEqual({ plan: '实施方案', disclosure: '村务公开', legal: '普法', data: '数据' });
  });

  it('the column meta: the section list page, a page with its own keywords, the home page, a portal town', () => {
    expect(sectionColumn('plans', { site: '某镇公开栏' })).toEqual({
      name: '实施方案',
      description: '社会治理、综合治理实施方案及落实进度',
      keywords: '实施方案,社会治理,综合治理,任务进度',
      type: '政策文件',
    });
    expect(sectionColumn('disclosures', { site: '某镇公开栏', topics: ['东溪村', '财务公开'] }).keywords).toBe('村务公开,东溪村,财务公开');
    expect(sectionColumn('data', { site: '某镇公开栏', topics: ['矛盾纠纷'] }).keywords).toBe('统计数据,矛盾纠纷');
    // An article with no topics still names its section.
    expect(sectionColumn('legal', { site: '某镇公开栏', topics: [] }).keywords).toBe('普法');
    expect(sectionColumn('home', { site: '某镇公开栏' }).description).toBe('某镇公开栏首页');
    expect(sectionColumn('notFound', { site: '某镇公开栏' })).toEqual({ name: '页面不存在', description: '找不到该页面', keywords: '404', type: '其他' });
    expect(portalColumn('town', { site: '某县', subject: '东溪镇' })).toEqual({
      name: '东溪镇',
      description: '东溪镇概况',
      keywords: '东溪镇,政务公开',
      type: '镇（街道）',
    });
    expect(portalColumn('home', { site: '某县政务公开' }).keywords).toBe('政务公开,村务公开,镇（街道）');
  });
});
