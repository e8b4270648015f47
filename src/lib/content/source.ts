/**
 * Reads content files as officials wrote them, keeping positions so every problem can name
 * `file:line`. JSON is checked with the strict JSON parser first (so YAML leniency never
 * accepts bad JSON), then re-read with the YAML parser, whose nodes carry source ranges.
 */
import { LineCounter, parseDocument, isMap, isSeq, type Document, type Node } from 'yaml';
import { bi, type Problem } from '../errors';

export type Locate = (path: ReadonlyArray<string | number>) => { line: number; column: number } | undefined;

export interface SourceFile {
  /** Path shown to officials (relative to the working directory). */
  display: string;
  data: unknown;
  locate: Locate;
}

function locator(doc: Document, counter: LineCounter, lineOffset: number): Locate {
  return (path) => {
    // Walk as deep as the path exists: a missing field points at its parent.
    for (let depth = path.length; depth >= 0; depth--) {
      const node = depth === 0 ? doc.contents : (doc.getIn(path.slice(0, depth), true) as Node | undefined);
      if (node && typeof node === 'object' && 'range' in node && node.range) {
        const pos = counter.linePos(node.range[0]);
        return { line: pos.line + lineOffset, column: pos.col };
      }
      // A scalar key whose value is null has no node; try the pair key instead.
      if (depth > 0) {
        const parent = depth === 1 ? doc.contents : (doc.getIn(path.slice(0, depth - 1), true) as Node | undefined);
        const key = path[depth - 1];
        if (isMap(parent)) {
          const pair = parent.items.find((p) => (p.key as { value?: unknown } | null)?.value === key);
          const keyNode = pair?.key as Node | undefined;
          if (keyNode?.range) {
            const pos = counter.linePos(keyNode.range[0]);
            return { line: pos.line + lineOffset, column: pos.col };
          }
        } else if (isSeq(parent) && typeof key === 'number') {
          continue;
        }
      }
    }
    return undefined;
  };
}

function offsetToLineCol(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/** Parses a JSON file; on a syntax error returns a Problem pointing at the line. */
export function parseJsonSource(textContent: string, display: string): SourceFile | Problem {
  let data: unknown;
  try {
    data = JSON.parse(textContent);
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    const pos = /position (\d+)/.exec(msg);
    const where = pos ? offsetToLineCol(textContent, Number(pos[1])) : {};
    return {
      file: display,
      ...where,
      code: 'json/syntax',
      what: bi(`JSON 格式错误：${msg}`, `invalid JSON: ${msg}`),
      fix: bi(
        '检查该行附近的逗号、引号和括号是否成对；金额也要加引号，如 "120.00"',
        'check commas, quotes and brackets near that line; money values are quoted strings',
      ),
    };
  }
  const counter = new LineCounter();
  const doc = parseDocument(textContent, { lineCounter: counter, uniqueKeys: false });
  return { display, data, locate: locator(doc, counter, 0) };
}

export interface FrontmatterSource extends SourceFile {
  body: string;
  /** 1-based line where the body starts. */
  bodyLine: number;
}

const FENCE = /^---[ \t]*\r?$/;

/** The `---` fenced frontmatter block and the body after it, unparsed; undefined when there is none. */
export function splitFrontmatter(textContent: string): { yaml: string; body: string; bodyLine: number } | undefined {
  const lines = textContent.split('\n');
  if (!FENCE.test(lines[0] ?? '')) return undefined;
  const end = lines.findIndex((l, i) => i > 0 && FENCE.test(l));
  if (end < 0) return undefined;
  return { yaml: lines.slice(1, end).join('\n'), body: lines.slice(end + 1).join('\n'), bodyLine: end + 2 };
}

/**
 * Splits a Markdown/MDX file into YAML frontmatter and body. YAML is read with the YAML 1.2
 * core schema, so `2026-06-20` stays a string and an impossible date is reported, not rolled over.
 */
export function parseFrontmatterSource(textContent: string, display: string): FrontmatterSource | Problem {
  const noFrontmatter: Problem = {
    file: display,
    line: 1,
    code: 'frontmatter/missing',
    what: bi('文件开头缺少以 --- 包围的元数据（frontmatter）', 'the file does not start with a --- fenced frontmatter block'),
    fix: bi('在文件第一行写 ---，然后写元数据，再用一行 --- 结束', 'start the file with a --- line, the metadata, then a closing --- line'),
  };
  const parts = splitFrontmatter(textContent);
  if (!parts) return noFrontmatter;
  const counter = new LineCounter();
  const doc = parseDocument(parts.yaml, { lineCounter: counter, prettyErrors: false });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    const pos = counter.linePos(e.pos[0]);
    return {
      file: display,
      line: pos.line + 1,
      column: pos.col,
      code: 'frontmatter/syntax',
      what: bi(`元数据（YAML）格式错误：${e.message.split('\n')[0]}`, `frontmatter YAML syntax error: ${e.message.split('\n')[0]}`),
      fix: bi('检查该行的缩进、冒号后的空格和引号；同一字段不能写两次', 'check indentation, the space after colons and quotes; a field may appear only once'),
    };
  }
  return {
    display,
    data: doc.toJS() ?? {},
    locate: locator(doc, counter, 1),
    body: parts.body,
    bodyLine: parts.bodyLine,
  };
}

export function isProblem(x: unknown): x is Problem {
  return typeof x === 'object' && x !== null && 'code' in x && 'what' in x && 'fix' in x;
}
