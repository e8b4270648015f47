/**
 * The one place pages get data from: collections → src/lib model, built once per build.
 */
import { getCollection, getEntry, render, type CollectionEntry } from 'astro:content';
import fs from 'node:fs';
import path from 'node:path';
import { resolveToday } from '../lib/core/dates';
import { readHistory } from '../lib/content/git';
import { splitFrontmatter } from '../lib/content/source';
import { normaliseText } from '../lib/content/read';
import { resolveContentRoot } from '../lib/content/root';
import { buildSiteModel, type SiteModel } from '../lib/model/site';
import { buildEnvironment } from '../lib/env/environment';

let model: Promise<SiteModel> | undefined;

/** The village shapes and map metadata, read once; both optional here (the check requires shapes). */
function readGeo(root: string): { topology?: unknown; mapMeta?: { reviewNumber?: string; source?: string } } {
  const read = (f: string) =>
    fs.existsSync(path.join(root, 'geo', f)) ? (JSON.parse(normaliseText(fs.readFileSync(path.join(root, 'geo', f), 'utf8'))) as unknown) : undefined;
  return { topology: read('villages.topo.json'), mapMeta: read('meta.json') as { reviewNumber?: string; source?: string } | undefined };
}

/** Astro gives entry file paths relative to the project root. */
function abs(filePath: string | undefined): string | undefined {
  return filePath ? path.resolve(filePath) : undefined;
}

/**
 * A document's Markdown, read from its file: the collections keep none (`retainBody: false` in
 * content.config.ts), because Astro bundles everything its content store holds into the build.
 * The content check has already read and validated the frontmatter, so only the fence is looked
 * for here.
 */
function bodyOf(filePath: string | undefined): string {
  const file = abs(filePath);
  if (!file) return '';
  const body = splitFrontmatter(normaliseText(fs.readFileSync(file, 'utf8')))?.body;
  if (body === undefined) throw new Error(`${file}: 缺少元数据 (no frontmatter; run npm run check)`);
  return body;
}

/** Collection ids of disclosures are `<villageCode>/<file name without extension>`. */
function splitId(id: string): [string, string] {
  const i = id.indexOf('/');
  return [id.slice(0, i), id.slice(i + 1)];
}

async function load(): Promise<SiteModel> {
  const [site, units, villages, plans, disclosures, notices] = await Promise.all([
    getEntry('site', 'site'),
    getEntry('units', 'units'),
    getEntry('villages', 'villages'),
    getCollection('plans'),
    getCollection('disclosures'),
    getCollection('notices'),
  ]);
  const datasets = await getCollection('datasets');
  const legal = await getCollection('legal');
  if (!site || !units || !villages) throw new Error('site.json、units.json 或 villages.json 未加载 (a registry was not loaded)');
  const env = buildEnvironment();
  return buildSiteModel({
    today: resolveToday(env.siteToday),
    site: site.data,
    siteUrlOverride: env.siteUrl,
    units: units.data.list,
    villages: villages.data.list,
    plans: plans.map((p) => ({ slug: p.id, data: p.data, file: abs(p.filePath) })),
    history: readHistory(resolveContentRoot()),
    legal: legal.map((a) => ({
      slug: a.id,
      data: a.data,
      body: bodyOf(a.filePath),
      ext: a.filePath?.endsWith('.md') ? ('md' as const) : ('mdx' as const),
      file: abs(a.filePath),
    })),
    datasets: datasets.map((d) => ({ id: d.id, data: d.data, file: abs(d.filePath) })),
    ...readGeo(resolveContentRoot()),
    disclosures: [
      ...disclosures.map((d) => {
        const [village, id] = splitId(d.id);
        const kind = /-(finance|affairs|party)$/.exec(id)![1] as 'finance' | 'affairs' | 'party';
        return { village, id, kind, data: d.data, file: abs(d.filePath) };
      }),
      ...notices.map((n) => {
        const [village, id] = splitId(n.id);
        return { village, id, kind: 'notice' as const, data: n.data, file: abs(n.filePath) };
      }),
    ],
  });
}

export function getSiteModel(): Promise<SiteModel> {
  model ??= load();
  return model;
}

type Rendered = Awaited<ReturnType<typeof render>>;
/** A document body as its page shows it: Astro's component for the rendered Markdown or MDX. */
export type DocumentBody = { Content: Rendered['Content'] };

async function documentBody(entry: CollectionEntry<'legal' | 'plans' | 'notices'> | undefined, what: string): Promise<DocumentBody> {
  if (!entry) throw new Error(`${what} not found`);
  // Astro's loader logs a rendering error and stores the entry without HTML; never publish it empty.
  if (!entry.rendered && entry.filePath?.endsWith('.md'))
    throw new Error(`${entry.filePath}: 正文渲染失败，见上方错误 (rendering the body failed; see the error above)`);
  return { Content: (await render(entry)).Content };
}

export async function getNoticeBody(village: string, id: string): Promise<DocumentBody> {
  return documentBody(await getEntry('notices', `${village}/${id}`), `notice ${village}/${id}`);
}

export async function getLegalBody(slug: string): Promise<DocumentBody> {
  return documentBody(await getEntry('legal', slug), `legal article ${slug}`);
}

export async function getPlanBody(slug: string): Promise<DocumentBody> {
  return documentBody(await getEntry('plans', slug), `plan ${slug}`);
}
