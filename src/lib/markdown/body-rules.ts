/**
 * Content never runs code (CONTENT.md): what a Markdown or MDX body may contain, decided on the
 * parsed document before anything is evaluated. An MDX body is a program — `import`/`export`
 * run modules on the build machine, `{…}` expressions run JavaScript there, a component name
 * or a spread attribute reaches into the build's scope — so a body may use only the site's own
 * components, with literal attribute values (a quoted string, or a number or boolean in braces
 * such as `article={2}`), and HTML only from the allowlist in html-policy.ts. Markdown links and
 * images follow the same address rules.
 *
 * One rule, two users: the content check walks the whole tree (checks/bodies.ts), and the
 * compile guard (body-guard.ts) calls `nodeRefusals` from Sätteri's visitors, so the build
 * refuses the same things even if the check were bypassed. Both parse with Sätteri, the parser
 * that compiles the site's Markdown and MDX, so the check sees what the compiler sees.
 */
import { markdownToMdast, mdxToMdast } from 'satteri';
import { bi } from '../core/errors';
import { mdxMessageZh } from '../core/parser-messages';
import { elementFindings, linkFinding, rawHtmlFindings, resourceFinding, type AttributeValue, type Finding, type Refusal } from './html-policy';

export type { Finding } from './html-policy';

export type BodyFormat = 'md' | 'mdx';

/**
 * The site's own components, with the attributes each takes: what src/town/pages/legal/[slug].astro
 * passes to an article's <Content components>. Plans and notices are rendered without any.
 */
export const LEGAL_COMPONENTS: Readonly<Record<string, readonly string[]>> = {
  LawCite: ['name', 'article'],
  Case: ['title'],
  Term: ['def'],
};

/** The components a document may use, by where it is in the content root: an article is `legal/<slug>.mdx`. */
export function componentsFor(docPath: string): Readonly<Record<string, readonly string[]>> {
  return /^legal\/[^/]+$/.test(docPath) ? LEGAL_COMPONENTS : {};
}

export interface BodyContext {
  format: BodyFormat;
  components: Readonly<Record<string, readonly string[]>>;
  /** The document's path inside the content root, with `/` (for relative image paths). */
  docPath?: string;
  /** Link reference definitions of the document, by identifier (lower-cased), for image references. */
  definitions?: ReadonlyMap<string, string>;
}

interface Point {
  line: number;
  column: number;
}

/** The parts of an mdast node the rules read (Sätteri's nodes have these shapes). */
export interface BodyNode {
  type: string;
  position?: { start: Point; end?: Point } | null;
  value?: unknown;
  name?: string | null;
  attributes?: ReadonlyArray<{ type: string; name?: string; value?: unknown }>;
  url?: string;
  identifier?: string;
  children?: readonly BodyNode[];
}

const componentList = (ctx: BodyContext) => Object.keys(ctx.components).map((c) => `<${c}>`);

/** `{/* … *\/}` is how MDX writes a comment: allowed, it runs nothing. Anything else is code. */
export function isCommentOnly(source: string): boolean {
  let i = 0;
  while (i < source.length) {
    const rest = source.slice(i);
    const space = /^\s+/.exec(rest);
    if (space) i += space[0].length;
    else if (rest.startsWith('/*')) {
      const end = source.indexOf('*/', i + 2);
      if (end < 0) return false;
      i = end + 2;
    } else if (rest.startsWith('//')) {
      const end = source.indexOf('\n', i);
      i = end < 0 ? source.length : end + 1;
    } else return false;
  }
  return true;
}

/** A number or a boolean written in braces: `article={2}`, `open={true}`. */
function literalExpression(source: string): number | boolean | undefined {
  const s = source.trim();
  if (s === 'true') return true;
  if (s === 'false') return false;
  return /^-?\d+(?:\.\d+)?$/.test(s) ? Number(s) : undefined;
}

/** What the author wrote, shortened for a message (a body may hold personal data: keep it short). */
function excerpt(source: string, max = 24): string {
  const one = source.replace(/\s+/g, ' ').trim();
  return [...one].length > max ? `${[...one].slice(0, max).join('')}…` : one;
}

function at(node: BodyNode, r: Refusal): Finding {
  return { ...r, line: node.position?.start.line, column: node.position?.start.column };
}

function esmRefusal(node: BodyNode): Refusal {
  const source = String(node.value ?? '').trim();
  const isImport = /^import\b/.test(source);
  return isImport
    ? {
        code: 'mdx/import',
        what: bi(
          `正文里不能写 import（“${excerpt(source)}”）：它会在生成网站的电脑上加载并运行程序`,
          `no import in a body ("${excerpt(source)}"): it loads and runs a program on the machine that builds the site`,
        ),
        fix: bi('删去这一行；网站的组件不需要 import 就能用', 'delete the line; the site’s components need no import'),
      }
    : {
        code: 'mdx/export',
        what: bi(
          `正文里不能写 export（“${excerpt(source)}”）：它会在生成网站的电脑上运行程序`,
          `no export in a body ("${excerpt(source)}"): it runs a program on the machine that builds the site`,
        ),
        fix: bi('删去这一行；标题、日期等写在文件开头的元数据里', 'delete the line; titles, dates and the like go in the frontmatter'),
      };
}

