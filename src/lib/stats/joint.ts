/**
 * The joint audit (CONTENT.md § Open statistics, `source`): datasets aggregated from the same
 * register are audited together, so that a cell hidden in one cannot be worked out from another's
 * published numbers — e.g. dataset B's village total minus dataset A's published cells of that
 * village. The per-file audit (audit.ts) cannot see that: each file on its own is safe.
 *
 * The linking rule (docs/统计方法.md § 7.1):
 *
 * - Two datasets are linked when their `source` is the same text, compared after Unicode NFKC
 *   normalisation with all white space removed (full-width and half-width brackets are equal).
 *   A dataset without `source` is audited alone.
 * - Same source means the same set of records. Each dataset counts every record of the source once
 *   under its dimensions, and its rows are complete: a combination of its dimension values without a
 *   row counts 0 (the same assumption the per-file audit makes of its totals).
 * - A count measure is the same quantity in two datasets when its key is the same (and it is a
 *   `count` in both). A dimension is the same when its key is the same; values are compared as
 *   written (village codes, `YYYY-MM` …).
 * - The finest cells are the combinations of all the linked datasets' dimensions that every dataset
 *   allows (the natural join of their rows on shared dimensions). Every number a dataset publishes or
 *   hides — a row, or a totals row — is the sum of the finest cells that agree with it on its own
 *   dimensions: a dataset that omits a dimension publishes a margin over it.
 * - Then the LP audit of audit-table.ts runs on all of them at once, with every hidden number's
 *   range measured against its own dataset's threshold.
 *
 * Pure: datasets in, findings out.
 */
import { bi, type Problem } from '../core/errors';
import type { DataRow, Dataset } from '../schemas/dataset';
import { whereText } from './audit';
import { auditTable, type AuditOptions } from './audit-table';
import type { Margin } from './table';

/** Above this many finest cells the joint audit refuses to run (and says so) rather than take minutes. */
export const MAX_JOINT_CELLS = 100_000;

/** How two `source` texts are compared: NFKC, white space removed; undefined when there is none. */
export function sourceKey(source: string | undefined): string | undefined {
  const key = (source ?? '').normalize('NFKC').replace(/\s+/gu, '');
  return key === '' ? undefined : key;
}

/** The groups of two or more datasets with the same source, in input order. */
export function jointGroups<T extends { dataset: Dataset }>(members: readonly T[]): T[][] {
  const groups = new Map<string, T[]>();
  for (const m of members) {
    const key = sourceKey(m.dataset.source);
    if (key === undefined) continue;
    const list = groups.get(key);
    if (list) list.push(m);
    else groups.set(key, [m]);
  }
  return [...groups.values()].filter((g) => g.length > 1);
}

/** One hidden number of one dataset that the linked datasets together give away. */
export interface JointFinding {
  /** Index of its dataset in the group. */
  member: number;
  measure: string;
  /** `rows[3].count` or `totals[0].rows[2].count`. */
  field: string;
  where: Record<string, string>;
  min: number;
  max: number;
  threshold: number;
}

export interface JointAudit {
  measure: string;
  /** Indices (in the group) of the datasets that have this count measure. */
  members: number[];
  /** Number of finest cells. */
  cells: number;
  /** The linked datasets' published numbers contradict each other. */
  infeasible: boolean;
  /** The finest cells would exceed MAX_JOINT_CELLS: not audited. */
  tooLarge: boolean;
  /** Every hidden number whose joint range is narrower than its threshold (per-file findings included). */
  unsafe: JointFinding[];
  lps: number;
}

interface Statement {
  member: number;
  field: string;
  keys: readonly string[];
  row: DataRow;
  value: number | null;
}

const tupleOf = (row: Record<string, unknown>, keys: readonly string[]) => JSON.stringify(keys.map((k) => row[k] ?? null));

