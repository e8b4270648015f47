/**
 * Checks of a published dataset (`content/data/<id>.json`), used by `npm run check` and by
 * the aggregation itself:
 *
 * - `auditSuppression`: the LP audit — no suppressed value may be recoverable, exactly or
 *   within less than the threshold, from the published cells and totals (CONTENT.md);
 * - `checkTotalsAgree`: every published total agrees with the published cells it covers;
 * - `unsuppressedSmallCounts`: no count with 0 < n < threshold is published, and what is
 *   hidden is hidden consistently (`suppressed: true`, every measure of the row null).
 *
 * All three are pure and keep nothing between calls. Cells are the dataset's `rows`; the
 * margins are the rows of its `totals`, each covering the rows whose dimension values match
 * its `by` keys. Only `count` measures are audited: a `rate` is hidden wherever its count is.
 */
import { bi, type Problem } from '../core/errors';
import type { DataRow, Dataset } from '../schemas/dataset';
import { auditTable, type AuditOptions, type RangeResult } from './audit-table';
import { isSmall, type Margin, type PublishedTable } from './table';

export interface CellRange {
  /** The count measure audited. */
  measure: string;
  /** Where the value sits in the file: `rows[12].count` or `totals[0].rows[3].count`. */
  field: string;
  /** Its dimension values (for a total, only its `by` keys). */
  where: Record<string, string>;
  min: number;
  /** Infinity when nothing bounds it. */
  max: number;
  /** min and max are exact LP optima (false: proven at least `threshold` apart, no more). */
  exact: boolean;
  safe: boolean;
}

export interface AuditResult {
  /** True when no value is recoverable and the published numbers are consistent. */
  ok: boolean;
  threshold: number;
  /** Every suppressed value of every count measure, with its feasible range. */
  ranges: CellRange[];
  unsafe: CellRange[];
  /** Count measures whose published numbers contradict each other (no ranges computed for them). */
  infeasible: string[];
  /** Linear programs solved. */
  lps: number;
}

/** A count measure's published table: rows as cells, totals rows as margins. */
export interface DatasetTable {
  table: PublishedTable;
  /** For each margin, where it is: [totals index, row index]. */
  marginAt: Array<readonly [number, number]>;
}

const dimensionKeys = (d: Dataset) => d.dimensions.map((x) => x.key);

