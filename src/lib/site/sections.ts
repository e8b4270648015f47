/**
 * The sections (栏目) of a town's site and of a county portal, and every fact about each, once:
 * its label, its government column meta (栏目 ColumnName…, 政府网站网页设计规范), the addresses
 * of its pages and files, the URL pattern and page-weight budget of each page template, its
 * search type (类型) and its feed. The nav, each page's <head>, the budgets
 * (src/lib/site/page-weight.ts), the feeds (src/lib/model/feeds.ts), the search page and the test
 * templates all derive from here, so renaming an address moves its budget and its tests with it.
 *
 * Addresses are root-relative (`/plans/x/`); src/site/paths.ts puts the configured base in front.
 */
import { LEGAL_FACET_LABELS } from '../model/legal';
import { pageUrl } from '../core/paginate';

export const KB = 1024;

// ---- Addresses ---------------------------------------------------------------------------

const homePaths = {
  home: () => '/',
  /** The site feed: every update. */
  feed: () => '/rss.xml',
};
const plansPaths = {
  plans: () => '/plans/',
  plan: (slug: string) => `/plans/${slug}/`,
  /** A plan's fields and text as JSON (its 核对码 is this file's fingerprint). */
  planFile: (slug: string) => `/plans/${slug}.json`,
  planFacet: (key: string, value: string) => `/plans/${key}/${value}/`,
  plansFeed: () => '/plans/rss.xml',
};
const disclosuresPaths = {
  disclosures: () => '/disclosures/',
  village: (code: string) => `/disclosures/${code}/`,
  disclosure: (code: string, id: string) => `/disclosures/${code}/${id}/`,
  disclosureFile: (code: string, id: string, ext: 'csv' | 'json') => `/disclosures/${code}/${id}.${ext}`,
  disclosuresFeed: () => '/disclosures/rss.xml',
  /** 一村一码: the A4 posters for the town's board and for each village's. */
  townPoster: () => '/disclosures/poster/',
  villagePoster: (code: string) => `/disclosures/${code}/poster/`,
  villageFeed: (code: string) => `/disclosures/${code}/rss.xml`,
};
const legalPaths = {
  legal: () => '/legal/',
  legalArticle: (slug: string) => `/legal/${slug}/`,
  legalFacet: (key: string, value: string) => `/legal/${key}/${value}/`,
  legalFeed: () => '/legal/rss.xml',
};
const dataPaths = {
  data: () => '/data/',
  dataset: (id: string) => `/data/${id}/`,
  datasetFile: (id: string, ext: 'csv' | 'json') => `/data/${id}.${ext}`,
  dataPackage: () => '/data/datapackage.json',
  dataFeed: () => '/data/rss.xml',
};
const unitsPaths = {
  units: () => '/units/',
  unit: (id: string) => `/units/${id}/`,
};
const searchPaths = { search: () => '/search/' };
/** The county portal's own pages besides home, data and search (src/portal/pages). */
const portalPaths = {
  portalTown: (id: string) => `/towns/${id}/`,
  portalCatalogue: () => '/data/catalogue.json',
};

const PATH_GROUPS = {
  home: homePaths,
  plans: plansPaths,
  disclosures: disclosuresPaths,
  legal: legalPaths,
  data: dataPaths,
  units: unitsPaths,
  search: searchPaths,
  portal: portalPaths,
};
type Groups = (typeof PATH_GROUPS)[keyof typeof PATH_GROUPS];
type Merged<U> = (U extends unknown ? (u: U) => void : never) extends (m: infer M) => void ? M : never;

/** Every page and file address of the sections, by name (src/site/paths.ts `routes`); each name once. */
export const SECTION_PATHS = mergePaths(Object.values(PATH_GROUPS));

function mergePaths(groups: readonly Groups[]): Merged<Groups> {
  const merged: Record<string, unknown> = {};
  for (const group of groups)
    for (const [name, build] of Object.entries(group)) {
      if (name in merged) throw new Error(`two sections build an address called ${name}`);
      merged[name] = build;
    }
  return merged as Merged<Groups>;
}
export type SectionPaths = typeof SECTION_PATHS;
export type RouteName = keyof SectionPaths;
/** Routes that take no argument: a section's landing page, a feed. */
export type FixedRoute = { [K in RouteName]: SectionPaths[K] extends () => string ? K : never }[RouteName];
type SegmentRoute = { [K in RouteName]: SectionPaths[K] extends (...args: string[]) => string ? K : never }[RouteName];

