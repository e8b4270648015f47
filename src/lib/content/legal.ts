/**
 * Reads `legal/<slug>.mdx` (or `.md`): legal-education articles, each parsed against its
 * schema with positions kept, so checks can point at `file:line` in frontmatter and body.
 */
import fs from 'node:fs';
import path from 'node:path';
import { bi, type Problem } from '../core/errors';
import { legalSchema, type LegalFrontmatter } from '../schemas/legal';
import { parseWith } from './parse';
import { legalFileNameProblem } from './file-names';
import { displayPath } from './root';
import { isRefused, readContentText, type ContentTree } from './read';
import { isProblem, parseFrontmatterSource, type FrontmatterSource } from './source';

export interface LegalSource {
  slug: string;
  /** Absolute path of the file. */
  abs: string;
  /** `mdx` articles may use the author components; `md` ones may not. */
  ext: 'md' | 'mdx';
  source: FrontmatterSource;
  data: LegalFrontmatter;
}


export function loadLegal(root: string, tree: ContentTree, problems: Problem[]): LegalSource[] {
  const dir = path.join(root, 'legal');
  if (!fs.existsSync(dir)) return [];
  const articles: LegalSource[] = [];
  const seen = new Map<string, string>();
  const files = fs
    .readdirSync(dir)
    .filter((f) => /\.mdx?$/.test(f))
    .sort();
  for (const f of files) {
    const abs = path.join(dir, f);
    if (isRefused(tree, abs)) continue;
    const display = displayPath(abs);
    const slug = f.replace(/\.mdx?$/, '');
    const badName = legalFileNameProblem(f, display);
    if (badName) {
      problems.push(badName);
      continue;
    }
    if (seen.has(slug)) {
      problems.push({
        file: display,
        code: 'legal/duplicate-slug',
        what: bi(`与 ${seen.get(slug)} 的网址相同`, `same URL as ${seen.get(slug)}`),
        fix: bi('删除其中一个文件，或改名', 'delete or rename one of the two files'),
      });
      continue;
    }
    seen.set(slug, display);
    const text = readContentText(tree, abs, display);
    if (text === undefined) continue;
    const source = isProblem(text) ? text : parseFrontmatterSource(text, display);
    if (isProblem(source)) {
      problems.push(source);
      continue;
    }
    const { data, problems: p } = parseWith(legalSchema, source);
    problems.push(...p);
    if (data) articles.push({ slug, abs, ext: f.endsWith('.mdx') ? 'mdx' : 'md', source, data });
  }
  return articles;
}
