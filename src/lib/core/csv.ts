/**
 * CSV for download (RFC 4180), UTF-8 with a BOM so Excel on Windows opens Chinese text
 * correctly, CRLF line ends as Excel writes them. Every CSV the site or its scripts write goes
 * through `toCsv`, so every cell is neutralised the same way.
 *
 * Formula injection (OWASP "CSV Injection"): Excel, WPS and LibreOffice run a cell that begins
 * with `=`, `+`, `-` or `@` as a formula (tab and carriage return are stripped first, so they
 * count too). A text cell starting with one of these is prefixed with a single quote `'`, which
 * the spreadsheet shows as text. Whether a cell is text is decided by its column's type, not by
 * how the value looks: in a `number` column a number (a JS number, or a plain decimal such as
 * the money string "-1200.50") is written exactly as given and stays a number in the
 * spreadsheet; anything else there (the "<5" of a hidden count) is text and neutralised too.
 */
const BOM = '\uFEFF';

export type CsvColumnType = 'text' | 'number';

export interface CsvColumn {
  label: string;
  type: CsvColumnType;
}

export type CsvValue = string | number;

/** A plain decimal as spreadsheets read it: optional minus, digits, optional fraction. */
const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?$/;

/** Characters that make a spreadsheet read a cell as a formula (OWASP CSV Injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell made safe to open: `'` before a formula-starting character, nothing else changed. */
export function neutraliseText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** The cell's text before RFC 4180 quoting: numbers in number columns untouched, all text neutralised. */
export function csvCellText(value: CsvValue, type: CsvColumnType): string {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`CSV: not a finite number: ${value}`);
    // A number in a text column is still written as text would be (it cannot start a formula unless negative).
    return type === 'number' ? String(value) : neutraliseText(String(value));
  }
  if (type === 'number' && PLAIN_NUMBER.test(value)) return value;
  return neutraliseText(value);
}

function quote(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The whole file. Header cells are text. Rows must have one value per column. */
export function toCsv(columns: readonly CsvColumn[], rows: ReadonlyArray<ReadonlyArray<CsvValue>>): string {
  const lines = [columns.map((c) => quote(neutraliseText(c.label))).join(',')];
  for (const row of rows) {
    if (row.length !== columns.length) throw new Error(`CSV: a row has ${row.length} cells for ${columns.length} columns`);
    lines.push(row.map((v, i) => quote(csvCellText(v, columns[i]!.type))).join(','));
  }
  return BOM + lines.join('\r\n') + '\r\n';
}
