/**
 * Comparing towns on a shared measure (e.g. 矛盾纠纷 per 1,000 residents) from what each town
 * published. Only published totals are added up — a month hidden by a town's suppression
 * makes that town's sum unknown, never estimated — so the portal cannot reveal what a town hid.
 */
import type { Dataset } from '../schemas/dataset';
import type { PortalComparison } from '../schemas/portal';

export interface ComparedTown {
  name: string;
  url: string;
  /** Residents the town's figures cover (its datapackage.json `region.population`). */
  population?: number;
  /** The town's published dataset with that id, when it has one. */
  dataset?: Dataset;
}

export interface ComparisonRow {
  name: string;
  url: string;
  population?: number;
  /** Sum over the window, or null when it cannot be known from published figures. */
  value: number | null;
  /** value per `per` residents, 2 decimals; null when value or population is missing. */
  rate: number | null;
  /** Why value or rate is missing (Chinese, shown in the table). */
  note?: string;
}

export interface Comparison {
  spec: PortalComparison;
  /** The months summed, oldest first (YYYY-MM): the latest `spec.months` every town covers. */
  months: string[];
  rows: ComparisonRow[];
}

/** A town's published monthly totals of the measure: month → value (null when hidden). */
function monthlyTotals(d: Dataset, measure: string): Map<string, number | null> | undefined {
  const monthKey = d.dimensions.find((x) => x.type === 'month')?.key;
  const totals = monthKey ? d.totals?.find((t) => t.by.length === 1 && t.by[0] === monthKey) : undefined;
  if (!monthKey || !totals) return undefined;
  const out = new Map<string, number | null>();
  for (const r of totals.rows) {
    const v = r[measure];
    out.set(String(r[monthKey]), r.suppressed === true || typeof v !== 'number' ? null : v);
  }
  return out;
}

/** Rounds to 2 decimals for display without binary noise (0.1 + 0.2 style). */
const round2 = (x: number) => Math.round(x * 100) / 100;

type Series = { note: string } | { monthly: Map<string, number | null>; threshold: number };

export function compareTowns(spec: PortalComparison, towns: readonly ComparedTown[]): Comparison {
  const series = towns.map((t): Series => {
    const d = t.dataset;
    if (!d) return { note: '该镇（街道）未发布此数据集' };
    const m = d.measures.find((x) => x.key === spec.measure);
    if (!m || m.type !== 'count') return { note: `该数据集没有计数指标 ${spec.measure}` };
    const monthly = monthlyTotals(d, spec.measure);
    if (!monthly) return { note: '该数据集未发布按月合计' };
    return { monthly, threshold: d.suppression.threshold };
  });
  // The window: the latest months every town with monthly totals covers, so sums compare like with like.
  const covered = series.flatMap((s) => ('monthly' in s ? [new Set(s.monthly.keys())] : []));
  const common = covered.length === 0 ? [] : [...covered[0]!].filter((mo) => covered.every((c) => c.has(mo))).sort();
  const months = common.slice(-spec.months);

  const rows = towns.map((t, i): ComparisonRow => {
    const s = series[i]!;
    const base = { name: t.name, url: t.url, population: t.population };
    if (!('monthly' in s)) return { ...base, value: null, rate: null, note: s.note };
    if (months.length === 0) return { ...base, value: null, rate: null, note: '各镇（街道）没有共同的统计月份' };
    const values = months.map((mo) => s.monthly.get(mo));
    if (values.some((v) => v === null || v === undefined)) {
      return { ...base, value: null, rate: null, note: `有月份的数字小于 ${s.threshold}，按规定未公开，无法合计` };
    }
    const value = (values as number[]).reduce((a, b) => a + b, 0);
    if (value > 0 && value < s.threshold) return { ...base, value: null, rate: null, note: `合计小于 ${s.threshold}，不公开` };
    if (!t.population) return { ...base, value, rate: null, note: '该镇（街道）未公布人口数，无法计算比率' };
    return { ...base, value, rate: round2((value / t.population) * spec.per) };
  });
  return { spec, months, rows };
}
