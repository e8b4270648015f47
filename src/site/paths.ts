/** Site-internal links, always under the configured base (sub-path deployments, DOMAIN.md). */
import { resolveBasePath } from '../lib/env/base-path';
import { PAGEFIND_DIR, SEARCH_PARTS_FILE, SEARCH_TRAD_FILE } from '../lib/search/files';

// Pages render at build time in Node, so the same variable astro.config.ts reads is here too.
const BASE = resolveBasePath().replace(/\/+$/, '');

/** `href('/plans/x/')` → `/zl/qingshan/plans/x/` under a base, `/plans/x/` otherwise. */
export function href(path: string): string {
  return `${BASE}${path.startsWith('/') ? path : `/${path}`}`;
}

export const routes = {
  home: () => href('/'),
  plans: () => href('/plans/'),
  plan: (slug: string) => href(`/plans/${slug}/`),
  planFacet: (key: string, value: string) => href(`/plans/${key}/${value}/`),
  units: () => href('/units/'),
  unit: (id: string) => href(`/units/${id}/`),
  disclosures: () => href('/disclosures/'),
  village: (code: string) => href(`/disclosures/${code}/`),
  disclosure: (code: string, id: string) => href(`/disclosures/${code}/${id}/`),
  disclosureFile: (code: string, id: string, ext: 'csv' | 'json') => href(`/disclosures/${code}/${id}.${ext}`),
  legal: () => href('/legal/'),
  legalArticle: (slug: string) => href(`/legal/${slug}/`),
  legalFacet: (key: string, value: string) => href(`/legal/${key}/${value}/`),
  data: () => href('/data/'),
  dataset: (id: string) => href(`/data/${id}/`),
  datasetFile: (id: string, ext: 'csv' | 'json') => href(`/data/${id}.${ext}`),
  dataPackage: () => href('/data/datapackage.json'),
  search: () => href('/search/'),
  // County portal (src/portal/pages): a town's page and the joint data catalogue.
  portalTown: (id: string) => href(`/towns/${id}/`),
  portalCatalogue: () => href('/data/catalogue.json'),
  searchTrad: () => href(`/${SEARCH_TRAD_FILE}`),
  searchParts: () => href(`/${SEARCH_PARTS_FILE}`),
  pagefind: () => href(`/${PAGEFIND_DIR}`),
  asset: (file: string) => href(`/assets/${file}`),
  // RSS feeds (src/lib/model/feeds.ts) and the sitemap @astrojs/sitemap writes.
  feed: () => href('/rss.xml'),
  plansFeed: () => href('/plans/rss.xml'),
  disclosuresFeed: () => href('/disclosures/rss.xml'),
  villageFeed: (code: string) => href(`/disclosures/${code}/rss.xml`),
  legalFeed: () => href('/legal/rss.xml'),
  dataFeed: () => href('/data/rss.xml'),
  sitemap: () => href('/sitemap-index.xml'),
};

/** The base path, beginning and ending with `/` (robots.txt). */
export const basePath = (): string => `${BASE}/`;