function valueOf(row: DataRow, key: string): number | null {
  const v = row[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

function keyOf(row: DataRow, by: readonly string[]): string {
  return JSON.stringify(by.map((k) => row[k] ?? null));
}

/** Which rows each totals row covers: `covered[g][i]` lists the row indices of `totals[g].rows[i]`. */
export function coveredRows(dataset: Dataset): number[][][] {
  return (dataset.totals ?? []).map((group) => {
    const index = new Map<string, number[]>();
    dataset.rows.forEach((row, r) => {
      const k = keyOf(row, group.by);
      const list = index.get(k);
      if (list) list.push(r);
      else index.set(k, [r]);
    });
    return group.rows.map((t) => index.get(keyOf(t, group.by)) ?? []);
  });
}

/** The published table of one count measure, in the audit's neutral model. */
export function datasetTable(dataset: Dataset, measure: string, covered: number[][][] = coveredRows(dataset)): DatasetTable {
  const cells = dataset.rows.map((r) => valueOf(r, measure));
  const margins: Margin[] = [];
  const marginAt: Array<readonly [number, number]> = [];
  (dataset.totals ?? []).forEach((group, g) => {
    group.rows.forEach((t, i) => {
      margins.push({ cells: covered[g]![i]!, value: valueOf(t, measure) });
      marginAt.push([g, i]);
    });
  });
  return { table: { threshold: dataset.suppression.threshold, cells, margins }, marginAt };
}

function whereOf(row: DataRow, keys: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of keys) if (row[k] !== undefined) out[k] = String(row[k]);
  return out;
}

/** The LP audit of every count measure. Pure; `{ exact: true }` computes every range exactly. */
export function auditSuppression(dataset: Dataset, options: AuditOptions = {}): AuditResult {
  const covered = coveredRows(dataset);
  const keys = dimensionKeys(dataset);
  const ranges: CellRange[] = [];
  const infeasible: string[] = [];
  let lps = 0;
  for (const m of dataset.measures) {
    if (m.type !== 'count') continue;
    const { table, marginAt } = datasetTable(dataset, m.key, covered);
    const audit = auditTable(table, options);
    lps += audit.lps;
    if (audit.infeasible) infeasible.push(m.key);
    for (const r of audit.ranges) ranges.push(describe(dataset, m.key, r, marginAt, keys));
  }
  const unsafe = ranges.filter((r) => !r.safe);
  return { ok: unsafe.length === 0 && infeasible.length === 0, threshold: dataset.suppression.threshold, ranges, unsafe, infeasible, lps };
}

function describe(dataset: Dataset, measure: string, r: RangeResult, marginAt: DatasetTable['marginAt'], keys: string[]): CellRange {
  const base = { measure, min: r.min, max: r.max, exact: r.exact, safe: r.safe };
  if (r.kind === 'cell') {
    return { ...base, field: `rows[${r.index}].${measure}`, where: whereOf(dataset.rows[r.index]!, keys) };
  }
  const [g, i] = marginAt[r.index]!;
  const group = dataset.totals![g]!;
  return { ...base, field: `totals[${g}].rows[${i}].${measure}`, where: whereOf(group.rows[i]!, group.by) };
}

const fileOf = (dataset: Dataset, file?: string) => file ?? `data/${dataset.id}.json`;

export function whereText(where: Record<string, string>, dataset: Dataset): { zh: string; en: string } {
  const parts = Object.entries(where).map(([k, v]) => ({ label: dataset.dimensions.find((d) => d.key === k)?.label ?? k, k, v }));
  if (parts.length === 0) return bi('总计', 'the grand total');
  return bi(parts.map((p) => `${p.label} ${p.v}`).join('、'), parts.map((p) => `${p.k}=${p.v}`).join(', '));
}

/** The audit's findings as problems for `npm run check`. */
export function auditProblems(dataset: Dataset, result: AuditResult, file?: string): Problem[] {
  const out: Problem[] = [];
  for (const m of result.infeasible) {
    out.push({
      file: fileOf(dataset, file),
      field: m,
      code: 'data/inconsistent',
      what: bi(
        `指标 ${m} 的已公开数字相互矛盾（合计与分项对不上），无法进行保密审计`,
        `the published numbers of measure ${m} contradict each other (totals and cells do not add up); the suppression audit cannot run`,
      ),
      fix: bi(
        '用 npm run aggregate 从原始台账重新生成该数据文件，不要手工修改数字',
        'regenerate the file with npm run aggregate from the raw records; do not edit numbers by hand',
      ),
    });
  }
  for (const c of result.unsafe) {
    const w = whereText(c.where, dataset);
    const span = c.max === Infinity ? '∞' : String(c.max);
    out.push({
      file: fileOf(dataset, file),
      field: c.field,
      code: 'data/recoverable',
      what: bi(
        `隐藏的数值（${w.zh}）可由已公开的数字和合计推算出来：只可能在 ${c.min}～${span} 之间，范围小于阈值 ${result.threshold}`,
        `the hidden value (${w.en}) can be worked out from the published cells and totals: it must lie between ${c.min} and ${span}, a range narrower than the threshold ${result.threshold}`,
      ),
      fix: bi(
        '用 npm run aggregate 重新生成（会自动补充隐藏其他单元格）；不要手工把隐藏的数字改回公开',
        'regenerate with npm run aggregate (it adds the secondary suppression); do not un-hide values by hand',
      ),
    });
  }
  return out;
}

/**
 * Totals must agree with the unsuppressed cells they cover: when every covered cell is
 * published their sum equals the total; when some are hidden the total is at least the sum
 * of the published ones. Also: `by` names dimensions, and each totals row names its group.
 */
export function checkTotalsAgree(dataset: Dataset, file?: string): Problem[] {
  const out: Problem[] = [];
  const f = fileOf(dataset, file);
  const keys = new Set(dimensionKeys(dataset));
  const counts = dataset.measures.filter((m) => m.type === 'count').map((m) => m.key);
  const covered = coveredRows(dataset);
  (dataset.totals ?? []).forEach((group, g) => {
    const unknown = group.by.filter((k) => !keys.has(k));
    if (unknown.length > 0) {
      out.push({
        file: f,
        field: `totals[${g}].by`,
        code: 'data/totals-by',
        what: bi(`合计的分组 ${unknown.join('、')} 不是本数据集的维度`, `totals group ${unknown.join(', ')} is not a dimension of this dataset`),
        fix: bi(`by 只能使用维度：${[...keys].join('、')}`, `by may only use the dimensions ${[...keys].join(', ')}`),
      });
      return;
    }
    const seen = new Set<string>();
    group.rows.forEach((t, i) => {
      const field = `totals[${g}].rows[${i}]`;
      const missing = group.by.filter((k) => typeof t[k] !== 'string');
      if (missing.length > 0) {
        out.push({
          file: f,
          field,
          code: 'data/totals-row',
          what: bi(`合计行缺少分组维度 ${missing.join('、')}`, `the totals row lacks the group dimension(s) ${missing.join(', ')}`),
          fix: bi('重新生成该数据文件（npm run aggregate）', 'regenerate the file (npm run aggregate)'),
        });
        return;
      }
      const k = keyOf(t, group.by);
      if (seen.has(k)) {
        out.push({
          file: f,
          field,
          code: 'data/totals-duplicate',
          what: bi('同一分组的合计行重复出现', 'the same totals row appears twice in its group'),
          fix: bi('重新生成该数据文件（npm run aggregate）', 'regenerate the file (npm run aggregate)'),
        });
      }
      seen.add(k);
      for (const m of counts) {
        const total = valueOf(t, m);
        if (total === null) continue;
        let sum = 0;
        let hidden = 0;
        for (const r of covered[g]![i]!) {
          const v = valueOf(dataset.rows[r]!, m);
          if (v === null) hidden++;
          else sum += v;
        }
        const where = whereText(whereOf(t, group.by), dataset);
        if (hidden === 0 && sum !== total) {
          out.push({
            file: f,
            field: `${field}.${m}`,
            code: 'data/totals-disagree',
            what: bi(
              `合计（${where.zh}）为 ${total}，但所含各单元格之和为 ${sum}`,
              `the total (${where.en}) is ${total} but the cells it covers add up to ${sum}`,
            ),
            fix: bi('合计必须由原始台账统一计算：用 npm run aggregate 重新生成', 'totals come from the raw records: regenerate with npm run aggregate'),
          });
        } else if (hidden > 0 && total < sum) {
          out.push({
            file: f,
            field: `${field}.${m}`,
            code: 'data/totals-disagree',
            what: bi(
              `合计（${where.zh}）为 ${total}，小于所含已公开单元格之和 ${sum}`,
              `the total (${where.en}) is ${total}, less than the published cells it covers (${sum})`,
            ),
            fix: bi('合计必须由原始台账统一计算：用 npm run aggregate 重新生成', 'totals come from the raw records: regenerate with npm run aggregate'),
          });
        }
      }
    });
  });
  return out;
}

/**
 * Small counts that are published (0 < n < threshold, in rows or totals), and hiding done
 * inconsistently: a row marked `suppressed: true` with any measure still published, or a
 * count left empty without the mark (tables would show a blank instead of "<5").
 */
export function unsuppressedSmallCounts(dataset: Dataset, file?: string): Problem[] {
  const out: Problem[] = [];
  const f = fileOf(dataset, file);
  const t = dataset.suppression.threshold;
  const counts = dataset.measures.filter((m) => m.type === 'count').map((m) => m.key);
  const all = dataset.measures.map((m) => m.key);
  const inspect = (row: DataRow, field: string, where: { zh: string; en: string }) => {
    for (const m of counts) {
      const v = row[m];
      if (typeof v === 'number' && isSmall(v, t)) {
        out.push({
          file: f,
          field: `${field}.${m}`,
          code: 'data/small-count',
          what: bi(
            `${where.zh}的 ${m} 为 ${v}，小于阈值 ${t} 却被公开，可能识别到具体的人（统计法第二十八条）`,
            `${m} of ${where.en} is ${v}, below the threshold ${t}, yet published: it may identify a person`,
          ),
          fix: bi(
            `用 npm run aggregate 重新生成；手工修改时写 "${m}": null, "suppressed": true`,
            `regenerate with npm run aggregate; by hand, write "${m}": null, "suppressed": true`,
          ),
        });
      }
      if (v === null && row.suppressed !== true) {
        out.push({
          file: f,
          field: `${field}.${m}`,
          code: 'data/unmarked-suppression',
          what: bi(`${where.zh}的 ${m} 为空，但没有标记 "suppressed": true`, `${m} of ${where.en} is empty but not marked "suppressed": true`),
          fix: bi('隐藏的数值须同时写 "suppressed": true，页面才会显示“<阈值”', 'a hidden value needs "suppressed": true so pages show "<threshold"'),
        });
      }
    }
    if (row.suppressed === true) {
      const leaked = all.filter((m) => row[m] !== null && row[m] !== undefined);
      if (leaked.length > 0) {
        out.push({
          file: f,
          field: `${field}.${leaked[0]}`,
          code: 'data/suppressed-published',
          what: bi(`${where.zh}已标记隐藏，但 ${leaked.join('、')} 仍有数值`, `${where.en} is marked suppressed but ${leaked.join(', ')} still hold values`),
          fix: bi('隐藏的行中每个指标都写 null', 'write null for every measure of a suppressed row'),
        });
      }
    }
  };
  const keys = dimensionKeys(dataset);
  dataset.rows.forEach((row, i) => inspect(row, `rows[${i}]`, whereText(whereOf(row, keys), dataset)));
  (dataset.totals ?? []).forEach((group, g) =>
    group.rows.forEach((row, i) => inspect(row, `totals[${g}].rows[${i}]`, whereText(whereOf(row, group.by), dataset))),
  );
  return out;
}

/** Everything above for one dataset, as problems: small counts, totals, then the LP audit. */
export function statisticsProblems(dataset: Dataset, file?: string): Problem[] {
  const first = [...unsuppressedSmallCounts(dataset, file), ...checkTotalsAgree(dataset, file)];
  return [...first, ...auditProblems(dataset, auditSuppression(dataset), file)];
}
