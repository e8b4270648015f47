/**
 * The whole site as pages see it: registries plus ready-made plan and unit views and the
 * pre-rendered filter views of the plan list. Built once per build from validated content.
 */
import type { Site } from '../schemas/site';
import type { Unit } from '../schemas/unit';
import type { Village } from '../schemas/village';
import { VALIDITIES, type Validity } from '../schemas/plan';
import { buildDisclosureModel, type DisclosureInput, type DisclosureModel } from './disclosures';
import { laterRevisions, type HistoryState, type Revision } from '../content/history';
import { buildDatasetView, indicatorValue, type AlertOccurrence, type DatasetView, type IndicatorValue } from './datasets';
import type { Dataset } from '../schemas/dataset';
import type { Goal } from '../schemas/plan';
import { projectVillages, type MapGeometry } from '../stats/map';
import { buildLegalModel, type LegalInput, type LegalModel } from './legal';
import { buildPlanViews, buildUnitViews, summarize, type PlanInput, type PlanView, type ProgressSummary, type TaskView, type UnitView } from './plans';

/** ASCII URL words for the four validity states (/plans/validity/<slug>/). */
export const VALIDITY_SLUGS: Record<Validity, string> = { 有效: 'youxiao', 试行: 'shixing', 失效: 'shixiao', 废止: 'feizhi' };

export type FacetKey = 'validity' | 'category' | 'year';

export const FACET_LABELS: Record<FacetKey, string> = { validity: '有效性', category: '主题分类', year: '发布年份' };

export interface FacetValue {
  key: FacetKey;
  slug: string;
  label: string;
  plans: PlanView[];
}

export interface SiteModel {
  today: string;
  site: Site;
  /** Canonical base URL (SITE_URL, else site.json siteUrl), without trailing slash. */
  siteUrl?: string;
  units: Unit[];
  villages: Village[];
  /** 户籍人口 over all villages: the residents the town's figures cover (datapackage.json `region`). */
  population: number;
  plans: PlanView[];
  unitViews: UnitView[];
  /** Task roll-up over every plan in force. */
  townRollup: ProgressSummary;
  /** Overdue tasks across the town, longest overdue first. */
  overdueTasks: TaskView[];
  /** Plan list filter views, by facet, each value in display order. */
  planFacets: Record<FacetKey, FacetValue[]>;
  disclosures: DisclosureModel;
  /** 普法: articles, filter views, 国家宪法日 feature, 政策解读 links. */
  legal: LegalModel;
  datasets: DatasetView[];
  /** Alerts in the latest period of each dataset (home page). */
  latestAlerts: Array<AlertOccurrence & { datasetId: string; datasetTitle: string }>;
  /** Current values of plan goals tied to datasets, by `<plan slug>/<goal id>`. */
  goalValues: Map<string, IndicatorValue>;
  /** The plan goals that each dataset measures, by dataset id. */
  goalsByDataset: Map<string, GoalLink[]>;
  /** Village shapes projected for the SVG map (undefined without geo/villages.topo.json). */
  map?: MapGeometry;
  /** geo/meta.json: 审图号 and source; without a review number the map is a 示意图. */
  mapMeta: { reviewNumber?: string; source?: string };
  /** Whether git history could be read (not on a shallow clone or outside git). */
  history: { available: boolean; reason?: 'no-git' | 'shallow' };
  /** Changes to a content file after its first publication, newest first (修订记录). */
  revisionsOf: (file: string | undefined) => Revision[];
}

export interface GoalLink {
  planSlug: string;
  planTitle: string;
  goal: Goal;
  value?: IndicatorValue;
}

export interface SiteInput {
  today: string;
  site: Site;
  siteUrlOverride?: string;
  units: Unit[];
  villages: Village[];
  plans: PlanInput[];
  disclosures: Array<DisclosureInput & { village: string }>;
  history?: HistoryState;
  /** 普法 articles (optional: a town may publish none). */
  legal?: LegalInput[];
  datasets?: Array<{ id: string; data: Dataset; file?: string }>;
  topology?: unknown;
  mapMeta?: { reviewNumber?: string; source?: string };
}

