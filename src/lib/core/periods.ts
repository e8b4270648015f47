/**
 * Disclosure periods: months `YYYY-MM`, quarters `YYYY-Qn`, years `YYYY` (CONTENT.md).
 */
import { daysInMonth } from './dates';

export type PeriodKind = 'month' | 'quarter' | 'year';

export interface Period {
  id: string;
  kind: PeriodKind;
  year: number;
  /** First and last calendar day, inclusive. */
  start: string;
  end: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function parsePeriod(id: string): Period | undefined {
  let m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(id);
  if (m) {
    const [y, mo] = [Number(m[1]), Number(m[2])];
    return { id, kind: 'month', year: y, start: `${y}-${pad(mo)}-01`, end: `${y}-${pad(mo)}-${pad(daysInMonth(y, mo))}` };
  }
  m = /^(\d{4})-Q([1-4])$/.exec(id);
  if (m) {
    const [y, q] = [Number(m[1]), Number(m[2])];
    const last = q * 3;
    return { id, kind: 'quarter', year: y, start: `${y}-${pad(last - 2)}-01`, end: `${y}-${pad(last)}-${pad(daysInMonth(y, last))}` };
  }
  m = /^(\d{4})$/.exec(id);
  if (m) {
    const y = Number(m[1]);
    return { id, kind: 'year', year: y, start: `${y}-01-01`, end: `${y}-12-31` };
  }
  return undefined;
}

/** `2026-10` → `2026-11`; `2026-12` → `2027-01`. */
export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${pad(m + 1)}`;
}

export function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${pad(m - 1)}`;
}

/** The quarter a month belongs to: `2026-08` → `2026-Q3`. */
export function quarterOf(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${y}-Q${Math.ceil(m / 3)}`;
}

/** `2026-10` → 2026年10月; `2026-Q3` → 2026年第三季度; `2026` → 2026年. */
export function formatPeriod(id: string): string {
  const p = parsePeriod(id);
  if (!p) return id;
  if (p.kind === 'month') return `${p.year}年${Number(id.slice(5))}月`;
  if (p.kind === 'quarter') return `${p.year}年第${'一二三四'[Number(id.slice(6)) - 1]}季度`;
  return `${p.year}年`;
}

/** The date `day` of the month after the period ends: the disclosure deadline. */
export function deadlineAfter(period: Period, day: number): string {
  const [y, m] = period.end.slice(0, 7).split('-').map(Number) as [number, number];
  const [ny, nm] = m === 12 ? [y + 1, 1] : [y, m + 1];
  return `${ny}-${pad(nm)}-${pad(Math.min(day, daysInMonth(ny, nm)))}`;
}
