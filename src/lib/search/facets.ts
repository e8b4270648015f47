/**
 * What the search index knows about a page besides its text: the filters residents narrow by
 * (类型, 村（社区）, 年份, 适用对象), the date results are sorted by, and the meta shown in a
 * result line. Computed here once; BaseLayout renders them as Pagefind attributes.
 */

// Types only: the search page's client script imports FILTER, and must not bundle the registry.
import type { SearchType, TownSearchType } from '../site/sections';

/** Filter names as residents see them (Pagefind filter keys). */
export const FILTER = { type: '类型', village: '村（社区）', year: '年份', audience: '适用对象', town: '镇（街道）' } as const;

export interface SearchFacetsInput {
  /** 类型: a section's (src/lib/site/sections.ts SEARCH_TYPES) or a portal's town page's (TOWN_TYPE). */
  type: SearchType | TownSearchType;
  /** YYYY-MM-DD: published or updated date; sorts results and gives the 年份 filter. */
  date?: string;
  /** Village or community name, for disclosures. */
  village?: string;
  /** 适用对象 of a 普法 article. */
  audiences?: readonly string[];
  /** Town name, on a county portal's pages (a merged town index gets it from the portal instead). */
  town?: string;
}

export interface SearchFacets {
  filters: Array<[name: string, value: string]>;
  meta: Array<[name: string, value: string]>;
  sort: Array<[name: string, value: string]>;
}

export function searchFacets(input: SearchFacetsInput): SearchFacets {
  const filters: Array<[string, string]> = [[FILTER.type, input.type]];
  const meta: Array<[string, string]> = [['type', input.type]];
  const sort: Array<[string, string]> = [];
  if (input.village) {
    filters.push([FILTER.village, input.village]);
    meta.push(['village', input.village]);
  }
  if (input.date) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(input.date)) throw new Error(`search date must be YYYY-MM-DD: ${input.date}`);
    filters.push([FILTER.year, input.date.slice(0, 4)]);
    meta.push(['date', input.date]);
    sort.push(['date', input.date]);
  }
  for (const a of input.audiences ?? []) filters.push([FILTER.audience, a]);
  if (input.town) {
    filters.push([FILTER.town, input.town]);
    meta.push(['town', input.town]);
  }
  return { filters, meta, sort };
}

/** Pagefind's attribute syntax is `name:value`; a colon or comma inside a value would split it. */
export function pagefindAttr([name, value]: [string, string]): string {
  if (/[:,]/.test(name) || /,/.test(value)) throw new Error(`search facet may not contain ':' or ',': ${name}:${value}`);
  return `${name}:${value}`;
}

/** The 年份 filter's choices: every year some searchable page is dated in, newest first. */
export function yearsOf(dates: ReadonlyArray<string | undefined>): string[] {
  return [...new Set(dates.filter((d): d is string => !!d).map((d) => d.slice(0, 4)))].sort().reverse();
}
