/** Cross-file and logical checks on plans (CONTENT.md § Governance plans), one rule per idea. */
import { isInForce } from '../model/plans';
import { timeDimension } from '../model/datasets';
import { bi } from '../core/errors';
import type { ContentSet, PlanSource } from '../content/set';
import { codesOf, defineItemRule, defineRule, doc, locate, runItemRules, type Draft } from './rule';

/** One plan, with what its checks look up across the set. */
interface PlanItem {
  plan: PlanSource;
  content: ContentSet;
  bySlug: Map<string, PlanSource>;
  /** Registered unit ids; undefined when units.json itself is broken (reported once, not per task). */
  unitIds?: Set<string>;
}

const dates = defineItemRule({
  name: 'plan-dates',
  codes: {
    'plan/published-before-written': doc(
      '方案的发布日期不早于成文日期（GB/T 9704-2012 成文日期）',
      'a plan is published on or after the day it was written (GB/T 9704-2012)',
      '核对成文日期和发布日期',
      'check writtenOn and publishedOn',
    ),
  },
  check: ({ plan: { data: d } }: PlanItem) =>
    d.writtenOn > d.publishedOn
      ? [
          {
            path: ['publishedOn'],
            code: 'plan/published-before-written',
            what: bi(`发布日期 ${d.publishedOn} 早于成文日期 ${d.writtenOn}`, `published (${d.publishedOn}) before it was written (${d.writtenOn})`),
          },
        ]
      : [],
});

const supersession = defineItemRule({
  name: 'plan-supersession',
  codes: {
    'plan/superseded-missing': doc(
      'supersededBy 指向一个已发布的方案',
      'supersededBy names a published plan',
      '填写 plans/ 目录中新方案的文件名（不含 .mdx），或先发布新方案',
      'name an existing plan file in plans/ (without .mdx), or publish the new plan first',
    ),
    'plan/superseded-not-newer': doc(
      '替代文件比被替代的方案发布得晚',
      'the superseding plan is published later than the one it replaces',
      '替代文件必须是更新发布的方案；检查 supersededBy 是否写反',
      'the superseding plan must be published later; check supersededBy is not reversed',
    ),
    'plan/superseded-still-valid': doc(
      '被替代的方案不再标为有效（公文的有效性须如实标明）',
      'a superseded plan is no longer marked in force (a document states its validity truthfully)',
      '被替代的方案应标为“失效”或“废止”',
      'mark a superseded plan 失效 or 废止',
    ),
  },
  check: ({ plan, content, bySlug }: PlanItem) => {
    const d = plan.data;
    if (d.supersededBy === undefined) return [];
    const out: Array<Draft<'plan/superseded-missing' | 'plan/superseded-not-newer' | 'plan/superseded-still-valid'>> = [];
    const newer = bySlug.get(d.supersededBy);
    if (d.supersededBy === plan.slug) {
      out.push({
        path: ['supersededBy'],
        code: 'plan/superseded-missing',
        what: bi(`supersededBy 写的是本方案自己（“${plan.slug}”）`, `supersededBy names this plan itself ("${plan.slug}")`),
        fix: bi('填写替代本方案的新方案的文件名（不含 .mdx）', 'name the new plan that replaces this one (its file name without .mdx)'),
      });
    } else if (!newer && content.unreadPlans?.has(d.supersededBy)) {
      // The file is there but has its own problems (reported for it): "does not exist" would mislead.
      out.push({
        path: ['supersededBy'],
        code: 'plan/superseded-missing',
        what: bi(`替代文件“${d.supersededBy}”本身有错误，无法核对`, `superseding plan "${d.supersededBy}" has problems of its own and cannot be checked`),
        fix: bi(`先改正 plans/${d.supersededBy} 的错误（见本报告中该文件的条目）`, `fix plans/${d.supersededBy} first (see its entries in this report)`),
      });
    } else if (!newer) {
      out.push({
        path: ['supersededBy'],
        code: 'plan/superseded-missing',
        what: bi(`替代文件“${d.supersededBy}”不存在`, `superseding plan "${d.supersededBy}" does not exist`),
      });
    } else if (newer.data.publishedOn <= d.publishedOn) {
      out.push({
        path: ['supersededBy'],
        code: 'plan/superseded-not-newer',
        what: bi(
          `替代文件“${d.supersededBy}”的发布日期 ${newer.data.publishedOn} 不晚于本方案 ${d.publishedOn}`,
          `superseding plan "${d.supersededBy}" (${newer.data.publishedOn}) is not newer than this one (${d.publishedOn})`,
        ),
      });
    }
    if (isInForce(d.validity)) {
      out.push({
        path: ['validity'],
        code: 'plan/superseded-still-valid',
        what: bi(`已被“${d.supersededBy}”替代，有效性却是“${d.validity}”`, `superseded by "${d.supersededBy}" but validity is "${d.validity}"`),
      });
    }
    return out;
  },
});

