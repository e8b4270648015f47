/**
 * Citing laws the way Chinese legal writing does (DOMAIN.md § 普法): the full title in 《》
 * at a law's first mention in an article, the short title afterwards, then the article number
 * in Chinese numerals — 《中华人民共和国民法典》第一千一百六十五条 … 《民法典》第二百八十八条.
 */
import { articleLabel, isArticleNumber } from './numerals';

/** Prefix dropped from a national law's title for its short title (中华人民共和国民法典 → 民法典). */
const NATIONAL_PREFIX = '中华人民共和国';

/**
 * The national law database (国家法律法规数据库). Pages only *link* to its title search; the
 * page itself never requests anything from it. If the database changes its address, change it here.
 */
export const LAW_DATABASE_SEARCH = 'https://flk.npc.gov.cn/search';

/** 中华人民共和国民法典 → 民法典; titles without the national prefix (信访工作条例) stay as they are. */
export function shortTitle(name: string): string {
  const t = name.trim();
  return t.startsWith(NATIONAL_PREFIX) && t.length > NATIONAL_PREFIX.length ? t.slice(NATIONAL_PREFIX.length) : t;
}

/** Title search for the law in the national law database (a plain link; exact-title search). */
export function lawSearchUrl(name: string): string {
  return `${LAW_DATABASE_SEARCH}?searchType=title;accurate&searchValue=${encodeURIComponent(name.trim())}`;
}

/** 《中华人民共和国民法典》第一千一百六十五条 (first mention) or 《民法典》第一千一百六十五条 (later). */
export function formatCitation(name: string, article?: number, mention: 'first' | 'later' = 'first'): string {
  const title = mention === 'first' ? name.trim() : shortTitle(name);
  return `《${title}》${article !== undefined && isArticleNumber(article) ? articleLabel(article) : ''}`;
}

/** An article number as an author may write it in MDX: `article={1165}` or `article="1165"`. */
export function parseArticle(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^\s*-?\d+\s*$/.test(value)) return Number(value);
  return undefined;
}

export interface GlossaryEntry {
  /** The term as it appears in the text (markup removed). */
  term: string;
  /** Its definition, as HTML-safe text. */
  def: string;
  /** ids of the term's first use in the text, of its glossary entry, and of the definition. */
  termId: string;
  glossId: string;
  defId: string;
}

/**
 * Markup the components print, which `processArticleHtml` reads back. Kept here, next to the
 * reader, so the two cannot drift apart (src/components/legal/LawCite.astro, Term.astro).
 */
export const LAW_TITLE_CLASS = 'law-title';
export const TERM_CLASS = 'term';

const LAW_CITE = /<a class="law-cite"[^>]*?\sdata-law="([^"]*)"[^>]*>《<span class="law-title">([^<]*)<\/span>》/g;
const TERM = /<dfn class="term" data-def="([^"]*)">([\s\S]*?)<\/dfn>/g;

function stripTags(html: string): string {
  return html.replace(/<[^>]*>/g, '').trim();
}

/** The later-mention title, from a `data-law` value (HTML-escaped text in, same escaping out). */
function shortFromAttr(escapedName: string): string {
  return shortTitle(escapedName);
}

/**
 * Finishes a rendered article body, in document order (so the result does not depend on the
 * order in which components happened to render):
 * - every `<LawCite>` after a law's first one shows the short title;
 * - every `<Term>` links to its entry in the glossary, and the definitions are collected
 *   (one entry per term, first definition wins) for the glossary printed after the article.
 */
export function processArticleHtml(html: string): { html: string; glossary: GlossaryEntry[] } {
  const seenLaws = new Set<string>();
  let out = html.replace(LAW_CITE, (whole, law: string) => {
    if (!seenLaws.has(law)) {
      seenLaws.add(law);
      return whole.replace('<a class="law-cite"', '<a class="law-cite" data-mention="first"');
    }
    return whole
      .replace('<a class="law-cite"', `<a class="law-cite" data-mention="later" title="${law}"`)
      .replace(/<span class="law-title">[^<]*<\/span>/, `<span class="law-title">${shortFromAttr(law)}</span>`);
  });

  const glossary: GlossaryEntry[] = [];
  const byTerm = new Map<string, GlossaryEntry>();
  out = out.replace(TERM, (_whole, def: string, inner: string) => {
    const term = stripTags(inner);
    let entry = byTerm.get(term);
    let idAttr = '';
    if (!entry) {
      const n = glossary.length + 1;
      entry = { term, def: def.replace(/</g, '&lt;').replace(/>/g, '&gt;'), termId: `term-${n}`, glossId: `gloss-${n}`, defId: `gloss-${n}-def` };
      byTerm.set(term, entry);
      glossary.push(entry);
      idAttr = ` id="${entry.termId}"`;
    }
    return `<dfn class="term"${idAttr}><a href="#${entry.glossId}" aria-describedby="${entry.defId}">${inner}</a></dfn>`;
  });
  return { html: out, glossary };
}
