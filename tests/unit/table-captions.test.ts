import { describe, expect, it } from 'vitest';
import type { Root } from 'hast';
import { rehypeTableCaptions } from '../../src/lib/markdown/table-captions';

const el = (tagName: string, children: Root['children'] = [], text?: string) =>
  ({ type: 'element', tagName, properties: {}, children: text ? [{ type: 'text', value: text }] : children }) as Root['children'][number];
const captions = (tree: Root) => JSON.stringify(tree).match(/"tagName":"caption"[^\]]*?"value":"([^"]*)"/g)?.map((m) => m.replace(/.*"value":"/, '').replace(/"$/, ''));

describe('table captions for Markdown tables', () => {
  it('captions a table with the heading it stands under, also inside other elements', () => {
    const tree: Root = { type: 'root', children: [el('h2', [], '活动安排'), el('p', [], '说明'), el('table', [el('tbody')]), el('h2', [], '联系'), el('div', [el('table', [el('tbody')])])] };
    rehypeTableCaptions()(tree);
    expect(captions(tree)).toEqual(['活动安排', '联系']);
  });

  it('leaves an existing caption alone and falls back to 表格 without a heading', () => {
    const tree: Root = { type: 'root', children: [el('table', [el('caption', [], '已有'), el('tbody')]), el('table', [el('tbody')])] };
    rehypeTableCaptions()(tree);
    expect(captions(tree)).toEqual(['已有', '表格']);
  });
});
