/**
 * An .xlsx workbook (saved by WPS or Excel) → the sheet model (./sheet.ts). Formulas are read
 * through their cached results; merged cells read as the merged value (a 收支 cell merged
 * down over several rows applies to each of them).
 *
 * The parts that matter are unzipped with fflate and read with a SAX parser (xml.ts):
 * xl/workbook.xml (sheet names and order, the 1904 date system), its relationships (which
 * file is which sheet), xl/sharedStrings.xml, xl/styles.xml (which cells are date-formatted)
 * and each worksheet's <sheetData> and <mergeCells>. Nothing else in the file is inflated.
 *
 * The rules are those of exceljs 4.4, which this module replaced, so that a workbook reads as
 * it did (tests/unit/import/xlsx.test.ts), except where exceljs gave nonsense:
 * - a cached formula result of 0 or FALSE is kept (exceljs dropped it, so the cell read as a
 *   formula with no saved result);
 * - a hyperlinked cell reads as its own value (exceljs gave "[object Object]" unless it held
 *   text), and an empty shared string <si/> as "" (exceljs: "[object Object]");
 * - a string, boolean or error result of a formula in a date-formatted cell stays what it is
 *   (exceljs made an invalid Date of it);
 * - date1904="true" counts as the 1904 system, like date1904="1";
 * - a phonetic guide (<rPh>) inside an inline string is skipped (exceljs lost the cell);
 * - parts the importer does not use (drawings, comments, data validations …) are not read, so
 *   a broken one no longer makes the file unreadable, nor does a data validation over the
 *   whole sheet make reading hang.
 *
 * Size: before anything is inflated, the uncompressed sizes the zip's central directory declares
 * are added up; over `LIMITS.xlsxUnzipped` the file is refused (`XlsxTooLargeError`), so a small
 * file that unzips to gigabytes (a "zip bomb") is never expanded. fflate inflates each part into a
 * buffer of exactly its declared size, so a part that lies about its size cannot grow past it.
 */
import { unzipSync } from 'fflate';
import type { Problem } from '../core/errors';
import { LIMITS, tooLargeProblem } from '../content/read';
import type { RawValue, Sheet, SheetRow, SpreadsheetModel } from './sheet';
import { parseXml } from './xml';

// ---------------------------------------------------------------------------------------------
// Number formats: which cells are dates

/** The built-in number formats that are dates or times (ids 14–22, 45–47). */
const BUILTIN_DATE_FORMATS: Record<number, string> = {
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy "h":mm',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
};

/** A format code shows a date or time when, outside quotes and [brackets], it has y m d h s M or b. */
export function isDateFormat(code: string | undefined): boolean {
  if (!code) return false;
  const bare = code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhMsb]/.test(bare);
}

/** Excel's serial day number (1900 or 1904 system) → the instant, to the millisecond. */
export function serialToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
}

// ---------------------------------------------------------------------------------------------
// Cell addresses

/** The column of an address such as `E7` or `$E$7` (A = 1); undefined when it names none. */
function columnOf(address: string): number | undefined {
  let col = 0;
  let letters = '';
  let hasRow = false;
  for (const ch of address) {
    const c = ch.charCodeAt(0);
    if (!hasRow && c >= 65 && c <= 90) {
      letters += ch;
      col = col * 26 + c - 64;
    } else if (c >= 48 && c <= 57) hasRow = true;
    else if (hasRow && letters && ch !== '$') break;
  }
  if (!letters) return undefined;
  if (col > 16384) throw new Error(`Out of bounds. Invalid column letter: ${letters}`);
  return col;
}

function rowOf(address: string): number | undefined {
  const m = /[0-9]+/.exec(address.replace(/^[$A-Z]*/, ''));
  return m ? Number(m[0]) : undefined;
}

interface Range {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** `A2:A3` (either corner first) or a single cell → the rectangle; undefined when unreadable. */
function decodeRange(ref: string): Range | undefined {
  const [a, b = a] = ref.split(':') as [string, string?];
  const c1 = columnOf(a);
  const r1 = rowOf(a);
  const c2 = columnOf(b);
  const r2 = rowOf(b);
  if (c1 === undefined || r1 === undefined || c2 === undefined || r2 === undefined) return undefined;
  return { top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) };
}

// ---------------------------------------------------------------------------------------------
// Text

/** `_x000D_` → CR, as Excel escapes characters XML cannot carry in shared strings. */
const unescapeText = (s: string) => s.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

/** A second entity pass, as exceljs gives formula string results and sheet names. */
const xmlDecodeAgain = (s: string) => s.replace(/&([a-z]*);/g, (e) => ({ '&lt;': '<', '&gt;': '>', '&amp;': '&', '&apos;': "'", '&quot;': '"' })[e] ?? e);

