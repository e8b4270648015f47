/**
 * Sheet model → contract object (CONTENT.md § Village affairs disclosure), with every problem
 * named by its cell. Nothing is fixed silently: a cell that cannot be read exactly is an error.
 */
import { bi, fieldPath, type Bilingual, type Problem } from '../core/errors';
import { cellFits, cellTypeName } from '../disclosures/cells';
import { checkPersonName, scanText } from '../privacy';
import { balanceRule, entryPeriodRule, noticeRule } from '../checks/disclosures';
import { numberFinding, suggestMask } from '../checks/personal-data';
import type { Finding } from '../checks/rule';
import {
  financeDisclosureSchema,
  KIND_CATEGORY,
  listDisclosureSchema,
  type Correction,
  type DisclosureKind,
  type FinanceDisclosure,
  type LedgerEntry,
  type ListColumn,
  type ListDisclosure,
} from '../schemas/disclosure';
import { describeIssue } from '../schemas/messages';
import {
  EXPENSE_WORDS,
  FINANCE_COLUMNS,
  FINANCE_HEADERS,
  FINANCE_SHEET,
  INCOME_WORDS,
  INFO_HEADER,
  INFO_LABELS,
  INFO_SHEET,
  LIST_SHEET,
  TOTAL_ROW_RE,
  TYPE_WORDS,
  lookup,
  normaliseLabel,
  type FinanceColumn,
  type InfoField,
} from './layout';
import { isBlank, Locator, type RawValue, type Sheet, type SheetRow, type SpreadsheetModel } from '../spreadsheet/sheet';
import { dateFromCell, moneyFromCell, textFromCell, integerFromCell, type CellResult } from './values';

export interface ImportTarget {
  village: string;
  period: string;
  kind: DisclosureKind;
}

export type Disclosure = FinanceDisclosure | ListDisclosure;

/** Where a value of the output came from, so later checks can name the cell. */
type Origin = { sheet: string; row: SheetRow; col: number };

export interface BuildResult {
  data?: Disclosure;
  problems: Problem[];
}

class Builder {
  readonly problems: Problem[] = [];
  /** fieldPath of an output value → the cell it came from. */
  readonly origins = new Map<string, Origin>();
  readonly loc: Locator;

  constructor(
    readonly model: SpreadsheetModel,
    readonly allow: ReadonlySet<string> = new Set(),
  ) {
    this.loc = new Locator(model);
  }

  findSheet(name: string): Sheet | undefined {
    const sheet = this.model.sheets.find((s) => s.name === name);
    if (!sheet) {
      const names = this.model.sheets.map((s) => `“${s.name}”`).join('、') || '（无）';
      this.problems.push(
        this.loc.whole(
          'import/missing-sheet',
          bi(`找不到名为“${name}”的工作表（表格中的工作表：${names}）`, `there is no sheet named "${name}" (sheets found: ${names})`),
          bi(`把工作表改名为“${name}”，或按模板（examples/）整理表格`, `rename the sheet to "${name}", or start from a template in examples/`),
        ),
      );
    }
    return sheet;
  }

  cellProblem(o: Origin, code: string, what: Bilingual, fix: Bilingual): void {
    this.problems.push(this.loc.cell(o.sheet, o.row, o.col, code, what, fix));
  }

  /** Reads a cell; records a problem (and returns undefined) when it cannot be read. */
  read<T>(o: Origin, path: ReadonlyArray<string | number>, result: CellResult<T>, code: string): T | undefined {
    this.origins.set(fieldPath(path), o);
    if (result.ok) return result.value;
    this.cellProblem(o, code, result.what, result.fix);
    return undefined;
  }

  /** Non-empty text, scanned for ID, phone and bank-card numbers. */
  text(o: Origin, path: ReadonlyArray<string | number>, v: RawValue, label: Bilingual, required: boolean): string | undefined {
    const value = this.read(o, path, textFromCell(v), 'import/text');
    if (value === undefined) return undefined;
    if (required && value === '') {
      this.cellProblem(o, 'import/empty', bi(`${label.zh}为空`, `${label.en} is empty`), bi(`填写${label.zh}`, `fill in ${label.en}`));
      return undefined;
    }
    this.scan(o, value);
    return value;
  }

