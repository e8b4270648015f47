/** List-table cells checked against their column type (CONTENT.md: typed columns). */
import { isRealDate } from '../core/dates';
import { formatYuan, isMoneyString, parseYuan } from '../core/money';
import type { ListColumn } from '../schemas/disclosure';
import { bi, type Bilingual } from '../core/errors';

const TYPE_NAMES: Record<ListColumn['type'], Bilingual> = {
  text: bi('文字', 'text'),
  integer: bi('整数', 'an integer'),
  money: bi('金额文字（如 "1260.00"）', 'a money string (e.g. "1260.00")'),
  date: bi('日期（YYYY-MM-DD）', 'a date (YYYY-MM-DD)'),
  personName: bi('脱敏姓名（如 张*华）', 'a masked name (e.g. 张*华)'),
};

export function cellTypeName(type: ListColumn['type']): Bilingual {
  return TYPE_NAMES[type];
}

/** True when the value fits the column type. Masking of personName is the privacy gate's job. */
export function cellFits(type: ListColumn['type'], value: unknown): boolean {
  switch (type) {
    case 'text':
    case 'personName':
      return typeof value === 'string';
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'money':
      return isMoneyString(value);
    case 'date':
      return typeof value === 'string' && isRealDate(value);
  }
}

/** How a valid cell is shown: money as ¥1,260.00, the rest as written. */
export function formatCell(type: ListColumn['type'], value: unknown): string {
  if (type === 'money' && isMoneyString(value)) return formatYuan(parseYuan(value));
  return value === undefined || value === null ? '' : String(value);
}
