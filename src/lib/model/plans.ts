/**
 * The plan model pages render: every derived fact (overdue, current phase, roll-ups) is
 * computed here, once, from "today" — never in templates.
 */
import type { Goal, Phase, PlanFrontmatter, Task, Validity } from '../schemas/plan';
import type { Unit } from '../schemas/unit';
import { daysBetween, yearOf } from '../core/dates';
import { slugify } from '../core/slug';

/** Plans whose tasks still bind units. Tasks of 失效/废止 plans are history, never overdue. */
export function isInForce(validity: Validity): boolean {
  return validity === '有效' || validity === '试行';
}

export interface UnitRef {
  id: string;
  name: string;
}

export interface TaskView extends Task {
  planSlug: string;
  planTitle: string;
  planInForce: boolean;
  /** Past its due date, not 已完成, in a plan in force. */
  overdue: boolean;
  /** Days past due (0 when not overdue). */
  daysOverdue: number;
  leadUnits: UnitRef[];
  partnerUnits: UnitRef[];
}

export type PhaseState = '已结束' | '进行中' | '未开始';

export interface PhaseView extends Phase {
  state: PhaseState;
}

export interface ProgressSummary {
  total: number;
  done: number;
  overdue: number;
  /** 推进中: under way — neither done, overdue nor 未开始. */
  ongoing: number;
  /** 未开始 and not overdue. done + ongoing + notStarted + overdue = total. */
  notStarted: number;
  /** Mean progress of all tasks, percent rounded to an integer (0 when no tasks). */
  averageProgress: number;
}

export interface PlanLink {
  slug: string;
  title: string;
  publishedOn: string;
}

export interface PlanView extends Omit<PlanFrontmatter, 'tasks' | 'phases' | 'goals'> {
  slug: string;
  file?: string;
  year: string;
  categorySlug: string;
  inForce: boolean;
  goals: Goal[];
  tasks: TaskView[];
  phases: PhaseView[];
  /** The phase containing today, if any. */
  currentPhase?: PhaseView;
  rollup: ProgressSummary;
  supersededByPlan?: PlanLink;
  /** Older plans this one replaces (the back-link of supersededBy). */
  supersedes: PlanLink[];
  /** The frontmatter as written and the text (Markdown), for the JSON download (src/lib/model/records.ts). */
  frontmatter: PlanFrontmatter;
  text: string;
}

export function phaseState(phase: Phase, today: string): PhaseState {
  if (today > phase.to) return '已结束';
  if (today < phase.from) return '未开始';
  return '进行中';
}

export function summarize(tasks: readonly TaskView[]): ProgressSummary {
  const done = tasks.filter((t) => t.status === '已完成').length;
  const overdue = tasks.filter((t) => t.overdue).length;
  const notStarted = tasks.filter((t) => t.status === '未开始' && !t.overdue).length;
  const avg = tasks.length ? Math.round(tasks.reduce((s, t) => s + t.progress, 0) / tasks.length) : 0;
  return { total: tasks.length, done, overdue, ongoing: tasks.length - done - overdue - notStarted, notStarted, averageProgress: avg };
}

export interface PlanInput {
  slug: string;
  data: PlanFrontmatter;
  /** Absolute path of the source file (for its revision history). */
  file?: string;
  /** The plan's text as written (Markdown): its JSON download and 核对码 cover it. */
  body?: string;
}

export function buildPlanViews(plans: readonly PlanInput[], units: readonly Unit[], today: string): PlanView[] {
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const ref = (id: string): UnitRef => ({ id, name: unitName.get(id) ?? id });
  const link = (p: PlanInput): PlanLink => ({ slug: p.slug, title: p.data.title, publishedOn: p.data.publishedOn });
  const bySlug = new Map(plans.map((p) => [p.slug, p]));

  const views = plans.map(({ slug, data, file, body }): PlanView => {
    const inForce = isInForce(data.validity);
    const tasks = data.tasks.map((t): TaskView => {
      const overdue = inForce && t.status !== '已完成' && t.due < today;
      return {
        ...t,
        planSlug: slug,
        planTitle: data.title,
        planInForce: inForce,
        overdue,
        daysOverdue: overdue ? daysBetween(t.due, today) : 0,
        leadUnits: t.lead.map(ref),
        partnerUnits: (t.partners ?? []).map(ref),
      };
    });
    const phases = (data.phases ?? []).map((ph) => ({ ...ph, state: phaseState(ph, today) }));
    const newer = data.supersededBy ? bySlug.get(data.supersededBy) : undefined;
    return {
      ...data,
      slug,
      file,
      year: yearOf(data.publishedOn),
      categorySlug: slugify(data.category),
      inForce,
      goals: data.goals ?? [],
      tasks,
      phases,
      currentPhase: phases.find((p) => p.state === '进行中'),
      rollup: summarize(tasks),
      supersededByPlan: newer ? link(newer) : undefined,
      supersedes: plans.filter((p) => p.data.supersededBy === slug).map(link),
      frontmatter: data,
      text: body ?? '',
    };
  });
  // Newest first; ties broken by slug so the order is stable between builds.
  return views.sort((a, b) => b.publishedOn.localeCompare(a.publishedOn) || a.slug.localeCompare(b.slug));
}

export interface UnitView {
  unit: Unit;
  /** Tasks this unit leads, in plans in force. */
  leading: TaskView[];
  /** Tasks this unit supports, in plans in force. */
  supporting: TaskView[];
  /** Tasks in plans no longer in force (history). */
  past: TaskView[];
  /** Roll-up over leading and supporting tasks in force. */
  rollup: ProgressSummary;
}

/** Accountability per responsible unit (责任单位): every task it leads or supports, across plans. */
export function buildUnitViews(plans: readonly PlanView[], units: readonly Unit[]): UnitView[] {
  const byDue = (a: TaskView, b: TaskView) => a.due.localeCompare(b.due) || a.planSlug.localeCompare(b.planSlug);
  return units.map((unit) => {
    const involved = plans.flatMap((p) => p.tasks).filter((t) => t.lead.includes(unit.id) || (t.partners ?? []).includes(unit.id));
    const current = involved.filter((t) => t.planInForce);
    const leading = current.filter((t) => t.lead.includes(unit.id)).sort(byDue);
    const supporting = current.filter((t) => !t.lead.includes(unit.id)).sort(byDue);
    return {
      unit,
      leading,
      supporting,
      past: involved.filter((t) => !t.planInForce).sort(byDue),
      rollup: summarize(current),
    };
  });
}
