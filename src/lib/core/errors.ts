/**
 * One shape for every content problem, and one formatter for all of them.
 * Officials read these messages: each says where (file, line, field), what is wrong and
 * how to fix it, in Chinese first with an English gloss.
 */

export interface Bilingual {
  zh: string;
  en: string;
}

export interface Problem {
  /** Path of the offending file, relative to the content root's parent when possible. */
  file: string;
  /** 1-based line in the file, when known. */
  line?: number;
  /** 1-based column in the line, when known. */
  column?: number;
  /** Field path inside the file, e.g. `tasks[3].lead[0]`. */
  field?: string;
  /** Stable machine-readable code, e.g. `plan/unknown-unit`. */
  code: string;
  what: Bilingual;
  fix: Bilingual;
}

export function bi(zh: string, en: string): Bilingual {
  return { zh, en };
}

/** Renders a field path the way officials see it in their files: `tasks[3].lead`. */
export function fieldPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}

export function location(p: Pick<Problem, 'file' | 'line' | 'column'>): string {
  if (p.line === undefined) return p.file;
  return p.column === undefined ? `${p.file}:${p.line}` : `${p.file}:${p.line}:${p.column}`;
}

/** Sort by file, then line, so a report reads top to bottom like the files do. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}

/** Human report grouped by file, ending with a one-line summary. */
/** One problem (or warning) as the report prints it: where, what is wrong, how to fix it, in both languages. */
export function formatItem(p: Problem, mark: string, whatLabel: string, fixLabel: string): string[] {
  return [
    `  ${mark} ${location(p)}${p.field ? `  [${p.field}]` : ''}`,
    `    ${whatLabel}：${p.what.zh}`,
    `          (${p.what.en})`,
    `    ${fixLabel}：${p.fix.zh}`,
    `          (${p.fix.en})`,
  ];
}

export function formatReport(problems: readonly Problem[]): string {
  if (problems.length === 0) return '✓ 内容检查通过，未发现问题。(Content check passed: no problems found.)';
  const lines: string[] = [];
  const byFile = new Map<string, Problem[]>();
  for (const p of sortProblems(problems)) {
    const list = byFile.get(p.file) ?? [];
    list.push(p);
    byFile.set(p.file, list);
  }
  for (const [file, list] of byFile) {
    lines.push(`── ${file}`);
    for (const p of list) lines.push(...formatItem(p, '✗', '问题', '修改'));
    lines.push('');
  }
  lines.push(
    `✗ 共 ${problems.length} 个问题，涉及 ${byFile.size} 个文件；修正前不会发布任何内容。` +
      ` (${problems.length} problem(s) in ${byFile.size} file(s); nothing is published until they are fixed.)`,
  );
  return lines.join('\n');
}

/** Thrown by loaders when content is invalid; carries every problem found, not just the first. */
export class ContentError extends Error {
  constructor(readonly problems: Problem[]) {
    super(formatReport(problems));
    this.name = 'ContentError';
  }
}
