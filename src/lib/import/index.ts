/**
 * Spreadsheet import (npm run import): an .xlsx or .csv file filled in by a village official
 * → the contract JSON of a finance or list disclosure (CONTENT.md § Village affairs
 * disclosure), validated as `npm run check` would, or every problem found, each named by
 * its cell. Pure: bytes in, text out; reading and writing files is scripts/import.ts's job
 * (see ./read.ts).
 */
import { bi, type Problem } from '../core/errors';
import { scanFilesForPersonalData } from '../checks/personal-data';
import { parsePeriod } from '../core/periods';
import { KIND_CATEGORY, type DisclosureKind } from '../schemas/disclosure';
import { buildDisclosure, type Disclosure, type ImportTarget } from './build';
import { decodeCsv, type CsvEncoding } from '../spreadsheet/csv';
import type { SpreadsheetModel } from '../spreadsheet/sheet';
import { readXlsxOrFailure } from '../spreadsheet/xlsx';
import { parseCsvText } from './csv';
import { FINANCE_SHEET, LIST_SHEET } from './layout';
import { LIMITS, tooLargeProblem } from '../content/read';

export type { Disclosure, ImportTarget } from './build';
export { buildDisclosure } from './build';

export interface ImportInput extends ImportTarget {
  /** The spreadsheet file's bytes. */
  bytes: Uint8Array;
  /** The spreadsheet as named in messages (its path as typed). */
  file: string;
  /** How the output file is named in messages; defaults to its path in the content root. */
  outDisplay?: string;
  /** The content root's approved values (privacy-allow.json): the same exceptions as `npm run check`. */
  allow?: ReadonlySet<string>;
}

export type ImportResult =
  { ok: true; data: Disclosure; json: string; rel: string; format: 'xlsx' | 'csv'; encoding?: CsvEncoding } | { ok: false; problems: Problem[] };

/** The file's path inside the content root: `disclosures/<village>/<period>-<kind>.json`. */
export function targetRel(t: ImportTarget): string {
  return `disclosures/${t.village}/${t.period}-${t.kind}.json`;
}

/**
 * The committed form, as the sample disclosures under content/ are written: 2-space JSON,
 * top-level fields one per line, and every object inside an array (ledger entry, column, row,
 * correction) on one line as `{ "key": value, … }`; then a trailing newline. Key order is the
 * order the object was built in (village, period, category, title, publishedOn, noticeUntil,
 * reviewedBy, corrections, then the ledger or the table). Diffs of such a file show one
 * changed entry as one changed line.
 */
export function serializeDisclosure(d: Disclosure): string {
  const inline = (v: unknown): string => {
    if (Array.isArray(v)) return `[${v.map(inline).join(', ')}]`;
    if (v !== null && typeof v === 'object') {
      const parts = Object.entries(v).map(([k, x]) => `${JSON.stringify(k)}: ${inline(x)}`);
      return parts.length ? `{ ${parts.join(', ')} }` : '{}';
    }
    return JSON.stringify(v);
  };
  const fields = Object.entries(d).map(([k, v]) => {
    if (!Array.isArray(v)) return `  ${JSON.stringify(k)}: ${inline(v)}`;
    if (v.length === 0) return `  ${JSON.stringify(k)}: []`;
    return `  ${JSON.stringify(k)}: [\n${v.map((x) => `    ${inline(x)}`).join(',\n')}\n  ]`;
  });
  return `{\n${fields.join(',\n')}\n}\n`;
}

const ARGS = '命令参数 (command arguments)';

/** Problems with --village, --period and --kind themselves. */
export function checkTarget(t: { village?: string; period?: string; kind?: string }): Problem[] {
  const problems: Problem[] = [];
  const arg = (field: string, code: string, what: ReturnType<typeof bi>, fix: ReturnType<typeof bi>) => problems.push({ file: ARGS, field, code, what, fix });
  if (t.village === undefined || !/^\d{12}$/.test(t.village)) {
    arg(
      '--village',
      'import/arg-village',
      t.village === undefined
        ? bi('缺少 --village', '--village is missing')
        : bi(`--village ${t.village} 不是 12 位村（社区）代码`, `--village ${t.village} is not a 12-digit village code`),
      bi(
        '写上 12 位统计用区划代码，如 --village 330000000001（见 content/villages.json）',
        'give the 12-digit code, e.g. --village 330000000001 (see content/villages.json)',
      ),
    );
  }
  if (t.kind === undefined || !(t.kind in KIND_CATEGORY)) {
    arg(
      '--kind',
      'import/arg-kind',
      t.kind === undefined ? bi('缺少 --kind', '--kind is missing') : bi(`--kind ${t.kind} 不正确`, `--kind ${t.kind} is not valid`),
      bi('写 --kind finance（财务）、affairs（村务）或 party（党务）', 'use --kind finance, affairs or party'),
    );
  }
  const period = t.period === undefined ? undefined : parsePeriod(t.period);
  if (!period) {
    arg(
      '--period',
      'import/arg-period',
      t.period === undefined
        ? bi('缺少 --period', '--period is missing')
        : bi(`--period ${t.period} 不是有效期间`, `--period ${t.period} is not a valid period`),
      bi('写成月份 YYYY-MM（如 2026-10）或季度 YYYY-Qn（如 2026-Q3）', 'write a month YYYY-MM (e.g. 2026-10) or a quarter YYYY-Qn (e.g. 2026-Q3)'),
    );
  } else if (t.kind === 'finance' && period.kind !== 'month') {
    arg(
      '--period',
      'import/finance-monthly',
      bi(`财务公开按月公开，--period 应为月份，而不是 ${t.period}`, `finance is disclosed monthly; --period must be a month, not ${t.period}`),
      bi('写成 YYYY-MM，每月一个表格', 'write YYYY-MM, one spreadsheet per month'),
    );
  }
  return problems;
}

