/**
 * The fast Markdown path must write what Astro's own pipeline writes (same plugins and options
 * as astro.config.ts), so a body renders the same whichever path it takes. Compared on the
 * generated benchmark articles, the sample .md articles and hand-written edge cases; markup is
 * compared after folding whitespace between tags and equivalent character references.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { beforeAll, describe, expect, it } from 'vitest';
import { needsAstroMarkdown, renderMarkdown } from '../../src/lib/markdown/render';
import { rehypeTableCaptions } from '../../src/lib/markdown/table-captions';
import { parseFrontmatterSource, isProblem } from '../../src/lib/content/source';
import { generateCorpus } from '../../scripts/bench/generate';

type Processor = Awaited<ReturnType<typeof createMarkdownProcessor>>;
let astro: Processor;
beforeAll(async () => {
  astro = await createMarkdownProcessor({ rehypePlugins: [rehypeTableCaptions], smartypants: false });
});

const fold = (html: string) =>
  html
    .replace(/>\s+</g, '><')
    .replace(/\s+/g, ' ')
    .replace(/&#x26;/g, '&amp;')
    .replace(/&#x3C;/g, '&lt;')
    .replace(/&quot;|&#x22;/g, '"')
    .trim();

async function expectSameAsAstro(body: string) {
  const theirs = await astro.render(body);
  const ours = renderMarkdown(body);
  expect(fold(ours.html)).toBe(fold(theirs.code));
  expect(ours.headings).toEqual(theirs.metadata.headings);
}

function bodyOf(file: string): string {
  const source = parseFrontmatterSource(fs.readFileSync(file, 'utf8'), file);
  if (isProblem(source)) throw new Error(source.what.en);
  return source.body;
}

const EDGE = `# 标题 \`代码\` 与 *强调*

一段文字，含**加粗**、~~删除线~~、[链接](https://example.gov.cn/a?b=1&c=2)、自动链接 https://www.gov.cn/zhengce/ 和邮箱 someone@example.com，<abbr title="社会治安综合治理">综治</abbr>。
第二行软换行。  
硬换行之后，"英文引号" -- 破折号... (c) 不被改写。

## 标题

> 引用里的一段。
>
> ### 引用里的标题
>
> | 甲 | 乙 |
> | --- | ---: |
> | 1 | 2 |

| 左 | 中 | 右 |
| :-- | :-: | --: |
| a & b | <b>c</b> | \\| 竖线 |

1. 第一项
   - 子项 A

     | 嵌套 | 表 |
     | --- | --- |
     | x | y |
2. 第二项

## 标题

<div class="note">原始 HTML 块</div>

---

| 标题前的表 |
| --- |
| 正文 |
`;

describe('markdown-it renders plain Markdown as Astro does', () => {
  it('on hand-written edge cases: headings (repeated, with code), GFM tables with alignment inside quotes and lists, raw HTML, breaks', async () => {
    await expectSameAsAstro(EDGE);
    await expectSameAsAstro(EDGE.split('\n---\n')[1]!); // a table with no heading above it: 表格
  });

  it('on the sample .md articles', async () => {
    const dir = path.resolve('content/legal');
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.md'));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) await expectSameAsAstro(bodyOf(path.join(dir, f)));
  });

  it('on generated benchmark articles (headings, lists, a table each)', async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'gkl-md-'));
    try {
      generateCorpus({ kind: 'comparison', docs: 25, out, seed: 7 });
      const dir = path.join(out, 'legal');
      for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.md'))) await expectSameAsAstro(bodyOf(path.join(dir, f)));
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });

  it('captions every table with the heading above it, in its container', () => {
    const html = renderMarkdown('## 活动安排\n\n| a |\n| - |\n| 1 |\n\n> ## 引用内\n\n| b |\n| - |\n| 2 |\n').html;
    expect([...html.matchAll(/<caption>([^<]*)<\/caption>/g)].map((m) => m[1])).toEqual(['活动安排', '活动安排']);
  });

  it('leaves what only Astro renders right to Astro', () => {
    expect(needsAstroMarkdown('正文 ![图](./a.png)')).toBe(true);
    expect(needsAstroMarkdown('正文[^1]\n\n[^1]: 注')).toBe(true);
    expect(needsAstroMarkdown('- [ ] 待办')).toBe(true);
    expect(needsAstroMarkdown('```js\nx\n```')).toBe(true);
    expect(needsAstroMarkdown('## 标题\n\n- 一项 [链接](https://a.cn)\n\n| a |\n| - |')).toBe(false);
  });
});
