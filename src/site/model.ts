/**
 * The one place pages get data from: collections → src/lib model, built once per build.
 */
import { getCollection, getEntry } from 'astro:content';
import fs from 'node:fs';
import path from 'node:path';
import { resolveToday } from '../lib/dates';
import { readHistory } from '../lib/content/git';
import { isProblem, parseFrontmatterSource } from '../lib/content/source';
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
 * A document's body, read from its file: the collections keep only the rendered HTML
 * (`retainBody: false` in content.config.ts), because Astro bundles everything its content store
 * holds into the build, and 5,000 bodies made that bundle twice as big.
 */
function bodyOf(filePath: string | undefined): string {
  const file = abs(filePath);
  if (!file) return '';
  const source = parseFrontmatterSource(fs.readFileSync(file, 'utf8'), file);
  if (isProblem(source)) throw new Error(`${source.file}:${source.line} ${source.what.zh} (${source.what.en})`);
  return source.body;
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

export async function getNoticeEntry(village: string, id: string) {
  const entry = await getEntry('notices', `${village}/${id}`);
  if (!entry) throw new Error(`notice ${village}/${id} not found`);
  return entry;
}

export async function getLegalEntry(slug: string) {
  const entry = await getEntry('legal', slug);
  if (!entry) throw new Error(`legal article ${slug} not found`);
  return entry;
}

export async function getPlanEntry(slug: string) {
  const entry = await getEntry('plans', slug);
  if (!entry) throw new Error(`plan ${slug} not found`);
  return entry;
}
