/**
 * RSS feeds (订阅): what each feed lists, computed once from the site model. Pages only render
 * them with @astrojs/rss (src/town/feeds.ts).
 *
 * - `/rss.xml`: every update on the site — plans, village disclosures, 普法 articles, datasets.
 * - `/plans/rss.xml`, `/disclosures/rss.xml`, `/legal/rss.xml`, `/data/rss.xml`: one per section.
 * - `/disclosures/<villageCode>/rss.xml`: one per village (every village, even with no items yet).
 *
 * An item's date is when it last changed for a reader: a plan's 发布日期, a disclosure's
 * 发布日期 or its latest 更正 date, an article's 更新日期 (else 发布日期), a dataset's
 * 更新日期. Newest first, at most FEED_LIMIT items per feed.
 *
 * Links: absolute (`https://host/base/plans/x/`) when a site URL is configured (SITE_URL or
 * site.json siteUrl); root-relative and base-aware (`/base/plans/x/`) when none is, because
 * there is then no origin to name. Feed readers resolve those against the feed's own address.
 */
import type { ArticleView } from './legal';
import type { DatasetView } from './datasets';
import type { DisclosureView } from './disclosures';
import type { PlanView } from './plans';
import { FEED_SECTIONS, SECTIONS, type FeedItemKind, type FeedSection, type SectionPaths } from '../site/sections';

/** Most items in one feed; readers poll often and older items stay on the site. */
export const FEED_LIMIT = 50;

export type { FeedItemKind };

/** A feed item's first category: its section's label (实施方案, 村务公开 …). */
export const KIND_NAMES = Object.fromEntries(FEED_SECTIONS.map((k) => [SECTIONS[k].feed.item, SECTIONS[k].label])) as Record<FeedItemKind, string>;

/** Site-internal paths, base-aware: the sections' builders under the base (src/site/paths.ts `routes`). */
export type FeedRoutes = SectionPaths;

/** The parts of the site model feeds read (SiteModel satisfies it). */
export interface FeedSource {
  site: { name: string; issuer: string; regionName: string };
  /** Canonical origin without trailing slash, if any. */
  siteUrl?: string;
  villages: ReadonlyArray<{ code: string; name: string }>;
  plans: ReadonlyArray<Pick<PlanView, 'slug' | 'title' | 'publishedOn' | 'issuer' | 'category' | 'validity' | 'docNumber'>>;
  disclosures: {
    all: ReadonlyArray<
      Pick<DisclosureView, 'id' | 'title' | 'publishedOn' | 'kindLabel' | 'periodLabel' | 'reviewedBy' | 'corrections'> & {
        village: { code: string; name: string };
      }
    >;
  };
  legal: { articles: ReadonlyArray<Pick<ArticleView, 'slug' | 'title' | 'summary' | 'publishedOn' | 'updatedOn' | 'issuer' | 'topics'>> };
  datasets: ReadonlyArray<Pick<DatasetView, 'id' | 'title' | 'description' | 'updatedOn' | 'issuer'>>;
}

export interface FeedItem {
  kind: FeedItemKind;
  title: string;
  /** Site-internal path of the item's page (base-aware, root-relative). */
  path: string;
  /** `path` made absolute when a site URL is known, else `path` itself. */
  link: string;
  /** YYYY-MM-DD: publication or last update (see the module comment). */
  date: string;
  /** Whether `date` is an update (更正, 更新) rather than the first publication. */
  updated: boolean;
  description: string;
  categories: string[];
  /** Village code of a disclosure. */
  village?: string;
}

export interface Feed {
  /** `site`, `plans`, `disclosures`, `legal`, `data` or `village:<code>`. */
  key: string;
  title: string;
  description: string;
  /** The feed's own path and URL (absolute when a site URL is known). */
  path: string;
  url: string;
  /** The page the feed follows (channel link): path and URL. */
  pagePath: string;
  pageUrl: string;
  /** Whether links are absolute (a site URL is configured). */
  absolute: boolean;
  items: FeedItem[];
}

/** The site feed, one per section with a feed (src/lib/site/sections.ts), one per village. */
export type Feeds = { site: Feed } & Record<FeedSection, Feed> & {
    /** One per village of the registry, in registry order. */
    villages: Feed[];
  };

/** `path` (root-relative, already under the base) on the site's origin, or unchanged without one. */
export function resolveLink(path: string, siteUrl: string | undefined): string {
  return siteUrl ? new URL(path, `${siteUrl.replace(/\/+$/, '')}/`).href : path;
}

/** Midnight of a calendar date in Beijing time (all dates on the site are Beijing dates). */
export function beijingMidnight(date: string): Date {
  return new Date(`${date}T00:00:00+08:00`);
}

const KIND_ORDER: FeedItemKind[] = FEED_SECTIONS.map((k) => SECTIONS[k].feed.item);

/** Newest first; same day: plans, disclosures, articles, data; then by path (stable output). */
export function compareItems(a: FeedItem, b: FeedItem): number {
  if (a.date !== b.date) return a.date < b.date ? 1 : -1;
  const k = KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind);
  if (k !== 0) return k;
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

function latest(dates: readonly string[]): string {
  return dates.reduce((m, d) => (d > m ? d : m));
}

