/**
 * A CSV file → the importer's sheet model. One CSV holds both parts, separated by one or more
 * blank lines: first the 基本信息 rows (项目,内容), then the table (收支明细 or 名单).
 *
 * Encoding: UTF-8 with or without BOM, or GBK (what older Chinese Excel writes as "CSV"):
 * bytes that are valid UTF-8 are UTF-8, anything else is decoded as GB18030 (a superset of GBK).
 */
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { bi, type Problem } from '../core/errors';
import { rowIsBlank, type SheetRow, type SpreadsheetModel } from './sheet';

export type CsvEncoding = 'utf-8' | 'utf-8-bom' | 'gbk';

export function decodeCsv(bytes: Uint8Array): { text: string; encoding: CsvEncoding } | { unsupported: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return { unsupported: 'UTF-16' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'gb18030'), encoding: 'gbk' };
  }
}

interface CsvRecord {
  record: string[];
  info: { lines: number };
}

/**
 * Splits a decoded CSV text into the 基本信息 part and the table part. `tableSheet` names the
 * second part in the model (收支明细 / 名单) so the builder reads CSV and xlsx the same way.
 */
export function parseCsvText(text: string, file: string, tableSheet: string): { model: SpreadsheetModel } | { problem: Problem } {
  let records: CsvRecord[];
  try {
    records = parse(text, {
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      info: true,
    }) as unknown as CsvRecord[];
  } catch (err) {
    const e = err as { message?: string; lines?: number };
    return {
      problem: {
        file,
        ...(typeof e.lines === 'number' ? { line: e.lines } : {}),
        code: 'import/csv-syntax',
        what: bi(`CSV 文件格式错误：${e.message ?? String(err)}`, `the CSV file cannot be parsed: ${e.message ?? String(err)}`),
        fix: bi('检查引号是否成对；最好用 WPS/Excel 重新“另存为 CSV”', 'check that quotes are paired; best re-save it as CSV from WPS/Excel'),
      },
    };
  }
  const rows: SheetRow[] = [];
  let previousEnd = 0;
  records.forEach((r, i) => {
    rows.push({ row: i + 1, line: previousEnd + 1, cells: r.record });
    previousEnd = r.info.lines;
  });
  const firstContent = rows.findIndex((r) => !rowIsBlank(r));
  const firstBlank = rows.findIndex((r, i) => i > firstContent && rowIsBlank(r));
  const tableStart = rows.findIndex((r, i) => i > firstBlank && !rowIsBlank(r));
  if (firstContent === -1 || firstBlank === -1 || tableStart === -1) {
    return {
      problem: {
        file,
        code: 'import/csv-sections',
        what: bi(
          'CSV 文件应先写“基本信息”几行，空一行，再写表格；没有找到分隔的空行',
          'a CSV file holds the 基本信息 rows, a blank line, then the table; no separating blank line was found',
        ),
        fix: bi(
          '在“基本信息”各行与表格表头之间插入一个空行（见 docs/导入表格说明.md）',
          'insert one blank line between the 基本信息 rows and the table header (see docs/导入表格说明.md)',
        ),
      },
    };
  }
  return {
    model: {
      file,
      format: 'csv',
      sheets: [
        { name: '基本信息', rows: rows.slice(0, firstBlank).filter((r) => !rowIsBlank(r)) },
        { name: tableSheet, rows: rows.slice(tableStart).filter((r) => !rowIsBlank(r)) },
      ],
    },
  };
}
