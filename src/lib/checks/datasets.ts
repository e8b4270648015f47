/**
 * Checks on open datasets (CONTENT.md § Open statistics; 统计法 art. 28: no statistic may
 * identify a person): rows match the declared dimensions and measures, values are real
 * villages and months, small counts are suppressed, and rules name real measures.
 * Once the rows are sound, the totals must agree with the cells they cover and the LP audit
 * (src/lib/stats/audit.ts) must find no hidden cell that the published numbers give away; then
 * datasets with the same `source` are audited together (src/lib/stats/joint.ts).
 */
import { bi, type Problem } from '../core/errors';
import { registeredVillageCodes, type ContentSet } from '../content/set';
import type { DatasetSource } from '../content/datasets';
import { defineRule, doc, locate, type CodedProblem, type Finding } from './rule';
import { parsePeriod } from '../core/periods';
import type { DataRow, Dataset } from '../schemas/dataset';
import { rateHasNoBase } from '../model/datasets';
import { auditProblems, auditSuppression, checkTotalsAgree, type AuditResult } from '../stats/audit';
import { auditJoint, jointGroups, jointProblems } from '../stats/joint';

function dimensionValueOk(type: Dataset['dimensions'][number]['type'], value: unknown, villages: Set<string> | undefined): boolean {
  if (typeof value !== 'string' || value === '') return false;
  switch (type) {
    case 'village':
      return villages ? villages.has(value) : /^\d{12}$/.test(value);
    case 'month':
      return parsePeriod(value)?.kind === 'month';
    case 'quarter':
      return parsePeriod(value)?.kind === 'quarter';
    case 'year':
      return parsePeriod(value)?.kind === 'year';
    case 'category':
      return true;
  }
}

type Dims = Dataset['dimensions'];
type Measure = Dataset['measures'][number];
type Found = Array<Finding<DatasetCode>>;

/** The dimensions of one row: not a repeat, each value valid, no undeclared field. */
function rowKeyFindings(row: DataRow, i: number, dims: Dims, allowed: ReadonlySet<string>, seen: Set<string>, villages: Set<string> | undefined): Found {
  const out: Found = [];
  const tuple = JSON.stringify(dims.map((x) => row[x.key]));
  if (seen.has(tuple)) {
    out.push({
      path: [i],
      code: 'dataset/duplicate-row',
      what: bi(`第 ${i + 1} 行与前面某行的维度取值完全相同`, `row ${i + 1} repeats the dimension values of an earlier row`),
      fix: bi('每个维度组合只能有一行；合并或删除重复行', 'one row per combination of dimension values; merge or remove the duplicate'),
    });
  }
  seen.add(tuple);
  for (const dim of dims) {
    if (!dimensionValueOk(dim.type, row[dim.key], villages)) {
      out.push({
        path: [i, dim.key],
        code: 'dataset/dimension-value',
        what: bi(
          `第 ${i + 1} 行“${dim.label}”的取值 ${JSON.stringify(row[dim.key])} 无效`,
          `row ${i + 1}: ${dim.key} value ${JSON.stringify(row[dim.key])} is not a valid ${dim.type}`,
        ),
        fix: bi(
          dim.type === 'village' ? '填写 villages.json 中已登记的 12 位区划代码' : dim.type === 'month' ? '写成 YYYY-MM' : '填写非空的取值',
          dim.type === 'village' ? 'use a 12-digit code registered in villages.json' : dim.type === 'month' ? 'write YYYY-MM' : 'write a non-empty value',
        ),
      });
    }
  }
  for (const key of Object.keys(row)) {
    if (!allowed.has(key)) {
      out.push({
        path: [i, key],
        code: 'dataset/unknown-column',
        what: bi(`第 ${i + 1} 行有未声明的字段“${key}”`, `row ${i + 1} has an undeclared field "${key}"`),
        fix: bi(
          '在 dimensions 或 measures 中声明，或删除（原始字段不得发布）',
          'declare it in dimensions or measures, or remove it (raw fields are never published)',
        ),
      });
    }
  }
  return out;
}