export function buildFeedItems(source: FeedSource, routes: FeedRoutes): FeedItem[] {
  const link = (path: string) => resolveLink(path, source.siteUrl);
  const items: FeedItem[] = [];
  for (const p of source.plans) {
    const path = routes.plan(p.slug);
    items.push({
      kind: 'plan',
      title: p.title,
      path,
      link: link(path),
      date: p.publishedOn,
      updated: false,
      description: [`${p.issuer}发布`, p.docNumber, `主题分类：${p.category}`, `有效性：${p.validity}`].filter(Boolean).join('；') + '。',
      categories: [KIND_NAMES.plan, p.category],
    });
  }
  for (const d of source.disclosures.all) {
    const path = routes.disclosure(d.village.code, d.id);
    const date = latest([d.publishedOn, ...d.corrections.map((c) => c.on)]);
    const updated = date !== d.publishedOn;
    items.push({
      kind: 'disclosure',
      title: d.title,
      path,
      link: link(path),
      date,
      updated,
      description:
        `${d.village.name}${d.kindLabel}（${d.periodLabel}），${d.publishedOn}发布，经${d.reviewedBy}审核。` +
        (updated
          ? `${date}更正：${d.corrections
              .filter((c) => c.on === date)
              .map((c) => c.note)
              .join('；')}`
          : ''),
      categories: [KIND_NAMES.disclosure, d.village.name, d.kindLabel],
      village: d.village.code,
    });
  }
  for (const a of source.legal.articles) {
    const path = routes.legalArticle(a.slug);
    const date = a.updatedOn && a.updatedOn > a.publishedOn ? a.updatedOn : a.publishedOn;
    items.push({
      kind: 'legal',
      title: a.title,
      path,
      link: link(path),
      date,
      updated: date !== a.publishedOn,
      description: `${a.summary}（${a.issuer}，${date !== a.publishedOn ? `${date}更新` : `${a.publishedOn}发布`}）`,
      categories: [KIND_NAMES.legal, ...a.topics],
    });
  }
  for (const d of source.datasets) {
    const path = routes.dataset(d.id);
    items.push({
      kind: 'data',
      title: d.title,
      path,
      link: link(path),
      date: d.updatedOn,
      updated: false,
      description: `${d.description}（${d.issuer}，${d.updatedOn}更新）`,
      categories: [KIND_NAMES.data],
    });
  }
  return items.sort(compareItems);
}

export function buildFeeds(source: FeedSource, routes: FeedRoutes, limit = FEED_LIMIT): Feeds {
  const all = buildFeedItems(source, routes);
  const name = source.site.name;
  const feed = (key: string, title: string, description: string, path: string, pagePath: string, items: FeedItem[]): Feed => ({
    key,
    title,
    description,
    path,
    url: resolveLink(path, source.siteUrl),
    pagePath,
    pageUrl: resolveLink(pagePath, source.siteUrl),
    absolute: Boolean(source.siteUrl),
    items: items.slice(0, limit),
  });
  const of = (kind: FeedItemKind) => all.filter((i) => i.kind === kind);
  const sectionFeeds = Object.fromEntries(
    FEED_SECTIONS.map((key) => {
      const { label, index, feed: spec } = SECTIONS[key];
      return [key, feed(key, `${name}：${label}`, spec.description(source.site.regionName), routes[spec.route](), routes[index](), of(spec.item))];
    }),
  ) as Record<FeedSection, Feed>;
  return {
    site: feed(
      'site',
      `${name}：全部更新`,
      `${source.site.issuer}在${name}发布的实施方案、村务公开、普法文章和统计数据，最新的在前。`,
      routes.feed(),
      routes.home(),
      all,
    ),
    ...sectionFeeds,
    villages: source.villages.map((v) =>
      feed(
        `village:${v.code}`,
        `${v.name}村务公开 - ${name}`,
        `${v.name}的财务、村务、党务公开和公告，最新的在前。`,
        routes.villageFeed(v.code),
        routes.village(v.code),
        all.filter((i) => i.village === v.code),
      ),
    ),
  };
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
const escapeXml = (s: string) => s.replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!);

/** Placeholder origin @astrojs/rss insists on; every link it would build from it is overridden. */
export const NO_SITE_PLACEHOLDER = 'http://localhost/';

/** The options object @astrojs/rss's `rss()` / `getRssString()` takes. */
export interface RssOptionsLike {
  title: string;
  description: string;
  site: string;
  xmlns?: Record<string, string>;
  customData?: string;
  trailingSlash?: boolean;
  items: Array<{ title: string; link?: string; pubDate: Date; description: string; categories: string[]; customData?: string }>;
}

/**
 * @astrojs/rss options for a feed. With a site URL every link is absolute and the feed names
 * itself with `atom:link rel="self"`. Without one, @astrojs/rss would resolve links against a
 * made-up origin, so links go in `customData` instead: root-relative `<link>`, and a `<guid>`
 * that is not a permalink (RSS requires permalink guids to be full URLs).
 */
export function rssOptions(feed: Feed): RssOptionsLike {
  const common = { title: feed.title, description: feed.description, trailingSlash: true };
  if (feed.absolute) {
    return {
      ...common,
      site: feed.pageUrl,
      xmlns: { atom: 'http://www.w3.org/2005/Atom' },
      customData: `<language>zh-cn</language><atom:link href="${escapeXml(feed.url)}" rel="self" type="application/rss+xml"/>`,
      items: feed.items.map((i) => ({ title: i.title, link: i.link, pubDate: beijingMidnight(i.date), description: i.description, categories: i.categories })),
    };
  }
  return {
    ...common,
    site: NO_SITE_PLACEHOLDER,
    customData: `<link>${escapeXml(feed.pagePath)}</link><language>zh-cn</language>`,
    items: feed.items.map((i) => ({
      title: i.title,
      pubDate: beijingMidnight(i.date),
      description: i.description,
      categories: i.categories,
      customData: `<link>${escapeXml(i.path)}</link><guid isPermaLink="false">${escapeXml(i.path)}</guid>`,
    })),
  };
}
