/**
 * Reading time for Chinese text. Adults read roughly 300–400 Han characters a minute; the
 * site counts **300 a minute**, the slow end, because its readers include pupils and elderly
 * residents (docs/普法写作指南.md says so too). Latin words and numbers count as
 * **200 words a minute**. Markup is not read: MDX tags, code, links' addresses and
 * Markdown punctuation are stripped first; text inside components (a <Term>, a <Case>) counts.
 */
import { articleLabel } from './numerals';
import { shortTitle } from './citations';

/** Han characters per minute (documented rate; see the module comment). */
export const HAN_PER_MINUTE = 300;
/** Latin words (and numbers) per minute. */
export const WORDS_PER_MINUTE = 200;

// Runs of Han characters: one match per run rather than per character (5,000 articles' reading
// times took 1.6 s counted character by character).
const HAN_RUN = /\p{Script=Han}+/gu;
const HIGH_SURROGATE = /[\uD800-\uDBFF]/g;
const WORD = /[A-Za-z0-9]+(?:[.'’-][A-Za-z0-9]+)*/g;

/**
 * The readable text of a Markdown/MDX body: what a reader sees, roughly. `<LawCite>` counts as
 * the citation it prints, other tags count only for their content.
 */
export function readableText(body: string): string {
  return (
    body
      // Fenced code and MDX ESM lines are not prose.
      .replace(/^(```|~~~)[\s\S]*?^\1[^\n]*$/gm, ' ')
      .replace(/^(?:import|export)\s[^\n]*$/gm, ' ')
      // Comments: HTML and MDX expression comments.
      .replace(/<!--[\s\S]*?-->/g, ' ')
      .replace(/\{\/\*[\s\S]*?\*\/\}/g, ' ')
      // A citation reads as the words it prints (short title is a fair average).
      .replace(/<LawCite\b([^>]*?)\/?>/g, (_m, attrs: string) => {
        const name = /\bname\s*=\s*["']([^"']+)["']/.exec(attrs)?.[1] ?? '';
        const article = Number(/\barticle\s*=\s*\{?\s*["']?(\d+)/.exec(attrs)?.[1]);
        return `《${shortTitle(name)}》${Number.isInteger(article) && article >= 1 && article <= 9999 ? articleLabel(article) : ''}`;
      })
      // Other tags: keep their text content, drop the tag (attributes such as def= are shown
      // separately, in the glossary, so they are not counted here).
      .replace(/<\/?[A-Za-z][^>]*>/g, ' ')
      // Links and images: keep the link text, drop the address.
      .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/https?:\/\/\S+/g, ' ')
      // Inline code and Markdown punctuation.
      .replace(/`[^`]*`/g, ' ')
      .replace(/[#>*_|~-]+/g, ' ')
  );
}

export interface ReadingTime {
  /** Han characters counted. */
  han: number;
  /** Latin words and numbers counted. */
  words: number;
  /** Whole minutes, rounded up, at least 1. */
  minutes: number;
}

/** Reading time of plain text (no markup). */
export function readingTimeOfText(text: string): ReadingTime {
  let han = 0;
  const rest = text.replace(HAN_RUN, (run) => {
    // Characters, not UTF-16 units: rare Han characters (extension B and later) take two units.
    han += run.length - (run.match(HIGH_SURROGATE)?.length ?? 0);
    return ' ';
  });
  const words = rest.match(WORD)?.length ?? 0;
  const minutes = Math.max(1, Math.ceil(han / HAN_PER_MINUTE + words / WORDS_PER_MINUTE));
  return { han, words, minutes };
}

/** Reading time of a Markdown/MDX article body. */
export function readingTime(body: string): ReadingTime {
  return readingTimeOfText(readableText(body));
}
