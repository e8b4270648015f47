/** Site-internal links, always under the configured base (sub-path deployments, DOMAIN.md). */
import { resolveBasePath } from '../lib/env/base-path';
import { PAGEFIND_DIR, SEARCH_PARTS_FILE, SEARCH_TRAD_FILE } from '../lib/search/files';
import { withBase } from '../lib/site/sections';

// Pages render at build time in Node, so the same variable astro.config.ts reads is here too.
const BASE = resolveBasePath().replace(/\/+$/, '');

/** `href('/plans/x/')` → `/zl/qingshan/plans/x/` under a base, `/plans/x/` otherwise. */
export function href(path: string): string {
  return `${BASE}${path.startsWith('/') ? path : `/${path}`}`;
}

/** Every address of the site under the base: the sections' builders (src/lib/site/sections.ts) and the files no section owns. */
export const routes = {
  ...withBase(BASE),
  searchTrad: () => href(`/${SEARCH_TRAD_FILE}`),
  searchParts: () => href(`/${SEARCH_PARTS_FILE}`),
  pagefind: () => href(`/${PAGEFIND_DIR}`),
  asset: (file: string) => href(`/assets/${file}`),
  // The sitemap @astrojs/sitemap writes.
  sitemap: () => href('/sitemap-index.xml'),
};

/** The base path, beginning and ending with `/` (robots.txt). */
export const basePath = (): string => `${BASE}/`;
