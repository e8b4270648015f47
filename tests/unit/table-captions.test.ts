import { describe, expect, it } from 'vitest';
import { markdownToHtml } from 'satteri';
import { tableCaptions } from '../../src/lib/markdown/table-captions';

/** Renders Markdown with Sätteri and the plugin, as Astro does for .md and .mdx bodies. */
async function captions(markdown: string): Promise<string[]> {
  const { html } = await markdownToHtml(markdown, { hastPlugins: [tableCaptions] });
  return [...html.matchAll(/<caption>([^<]*)<\/caption>/g)].map((m) => m[1] ?? '');
}

const table = '| 时间 | 内容 |\n| --- | --- |\n| 上午 | 宣讲 |\n';

describe('table captions for Markdown tables', () => {
  it('captions a table with the heading above it, also inside other elements', async () => {
    expect(await captions(`## 活动安排\n\n说明\n\n${table}\n## 联系\n\n> ${table.replaceAll('\n', '\n> ')}`)).toEqual(['活动安排', '联系']);
  });

  it('keeps the text of emphasised headings and falls back to 表格 without a heading', async () => {
    expect(await captions(`${table}\n### **重点**事项\n\n${table}`)).toEqual(['表格', '重点事项']);
  });

  it('leaves a table that already has a caption alone', async () => {
    const { html } = await markdownToHtml('<table><caption>已有</caption><tr><td>1</td></tr></table>\n', { hastPlugins: [tableCaptions] });
    expect(html.match(/<caption>/g)).toHaveLength(1);
    expect(html).toContain('<caption>已有</caption>');
  });
});
