/**
 * What FacetNav.astro draws for each list that has filters: the 方案 list and the 普法 list.
 * The component is one; only these facts differ between the lists — the nav's name, the
 * unfiltered list, each group's label, which groups show and where each value links.
 */
import { FACET_LABELS, type FacetKey, type SiteModel } from '../lib/model/site';
import { LEGAL_FACET_LABELS, type LegalFacetKey, type LegalModel } from '../lib/model/legal';
import { routes } from '../site/paths';

export interface FacetLink {
  label: string;
  /** How many documents the value filters to (shown as （n）). */
  count: number;
  url: string;
  current: boolean;
}

export interface FacetNavProps {
  /** The nav's accessible name. */
  label: string;
  /** The unfiltered list (全部). */
  all: string;
  /** True on a filtered page: 全部 is then not the current page. */
  filtered: boolean;
  groups: Array<{ label: string; values: FacetLink[] }>;
}

interface Current<K> {
  key: K;
  slug: string;
}

/** The 方案 filters: every facet, empty or not (validity, category, year). */
export function planFacetNav(facets: SiteModel['planFacets'], current?: Current<FacetKey>): FacetNavProps {
  const keys = Object.keys(FACET_LABELS) as FacetKey[];
  return {
    label: '筛选方案',
    all: routes.plans(),
    filtered: current !== undefined,
    groups: keys.map((key) => ({
      label: FACET_LABELS[key],
      values: facets[key].map((v) => ({
        label: v.label,
        count: v.plans.length,
        url: routes.planFacet(key, v.slug),
        current: current?.key === key && current.slug === v.slug,
      })),
    })),
  };
}

/** The 普法 filters: by reader and by topic, a facet no article uses left out. */
export function legalFacetNav(facets: LegalModel['facets'], current?: Current<LegalFacetKey>): FacetNavProps {
  const keys = Object.keys(LEGAL_FACET_LABELS) as LegalFacetKey[];
  return {
    label: '筛选普法文章',
    all: routes.legal(),
    filtered: current !== undefined,
    groups: keys
      .filter((key) => facets[key].length > 0)
      .map((key) => ({
        label: `按${LEGAL_FACET_LABELS[key]}`,
        values: facets[key].map((v) => ({
          label: v.label,
          count: v.articles.length,
          url: routes.legalFacet(key, v.slug),
          current: current?.key === key && current.slug === v.slug,
        })),
      })),
  };
}
