/**
 * npm run aggregate -- <raw.csv|raw.xlsx> --dataset <id> [--config <file>] [--out <file>]
 *
 * Turns a case-level ledger (kept OUTSIDE the repository: it names people) into the
 * anonymised open-data file <CONTENT_DIR>/data/<id>.json: counts by every combination of
 * the configured dimensions, rates, true totals, primary and secondary suppression, and the
 * same LP audit `npm run check` runs. Only the columns the config names are read.
 * Every problem is reported by raw row and column, in Chinese and English; nothing is
 * written unless there are none. Exit 0 on success, 1 on any problem.
 *
 * --config defaults to <CONTENT_DIR>/aggregate/<id>.config.json: the config is the town's own
 * (its issuer, its dataset's title and description), so the content root selects it with the
 * rest of the town. The method: docs/统计方法.md.
 * The work is done by src/lib/stats (pure); this file only reads and writes files.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { displayPath, resolveContentRoot } from '../src/lib/content/root';
import { bi, formatReport, type Problem } from '../src/lib/core/errors';
import { aggregate, type AggregateResult, type VillageRef } from '../src/lib/stats/aggregate';
import { rawFormatOf, readRawTable } from '../src/lib/stats/raw';
import { buildEnvironment } from '../src/lib/env/environment';
import { readSpreadsheetBytes } from '../src/lib/spreadsheet/file';
import { evaluateAlerts } from '../src/lib/model/datasets';

export const USAGE = `用法 (usage):
  npm run aggregate -- <原始台账.csv|原始台账.xlsx> --dataset <数据集编号> [--config <配置.json>] [--out <输出.json>]

  --dataset  数据集编号，如 disputes-monthly (dataset id; the output is <内容目录>/data/<id>.json)
  --config   统计配置，默认 <内容目录>/aggregate/<id>.config.json (aggregation config)
  --out      写到指定文件 (write here instead)

原始台账含个人信息，必须保存在仓库以外；只有配置中列出的列会被读取。
(The raw ledger names people: keep it outside the repository. Only the configured columns are read.)
方法说明见 docs/统计方法.md (method: docs/统计方法.md)`;

const ARGS = '命令参数 (command arguments)';

export interface AggregateArgs {
  raw: string;
  dataset: string;
  config?: string;
  out?: string;
}

export function parseAggregateArgs(argv: readonly string[]): { help: true } | { args: AggregateArgs } | { problems: Problem[] } {
  const values: Record<string, string> = {};
  const files: string[] = [];
  const problems: Problem[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--help' || a === '-h') return { help: true };
    const eq = /^--(dataset|config|out)=(.*)$/.exec(a);
    if (eq) values[eq[1]!] = eq[2]!;
    else if (/^--(dataset|config|out)$/.test(a)) {
      const v = argv[i + 1];
      if (v === undefined || v.startsWith('--')) {
        problems.push({
          file: ARGS,
          field: a,
          code: 'aggregate/arg-missing-value',
          what: bi(`${a} 后面缺少值`, `${a} needs a value`),
          fix: bi(`写成 ${a} <值>`, `write ${a} <value>`),
        });
      } else {
        values[a.slice(2)] = v;
        i++;
      }
    } else if (a.startsWith('--')) {
      problems.push({
        file: ARGS,
        field: a,
        code: 'aggregate/arg-unknown',
        what: bi(`不认识的参数 ${a}`, `unknown option ${a}`),
        fix: bi('查看 npm run aggregate -- --help', 'see npm run aggregate -- --help'),
      });
    } else files.push(a);
  }
  if (files.length !== 1) {
    problems.push({
      file: ARGS,
      code: 'aggregate/arg-file',
      what:
        files.length === 0
          ? bi('没有指定原始台账文件', 'no raw file given')
          : bi(`一次只能处理一个原始文件，收到 ${files.length} 个`, `one raw file at a time; got ${files.length}`),
      fix: bi('写成 npm run aggregate -- 台账.csv --dataset <编号>', 'run npm run aggregate -- ledger.csv --dataset <id>'),
    });
  } else if (!rawFormatOf(files[0]!)) {
    problems.push({
      file: ARGS,
      code: 'aggregate/arg-format',
      what: bi(`不支持的文件类型：${files[0]}`, `unsupported file type: ${files[0]}`),
      fix: bi('使用 .csv 或 .xlsx 文件', 'use a .csv or .xlsx file'),
    });
  }
  if (values.dataset === undefined) {
    problems.push({
      file: ARGS,
      field: '--dataset',
      code: 'aggregate/arg-dataset',
      what: bi('缺少 --dataset', '--dataset is missing'),
      fix: bi('写成 --dataset disputes-monthly', 'add --dataset disputes-monthly'),
    });
  } else if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(values.dataset)) {
    problems.push({
      file: ARGS,
      field: '--dataset',
      code: 'aggregate/arg-dataset',
      what: bi(
        `数据集编号“${values.dataset}”只能由小写字母、数字和连字符组成`,
        `dataset id "${values.dataset}" may only hold lower-case letters, digits and dashes`,
      ),
      fix: bi('如 disputes-monthly', 'e.g. disputes-monthly'),
    });
  }
  if (problems.length > 0) return { problems };
  return {
    args: { raw: files[0]!, dataset: values.dataset!, ...(values.config ? { config: values.config } : {}), ...(values.out ? { out: values.out } : {}) },
  };
}

export interface RunEnv {
  cwd?: string;
  /** The CONTENT_DIR environment variable. */
  contentDir?: string;
}

