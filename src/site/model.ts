/**
 * The one place pages get data from: collections → src/lib model, built once per build.
 */
import { getCollection, getEntry, render, type CollectionEntry } from 'astro:content';
import fs from 'node:fs';
import path from 'node:path';
import { resolveToday } from '../lib/dates';
import { readHistory } from '../lib/content/git';
import { splitFrontmatter } from '../lib/content/source';
import { needsAstroMarkdown, renderMarkdown } from '../lib/markdown/render';
import { resolveContentRoot } from '../lib/content/root';
import { buildSiteModel, type SiteModel } from '../lib/model/site';

let model: Promise<SiteModel> | undefined;

/** The village shapes and map metadata, read once; both optional here (the check requires shapes). */
function readGeo(root: string): { topology?: unknown; mapMeta?: { reviewNumber?: string; source?: string } } {
  const read = (f: string) => (fs.existsSync(path.join(root, 'geo', f)) ? (JSON.parse(fs.readFileSync(path.join(root, 'geo', f), 'utf8')) as unknown) : undefined);
  return { topology: read('villages.topo.json'), mapMeta: read('meta.json') as { reviewNumber?: string; source?: string } | undefined };
}

/** Astro gives entry file paths relative to the project root. */
function abs(filePath: string | undefined): string | undefined {
  return filePath ? path.resolve(filePath) : undefined;
}

/**
 * A document's body, read from its file: the collections keep no Markdown (`retainBody: false`
 * in content.config.ts) and no HTML for plain Markdown, because Astro bundles everything its
 * content store holds into the build. The content check has already read and validated the
 * frontmatter, so only the fence is looked for here.
 */
function bodyOf(filePath: string | undefined): string {
  const file = abs(filePath);
  if (!file) return '';
  const body = splitFrontmatter(fs.readFileSync(file, 'utf8'))?.body;
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
    getCollection('units'),
    getCollection('villages'),
    getCollection('plans'),
    getCollection('disclosures'),
    getCollection('notices'),
  ]);
  const datasets = await getCollection('datasets');
  const legal = await getCollection('legal');
  if (!site) throw new Error('site.json 未加载 (site.json was not loaded)');
  return buildSiteModel({
    today: resolveToday(process.env.SITE_TODAY),
    site: site.data,
    siteUrlOverride: process.env.SITE_URL,
    units: units.map((u) => u.data),
    villages: villages.map((v) => v.data),
    plans: plans.map((p) => ({ slug: p.id, data: p.data, file: abs(p.filePath) })),
    history: readHistory(resolveContentRoot()),
    legal: legal.map((a) => ({ slug: a.id, data: a.data, body: bodyOf(a.filePath), ext: a.filePath?.endsWith('.md') ? ('md' as const) : ('mdx' as const), file: abs(a.filePath) })),
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
/** A document body as its page shows it: HTML rendered here, or Astro's component for it. */
export type DocumentBody = { html: string } | { Content: Rendered['Content'] };

/**
 * Plain Markdown is rendered here, per page, with markdown-it (src/loaders/fast-markdown.ts
 * leaves it out of the content store: 5,000 articles' HTML made the bundled store 49 MB and
 * cost ~5 s of the build). MDX, and Markdown that needs Astro's pipeline, come from Astro.
 */
async function documentBody(entry: CollectionEntry<'legal' | 'plans' | 'notices'> | undefined, what: string): Promise<DocumentBody> {
  if (!entry) throw new Error(`${what} not found`);
  if (entry.filePath?.endsWith('.md')) {
    const body = bodyOf(entry.filePath);
    if (!needsAstroMarkdown(body)) return { html: renderMarkdown(body).html };
    // Astro's loader logs a rendering error and stores the entry without HTML; never publish it empty.
    if (!entry.rendered) throw new Error(`${entry.filePath}: 正文渲染失败，见上方错误 (rendering the body failed; see the error above)`);
  }
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