  /** The personal-data scanner on one cell's text, worded as the content check words it (checks/privacy.ts). */
  scan(o: Origin, value: string): void {
    for (const hit of scanText(value, { allow: this.allow })) {
      const f = numberFinding(hit.kind, hit.masked);
      this.cellProblem(o, f.code, f.what, f.fix);
    }
  }

  /**
   * Findings of the content check's own rules (src/lib/checks/), each named by the cell its field
   * was read from: the spreadsheet passes the same rules as the file it becomes.
   */
  findings(found: ReadonlyArray<Finding<string>>): void {
    for (const f of found) {
      const o = this.origins.get(fieldPath(f.path));
      this.problems.push(
        o ? this.loc.cell(o.sheet, o.row, o.col, f.code, f.what, f.fix) : { ...this.loc.whole(f.code, f.what, f.fix), field: fieldPath(f.path) },
      );
    }
  }
}

interface InfoValues {
  title?: string;
  publishedOn?: string;
  reviewedBy?: string;
  noticeUntil?: string;
  openingBalance?: string;
  closingBalance?: string;
  corrections: Correction[];
  /** Cells of the values, by field. */
  at: Partial<Record<InfoField, Origin>>;
}

const FINANCE_ONLY: InfoField[] = ['openingBalance', 'closingBalance'];

function readInfo(b: Builder, kind: DisclosureKind): InfoValues {
  const info: InfoValues = { corrections: [], at: {} };
  const sheet = b.findSheet(INFO_SHEET);
  if (!sheet) return info;
  const labelList = (Object.keys(INFO_LABELS) as InfoField[])
    .filter((f) => kind === 'finance' || !FINANCE_ONLY.includes(f))
    .map((f) => INFO_LABELS[f][0])
    .join('、');
  sheet.rows.forEach((row, i) => {
    const [a = null, bVal = null, c = null] = row.cells;
    if (isBlank(a) && isBlank(bVal) && row.cells.every((x) => isBlank(x))) return;
    const labelText = textFromCell(a);
    const label = labelText.ok ? labelText.value : '';
    if (i === 0 && normaliseLabel(label) === INFO_HEADER[0]) return; // 项目 | 内容
    const field = lookup(INFO_LABELS, label);
    const labelAt: Origin = { sheet: INFO_SHEET, row, col: 1 };
    const valueAt: Origin = { sheet: INFO_SHEET, row, col: 2 };
    if (!field) {
      b.cellProblem(
        labelAt,
        'import/unknown-label',
        label === '' ? bi('这一行没有项目名称', 'this row has no label') : bi(`不认识的项目“${label}”`, `unknown label "${label}"`),
        bi(`A 列只能是：${labelList}（B 列写内容）`, `column A must be one of: ${labelList} (the value goes in column B)`),
      );
      return;
    }
    if (FINANCE_ONLY.includes(field) && kind !== 'finance') {
      b.cellProblem(
        labelAt,
        'import/finance-only',
        bi(`“${label}”只用于财务公开（--kind finance）`, `"${label}" belongs to finance disclosures only (--kind finance)`),
        bi('删除这一行，或检查 --kind 是否填错', 'delete the row, or check --kind'),
      );
      return;
    }
    if (field === 'corrections') {
      const n = info.corrections.length;
      const on = b.read({ sheet: INFO_SHEET, row, col: 2 }, ['corrections', n, 'on'], dateFromCell(bVal), 'import/date');
      const note = b.text({ sheet: INFO_SHEET, row, col: 3 }, ['corrections', n, 'note'], c, bi('更正说明', 'the correction note'), true);
      if (on !== undefined && note !== undefined) info.corrections.push({ on, note });
      else info.corrections.push({ on: on ?? '', note: note ?? '' }); // keeps indexes aligned; problems already recorded
      return;
    }
    if (info.at[field]) {
      const first = info.at[field];
      b.cellProblem(
        labelAt,
        'import/duplicate-label',
        bi(`“${label}”重复（第 ${first.row.row} 行已填写）`, `"${label}" appears twice (already on row ${first.row.row})`),
        bi('只保留一行', 'keep only one of the rows'),
      );
      return;
    }
    info.at[field] = valueAt;
    switch (field) {
      case 'title':
        info.title = b.text(valueAt, [field], bVal, bi('标题', 'the title'), true);
        break;
      case 'reviewedBy':
        info.reviewedBy = b.text(valueAt, [field], bVal, bi('审核机构', 'the reviewing body'), true);
        break;
      case 'publishedOn':
      case 'noticeUntil':
        info[field] = b.read(valueAt, [field], dateFromCell(bVal), 'import/date');
        break;
      case 'openingBalance':
      case 'closingBalance':
        info[field] = b.read(valueAt, [field], moneyFromCell(bVal), 'import/money');
        break;
    }
  });
  const required: InfoField[] =
    kind === 'finance' ? ['title', 'publishedOn', 'reviewedBy', 'openingBalance', 'closingBalance'] : ['title', 'publishedOn', 'reviewedBy'];
  for (const f of required) {
    if (info.at[f]) continue;
    const label = INFO_LABELS[f][0] ?? f;
    b.problems.push(
      b.loc.sheet(
        INFO_SHEET,
        'import/missing-label',
        bi(`缺少“${label}”一行`, `the "${label}" row is missing`),
        bi(`添加一行：A 列写“${label}”，B 列写内容`, `add a row with "${label}" in column A and the value in column B`),
      ),
    );
  }
  if (info.publishedOn !== undefined) b.findings(noticeRule.check({ data: { noticeUntil: info.noticeUntil, publishedOn: info.publishedOn } }));
  return info;
}

