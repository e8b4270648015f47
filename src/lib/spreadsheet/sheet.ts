/**
 * A spreadsheet as the importer and the aggregator see it, whatever file it came from: named
 * sheets of rows of raw cell values, and a way to name any cell the way the official sees it in
 * WPS/Excel (`收支明细!E7`) or, for a CSV file, by line and column (`第7行第5列（E7）`).
 */
import { bi, type Bilingual, type Problem } from '../core/errors';

/** A formula whose cached result is an error value (`#DIV/0!`, `#N/A` …). */
export interface CellError {
  error: string;
}

/** A formula cell saved without a cached result (the file was never recalculated). */
export interface NoResult {
  formula: string;
}

/** A cell's value after formulas are replaced by their cached results. */
export type RawValue = string | number | boolean | Date | null | CellError | NoResult;

export interface SheetRow {
  /** 1-based row number as WPS/Excel shows it. */
  row: number;
  /** CSV only: 1-based physical line in the file where the record starts. */
  line?: number;
  /** Index 0 is column A. */
  cells: RawValue[];
}

export interface Sheet {
  name: string;
  /** Rows in order; completely empty rows may be left out. */
  rows: SheetRow[];
}

export interface SpreadsheetModel {
  /** The file as named in messages. */
  file: string;
  format: 'xlsx' | 'csv';
  sheets: Sheet[];
}

/** 1 → A, 27 → AA. */
export function columnLetter(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function isCellError(v: RawValue): v is CellError {
  return typeof v === 'object' && v !== null && !(v instanceof Date) && 'error' in v;
}

export function isNoResult(v: RawValue): v is NoResult {
  return typeof v === 'object' && v !== null && !(v instanceof Date) && 'formula' in v;
}

/** True for an empty cell or one holding only spaces. */
export function isBlank(v: RawValue | undefined): boolean {
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
}

export function rowIsBlank(r: SheetRow): boolean {
  return r.cells.every((c) => isBlank(c));
}

/** Names cells and rows of one spreadsheet in messages. */
export class Locator {
  constructor(readonly model: SpreadsheetModel) {}

  get file(): string {
    return this.model.file;
  }

  /** How a cell is named: `收支明细!E7` (xlsx) or `第7行第5列（E7）` (csv). */
  cellName(sheet: string, row: SheetRow, col: number): Bilingual {
    const a1 = `${columnLetter(col)}${row.row}`;
    if (this.model.format === 'xlsx') return bi(`${sheet}!${a1}`, `${sheet}!${a1}`);
    const line = row.line ?? row.row;
    return bi(`第${line}行第${col}列（${a1}）`, `line ${line}, column ${col} (${a1})`);
  }

  /** How a row is named: `收支明细 第7行` / `第7行`. */
  rowName(sheet: string, row: SheetRow): Bilingual {
    if (this.model.format === 'xlsx') return bi(`${sheet} 第${row.row}行`, `${sheet} row ${row.row}`);
    const line = row.line ?? row.row;
    return bi(`第${line}行`, `line ${line}`);
  }

  /** How a sheet (or, in a CSV file, its section) is named. */
  sheetName(sheet: string): Bilingual {
    if (this.model.format === 'xlsx') return bi(`工作表“${sheet}”`, `sheet "${sheet}"`);
    return bi(`“${sheet}”部分`, `the ${sheet} section`);
  }

  /** A problem in one cell; the cell's name starts the message. */
  cell(sheet: string, row: SheetRow, col: number, code: string, what: Bilingual, fix: Bilingual): Problem {
    const name = this.cellName(sheet, row, col);
    return {
      file: this.file,
      ...(this.model.format === 'csv' ? { line: row.line ?? row.row, column: col } : {}),
      field: name.zh,
      code,
      what: bi(`${name.zh}：${what.zh}`, `${name.en}: ${what.en}`),
      fix,
    };
  }

  /** A problem with a whole row. */
  row(sheet: string, row: SheetRow, code: string, what: Bilingual, fix: Bilingual): Problem {
    const name = this.rowName(sheet, row);
    return {
      file: this.file,
      ...(this.model.format === 'csv' ? { line: row.line ?? row.row } : {}),
      field: name.zh,
      code,
      what: bi(`${name.zh}：${what.zh}`, `${name.en}: ${what.en}`),
      fix,
    };
  }

  /** A problem with a sheet as a whole (a missing row, a missing header). */
  sheet(sheet: string, code: string, what: Bilingual, fix: Bilingual): Problem {
    const name = this.sheetName(sheet);
    return { file: this.file, code, what: bi(`${name.zh}：${what.zh}`, `${name.en}: ${what.en}`), fix };
  }

  /** A problem with the file as a whole. */
  whole(code: string, what: Bilingual, fix: Bilingual): Problem {
    return { file: this.file, code, what, fix };
  }
}