function valueFits(m: Measure, v: unknown): boolean {
  if (m.type === 'count') return Number.isInteger(v) && (v as number) >= 0;
  if (m.type === 'rate') return typeof v === 'number' && v >= 0 && v <= 100;
  return typeof v === 'number';
}

/** One measure of one row: present unless suppressed, of its type, and not a small count (统计法 art. 28). */
function measureFindings(row: DataRow, i: number, m: Measure, measures: readonly Measure[], threshold: number): Found {
  const v = row[m.key];
  const suppressed = row.suppressed === true;
  if (v === null || v === undefined) {
    if (suppressed || rateHasNoBase(row, m, measures)) return [];
    return [
      {
        path: [i, m.key],
        code: 'dataset/missing-value',
        what: bi(`第 ${i + 1} 行“${m.label}”为空，但该行未标记 suppressed`, `row ${i + 1}: ${m.key} is empty but the row is not marked suppressed`),
        fix: CODES['dataset/missing-value'].fix,
      },
    ];
  }
  if (suppressed) {
    return [
      {
        path: [i, m.key],
        code: 'dataset/suppressed-value',
        what: bi(`第 ${i + 1} 行已标记为不公开，却仍写出了“${m.label}”的数值`, `row ${i + 1} is suppressed but still shows ${m.key}`),
        fix: CODES['dataset/suppressed-value'].fix,
      },
    ];
  }
  if (!valueFits(m, v)) {
    return [
      {
        path: [i, m.key],
        code: 'dataset/measure-value',
        what: bi(
          `第 ${i + 1} 行“${m.label}”的值 ${JSON.stringify(v)} 不符合类型 ${m.type}`,
          `row ${i + 1}: ${m.key} value ${JSON.stringify(v)} is not a valid ${m.type}`,
        ),
        fix: bi(
          m.type === 'count' ? '件数写非负整数' : m.type === 'rate' ? '比率写 0–100 之间的数' : '写数字',
          m.type === 'count' ? 'counts are whole numbers ≥ 0' : m.type === 'rate' ? 'rates are numbers from 0 to 100' : 'write a number',
        ),
      },
    ];
  }
  if (m.type === 'count' && (v as number) > 0 && (v as number) < threshold) {
    return [
      {
        path: [i, m.key],
        code: 'dataset/small-count',
        what: bi(
          `第 ${i + 1} 行“${m.label}”为 ${String(v)}，小于 ${threshold}，不得公开（可能识别到个人）`,
          `row ${i + 1}: ${m.key} is ${String(v)}, below the threshold ${threshold}, and must not be published`,
        ),
        fix: CODES['dataset/small-count'].fix,
      },
    ];
  }
  return [];
}

function checkRows(
  d: DatasetSource,
  path: Array<string | number>,
  rows: readonly DataRow[],
  dims: Dims,
  villages: Set<string> | undefined,
  threshold: number,
): Array<CodedProblem<DatasetCode>> {
  const measures = d.data.measures;
  const allowed = new Set([...dims.map((x) => x.key), ...measures.map((m) => m.key), 'suppressed']);
  const seen = new Set<string>();
  return rows.flatMap((row, i) =>
    [...rowKeyFindings(row, i, dims, allowed, seen, villages), ...measures.flatMap((m) => measureFindings(row, i, m, measures, threshold))].map((f) =>
      locate(d.source, { ...f, path: [...path, ...f.path] }),
    ),
  );
}

/** `totals[0].rows[3].count` → ['totals', 0, 'rows', 3, 'count'], to find its line. */
function fieldSegments(field: string): Array<string | number> {
  return [...field.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : m[1]!));
}

interface Checked {
  problems: Array<CodedProblem<DatasetCode>>;
  /** The dataset's own LP audit, when its rows and totals are sound enough for a joint one. */
  audit?: AuditResult;
}

