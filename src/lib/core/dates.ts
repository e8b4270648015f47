/**
 * Calendar dates as `YYYY-MM-DD` strings. Comparing such strings lexically is comparing
 * dates, so the model never needs Date objects (and never meets time-zone drift).
 */

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date: `2026-02-30` and `2026-13-01` are not. */
export function isRealDate(value: string): boolean {
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The calendar date in Asia/Shanghai at `now` — the site's legal time zone. */
export function shanghaiDate(now: Date): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/**
 * "Today" for everything computed from dates (CONTENT.md): `SITE_TODAY` when set,
 * otherwise the build date in Asia/Shanghai. A malformed SITE_TODAY is an error, not a guess.
 */
export function resolveToday(siteToday: string | undefined, now: Date = new Date()): string {
  if (siteToday === undefined || siteToday === '') return shanghaiDate(now);
  if (!isRealDate(siteToday)) {
    throw new Error(`SITE_TODAY="${siteToday}" 不是有效日期，应为 YYYY-MM-DD。(SITE_TODAY must be a real date in YYYY-MM-DD form.)`);
  }
  return siteToday;
}

/** 2026-11-20 → 2026年11月20日 */
export function formatChineseDate(date: string): string {
  const m = DATE_RE.exec(date);
  if (!m) return date;
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

export function yearOf(date: string): string {
  return date.slice(0, 4);
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}
