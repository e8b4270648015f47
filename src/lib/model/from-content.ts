/**
 * The validated content set (src/lib/content) as the site model's input: the one road from
 * files to pages. Everything a page shows about a file — its village, kind and period, its
 * body — comes from what the loader found while validating it; nothing downstream parses a
 * file name or reads a content file again.
 */
import type { ContentSet } from '../content/set';
import { legalBodyFacts } from './legal';
import type { SiteInput } from './site';

/** What the content gives the model; the build adds today, the site URL and the git history. */
export type ContentInput = Omit<SiteInput, 'today' | 'siteUrlOverride' | 'history'>;

/** A Markdown/MDX body that a page renders (plans, notices, 普法 articles). */
export interface ContentDocument {
  /** `plans/<slug>`, `legal/<slug>` or `notices/<villageCode>/<period>-notice-<slug>` (documentId). */
  id: string;
  abs: string;
  ext: 'md' | 'mdx';
  body: string;
}

export type DocumentKind = 'plans' | 'legal' | 'notices';

export function documentId(kind: DocumentKind, key: string): string {
  return `${kind}/${key}`;
}

const extOf = (abs: string): 'md' | 'mdx' => (abs.endsWith('.md') ? 'md' : 'mdx');

/** Only a content set that passed every check has the registries; callers validate first. */
export function contentInput(content: ContentSet): ContentInput {
  if (!content.site || !content.units) throw new Error('site.json 或 units.json 未通过检查 (run npm run check first)');
  return {
    site: content.site,
    units: content.units,
    villages: content.villages,
    // Plans and notices keep their text: their JSON downloads carry it (src/lib/model/records.ts); they are few.
    plans: content.plans.map((p) => ({ slug: p.slug, data: p.data, file: p.abs, body: p.source.body })),
    legal: content.legal.map((a) => ({ slug: a.slug, data: a.data, body: legalBodyFacts(a.source.body, a.ext), file: a.abs })),
    datasets: content.datasets.map((d) => ({ id: d.id, data: d.data, file: d.abs })),
    topology: content.topology,
    mapMeta: content.mapMeta,
    disclosures: content.disclosures.map((d) => ({
      village: d.folder,
      id: d.id,
      kind: d.kind,
      data: d.data,
      file: d.abs,
      ...(d.kind === 'notice' ? { body: d.source.body } : {}),
    })),
  };
}

export function documentsOf(content: ContentSet): ContentDocument[] {
  return [
    ...content.plans.map((p) => ({ id: documentId('plans', p.slug), abs: p.abs, ext: extOf(p.abs), body: p.source.body })),
    ...content.legal.map((a) => ({ id: documentId('legal', a.slug), abs: a.abs, ext: a.ext, body: a.source.body })),
    ...content.disclosures.flatMap((d) =>
      d.kind === 'notice' ? [{ id: documentId('notices', `${d.folder}/${d.id}`), abs: d.abs, ext: extOf(d.abs), body: d.source.body }] : [],
    ),
  ];
}