/** The file's own settings: id as its name, threshold at least the site's. */
function headerFindings(d: DatasetSource, c: ContentSet): Found {
  const out: Found = [];
  const data = d.data;
  if (data.id !== d.id) {
    out.push({
      path: ['id'],
      code: 'dataset/id-file',
      what: bi(`id 是“${data.id}”，但文件名是 ${d.id}.json`, `id is "${data.id}" but the file is ${d.id}.json`),
      fix: CODES['dataset/id-file'].fix,
    });
  }
  const siteThreshold = c.site?.privacy.suppressionThreshold ?? 1;
  if (data.suppression.threshold < siteThreshold) {
    out.push({
      path: ['suppression', 'threshold'],
      code: 'dataset/threshold-too-low',
      what: bi(
        `抑制阈值 ${data.suppression.threshold} 低于全站设置 ${siteThreshold}`,
        `threshold ${data.suppression.threshold} is below the site setting ${siteThreshold}`,
      ),
      fix: bi(`阈值至少为 ${siteThreshold}（site.json 的 privacy.suppressionThreshold）`, `use at least ${siteThreshold}`),
    });
  }
  return out;
}

/** Rows, then each table of totals (grouped only by declared dimensions). */
function checkAllRows(d: DatasetSource, villages: Set<string> | undefined): Array<CodedProblem<DatasetCode>> {
  const data = d.data;
  const dimKeys = new Set(data.dimensions.map((x) => x.key));
  const threshold = data.suppression.threshold;
  const problems = checkRows(d, ['rows'], data.rows, data.dimensions, villages, threshold);
  (data.totals ?? []).forEach((t, i) => {
    const unknown = t.by.filter((k) => !dimKeys.has(k));
    if (unknown.length) {
      problems.push(
        locate(d.source, {
          path: ['totals', i, 'by'],
          code: 'dataset/unknown-dimension',
          what: bi(`合计的分组维度 ${unknown.join('、')} 未在 dimensions 中声明`, `totals group by unknown dimension(s) ${unknown.join(', ')}`),
          fix: bi('只能按已声明的维度合计', 'group totals only by declared dimensions'),
        }),
      );
      return;
    }
    const dims = data.dimensions.filter((x) => t.by.includes(x.key));
    problems.push(...checkRows(d, ['totals', i, 'rows'], t.rows, dims, villages, threshold));
  });
  return problems;
}

/** A problem of the audit (src/lib/stats), located by its field. */
function located(source: DatasetSource['source'], { code, what, fix }: Pick<Problem, 'code' | 'what' | 'fix'>, field?: string): CodedProblem<DatasetCode> {
  // The stats modules report only the data/* codes declared below (tests/unit/rules.test.ts reads them).
  return locate(source, { path: field ? fieldSegments(field) : [], code: code as DatasetCode, what, fix });
}

/** Totals agree with their cells; the LP audit finds no hidden cell the published numbers give away. */
function auditFile(d: DatasetSource): Checked {
  const totals = checkTotalsAgree(d.data);
  const own = auditSuppression(d.data);
  const problems = [...totals, ...auditProblems(d.data, own)].map((p) => located(d.source, p, p.field));
  return { problems, audit: totals.length === 0 && own.infeasible.length === 0 ? own : undefined };
}

/** Alert rules name real measures and dimensions. */
function alertFindings(data: Dataset): Found {
  const out: Found = [];
  const dimKeys = new Set(data.dimensions.map((x) => x.key));
  const measureKeys = new Set(data.measures.map((m) => m.key));
  (data.alerts ?? []).forEach((a, i) => {
    if (!measureKeys.has(a.measure)) {
      out.push({
        path: ['alerts', i, 'measure'],
        code: 'dataset/unknown-measure',
        what: bi(`预警规则的指标“${a.measure}”不存在`, `alert rule measure "${a.measure}" does not exist`),
        fix: bi(`可用指标：${[...measureKeys].join('、')}`, `available measures: ${[...measureKeys].join(', ')}`),
      });
    }
    const unknown = a.by.filter((k) => !dimKeys.has(k));
    if (unknown.length) {
      out.push({
        path: ['alerts', i, 'by'],
        code: 'dataset/unknown-dimension',
        what: bi(`预警规则的分组维度 ${unknown.join('、')} 不存在`, `alert rule groups by unknown dimension(s) ${unknown.join(', ')}`),
        fix: bi(`可用维度：${[...dimKeys].join('、')}`, `available dimensions: ${[...dimKeys].join(', ')}`),
      });
    }
  });
  return out;
}