function facet(key: FacetKey, plans: PlanView[], pick: (p: PlanView) => { slug: string; label: string }, order: string[]): FacetValue[] {
  const values = new Map<string, FacetValue>();
  for (const p of plans) {
    const { slug, label } = pick(p);
    const v = values.get(slug) ?? { key, slug, label, plans: [] };
    v.plans.push(p);
    values.set(slug, v);
  }
  return [...values.values()].sort((a, b) => {
    const ia = order.indexOf(a.label);
    const ib = order.indexOf(b.label);
    return ia !== ib ? ia - ib : a.label.localeCompare(b.label, 'zh-CN');
  });
}

export function buildSiteModel(input: SiteInput): SiteModel {
  const plans = buildPlanViews(input.plans, input.units, input.today);
  const datasets = (input.datasets ?? []).map((d) => buildDatasetView(d.data, input.villages, d.file)).sort((a, b) => a.title.localeCompare(b.title, 'zh-CN'));
  const goalValues = new Map<string, IndicatorValue>();
  const goalsByDataset = new Map<string, GoalLink[]>();
  for (const p of plans) {
    for (const g of p.goals) {
      const ds = g.indicator && datasets.find((d) => d.id === g.indicator!.dataset);
      if (!ds) continue;
      const value = indicatorValue(g, ds.data);
      if (value) goalValues.set(`${p.slug}/${g.id}`, value);
      goalsByDataset.set(ds.id, [...(goalsByDataset.get(ds.id) ?? []), { planSlug: p.slug, planTitle: p.title, goal: g, value }]);
    }
  }
  const years = [...new Set(plans.map((p) => p.year))].sort().reverse();
  const siteUrl = (input.siteUrlOverride || input.site.siteUrl)?.replace(/\/+$/, '');
  return {
    today: input.today,
    site: input.site,
    siteUrl,
    units: input.units,
    villages: input.villages,
    population: input.villages.reduce((n, v) => n + v.population, 0),
    plans,
    unitViews: buildUnitViews(plans, input.units),
    overdueTasks: plans
      .flatMap((p) => p.tasks)
      .filter((t) => t.overdue)
      .sort((a, b) => b.daysOverdue - a.daysOverdue || a.planSlug.localeCompare(b.planSlug)),
    townRollup: summarize(plans.filter((p) => p.inForce).flatMap((p) => p.tasks)),
    history: input.history?.available ? { available: true } : { available: false, reason: input.history?.reason ?? 'no-git' },
    revisionsOf: (file) => (file && input.history?.available ? laterRevisions(input.history.revisions.get(file)) : []),
    datasets,
    latestAlerts: datasets.flatMap((d) => d.latestAlerts.map((a) => ({ ...a, datasetId: d.id, datasetTitle: d.title }))),
    goalValues,
    goalsByDataset,
    map: input.topology ? projectVillages(input.topology) : undefined,
    mapMeta: input.mapMeta ?? {},
    disclosures: buildDisclosureModel(input.villages, input.disclosures, input.today, { ...input.site.disclosure, liveSince: input.site.liveSince }),
    legal: buildLegalModel(
      input.legal ?? [],
      plans.map((p) => ({ slug: p.slug, title: p.title })),
      input.today,
    ),
    planFacets: {
      validity: facet('validity', plans, (p) => ({ slug: VALIDITY_SLUGS[p.validity], label: p.validity }), [...VALIDITIES]),
      category: facet('category', plans, (p) => ({ slug: p.categorySlug, label: p.category }), []),
      year: facet(
        'year',
        plans,
        (p) => ({ slug: p.year, label: `${p.year}年` }),
        years.map((y) => `${y}年`),
      ),
    },
  };
}
