/**
 * The examples in /search/'s 搜索小贴士, from the town's own registries: a tip that names a
 * village the town does not have, or a short form it has not configured, sends a resident to
 * zero results (the tips used to be written for the sample town).
 */

export interface SearchTipExamples {
  /** Two words to type apart, e.g. “<first village> 财务”; absent when the town lists no village. */
  twoWords?: string;
  /** A configured short form and the full term it also finds (site.json search.synonyms). */
  shortForm?: { short: string; full: string };
}

export function searchTipExamples(villageNames: readonly string[], synonyms: readonly (readonly string[])[]): SearchTipExamples {
  const village = villageNames[0];
  // The shortest word of the first group is what residents type; the longest is what pages say.
  const group = synonyms[0];
  const bySize = group ? [...group].sort((a, b) => [...a].length - [...b].length) : [];
  return {
    ...(village ? { twoWords: `${village} 财务` } : {}),
    ...(bySize.length >= 2 ? { shortForm: { short: bySize[0]!, full: bySize.at(-1)! } } : {}),
  };
}
