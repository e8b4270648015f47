/**
 * Turning what a resident typed into the searches we run, and their results into one list.
 *
 * Precision first (issue 8): Pagefind splits an unquoted Chinese query into pieces, often
 * single characters, and returns any page holding all pieces anywhere. A quoted query matches
 * the phrase exactly. So every word the resident typed becomes an exact-phrase search, its
 * synonyms (site.json `search.synonyms`) are searched too, and a page must match every word.
 * Pure: the search page's script and the unit tests both import it.
 */
import { decodeEntities } from './indexed-text';

/** Traditional → simplified, one character at a time (built from the site's own text). */
export type TradMap = Readonly<Record<string, string>>;

// Anything that is not a letter, digit or Han character separates words: full- and half-width
// punctuation, quotes (residents paste “村务公开”), brackets, slashes — and dots, except a
// decimal point (11.2万元).
const SEPARATOR = /[^\p{L}\p{N}.]+|(?<!\d)\.|\.(?!\d)/gu;

/**
 * NFKC folds full-width digits and letters (２０２６ → 2026) and the ideographic space;
 * traditional characters the site writes in simplified form are mapped; Latin is lower-cased.
 */
export function normaliseQuery(raw: string, trad: TradMap = {}): string {
  const folded = raw.normalize('NFKC').toLowerCase();
  let out = '';
  for (const ch of folded) out += trad[ch] ?? ch;
  return out.replace(SEPARATOR, ' ').trim();
}

/**
 * Text reduced to letters and digits, for checking that a page really holds a word: the same
 * folding as normaliseQuery, with every separator (and decimal point) removed on both sides.
 */
export function compactText(text: string, trad: TradMap = {}): string {
  return normaliseQuery(text, trad).replace(/[ .]/g, '');
}

export interface QueryPlan {
  /** The normalised query, words separated by single spaces. */
  normalised: string;
  /** One entry per word the resident typed: the word first, then its synonyms. Every entry must match. */
  words: string[][];
}

export function planQuery(raw: string, options: { synonyms?: readonly (readonly string[])[]; trad?: TradMap } = {}): QueryPlan {
  const normalised = normaliseQuery(raw, options.trad);
  const unique = [...new Set(normalised.split(' ').filter(Boolean))];
  const words = unique.map((word) => {
    const variants = [word];
    for (const group of options.synonyms ?? []) {
      const forms = group.map((g) => normaliseQuery(g, options.trad));
      if (forms.includes(word)) for (const f of forms) if (!variants.includes(f)) variants.push(f);
    }
    return variants;
  });
  return { normalised, words };
}

/** Pagefind's exact-phrase syntax. Quotes were removed by normaliseQuery, so none can be inside. */
export const exactPhrase = (variant: string): string => `"${variant}"`;

export interface Hit {
  id: string;
  score: number;
}

/**
 * Combines per-word, per-variant result lists: a page matches a word when it matches any of
 * the word's variants (best score kept) and is kept only when it matches every word.
 * Order: total score, highest first; ties keep the order of the first list (Pagefind's own).
 */
export function combineHits(perWord: ReadonlyArray<ReadonlyArray<ReadonlyArray<Hit>>>): Hit[] {
  if (perWord.length === 0) return [];
  const firstSeen = new Map<string, number>();
  const totals = new Map<string, number>();
  perWord.forEach((variants, w) => {
    const best = new Map<string, number>();
    for (const list of variants) {
      for (const hit of list) {
        if (!firstSeen.has(hit.id)) firstSeen.set(hit.id, firstSeen.size);
        best.set(hit.id, Math.max(best.get(hit.id) ?? -Infinity, hit.score));
      }
    }
    if (w === 0) {
      for (const [id, s] of best) totals.set(id, s);
    } else {
      for (const id of [...totals.keys()]) {
        const s = best.get(id);
        if (s === undefined) totals.delete(id);
        else totals.set(id, totals.get(id)! + s);
      }
    }
  });
  return [...totals].map(([id, score]) => ({ id, score })).sort((a, b) => b.score - a.score || firstSeen.get(a.id)! - firstSeen.get(b.id)!);
}

/**
 * Excerpts come from Pagefind as text with `<mark>` around matches. Split into plain-text
 * pieces and marked pieces so the page builds DOM nodes and never parses HTML from the index.
 */
export function excerptParts(excerpt: string): Array<{ text: string; mark: boolean }> {
  const parts: Array<{ text: string; mark: boolean }> = [];
  let mark = false;
  for (const piece of excerpt.split(/(<\/?mark>)/)) {
    if (piece === '<mark>') mark = true;
    else if (piece === '</mark>') mark = false;
    else if (piece) parts.push({ text: decodeEntities(piece), mark });
  }
  return parts;
}
