/**
 * A fast renderer for plain Markdown bodies (issue 9): markdown-it instead of Astro's
 * remark/rehype pipeline, which was most of a 5,000-article build's content sync.
 *
 * It writes what the site needs of Astro's output: GFM tables and strikethrough, raw HTML,
 * links in the text, heading ids from github-slugger (the slugs Astro gives, so anchors stay
 * the same) with the heading list, and a caption on every table from the heading above it (the
 * rule of table-captions.ts). Bodies it would render differently — images (Astro optimises
 * them), footnotes, task lists and fenced code (Astro highlights it) — are left to Astro:
 * `needsAstroMarkdown` says which. Typography is left as typed on both paths (smartypants is off
 * in astro.config.ts: Chinese text carries its own full-width punctuation).
 */
import MarkdownIt, { type MarkdownIt as Parser, type Token } from 'markdown-it';
import GithubSlugger from 'github-slugger';

export interface MarkdownHeading {
  depth: number;
  slug: string;
  text: string;
}

export interface RenderedMarkdown {
  html: string;
  headings: MarkdownHeading[];
}

const ASTRO_ONLY = /!\[|\[\^|^\s*(?:[-*+]|\d+[.)])\s+\[[ xX]\]|^\s*(?:```|~~~)/m;

/** True when the body uses something only Astro's own Markdown pipeline renders as the site expects. */
export function needsAstroMarkdown(body: string): boolean {
  return ASTRO_ONLY.test(body);
}

/** The text of an inline token's children, as a reader would see it (emphasis and code unwrapped). */
function plainText(children: readonly Token[] | null): string {
  let text = '';
  for (const child of children ?? []) {
    if (child.type === 'text' || child.type === 'code_inline') text += child.content;
    else if (child.type === 'softbreak' || child.type === 'hardbreak') text += '\n';
  }
  return text;
}

/** Where markdown-it's markup differs from Astro's for the same Markdown: `<del>`, `align`. */
function sameMarkupAsAstro(token: Token): void {
  if (token.type === 's_open' || token.type === 's_close') token.tag = 'del';
  const style = token.attrGet('style');
  const align = /^text-align:(left|center|right)$/.exec(String(style ?? ''))?.[1];
  if (align) {
    token.attrs = (token.attrs ?? []).filter(([name]) => name !== 'style');
    token.attrSet('align', align);
  }
}

/**
 * Heading ids and table captions in one walk over the block tokens. A heading names the tables
 * after it within the same container, as in table-captions.ts: entering a container remembers
 * the current heading, leaving it restores that.
 */
function headingsAndCaptions(md: Parser): void {
  md.core.ruler.push('gongkailan_headings_captions', (state) => {
    const headings = state.env.headings as MarkdownHeading[];
    const slugger = new GithubSlugger();
    const outer: (string | undefined)[] = [];
    let current: string | undefined;
    const tokens = state.tokens;
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      if (token.type === 'heading_open') {
        const text = plainText(tokens[i + 1]?.children ?? null);
        const slug = slugger.slug(text);
        token.attrSet('id', slug);
        headings.push({ depth: Number(token.tag.slice(1)), slug, text });
        current = text.trim() || current;
        continue;
      }
      if (token.type === 'heading_close') continue;
      sameMarkupAsAstro(token);
      for (const child of token.children ?? []) sameMarkupAsAstro(child);
      if (token.type === 'table_open') {
        const open = new state.Token('caption_open', 'caption', 1);
        const text = new state.Token('text', '', 0);
        text.content = current ?? '表格';
        const close = new state.Token('caption_close', 'caption', -1);
        tokens.splice(i + 1, 0, open, text, close);
        i += 3;
      }
      if (token.nesting === 1) outer.push(current);
      else if (token.nesting === -1) current = outer.pop();
    }
  });
}

const md = new MarkdownIt('default', { html: true, linkify: true, typographer: false });
// GFM links only what starts with a scheme or www., not every "name.com" inside Chinese text.
md.linkify.set({ fuzzyLink: false });
headingsAndCaptions(md);

/** Renders a Markdown body (no frontmatter) to HTML with its headings. */
export function renderMarkdown(body: string): RenderedMarkdown {
  const headings: MarkdownHeading[] = [];
  return { html: md.render(body, { headings }), headings };
}
