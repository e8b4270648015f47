/**
 * `npm run import` as a function: arguments in, exit code and messages out. scripts/import.ts
 * only prints what this returns; tests call it directly. File access goes through ./read.ts.
 */
import path from 'node:path';
import { formatReport, type Problem } from '../core/errors';
import { displayPath, resolveContentRoot } from '../content/root';
import { loadAllowList } from '../checks/privacy';
import { buildLedger } from '../disclosures/ledger';
import { formatYuan } from '../core/money';
import { parseImportArgs, USAGE } from './args';
import { importSpreadsheet, targetRel } from './index';
import { existingTarget, readSpreadsheetFile, unregisteredVillage, writeOutput } from './read';

export interface RunResult {
  code: 0 | 1;
  /** For standard output (the JSON with --dry-run, the success note otherwise). */
  stdout: string;
  /** For standard error (problems, usage, notes). */
  stderr: string;
  /** Absolute path written, if any. */
  written?: string;
}

export interface RunEnv {
  cwd?: string;
  /** The CONTENT_DIR environment variable. */
  contentDir?: string;
}

function report(problems: readonly Problem[]): string {
  return formatReport(problems)
    .replace('修正前不会发布任何内容', '修正前不会写入任何文件')
    .replace('nothing is published until they are fixed', 'nothing was written');
}

export async function runImport(argv: readonly string[], env: RunEnv = {}): Promise<RunResult> {
  const cwd = env.cwd ?? process.cwd();
  const parsed = parseImportArgs(argv);
  if (parsed.help) return { code: 0, stdout: USAGE + '\n', stderr: '' };
  if ('problems' in parsed) return { code: 1, stdout: '', stderr: `${USAGE}\n\n${report(parsed.problems)}\n` };
  const args = parsed.args;
  const root = resolveContentRoot(env.contentDir, cwd);
  const outAbs = args.out !== undefined ? path.resolve(cwd, args.out) : path.join(root, targetRel(args));
  const show = (abs: string) => displayPath(abs, cwd);
  const outDisplay = show(outAbs);

  const read = readSpreadsheetFile(path.resolve(cwd, args.file), args.file);
  if ('problem' in read) return { code: 1, stdout: '', stderr: report([read.problem]) + '\n' };

  // The content root's privacy-allow.json, as npm run check reads it: an approved 值班手机
  // passes both or neither; a broken allow-list stops the import as it stops the check.
  const allowList = loadAllowList(root, show);
  const result = await importSpreadsheet({ ...args, bytes: read.bytes, outDisplay, allow: allowList.allow });
  const problems: Problem[] = [...allowList.problems, ...(result.ok ? [] : result.problems)];
  const village = unregisteredVillage(root, args.village, show);
  if (village) problems.push(village);
  if (!args.dryRun) {
    const exists = existingTarget(outAbs, outDisplay, args.force);
    if (exists) problems.push(exists);
  }
  if (problems.length || !result.ok) return { code: 1, stdout: '', stderr: report(problems) + '\n' };

  const d = result.data;
  let summary: string;
  if ('income' in d) {
    const l = buildLedger(d);
    summary =
      `收入 ${d.income.length} 笔 ${formatYuan(l.income.totalFen)}，支出 ${d.expense.length} 笔 ${formatYuan(l.expense.totalFen)}，` +
      `期初 ${formatYuan(l.openingFen)}，期末 ${formatYuan(l.closingFen)}，账目平衡` +
      ` (${d.income.length} income and ${d.expense.length} expense entries; the ledger balances)`;
  } else {
    summary = `${d.columns.length} 列、${d.rows.length} 行 (${d.columns.length} columns, ${d.rows.length} rows)`;
  }
  const encoding = result.encoding ? `\n  CSV 编码 (encoding)：${result.encoding === 'gbk' ? 'GBK' : 'UTF-8'}` : '';
  if (args.dryRun) {
    return {
      code: 0,
      stdout: result.json,
      stderr: `✓ 检查通过 (check passed)：${d.title}\n  ${summary}${encoding}\n  --dry-run：未写入文件 (nothing written)\n`,
    };
  }
  writeOutput(outAbs, result.json);
  return {
    code: 0,
    stdout:
      `✓ 已导入 (imported)：${d.title}\n  ${summary}${encoding}\n  已写入 (written to) ${outDisplay}\n` +
      '  下一步：运行 npm run check 检查全部内容，核对无误后提交 (next: npm run check, then commit)\n',
    stderr: '',
    written: outAbs,
  };
}
