/**
 * Traditional-character queries (調解, 農村) against a site written in simplified Chinese.
 * Instead of shipping a converter (opencc-js's tables are megabytes), the build maps only the
 * characters the site actually uses: for each simplified Han character in the indexed text,
 * its traditional forms (Taiwan and Hong Kong standards too) point back to it. The map is a
 * few kilobytes and is applied by normaliseQuery.
 */
import type { TradMap } from './query';

const HAN = /\p{Script=Han}/u;

export function buildTradMap(text: string, toTraditional: ReadonlyArray<(s: string) => string>): TradMap {
  const map: Record<string, string> = {};
  const seen = new Set<string>();
  for (const ch of text) {
    if (seen.has(ch) || !HAN.test(ch)) continue;
    seen.add(ch);
    for (const convert of toTraditional) {
      const t = convert(ch);
      // Only one-to-one character swaps; and never remap a character the site itself uses.
      if (t !== ch && [...t].length === 1 && !(t in map)) map[t] = ch;
    }
  }
  for (const t of Object.keys(map)) if (seen.has(t)) delete map[t];
  return Object.fromEntries(Object.entries(map).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
