/**
 * Readers of legal-education articles. The contract's audience words are 小学, 初中, 高中,
 * 居民, 老年人; the site browses by the grade bands of the 青少年法治教育大纲 (2016) —
 * 小学低年级 (grades 1–2), 小学高年级 (3–6), 初中 (7–9), 高中 — plus 居民 and 老年人.
 * Authors may write the contract word 小学 (it means both primary bands) or a finer band.
 */

/** The bands a reader browses by, in display order. */
export const AUDIENCE_BANDS = ['小学低年级', '小学高年级', '初中', '高中', '居民', '老年人'] as const;
export type AudienceBand = (typeof AUDIENCE_BANDS)[number];

/** Every word an author may write in `audience`: the contract's words and the finer bands. */
export const AUDIENCE_WORDS = ['小学', '小学低年级', '小学高年级', '初中', '高中', '居民', '老年人'] as const;
export type AudienceWord = (typeof AUDIENCE_WORDS)[number];

/** Which bands each audience word covers. */
export const BANDS_OF: Record<AudienceWord, readonly AudienceBand[]> = {
  小学: ['小学低年级', '小学高年级'],
  小学低年级: ['小学低年级'],
  小学高年级: ['小学高年级'],
  初中: ['初中'],
  高中: ['高中'],
  居民: ['居民'],
  老年人: ['老年人'],
};

/** ASCII URL words for the bands: /legal/audience/<slug>/. */
export const BAND_SLUGS: Record<AudienceBand, string> = {
  小学低年级: 'xiaoxue-dinianji',
  小学高年级: 'xiaoxue-gaonianji',
  初中: 'chuzhong',
  高中: 'gaozhong',
  居民: 'jumin',
  老年人: 'laonianren',
};

/** A short description of each band, for its filter page. */
export const BAND_NOTES: Record<AudienceBand, string> = {
  小学低年级: '小学一至二年级',
  小学高年级: '小学三至六年级',
  初中: '初中一至三年级（七至九年级）',
  高中: '高中及中等职业学校',
  居民: '村（社区）居民',
  老年人: '老年朋友及其家人',
};

/** The bands an article is for, in display order, without repeats. */
export function bandsOf(words: readonly AudienceWord[]): AudienceBand[] {
  const set = new Set(words.flatMap((w) => BANDS_OF[w]));
  return AUDIENCE_BANDS.filter((b) => set.has(b));
}