function valueOf(row: DataRow, key: string): number | null {
  const v = row[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** Every row and totals row of a dataset, as statements about the measure. */
function statementsOf(d: Dataset, member: number, measure: string): Statement[] {
  const dims = d.dimensions.map((x) => x.key);
  const out: Statement[] = d.rows.map((row, i) => ({ member, field: `rows[${i}].${measure}`, keys: dims, row, value: valueOf(row, measure) }));
  (d.totals ?? []).forEach((g, gi) =>
    g.rows.forEach((row, i) => out.push({ member, field: `totals[${gi}].rows[${i}].${measure}`, keys: g.by, row, value: valueOf(row, measure) })),
  );
  return out;
}

/**
 * The finest cells: the natural join of the datasets' rows on their shared dimensions (datasets
 * with more dimensions first, so intermediate joins stay small). undefined past MAX_JOINT_CELLS.
 */
function finestCells(datasets: readonly Dataset[]): { keys: string[]; cells: Array<Record<string, string>> } | undefined {
  let keys: string[] = [];
  let cells: Array<Record<string, string>> = [{}];
  const order = [...datasets].sort((a, b) => b.dimensions.length - a.dimensions.length);
  for (const d of order) {
    const dims = d.dimensions.map((x) => x.key);
    const shared = dims.filter((k) => keys.includes(k));
    const fresh = dims.filter((k) => !keys.includes(k));
    const byShared = new Map<string, Array<Record<string, string>>>();
    const seen = new Set<string>();
    for (const row of d.rows) {
      const whole = tupleOf(row, dims);
      if (seen.has(whole)) continue;
      seen.add(whole);
      const k = tupleOf(row, shared);
      const ext: Record<string, string> = {};
      for (const f of fresh) ext[f] = String(row[f]);
      const list = byShared.get(k);
      if (list) list.push(ext);
      else byShared.set(k, [ext]);
    }
    const next: Array<Record<string, string>> = [];
    for (const c of cells) {
      for (const ext of byShared.get(tupleOf(c, shared)) ?? []) {
        next.push({ ...c, ...ext });
        if (next.length > MAX_JOINT_CELLS) return undefined;
      }
    }
    cells = next;
    keys = [...keys, ...fresh];
  }
  return { keys, cells };
}

/** The joint audit of one group (datasets with the same source), one count measure at a time. */
export function auditJoint(group: readonly Dataset[], options: AuditOptions = {}): JointAudit[] {
  const measures = new Map<string, number[]>();
  group.forEach((d, i) => {
    for (const m of d.measures) {
      if (m.type !== 'count') continue;
      const list = measures.get(m.key);
      if (list) list.push(i);
      else measures.set(m.key, [i]);
    }
  });
  const out: JointAudit[] = [];
  for (const [measure, members] of measures) {
    if (members.length < 2) continue;
    const base = { measure, members, unsafe: [] as JointFinding[], lps: 0 };
    const finest = finestCells(members.map((i) => group[i]!));
    if (!finest) {
      out.push({ ...base, cells: MAX_JOINT_CELLS, infeasible: false, tooLarge: true });
      continue;
    }
    // For each set of keys a statement uses, the finest cells by their values on those keys.
    const indexes = new Map<string, Map<string, number[]>>();
    const covering = (keys: readonly string[], row: DataRow): number[] => {
      const id = JSON.stringify(keys);
      let index = indexes.get(id);
      if (!index) {
        index = new Map();
        finest.cells.forEach((c, j) => {
          const k = tupleOf(c, keys);
          const list = index!.get(k);
          if (list) list.push(j);
          else index!.set(k, [j]);
        });
        indexes.set(id, index);
      }
      return index.get(tupleOf(row, keys)) ?? [];
    };
    const cells: Array<number | null> = finest.cells.map(() => null);
    const margins: Margin[] = [];
    const marginOf: Statement[] = [];
    for (const i of members) {
      const d = group[i]!;
      for (const s of statementsOf(d, i, measure)) {
        const covered = covering(s.keys, s.row);
        // A published number that is one finest cell is that cell's value (fewer unknowns for the LP).
        if (s.value !== null && covered.length === 1 && cells[covered[0]!] === null) {
          cells[covered[0]!] = s.value;
          continue;
        }
        margins.push({ cells: covered, value: s.value, threshold: d.suppression.threshold });
        marginOf.push(s);
      }
    }
    const threshold = Math.min(...members.map((i) => group[i]!.suppression.threshold));
    const audit = auditTable({ threshold, cells, margins, auditCells: false }, options);
    const unsafe = audit.unsafe.map((r): JointFinding => {
      const s = marginOf[r.index]!;
      const where: Record<string, string> = {};
      for (const k of s.keys) if (s.row[k] !== undefined) where[k] = String(s.row[k]);
      return { member: s.member, measure, field: s.field, where, min: r.min, max: r.max, threshold: group[s.member]!.suppression.threshold };
    });
    out.push({ ...base, cells: finest.cells.length, infeasible: audit.infeasible, tooLarge: false, unsafe, lps: audit.lps });
  }
  return out;
}

/** A joint finding or a group-wide problem, with the dataset (index in the group) it belongs to. */
export interface JointProblem {
  member: number;
  /** Field to point at in that dataset's file. */
  field: string;
  problem: Pick<Problem, 'code' | 'what' | 'fix'>;
}

const list = (names: readonly string[]) => ({ zh: names.join('、'), en: names.join(', ') });

/**
 * The joint audit's findings as problems. `files` names the group's datasets; `alreadyUnsafe`
 * holds, per dataset, the fields its own audit already reported (not reported again here).
 */
export function jointProblems(
  group: readonly Dataset[],
  files: readonly string[],
  audits: readonly JointAudit[],
  alreadyUnsafe: ReadonlyArray<ReadonlySet<string>>,
): JointProblem[] {
  const out: JointProblem[] = [];
  const source = group[0]!.source ?? '';
  for (const a of audits) {
    const all = list(a.members.map((i) => files[i]!));
    const first = a.members[0]!;
    if (a.tooLarge) {
      out.push({
        member: first,
        field: 'source',
        problem: {
          code: 'data/joint-too-large',
          what: bi(
            `同一来源“${source}”的 ${all.zh} 联合审计指标 ${a.measure} 需要超过 ${MAX_JOINT_CELLS} 个最细单元格，无法审计`,
            `auditing ${a.measure} of ${all.en} (same source "${source}") together needs more than ${MAX_JOINT_CELLS} finest cells; it cannot be audited`,
          ),
          fix: bi(
            '减少同一台账发布的交叉分类（例如不要同时按类型、按年龄、按村和按月份各发一张表），再重新生成',
            'publish fewer cross-classifications of one register (not by type, by age, by village and by month all at once), then regenerate',
          ),
        },
      });
      continue;
    }
    if (a.infeasible) {
      out.push({
        member: first,
        field: 'source',
        problem: {
          code: 'data/joint-inconsistent',
          what: bi(
            `同一来源“${source}”的 ${all.zh} 中指标 ${a.measure} 的已公开数字互相矛盾：它们不可能出自同一批记录（例如统计期间或村的范围不同），无法联合审计`,
            `the published numbers of ${a.measure} in ${all.en} (same source "${source}") contradict each other: they cannot come from the same records (a different period or set of villages, say); they cannot be audited together`,
          ),
          fix: bi(
            '确实出自同一台账同一期间的，用 npm run aggregate 从同一份原始记录重新生成；统计范围不同的，把 source 写成能区分的名称（如加上年份）',
            'if they come from the same register and period, regenerate them from the same raw records with npm run aggregate; if they cover different records, give each a source that says which (add the year, say)',
          ),
        },
      });
      continue;
    }
    for (const f of a.unsafe) {
      if (alreadyUnsafe[f.member]?.has(f.field)) continue;
      const d = group[f.member]!;
      const w = whereText(f.where, d);
      const others = list(a.members.filter((i) => i !== f.member).map((i) => files[i]!));
      const span = f.max === Infinity ? '∞' : String(f.max);
      out.push({
        member: f.member,
        field: f.field,
        problem: {
          code: 'data/recoverable-joint',
          what: bi(
            `隐藏的数值（${w.zh}）单看本文件推算不出，但与同一来源“${source}”的 ${others.zh} 中已公开的数字合起来就能推算：只可能在 ${f.min}～${span} 之间，范围小于阈值 ${f.threshold}`,
            `the hidden value (${w.en}) is safe in this file alone, but together with the published numbers of ${others.en} (same source "${source}") it can be worked out: it must lie between ${f.min} and ${span}, a range narrower than the threshold ${f.threshold}`,
          ),
          fix: bi(
            `在 ${others.zh} 中把泄露它的合计或单元格也隐藏（写 null 并加 "suppressed": true），或不公开其中一个数据集；若它们其实出自不同的台账，把 source 改成各自台账的名称`,
            `also hide the total or cell of ${others.en} that gives it away (null with "suppressed": true), or publish only one of the datasets; if they come from different registers, give each its own source`,
          ),
        },
      });
    }
  }
  return out;
}
