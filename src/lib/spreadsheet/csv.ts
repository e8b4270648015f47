/**
 * A CSV file → rows of cells, each with its row number and the physical line it starts on.
 *
 * Encoding: UTF-8 with or without BOM, or GBK (what older Chinese Excel writes as "CSV"):
 * bytes that are valid UTF-8 are UTF-8, anything else is decoded as GB18030 (a superset of GBK).
 * UTF-16 ("Unicode text") is recognised by its BOM and refused by the caller.
 */
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { bi, type Problem } from '../core/errors';
import type { SheetRow } from './sheet';

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

export interface CsvOptions {
  /**
   * Accept a quote inside an unquoted cell (`5"寸`) as a plain character. The importer does, for
   * hand-typed disclosure sheets; the aggregator keeps csv-parse's strict reading, so a ledger
   * export with a stray quote is refused rather than read into the wrong columns.
   */
  relaxQuotes: boolean;
  /** The problem code of a syntax error, e.g. `import/csv-syntax`: each command names its own. */
  syntaxCode: string;
}

interface CsvRecord {
  record: string[];
  info: { lines: number };
}

/**
 * Every record of a decoded CSV text, blank ones included, as rows numbered from 1 with the
 * line each starts on (a quoted cell may span lines); or the syntax problem, at its line.
 */
export function parseCsvRows(text: string, file: string, options: CsvOptions): { rows: SheetRow[] } | { problem: Problem } {
  let records: CsvRecord[];
  try {
    records = parse(text, {
      relax_column_count: true,
      relax_quotes: options.relaxQuotes,
      skip_empty_lines: false,
      info: true,
    }) as unknown as CsvRecord[];
  } catch (err) {
    const e = err as { message?: string; lines?: number };
    return {
      problem: {
        file,
        ...(typeof e.lines === 'number' ? { line: e.lines } : {}),
        code: options.syntaxCode,
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
  return { rows };
}