function expressionRefusal(source: string): Refusal {
  return {
    code: 'mdx/expression',
    what: bi(
      `正文里不能写 {…} 表达式（“{${excerpt(source)}}”）：它会在生成网站的电脑上运行程序`,
      `no {…} expression in a body ("{${excerpt(source)}}"): it runs a program on the machine that builds the site`,
    ),
    fix: bi(
      '把内容直接写成文字；要显示花括号本身，写成 \\{ 和 \\}；注释写成 {/* 注释 */}',
      'write the text itself; to show a brace write \\{ and \\}; write a comment as {/* comment */}',
    ),
  };
}

type JsxAttribute = NonNullable<BodyNode['attributes']>[number];

/** Each attribute as a literal value, or the refusal of a spread or a non-literal expression. */
function jsxAttributes(tag: string, attributes: readonly JsxAttribute[]): { values: Array<[string, AttributeValue]>; refusals: Refusal[] } {
  const values: Array<[string, AttributeValue]> = [];
  const refusals: Refusal[] = [];
  for (const a of attributes) {
    if (a.type === 'mdxJsxExpressionAttribute') {
      refusals.push({
        code: 'mdx/spread',
        what: bi(
          `<${tag}> 上不能写 {${excerpt(String(a.value ?? ''))}}：它会在生成网站的电脑上运行程序`,
          `no {${excerpt(String(a.value ?? ''))}} on <${tag}>: it runs a program on the machine that builds the site`,
        ),
        fix: bi('把每个属性分开写成 名称="值"', 'write each attribute as name="value"'),
      });
      continue;
    }
    const name = a.name ?? '';
    const v = a.value;
    if (v === null || v === undefined) values.push([name, true]);
    else if (typeof v === 'string') values.push([name, v]);
    else {
      const source = String((v as { value?: unknown }).value ?? '');
      const literal = literalExpression(source);
      if (literal === undefined) {
        refusals.push({
          code: 'mdx/attribute-expression',
          what: bi(
            `<${tag}> 的属性 ${name}={${excerpt(source)}} 不是字面值：花括号里只能写数字或 true/false`,
            `<${tag}> ${name}={${excerpt(source)}} is not a literal: braces may hold only a number or true/false`,
          ),
          fix: bi(`文字写成 ${name}="文字"，数字写成 ${name}={2}`, `write text as ${name}="text" and numbers as ${name}={2}`),
        });
      } else values.push([name, literal]);
    }
  }
  return { values, refusals };
}

function jsxRefusals(node: BodyNode, ctx: BodyContext): Refusal[] {
  const name = node.name;
  if (!name) return []; // <>…</>: a fragment only groups its children
  const { values, refusals } = jsxAttributes(name, node.attributes ?? []);
  const isComponent = /^[A-Z]/.test(name) || /[.:]/.test(name);
  if (!isComponent) return [...refusals, ...elementFindings(name, values, { docPath: ctx.docPath })];
  const props = Object.hasOwn(ctx.components, name) ? ctx.components[name] : undefined;
  if (!props) {
    const list = componentList(ctx);
    return [
      {
        code: 'mdx/unknown-component',
        what: bi(`没有名为 <${name}> 的组件`, `there is no component <${name}>`),
        fix: list.length
          ? bi(`可用的组件：${list.join('、')}（区分大小写，不需要 import）`, `use one of ${list.join(', ')} (case matters; no import needed)`)
          : bi(
              '这类文件不能使用组件；把它写成文字、Markdown 表格或列表',
              'this kind of file takes no components; write it as text, a Markdown table or a list',
            ),
      },
      ...refusals,
    ];
  }
  for (const [attr] of values) {
    if (props.includes(attr)) continue;
    refusals.push({
      code: 'mdx/attribute',
      what: bi(`<${name}> 没有属性 ${attr}`, `<${name}> takes no attribute ${attr}`),
      fix: bi(`删去 ${attr}；<${name}> 只有：${props.join('、')}`, `remove ${attr}; <${name}> takes only: ${props.join(', ')}`),
    });
  }
  return refusals;
}

