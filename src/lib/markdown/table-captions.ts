/**
 * Markdown has no table captions, but every table on the site needs one (WCAG 1.3.1; screen
 * readers announce it). This rehype step gives a caption-less table the text of the heading
 * it stands under, or "表格" when there is none. Pure: it only walks the HTML tree.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';

type Parent = Root | Element;

function textOf(node: RootContent | ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element') return node.children.map(textOf).join('');
  return '';
}

const isElement = (node: RootContent | ElementContent, name?: string): node is Element =>
  node.type === 'element' && (name === undefined || node.tagName === name);
const isHeading = (node: RootContent | ElementContent) => isElement(node) && /^h[1-6]$/.test(node.tagName);

function captionTables(parent: Parent, heading: string | undefined): void {
  let current = heading;
  for (const child of parent.children) {
    if (isHeading(child)) current = textOf(child).trim() || current;
    if (!isElement(child)) continue;
    if (child.tagName === 'table') {
      if (!child.children.some((c) => isElement(c, 'caption'))) {
        child.children.unshift({ type: 'element', tagName: 'caption', properties: {}, children: [{ type: 'text', value: current ?? '表格' }] });
      }
      continue;
    }
    captionTables(child, current);
  }
}

/** The rehype plugin: `rehypePlugins: [rehypeTableCaptions]`. */
export function rehypeTableCaptions() {
  return (tree: Root) => captionTables(tree, undefined);
}