function readJson(abs: string, display: string): { json: unknown } | { problem: Problem } {
  let text: string;
  try {
    text = fs.readFileSync(abs, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return {
      problem: {
        file: display,
        code: 'aggregate/read',
        what: code === 'ENOENT' ? bi('找不到该文件', 'the file does not exist') : bi(`无法读取（${code}）`, `cannot be read (${code})`),
        fix: bi('检查路径', 'check the path'),
      },
    };
  }
  try {
    return { json: JSON.parse(text) };
  } catch (err) {
    return {
      problem: {
        file: display,
        code: 'aggregate/json',
        what: bi(`不是有效的 JSON：${(err as Error).message}`, `not valid JSON: ${(err as Error).message}`),
        fix: bi('检查逗号、引号和括号', 'check commas, quotes and brackets'),
      },
    };
  }
}

/** The village registry (code, name) of a content root; empty when missing (the config check reports it). */
function readVillages(root: string): VillageRef[] {
  const r = readJson(path.join(root, 'villages.json'), 'villages.json');
  if (!('json' in r) || !Array.isArray(r.json)) return [];
  return r.json.filter((v): v is VillageRef => typeof v === 'object' && v !== null && typeof v.code === 'string' && typeof v.name === 'string');
}

function readSiteThreshold(root: string): number | undefined {
  const r = readJson(path.join(root, 'site.json'), 'site.json');
  if (!('json' in r)) return undefined;
  const t = (r.json as { privacy?: { suppressionThreshold?: unknown } })?.privacy?.suppressionThreshold;
  return typeof t === 'number' && Number.isInteger(t) && t >= 1 ? t : undefined;
}

/** Reads the files and aggregates; writes nothing. */
export async function aggregateFromFiles(args: AggregateArgs, env: RunEnv = {}): Promise<AggregateResult & { configDisplay: string }> {
  const cwd = env.cwd ?? process.cwd();
  const root = resolveContentRoot(env.contentDir, cwd);
  const configAbs = args.config ? path.resolve(cwd, args.config) : path.join(root, 'aggregate', `${args.dataset}.config.json`);
  const configDisplay = displayPath(configAbs, cwd);
  const problems: Problem[] = [];
  const config = readJson(configAbs, configDisplay);
  if ('problem' in config) problems.push(config.problem);
  else if ((config.json as { dataset?: { id?: unknown } })?.dataset?.id !== args.dataset) {
    problems.push({
      file: configDisplay,
      field: 'dataset.id',
      code: 'aggregate/config-id',
      what: bi(`配置中的 dataset.id 与 --dataset ${args.dataset} 不一致`, `dataset.id in the config differs from --dataset ${args.dataset}`),
      fix: bi('确认使用了正确的配置文件', 'check that the right config file is used'),
    });
  }
  const rawAbs = path.resolve(cwd, args.raw);
  const rawDisplay = displayPath(rawAbs, cwd);
  const read = readSpreadsheetBytes(rawAbs, rawDisplay);
  if ('problem' in read) problems.push(read.problem);
  else if ('failed' in read) {
    const code = read.failed.code;
    problems.push({
      file: rawDisplay,
      code: 'aggregate/read',
      what: code === 'ENOENT' ? bi('找不到原始台账文件', 'the raw file does not exist') : bi(`无法读取（${code}）`, `cannot be read (${code})`),
      fix: bi('检查路径；路径含空格时用引号括起来', 'check the path; quote it if it contains spaces'),
    });
  }
  const bytes = 'bytes' in read ? read.bytes : undefined;
  if (problems.length > 0 || !bytes || !('json' in config)) return { problems, configDisplay };
  const sheet = (config.json as { sheet?: unknown }).sheet;
  const raw = await readRawTable(bytes, rawDisplay, rawFormatOf(args.raw)!, typeof sheet === 'string' ? sheet : undefined);
  if ('problems' in raw) return { problems: raw.problems, configDisplay };
  const threshold = readSiteThreshold(root);
  return {
    ...aggregate({
      config: config.json,
      configFile: configDisplay,
      raw: raw.table,
      villages: readVillages(root),
      ...(threshold !== undefined ? { siteThreshold: threshold } : {}),
    }),
    configDisplay,
  };
}

function report(problems: readonly Problem[]): string {
  return formatReport(problems)
    .replace('修正前不会发布任何内容', '修正前不会写入任何文件')
    .replace('nothing is published until they are fixed', 'nothing was written');
}

export async function runAggregate(argv: readonly string[], env: RunEnv = {}): Promise<{ code: 0 | 1; stdout: string; stderr: string; written?: string }> {
  const cwd = env.cwd ?? process.cwd();
  const parsed = parseAggregateArgs(argv);
  if ('help' in parsed) return { code: 0, stdout: `${USAGE}\n`, stderr: '' };
  if ('problems' in parsed) return { code: 1, stdout: '', stderr: `${USAGE}\n\n${report(parsed.problems)}\n` };
  const { args } = parsed;
  const result = await aggregateFromFiles(args, env);
  if ('problems' in result) return { code: 1, stdout: '', stderr: `${report(result.problems)}\n` };

  const root = resolveContentRoot(env.contentDir, cwd);
  const outAbs = args.out ? path.resolve(cwd, args.out) : path.join(root, 'data', `${args.dataset}.json`);
  fs.mkdirSync(path.dirname(outAbs), { recursive: true });
  fs.writeFileSync(outAbs, result.text, 'utf8');

  const s = result.stats;
  const lines = [
    `✓ 已生成 (written)：${displayPath(outAbs, cwd)}`,
    `  原始记录 ${s.records} 条，单元格 ${s.cells} 个；小于阈值而隐藏 ${s.primary} 个，为防推算另隐藏 ${s.secondary} 个（审计 ${s.auditRounds} 轮，线性规划 ${s.lps} 次）`,
    `  (${s.records} records, ${s.cells} cells; ${s.primary} hidden as small, ${s.secondary} more hidden so none can be worked out; ${s.auditRounds} audit round(s), ${s.lps} LPs)`,
  ];
  // The same evaluation the site publishes; raw codes and periods are enough here.
  const hits = (result.dataset.alerts ?? []).flatMap((rule) => evaluateAlerts(result.dataset, rule, (_dim, v) => String(v)));
  for (const h of hits) lines.push(`  预警 (alert)：${h.label} ${[h.place, h.period, h.group].filter(Boolean).join(' ')} = ${h.value} > ${h.above}`);
  const rawAbs = path.resolve(cwd, args.raw);
  const rel = path.relative(cwd, rawAbs);
  const warnings: string[] = [];
  if (!rel.startsWith('..') && !path.isAbsolute(rel) && !rel.split(path.sep).join('/').startsWith('examples/')) {
    warnings.push(
      '⚠ 原始台账位于仓库目录内：它含个人信息，请移到仓库以外，切勿提交。(The raw file is inside the repository: it names people; move it out and never commit it.)',
    );
  }
  lines.push('  下一步：运行 npm run check，核对无误后提交 (next: npm run check, then commit)');
  return { code: 0, stdout: `${lines.join('\n')}\n`, stderr: warnings.map((w) => `${w}\n`).join(''), written: outAbs };
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const r = await runAggregate(process.argv.slice(2), { contentDir: buildEnvironment().contentDir });
  if (r.stdout) process.stdout.write(r.stdout);
  if (r.stderr) process.stderr.write(r.stderr);
  process.exitCode = r.code;
}
