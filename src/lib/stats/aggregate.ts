/**
 * Case-level rows → a published dataset (`content/data/<id>.json`): count by the full
 * cross-product of dimension values, derive rates, compute the true totals, suppress
 * (suppress.ts), then audit the result exactly as `npm run check` will (audit.ts).
 *
 * Only the columns the config names are read. Every other column of the raw file (names,
 * ID numbers, addresses, free text) is never touched, so it cannot reach the output.
 *
 * Pure: the raw table, the config and the village registry come in; the dataset and its
 * JSON text go out (scripts/aggregate.ts does the file I/O). No clock: `updatedOn` is in
 * the config. Same input → same bytes.
 */
import { bi, type Bilingual, type Problem } from '../core/errors';
import { dateFromCell, textFromCell } from '../import/values';
import { isBlank, type RawValue, type SheetRow } from '../spreadsheet/sheet';
import { nextMonth, quarterOf } from '../core/periods';
import { describeIssue } from '../schemas/messages';
import { datasetSchema, type DataRow, type Dataset } from '../schemas/dataset';
import { fieldPath } from '../core/errors';
import { auditSuppression, checkTotalsAgree, unsuppressedSmallCounts } from './audit';
import { aggregateConfigSchema, DEFAULT_FALSE, DEFAULT_TRUE, type AggregateConfig, type DimensionConfig, type MeasureConfig } from './config';
import type { RawTable } from './raw';
import { suppressTable, type SuppressionResult } from './suppress';

export interface VillageRef {
  code: string;
  name: string;
}

export interface AggregateInput {
  /** The config as parsed JSON (validated here). */
  config: unknown;
  /** How the config file is named in messages. */
  configFile: string;
  raw: RawTable;
  /** The village registry (villages.json of the content root), in registry order. */
  villages: readonly VillageRef[];
  /** site.json's privacy.suppressionThreshold: the config may not go below it. */
  siteThreshold?: number;
}

export interface AggregateStats {
  records: number;
  cells: number;
  primary: number;
  secondary: number;
  auditRounds: number;
  lps: number;
}

export type AggregateResult = { dataset: Dataset; text: string; stats: AggregateStats } | { problems: Problem[] };

/** At most this many row problems are listed; the rest are counted. */
const MAX_ROW_PROBLEMS = 100;

const MONTH_RE = /^(\d{4})\s*(?:[-/.]\s*(\d{1,2})|年\s*(\d{1,2})\s*月)$/;
const pad2 = (n: number) => String(n).padStart(2, '0');

