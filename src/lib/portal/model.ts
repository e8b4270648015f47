/**
 * What the portal's pages show, computed once from the loaded towns: each town's links and
 * data catalogue, the comparisons, and the search setup (one Pagefind bundle per town, merged
 * in the browser with a 镇（街道） filter).
 */
import type { Portal } from '../schemas/portal';
import type { TradMap } from '../search/query';
import { PAGEFIND_DIR } from '../search/files';
import { compareTowns, type Comparison } from './compare';
import type { TownPublished } from './load';

export interface PortalDatasetLink {
  id: string;
  title: string;
  description?: string;
  /** The dataset's page on the town's site, and its downloads. */
  page: string;
  csv: string;
  json: string;
}

export interface PortalTownView {
  id: string;
  name: string;
  /** The town's own site. */
  url: string;
  /** Its Pagefind bundles (merged into the portal's search): pagefind/, then any further parts. */
  bundles: string[];
  population?: number;
  packageTitle: string;
  dataPackage: string;
  datasets: PortalDatasetLink[];
}

export interface PortalModel {
  portal: Portal;
  towns: PortalTownView[];
  comparisons: Comparison[];
  /** The towns' traditional→simplified maps, joined (search/trad.json of the portal). */
  trad: TradMap;
  today: string;
}

export function buildPortalModel(portal: Portal, published: readonly TownPublished[], today: string): PortalModel {
  const towns = published.map(({ town, package: pkg, parts }): PortalTownView => {
    const data = `${town.url}data/`;
    return {
      id: town.id,
      name: town.name,
      url: town.url,
      bundles: [PAGEFIND_DIR, ...parts].map((dir) => `${town.url}${dir}`),
      population: pkg.region?.population,
      packageTitle: pkg.title,
      dataPackage: `${data}datapackage.json`,
      datasets: pkg.resources.map((r) => ({
        id: r.name,
        title: r.title,
        description: r.description,
        page: `${data}${r.name}/`,
        csv: `${data}${r.path}`,
        json: `${data}${r.name}.json`,
      })),
    };
  });
  const comparisons = portal.compare.map((spec) =>
    compareTowns(
      spec,
      published.map((p) => ({ name: p.town.name, url: p.town.url, population: p.package.region?.population, dataset: p.datasets.get(spec.dataset) })),
    ),
  );
  const trad: Record<string, string> = {};
  for (const p of published) for (const [t, s] of Object.entries(p.trad)) trad[t] ??= s;
  return { portal, towns, comparisons, trad, today };
}