/** A string item: plain text, rich-text runs (their texts joined when read), or nothing. */
type StringItem = string | { runs: (string | undefined)[] } | undefined;

const itemText = (s: StringItem): string => (typeof s === 'string' ? s : s ? s.runs.map((r) => r ?? '').join('') : '');

/** xl/sharedStrings.xml → its items in order. */
function readSharedStrings(xml: string): StringItem[] {
  const items: StringItem[] = [];
  let item: StringItem | null = null; // null: not inside <si>
  let depth = 0; // element depth inside <si>
  let inPhonetic = false;
  let run: { text?: string } | undefined;
  let textParts: string[] | undefined;
  parseXml(xml, {
    open(name) {
      if (item === null) {
        if (name === 'si') {
          item = undefined;
          depth = 0;
        } else if (name !== 'sst') throw new Error(`Unexpected xml node in sharedStrings: ${name}`);
        return;
      }
      depth++;
      if (inPhonetic) return;
      if (depth === 1 && name === 'rPh') inPhonetic = true;
      else if (depth === 1 && name === 'r') run = {};
      else if (name === 't' && (depth === 1 || (depth === 2 && run))) textParts = [];
    },
    text(t) {
      if (textParts && !inPhonetic) textParts.push(t);
    },
    close(name) {
      if (item === null) return;
      if (depth === 0 && name === 'si') {
        items.push(item);
        item = null;
        return;
      }
      if (inPhonetic) {
        if (depth === 1) inPhonetic = false;
      } else if (name === 't' && textParts) {
        const text = unescapeText(textParts.join(''));
        textParts = undefined;
        if (depth === 1) item = text;
        else if (run) run.text = text;
      } else if (depth === 1 && name === 'r' && run) {
        // A run after a plain <t> is dropped, as exceljs drops it.
        const current: StringItem | null = item;
        if (typeof current !== 'string') {
          const rich = current ?? { runs: [] };
          rich.runs.push(run.text);
          item = rich;
        }
        run = undefined;
      }
      depth--;
    },
  });
  return items;
}

// ---------------------------------------------------------------------------------------------
// Styles

interface Styles {
  /** cellXfs: each style's number format id (NaN when missing). */
  xfs: number[];
  /** Custom number formats by id. */
  formats: Map<number, string>;
}

function readStyles(xml: string): Styles {
  const xfs: number[] = [];
  const formats = new Map<number, string>();
  const stack: string[] = [];
  parseXml(xml, {
    open(name, attrs) {
      const parent = stack[stack.length - 1];
      if (name === 'xf' && parent === 'cellXfs' && stack.length === 2) xfs.push(parseInt(attrs().numFmtId ?? '', 10));
      if (name === 'numFmt' && parent === 'numFmts' && stack.length === 2) {
        const a = attrs();
        if (a.formatCode === undefined) throw new Error('numFmt without formatCode');
        formats.set(parseInt(a.numFmtId ?? '', 10), a.formatCode.replace(/[\\](.)/g, '$1'));
      }
      stack.push(name);
    },
    close() {
      stack.pop();
    },
  });
  return { xfs, formats };
}

/** Whether cells with style `s` show dates (style 0 never does). */
function styleIsDate(styles: Styles | undefined, s: number | undefined): boolean {
  if (!styles || !s) return false;
  const numFmtId = styles.xfs[s];
  if (numFmtId === undefined || !numFmtId) return false;
  return isDateFormat(styles.formats.get(numFmtId) || BUILTIN_DATE_FORMATS[numFmtId]);
}

// ---------------------------------------------------------------------------------------------
// Worksheets

/** A cell slot in a row: a value, a styled empty cell, or a cell merged into another. */
type Slot = { kind: 'value'; value: RawValue } | { kind: 'empty' } | { kind: 'merged'; row: number; col: number };

interface Context {
  sharedStrings: StringItem[] | undefined;
  styles: Styles | undefined;
  date1904: boolean;
}

/** One <c> element as read: attributes and the text of its <f>, <v> / <t> and rich runs. */
interface CellRead {
  r: string | undefined;
  t: string | undefined;
  s: number | undefined;
  formula?: string;
  shareType?: string;
  si?: string;
  ref?: string;
  value?: string | { runs: (string | undefined)[] };
}

