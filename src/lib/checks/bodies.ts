/**
 * Content never runs code (CONTENT.md): every Markdown and MDX file under the content root —
 * plans, village notices, legal articles and any other — is parsed and checked against the body
 * rules (src/lib/markdown/body-rules.ts) before the build evaluates anything. A file outside the
 * collections is checked too: it costs little, and no file of the root is ever trusted.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Problem } from '../core/errors';
import { defineRule, doc, type CodedProblem } from './rule';
import { isProblem, parseFrontmatterSource, splitFrontmatter } from '../content/source';
import { problemAt } from '../content/parse';
import { bodyRefusals, componentsFor, frontmatterRefusal, type BodyFormat } from '../markdown/body-rules';

const BODY_FILE = /\.mdx?$/i;

/** The body as Astro's compile sees it: the frontmatter blanked out, line for line. */
export function bodyText(text: string): string {
  const parts = splitFrontmatter(text);
  return parts ? '\n'.repeat(parts.bodyLine - 1) + parts.body : text;
}

/** The refusals of one file's text, as Problems naming `display`. */
export function checkBodyFile(text: string, docPath: string, display: string): Problem[] {
  const format: BodyFormat = docPath.toLowerCase().endsWith('.mdx') ? 'mdx' : 'md';
  const problems: Problem[] = [];
  const yaml = splitFrontmatter(text)?.yaml ?? '';
  // Reading YAML costs more than the whole body check, so only a frontmatter that could name a
  // `layout` key is read: the word itself, or an escape (`"\x6cayout"`) that could spell it.
  if (yaml.includes('layout') || yaml.includes('\\')) {
    const source = parseFrontmatterSource(text, display);
    // A frontmatter that cannot be read is reported by the loader of that kind of file.
    const r = isProblem(source) ? undefined : frontmatterRefusal(source.data);
    if (r && !isProblem(source)) problems.push(problemAt(source, ['layout'], r));
  }
  for (const f of bodyRefusals(bodyText(text), { format, components: componentsFor(docPath), docPath })) {
    problems.push({ file: display, line: f.line, column: f.column, code: f.code, what: f.what, fix: f.fix });
  }
  return problems;
}

/** Every .md and .mdx file under the root. */
export function checkBodies(root: string, display: (abs: string) => string): Problem[] {
  if (!fs.existsSync(root)) return [];
  const rels = (fs.readdirSync(root, { recursive: true }) as string[]).filter((f) => BODY_FILE.test(f) && fs.statSync(path.join(root, f)).isFile()).sort();
  return rels.flatMap((rel) => {
    const abs = path.join(root, rel);
    return checkBodyFile(fs.readFileSync(abs, 'utf8'), rel.split(path.sep).join('/'), display(abs));
  });
}

/** Content never runs code (CONTENT.md); the refusals are written in src/lib/markdown/body-rules.ts and html-policy.ts. */
const CODES = {
  'mdx/import': doc(
    '正文不能 import（内容不运行代码）',
    'a body never imports (content never runs code)',
    '删除 import 行；可用的组件无需导入',
    'delete the import; the components you may use need none',
  ),
  'mdx/export': doc('正文不能 export', 'a body never exports', '删除 export 行', 'delete the export'),
  'mdx/expression': doc(
    '正文不能有 {表达式}',
    'a body has no {expression}',
    '删除花括号，或把文字写成普通文本',
    'remove the braces, or write the text as plain text',
  ),
  'mdx/spread': doc('组件属性不能用 {...展开}', 'no {...spread} in component attributes', '逐个写出属性', 'write each attribute out'),
  'mdx/attribute-expression': doc(
    '组件属性只能是文字或数字',
    'component attributes are only text or numbers',
    '把属性写成 "文字" 或 {数字}',
    'write the attribute as "text" or {number}',
    'only the legal components take attributes, and each attribute also fails its own rule (legal/*) when it is not a literal; tests/unit/body-guard.test.ts',
  ),
  'mdx/unknown-component': doc(
    '正文只用网站提供的组件',
    'a body uses only the components the site has',
    '改用允许的组件，或删除',
    'use an allowed component, or remove it',
  ),
  'mdx/attribute': doc('组件只用其允许的属性', 'a component has only its allowed attributes', '删除不允许的属性', 'remove the attribute'),
  'mdx/component-in-md': doc(
    '组件只能写在 .mdx 文件中',
    'components are only for .mdx files',
    '把文件改为 .mdx，或删除组件',
    'rename the file to .mdx, or remove the component',
  ),
  'mdx/layout': doc('前言中不能指定 layout', 'frontmatter never names a layout', '删除 layout', 'delete layout'),
  'mdx/syntax': doc('正文能被解析', 'a body can be parsed', '按报告的位置改正写法', 'correct the syntax where the report says'),
  'html/element': doc(
    '正文中只用允许的 HTML 元素（不运行脚本）',
    'a body uses only allowed HTML elements (no script)',
    '删除该元素，改用 Markdown 写法',
    'remove the element; write Markdown instead',
  ),
  'html/attribute': doc(
    'HTML 元素只用允许的属性（不含事件、样式）',
    'HTML elements carry only allowed attributes (no events, no style)',
    '删除该属性',
    'remove the attribute',
  ),
  'html/url': doc(
    '链接和图片地址只用 http(s)、mailto、tel 或本站地址',
    'links and images use only http(s), mailto, tel or addresses of this site',
    '改用安全的网址',
    'use a safe address',
  ),
} as const;
type BodyCode = keyof typeof CODES;

export const bodyRules = defineRule({
  name: 'bodies',
  codes: CODES,
  // The body rules report only the codes above (tests/unit/rules.test.ts reads their source).
  check: (content, ctx) => checkBodies(content.root, ctx.display) as Array<CodedProblem<BodyCode>>,
});