/** xlsx or csv, by the file name, else by the first bytes. */
export function detectFormat(file: string, bytes: Uint8Array): 'xlsx' | 'csv' | 'xls' | undefined {
  const ext = /\.([^./\\]+)$/.exec(file)?.[1]?.toLowerCase();
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  const ole = bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
  if (ole || ext === 'xls' || ext === 'et') return 'xls';
  if (ext === 'xlsx' || zip) return 'xlsx';
  if (ext === 'csv' || ext === 'txt') return 'csv';
  return undefined;
}

/** Reads the spreadsheet into the sheet model, or the one problem that prevents it. */
export async function readSpreadsheet(
  bytes: Uint8Array,
  file: string,
  kind: DisclosureKind,
): Promise<{ model: SpreadsheetModel; encoding?: CsvEncoding } | { problem: Problem }> {
  const format = detectFormat(file, bytes);
  const whole = (code: string, what: ReturnType<typeof bi>, fix: ReturnType<typeof bi>): { problem: Problem } => ({ problem: { file, code, what, fix } });
  if (format === 'xls') {
    return whole(
      'import/old-format',
      bi('这是旧版 .xls/.et 格式，无法直接导入', 'this is an old .xls/.et workbook, which cannot be imported'),
      bi('在 WPS 或 Excel 中“另存为” .xlsx 工作簿后再导入', 'save it as an .xlsx workbook in WPS/Excel, then import that'),
    );
  }
  if (format === undefined) {
    return whole(
      'import/format',
      bi('只能导入 .xlsx 或 .csv 文件', 'only .xlsx and .csv files can be imported'),
      bi('在 WPS 或 Excel 中另存为 .xlsx 或 .csv', 'save it as .xlsx or .csv in WPS/Excel'),
    );
  }
  // Sizes before parsing (readSpreadsheetFile checked the file on disk; bytes may come from elsewhere).
  const limit = format === 'xlsx' ? 'xlsx' : 'csv';
  if (bytes.length > LIMITS[limit]) return { problem: tooLargeProblem(file, limit, bytes.length) };
  if (format === 'xlsx') {
    const read = await readXlsxOrFailure(bytes, file);
    if (!('unreadable' in read)) return read;
    return whole(
      'import/xlsx-unreadable',
      bi(`无法读取该 .xlsx 文件：${read.unreadable}`, `the .xlsx file cannot be read: ${read.unreadable}`),
      bi('用 WPS 或 Excel 打开后重新保存为 .xlsx；文件若有密码保护请先取消', 'open and re-save it as .xlsx in WPS/Excel; remove any password protection'),
    );
  }
  const decoded = decodeCsv(bytes);
  if ('unsupported' in decoded) {
    return whole(
      'import/csv-encoding',
      bi(
        `CSV 文件是 ${decoded.unsupported} 编码（“Unicode 文本”），无法导入`,
        `the CSV file is ${decoded.unsupported} ("Unicode text"), which cannot be imported`,
      ),
      bi('另存为“CSV（逗号分隔）”或“CSV UTF-8”', 'save it as "CSV (comma delimited)" or "CSV UTF-8"'),
    );
  }
  const parsed = parseCsvText(decoded.text, file, kind === 'finance' ? FINANCE_SHEET : LIST_SHEET);
  return 'problem' in parsed ? parsed : { model: parsed.model, encoding: decoded.encoding };
}

/**
 * The whole import except file I/O: arguments, spreadsheet, contract checks, and the
 * personal-data gate over the JSON text that would be written. `ok` only when nothing at
 * all is wrong.
 */
export async function importSpreadsheet(input: ImportInput): Promise<ImportResult> {
  const argProblems = checkTarget(input);
  if (argProblems.length) return { ok: false, problems: argProblems };
  const read = await readSpreadsheet(input.bytes, input.file, input.kind);
  if ('problem' in read) return { ok: false, problems: [read.problem] };
  const built = buildDisclosure(read.model, input, input.allow);
  if (!built.data) return { ok: false, problems: built.problems };
  const json = serializeDisclosure(built.data);
  const rel = targetRel(input);
  const privacy = scanFilesForPersonalData([{ display: input.outDisplay ?? rel, rel, text: json }], input.allow ?? new Set(), true);
  if (privacy.length) return { ok: false, problems: privacy };
  return { ok: true, data: built.data, json, rel, format: read.model.format, ...(read.encoding ? { encoding: read.encoding } : {}) };
}
