/**
 * The spreadsheet layout officials fill in (docs/导入表格说明.md): sheet names, the labels of
 * the 基本信息 rows and the headers of the tables, with the spellings we also accept.
 */
import type { ListColumn } from '../schemas/disclosure';

export const INFO_SHEET = '基本信息';
export const FINANCE_SHEET = '收支明细';
export const LIST_SHEET = '名单';

export type InfoField = 'title' | 'publishedOn' | 'reviewedBy' | 'noticeUntil' | 'openingBalance' | 'closingBalance' | 'corrections';

/** 基本信息 row labels (first spelling is the documented one). */
export const INFO_LABELS: Record<InfoField, readonly string[]> = {
  title: ['标题', '公开标题'],
  publishedOn: ['公开日期', '发布日期'],
  reviewedBy: ['审核机构', '审核单位', '审核'],
  noticeUntil: ['公示截止日期', '公示截止', '截止日期'],
  openingBalance: ['期初余额', '上期结余'],
  closingBalance: ['期末余额', '本期结余'],
  corrections: ['更正说明', '更正'],
};

/** Optional first row of 基本信息 naming its two columns. */
export const INFO_HEADER = ['项目', '内容'] as const;

export type FinanceColumn = 'side' | 'date' | 'account' | 'summary' | 'amount' | 'voucher';

/** 收支明细 header labels, in the documented order. */
export const FINANCE_HEADERS: Record<FinanceColumn, readonly string[]> = {
  side: ['收支', '收支类型', '收/支'],
  date: ['日期'],
  account: ['科目', '会计科目'],
  summary: ['摘要'],
  amount: ['金额'],
  voucher: ['凭证号', '凭证', '凭证编号', '凭证字号'],
};

export const FINANCE_COLUMNS: readonly FinanceColumn[] = ['side', 'date', 'account', 'summary', 'amount', 'voucher'];

export const INCOME_WORDS = ['收入', '收'];
export const EXPENSE_WORDS = ['支出', '支'];
/** 收支 cells of total rows, which are skipped: 合计, 小计, 本月合计, 总计 … */
export const TOTAL_ROW_RE = /^(?:本[月期季年])?(?:收入|支出)?(?:合计|小计|总计)/;

/** 名单 second header row: column type words (the Chinese word first, as documented). */
export const TYPE_WORDS: Record<ListColumn['type'], readonly string[]> = {
  text: ['文字', '文本', 'text'],
  integer: ['整数', 'integer'],
  money: ['金额', 'money'],
  date: ['日期', 'date'],
  personName: ['姓名', 'personName'],
};

/** `期初余额（元）：` → `期初余额`: labels and headers compared without units, colons and spaces. */
export function normaliseLabel(s: string): string {
  return s
    .replace(/\s+/g, '')
    .replace(/[（(][^）)]*[）)]$/, '')
    .replace(/[:：*＊]+$/, '');
}

export function lookup<K extends string>(table: Record<K, readonly string[]>, written: string): K | undefined {
  const n = normaliseLabel(written).toLowerCase();
  for (const [key, words] of Object.entries(table) as Array<[K, readonly string[]]>) {
    if (words.some((w) => w.toLowerCase() === n)) return key;
  }
  return undefined;
}
