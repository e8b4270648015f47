/**
 * The one place pages get data from: collections → src/lib model, built once per build.
 */
import { getCollection, getEntry } from 'astro:content';
import { resolveToday } from '../lib/dates';
import { buildSiteModel, type SiteModel } from '../lib/model/site';

let model: Promise<SiteModel> | undefined;

async function load(): Promise<SiteModel> {
  const [site, units, villages, plans] = await Promise.all([
    getEntry('site', 'site'),
    getCollection('units'),
    getCollection('villages'),
    getCollection('plans'),
  ]);
  if (!site) throw new Error('site.json 未加载 (site.json was not loaded)');
  return buildSiteModel({
    today: resolveToday(process.env.SITE_TODAY),
    site: site.data,
    siteUrlOverride: process.env.SITE_URL,
    units: units.map((u) => u.data),
    villages: villages.map((v) => v.data),
    plans: plans.map((p) => ({ slug: p.id, data: p.data })),
  });
}

export function getSiteModel(): Promise<SiteModel> {
  model ??= load();
  return model;
}

export async function getPlanEntry(slug: string) {
  const entry = await getEntry('plans', slug);
  if (!entry) throw new Error(`plan ${slug} not found`);
  return entry;
}
