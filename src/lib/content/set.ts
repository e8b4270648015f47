/**
 * The loaded content of one root: every file parsed and validated against its schema, with its
 * source kept for locating problems. src/lib/content/load.ts fills it; the checks
 * (src/lib/checks/) read it; nothing here imports either, so they never import each other.
 */
import type { Problem } from '../core/errors';
import type { MapMeta, PlanFrontmatter, Site, Unit, Village } from '../schemas';
import type { DatasetSource } from './datasets';
import type { DisclosureSource } from './disclosures';
import type { LegalSource } from './legal';
import type { FrontmatterSource, SourceFile } from './source';

export interface PlanSource {
  slug: string;
  /** Absolute path of the file. */
  abs: string;
  source: FrontmatterSource;
  data: PlanFrontmatter;
}

export interface ContentSet {
  root: string;
  site?: Site;
  siteSource?: SourceFile;
  /** Registered units; undefined when units.json could not be read (reference checks then wait). */
  units?: Unit[];
  unitsSource?: SourceFile;
  /** Registered villages; empty when villages.json could not be read (see {@link registeredVillageCodes}). */
  villages: Village[];
  villagesSource?: SourceFile;
  /** villages.json is missing, refused or invalid (reported once): the checks that look villages up wait. */
  villagesUnread?: true;
  /** Village codes that have a shape in geo/villages.topo.json (undefined when the file is absent). */
  geoCodes?: Set<string>;
  geoDisplay: string;
  /** geo/villages.topo.json as read (the map's shapes); undefined when the file is absent or unusable. */
  topology?: unknown;
  /** geo/meta.json: 审图号 and source of the map; without a review number the map is a 示意图. */
  mapMeta?: MapMeta;
  plans: PlanSource[];
  /** Slugs of plan files that exist but could not be read (their problems are reported already). */
  unreadPlans?: Set<string>;
  disclosures: DisclosureSource[];
  datasets: DatasetSource[];
  /** 普法 articles, legal/<slug>.mdx */
  legal: LegalSource[];
}

export interface LoadResult {
  content: ContentSet;
  problems: Problem[];
}

/**
 * The registered village codes, or undefined when villages.json could not be read: one typo in
 * it must give one problem, not one per disclosure and dataset row that names a village.
 */
export function registeredVillageCodes(c: ContentSet): Set<string> | undefined {
  return c.villagesUnread ? undefined : new Set(c.villages.map((v) => v.code));
}
