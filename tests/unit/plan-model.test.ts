/** Derived facts about plans: overdue, current phase, roll-ups, superseding links, unit views. */
import { describe, expect, it } from 'vitest';
import { buildPlanViews, buildUnitViews, phaseState, summarize, type PlanInput } from '../../src/lib/model/plans';
import { buildSiteModel } from '../../src/lib/model/site';
import type { PlanFrontmatter, Task } from '../../src/lib/schemas/plan';

const units = [
  { id: 'a', name: '甲办' },
  { id: 'b', name: '乙所' },
];

function task(over: Partial<Task>): Task {
  return { id: 'T1', title: '任务', lead: ['a'], due: '2026-06-30', status: '进行中', progress: 50, ...over };
}

function plan(slug: string, over: Partial<PlanFrontmatter>): PlanInput {
  return {
    slug,
    data: {
      title: `方案${slug}`,
      indexNumber: `X/${slug}`,
      issuer: '某镇人民政府',
      category: '社会治理',
      writtenOn: '2026-01-01',
      publishedOn: '2026-01-02',
      validity: '有效',
      tasks: [],
      ...over,
    },
  };
}

describe('overdue', () => {
  const tasks = [
    task({ id: 'past-open', due: '2026-06-30' }),
    task({ id: 'past-done', due: '2026-06-30', status: '已完成', progress: 100 }),
    task({ id: 'due-today', due: '2026-07-01' }),
    task({ id: 'future', due: '2026-12-31', status: '滞后' }),
  ];
  const [p] = buildPlanViews([plan('p', { tasks })], units, '2026-07-01');

  it('flags a task past its due date that is not 已完成', () => {
    const flags = Object.fromEntries(p!.tasks.map((t) => [t.id, t.overdue]));
    expect(flags).toEqual({ 'past-open': true, 'past-done': false, 'due-today': false, future: false });
    expect(p!.tasks[0]!.daysOverdue).toBe(1);
  });

  it('moves with today', () => {
    const [later] = buildPlanViews([plan('p', { tasks })], units, '2027-01-01');
    expect(later!.tasks.filter((t) => t.overdue).map((t) => t.id)).toEqual(['past-open', 'due-today', 'future']);
  });

  it('never flags tasks of a plan no longer in force', () => {
    const [old] = buildPlanViews([plan('p', { tasks, validity: '失效' })], units, '2027-01-01');
    expect(old!.tasks.some((t) => t.overdue)).toBe(false);
  });

  it('rolls up counts and mean progress', () => {
    expect(p!.rollup).toEqual({ total: 4, done: 1, overdue: 1, ongoing: 2, notStarted: 0, averageProgress: 63 });
    expect(summarize([])).toEqual({ total: 0, done: 0, overdue: 0, ongoing: 0, notStarted: 0, averageProgress: 0 });
  });

  it('counts 未开始 apart from 推进中, so the four counts add up to the total', () => {
    const [q] = buildPlanViews(
      [
        plan('q', {
          tasks: [
            ...tasks,
            task({ id: 'later', due: '2026-12-31', status: '未开始', progress: 0 }),
            task({ id: 'late-start', due: '2026-06-01', status: '未开始', progress: 0 }),
          ],
        }),
      ],
      units,
      '2026-07-01',
    );
    expect(q!.rollup).toMatchObject({ total: 6, done: 1, overdue: 2, ongoing: 2, notStarted: 1 });
    const r = q!.rollup;
    expect(r.done + r.ongoing + r.notStarted + r.overdue).toBe(r.total);
  });
});

describe('phases', () => {
  const phases = [
    { name: '启动', from: '2026-01-01', to: '2026-03-31' },
    { name: '推进', from: '2026-04-01', to: '2026-09-30' },
  ];
  it('marks the phase containing today, inclusive of both ends', () => {
    expect(phaseState(phases[0]!, '2026-03-31')).toBe('进行中');
    expect(phaseState(phases[0]!, '2026-04-01')).toBe('已结束');
    expect(phaseState(phases[1]!, '2026-03-31')).toBe('未开始');
    const [p] = buildPlanViews([plan('p', { phases })], units, '2026-05-01');
    expect(p!.currentPhase?.name).toBe('推进');
    const [after] = buildPlanViews([plan('p', { phases })], units, '2026-10-01');
    expect(after!.currentPhase).toBeUndefined();
  });
});

describe('superseding', () => {
  const plans = [plan('old', { validity: '失效', supersededBy: 'new', publishedOn: '2024-01-01' }), plan('new', { publishedOn: '2026-03-01' })];
  const views = buildPlanViews(plans, units, '2026-07-01');
  it('links the old plan forward and the new plan back, newest first', () => {
    expect(views.map((v) => v.slug)).toEqual(['new', 'old']);
    expect(views[1]!.supersededByPlan?.slug).toBe('new');
    expect(views[0]!.supersedes.map((l) => l.slug)).toEqual(['old']);
  });
});

describe('units', () => {
  it('lists each unit’s leading and supporting tasks in force, and past ones apart', () => {
    const plans = buildPlanViews(
      [
        plan('p', { tasks: [task({ id: 'T1', lead: ['a'], partners: ['b'] }), task({ id: 'T2', lead: ['b'], status: '已完成', progress: 100 })] }),
        plan('q', { validity: '废止', tasks: [task({ id: 'T9', lead: ['a'] })] }),
      ],
      units,
      '2026-07-01',
    );
    const [a, b] = buildUnitViews(plans, units);
    expect(a!.leading.map((t) => t.id)).toEqual(['T1']);
    expect(a!.past.map((t) => t.id)).toEqual(['T9']);
    expect(a!.rollup.overdue).toBe(1);
    expect(b!.leading.map((t) => t.id)).toEqual(['T2']);
    expect(b!.supporting.map((t) => t.id)).toEqual(['T1']);
    expect(b!.rollup).toMatchObject({ total: 2, done: 1, overdue: 1 });
  });
});

describe('site model', () => {
  it('builds filter views by validity, category and year', () => {
    const model = buildSiteModel({
      today: '2026-07-01',
      site: {
        name: '某镇公开栏',
        issuer: '某镇人民政府',
        issuerCode: '11330000MB0000000H',
        regionName: '某镇',
        contact: '电话',
        privacy: { maskNames: true, suppressionThreshold: 5 },
        disclosure: { financeDeadlineDay: 10, quarterlyDeadlineDay: 15 },
        search: { synonyms: [] },
      },
      units,
      villages: [],
      disclosures: [],
      plans: [
        plan('a', { publishedOn: '2025-05-01', validity: '失效', category: '平安建设' }),
        plan('b', { publishedOn: '2026-05-01', validity: '有效' }),
        plan('c', { publishedOn: '2026-06-01', validity: '试行' }),
      ],
    });
    expect(model.planFacets.validity.map((v) => [v.slug, v.plans.length])).toEqual([
      ['youxiao', 1],
      ['shixing', 1],
      ['shixiao', 1],
    ]);
    expect(model.planFacets.year.map((v) => v.slug)).toEqual(['2026', '2025']);
    expect(model.planFacets.category.map((v) => v.slug).sort()).toEqual(['pinganjianshe', 'shehuizhili']);
    expect(model.siteUrl).toBeUndefined();
  });
});
