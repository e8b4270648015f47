/** Command-line arguments of `npm run import` (pure, so tests need not spawn). */
import { bi, type Problem } from '../core/errors';
import type { DisclosureKind } from '../schemas/disclosure';
import { checkTarget } from './index';

export interface ImportArgs {
  file: string;
  village: string;
  period: string;
  kind: DisclosureKind;
  out?: string;
  dryRun: boolean;
  force: boolean;
}

export const USAGE = `用法 (usage):
  npm run import -- <表格.xlsx|表格.csv> --village <12位村代码> --period <YYYY-MM|YYYY-Qn> --kind finance|affairs|party [--out <路径>] [--dry-run] [--force]

  --village  村（社区）12 位区划代码 (12-digit village code)
  --period   公开期间：财务按月 2026-10，村务/党务可按季度 2026-Q3 (period)
  --kind     finance 财务 | affairs 村务 | party 党务
  --out      写到指定文件，而不是 <内容目录>/disclosures/<村代码>/<期间>-<类别>.json (write here instead)
  --dry-run  只检查并显示结果，不写文件 (check and print, write nothing)
  --force    目标文件已存在时覆盖 (overwrite an existing file)

表格格式见 docs/导入表格说明.md (spreadsheet layout: docs/导入表格说明.md)`;

const ARGS = '命令参数 (command arguments)';

export type ParsedArgs = { help: true } | { help: false; args: ImportArgs } | { help: false; problems: Problem[] };

export function parseImportArgs(argv: readonly string[]): ParsedArgs {
  const values: Record<string, string | undefined> = {};
  const flags = new Set<string>();
  const files: string[] = [];
  const problems: Problem[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--help' || a === '-h') return { help: true };
    const eq = /^--(village|period|kind|out)=(.*)$/.exec(a);
    if (eq) {
      values[eq[1]!] = eq[2];
    } else if (/^--(village|period|kind|out)$/.test(a)) {
      const v = argv[i + 1];
      if (v === undefined || v.startsWith('--')) {
        problems.push({
          file: ARGS,
          field: a,
          code: 'import/arg-missing-value',
          what: bi(`${a} 后面缺少值`, `${a} needs a value`),
          fix: bi(`写成 ${a} <值>`, `write ${a} <value>`),
        });
      } else {
        values[a.slice(2)] = v;
        i++;
      }
    } else if (a === '--dry-run' || a === '--force') {
      flags.add(a);
    } else if (a.startsWith('--')) {
      problems.push({
        file: ARGS,
        field: a,
        code: 'import/arg-unknown',
        what: bi(`不认识的参数 ${a}`, `unknown option ${a}`),
        fix: bi('查看 npm run import -- --help', 'see npm run import -- --help'),
      });
    } else {
      files.push(a);
    }
  }
  if (files.length !== 1) {
    problems.push({
      file: ARGS,
      code: 'import/arg-file',
      what:
        files.length === 0
          ? bi('没有指定要导入的表格文件', 'no spreadsheet file given')
          : bi(`只能一次导入一个文件，收到 ${files.length} 个`, `one file at a time; got ${files.length}`),
      fix: bi('写成 npm run import -- 表格.xlsx --village … --period … --kind …', 'run npm run import -- file.xlsx --village … --period … --kind …'),
    });
  }
  problems.push(...checkTarget(values));
  if (problems.length) return { help: false, problems };
  return {
    help: false,
    args: {
      file: files[0]!,
      village: values.village!,
      period: values.period!,
      kind: values.kind as DisclosureKind,
      ...(values.out !== undefined ? { out: values.out } : {}),
      dryRun: flags.has('--dry-run'),
      force: flags.has('--force'),
    },
  };
}
