/**
 * The compile guard: the build's own Markdown and MDX processor (src/integrations/markdown.ts,
 * the one astro.config.ts sets) refuses what the content check refuses, with the same rules,
 * so content code is never evaluated even if the check were bypassed. Documents are compiled
 * the way Astro compiles them (MDX through @astrojs/mdx's renderer, .md entries through the
 * Markdown renderer with the frontmatter cut off); nothing here skips the real processor.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { markdownProcessor } from '../../src/integrations/markdown';
import { ContentError } from '../../src/lib/core/errors';
import { bodyText } from '../../src/lib/checks/bodies';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'gkl-guard-'));
const processor = markdownProcessor(root);
const shared = { syntaxHighlight: false as const, shikiConfig: {}, gfm: true, smartypants: false };

function write(rel: string, text: string): string {
  const abs = path.join(root, rel);
  fs.mkdirSync(path.dirname(abs), { recursive: true });
  fs.writeFileSync(abs, text);
  return abs;
}

const FRONT = ['---', 'title: 测试', '---', ''];

/** Compiles an .mdx file as @astrojs/mdx does; resolves to the JS module, or rejects. */
async function compileMdx(rel: string, body: string[], frontmatter: Record<string, unknown> = { title: '测试' }) {
  const text = [...FRONT, ...body, ''].join('\n');
  const abs = write(rel, text);
  const renderer = await processor.createMdxRenderer!(shared, { optimize: false, srcDir: new URL(pathToFileURL(root).href + '/'), sourcemap: false });
  return renderer.process(bodyText(text), abs, frontmatter);
}

/** Renders a .md entry as Astro's content layer does: the body without its frontmatter, trimmed. */
async function renderMd(rel: string, body: string[]) {
  const text = [...FRONT, ...body, ''].join('\n');
  const abs = write(rel, text);
  const renderer = await processor.createRenderer(shared);
  return renderer.render(body.join('\n').trim(), { fileURL: pathToFileURL(abs), frontmatter: { title: '测试' } });
}

async function refusal(p: Promise<unknown>): Promise<ContentError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err, 'the compile must refuse').toBeInstanceOf(ContentError);
  return err as ContentError;
}

describe('the MDX compile refuses content code', () => {
  it('an import of node:fs and process.env never reach the compiled module', async () => {
    const err = await refusal(
      compileMdx('plans/steal.mdx', ['正文', '', "import fs from 'node:fs'", '', "{fs.readFileSync('/etc/passwd', 'utf8')} {process.env.DEPLOY_KEY}"]),
    );
    expect(err.problems.map((p) => [p.code, p.line])).toEqual([
      ['mdx/import', 7],
      ['mdx/expression', 9],
      ['mdx/expression', 9],
    ]);
    expect(err.message).toContain(`${path.join(root, 'plans/steal.mdx')}:7:1`);
    expect(err.message).toContain('正文里不能写 import');
    expect(err.message).toContain('no import in a body');
  });

  it('a layout named in the frontmatter is not imported', async () => {
    const err = await refusal(compileMdx('plans/layout.mdx', ['正文'], { title: '测试', layout: '../evil.mjs' }));
    expect(err.problems.map((p) => p.code)).toEqual(['mdx/layout']);
  });

  it('components, attributes and HTML follow the rules of the collection', async () => {
    const err = await refusal(
      compileMdx('legal/a.mdx', [
        '<LawCite name="中华人民共和国民法典" article={n} />',
        '',
        '<Evil />',
        '',
        '<iframe src="https://x.example/" />',
        '',
        '![](https://x.example/p.png)',
      ]),
    );
    expect(err.problems.map((p) => [p.code, p.line])).toEqual([
      ['mdx/attribute-expression', 5],
      ['mdx/unknown-component', 7],
      ['html/element', 9],
      ['html/url', 11],
    ]);
    // The same component in a plan: plans are rendered without components.
    expect((await refusal(compileMdx('plans/b.mdx', ['<Term def="d">t</Term>']))).problems.map((p) => p.code)).toEqual(['mdx/unknown-component']);
  });

  it('compiles what the rules allow, unchanged', async () => {
    const { code } = await compileMdx('legal/ok.mdx', [
      '{/* 注释 */}',
      '',
      '<LawCite name="中华人民共和国民法典" article={1165} />规定：<Term def="释义">过错</Term>。',
      '',
      '<abbr title="调委会">调委会</abbr>',
    ]);
    expect(code).toContain('中华人民共和国民法典');
    expect(code).toContain('1165');
  });
});

describe('the Markdown render refuses active HTML and unsafe addresses', () => {
  it('a script, an event attribute and a javascript: link, at the lines of the file', async () => {
    const err = await refusal(
      renderMd('disclosures/330000000001/2026-11-notice-a.md', [
        '公告',
        '',
        '<script>alert(1)</script>',
        '',
        '<b onclick="x">点</b> [链接](jav&#x61;script:alert(1))',
      ]),
    );
    expect(err.problems.map((p) => [p.code, p.line])).toEqual([
      ['html/element', 7],
      ['html/attribute', 9],
      ['html/url', 9],
    ]);
    expect(err.message).toContain(`${path.join(root, 'disclosures/330000000001/2026-11-notice-a.md')}:7`);
  });

  it('the raw-HTML guard alone refuses what would be copied as written', async () => {
    const { satteri } = await import('@astrojs/markdown-satteri');
    const { htmlGuard } = await import('../../src/lib/markdown/body-guard');
    const hastOnly = await satteri({ hastPlugins: [htmlGuard(root)] }).createRenderer(shared);
    const abs = write('plans/raw.md', '<meta http-equiv="refresh" content="0;url=https://x.example/">\n\n![](//x.example/p.png)\n');
    const err = await refusal(hastOnly.render(fs.readFileSync(abs, 'utf8'), { fileURL: pathToFileURL(abs), frontmatter: {} }));
    expect(err.problems.map((p) => [p.code, p.line])).toEqual([
      ['html/element', 1],
      ['html/url', 3],
    ]);
  });

  it('renders Markdown the processor writes itself: tables with alignment, task lists, footnotes', async () => {
    const { code } = await renderMd('plans/ok.md', [
      '| a | b |',
      '|:--|--:|',
      '| 1 | 2 |',
      '',
      '- [x] 完成',
      '',
      '脚注[^1]',
      '',
      '[^1]: 说明',
      '',
      '<p title="x">允许的 HTML</p>',
    ]);
    expect(code).toContain('<caption>表格</caption>');
    expect(code).toContain('type="checkbox"');
    expect(code).toContain('data-footnote-ref');
    expect(code).toContain('<p title="x">允许的 HTML</p>');
  });
});
