/**
 * Content never runs code (CONTENT.md): every Markdown and MDX file under the content root —
 * plans, village notices, legal articles and any other — is parsed and checked against the body
 * rules (src/lib/markdown/body-rules.ts) before the build evaluates anything. A file outside the
 * collections is checked too: it costs little, and no file of the root is ever trusted.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Problem } from '../core/errors';
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