/** A <c> element → its slot, or undefined for a valueless, unstyled cell (it is left out). */
function cellSlot(c: CellRead, ctx: Context, sharedFormulas: Map<string | undefined, string | undefined>): Slot | undefined {
  const isDate = () => styleIsDate(ctx.styles, c.s);
  const text = (v: CellRead['value']): string => (typeof v === 'string' ? v : itemText(v));
  if (c.formula || c.shareType) {
    let result: RawValue | undefined;
    if (c.value) {
      const v = text(c.value);
      if (c.t === 'str') result = xmlDecodeAgain(v);
      else if (c.t === 'b') result = parseInt(v, 10) !== 0;
      else if (c.t === 'e') result = { error: v };
      else {
        const n = parseFloat(v);
        result = isDate() ? serialToDate(n, ctx.date1904) : n;
      }
    }
    let formula = c.formula;
    if (c.shareType === 'shared') {
      if (c.ref) sharedFormulas.set(c.si, c.r);
      // A shared formula's later cells name the first cell's address, as exceljs gave them.
      else if (!formula) formula = sharedFormulas.get(c.si);
    }
    return { kind: 'value', value: result !== undefined ? result : { formula: formula ?? '' } };
  }
  if (c.value === undefined) return c.s ? { kind: 'empty' } : undefined;
  const v = c.value;
  switch (c.t) {
    case 's': {
      const index = parseInt(text(v), 10);
      if (!ctx.sharedStrings) return { kind: 'value', value: index };
      if (!(index in ctx.sharedStrings)) throw new Error(`cell ${c.r ?? ''} names shared string ${text(v)}, which the workbook does not have`);
      return { kind: 'value', value: itemText(ctx.sharedStrings[index]) };
    }
    case 'str':
      return { kind: 'value', value: xmlDecodeAgain(text(v)) };
    case 'inlineStr':
      return { kind: 'value', value: text(v) };
    case 'b':
      return { kind: 'value', value: parseInt(text(v), 10) !== 0 };
    case 'e':
      return { kind: 'value', value: { error: text(v) } };
    default: {
      const n = parseFloat(text(v));
      return { kind: 'value', value: isDate() ? serialToDate(n, ctx.date1904) : n };
    }
  }
}