/** Raw HTML in a .md body, each refusal placed at its tag's line and column. */
function htmlRefusals(node: BodyNode, ctx: BodyContext): Finding[] {
  const html = String(node.value ?? '');
  const start = node.position?.start;
  const componentNames = new Map(Object.keys(ctx.components).map((c) => [c.toLowerCase(), c]));
  return rawHtmlFindings(html, { docPath: ctx.docPath }).map(({ offset, ...r }) => {
    let line = start?.line;
    let column = start?.column;
    if (start && offset !== undefined) {
      const before = html.slice(0, offset);
      const nl = before.lastIndexOf('\n');
      line = start.line + (before.match(/\n/g)?.length ?? 0);
      column = nl < 0 ? start.column + offset : offset - nl;
    }
    const tag = /^<([a-z][a-z0-9-]*)/.exec(html.slice(offset ?? 0).toLowerCase())?.[1];
    const component = r.code === 'html/element' && tag ? componentNames.get(tag) : undefined;
    if (component) {
      return {
        code: 'mdx/component-in-md',
        what: bi(`.md 文件不能使用组件 <${component}>`, `a .md file cannot use the component <${component}>`),
        fix: bi('把文件扩展名改为 .mdx', 'rename the file to .mdx'),
        line,
        column,
      };
    }
    return { ...r, line, column };
  });
}

/**
 * Every refusal for one node of a parsed body (not its children). The compile guard calls this
 * from Sätteri's visitors; `bodyRefusals` calls it for every node of the tree.
 */
export function nodeRefusals(node: BodyNode, ctx: BodyContext): Finding[] {
  switch (node.type) {
    case 'mdxjsEsm':
      return [at(node, esmRefusal(node))];
    case 'mdxFlowExpression':
    case 'mdxTextExpression': {
      const source = String(node.value ?? '');
      return isCommentOnly(source) ? [] : [at(node, expressionRefusal(source))];
    }
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement':
      return jsxRefusals(node, ctx).map((r) => at(node, r));
    case 'html':
      return ctx.format === 'md' ? htmlRefusals(node, ctx) : [];
    case 'link':
    case 'definition': {
      const r = linkFinding(node.url ?? '');
      return r ? [at(node, r)] : [];
    }
    case 'image': {
      const r = resourceFinding(node.url ?? '', { docPath: ctx.docPath });
      return r ? [at(node, r)] : [];
    }
    case 'imageReference': {
      const url = ctx.definitions?.get((node.identifier ?? '').toLowerCase());
      const r = url === undefined ? undefined : resourceFinding(url, { docPath: ctx.docPath });
      return r ? [at(node, r)] : [];
    }
    default:
      return [];
  }
}

/**
 * `layout:` in an MDX file's frontmatter makes the compiler import that file as the page's
 * layout, running it at build time: content never names code.
 */
export function frontmatterRefusal(frontmatter: unknown): Refusal | undefined {
  if (!frontmatter || typeof frontmatter !== 'object' || !Object.hasOwn(frontmatter, 'layout')) return undefined;
  return {
    code: 'mdx/layout',
    what: bi('元数据里不能写 layout：它会让生成网站的电脑加载并运行另一个文件', 'no layout in the frontmatter: it makes the build load and run another file'),
    fix: bi('删去 layout 这一行；页面的样子由网站决定', 'delete the layout line; the site decides how pages look'),
  };
}

/** MDX the parser cannot read is refused with the parser's own place and reason. */
function syntaxFinding(err: unknown): Finding {
  const message = err instanceof Error ? err.message : String(err);
  const m = /^(\d+):(\d+):\s*(.*)$/s.exec(message);
  return {
    code: 'mdx/syntax',
    line: m ? Number(m[1]) : undefined,
    column: m ? Number(m[2]) : undefined,
    what: bi(`MDX 写法有误，无法读取：${mdxMessageZh(m ? (m[3] ?? '') : message)}`, `the MDX cannot be parsed (${m ? m[3] : message})`),
    fix: bi(
      '检查这一行的 < > { } 是否成对；要写 < 或 { 本身，在前面加 \\（如 \\< 、\\{）；注释写成 {/* 注释 */}',
      'check that < > { } on this line pair up; to show < or { itself write \\< or \\{; write a comment as {/* comment */}',
    ),
  };
}

/**
 * Every refusal in one body. `text` is the body with its frontmatter blanked out line for
 * line (as Astro's MDX compile sees it), so lines are the file's lines.
 */
export function bodyRefusals(text: string, ctx: Omit<BodyContext, 'definitions'>): Finding[] {
  let tree: BodyNode;
  try {
    tree = (ctx.format === 'mdx' ? mdxToMdast(text) : markdownToMdast(text)) as BodyNode;
  } catch (err) {
    return [syntaxFinding(err)];
  }
  const definitions = new Map<string, string>();
  const collect = (node: BodyNode) => {
    if (node.type === 'definition' && node.identifier !== undefined && node.url !== undefined) definitions.set(node.identifier.toLowerCase(), node.url);
    node.children?.forEach(collect);
  };
  collect(tree);
  const full: BodyContext = { ...ctx, definitions };
  const findings: Finding[] = [];
  const walk = (node: BodyNode) => {
    const own = nodeRefusals(node, full);
    findings.push(...own);
    // Inside a refused HTML element, one report is enough.
    if (own.some((f) => f.code === 'html/element')) return;
    node.children?.forEach(walk);
  };
  walk(tree);
  return findings;
}
