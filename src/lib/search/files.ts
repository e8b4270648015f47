/** Where the build writes the search page's extra files, relative to the site root. */
export const SEARCH_TRAD_FILE = 'search/trad.json';
/** Pagefind's bundle directory, relative to the site root. */
export const PAGEFIND_DIR = 'pagefind/';