/** A worksheet part → its rows (empty rows left out), merged cells filled in. */
function readWorksheet(xml: string, name: string, ctx: Context): Sheet {
  const rows = new Map<number, Slot[]>();
  const merges: string[] = [];
  const sharedFormulas = new Map<string | undefined, string | undefined>();

  const stack: string[] = [];
  let rowNumber = NaN;
  let slots: Slot[] = [];
  let previousCol: number | undefined;
  let cell: CellRead | undefined;
  let node: 'f' | 'v' | 't' | undefined;
  let run: { text?: string; parts?: string[]; depth: number } | undefined;
  let phonetic: number | undefined; // depth of an <rPh> (phonetic guide) being skipped

  parseXml(xml, {
    open(tag, attrs) {
      const depth = stack.push(tag);
      if (depth === 1 && tag !== 'worksheet') throw new Error(`a worksheet part starts with <${tag}>, not <worksheet>`);
      if (phonetic !== undefined) return;
      if (run) {
        if (tag === 't' && depth === run.depth + 1) run.parts = [];
        return;
      }
      if (cell) {
        if (tag === 'f') {
          node = 'f';
          const a = attrs();
          cell.si = a.si;
          cell.shareType = a.t;
          cell.ref = a.ref;
        } else if (tag === 'v' || tag === 't') node = tag;
        else if (tag === 'r') run = { depth };
        else if (tag === 'rPh') phonetic = depth;
        return;
      }
      if (depth === 3 && tag === 'row' && stack[1] === 'sheetData') {
        rowNumber = parseInt(attrs().r ?? '', 10);
        if (Number.isNaN(rowNumber)) throw new Error('Invalid row number in model');
        slots = [];
        previousCol = undefined;
      } else if (depth === 4 && tag === 'c' && stack[2] === 'row') {
        const a = attrs();
        cell = { r: a.r, t: a.t, s: a.s ? parseInt(a.s, 10) : undefined };
      } else if (depth === 3 && tag === 'mergeCell' && stack[1] === 'mergeCells') {
        const ref = attrs().ref;
        if (ref !== undefined) merges.push(ref);
      }
    },
    text(t) {
      if (phonetic !== undefined) return;
      if (run) {
        run.parts?.push(t);
        return;
      }
      if (!cell || !node) return;
      if (node === 'f') cell.formula = (cell.formula ?? '') + t;
      else if (typeof cell.value === 'object') {
        // Text after rich-text runs is dropped, as exceljs dropped it.
      } else cell.value = (cell.value || '') + t;
    },
    close(tag) {
      const depth = stack.length;
      stack.pop();
      if (phonetic !== undefined) {
        if (depth === phonetic) phonetic = undefined;
        return;
      }
      if (run) {
        if (tag === 't' && depth === run.depth + 1 && run.parts) {
          run.text = unescapeText(run.parts.join(''));
          run.parts = undefined;
        } else if (depth === run.depth) {
          if (!cell) return;
          const current = cell.value;
          if (typeof current === 'string') throw new Error(`cell ${cell.r ?? ''} mixes text and rich text`);
          const rich = current ?? { runs: [] };
          rich.runs.push(run.text);
          cell.value = rich;
          run = undefined;
          node = undefined;
        }
        return;
      }
      if (cell && depth === 4 && tag === 'c') {
        const slot = cellSlot(cell, ctx, sharedFormulas);
        if (slot) {
          // A <c> without an address is the cell after the previous one.
          let col: number | undefined;
          if (cell.r) {
            if (!/[0-9]/.test(cell.r)) throw new Error(`Invalid Address: ${cell.r}`);
            col = columnOf(cell.r);
          } else if (previousCol !== undefined) col = previousCol + 1;
          else throw new Error(`the first cell of row ${rowNumber} has no address`);
          if (col === undefined) throw new Error(`the cell address ${cell.r} has no column`);
          slots[col - 1] = slot;
          previousCol = col;
        }
        cell = undefined;
        node = undefined;
      } else if (cell) {
        if (tag === 'f' || tag === 'v' || tag === 'is' || tag === 't') node = undefined;
      } else if (depth === 3 && tag === 'row' && stack[1] === 'sheetData') {
        if (rowNumber >= 1) rows.set(rowNumber, slots);
      }
    },
  });

  // Merged cells: every cell of the range but the top-left one reads as the top-left one.
  const done: Range[] = [];
  const slotRow = (r: number) => {
    let row = rows.get(r);
    if (!row) rows.set(r, (row = []));
    return row;
  };
  for (const ref of merges) {
    const m = decodeRange(ref);
    if (!m) continue;
    if (done.some((d) => !(m.bottom < d.top || m.top > d.bottom || m.right < d.left || m.left > d.right))) {
      throw new Error('Cannot merge already merged cells');
    }
    done.push(m);
    const masterRow = slotRow(m.top);
    masterRow[m.left - 1] ??= { kind: 'empty' };
    for (let r = m.top; r <= m.bottom; r++) {
      const row = slotRow(r);
      for (let c = m.left; c <= m.right; c++) if (r > m.top || c > m.left) row[c - 1] = { kind: 'merged', row: m.top, col: m.left };
    }
  }

  const valueOf = (slot: Slot | undefined): RawValue => {
    if (!slot || slot.kind === 'empty') return null;
    if (slot.kind === 'value') return slot.value;
    const master = rows.get(slot.row)?.[slot.col - 1];
    return master?.kind === 'value' ? master.value : null;
  };
  const out: SheetRow[] = [];
  for (const r of [...rows.keys()].sort((a, b) => a - b)) {
    const row = rows.get(r)!;
    if (!row.some((s) => s && s.kind !== 'empty')) continue;
    out.push({ row: r, cells: Array.from(row, valueOf) });
  }
  return { name: name.trim(), rows: out };
}

// ---------------------------------------------------------------------------------------------
// The workbook

interface SheetEntry {
  name: string;
  rId: string | undefined;
}

function readWorkbook(xml: string): { sheets: SheetEntry[]; date1904: boolean } {
  const sheets: SheetEntry[] = [];
  let date1904 = false;
  const stack: string[] = [];
  parseXml(xml, {
    open(name, attrs) {
      const parent = stack[stack.length - 1];
      if (parent === undefined && name !== 'workbook') throw new Error(`xl/workbook.xml starts with <${name}>, not <workbook>`);
      stack.push(name);
      if (name === 'workbookPr' && parent === 'workbook') date1904 = ['1', 'true'].includes(attrs().date1904 ?? '');
      if (name === 'sheet' && parent === 'sheets') {
        const a = attrs();
        if (a.name === undefined) throw new Error('a sheet in xl/workbook.xml has no name');
        sheets.push({ name: xmlDecodeAgain(a.name), rId: a['r:id'] });
      }
    },
    close() {
      stack.pop();
    },
  });
  return { sheets, date1904 };
}

function readRelationships(xml: string): Map<string, string> {
  const targets = new Map<string, string>();
  parseXml(xml, {
    open(name, attrs) {
      if (name !== 'Relationship') return;
      const a = attrs();
      if (a.Id !== undefined && a.Target !== undefined) targets.set(a.Id, a.Target);
    },
  });
  return targets;
}

