/** Where the build writes the search page's extra files, relative to the site root. */
export const SEARCH_TRAD_FILE = 'search/trad.json';
/** The bundles /search/ merges besides PAGEFIND_DIR, as site-relative directories (src/lib/search/bundles.ts). */
export const SEARCH_PARTS_FILE = 'search/parts.json';
/** Pagefind's bundle directory, relative to the site root. */
export const PAGEFIND_DIR = 'pagefind/';