/** The header row of a table: which column holds what. */
function readFinanceHeader(b: Builder, sheet: Sheet, header: SheetRow): Map<FinanceColumn, number> | undefined {
  const cols = new Map<FinanceColumn, number>();
  header.cells.forEach((v, i) => {
    if (isBlank(v)) return;
    const t = textFromCell(v);
    const written = t.ok ? t.value : '';
    const col = lookup(FINANCE_HEADERS, written);
    const at: Origin = { sheet: sheet.name, row: header, col: i + 1 };
    if (!col) {
      b.cellProblem(
        at,
        'import/unknown-column',
        bi(`不认识的表头“${written}”`, `unknown column header "${written}"`),
        bi('表头只能是：收支、日期、科目、摘要、金额、凭证号；多余的列请删除', 'the headers are 收支, 日期, 科目, 摘要, 金额, 凭证号; delete any other column'),
      );
    } else if (cols.has(col)) {
      b.cellProblem(
        at,
        'import/duplicate-column',
        bi(`表头“${written}”重复`, `header "${written}" appears twice`),
        bi('删除重复的列', 'delete the duplicate column'),
      );
    } else {
      cols.set(col, i + 1);
    }
  });
  const missing = FINANCE_COLUMNS.filter((c) => !cols.has(c)).map((c) => FINANCE_HEADERS[c][0]);
  if (missing.length) {
    b.problems.push(
      b.loc.row(
        sheet.name,
        header,
        'import/missing-column',
        bi(`表头缺少：${missing.join('、')}`, `the header row lacks: ${missing.join(', ')}`),
        bi('第一行依次写：收支、日期、科目、摘要、金额、凭证号', 'the first row reads: 收支, 日期, 科目, 摘要, 金额, 凭证号'),
      ),
    );
    return undefined;
  }
  return cols;
}

function textOf(v: RawValue): string {
  const t = textFromCell(v);
  return t.ok ? t.value : '';
}

/**
 * Index of the table's first header row. Rows above it may only be title rows (one text,
 * usually merged across the table, e.g. 上溪村2026年10月财务收支明细表), which are skipped;
 * anything else there is reported. Without a recognisable header the table starts at its
 * first row, and the header checks report what is wrong.
 */