type TaskCode = 'plan/duplicate-task-id' | 'plan/unknown-unit' | 'plan/done-not-100' | 'plan/updates-order';
type Task = PlanSource['data']['tasks'][number];

function unitFindings(t: Task, i: number, unitIds: Set<string> | undefined): Array<Draft<TaskCode>> {
  if (!unitIds) return [];
  return (['lead', 'partners'] as const).flatMap((role) =>
    (t[role] ?? []).flatMap((u, j): Array<Draft<TaskCode>> =>
      unitIds.has(u)
        ? []
        : [
            {
              path: ['tasks', i, role, j],
              code: 'plan/unknown-unit',
              what: bi(
                `任务 ${t.id} 的${role === 'lead' ? '牵头' : '配合'}单位“${u}”不在 units.json 中`,
                `task ${t.id}: ${role === 'lead' ? 'lead' : 'partner'} unit "${u}" is not in units.json`,
              ),
              fix: bi(
                `改用已登记的单位编号（${[...unitIds].join('、')}），或先在 units.json 中添加该单位`,
                `use a registered unit id (${[...unitIds].join(', ')}) or add it to units.json first`,
              ),
            },
          ],
    ),
  );
}

function progressFindings(t: Task, i: number): Array<Draft<TaskCode>> {
  const out: Array<Draft<TaskCode>> = [];
  if (t.status === '已完成' && t.progress < 100) {
    out.push({
      path: ['tasks', i, 'progress'],
      code: 'plan/done-not-100',
      what: bi(`任务 ${t.id} 标为“已完成”，但进度是 ${t.progress}%`, `task ${t.id} is 已完成 (done) but progress is ${t.progress}%`),
    });
  }
  (t.updates ?? []).forEach((u, j, all) => {
    const prev = all[j - 1];
    if (prev && u.on < prev.on) {
      out.push({
        path: ['tasks', i, 'updates', j, 'on'],
        code: 'plan/updates-order',
        what: bi(`任务 ${t.id} 的进展日期 ${u.on} 早于上一条 ${prev.on}`, `task ${t.id}: update dated ${u.on} comes after one dated ${prev.on}`),
      });
    }
  });
  return out;
}

const tasks = defineItemRule({
  name: 'plan-tasks',
  codes: {
    'plan/duplicate-task-id': doc(
      '每项任务的编号在方案内唯一',
      'every task id is unique within its plan',
      '每项任务使用不同的编号，如 T1、T2',
      'give every task its own id, e.g. T1, T2',
    ),
    'plan/unknown-unit': doc(
      '牵头和配合单位都已在 units.json 中登记',
      'every lead and partner unit is registered in units.json',
      '改用已登记的单位编号，或先在 units.json 中添加该单位',
      'use a registered unit id, or add it to units.json first',
    ),
    'plan/done-not-100': doc(
      '标为“已完成”的任务进度是 100%',
      'a task marked 已完成 (done) is at 100%',
      '确已完成的把 progress 改为 100；未完成的把 status 改为“进行中”或“滞后”',
      'set progress to 100 if it is done, otherwise change status to 进行中 or 滞后',
    ),
    'plan/updates-order': doc(
      '任务进展按日期从早到晚排列',
      'task updates are listed oldest first',
      '进展情况按日期从早到晚排列，最新的放最后',
      'list updates oldest first, newest last',
    ),
  },
  check: ({ plan, unitIds }: PlanItem) => {
    const out: Array<Draft<TaskCode>> = [];
    const taskIds = new Set<string>();
    plan.data.tasks.forEach((t, i) => {
      if (taskIds.has(t.id)) {
        out.push({
          path: ['tasks', i, 'id'],
          code: 'plan/duplicate-task-id',
          what: bi(`任务编号“${t.id}”重复`, `task id "${t.id}" is used twice`),
        });
      }
      taskIds.add(t.id);
      out.push(...unitFindings(t, i, unitIds), ...progressFindings(t, i));
    });
    return out;
  },
});

type GoalCode =
  | 'plan/duplicate-goal-id'
  | 'plan/unknown-dimension'
  | 'plan/unknown-dimension-value'
  | 'plan/indicator-period'
  | 'plan/unknown-dataset'
  | 'plan/unknown-measure';