/** Validates the config's shape and its cross-references; returns it or the problems. */
export function validateConfig(
  json: unknown,
  file: string,
  villages: readonly VillageRef[],
  siteThreshold?: number,
): { config: AggregateConfig } | { problems: Problem[] } {
  const parsed = aggregateConfigSchema.safeParse(json, { reportInput: true });
  if (!parsed.success) {
    return {
      problems: parsed.error.issues.map((issue) => {
        const d = describeIssue(issue, aggregateConfigSchema);
        return { file, field: fieldPath(issue.path), code: 'aggregate/config', what: d.what, fix: d.fix };
      }),
    };
  }
  const config = parsed.data;
  const problems: Problem[] = [];
  const fix = (field: string, what: Bilingual, how: Bilingual) => problems.push({ file, field, code: 'aggregate/config', what, fix: how });
  const dimKeys = config.dimensions.map((d) => d.key);
  const allKeys = [...dimKeys, ...config.measures.map((m) => m.key)];
  allKeys.forEach((k, i) => {
    if (allKeys.indexOf(k) !== i || k === 'suppressed')
      fix(
        'dimensions',
        bi(`键名 ${k} 重复或为保留字`, `key ${k} is repeated or reserved`),
        bi('每个维度和指标使用不同的键名（不可用 suppressed）', 'give every dimension and measure its own key (not "suppressed")'),
      );
  });
  config.measures.forEach((m, i) => {
    if ((m.type === 'count') !== (i === 0)) {
      fix(
        `measures[${i}]`,
        bi('第一个指标必须是件数（type: count），且只能有一个', 'the first measure must be the one count (type: count), and there is only one'),
        bi('把 count 指标放在 measures 的第一个', 'put the count measure first in measures'),
      );
    }
  });
  config.dimensions.forEach((d, i) => {
    if (d.type === 'village') {
      const codes = new Set(villages.map((v) => v.code));
      if (villages.length === 0)
        fix(
          `dimensions[${i}]`,
          bi('村（社区）登记表 villages.json 为空或缺失', 'the village registry villages.json is empty or missing'),
          bi('先在内容目录中登记村（社区）', 'register the villages in the content root first'),
        );
      for (const v of d.values ?? [])
        if (!codes.has(v))
          fix(
            `dimensions[${i}].values`,
            bi(`村（社区）代码 ${v} 不在 villages.json 中`, `village code ${v} is not in villages.json`),
            bi('只写登记表中的区划代码', 'list registry codes only'),
          );
    }
    if (d.type === 'month' && d.from && d.to && d.from > d.to)
      fix(`dimensions[${i}]`, bi(`起始月份 ${d.from} 晚于结束月份 ${d.to}`, `from ${d.from} is after to ${d.to}`), bi('交换 from 与 to', 'swap from and to'));
    if (d.type === 'category') {
      d.values.forEach((v, k) => {
        if (d.values.indexOf(v) !== k)
          fix(`dimensions[${i}].values`, bi(`类别“${v}”重复`, `category "${v}" is repeated`), bi('删除重复的类别', 'remove the duplicate'));
      });
      for (const [alias, target] of Object.entries(d.aliases ?? {})) {
        if (!d.values.includes(target))
          fix(
            `dimensions[${i}].aliases`,
            bi(`别名“${alias}”指向的“${target}”不在 values 中`, `alias "${alias}" maps to "${target}", which is not in values`),
            bi('别名只能指向 values 中的类别', 'aliases must map to a listed value'),
          );
      }
    }
  });
  const groupKeys = new Set<string>();
  config.totals.forEach((by, i) => {
    const bad = by.filter((k) => !dimKeys.includes(k));
    if (bad.length > 0)
      fix(
        `totals[${i}]`,
        bi(`合计分组 ${bad.join('、')} 不是维度`, `totals grouping ${bad.join(', ')} is not a dimension`),
        bi(`只能用维度：${dimKeys.join('、')}`, `use dimensions only: ${dimKeys.join(', ')}`),
      );
    if (new Set(by).size !== by.length)
      fix(`totals[${i}]`, bi('合计分组中维度重复', 'a dimension repeats in the grouping'), bi('每个维度只写一次', 'name each dimension once'));
    if (new Set(by).size === dimKeys.length && bad.length === 0)
      fix(
        `totals[${i}]`,
        bi('按全部维度的“合计”就是单元格本身', 'a total by every dimension would repeat the cells'),
        bi('删除该分组', 'remove this grouping'),
      );
    const id = [...by].sort().join(',');
    if (groupKeys.has(id)) fix(`totals[${i}]`, bi('合计分组重复', 'this totals grouping is repeated'), bi('删除重复的分组', 'remove the duplicate'));
    groupKeys.add(id);
  });
  (config.alerts ?? []).forEach((a, i) => {
    if (!config.measures.some((m) => m.key === a.measure))
      fix(
        `alerts[${i}].measure`,
        bi(`预警指标 ${a.measure} 不存在`, `alert measure ${a.measure} does not exist`),
        bi('写 measures 中的键名', 'use a key from measures'),
      );
    const bad = a.by.filter((k) => !dimKeys.includes(k));
    if (bad.length > 0)
      fix(
        `alerts[${i}].by`,
        bi(`预警分组 ${bad.join('、')} 不是维度`, `alert grouping ${bad.join(', ')} is not a dimension`),
        bi(`只能用维度：${dimKeys.join('、')}`, `use dimensions only: ${dimKeys.join(', ')}`),
      );
  });
  const threshold = config.threshold ?? siteThreshold ?? 5;
  if (siteThreshold !== undefined && threshold < siteThreshold) {
    fix(
      'threshold',
      bi(`抑制阈值 ${threshold} 低于 site.json 规定的 ${siteThreshold}`, `threshold ${threshold} is below site.json's ${siteThreshold}`),
      bi('删除 threshold 或改为不低于全站阈值', "remove threshold or raise it to at least the site's"),
    );
  }
  return problems.length > 0 ? { problems } : { config };
}

