/**
 * The dataset model pages render: tables with suppressed cells marked, true totals (only
 * from `totals`, never summed from published cells), alert occurrences, chart series,
 * map values and plan-goal indicator values. Computed once here.
 */
import { villageRates, type MapRates } from '../stats/map';
import { formatPeriod, parsePeriod } from '../core/periods';
import type { AlertRule, DataRow, Dataset, Dimension, Measure } from '../schemas/dataset';
import type { Goal } from '../schemas/plan';
import type { Village } from '../schemas/village';

export interface Cell {
  value: number | null;
  suppressed: boolean;
  /** What the reader sees: the number, or "<5" for a suppressed count (HIDDEN_RATE_TEXT for a rate). */
  text: string;
}

export interface TableView {
  /** Dimension labels then measure labels (with units). */
  header: string[];
  /** How many leading columns are dimensions (row headers). */
  dimensionCount: number;
  rows: Array<{ labels: string[]; cells: Cell[] }>;
}

export interface AlertOccurrence {
  label: string;
  /** Period of the occurrence (month, quarter or year value), when the rule groups by one. */
  period?: string;
  periodLabel?: string;
  /** Place (village name), when the rule groups by village. */
  place?: string;
  /** Other grouping values, labelled. */
  group: string;
  value: number;
  above: number;
  unit: string;
}

export interface SeriesSpec {
  title: string;
  labels: string[];
  values: Array<number | null>;
  /** Labels of suppressed points (shown as "<threshold"). */
  suppressedLabels: string[];
  unit: string;
  kind: 'line' | 'bar';
}

export interface DatasetView {
  id: string;
  title: string;
  description: string;
  issuer: string;
  unit: string;
  updatedOn: string;
  license: string;
  source?: string;
  threshold: number;
  dimensions: Dimension[];
  measures: Measure[];
  coverage: { villages: string[]; periodFrom?: string; periodTo?: string; rows: number };
  table: TableView;
  totals: Array<{ by: string[]; title: string; table: TableView }>;
  alerts: AlertOccurrence[];
  /** Alerts in the dataset's latest period (home page). */
  latestAlerts: AlertOccurrence[];
  charts: SeriesSpec[];
  /** Per-village values of the first count measure from totals by village (for the map). */
  villageValues?: Map<string, Cell>;
  /** The same values per 1,000 residents with their legend classes: what the village map draws. */
  villageRates?: MapRates;
  data: Dataset;
  file?: string;
}

const TIME_TYPES = new Set(['month', 'quarter', 'year']);

export function suppressedText(threshold: number): string {
  return `<${threshold}`;
}

/**
 * What "<5" means, said truthfully: a hidden number is either below the threshold or was
 * hidden with it so that it cannot be worked out (and may then be 5 or more).
 */
export function suppressedNote(threshold: number): string {
  return `不公开：少于${threshold}，或为防止推算而一并隐藏`;
}

/**
 * A hidden rate is not written "<5": beside a percentage that reads as "under 5 %". What was
 * hidden is the count the rate is taken of, so the cell just says it is not published.
 */
export const HIDDEN_RATE_TEXT = '不公开';

/** What a hidden cell of measure `m` says, on the page and in the CSV. */
export function hiddenText(m: Measure, threshold: number): string {
  return m.type === 'rate' ? HIDDEN_RATE_TEXT : suppressedText(threshold);
}

/** Shown for a rate whose base is zero (0 cases: 0/0 has no rate; it is not hidden). */
export const NO_RATE_TEXT = '—';

/**
 * A rate may be empty in a published row when the row counted nothing: every count measure
 * of the row is 0, so there is no base to take a percentage of (e.g. 调解成功率 with 0 件).
 */
export function rateHasNoBase(row: DataRow, m: Measure, measures: readonly Measure[]): boolean {
  const counts = measures.filter((x) => x.type === 'count');
  return m.type === 'rate' && row.suppressed !== true && counts.length > 0 && counts.every((x) => row[x.key] === 0);
}

function cell(row: DataRow, m: Measure, threshold: number, measures: readonly Measure[]): Cell {
  const v = row[m.key];
  if ((v === null || v === undefined) && rateHasNoBase(row, m, measures)) return { value: null, suppressed: false, text: NO_RATE_TEXT };
  if (row.suppressed === true || v === null || v === undefined) return { value: null, suppressed: true, text: hiddenText(m, threshold) };
  const n = Number(v);
  return { value: n, suppressed: false, text: m.type === 'rate' ? `${n.toFixed(1)}%` : n.toLocaleString('zh-CN') };
}

