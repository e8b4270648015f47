/** Cross-file and logical checks on plans (CONTENT.md § Governance plans). */
import { isInForce } from '../model/plans';
import { bi, type Problem } from '../core/errors';
import type { ContentSet, PlanSource } from '../content/set';
import { problemAt } from '../content/parse';

function checkPlan(plan: PlanSource, c: ContentSet, bySlug: Map<string, PlanSource>): Problem[] {
  const problems: Problem[] = [];
  const at = (path: Array<string | number>, p: Pick<Problem, 'code' | 'what' | 'fix'>) => problems.push(problemAt(plan.source, path, p));
  const d = plan.data;
  // When units.json itself is broken, that error is reported once; don't echo it per task.
  const unitIds = c.units ? new Set(c.units.map((u) => u.id)) : undefined;

  if (d.writtenOn > d.publishedOn) {
    at(['publishedOn'], {
      code: 'plan/published-before-written',
      what: bi(`发布日期 ${d.publishedOn} 早于成文日期 ${d.writtenOn}`, `published (${d.publishedOn}) before it was written (${d.writtenOn})`),
      fix: bi('核对成文日期和发布日期', 'check writtenOn and publishedOn'),
    });
  }

  if (d.supersededBy !== undefined) {
    const newer = bySlug.get(d.supersededBy);
    if (d.supersededBy === plan.slug || !newer) {
      at(['supersededBy'], {
        code: 'plan/superseded-missing',
        what: bi(`替代文件“${d.supersededBy}”不存在`, `superseding plan "${d.supersededBy}" does not exist`),
        fix: bi(
          '填写 plans/ 目录中新方案的文件名（不含 .mdx），或先发布新方案',
          'name an existing plan file in plans/ (without .mdx), or publish the new plan first',
        ),
      });
    } else if (newer.data.publishedOn <= d.publishedOn) {
      at(['supersededBy'], {
        code: 'plan/superseded-not-newer',
        what: bi(
          `替代文件“${d.supersededBy}”的发布日期 ${newer.data.publishedOn} 不晚于本方案 ${d.publishedOn}`,
          `superseding plan "${d.supersededBy}" (${newer.data.publishedOn}) is not newer than this one (${d.publishedOn})`,
        ),
        fix: bi('替代文件必须是更新发布的方案；检查 supersededBy 是否写反', 'the superseding plan must be published later; check supersededBy is not reversed'),
      });
    }
    if (isInForce(d.validity)) {
      at(['validity'], {
        code: 'plan/superseded-still-valid',
        what: bi(`已被“${d.supersededBy}”替代，有效性却是“${d.validity}”`, `superseded by "${d.supersededBy}" but validity is "${d.validity}"`),
        fix: bi('被替代的方案应标为“失效”或“废止”', 'mark a superseded plan 失效 or 废止'),
      });
    }
  }

  const taskIds = new Set<string>();
  d.tasks.forEach((t, i) => {
    if (taskIds.has(t.id)) {
      at(['tasks', i, 'id'], {
        code: 'plan/duplicate-task-id',
        what: bi(`任务编号“${t.id}”重复`, `task id "${t.id}" is used twice`),
        fix: bi('每项任务使用不同的编号，如 T1、T2', 'give every task its own id, e.g. T1, T2'),
      });
    }
    taskIds.add(t.id);
    for (const role of ['lead', 'partners'] as const) {
      (t[role] ?? []).forEach((u, j) => {
        if (unitIds && !unitIds.has(u)) {
          at(['tasks', i, role, j], {
            code: 'plan/unknown-unit',
            what: bi(
              `任务 ${t.id} 的${role === 'lead' ? '牵头' : '配合'}单位“${u}”不在 units.json 中`,
              `task ${t.id}: ${role === 'lead' ? 'lead' : 'partner'} unit "${u}" is not in units.json`,
            ),
            fix: bi(
              `改用已登记的单位编号（${[...unitIds].join('、')}），或先在 units.json 中添加该单位`,
              `use a registered unit id (${[...unitIds].join(', ')}) or add it to units.json first`,
            ),
          });
        }
      });
    }
    if (t.status === '已完成' && t.progress < 100) {
      at(['tasks', i, 'progress'], {
        code: 'plan/done-not-100',
        what: bi(`任务 ${t.id} 标为“已完成”，但进度是 ${t.progress}%`, `task ${t.id} is 已完成 (done) but progress is ${t.progress}%`),
        fix: bi(
          '确已完成的把 progress 改为 100；未完成的把 status 改为“进行中”或“滞后”',
          'set progress to 100 if it is done, otherwise change status to 进行中 or 滞后',
        ),
      });
    }
    (t.updates ?? []).forEach((u, j, all) => {
      const prev = all[j - 1];
      if (prev && u.on < prev.on) {
        at(['tasks', i, 'updates', j, 'on'], {
          code: 'plan/updates-order',
          what: bi(`任务 ${t.id} 的进展日期 ${u.on} 早于上一条 ${prev.on}`, `task ${t.id}: update dated ${u.on} comes after one dated ${prev.on}`),
          fix: bi('进展情况按日期从早到晚排列，最新的放最后', 'list updates oldest first, newest last'),
        });
      }
    });
  });

  const goalIds = new Set<string>();
  (d.goals ?? []).forEach((g, i) => {
    if (goalIds.has(g.id)) {
      at(['goals', i, 'id'], {
        code: 'plan/duplicate-goal-id',
        what: bi(`目标编号“${g.id}”重复`, `goal id "${g.id}" is used twice`),
        fix: bi('每个目标使用不同的编号，如 G1、G2', 'give every goal its own id, e.g. G1, G2'),
      });
    }
    goalIds.add(g.id);
    if (g.indicator) {
      const found = c.datasets.find((d) => d.id === g.indicator!.dataset);
      const ds = found && { id: found.id, measures: found.data.measures.map((m) => m.key) };
      const dims = found ? found.data.dimensions.map((x) => x.key) : [];
      for (const key of Object.keys(g.indicator.where ?? {})) {
        if (found && !dims.includes(key)) {
          at(['goals', i, 'indicator', 'where', key], {
            code: 'plan/unknown-dimension',
            what: bi(`数据集“${found.id}”没有维度“${key}”`, `dataset "${found.id}" has no dimension "${key}"`),
            fix: bi(`可用的维度：${dims.join('、')}`, `available dimensions: ${dims.join(', ')}`),
          });
        }
      }
      if (!ds) {
        at(['goals', i, 'indicator', 'dataset'], {
          code: 'plan/unknown-dataset',
          what: bi(`目标 ${g.id} 关联的数据集“${g.indicator.dataset}”不存在`, `goal ${g.id}: dataset "${g.indicator.dataset}" does not exist`),
          fix: bi('填写 data/ 目录中已有数据集的 id，或删除 indicator', 'name a dataset in data/ or remove the indicator'),
        });
      } else if (!ds.measures.includes(g.indicator.measure)) {
        at(['goals', i, 'indicator', 'measure'], {
          code: 'plan/unknown-measure',
          what: bi(`数据集“${ds.id}”没有指标“${g.indicator.measure}”`, `dataset "${ds.id}" has no measure "${g.indicator.measure}"`),
          fix: bi(`可用的指标：${ds.measures.join('、')}`, `available measures: ${ds.measures.join(', ')}`),
        });
      }
    }
  });

  (d.phases ?? []).forEach((ph, i, all) => {
    if (ph.from > ph.to) {
      at(['phases', i, 'to'], {
        code: 'plan/phase-reversed',
        what: bi(`阶段“${ph.name}”的结束日期 ${ph.to} 早于开始日期 ${ph.from}`, `phase "${ph.name}" ends (${ph.to}) before it starts (${ph.from})`),
        fix: bi('检查该阶段的 from 和 to 是否写反', 'check whether from and to are swapped'),
      });
    }
    const prev = all[i - 1];
    if (prev && ph.from <= prev.to) {
      at(['phases', i, 'from'], {
        code: 'plan/phase-overlap',
        what: bi(
          `阶段“${ph.name}”从 ${ph.from} 开始，与上一阶段“${prev.name}”（至 ${prev.to}）重叠或顺序颠倒`,
          `phase "${ph.name}" starts ${ph.from}, overlapping or before the previous phase "${prev.name}" (until ${prev.to})`,
        ),
        fix: bi('各阶段按时间先后排列，后一阶段的开始日期要晚于前一阶段的结束日期', 'list phases in order; each must start after the previous one ends'),
      });
    }
  });
  return problems;
}

export function checkPlans(c: ContentSet): Problem[] {
  const bySlug = new Map(c.plans.map((p) => [p.slug, p]));
  const problems = c.plans.flatMap((p) => checkPlan(p, c, bySlug));
  // 索引号 is unique across the whole site (政府信息公开 practice); later kinds join this map.
  const byIndex = new Map<string, PlanSource>();
  for (const p of c.plans) {
    const first = byIndex.get(p.data.indexNumber);
    if (first) {
      problems.push(
        problemAt(p.source, ['indexNumber'], {
          code: 'plan/duplicate-index-number',
          what: bi(
            `索引号“${p.data.indexNumber}”已被 ${first.source.display} 使用`,
            `index number "${p.data.indexNumber}" is already used by ${first.source.display}`,
          ),
          fix: bi('索引号全站唯一：改用下一个未使用的序号', 'index numbers are unique site-wide: use the next free sequence number'),
        }),
      );
    } else byIndex.set(p.data.indexNumber, p);
  }
  return problems;
}