interface Column {
  index: number;
  name: string;
}

type Parsed = { ok: true; value: string } | { ok: false; what: Bilingual; fix: Bilingual };

/** A month (`YYYY-MM`) from a date or month cell. */
function monthOf(v: RawValue): Parsed {
  if (typeof v === 'string') {
    const m = MONTH_RE.exec(v.trim());
    if (m) {
      const mo = Number(m[2] ?? m[3]);
      if (mo >= 1 && mo <= 12) return { ok: true, value: `${m[1]}-${pad2(mo)}` };
    }
  }
  const d = dateFromCell(v);
  if (!d.ok) return d;
  return { ok: true, value: d.value.slice(0, 7) };
}

function dimensionValue(d: DimensionConfig, v: RawValue, villages: ReadonlyMap<string, string>): Parsed {
  if (d.type === 'month' || d.type === 'quarter' || d.type === 'year') {
    const m = monthOf(v);
    if (!m.ok) return m;
    return { ok: true, value: d.type === 'month' ? m.value : d.type === 'quarter' ? quarterOf(m.value) : m.value.slice(0, 4) };
  }
  const t = textFromCell(v);
  if (!t.ok) return t;
  const s = t.value.replace(/\u3000/g, ' ').trim();
  if (d.type === 'village') {
    const code = villages.get(s);
    if (code) return { ok: true, value: code };
    return {
      ok: false,
      what: s === '' ? bi('村（社区）为空', 'the village is empty') : bi(`村（社区）“${s}”不在 villages.json 中`, `village "${s}" is not in villages.json`),
      fix: bi('填写登记表中的村（社区）名称或 12 位区划代码', 'write a registered village name or its 12-digit code'),
    };
  }
  const value = d.aliases?.[s] ?? s;
  if (d.values.includes(value)) return { ok: true, value };
  return {
    ok: false,
    what:
      s === '' ? bi(`${d.label}为空`, `${d.key} is empty`) : bi(`${d.label}“${s}”不在配置的类别中`, `${d.key} "${s}" is not one of the configured categories`),
    fix: bi(
      `改为以下之一：${d.values.join('、')}（或在配置的 aliases 中登记这种写法）`,
      `use one of: ${d.values.join(', ')} (or add this spelling to aliases in the config)`,
    ),
  };
}

function flagValue(m: Extract<MeasureConfig, { type: 'rate' }>, v: RawValue): { ok: true; value: boolean } | { ok: false; what: Bilingual; fix: Bilingual } {
  if (typeof v === 'boolean') return { ok: true, value: v };
  const t = textFromCell(v);
  if (!t.ok) return t;
  const s = t.value.trim().toLowerCase();
  const yes = (m.trueValues ?? DEFAULT_TRUE).map((x) => x.trim().toLowerCase());
  const no = (m.falseValues ?? DEFAULT_FALSE).map((x) => x.trim().toLowerCase());
  if (yes.includes(s)) return { ok: true, value: true };
  if (no.includes(s)) return { ok: true, value: false };
  return {
    ok: false,
    what: bi(`“${t.value}”无法判断为“是”或“否”`, `"${t.value}" is neither yes nor no`),
    fix: bi(
      `写“是”或“否”（可用：${yes.filter(Boolean).join('、')} / ${no.map((x) => x || '（空白）').join('、')}）`,
      `write 是 or 否 (accepted: ${yes.filter(Boolean).join(', ')} / ${no.map((x) => x || '(blank)').join(', ')})`,
    ),
  };
}

