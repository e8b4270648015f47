/**
 * The compile's own guard (CONTENT.md "Content never runs code"): Sätteri plugins that refuse,
 * inside the Markdown and MDX compile, what the content check refuses — with the same rules
 * (body-rules.ts, html-policy.ts) — so the build never evaluates content code nor copies active
 * HTML into a page even if the check were bypassed (a file changed after the check, a cached
 * entry of another root, a build started some other way). Nothing is stripped: the compile
 * stops with every refusal of the document, named by file and line, and nothing is published.
 *
 * - `bodyGuard` (mdastPlugins, first): `import`/`export`, `{…}` expressions, components and
 *   HTML elements, `layout:` in the frontmatter, link and image addresses — for .md and .mdx.
 * - `htmlGuard` (hastPlugins, first): the HTML that will be written as it is (raw HTML of .md
 *   files) against the allowlist, and the addresses of every element the processor wrote.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HastPluginDefinition, MdastPluginDefinition, PluginFactoryContext } from 'satteri';
import { displayPath } from '../content/root';
import { ContentError, type Problem } from '../core/errors';
import { componentsFor, frontmatterRefusal, nodeRefusals, type BodyContext, type BodyNode, type Finding } from './body-rules';
import { elementFindings, rawHtmlFindings, type AttributeValue } from './html-policy';

interface GuardedDocument {
  ctx: BodyContext;
  display: string;
  /** Lines Astro cut off the top before compiling (a .md entry's frontmatter), to name file lines. */
  lineOffset: number;
}

/**
 * How many lines of the file come before the text compiled: MDX is compiled with its frontmatter
 * blanked out (same length, none), a .md entry with it removed and the rest trimmed.
 */
export function linesCutOff(file: string, compiled: string): number {
  if (file.length === compiled.length || compiled.trim() === '') return 0;
  // The compiled text ends where the file's text ends (only whitespace follows), so its last
  // occurrence in the file is where it starts.
  const at = file.lastIndexOf(compiled);
  return at < 0 ? 0 : (file.slice(0, at).match(/\n/g) ?? []).length;
}

function documentOf(factory: PluginFactoryContext, root: string): GuardedDocument {
  const abs = factory.fileURL ? fileURLToPath(factory.fileURL) : undefined;
  const rel = abs ? path.relative(root, abs) : undefined;
  const docPath = rel !== undefined && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : undefined;
  let lineOffset = 0;
  if (abs) {
    try {
      lineOffset = linesCutOff(fs.readFileSync(abs, 'utf8'), factory.source);
    } catch {
      // not a file on disk: name the lines as compiled
    }
  }
  // A document outside the content root (the site's own files, or an entry some cache kept from
  // another root) takes the components of the folder it is in, and no image beside it is trusted.
  const place = docPath ?? (abs ? `${path.basename(path.dirname(abs))}/${path.basename(abs)}` : '');
  return {
    ctx: { format: factory.sourceFormat === 'mdx' ? 'mdx' : 'md', components: componentsFor(place), docPath },
    display: abs ? displayPath(abs) : '(Markdown)',
    lineOffset,
  };
}

function placed(doc: GuardedDocument, f: Finding, position?: { start?: { line: number; column: number } } | null): Problem {
  const line = f.line ?? position?.start?.line;
  const column = f.line !== undefined ? f.column : position?.start?.column;
  return { file: doc.display, line: line === undefined ? undefined : line + doc.lineOffset, column, code: f.code, what: f.what, fix: f.fix };
}

/** Throws every refusal of the document at once, in the report officials know from `npm run check`. */
function refuse(problems: Problem[]): void {
  if (problems.length > 0) throw new ContentError(problems);
}

/** `satteri({ mdastPlugins: [bodyGuard(contentRoot), …] })` */
export function bodyGuard(root: string) {
  return (factory: PluginFactoryContext): MdastPluginDefinition => {
    const doc = documentOf(factory, root);
    const problems: Problem[] = [];
    const visit = (node: unknown) => {
      for (const f of nodeRefusals(node as BodyNode, doc.ctx)) problems.push(placed(doc, f));
    };
    return {
      name: 'gongkailan:body-guard',
      options: { position: true },
      before(_root, ctx) {
        const r = frontmatterRefusal((ctx.data as { astro?: { frontmatter?: unknown } }).astro?.frontmatter);
        if (r) problems.push({ file: doc.display, ...r });
      },
      mdxjsEsm: visit,
      mdxFlowExpression: visit,
      mdxTextExpression: visit,
      mdxJsxFlowElement: visit,
      mdxJsxTextElement: visit,
      html: visit,
      link: visit,
      definition: visit,
      image: visit,
      after() {
        refuse(problems);
      },
    };
  };
}

/** `satteri({ hastPlugins: [htmlGuard(contentRoot), …] })` */
export function htmlGuard(root: string) {
  return (factory: PluginFactoryContext): HastPluginDefinition => {
    const doc = documentOf(factory, root);
    const problems: Problem[] = [];
    return {
      name: 'gongkailan:html-guard',
      options: { position: true },
      raw(node) {
        for (const { offset: _offset, ...f } of rawHtmlFindings(node.value, { docPath: doc.ctx.docPath })) problems.push(placed(doc, f, node.position));
      },
      element: {
        filter: [],
        visit(node) {
          const attrs = Object.entries(node.properties ?? {}) as Array<[string, AttributeValue]>;
          // The processor's own elements (table cells with text-align, task-list checkboxes, footnotes): addresses only.
          for (const f of elementFindings(node.tagName, attrs, { docPath: doc.ctx.docPath }, false)) problems.push(placed(doc, f, node.position));
        },
      },
      after() {
        refuse(problems);
      },
    };
  };
}
