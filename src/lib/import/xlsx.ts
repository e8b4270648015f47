/**
 * An .xlsx workbook (saved by WPS or Excel) → the importer's sheet model. Formulas are read
 * through their cached results; merged cells read as the merged value (a 收支 cell merged
 * down over several rows applies to each of them).
 */
import ExcelJS from 'exceljs';
import type { RawValue, Sheet, SheetRow, SpreadsheetModel } from './sheet';

type CellValue = ExcelJS.CellValue | undefined;

/** One exceljs cell value → a raw value; formulas become their cached result. */
export function rawFromExcel(v: CellValue): RawValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v;
  if (typeof v === 'object') {
    if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
    if ('formula' in v || 'sharedFormula' in v) {
      const result = (v as { result?: unknown }).result;
      const formula = String((v as { formula?: unknown; sharedFormula?: unknown }).formula ?? (v as { sharedFormula?: unknown }).sharedFormula ?? '');
      if (result === undefined || result === null) return { formula };
      return rawFromExcel(result as CellValue);
    }
    if ('error' in v) return { error: String(v.error) };
    if ('text' in v) {
      const t = (v as { text: unknown }).text;
      if (typeof t === 'string') return t;
      if (t && typeof t === 'object' && 'richText' in t) return rawFromExcel(t as CellValue);
    }
  }
  return String(v);
}

export function sheetFromWorksheet(ws: ExcelJS.Worksheet): Sheet {
  const rows: SheetRow[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: RawValue[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(rawFromExcel(row.getCell(c).value));
    rows.push({ row: rowNumber, cells });
  });
  return { name: ws.name.trim(), rows };
}

/** Reads an .xlsx file's bytes. Throws when the bytes are not an .xlsx workbook. */
export async function readXlsx(bytes: Uint8Array, file: string): Promise<SpreadsheetModel> {
  const wb = new ExcelJS.Workbook();
  // exceljs's typings want a Node Buffer; a Uint8Array view of the same bytes works.
  await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  return { file, format: 'xlsx', sheets: wb.worksheets.map(sheetFromWorksheet) };
}