function checkDataset(d: DatasetSource, c: ContentSet): Checked {
  const villages = registeredVillageCodes(c);
  const problems = [...headerFindings(d, c).map((f) => locate(d.source, f)), ...checkAllRows(d, villages)];
  // The audit reads the numbers as numbers: only run it on a file whose rows already passed.
  const audited = problems.length === 0 ? auditFile(d) : { problems: [] };
  return { problems: [...problems, ...audited.problems, ...alertFindings(d.data).map((f) => locate(d.source, f))], audit: audited.audit };
}

function checkDatasets(c: ContentSet): Array<CodedProblem<DatasetCode>> {
  const checked = c.datasets.map((d) => ({ d, dataset: d.data, ...checkDataset(d, c) }));
  const problems = checked.flatMap((x) => x.problems);
  // Datasets from one register, each sound on its own (findings of its own audit aside), together.
  for (const group of jointGroups(checked.filter((x) => x.audit !== undefined))) {
    const datasets = group.map((x) => x.dataset);
    const own = group.map((x) => new Set(x.audit!.unsafe.map((u) => u.field)));
    const found = jointProblems(
      datasets,
      group.map((x) => x.d.source.display),
      auditJoint(datasets),
      own,
    );
    for (const f of found) problems.push(located(group[f.member]!.d.source, f.problem, f.field));
  }
  return problems;
}

/** Why some data/* codes have no fault fixture. */
const FIRST =
  "the content check's dataset/* rules report this first, and the audit runs only on sound files; npm run aggregate reports it (tests/unit/stats/audit.test.ts)";
const AGGREGATE_ONLY =
  'reported by npm run aggregate (src/lib/stats/audit.ts), never by the content check, whose dataset/* rules cover the same; tests/unit/stats/audit.test.ts';

