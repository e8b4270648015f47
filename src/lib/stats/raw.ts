/**
 * Reading a raw case-level file (CSV or .xlsx, as exported from a ledger system or typed in
 * WPS/Excel) into a header row and record rows. Bytes in, rows out: the file itself is read
 * by scripts/aggregate.ts, so this module stays free of file access.
 *
 * Both formats are read by the shared spreadsheet reader (src/lib/spreadsheet/), as the importer
 * reads them: CSV in UTF-8 (with or without BOM) or GBK; xlsx: the first worksheet, or the one
 * the config names, formulas read as cached results.
 * The header row is the first non-empty row; completely empty rows are skipped.
 */
import { bi, type Problem } from '../core/errors';
import { decodeCsv, parseCsvRows } from '../spreadsheet/csv';
import { Locator, rowIsBlank, type SheetRow, type SpreadsheetModel } from '../spreadsheet/sheet';
import { readXlsxOrFailure } from '../spreadsheet/xlsx';

export interface RawTable {
  locator: Locator;
  sheet: string;
  header: SheetRow;
  records: SheetRow[];
}

export type RawFormat = 'csv' | 'xlsx';

export function rawFormatOf(file: string): RawFormat | undefined {
  const lower = file.toLowerCase();
  if (lower.endsWith('.csv')) return 'csv';
  if (lower.endsWith('.xlsx')) return 'xlsx';
  return undefined;
}

function fromModel(model: SpreadsheetModel, sheetName: string | undefined): { table: RawTable } | { problems: Problem[] } {
  const locator = new Locator(model);
  const sheet = sheetName === undefined ? model.sheets[0] : model.sheets.find((s) => s.name === sheetName.trim());
  if (!sheet) {
    const names = model.sheets.map((s) => s.name).join('、');
    return {
      problems: [
        locator.whole(
          'aggregate/sheet',
          sheetName === undefined
            ? bi('文件中没有工作表', 'the file has no worksheet')
            : bi(`找不到工作表“${sheetName}”（现有：${names}）`, `there is no sheet "${sheetName}" (sheets: ${names})`),
          bi('检查配置中的 sheet 是否与工作表名称一致', 'check that "sheet" in the config names an existing worksheet'),
        ),
      ],
    };
  }
  const rows = sheet.rows.filter((r) => !rowIsBlank(r));
  const [header, ...records] = rows;
  if (!header) {
    return {
      problems: [
        locator.whole(
          'aggregate/empty',
          bi('文件是空的，没有表头', 'the file is empty: no header row'),
          bi('第一行写列名，之后每行一条记录', 'write the column names in the first row and one record per row after it'),
        ),
      ],
    };
  }
  return { table: { locator, sheet: sheet.name, header, records } };
}

export function readRawCsv(bytes: Uint8Array, file: string): { table: RawTable } | { problems: Problem[] } {
  const decoded = decodeCsv(bytes);
  if ('unsupported' in decoded) {
    return {
      problems: [
        {
          file,
          code: 'aggregate/encoding',
          what: bi(`不支持 ${decoded.unsupported} 编码的 CSV`, `CSV files in ${decoded.unsupported} are not supported`),
          fix: bi('另存为“CSV UTF-8”或 GBK 编码的 CSV', 'save it as "CSV UTF-8" (or GBK CSV)'),
        },
      ],
    };
  }
  const parsed = parseCsvRows(decoded.text, file, { relaxQuotes: false, syntaxCode: 'aggregate/csv-syntax' });
  if ('problem' in parsed) return { problems: [parsed.problem] };
  return fromModel({ file, format: 'csv', sheets: [{ name: 'CSV', rows: parsed.rows }] }, undefined);
}

export async function readRawXlsx(bytes: Uint8Array, file: string, sheet?: string): Promise<{ table: RawTable } | { problems: Problem[] }> {
  const read = await readXlsxOrFailure(bytes, file);
  if ('problem' in read) return { problems: [read.problem] };
  if ('unreadable' in read) {
    return {
      problems: [
        {
          file,
          code: 'aggregate/xlsx',
          what: bi(`无法读取 xlsx 文件：${read.unreadable}`, `the .xlsx file cannot be read: ${read.unreadable}`),
          fix: bi(
            '用 WPS/Excel 打开后另存为 .xlsx（不支持旧的 .xls），或另存为 CSV',
            'open it in WPS/Excel and save as .xlsx (old .xls is not supported), or save as CSV',
          ),
        },
      ],
    };
  }
  return fromModel(read.model, sheet);
}

/** Reads either format; `format` from the file name when not given. */
export async function readRawTable(bytes: Uint8Array, file: string, format: RawFormat, sheet?: string): Promise<{ table: RawTable } | { problems: Problem[] }> {
  return format === 'csv' ? readRawCsv(bytes, file) : readRawXlsx(bytes, file, sheet);
}