/** At most this many values are listed in a fix (a village dimension may have dozens). */
const LISTED_VALUES = 12;
type Goal = NonNullable<PlanSource['data']['goals']>[number];

/** A goal's indicator names a real dataset, one of its measures and only its dimensions. */
function indicatorFindings(g: Goal, i: number, content: ContentSet): Array<Draft<GoalCode>> {
  if (!g.indicator) return [];
  const out: Array<Draft<GoalCode>> = [];
  const found = content.datasets.find((d) => d.id === g.indicator!.dataset);
  const ds = found && { id: found.id, measures: found.data.measures.map((m) => m.key) };
  const dims = found ? found.data.dimensions.map((x) => x.key) : [];
  for (const [key, value] of Object.entries(g.indicator.where ?? {})) {
    if (found && !dims.includes(key)) {
      out.push({
        path: ['goals', i, 'indicator', 'where', key],
        code: 'plan/unknown-dimension',
        what: bi(`数据集“${found.id}”没有维度“${key}”`, `dataset "${found.id}" has no dimension "${key}"`),
        fix: bi(`可用的维度：${dims.join('、')}`, `available dimensions: ${dims.join(', ')}`),
      });
    } else if (found) {
      // A value the dataset never has (a mistyped village code) would show the goal as 不公开 forever.
      const values = [...new Set(found.data.rows.map((r) => String(r[key])))].sort();
      if (!values.includes(value)) {
        const listed = values.slice(0, LISTED_VALUES).join('、') + (values.length > LISTED_VALUES ? ' …' : '');
        out.push({
          path: ['goals', i, 'indicator', 'where', key],
          code: 'plan/unknown-dimension-value',
          what: bi(`数据集“${found.id}”的维度“${key}”中没有“${value}”`, `dataset "${found.id}" has no "${value}" in dimension "${key}"`),
          fix: bi(`核对取值；数据集中有：${listed}`, `check the value; the dataset has: ${listed}`),
        });
      }
    }
  }
  if (found && g.indicator.period !== undefined && timeDimension(found.data) === undefined) {
    out.push({
      path: ['goals', i, 'indicator', 'period'],
      code: 'plan/indicator-period',
      what: bi(
        `数据集“${found.id}”没有月份、季度或年份维度，不能按统计期“${g.indicator.period}”取值`,
        `dataset "${found.id}" has no month, quarter or year dimension, so it has no value for period "${g.indicator.period}"`,
      ),
      fix: bi('删除 period，或改用按月份、季度或年份统计的数据集', 'remove period, or use a dataset counted by month, quarter or year'),
    });
  }
  if (!ds) {
    out.push({
      path: ['goals', i, 'indicator', 'dataset'],
      code: 'plan/unknown-dataset',
      what: bi(`目标 ${g.id} 关联的数据集“${g.indicator.dataset}”不存在`, `goal ${g.id}: dataset "${g.indicator.dataset}" does not exist`),
    });
  } else if (!ds.measures.includes(g.indicator.measure)) {
    out.push({
      path: ['goals', i, 'indicator', 'measure'],
      code: 'plan/unknown-measure',
      what: bi(`数据集“${ds.id}”没有指标“${g.indicator.measure}”`, `dataset "${ds.id}" has no measure "${g.indicator.measure}"`),
      fix: bi(`可用的指标：${ds.measures.join('、')}`, `available measures: ${ds.measures.join(', ')}`),
    });
  }
  return out;
}

const goals = defineItemRule({
  name: 'plan-goals',
  codes: {
    'plan/duplicate-goal-id': doc(
      '每个目标的编号在方案内唯一',
      'every goal id is unique within its plan',
      '每个目标使用不同的编号，如 G1、G2',
      'give every goal its own id, e.g. G1, G2',
    ),
    'plan/unknown-dimension': doc(
      '目标指标的筛选条件只用该数据集的维度',
      "a goal's indicator filters only by its dataset's dimensions",
      '改用数据集已声明的维度',
      'use a dimension the dataset declares',
    ),
    'plan/unknown-dimension-value': doc(
      '目标指标的筛选值在该数据集中存在',
      "a goal's indicator filters by a value its dataset has",
      '核对取值（如村的 12 位代码）',
      'check the value (e.g. the 12-digit village code)',
    ),
    'plan/indicator-period': doc(
      '按统计期取值的目标指标，其数据集有月份、季度或年份维度',
      "a goal's indicator with a period uses a dataset counted by month, quarter or year",
      '删除 period，或改用按月份、季度或年份统计的数据集',
      'remove period, or use a dataset counted by month, quarter or year',
    ),
    'plan/unknown-dataset': doc(
      '目标指标关联的数据集存在',
      "a goal's indicator names an existing dataset",
      '填写 data/ 目录中已有数据集的 id，或删除 indicator',
      'name a dataset in data/ or remove the indicator',
    ),
    'plan/unknown-measure': doc(
      '目标指标是该数据集的一个指标',
      "a goal's indicator is one of its dataset's measures",
      '改用数据集已声明的指标',
      'use a measure the dataset declares',
    ),
  },
  check: ({ plan, content }: PlanItem) => {
    const out: Array<Draft<GoalCode>> = [];
    const goalIds = new Set<string>();
    (plan.data.goals ?? []).forEach((g, i) => {
      if (goalIds.has(g.id)) {
        out.push({
          path: ['goals', i, 'id'],
          code: 'plan/duplicate-goal-id',
          what: bi(`目标编号“${g.id}”重复`, `goal id "${g.id}" is used twice`),
        });
      }
      goalIds.add(g.id);
      out.push(...indicatorFindings(g, i, content));
    });
    return out;
  },
});

