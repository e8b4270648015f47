/**
 * Checks on open datasets (CONTENT.md § Open statistics; 统计法 art. 28: no statistic may
 * identify a person): rows match the declared dimensions and measures, values are real
 * villages and months, small counts are suppressed, and rules name real measures.
 * Once the rows are sound, the totals must agree with the cells they cover and the LP audit
 * (src/lib/stats/audit.ts) must find no hidden cell that the published numbers give away; then
 * datasets with the same `source` are audited together (src/lib/stats/joint.ts).
 */
import { bi, type Problem } from '../core/errors';
import type { ContentSet } from '../content/set';
import type { DatasetSource } from '../content/datasets';
import { problemAt } from '../content/parse';
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

function checkRows(
  d: DatasetSource,
  path: Array<string | number>,
  rows: readonly DataRow[],
  dims: Dataset['dimensions'],
  villages: Set<string> | undefined,
  threshold: number,
): Problem[] {
  const problems: Problem[] = [];
  const at = (p: Array<string | number>, x: Pick<Problem, 'code' | 'what' | 'fix'>) => problems.push(problemAt(d.source, [...path, ...p], x));
  const measures = d.data.measures;
  const allowed = new Set([...dims.map((x) => x.key), ...measures.map((m) => m.key), 'suppressed']);
  const seen = new Set<string>();
  rows.forEach((row, i) => {
    const tuple = JSON.stringify(dims.map((x) => row[x.key]));
    if (seen.has(tuple)) {
      at([i], {
        code: 'dataset/duplicate-row',
        what: bi(`第 ${i + 1} 行与前面某行的维度取值完全相同`, `row ${i + 1} repeats the dimension values of an earlier row`),
        fix: bi('每个维度组合只能有一行；合并或删除重复行', 'one row per combination of dimension values; merge or remove the duplicate'),
      });
    }
    seen.add(tuple);
    for (const dim of dims) {
      if (!dimensionValueOk(dim.type, row[dim.key], villages)) {
        at([i, dim.key], {
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
        at([i, key], {
          code: 'dataset/unknown-column',
          what: bi(`第 ${i + 1} 行有未声明的字段“${key}”`, `row ${i + 1} has an undeclared field "${key}"`),
          fix: bi(
            '在 dimensions 或 measures 中声明，或删除（原始字段不得发布）',
            'declare it in dimensions or measures, or remove it (raw fields are never published)',
          ),
        });
      }
    }
    const suppressed = row.suppressed === true;
    for (const m of measures) {
      const v = row[m.key];
      if (v === null || v === undefined) {
        if (!suppressed && !rateHasNoBase(row, m, measures)) {
          at([i, m.key], {
            code: 'dataset/missing-value',
            what: bi(`第 ${i + 1} 行“${m.label}”为空，但该行未标记 suppressed`, `row ${i + 1}: ${m.key} is empty but the row is not marked suppressed`),
            fix: bi('填写数值；因数量过小不公开的，写 null 并加 "suppressed": true', 'give the value, or write null with "suppressed": true'),
          });
        }
        continue;
      }
      if (suppressed) {
        at([i, m.key], {
          code: 'dataset/suppressed-value',
          what: bi(`第 ${i + 1} 行已标记为不公开，却仍写出了“${m.label}”的数值`, `row ${i + 1} is suppressed but still shows ${m.key}`),
          fix: bi('不公开的行所有指标都写 null', 'write null for every measure of a suppressed row'),
        });
        continue;
      }
      const ok =
        m.type === 'count'
          ? Number.isInteger(v) && (v as number) >= 0
          : m.type === 'rate'
            ? typeof v === 'number' && v >= 0 && v <= 100
            : typeof v === 'number';
      if (!ok) {
        at([i, m.key], {
          code: 'dataset/measure-value',
          what: bi(
            `第 ${i + 1} 行“${m.label}”的值 ${JSON.stringify(v)} 不符合类型 ${m.type}`,
            `row ${i + 1}: ${m.key} value ${JSON.stringify(v)} is not a valid ${m.type}`,
          ),
          fix: bi(
            m.type === 'count' ? '件数写非负整数' : m.type === 'rate' ? '比率写 0–100 之间的数' : '写数字',
            m.type === 'count' ? 'counts are whole numbers ≥ 0' : m.type === 'rate' ? 'rates are numbers from 0 to 100' : 'write a number',
          ),
        });
      } else if (m.type === 'count' && (v as number) > 0 && (v as number) < threshold) {
        at([i, m.key], {
          code: 'dataset/small-count',
          what: bi(
            `第 ${i + 1} 行“${m.label}”为 ${String(v)}，小于 ${threshold}，不得公开（可能识别到个人）`,
            `row ${i + 1}: ${m.key} is ${String(v)}, below the threshold ${threshold}, and must not be published`,
          ),
          fix: bi(
            '写成 null 并加 "suppressed": true；用 npm run aggregate 重新生成可自动处理',
            'write null with "suppressed": true; npm run aggregate does this for you',
          ),
        });
      }
    }
  });
  return problems;
}

/** `totals[0].rows[3].count` → ['totals', 0, 'rows', 3, 'count'], to find its line. */
function fieldSegments(field: string): Array<string | number> {
  return [...field.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : m[1]!));
}

interface Checked {
  problems: Problem[];
  /** The dataset's own LP audit, when its rows and totals are sound enough for a joint one. */
  audit?: AuditResult;
}

function checkDataset(d: DatasetSource, c: ContentSet): Checked {
  const problems: Problem[] = [];
  let audit: AuditResult | undefined;
  const at = (p: Array<string | number>, x: Pick<Problem, 'code' | 'what' | 'fix'>) => problems.push(problemAt(d.source, p, x));
  const data = d.data;
  const villages = c.villagesSource ? new Set(c.villages.map((v) => v.code)) : undefined;
  if (data.id !== d.id) {
    at(['id'], {
      code: 'dataset/id-file',
      what: bi(`id 是“${data.id}”，但文件名是 ${d.id}.json`, `id is "${data.id}" but the file is ${d.id}.json`),
      fix: bi('让 id 与文件名一致', 'make the id and the file name agree'),
    });
  }
  const dimKeys = new Set(data.dimensions.map((x) => x.key));
  const measureKeys = new Set(data.measures.map((m) => m.key));
  const siteThreshold = c.site?.privacy.suppressionThreshold ?? 1;
  if (data.suppression.threshold < siteThreshold) {
    at(['suppression', 'threshold'], {
      code: 'dataset/threshold-too-low',
      what: bi(
        `抑制阈值 ${data.suppression.threshold} 低于全站设置 ${siteThreshold}`,
        `threshold ${data.suppression.threshold} is below the site setting ${siteThreshold}`,
      ),
      fix: bi(`阈值至少为 ${siteThreshold}（site.json 的 privacy.suppressionThreshold）`, `use at least ${siteThreshold}`),
    });
  }
  problems.push(...checkRows(d, ['rows'], data.rows, data.dimensions, villages, data.suppression.threshold));
  (data.totals ?? []).forEach((t, i) => {
    const unknown = t.by.filter((k) => !dimKeys.has(k));
    if (unknown.length) {
      at(['totals', i, 'by'], {
        code: 'dataset/unknown-dimension',
        what: bi(`合计的分组维度 ${unknown.join('、')} 未在 dimensions 中声明`, `totals group by unknown dimension(s) ${unknown.join(', ')}`),
        fix: bi('只能按已声明的维度合计', 'group totals only by declared dimensions'),
      });
      return;
    }
    problems.push(
      ...checkRows(
        d,
        ['totals', i, 'rows'],
        t.rows,
        data.dimensions.filter((x) => t.by.includes(x.key)),
        villages,
        data.suppression.threshold,
      ),
    );
  });
  // The audit reads the numbers as numbers: only run it on a file whose rows already passed.
  if (problems.length === 0) {
    const located = ({ code, what, fix, field }: Problem) => problemAt(d.source, field ? fieldSegments(field) : [], { code, what, fix });
    const totals = checkTotalsAgree(data);
    const own = auditSuppression(data);
    problems.push(...totals.map(located), ...auditProblems(data, own).map(located));
    if (totals.length === 0 && own.infeasible.length === 0) audit = own;
  }
  (data.alerts ?? []).forEach((a, i) => {
    if (!measureKeys.has(a.measure)) {
      at(['alerts', i, 'measure'], {
        code: 'dataset/unknown-measure',
        what: bi(`预警规则的指标“${a.measure}”不存在`, `alert rule measure "${a.measure}" does not exist`),
        fix: bi(`可用指标：${[...measureKeys].join('、')}`, `available measures: ${[...measureKeys].join(', ')}`),
      });
    }
    const unknown = a.by.filter((k) => !dimKeys.has(k));
    if (unknown.length) {
      at(['alerts', i, 'by'], {
        code: 'dataset/unknown-dimension',
        what: bi(`预警规则的分组维度 ${unknown.join('、')} 不存在`, `alert rule groups by unknown dimension(s) ${unknown.join(', ')}`),
        fix: bi(`可用维度：${[...dimKeys].join('、')}`, `available dimensions: ${[...dimKeys].join(', ')}`),
      });
    }
  });
  return { problems, audit };
}

export function checkDatasets(c: ContentSet): Problem[] {
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
    for (const f of found) problems.push(problemAt(group[f.member]!.d.source, fieldSegments(f.field), f.problem));
  }
  return problems;
}