function headerStart(b: Builder, sheet: Sheet, isHeader: (row: SheetRow, index: number) => boolean): number {
  const at = sheet.rows.findIndex((r, i) => isHeader(r, i));
  if (at <= 0) return 0;
  for (const row of sheet.rows.slice(0, at)) {
    const texts = new Set(row.cells.filter((v) => !isBlank(v)).map(textOf));
    if (texts.size > 1) {
      b.problems.push(
        b.loc.row(
          sheet.name,
          row,
          'import/above-header',
          bi('表头上方只能有一行标题，这一行的内容无法导入', 'only a title may stand above the header row; this row cannot be imported'),
          bi('删除这一行，或把它移到其他工作表', 'delete the row, or move it to another sheet'),
        ),
      );
    }
  }
  return at;
}

/** Data in a column that has no header would be silently dropped: report its first cell. */
function reportHeaderless(b: Builder, sheetName: string, rows: readonly SheetRow[], known: ReadonlySet<number>, code: string): void {
  const reported = new Set<number>();
  for (const row of rows) {
    row.cells.forEach((v, i) => {
      const col = i + 1;
      if (known.has(col) || reported.has(col) || isBlank(v)) return;
      reported.add(col);
      b.cellProblem(
        { sheet: sheetName, row, col },
        code,
        bi('这一列没有表头，内容无法导入', 'this column has no header, so its content cannot be imported'),
        bi('删除这一列的内容，或补上表头', 'clear the column or give it a header'),
      );
    });
  }
}

