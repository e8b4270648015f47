/**
 * Exact-phrase-first matching over the Pagefind JS API (issue 8), shared by /search/.
 *
 * For each word variant two Pagefind searches run, which load the same index chunks:
 * - quoted ("村规民约"): exactly the pages holding the phrase — but Pagefind gives every such
 *   page the same score, so
 * - unquoted (村规民约): Pagefind's BM25 scores, used only to rank the exact matches.
 * Pagefind's phrase matching needs the browser to segment the query like the indexer did; when
 * it does not (long phrases, Chinese numerals such as 第二百八十八条), the quoted search finds
 * nothing although pages hold the phrase. Then the best unquoted candidates are checked against
 * their own text, so a page is only ever shown when it really holds every word.
 */
import { combineHits, compactText, exactPhrase, type Hit, type QueryPlan } from './query';

export interface PageData {
  url: string;
  content: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
}
export interface PagefindResult extends Hit {
  data: () => Promise<PageData>;
}
/** Another site's Pagefind bundle joined into this one's search (a county portal's towns). */
export interface MergedIndex {
  /** The bundle URL, ending in /pagefind/. */
  bundle: string;
  /** That site's base URL: its result links are resolved against it. */
  base: string;
  /** Its name, given to its pages as the 镇（街道） filter. */
  name: string;
}

export interface PagefindApi {
  search: (q: string, o?: Record<string, unknown>) => Promise<{ results: PagefindResult[] } | null>;
}

/** How many unquoted candidates are checked by their text when the quoted search finds nothing. */
export const VERIFY_LIMIT = 24;

async function searchVariant(pf: PagefindApi, variant: string, options: Record<string, unknown>): Promise<PagefindResult[]> {
  const [exact, ranked] = await Promise.all([pf.search(exactPhrase(variant), options), pf.search(variant, options)]);
  const loose = ranked?.results ?? [];
  const score = new Map(loose.map((r) => [r.id, r.score]));
  const found = exact?.results ?? [];
  if (found.length > 0) return found.map((r) => ({ id: r.id, score: score.get(r.id) ?? 0, data: r.data }));
  const want = compactText(variant);
  const checked = await Promise.all(loose.slice(0, VERIFY_LIMIT).map(async (r) => (compactText((await r.data()).content).includes(want) ? r : undefined)));
  return checked.filter((r): r is PagefindResult => r !== undefined);
}

/** Results combined from several searches lose Pagefind's date order: the best this many are re-sorted by date. */
export const DATE_SORT_WINDOW = 60;

/**
 * Pages holding every word of the plan (any variant of each), best first — or, with
 * `options.sort` ({ date: 'desc' }), newest first: Pagefind's own sorted order for a single
 * search of a single bundle, else the best DATE_SORT_WINDOW re-sorted by their date meta
 * (`merged`: Pagefind orders results from merged bundles by score, whatever the sort).
 */
export async function exactMatches(pf: PagefindApi, plan: QueryPlan, options: Record<string, unknown>, merged = false): Promise<PagefindResult[]> {
  const single = !merged && plan.words.length === 1 && plan.words[0]?.length === 1;
  if (options.sort && single) {
    const variant = plan.words[0]![0]!;
    const exact = (await pf.search(exactPhrase(variant), options))?.results ?? [];
    if (exact.length > 0) return exact;
  }
  const { sort: _sort, ...unsorted } = options;
  const perWord = await Promise.all(plan.words.map((variants) => Promise.all(variants.map((v) => searchVariant(pf, v, unsorted)))));
  const byId = new Map(perWord.flat(2).map((r) => [r.id, r]));
  const hits = combineHits(perWord).map((h) => byId.get(h.id)!);
  return options.sort ? sortByDate(hits) : hits;
}

async function sortByDate(hits: PagefindResult[]): Promise<PagefindResult[]> {
  const head = hits.slice(0, DATE_SORT_WINDOW);
  const dates = await Promise.all(head.map(async (h) => (await h.data()).meta.date ?? ''));
  const order = head.map((h, i) => ({ h, d: dates[i] ?? '' })).sort((a, b) => b.d.localeCompare(a.d));
  return [...order.map((o) => o.h), ...hits.slice(DATE_SORT_WINDOW)];
}

/** Pagefind's own loose matching (pieces of the query anywhere), only on the resident's request. */
export async function looseMatches(pf: PagefindApi, plan: QueryPlan, options: Record<string, unknown>): Promise<PagefindResult[]> {
  return (await pf.search(plan.normalised, options))?.results ?? [];
}