const phases = defineItemRule({
  name: 'plan-phases',
  codes: {
    'plan/phase-reversed': doc(
      '每个阶段的结束日期不早于开始日期',
      'every phase ends on or after the day it starts',
      '检查该阶段的 from 和 to 是否写反',
      'check whether from and to are swapped',
    ),
    'plan/phase-overlap': doc(
      '各阶段按时间先后排列、互不重叠',
      'phases are in order and do not overlap',
      '各阶段按时间先后排列，后一阶段的开始日期要晚于前一阶段的结束日期',
      'list phases in order; each must start after the previous one ends',
    ),
  },
  check: ({ plan }: PlanItem) => {
    const out: Array<Draft<'plan/phase-reversed' | 'plan/phase-overlap'>> = [];
    (plan.data.phases ?? []).forEach((ph, i, all) => {
      if (ph.from > ph.to) {
        out.push({
          path: ['phases', i, 'to'],
          code: 'plan/phase-reversed',
          what: bi(`阶段“${ph.name}”的结束日期 ${ph.to} 早于开始日期 ${ph.from}`, `phase "${ph.name}" ends (${ph.to}) before it starts (${ph.from})`),
        });
      }
      const prev = all[i - 1];
      if (prev && ph.from <= prev.to) {
        out.push({
          path: ['phases', i, 'from'],
          code: 'plan/phase-overlap',
          what: bi(
            `阶段“${ph.name}”从 ${ph.from} 开始，与上一阶段“${prev.name}”（至 ${prev.to}）重叠或顺序颠倒`,
            `phase "${ph.name}" starts ${ph.from}, overlapping or before the previous phase "${prev.name}" (until ${prev.to})`,
          ),
        });
      }
    });
    return out;
  },
});

/** The rules on one plan, in the order their problems are reported. */
const PLAN_RULES = [dates, supersession, tasks, goals, phases];

export const planRules = defineRule({
  name: 'plans',
  codes: codesOf(PLAN_RULES),
  check: (c) => {
    const bySlug = new Map(c.plans.map((p) => [p.slug, p]));
    const unitIds = c.units ? new Set(c.units.map((u) => u.id)) : undefined;
    return c.plans.flatMap((plan) => runItemRules(PLAN_RULES, { plan, content: c, bySlug, unitIds }).map((f) => locate(plan.source, f)));
  },
});

// 索引号 is unique across the whole site (政府信息公开 practice); later kinds join this map.
const INDEX_CODES = {
  'plan/duplicate-index-number': doc(
    '索引号全站唯一（政府信息公开目录的索引号）',
    'index numbers are unique site-wide (the OGI catalogue index number)',
    '索引号全站唯一：改用下一个未使用的序号',
    'index numbers are unique site-wide: use the next free sequence number',
  ),
} as const;

export const indexNumberRule = defineRule({
  name: 'index-numbers',
  codes: INDEX_CODES,
  check: (c) => {
    const byIndex = new Map<string, PlanSource>();
    return c.plans.flatMap((p) => {
      const first = byIndex.get(p.data.indexNumber);
      if (!first) {
        byIndex.set(p.data.indexNumber, p);
        return [];
      }
      return [
        locate(p.source, {
          path: ['indexNumber'],
          code: 'plan/duplicate-index-number',
          what: bi(
            `索引号“${p.data.indexNumber}”已被 ${first.source.display} 使用`,
            `index number "${p.data.indexNumber}" is already used by ${first.source.display}`,
          ),
          fix: INDEX_CODES['plan/duplicate-index-number'].fix,
        }),
      ];
    });
  },
});