function labeler(villages: ReadonlyMap<string, Village>) {
  return (dim: Dimension, value: unknown): string => {
    const s = String(value ?? '');
    if (dim.type === 'village') return villages.get(s)?.name ?? s;
    return s;
  };
}

function measureHeader(m: Measure, unit: string): string {
  const u = m.type === 'rate' ? '%' : (m.unit ?? unit);
  return `${m.label}（${u}）`;
}

function tableOf(rows: readonly DataRow[], dims: readonly Dimension[], d: Dataset, label: (dim: Dimension, v: unknown) => string): TableView {
  return {
    header: [...dims.map((x) => x.label), ...d.measures.map((m) => measureHeader(m, d.unit))],
    dimensionCount: dims.length,
    rows: rows.map((r) => ({ labels: dims.map((x) => label(x, r[x.key])), cells: d.measures.map((m) => cell(r, m, d.suppression.threshold, d.measures)) })),
  };
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

/** Rows of the true margins grouped by exactly `by`, if the dataset publishes them. */
export function totalsBy(d: Dataset, by: readonly string[]): DataRow[] | undefined {
  if (
    sameSet(
      by,
      d.dimensions.map((x) => x.key),
    )
  )
    return d.rows;
  return d.totals?.find((t) => sameSet(t.by, by))?.rows;
}

/**
 * Value of an alert rule's groups: from totals grouped the same way when published (true
 * margins), else from full rows. Groups whose value is unknown (suppressed) never alert:
 * a suppressed value is below the threshold anyway.
 */
export function evaluateAlerts(d: Dataset, rule: AlertRule, label: (dim: Dimension, v: unknown) => string): AlertOccurrence[] {
  const rows = totalsBy(d, rule.by);
  if (!rows) return [];
  const dims = d.dimensions.filter((x) => rule.by.includes(x.key));
  const time = dims.find((x) => TIME_TYPES.has(x.type));
  const place = dims.find((x) => x.type === 'village');
  const measure = d.measures.find((m) => m.key === rule.measure);
  const out: AlertOccurrence[] = [];
  for (const r of rows) {
    const v = r[rule.measure];
    if (r.suppressed === true || typeof v !== 'number' || v <= rule.above) continue;
    const period = time ? String(r[time.key]) : undefined;
    out.push({
      label: rule.label,
      period,
      periodLabel: period ? formatPeriod(period) : undefined,
      place: place ? label(place, r[place.key]) : undefined,
      group: dims
        .filter((x) => x !== time && x !== place)
        .map((x) => `${x.label}：${label(x, r[x.key])}`)
        .join('，'),
      value: v,
      above: rule.above,
      unit: measure?.type === 'rate' ? '%' : (measure?.unit ?? d.unit),
    });
  }
  return out;
}

/** The dataset's month, quarter or year dimension, if it has one. */
export function timeDimension(d: Dataset): Dimension | undefined {
  return d.dimensions.find((x) => TIME_TYPES.has(x.type));
}

function seriesFrom(d: Dataset, by: Dimension, label: (dim: Dimension, v: unknown) => string): SeriesSpec | undefined {
  const rows = totalsBy(d, [by.key]);
  const m = d.measures[0];
  if (!rows || !m) return undefined;
  const sorted = [...rows].sort((a, b) => String(a[by.key]).localeCompare(String(b[by.key])));
  const labels = sorted.map((r) => (by.type === 'month' ? formatPeriod(String(r[by.key])) : label(by, r[by.key])));
  const values = sorted.map((r) => (r.suppressed === true || typeof r[m.key] !== 'number' ? null : (r[m.key] as number)));
  return {
    title: `${m.label}（按${by.label}）`,
    labels,
    values,
    suppressedLabels: labels.filter((_, i) => values[i] === null),
    unit: m.type === 'rate' ? '%' : (m.unit ?? d.unit),
    kind: TIME_TYPES.has(by.type) ? 'line' : 'bar',
  };
}

export function buildDatasetView(d: Dataset, villages: readonly Village[], file?: string): DatasetView {
  const byCode = new Map(villages.map((v) => [v.code, v]));
  const label = labeler(byCode);
  const time = timeDimension(d);
  const periods = time ? [...new Set(d.rows.map((r) => String(r[time.key])))].sort() : [];
  const villageDim = d.dimensions.find((x) => x.type === 'village');
  const alerts = (d.alerts ?? [])
    .flatMap((rule) => evaluateAlerts(d, rule, label))
    .sort((a, b) => (b.period ?? '').localeCompare(a.period ?? '') || b.value - a.value);
  const latest = periods.at(-1);
  const firstCount = d.measures.find((m) => m.type === 'count');
  let villageValues: Map<string, Cell> | undefined;
  if (villageDim && firstCount) {
    const rows = totalsBy(d, [villageDim.key]);
    if (rows) villageValues = new Map(rows.map((r) => [String(r[villageDim.key]), cell(r, firstCount, d.suppression.threshold, d.measures)]));
  }
  return {
    id: d.id,
    title: d.title,
    description: d.description,
    issuer: d.issuer,
    unit: d.unit,
    updatedOn: d.updatedOn,
    license: d.license,
    source: d.source,
    threshold: d.suppression.threshold,
    dimensions: d.dimensions,
    measures: d.measures,
    coverage: {
      villages: villageDim ? [...new Set(d.rows.map((r) => label(villageDim, r[villageDim.key])))] : [],
      periodFrom: periods[0],
      periodTo: periods.at(-1),
      rows: d.rows.length,
    },
    table: tableOf(d.rows, d.dimensions, d, label),
    totals: (d.totals ?? []).map((t) => {
      const dims = d.dimensions.filter((x) => t.by.includes(x.key));
      return { by: t.by, title: t.by.length ? `按${dims.map((x) => x.label).join('、')}合计` : '总计', table: tableOf(t.rows, dims, d, label) };
    }),
    alerts,
    latestAlerts: latest ? alerts.filter((a) => a.period === latest) : [],
    charts: d.dimensions
      .filter((x) => x.type !== 'village')
      .map((x) => seriesFrom(d, x, label))
      .filter((s): s is SeriesSpec => s !== undefined),
    villageValues,
    villageRates: villageValues && villageRates(villageValues, villages),
    data: d,
    file,
  };
}

export interface IndicatorValue {
  value?: number;
  /** 已达成 / 未达成; undefined when the value is not published (suppressed or missing). */
  met?: boolean;
  /** The dataset has no row for the goal's period yet (a goal about a year still to come): 暂无数据, not 不公开. */
  noData?: true;
  unit: string;
  datasetTitle: string;
}

/**
 * A plan goal's current value from its dataset (CONTENT.md: from the published totals when
 * the dataset has them). Counts over a longer period add up the true margins of its months.
 * When a month inside the period is hidden, the count is still known if the total without the
 * period (e.g. the grand total) is published and every month outside the period is: the
 * difference uses published numbers only, so it reveals nothing the audit has not allowed.
 * Otherwise the value stays unknown rather than guessed.
 */
export function indicatorValue(goal: Goal, d: Dataset): IndicatorValue | undefined {
  const ind = goal.indicator;
  if (!ind) return undefined;
  const m = d.measures.find((x) => x.key === ind.measure);
  if (!m) return undefined;
  const where = ind.where ?? {};
  const time = timeDimension(d);
  const by = [...Object.keys(where), ...(ind.period && time ? [time.key] : [])];
  const rows = totalsBy(d, by);
  const unit = m.type === 'rate' ? '%' : (m.unit ?? d.unit);
  const base = { unit, datasetTitle: d.title };
  if (!rows) return base;
  const period = ind.period ? parsePeriod(ind.period) : undefined;
  const matching = rows.filter((r) => {
    if (!Object.entries(where).every(([k, v]) => String(r[k]) === v)) return false;
    if (!period || !time) return true;
    const p = parsePeriod(String(r[time.key]));
    return !!p && p.start >= period.start && p.end <= period.end;
  });
  const known = (r: DataRow) => r.suppressed !== true && typeof r[m.key] === 'number';
  const sum = (rs: readonly DataRow[]) => rs.reduce((s, r) => s + (r[m.key] as number), 0);
  if (matching.length === 0) return { ...base, noData: true };
  if (m.type === 'rate' && (matching.length !== 1 || !known(matching[0]!))) return base;
  let value: number | undefined = matching.every(known) ? sum(matching) : undefined;
  if (value === undefined && m.type === 'count' && period) {
    const whole = totalsBy(d, Object.keys(where))?.filter((r) => Object.entries(where).every(([k, v]) => String(r[k]) === v));
    const outside = rows.filter((r) => Object.entries(where).every(([k, v]) => String(r[k]) === v) && !matching.includes(r));
    if (whole?.length === 1 && known(whole[0]!) && outside.every(known)) value = (whole[0]![m.key] as number) - sum(outside);
  }
  if (value === undefined) return base;
  const met = goal.target === undefined ? undefined : goal.comparator === '>=' ? value >= goal.target : value <= goal.target;
  return { ...base, value, met };
}
