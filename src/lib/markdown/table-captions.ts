/**
 * Markdown has no table captions, but every table on the site needs one (WCAG 1.3.1; screen
 * readers announce it). This Sätteri HTML-tree plugin (Astro 7's Markdown and MDX processor)
 * gives a caption-less table the text of the last heading before it, or "表格" when there is
 * none. It only reads and edits the HTML tree of the document being rendered.
 */
import type { HastPluginDefinition } from 'satteri';

const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];

/** `satteri({ hastPlugins: [tableCaptions] })`: a fresh plugin (and heading memory) per document. */
export function tableCaptions(): HastPluginDefinition {
  let heading: string | undefined;
  return {
    name: 'table-captions',
    element: {
      filter: [...HEADINGS, 'table'],
      visit(node, ctx) {
        if (node.tagName !== 'table') {
          heading = ctx.textContent(node).trim() || heading;
          return;
        }
        if (node.children.some((c) => c.type === 'element' && c.tagName === 'caption')) return;
        ctx.prependChild(node, { type: 'element', tagName: 'caption', properties: {}, children: [{ type: 'text', value: heading ?? '表格' }] });
      },
    },
  };
}
