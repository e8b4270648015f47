/**
 * Reads content files as officials wrote them, keeping positions so every problem can name
 * `file:line`. JSON is checked with the strict JSON parser first (so YAML leniency never
 * accepts bad JSON), then re-read with the YAML parser, whose nodes carry source ranges.
 */
import { LineCounter, parseDocument, isMap, isSeq, visit, type Document, type Node } from 'yaml';
import { bi, type Problem } from '../core/errors';
import { yamlMessageZh } from '../core/parser-messages';

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

/** Parses a JSON file; on a syntax error or a key written twice returns a Problem pointing at the line. */
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
  // JSON.parse keeps the last of two equal keys without a word; the YAML parser (a superset of
  // JSON, and the one that gives positions) reports the second one, after decoding escapes.
  const counter = new LineCounter();
  const doc = parseDocument(textContent, { lineCounter: counter, uniqueKeys: true });
  const duplicate = doc.errors.find((e) => e.code === 'DUPLICATE_KEY');
  if (duplicate) {
    const at = duplicate.pos[0];
    const token = /^"(?:[^"\\]|\\.)*"/.exec(textContent.slice(at))?.[0];
    const key = token ? (JSON.parse(token) as string) : textContent.slice(at, duplicate.pos[1]);
    const pos = counter.linePos(at);
    return {
      file: display,
      line: pos.line,
      column: pos.col,
      code: 'json/duplicate-key',
      what: bi(`字段“${key}”在同一处写了两次（第 ${pos.line} 行是第二次）`, `the key "${key}" appears twice in the same object (line ${pos.line} is the second)`),
      fix: bi('删除其中一个，只保留正确的值；重复的字段只会有一个生效，另一个会被悄悄丢掉', 'delete one of them and keep the right value: only one would take effect, the other silently lost'),
    };
  }
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
      what: bi(`元数据（YAML）格式错误：${yamlMessageZh(e.code)}`, `frontmatter YAML syntax error: ${e.message.split('\n')[0]}`),
      fix: bi('检查该行的缩进、冒号后的空格和引号；同一字段不能写两次', 'check indentation, the space after colons and quotes; a field may appear only once'),
    };
  }
  // Anchors and aliases (&a / *a) are no part of the contract; refusing them all also refuses an
  // alias bomb (nested aliases that expand to gigabytes) before anything is expanded.
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 0 });
  } catch (err) {
    if (!(err instanceof ReferenceError)) throw err;
    let line: number | undefined;
    visit(doc, {
      Alias(_, node) {
        if (node.range) line = counter.linePos(node.range[0]).line + 1;
        return visit.BREAK;
      },
    });
    return {
      file: display,
      ...(line !== undefined ? { line } : {}),
      code: 'frontmatter/alias',
      what: bi('元数据（YAML）中使用了别名（*名称），内容文件不允许使用 YAML 锚点和别名', 'the frontmatter uses a YAML alias (*name); anchors and aliases are not allowed in content files'),
      fix: bi('把每个值直接写出来，不要用 & 和 * 引用', 'write every value out in full, without & anchors and * aliases'),
    };
  }
  return {
    display,
    data: data ?? {},
    locate: locator(doc, counter, 1),
    body: parts.body,
    bodyLine: parts.bodyLine,
  };
}

export function isProblem(x: unknown): x is Problem {
  return typeof x === 'object' && x !== null && 'code' in x && 'what' in x && 'fix' in x;
}