/** The same builders with `base` (a path such as `/zl/qingshan/`; a trailing slash is dropped) in front. */
export function withBase(base: string): SectionPaths {
  const prefix = base.replace(/\/+$/, '');
  const based = Object.entries(SECTION_PATHS).map(([name, build]) => [name, (...args: never[]) => `${prefix}${(build as (...a: never[]) => string)(...args)}`]);
  return Object.fromEntries(based) as SectionPaths;
}

// ---- Column meta ---------------------------------------------------------------------------

/** The government column meta tags of a page (政府网站网页设计规范, 栏目). */
export interface Column {
  /** 栏目名称 (ColumnName) */
  name: string;
  /** 栏目描述 (ColumnDescription) */
  description: string;
  /** 栏目关键词 (ColumnKeywords) */
  keywords: string;
  /** 栏目类型 (ColumnType), e.g. 政策文件, 通知公告, 首页 */
  type: string;
}

/** What a page adds to its section's column: the site's name, what the page is about, its topics. */
export interface ColumnContext {
  site: string;
  /** The one thing a page is about when it names the column itself (a portal's town). */
  subject?: string;
  /** A page's own keywords: they follow the section's first keyword instead of its list. */
  topics?: readonly string[];
}

type Text = string | ((c: ColumnContext) => string);

interface ColumnSpec {
  name: Text;
  description: Text;
  type: string;
  /** A list page's keywords; the first also leads every page's own. */
  keywords: readonly [Text, ...Text[]];
}

const text = (t: Text, c: ColumnContext) => (typeof t === 'string' ? t : t(c));

export function columnOf(spec: ColumnSpec, context: ColumnContext): Column {
  const [first, ...rest] = spec.keywords;
  const keywords = context.topics ? [text(first, context), ...context.topics] : [first, ...rest].map((k) => text(k, context));
  return { name: text(spec.name, context), description: text(spec.description, context), keywords: keywords.join(','), type: spec.type };
}

// ---- Page templates and budgets ------------------------------------------------------------

/** Gzipped HTML + CSS + up-front JS one page of a template may cost (src/lib/site/page-weight.ts). */
export interface BudgetSpec {
  template: string;
  total: number;
  js: number;
}

/** A kind of built page, found by the address its route builds. */
export interface PageTemplate {
  /** Name of one sample page of this kind in the tests (tests/helpers/templates.ts). */
  name: string;
  /** The route that builds its address, or the file of a page with no route (404). */
  route: SegmentRoute | { file: string };
  /** Regex source of each route argument; one path segment unless said. */
  args?: readonly string[];
  /** The list goes on at `page/<n>/` (src/lib/core/paginate.ts); the sample is page 1. */
  paginated?: boolean;
  budget: BudgetSpec;
  /** Kinds of page on the same route that tests want one sample of each: name → `args`. */
  variants?: Readonly<Record<string, readonly string[]>>;
}

