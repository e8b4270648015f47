/**
 * Which search facets each kind of page carries, in one place: the pages pass these to
 * BaseLayout, and the search page's 年份 choices come from the same dates.
 */
import type { ArticleView } from '../model/legal';
import type { DatasetView } from '../model/datasets';
import type { DisclosureView, VillageDisclosures } from '../model/disclosures';
import type { PlanView } from '../model/plans';
import type { SiteModel } from '../model/site';
import { SECTIONS } from '../site/sections';
import { yearsOf, type SearchFacetsInput } from './facets';

export const searchFacetsOf = {
  plan: (p: PlanView): SearchFacetsInput => ({ type: SECTIONS.plans.search, date: p.publishedOn }),
  /** A unit's task page has no date of its own. */
  unit: (): SearchFacetsInput => ({ type: SECTIONS.units.search }),
  disclosure: (d: DisclosureView): SearchFacetsInput => ({ type: SECTIONS.disclosures.search, date: d.publishedOn, village: d.village.name }),
  /** A village's page is dated by its latest disclosure. */
  village: (v: VillageDisclosures): SearchFacetsInput => ({ type: SECTIONS.disclosures.search, village: v.village.name, date: v.latest?.publishedOn }),
  article: (a: ArticleView): SearchFacetsInput => ({ type: SECTIONS.legal.search, date: a.updatedOn ?? a.publishedOn, audiences: a.bands.map((b) => b.band) }),
  dataset: (d: DatasetView): SearchFacetsInput => ({ type: SECTIONS.data.search, date: d.updatedOn }),
};

/** The 年份 filter's choices for the whole site. */
export function searchYears(model: SiteModel): string[] {
  return yearsOf([
    ...model.plans.map((p) => searchFacetsOf.plan(p).date),
    ...model.disclosures.all.map((d) => searchFacetsOf.disclosure(d).date),
    ...model.disclosures.villages.map((v) => searchFacetsOf.village(v).date),
    ...model.legal.articles.map((a) => searchFacetsOf.article(a).date),
    ...model.datasets.map((d) => searchFacetsOf.dataset(d).date),
  ]);
}