function buildFinance(b: Builder, target: ImportTarget, info: InfoValues): FinanceDisclosure | undefined {
  const sheet = b.findSheet(FINANCE_SHEET);
  const income: LedgerEntry[] = [];
  const expense: LedgerEntry[] = [];
  let entriesOk = true;
  if (sheet) {
    const start = headerStart(b, sheet, (row) => row.cells.filter((v) => !isBlank(v) && lookup(FINANCE_HEADERS, textOf(v)) !== undefined).length >= 3);
    const [header, ...rows] = sheet.rows.slice(start);
    const cols = header ? readFinanceHeader(b, sheet, header) : undefined;
    if (!header) {
      b.problems.push(
        b.loc.sheet(
          FINANCE_SHEET,
          'import/empty-sheet',
          bi('没有内容', 'it is empty'),
          bi(
            '第一行写表头：收支、日期、科目、摘要、金额、凭证号，下面每行一笔',
            'write the header 收支, 日期, 科目, 摘要, 金额, 凭证号, then one entry per row',
          ),
        ),
      );
    }
    if (cols) {
      // Columns with a header were either read or reported at the header cell.
      const headed = new Set(header!.cells.flatMap((v, i) => (isBlank(v) ? [] : [i + 1])));
      reportHeaderless(b, FINANCE_SHEET, rows, headed, 'import/headerless');
      const cell = (row: SheetRow, c: FinanceColumn): [Origin, RawValue] => {
        const col = cols.get(c)!;
        return [{ sheet: FINANCE_SHEET, row, col }, row.cells[col - 1] ?? null];
      };
      for (const row of rows) {
        if (FINANCE_COLUMNS.every((c) => isBlank(cell(row, c)[1]))) continue;
        const [sideAt, sideRaw] = cell(row, 'side');
        const sideText = textFromCell(sideRaw);
        const sideWord = sideText.ok ? sideText.value.replace(/\s+/g, '') : '';
        if (TOTAL_ROW_RE.test(sideWord)) continue; // 合计 rows are for the paper notice board
        const sideKey = INCOME_WORDS.includes(sideWord) ? 'income' : EXPENSE_WORDS.includes(sideWord) ? 'expense' : undefined;
        if (!sideKey) {
          b.cellProblem(
            sideAt,
            'import/side',
            sideWord === ''
              ? bi('没有填写收支', '收支 is empty')
              : bi(`收支“${sideWord}”应为“收入”或“支出”`, `收支 "${sideWord}" must be 收入 (income) or 支出 (expense)`),
            bi(
              '填写“收入”或“支出”；表格下方的备注、落款请删除或移到其他工作表',
              'write 收入 or 支出; move notes and signatures below the table to another sheet',
            ),
          );
          entriesOk = false;
          continue;
        }
        const list = sideKey === 'income' ? income : expense;
        const i = list.length;
        const path = (k: string) => [sideKey, i, k];
        const [dateAt, dateRaw] = cell(row, 'date');
        const date = b.read(dateAt, path('date'), dateFromCell(dateRaw), 'import/date');
        const [accAt, accRaw] = cell(row, 'account');
        const account = b.text(accAt, path('account'), accRaw, bi('科目', 'the account (科目)'), true);
        const [sumAt, sumRaw] = cell(row, 'summary');
        const summary = b.text(sumAt, path('summary'), sumRaw, bi('摘要', 'the summary (摘要)'), true);
        const [amtAt, amtRaw] = cell(row, 'amount');
        const amount = b.read(amtAt, path('amount'), moneyFromCell(amtRaw), 'import/money');
        const [vouAt, vouRaw] = cell(row, 'voucher');
        const voucher = b.text(vouAt, path('voucher'), vouRaw, bi('凭证号', 'the voucher number (凭证号)'), true);
        if (date === undefined || account === undefined || summary === undefined || amount === undefined || voucher === undefined) {
          entriesOk = false;
          list.push({ date: date ?? '', account: account ?? '', summary: summary ?? '', amount: amount ?? '0.00', voucher: voucher ?? '' });
          continue;
        }
        list.push({ date, account, summary, amount, voucher });
      }
    }
  }
  if (!entriesOk || !sheet) return undefined;
  b.findings(entryPeriodRule.check({ period: target.period, income, expense }));
  if (info.openingBalance === undefined || info.closingBalance === undefined) return undefined;
  b.findings(balanceRule.check({ openingBalance: info.openingBalance, closingBalance: info.closingBalance, income, expense }));
  if (!info.title || !info.publishedOn || !info.reviewedBy) return undefined;
  return {
    village: target.village,
    period: target.period,
    category: '财务',
    title: info.title,
    publishedOn: info.publishedOn,
    ...(info.noticeUntil !== undefined ? { noticeUntil: info.noticeUntil } : {}),
    reviewedBy: info.reviewedBy,
    ...(info.corrections.length ? { corrections: info.corrections } : {}),
    openingBalance: info.openingBalance,
    income,
    expense,
    closingBalance: info.closingBalance,
  };
}

const KEY_RE = /^[A-Za-z][A-Za-z0-9_]*$/;