/** Consecutive months from `a` to `b`, inclusive. */
function monthRange(a: string, b: string): string[] {
  const out: string[] = [];
  for (let m = a; m <= b; m = nextMonth(m)) out.push(m);
  return out;
}

function quarterRange(a: string, b: string): string[] {
  const out: string[] = [];
  let [y, q] = [Number(a.slice(0, 4)), Number(a.slice(6))];
  for (;;) {
    const id = `${y}-Q${q}`;
    out.push(id);
    if (id >= b) return out;
    q++;
    if (q > 4) {
      q = 1;
      y++;
    }
  }
}

function yearRange(a: string, b: string): string[] {
  const out: string[] = [];
  for (let y = Number(a); y <= Number(b); y++) out.push(String(y));
  return out;
}

/** 100 × k / n rounded half up to one decimal, in integer arithmetic. */
export function ratePercent(k: number, n: number): number | null {
  if (n === 0) return null;
  return Math.floor((2000 * k + n) / (2 * n)) / 10;
}

/** Aggregates raw rows into a dataset; every problem at once, nothing when there are any. */
export function aggregate(input: AggregateInput): AggregateResult {
  const villageRefs = input.villages;
  const checked = validateConfig(input.config, input.configFile, villageRefs, input.siteThreshold);
  if ('problems' in checked) return checked;
  const config = checked.config;
  const threshold = config.threshold ?? input.siteThreshold ?? 5;
  const { raw } = input;
  const loc = raw.locator;
  const problems: Problem[] = [];

  // Columns: by header name.
  const headerNames = raw.header.cells.map((c) => {
    const t = textFromCell(c ?? null);
    return t.ok ? t.value.replace(/\u3000/g, ' ').trim() : '';
  });
  const column = (name: string, field: string): Column | undefined => {
    const index = headerNames.indexOf(name.trim());
    if (index >= 0) return { index, name: name.trim() };
    problems.push({
      file: loc.file,
      field,
      code: 'aggregate/missing-column',
      what: bi(
        `原始表格缺少列“${name}”（表头：${headerNames.filter(Boolean).join('、')}）`,
        `the raw file has no column "${name}" (header: ${headerNames.filter(Boolean).join(', ')})`,
      ),
      fix: bi(
        `在表头中加上“${name}”列，或在 ${input.configFile} 中改写 column`,
        `add a "${name}" column to the header, or change "column" in ${input.configFile}`,
      ),
    });
    return undefined;
  };
  const dimCols = config.dimensions.map((d, i) => column(d.column, `dimensions[${i}].column`));
  const rateMeasures = config.measures.filter((m): m is Extract<MeasureConfig, { type: 'rate' }> => m.type === 'rate');
  const rateCols = rateMeasures.map((m) => column(m.column, `measures.${m.key}.column`));
  if (problems.length > 0) return { problems };

  const byVillage = new Map<string, string>();
  for (const v of villageRefs) {
    byVillage.set(v.code, v.code);
    byVillage.set(v.name, v.code);
  }

  // Records → dimension values and flags.
  interface Rec {
    dims: string[];
    flags: boolean[];
  }
  const recs: Rec[] = [];
  let rowProblems = 0;
  const rowProblem = (row: SheetRow, col: Column, what: Bilingual, fix: Bilingual) => {
    rowProblems++;
    if (rowProblems <= MAX_ROW_PROBLEMS) {
      const p = loc.cell(raw.sheet, row, col.index + 1, 'aggregate/value', bi(`“${col.name}”列：${what.zh}`, `column "${col.name}": ${what.en}`), fix);
      problems.push(p);
    }
  };
  for (const row of raw.records) {
    if (row.cells.every((c) => isBlank(c))) continue;
    const dims: string[] = [];
    const flags: boolean[] = [];
    let bad = false;
    config.dimensions.forEach((d, i) => {
      const col = dimCols[i]!;
      const r = dimensionValue(d, row.cells[col.index] ?? null, byVillage);
      if (r.ok) {
        if (d.type === 'village' && d.values && !d.values.includes(r.value)) {
          rowProblem(
            row,
            col,
            bi(`村（社区）${r.value} 不在本数据集配置的范围内`, `village ${r.value} is not among this dataset's villages`),
            bi('删除该行或在配置的 values 中加入该村（社区）', 'remove the row or add the village to values in the config'),
          );
          bad = true;
        } else if (d.type === 'month' && ((d.from && r.value < d.from) || (d.to && r.value > d.to))) {
          rowProblem(
            row,
            col,
            bi(`月份 ${r.value} 不在统计期 ${d.from ?? '…'}～${d.to ?? '…'} 内`, `month ${r.value} is outside the period ${d.from ?? '…'}–${d.to ?? '…'}`),
            bi('删除统计期以外的记录，或修改配置中的 from / to', 'remove records outside the period, or change from/to in the config'),
          );
          bad = true;
        }
        dims.push(r.value);
      } else {
        rowProblem(row, col, r.what, r.fix);
        bad = true;
      }
    });
    rateMeasures.forEach((m, i) => {
      const col = rateCols[i]!;
      const r = flagValue(m, row.cells[col.index] ?? null);
      if (r.ok) flags.push(r.value);
      else {
        rowProblem(row, col, r.what, r.fix);
        bad = true;
      }
    });
    if (!bad) recs.push({ dims, flags });
  }
  if (rowProblems > MAX_ROW_PROBLEMS) {
    problems.push({
      file: loc.file,
      code: 'aggregate/more',
      what: bi(`另有 ${rowProblems - MAX_ROW_PROBLEMS} 处类似问题未列出`, `${rowProblems - MAX_ROW_PROBLEMS} more problems like these are not listed`),
      fix: bi('先改正上面列出的问题，再重新运行', 'fix the ones listed and run again'),
    });
  }
  if (problems.length > 0) return { problems };

  // Domains: every value each dimension can take, in publication order.
  const domains: string[][] = [];
  for (const [i, d] of config.dimensions.entries()) {
    const seen = [...new Set(recs.map((r) => r.dims[i]!))].sort();
    if (d.type === 'village')
      domains.push(d.values ? villageRefs.filter((v) => d.values!.includes(v.code)).map((v) => v.code) : villageRefs.map((v) => v.code));
    else if (d.type === 'category') domains.push([...d.values]);
    else {
      const from = d.type === 'month' ? (d.from ?? seen[0]) : seen[0];
      const to = d.type === 'month' ? (d.to ?? seen.at(-1)) : seen.at(-1);
      if (from === undefined || to === undefined) {
        problems.push(
          loc.whole(
            'aggregate/no-records',
            bi('没有任何记录，无法确定统计期', 'there are no records, so the period is unknown'),
            bi('检查原始文件，或在配置中写明 from 和 to', 'check the raw file, or set from and to in the config'),
          ),
        );
        return { problems };
      }
      domains.push(d.type === 'month' ? monthRange(from, to) : d.type === 'quarter' ? quarterRange(from, to) : yearRange(from, to));
    }
  }

  // Counts and rate numerators per cell (row-major over the domains).
  const shape = domains.map((d) => d.length);
  const cellCount = shape.reduce((a, b) => a * b, 1);
  const counts = new Array<number>(cellCount).fill(0);
  const hits = rateMeasures.map(() => new Array<number>(cellCount).fill(0));
  const position = domains.map((d) => new Map(d.map((v, i) => [v, i])));
  for (const r of recs) {
    let idx = 0;
    r.dims.forEach((v, d) => (idx = idx * shape[d]! + position[d]!.get(v)!));
    counts[idx]!++;
    r.flags.forEach((f, k) => {
      if (f) hits[k]![idx]!++;
    });
  }

  const dimKeys = config.dimensions.map((d) => d.key);
  const groupings = config.totals.map((by) => dimKeys.map((_, d) => d).filter((d) => by.includes(dimKeys[d]!)));
  const sup: SuppressionResult = suppressTable({ threshold, shape, cells: counts, groupings });

  // Rows.
  const countKey = config.measures[0]!.key;
  const measureValues = (n: number, k: number[], hidden: boolean): DataRow => {
    const out: DataRow = {};
    out[countKey] = hidden ? null : n;
    rateMeasures.forEach((m, i) => (out[m.key] = hidden ? null : ratePercent(k[i]!, n)));
    if (hidden) out.suppressed = true;
    return out;
  };
  const coordsOf = (index: number, dims: readonly number[]) => {
    const out: number[] = new Array<number>(dims.length);
    for (let i = dims.length - 1; i >= 0; i--) {
      const n = shape[dims[i]!]!;
      out[i] = index % n;
      index = Math.floor(index / n);
    }
    return out;
  };
  const all = dimKeys.map((_, d) => d);
  const rows: DataRow[] = counts.map((n, i) => {
    const row: DataRow = {};
    coordsOf(i, all).forEach((c, d) => (row[dimKeys[d]!] = domains[d]![c]!));
    return {
      ...row,
      ...measureValues(
        n,
        hits.map((h) => h[i]!),
        sup.cellSuppressed[i]!,
      ),
    };
  });
  const totals = sup.margins.map((m, g) => ({
    by: m.by.map((d) => dimKeys[d]!),
    rows: m.values.map((n, i) => {
      const row: DataRow = {};
      coordsOf(i, m.by).forEach((c, k) => (row[dimKeys[m.by[k]!]!] = domains[m.by[k]!]![c]!));
      const k = hits.map((h) => sup.covers[g]![i]!.reduce((s, j) => s + h[j]!, 0));
      return { ...row, ...measureValues(n, k, m.suppressed[i]!) };
    }),
  }));

  const meta = config.dataset;
  const dataset = {
    id: meta.id,
    title: meta.title,
    description: meta.description,
    issuer: meta.issuer,
    unit: meta.unit,
    updatedOn: meta.updatedOn,
    license: meta.license,
    ...(meta.source !== undefined ? { source: meta.source } : {}),
    dimensions: config.dimensions.map((d) => ({ key: d.key, label: d.label, type: d.type })),
    measures: config.measures.map((m) => ({ key: m.key, label: m.label, type: m.type, ...(m.unit !== undefined ? { unit: m.unit } : {}) })),
    suppression: { threshold },
    ...(config.alerts && config.alerts.length > 0 ? { alerts: config.alerts } : {}),
    rows,
    ...(totals.length > 0 ? { totals } : {}),
  };

  // The result must pass the very checks `npm run check` runs; anything else is a bug here.
  const valid = datasetSchema.safeParse(dataset);
  if (!valid.success) throw new Error(`aggregate: output does not match the dataset schema: ${valid.error.message}`);
  const audit = auditSuppression(dataset);
  const inner = [...unsuppressedSmallCounts(dataset), ...checkTotalsAgree(dataset)];
  if (!audit.ok || inner.length > 0) throw new Error(`aggregate: output fails its own checks (${audit.unsafe.length} recoverable, ${inner.length} other)`);

  return {
    dataset,
    text: serializeDataset(dataset),
    stats: {
      records: recs.length,
      cells: cellCount,
      primary: sup.stats.primary,
      secondary: sup.stats.secondary,
      auditRounds: sup.stats.auditRounds,
      lps: sup.stats.lps + audit.lps,
    },
  };
}

/** The file text: keys in contract order as built, 2-space indent, trailing newline. */
export function serializeDataset(dataset: Dataset): string {
  return `${JSON.stringify(dataset, null, 2)}\n`;
}