const CODES = {
  'dataset/id-file': doc('数据集的 id 与文件名一致', "a dataset's id is its file name", '让 id 与文件名一致', 'make the id and the file name agree'),
  'dataset/threshold-too-low': doc(
    '数据集的抑制阈值不低于全站设置（统计法第二十八条：不得泄露个人信息）',
    "a dataset's suppression threshold is at least the site's (Statistics Law art. 28)",
    '阈值至少为 site.json 的 privacy.suppressionThreshold',
    "use at least site.json's privacy.suppressionThreshold",
  ),
  'dataset/duplicate-row': doc('每个维度组合只有一行', 'one row per combination of dimension values', '合并或删除重复行', 'merge or remove the duplicate'),
  'dataset/dimension-value': doc(
    '维度取值有效：村为已登记的区划代码，月份为 YYYY-MM',
    'dimension values are valid: registered village codes, months as YYYY-MM',
    '按维度类型填写取值',
    'write the value its dimension type says',
  ),
  'dataset/unknown-column': doc(
    '每行只有已声明的维度和指标（原始字段不得发布）',
    'rows hold only declared dimensions and measures (raw fields are never published)',
    '在 dimensions 或 measures 中声明，或删除',
    'declare it in dimensions or measures, or remove it',
  ),
  'dataset/missing-value': doc(
    '指标为空的行标记了 suppressed',
    'a row with an empty measure is marked suppressed',
    '填写数值；因数量过小不公开的，写 null 并加 "suppressed": true',
    'give the value, or write null with "suppressed": true',
  ),
  'dataset/suppressed-value': doc(
    '不公开的行不写任何指标值',
    'a suppressed row shows no measure',
    '不公开的行所有指标都写 null',
    'write null for every measure of a suppressed row',
  ),
  'dataset/measure-value': doc(
    '指标值符合其类型（件数、比率、数值）',
    'measure values fit their type (count, rate, number)',
    '按指标类型填写数值',
    'write the value its measure type says',
  ),
  'dataset/small-count': doc(
    '小于抑制阈值的件数不公开（统计法第二十八条：不得识别个人）',
    'counts below the suppression threshold are not published (Statistics Law art. 28)',
    '写成 null 并加 "suppressed": true；用 npm run aggregate 重新生成可自动处理',
    'write null with "suppressed": true; npm run aggregate does this for you',
  ),
  'dataset/unknown-dimension': doc(
    '合计和预警只按已声明的维度分组',
    'totals and alerts group only by declared dimensions',
    '改用已声明的维度',
    'use a declared dimension',
  ),
  'dataset/unknown-measure': doc('预警规则的指标已声明', "an alert rule's measure is declared", '改用已声明的指标', 'use a declared measure'),
  // From the totals check and the LP audit (src/lib/stats/audit.ts, joint.ts), run on sound files.
  'data/totals-by': doc('合计的分组维度有效', 'totals group by valid dimensions', '按已声明的维度合计', 'group totals by declared dimensions', FIRST),
  'data/totals-row': doc(
    '合计行的维度取值出现在明细中',
    "a totals row's dimension values occur in the rows",
    '改正合计行的取值',
    "correct the totals row's values",
    FIRST,
  ),
  'data/totals-duplicate': doc('每个合计组合只有一行', 'one totals row per group', '删除重复的合计行', 'remove the duplicate totals row', FIRST),
  'data/totals-disagree': doc(
    '合计等于其所含明细之和',
    'a total equals the sum of the cells it covers',
    '重新计算合计，或用 npm run aggregate 重新生成',
    'recompute the total, or regenerate with npm run aggregate',
    'a total that disagrees with its cells also makes the numbers contradict each other (data/inconsistent), so no fixture shows it alone; tests/unit/datasets.test.ts',
  ),
  'data/small-count': doc(
    '合计中小于阈值的件数不公开（统计法第二十八条）',
    'small counts in totals are not published (Statistics Law art. 28)',
    '写成 null 并标记不公开',
    'write null and mark it suppressed',
    AGGREGATE_ONLY,
  ),
  'data/unmarked-suppression': doc(
    '不公开的合计写明 suppressed',
    'a withheld total is marked suppressed',
    '加 "suppressed": true',
    'add "suppressed": true',
    AGGREGATE_ONLY,
  ),
  'data/suppressed-published': doc('标记不公开的合计不写数值', 'a suppressed total shows no value', '写 null', 'write null', AGGREGATE_ONLY),
  'data/inconsistent': doc(
    '公开的数字彼此一致（无解即数字有误）',
    'the published numbers are consistent with each other',
    '核对明细和合计',
    'check the rows against the totals',
  ),
  'data/recoverable': doc(
    '被抑制的单元格不能由公开的合计反推出来（统计法第二十八条）',
    'no suppressed cell can be recovered from the published totals (Statistics Law art. 28)',
    '再抑制一个单元格（补充抑制），或用 npm run aggregate 重新生成',
    'suppress a further cell (complementary suppression), or regenerate with npm run aggregate',
  ),
  'data/joint-inconsistent': doc(
    '同一来源的数据集彼此一致',
    'datasets of one source agree with each other',
    '用同一份原始数据重新生成',
    'regenerate them from the same raw data',
  ),
  'data/joint-too-large': doc(
    '同一来源的数据集能一起审计',
    'datasets of one source are small enough to audit together',
    '减少同一来源的数据集或维度',
    'publish fewer datasets or dimensions from one source',
    'needs more linked cells than the joint audit takes, too large for a fixture; the limit is in src/lib/stats/joint.ts',
  ),
  'data/recoverable-joint': doc(
    '同一来源的几个数据集合起来也不能反推出被抑制的单元格（统计法第二十八条）',
    'suppressed cells cannot be recovered from several datasets of one source together (Statistics Law art. 28)',
    '用 npm run aggregate 一起重新生成这些数据集',
    'regenerate the datasets together with npm run aggregate',
  ),
} as const;
type DatasetCode = keyof typeof CODES;

export const datasetRules = defineRule({ name: 'datasets', codes: CODES, check: checkDatasets });
