/**
 * The statutes in the shared corpus (LAW_CORPUS, default /work/shared/corpus/laws): read in
 * place, never copied into the repository. Tests that need them skip when it is absent.
 */
import fs from 'node:fs';
import path from 'node:path';

export const CORPUS = process.env.LAW_CORPUS ?? '/work/shared/corpus/laws';
export const hasCorpus = fs.existsSync(CORPUS);

export interface Statute {
  /** Full title from the file's first heading, e.g. 中华人民共和国禁毒法. */
  title: string;
  file: string;
  /** Article headings in file order: 第一条, 第二条 … */
  headings: string[];
  /** Text of each article by its heading. */
  text: Map<string, string>;
}

const HEADING = /^(第[零一二三四五六七八九十百千]+条)[ \u3000]/;

export function readStatutes(): Statute[] {
  if (!hasCorpus) return [];
  return fs
    .readdirSync(CORPUS)
    .filter((f) => f.endsWith('.md') && f !== 'SOURCES.md')
    .sort()
    .map((f) => {
      const lines = fs.readFileSync(path.join(CORPUS, f), 'utf8').split('\n');
      const title = (lines.find((l) => l.startsWith('# ')) ?? '').slice(2).trim();
      const headings: string[] = [];
      const text = new Map<string, string>();
      let current: string | undefined;
      for (const line of lines) {
        const m = HEADING.exec(line);
        if (m) {
          current = m[1]!;
          headings.push(current);
          text.set(current, line);
        } else if (current && !line.startsWith('#')) {
          text.set(current, `${text.get(current)!}\n${line}`);
        } else if (line.startsWith('#')) current = undefined;
      }
      return { title, file: f, headings, text };
    });
}