/** Sheet names as WPS/Excel allow them (the file cannot be read otherwise). */
function checkSheetName(name: string, seen: Set<string>): string {
  if (name === '') throw new Error("The name can't be empty.");
  if (name === 'History') throw new Error('The name "History" is protected. Please use a different name.');
  if (/[*?:/\\[\]]/.test(name)) throw new Error(`Worksheet name ${name} cannot include any of the following characters: * ? : \\ / [ ]`);
  if (/(^')|('$)/.test(name)) throw new Error(`The first or last character of worksheet name cannot be a single quotation mark: ${name}`);
  if (name.length > 31) throw new Error(`Worksheet name ${name} is longer than 31 characters`);
  if (seen.has(name.toLowerCase())) throw new Error(`Worksheet name already exists: ${name}`);
  seen.add(name.toLowerCase());
  return name;
}

const WORKSHEET_PART = /xl\/worksheets\/sheet(\d+)[.]xml/;
const FIXED_PARTS = new Set(['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml', 'xl/styles.xml']);

/** What the workbook declares it unzips to: the sum of its entries' uncompressed sizes (nothing is inflated). */
export function xlsxUnzippedSize(bytes: Uint8Array): number {
  let total = 0;
  unzipSync(bytes, {
    filter: (f) => {
      total += f.originalSize;
      return false;
    },
  });
  return total;
}

export class XlsxTooLargeError extends Error {
  constructor(readonly size: number) {
    super(`the workbook unzips to ${size} bytes, more than ${LIMITS.xlsxUnzipped}`);
  }
}

/** Reads an .xlsx file's bytes. Throws when the bytes are not an .xlsx workbook, or unzip past the limit (XlsxTooLargeError). */
export async function readXlsx(bytes: Uint8Array, file: string): Promise<SpreadsheetModel> {
  const unzipped = xlsxUnzippedSize(bytes);
  if (unzipped > LIMITS.xlsxUnzipped) throw new XlsxTooLargeError(unzipped);
  const entryName = (n: string) => (n.startsWith('/') ? n.slice(1) : n);
  const wanted = (n: string) => !n.endsWith('/') && (FIXED_PARTS.has(entryName(n)) || WORKSHEET_PART.test(entryName(n)));
  // The filter sees each entry's declared sizes before anything is inflated.
  const zip = unzipSync(bytes, { filter: (f) => wanted(f.name) });
  const parts = new Map<string, string>();
  const utf8 = new TextDecoder('utf-8');
  for (const [n, data] of Object.entries(zip)) parts.set(entryName(n), utf8.decode(data));

  const workbookXml = parts.get('xl/workbook.xml');
  const relsXml = parts.get('xl/_rels/workbook.xml.rels');
  const stringsXml = parts.get('xl/sharedStrings.xml');
  const stylesXml = parts.get('xl/styles.xml');
  const { sheets, date1904 } = workbookXml !== undefined ? readWorkbook(workbookXml) : { sheets: [], date1904: false };
  const rels = relsXml !== undefined ? readRelationships(relsXml) : new Map<string, string>();
  const ctx: Context = {
    sharedStrings: stringsXml !== undefined ? readSharedStrings(stringsXml) : undefined,
    styles: stylesXml !== undefined ? readStyles(stylesXml) : undefined,
    date1904,
  };

  const seen = new Set<string>();
  const out: Sheet[] = [];
  for (const s of sheets) {
    const target = s.rId !== undefined ? rels.get(s.rId) : undefined;
    if (target === undefined) continue;
    const partName = `xl/${target.replace(/^(\s|\/xl\/)+/, '')}`;
    const xml = WORKSHEET_PART.test(partName) ? parts.get(partName) : undefined;
    // Chart sheets and sheets whose part is missing are left out.
    if (xml === undefined) continue;
    out.push(readWorksheet(xml, checkSheetName(s.name, seen), ctx));
  }
  return { file, format: 'xlsx', sheets: out };
}

/**
 * readXlsx for a command: a workbook that unzips past the limit is the shared size problem; any
 * other failure is its message, for the command to word.
 */
export async function readXlsxOrFailure(bytes: Uint8Array, file: string): Promise<{ model: SpreadsheetModel } | { problem: Problem } | { unreadable: string }> {
  try {
    return { model: await readXlsx(bytes, file) };
  } catch (err) {
    if (err instanceof XlsxTooLargeError) return { problem: tooLargeProblem(file, 'xlsxUnzipped', err.size) };
    return { unreadable: err instanceof Error ? err.message : String(err) };
  }
}
