/**
 * Long lists split into pages, so a list page stays within its page-weight budget at any
 * number of documents. Page 1 keeps the list's own address; page n (n ≥ 2) is
 * `<list>/page/<n>/`, e.g. /legal/ → /legal/page/2/, /legal/topic/xianfa/ → /legal/topic/xianfa/page/2/.
 */

/** Articles per list page: about 10 KB gzipped with real summaries and tags, under the 14 KB list budget. */
export const PAGE_SIZE = 30;

export interface Page<T> {
  /** 1-based page number. */
  number: number;
  /** How many pages the list has (at least 1, even when it is empty). */
  pages: number;
  items: T[];
  /** 1-based positions of this page's first and last item in the whole list (0 and 0 for an empty list). */
  from: number;
  to: number;
  /** Items in the whole list. */
  total: number;
}

/** The list cut into pages of `size`, in order; an empty list is one empty page. */
export function paginate<T>(items: readonly T[], size: number = PAGE_SIZE): Page<T>[] {
  if (!Number.isInteger(size) || size < 1) throw new Error(`page size must be a positive integer, got ${size}`);
  const pages = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: pages }, (_, i) => {
    const slice = items.slice(i * size, (i + 1) * size);
    return {
      number: i + 1,
      pages,
      items: slice,
      from: slice.length ? i * size + 1 : 0,
      to: i * size + slice.length,
      total: items.length,
    };
  });
}

/** The address of page `n` of the list at `listUrl` (which ends in `/`): page 1 is the list itself. */
export function pageUrl(listUrl: string, n: number): string {
  if (!Number.isInteger(n) || n < 1) throw new Error(`page number must be a positive integer, got ${n}`);
  const base = listUrl.endsWith('/') ? listUrl : `${listUrl}/`;
  return n === 1 ? base : `${base}page/${n}/`;
}

/** The `page` route parameters of pages 2…n (page 1 is rendered by the list's own route). */
export function laterPages<T>(pages: readonly Page<T>[]): Array<{ params: { page: string }; page: Page<T> }> {
  return pages.slice(1).map((page) => ({ params: { page: String(page.number) }, page }));
}

export type PagerItem = { kind: 'page'; number: number; current: boolean } | { kind: 'gap' };

/**
 * The numbered links of a pager: the first and last page, and `around` pages either side of
 * the current one; a run of skipped pages is one gap, a single skipped page is shown instead.
 */
export function pagerItems(current: number, pages: number, around = 2): PagerItem[] {
  if (pages <= 1) return [];
  const shown: number[] = [];
  for (let n = 1; n <= pages; n++) {
    if (n === 1 || n === pages || Math.abs(n - current) <= around) shown.push(n);
  }
  const items: PagerItem[] = [];
  let prev = 0;
  for (const n of shown) {
    if (n - prev === 2) items.push({ kind: 'page', number: n - 1, current: n - 1 === current });
    else if (n - prev > 2) items.push({ kind: 'gap' });
    items.push({ kind: 'page', number: n, current: n === current });
    prev = n;
  }
  return items;
}

/** “第 31–60 篇” for a heading; “第 31 篇” when the page holds one item. */
export function rangeLabel(page: Pick<Page<unknown>, 'from' | 'to'>): string {
  return page.from === page.to ? `第 ${page.from} 篇` : `第 ${page.from}–${page.to} 篇`;
}
