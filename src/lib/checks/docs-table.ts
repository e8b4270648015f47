/**
 * The docs' table of problem codes (docs/内容规范.md), written from the registry so that it
 * cannot drift from the codes the check reports: scripts/problem-codes.ts writes it between the
 * two marker comments, and tests/unit/rules.test.ts fails when the docs differ.
 */
import type { Bilingual } from '../core/errors';
import { CODES } from './registry';

export const TABLE_START = '<!-- problem-codes:start (npx tsx scripts/problem-codes.ts --write) -->';
export const TABLE_END = '<!-- problem-codes:end -->';

/** One table cell: Chinese, then the English gloss; `|` and `<` kept as text. */
function cell(b: Bilingual): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|').replace(/</g, '&lt;');
  return `${esc(b.zh)}<br>(${esc(b.en)})`;
}

export function problemCodeTable(): string {
  const rows = CODES.map((c) => `| \`${c.code}\` | ${cell(c.enforces)} | ${cell(c.fix)} |`);
  return ['| 代码 (code) | 检查什么 (what it enforces) | 怎么改 (fix) |', '|---|---|---|', ...rows].join('\n');
}

/** `doc` with the text between the markers replaced by the table; undefined when a marker is missing. */
export function withProblemCodeTable(doc: string): string | undefined {
  const start = doc.indexOf(TABLE_START);
  const end = doc.indexOf(TABLE_END);
  if (start < 0 || end < start) return undefined;
  return `${doc.slice(0, start + TABLE_START.length)}\n\n${problemCodeTable()}\n\n${doc.slice(end)}`;
}