const SEGMENT = '[^/]+';
/** A village's folder is its 12-digit code and a disclosure's name starts with its period, so `poster/` is neither. */
const VILLAGE_CODE = '\\d{12}';
const PERIOD_ID = '\\d{4}(?:-[^/-]+)?';
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** `/x/` is the file `x/index.html`; paths relative to the site root. */
const fileOf = (url: string) => url.replace(/^\//, '') + (url.endsWith('/') ? 'index.html' : '');

/**
 * The regex source of a template's built files, made by calling its route builder with a
 * placeholder for each argument: the pattern is the URL scheme itself, not a copy of it.
 */
export function templateSource(page: PageTemplate, options: { args?: readonly string[]; firstPage?: boolean } = {}): string {
  if (typeof page.route !== 'string') return escapeRegExp(page.route.file);
  const build = SECTION_PATHS[page.route] as (...a: string[]) => string;
  return routeSource(build, options.args ?? page.args, Boolean(page.paginated && !options.firstPage));
}

/** The regex source of the files `build` addresses; `holes` are its arguments' regex sources. */
export function routeSource(
  build: (...a: string[]) => string,
  holes: readonly string[] = Array.from({ length: build.length }, () => SEGMENT),
  paginated = false,
): string {
  const marks = holes.map((_, i) => `\u0000${i}\u0000`);
  const list = build(...marks);
  let source = escapeRegExp(fileOf(list));
  if (paginated) {
    // The later pages' suffix as src/lib/core/paginate.ts writes it, with the page number opened up.
    const later = escapeRegExp(pageUrl(list, 2).slice(list.length)).replace('2', '\\d+');
    source = source.replace(/index\\\.html$/, `(?:${later})?index\\.html`);
  }
  return marks.reduce((s, m, i) => s.replace(m, `(?:${holes[i]})`), source);
}

const budget = (template: string, total: number, js: number): BudgetSpec => ({ template, total: total * KB, js: js * KB });

// ---- The sections -------------------------------------------------------------------------

const PLANS_COLUMN = { name: '实施方案', description: '社会治理、综合治理实施方案及落实进度', type: '政策文件' } as const;
const LEGAL_COLUMN = { name: '普法', description: '法治宣传教育文章与自测', type: '普法宣传' } as const;
const DISCLOSURES_COLUMN = { name: '村务公开', description: '各村（社区）财务、村务、党务公开', type: '通知公告' } as const;
const DATA_COLUMN = { name: '数据', type: '数据发布' } as const;
const SEARCH_COLUMN = { name: '搜索', type: '搜索', keywords: ['搜索'] } as const;
const NOT_FOUND_COLUMN: ColumnSpec = { name: '页面不存在', description: '找不到该页面', keywords: ['404'], type: '其他' };
const homeDescription = ({ site }: ColumnContext) => `${site}首页`;

const PLAN_LIST = budget('方案列表 /plans/ 及筛选', 10, 2);
const LEGAL_LIST = budget('普法首页与筛选 /legal/', 14, 2);
const DISCLOSURE = budget('公开 /disclosures/<村>/<期>/', 12, 2);
const UNITS = budget('责任单位 /units/…', 12, 2);
const POSTER = budget('一村一码海报 /disclosures/…/poster/', 12, 2);

/** A feed's description from the region's name (地区名称). */
type FeedDescription = (regionName: string) => string;

/**
 * One entry per section of a town's site, in the order the nav, the feeds (same-day items),
 * the search page's section links and the budget table list them.
 * - `index`: the section's landing page; `nav`: whether the main navigation links it.
 * - `search`: the 类型 its pages carry in site search (src/lib/search/facets.ts).
 * - `feed`: the kind of its feed items, the feed's route and description (src/lib/model/feeds.ts).
 */
export const SECTIONS = {
  home: {
    label: '首页',
    index: 'home',
    nav: true,
    column: { name: '首页', description: homeDescription, keywords: ['政务公开', '实施方案', '村务公开', '普法'], type: '首页' },
    templates: [{ name: 'home', route: 'home', budget: budget('首页 /', 12, 2) }],
  },
  plans: {
    label: '实施方案',
    index: 'plans',
    nav: true,
    column: { ...PLANS_COLUMN, keywords: ['实施方案', '社会治理', '综合治理', '任务进度'] },
    search: '方案',
    feed: { item: 'plan', route: 'plansFeed', description: (region) => `${region}社会治理实施方案，按发布日期排列，最新的在前。` },
    templates: [
      { name: 'plans', route: 'plans', budget: PLAN_LIST },
      { name: 'plan filter', route: 'planFacet', budget: PLAN_LIST },
      { name: 'plan', route: 'plan', budget: budget('方案 /plans/<slug>/', 15, 2) },
    ],
  },
  disclosures: {
    label: '村务公开',
    index: 'disclosures',
    nav: true,
    column: { ...DISCLOSURES_COLUMN, keywords: ['村务公开', '财务公开', '党务公开'] },
    search: '公开',
    feed: { item: 'disclosure', route: 'disclosuresFeed', description: (region) => `${region}各村（社区）的财务、村务、党务公开和公告，最新的在前。` },
    templates: [
      { name: 'disclosures', route: 'disclosures', budget: budget('村务公开首页 /disclosures/', 12, 2) },
      { name: 'village', route: 'village', args: [VILLAGE_CODE], budget: budget('村 /disclosures/<村>/', 12, 2) },
      {
        name: 'disclosure',
        route: 'disclosure',
        args: [VILLAGE_CODE, `${PERIOD_ID}-${SEGMENT}`],
        budget: DISCLOSURE,
        // One of each kind of 公开 (content/disclosures/<村>/<期>-<kind>, CONTENT.md).
        variants: {
          'finance disclosure': [VILLAGE_CODE, `${PERIOD_ID}-finance`],
          'list disclosure': [VILLAGE_CODE, `${PERIOD_ID}-(?:affairs|party)`],
          notice: [VILLAGE_CODE, `${PERIOD_ID}-notice-${SEGMENT}`],
        },
      },
      { name: 'town poster', route: 'townPoster', budget: POSTER },
      { name: 'village poster', route: 'villagePoster', args: [VILLAGE_CODE], budget: POSTER },
    ],
  },
  legal: {
    label: '普法',
    index: 'legal',
    nav: true,
    column: { ...LEGAL_COLUMN, keywords: ['普法', '法治宣传教育', '以案说法', '知识竞赛', '宪法'] },
    search: '普法',
    feed: { item: 'legal', route: 'legalFeed', description: (region) => `${region}普法文章，按发布或更新日期排列，最新的在前。` },
    templates: [
      { name: 'legal', route: 'legal', paginated: true, budget: LEGAL_LIST },
      { name: 'legal filter', route: 'legalFacet', args: [Object.keys(LEGAL_FACET_LABELS).join('|'), SEGMENT], paginated: true, budget: LEGAL_LIST },
      { name: 'article', route: 'legalArticle', budget: budget('普法文章 /legal/<slug>/（含自测脚本）', 15, 3) },
    ],
  },
  data: {
    label: '数据',
    index: 'data',
    nav: true,
    column: { ...DATA_COLUMN, description: '社会治理统计数据开放目录', keywords: ['统计数据', '开放数据', '矛盾纠纷', '信访'] },
    search: '数据',
    feed: { item: 'data', route: 'dataFeed', description: (region) => `${region}公开统计数据，按更新日期排列，最新的在前。` },
    templates: [
      { name: 'data', route: 'data', budget: budget('数据目录 /data/', 10, 2) },
      { name: 'dataset', route: 'dataset', budget: budget('数据集 /data/<id>/（首屏，不含懒加载图表库）', 24, 3) },
    ],
  },
  units: {
    label: '责任单位',
    index: 'units',
    nav: false,
    column: { name: '责任单位', description: '各责任单位承担的实施方案任务及完成情况', keywords: ['责任单位', '任务', '逾期'], type: '工作动态' },
    // A unit's task page belongs with the plans.
    search: '方案',
    templates: [
      { name: 'units', route: 'units', budget: UNITS },
      { name: 'unit', route: 'unit', budget: UNITS },
    ],
  },
  search: {
    label: '搜索',
    index: 'search',
    nav: true,
    column: { ...SEARCH_COLUMN, description: '全站搜索' },
    // The results script (~4 KB) loads here only; Pagefind itself loads after a query and is
    // measured in tests/browser/search-performance.test.ts.
    templates: [{ name: 'search', route: 'search', budget: budget('搜索 /search/（含检索脚本，不含 Pagefind）', 14, 7) }],
  },
  notFound: {
    label: '页面不存在',
    nav: false,
    column: NOT_FOUND_COLUMN,
    templates: [{ name: '404', route: { file: '404.html' }, budget: budget('404', 8, 2) }],
  },
} as const satisfies Record<string, Section>;

interface Section {
  label: string;
  index?: FixedRoute;
  nav: boolean;
  column: ColumnSpec;
  search?: string;
  feed?: { item: string; route: FixedRoute; description: FeedDescription };
  templates: readonly PageTemplate[];
}

export type SectionKey = keyof typeof SECTIONS;
type Spec<K extends SectionKey> = (typeof SECTIONS)[K];
export const SECTION_KEYS = Object.keys(SECTIONS) as SectionKey[];

/** A link of the main navigation (src/layouts/Shell.astro). */
export interface NavItem {
  key: string;
  label: string;
  url: string;
}

type Linked = { label: string; index?: FixedRoute; nav: boolean };
const linksOf = <K extends string>(sections: Record<K, Linked>, keys: readonly K[], routes: Pick<SectionPaths, FixedRoute>): NavItem[] =>
  keys.flatMap((key) => {
    const { label, index } = sections[key];
    return index ? [{ key, label, url: routes[index]() }] : [];
  });
const navKeys = <K extends string>(sections: Record<K, Linked>) => (Object.keys(sections) as K[]).filter((k) => sections[k].nav);

/** The main navigation of a town's site, in order; `routes` are the builders under the base. */
export function navigation(routes: Pick<SectionPaths, FixedRoute>): NavItem[] {
  return linksOf(SECTIONS, navKeys(SECTIONS), routes);
}

/** The column meta tags of a page in section `key`. */
export function sectionColumn(key: SectionKey, context: ColumnContext): Column {
  return columnOf(SECTIONS[key].column, context);
}

// ---- Search -------------------------------------------------------------------------------

type SearchOf<K extends SectionKey> = K extends SectionKey ? (Spec<K> extends { search: infer T } ? T : never) : never;
export type SearchSection = { [K in SectionKey]: SearchOf<K> extends never ? never : K }[SectionKey];
/** A 类型 filter value. */
export type SearchType = SearchOf<SectionKey>;

/** Sections whose pages site search finds, in order (the search page's 按栏目查找 links). */
export const SEARCH_SECTIONS = SECTION_KEYS.filter((k): k is SearchSection => 'search' in SECTIONS[k]);
/** The search page's 按栏目查找 links: each searched section's landing page. */
export function searchSectionLinks(routes: Pick<SectionPaths, FixedRoute>): Array<{ label: string; url: string }> {
  return linksOf(SECTIONS, SEARCH_SECTIONS, routes).map(({ label, url }) => ({ label, url }));
}
/** 类型 filter values, each once, in section order. */
export const SEARCH_TYPES: readonly SearchType[] = [...new Set(SEARCH_SECTIONS.map((k) => SECTIONS[k].search))];

// ---- Feeds --------------------------------------------------------------------------------

export type FeedSection = { [K in SectionKey]: Spec<K> extends { feed: object } ? K : never }[SectionKey];
export type FeedItemKind = Spec<FeedSection>['feed']['item'];
/** Sections with a feed of their own, in order: also the order of same-day items in a feed. */
export const hasFeed = (key: SectionKey): key is FeedSection => 'feed' in SECTIONS[key];
export const FEED_SECTIONS = SECTION_KEYS.filter(hasFeed);

// ---- Templates ----------------------------------------------------------------------------

export interface TemplateEntry {
  section: SectionKey;
  page: PageTemplate;
}

/** Every page template of the site, in section order. */
export const PAGE_TEMPLATES: readonly TemplateEntry[] = SECTION_KEYS.flatMap((section) =>
  (SECTIONS[section].templates as readonly PageTemplate[]).map((page) => ({ section, page })),
);

/**
 * `[name, pattern]` of one sample page per template with an address (and per variant), first
 * pages of lists; the 404 page, which has no address of its own, has only its budget.
 */
export function sampleTemplates(): Array<[string, RegExp]> {
  return PAGE_TEMPLATES.flatMap(({ page }): Array<[string, RegExp]> =>
    typeof page.route !== 'string'
      ? []
      : page.variants
        ? Object.entries(page.variants).map(([name, args]) => [name, new RegExp(`^${templateSource(page, { args, firstPage: true })}$`)])
        : [[page.name, new RegExp(`^${templateSource(page, { firstPage: true })}$`)]],
  );
}

/** Each budget once, in order, matching every page of the templates that share it. */
export function budgetTemplates(): Array<{ budget: BudgetSpec; match: RegExp }> {
  const groups = new Map<BudgetSpec, string[]>();
  for (const { page } of PAGE_TEMPLATES) groups.set(page.budget, [...(groups.get(page.budget) ?? []), templateSource(page)]);
  return [...groups].map(([spec, sources]) => ({ budget: spec, match: new RegExp(`^(?:${sources.join('|')})$`) }));
}

// ---- The county portal --------------------------------------------------------------------

/**
 * A county portal's sections (src/portal/pages): its home, the joint data catalogue and search
 * share a town's addresses and labels; a town's page is the portal's own.
 */
export const PORTAL_SECTIONS = {
  home: {
    label: SECTIONS.home.label,
    index: 'home',
    nav: true,
    column: { ...SECTIONS.home.column, keywords: ['政务公开', '村务公开', '镇（街道）'] },
  },
  data: {
    label: SECTIONS.data.label,
    index: 'data',
    nav: true,
    column: { ...DATA_COLUMN, description: '各镇（街道）开放数据目录', keywords: ['统计数据', '开放数据', '矛盾纠纷'] },
  },
  search: { label: SECTIONS.search.label, index: 'search', nav: true, column: { ...SEARCH_COLUMN, description: '各镇（街道）统一搜索' } },
  town: {
    label: '镇（街道）概况',
    nav: false,
    search: '镇（街道）概况',
    column: {
      name: ({ subject = '' }) => subject,
      description: ({ subject = '' }) => `${subject}概况`,
      keywords: [({ subject = '' }) => subject, '政务公开'],
      type: '镇（街道）',
    },
  },
  notFound: { label: SECTIONS.notFound.label, nav: false, column: NOT_FOUND_COLUMN },
} as const satisfies Record<string, Omit<Section, 'templates'>>;

export type PortalSectionKey = keyof typeof PORTAL_SECTIONS;

/** 类型 of a county portal's own page about one town (the towns' pages keep SEARCH_TYPES). */
export const TOWN_TYPE = PORTAL_SECTIONS.town.search;
export type TownSearchType = typeof TOWN_TYPE;

/** A county portal's navigation, in order. */
export function portalNavigation(routes: Pick<SectionPaths, FixedRoute>): NavItem[] {
  return linksOf(PORTAL_SECTIONS, navKeys(PORTAL_SECTIONS), routes);
}

export function portalColumn(key: PortalSectionKey, context: ColumnContext): Column {
  return columnOf(PORTAL_SECTIONS[key].column, context);
}
