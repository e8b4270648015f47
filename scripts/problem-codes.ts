/**
 * Writes the table of problem codes in docs/内容规范.md from the rule registry
 * (src/lib/checks/registry.ts). `--write` updates the file; without it, prints the table and
 * exits 1 when the docs differ (tests/unit/rules.test.ts checks the same).
 */
import fs from 'node:fs';
import path from 'node:path';
import { problemCodeTable, withProblemCodeTable } from '../src/lib/checks/docs-table';

export const DOC = path.resolve(import.meta.dirname, '../docs/内容规范.md');

const current = fs.readFileSync(DOC, 'utf8');
const next = withProblemCodeTable(current);
if (next === undefined) {
  console.error(`${DOC}: 缺少表格的起止标记 (the table's marker comments are missing)`);
  process.exit(1);
}
if (process.argv.includes('--write')) {
  if (next !== current) fs.writeFileSync(DOC, next);
  console.log(`✓ ${path.relative(process.cwd(), DOC)}`);
} else {
  console.log(problemCodeTable());
  process.exit(next === current ? 0 : 1);
}
