/**
 * How a site's search index is split into Pagefind bundles (issue 9). Pagefind 1.6 needs about
 * 0.9 MB of memory per indexed Chinese page (4.6 GB for 5,000 generated articles), so a large
 * site is indexed in several runs of at most PAGES_PER_BUNDLE pages each, and /search/ merges the
 * bundles in the browser (Pagefind's mergeIndex: the runtime and wasm load once; each further
 * bundle costs its entry file, page metadata and index chunks: a first query on 5,000 pages reads
 * 276 KB from two bundles against 217 KB from one). A town of a few hundred pages keeps one bundle.
 */
import { PAGEFIND_DIR } from './files';

/**
 * Pages per bundle: one run over 4,000 pages needs ~3.6 GB, and a site of up to this many keeps
 * the single bundle (no extra bytes on a first query); 5,000 pages become two runs of ~2.3 GB
 * (docs/性能.md).
 */
export const PAGES_PER_BUNDLE = 4000;

export interface SearchBundle {
  /** Directory relative to the site root: `pagefind/`, then `pagefind/part-2/` … */
  dir: string;
  /** Site-relative paths of the pages it indexes. */
  pages: string[];
}

/** The bundle directories after the first, which /search/ merges (written to SEARCH_PARTS_FILE). */
export function partDir(n: number): string {
  return `${PAGEFIND_DIR}part-${n}/`;
}

/** What partDir writes, for reading another site's SEARCH_PARTS_FILE (a county portal's towns). */
export const PART_DIR = /^pagefind\/part-[1-9]\d*\/$/;

/** SEARCH_BUNDLE_PAGES, read when the build starts so that a bad value stops it before any page is written. */
export function bundlePagesSetting(value: string | undefined): number {
  if (value === undefined || value === '') return PAGES_PER_BUNDLE;
  const n = Number(value);
  checkBundlePages(n, JSON.stringify(value));
  return n;
}

function checkBundlePages(perBundle: number, shown = String(perBundle)): void {
  if (!Number.isInteger(perBundle) || perBundle < 1) {
    throw new Error(
      `搜索索引每包页数必须是正整数，现在是 ${shown}；检查 SEARCH_BUNDLE_PAGES (pages per search bundle must be a positive integer, got ${shown})`,
    );
  }
}

/**
 * Pages in path order, cut into the fewest bundles of at most `perBundle` pages, as evenly as
 * possible; so the same pages always give the same bundles.
 */
export function splitIntoBundles(pages: readonly string[], perBundle: number = PAGES_PER_BUNDLE): SearchBundle[] {
  checkBundlePages(perBundle);
  const sorted = [...pages].sort();
  const count = Math.max(1, Math.ceil(sorted.length / perBundle));
  const size = Math.ceil(sorted.length / count);
  return Array.from({ length: count }, (_, i) => ({ dir: i === 0 ? PAGEFIND_DIR : partDir(i + 1), pages: sorted.slice(i * size, (i + 1) * size) }));
}