function readListColumns(b: Builder, sheet: Sheet, labels: SheetRow, types: SheetRow, keys: SheetRow): Array<ListColumn & { col: number }> | undefined {
  const width = Math.max(labels.cells.length, types.cells.length, keys.cells.length);
  const columns: Array<ListColumn & { col: number }> = [];
  let ok = true;
  const seen = new Map<string, number>();
  const typeList = (Object.keys(TYPE_WORDS) as Array<ListColumn['type']>).map((t) => TYPE_WORDS[t][0]).join('、');
  for (let col = 1; col <= width; col++) {
    const raw = [labels.cells[col - 1] ?? null, types.cells[col - 1] ?? null, keys.cells[col - 1] ?? null];
    if (raw.every((v) => isBlank(v))) continue;
    const at = (row: SheetRow): Origin => ({ sheet: sheet.name, row, col });
    const label = b.text(at(labels), ['columns', columns.length, 'label'], raw[0]!, bi('列名', 'the column label'), true);
    const typeText = textFromCell(raw[1]!);
    const typeWord = typeText.ok ? typeText.value : '';
    const type = lookup(TYPE_WORDS, typeWord);
    if (!type) {
      b.cellProblem(
        at(types),
        'import/column-type',
        typeWord === ''
          ? bi('第二行（列类型）为空', 'the column type (second row) is empty')
          : bi(`不认识的列类型“${typeWord}”`, `unknown column type "${typeWord}"`),
        bi(`第二行写列类型，只能是：${typeList}`, `the second row gives the column type: ${typeList} (text, integer, money, date, personName)`),
      );
    }
    const keyText = textFromCell(raw[2]!);
    const key = keyText.ok ? keyText.value : '';
    if (!KEY_RE.test(key)) {
      b.cellProblem(
        at(keys),
        'import/column-key',
        key === ''
          ? bi('第三行（列代码）为空', 'the column key (third row) is empty')
          : bi(
              `列代码“${key}”只能由英文字母、数字和下划线组成，且以字母开头`,
              `column key "${key}" may only hold letters, digits and underscores, starting with a letter`,
            ),
        bi('第三行写英文列代码，如 name、amount、note', 'the third row gives an English key such as name, amount, note'),
      );
      ok = false;
    } else if (seen.has(key)) {
      b.cellProblem(
        at(keys),
        'import/duplicate-key',
        bi(`列代码“${key}”与第 ${seen.get(key)} 列重复`, `column key "${key}" repeats column ${seen.get(key)}`),
        bi('每一列用不同的代码', 'give every column its own key'),
      );
      ok = false;
    } else {
      seen.set(key, col);
    }
    if (label === undefined || !type) ok = false;
    columns.push({ key, label: label ?? '', type: type ?? 'text', col });
  }
  if (columns.length === 0) {
    b.problems.push(
      b.loc.sheet(
        sheet.name,
        'import/no-columns',
        bi('没有任何列', 'there are no columns'),
        bi('前三行依次写：列名、列类型、列代码', 'the first three rows give label, type and key of each column'),
      ),
    );
    return undefined;
  }
  return ok ? columns : undefined;
}

