/**
 * A CSV file → the importer's sheet model. One CSV holds both parts, separated by one or more
 * blank lines: first the 基本信息 rows (项目,内容), then the table (收支明细 or 名单).
 * Decoding and parsing are the shared reader's (src/lib/spreadsheet/csv.ts).
 */
import { bi, type Problem } from '../core/errors';
import { parseCsvRows } from '../spreadsheet/csv';
import { rowIsBlank, type SpreadsheetModel } from '../spreadsheet/sheet';

/**
 * Splits a decoded CSV text into the 基本信息 part and the table part. `tableSheet` names the
 * second part in the model (收支明细 / 名单) so the builder reads CSV and xlsx the same way.
 */
export function parseCsvText(text: string, file: string, tableSheet: string): { model: SpreadsheetModel } | { problem: Problem } {
  const parsed = parseCsvRows(text, file, { relaxQuotes: true, syntaxCode: 'import/csv-syntax' });
  if ('problem' in parsed) return parsed;
  const { rows } = parsed;
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
