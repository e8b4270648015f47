/**
 * The Markdown and MDX processor of the build (Sätteri, Astro 7's; MDX uses the same one through
 * @astrojs/mdx). The guards come first, so no other plugin sees a body the rules refuse:
 * content never runs code (src/lib/markdown/body-guard.ts). Every table needs a caption;
 * Markdown cannot write one (src/lib/markdown/table-captions.ts). No smart punctuation: Chinese
 * text carries its own full-width punctuation, and "..." or '' in a quoted statute must stay as
 * written.
 */
import { satteri } from '@astrojs/markdown-satteri';
import { bodyGuard, htmlGuard } from '../lib/markdown/body-guard';
import { tableCaptions } from '../lib/markdown/table-captions';

export function markdownProcessor(contentRoot: string) {
  return satteri({
    mdastPlugins: [bodyGuard(contentRoot)],
    hastPlugins: [htmlGuard(contentRoot), tableCaptions],
    features: { smartPunctuation: false },
  });
}