function buildList(b: Builder, target: ImportTarget, info: InfoValues): ListDisclosure | undefined {
  const sheet = b.findSheet(LIST_SHEET);
  if (!sheet) return undefined;
  // The type row identifies the header: every filled cell is a type word (文字, 金额 …), and
  // the row below it holds keys.
  const isTypeRow = (row: SheetRow) => {
    const filled = row.cells.filter((v) => !isBlank(v));
    return filled.length > 0 && filled.every((v) => lookup(TYPE_WORDS, textOf(v)) !== undefined);
  };
  const isKeyRow = (row: SheetRow | undefined) =>
    row !== undefined && row.cells.some((v) => !isBlank(v)) && row.cells.every((v) => isBlank(v) || KEY_RE.test(textOf(v)));
  const typeAt = sheet.rows.findIndex((r, i) => i >= 1 && isTypeRow(r) && isKeyRow(sheet.rows[i + 1]));
  const start = typeAt > 0 ? headerStart(b, sheet, (_row, i) => i === typeAt - 1) : 0;
  const [labels, types, keys, ...rows] = sheet.rows.slice(start);
  if (!labels || !types || !keys) {
    b.problems.push(
      b.loc.sheet(
        LIST_SHEET,
        'import/list-header',
        bi('表头不完整：前三行应依次是列名、列类型、列代码', 'the header is incomplete: the first three rows are label, type and key'),
        bi('按 docs/导入表格说明.md 补齐前三行', 'complete the three header rows as docs/导入表格说明.md shows'),
      ),
    );
    return undefined;
  }
  const columns = readListColumns(b, sheet, labels, types, keys);
  if (!columns) return undefined;
  reportHeaderless(b, sheet.name, rows, new Set(columns.map((c) => c.col)), 'import/headerless');
  const out: Array<Record<string, unknown>> = [];
  let rowsOk = true;
  for (const row of rows) {
    if (columns.every((c) => isBlank(row.cells[c.col - 1]))) continue;
    const r = out.length;
    const record: Record<string, unknown> = {};
    for (const c of columns) {
      const at: Origin = { sheet: sheet.name, row, col: c.col };
      const raw = row.cells[c.col - 1] ?? null;
      const path = ['rows', r, c.key];
      let value: unknown;
      switch (c.type) {
        case 'text':
          value = b.text(at, path, raw, bi(c.label, c.key), false);
          break;
        case 'integer':
          value = b.read(at, path, integerFromCell(raw), 'import/integer');
          break;
        case 'money':
          value = b.read(at, path, moneyFromCell(raw), 'import/money');
          break;
        case 'date':
          value = b.read(at, path, dateFromCell(raw), 'import/date');
          break;
        case 'personName': {
          const name = b.read(at, path, textFromCell(raw), 'import/text');
          if (name === undefined) break;
          const check = checkPersonName(name);
          if (!check.ok) {
            b.cellProblem(
              at,
              'privacy/unmasked-name',
              check.reason === 'empty' ? bi(`“${c.label}”为空`, `"${c.key}" is empty`) : bi(`姓名“${name}”未脱敏`, `the name "${name}" is not masked`),
              check.reason === 'empty'
                ? bi('填写脱敏后的姓名，如 张*华', 'write the masked name, e.g. 张*华')
                : bi(
                    `写成“${suggestMask(name)}”或“${[...name][0] ?? ''}某某”的形式；公开名单中的姓名必须脱敏`,
                    `write it masked, like "${suggestMask(name)}"; names in published lists must be masked`,
                  ),
            );
            break;
          }
          b.scan(at, name);
          value = name;
          break;
        }
      }
      if (value === undefined) {
        rowsOk = false;
        continue;
      }
      if (!cellFits(c.type, value)) {
        const t = cellTypeName(c.type);
        b.cellProblem(at, 'import/cell-type', bi(`应为${t.zh}`, `should be ${t.en}`), bi(`按列类型填写`, `write the cell as its column type says`));
        rowsOk = false;
      }
      record[c.key] = value;
    }
    out.push(record);
  }
  if (out.length === 0) {
    b.problems.push(
      b.loc.sheet(
        LIST_SHEET,
        'import/no-rows',
        bi('表头下面没有任何数据行', 'there are no data rows below the header'),
        bi('从第四行起每行填写一条', 'fill in one record per row from the fourth row on'),
      ),
    );
    return undefined;
  }
  if (!rowsOk || !info.title || !info.publishedOn || !info.reviewedBy) return undefined;
  return {
    village: target.village,
    period: target.period,
    category: KIND_CATEGORY[target.kind] as ListDisclosure['category'],
    title: info.title,
    publishedOn: info.publishedOn,
    ...(info.noticeUntil !== undefined ? { noticeUntil: info.noticeUntil } : {}),
    reviewedBy: info.reviewedBy,
    ...(info.corrections.length ? { corrections: info.corrections } : {}),
    columns: columns.map(({ key, label, type }) => ({ key, label, type })),
    rows: out,
  };
}

/** Builds and validates the disclosure; `data` only when there is no problem at all. */
export function buildDisclosure(model: SpreadsheetModel, target: ImportTarget, allow?: ReadonlySet<string>): BuildResult {
  const b = new Builder(model, allow);
  const info = readInfo(b, target.kind);
  const data = target.kind === 'finance' ? buildFinance(b, target, info) : buildList(b, target, info);
  if (!data || b.problems.length) return { problems: b.problems };
  // The contract schema as a last line of defence; issues are named by cell where known.
  const schema = target.kind === 'finance' ? financeDisclosureSchema : listDisclosureSchema;
  const parsed = schema.safeParse(data, { reportInput: true });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const { what, fix } = describeIssue(issue, schema);
      const o = b.origins.get(fieldPath(issue.path));
      b.problems.push(
        o ? b.loc.cell(o.sheet, o.row, o.col, 'import/schema', what, fix) : { ...b.loc.whole('import/schema', what, fix), field: fieldPath(issue.path) },
      );
    }
    return { problems: b.problems };
  }
  return { data, problems: [] };
}
