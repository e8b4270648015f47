/**
 * The one place pages get data from: the content loader's entry (the validated content set,
 * src/town/loader.ts) → the src/lib model, built once per build.
 */
import { getEntry, render } from 'astro:content';
import { resolveToday } from '../lib/core/dates';
import { readHistory } from '../lib/content/git';
import { resolveContentRoot } from '../lib/content/root';
import { buildSiteModel, type SiteModel } from '../lib/model/site';
import { documentId, type ContentInput, type DocumentKind } from '../lib/model/from-content';
import { buildEnvironment } from '../lib/env/environment';
import { MODEL_INPUT_ID } from './loader';

let model: Promise<SiteModel> | undefined;

async function load(): Promise<SiteModel> {
  const entry = await getEntry('town', MODEL_INPUT_ID);
  if (!entry) throw new Error('内容未加载 (the content loader stored no model input)');
  const env = buildEnvironment();
  return buildSiteModel({
    // Stored by the loader from contentInput() (src/lib/model/from-content.ts); the collection has no schema of its own.
    ...(entry.data as unknown as ContentInput),
    today: resolveToday(env.siteToday),
    siteUrlOverride: env.siteUrl,
    history: readHistory(resolveContentRoot()),
  });
}

export function getSiteModel(): Promise<SiteModel> {
  model ??= load();
  return model;
}

type Rendered = Awaited<ReturnType<typeof render>>;
/** A document body as its page shows it: Astro's component for the rendered Markdown or MDX. */
export type DocumentBody = { Content: Rendered['Content'] };

async function documentBody(kind: DocumentKind, key: string): Promise<DocumentBody> {
  const entry = await getEntry('town', documentId(kind, key));
  if (!entry) throw new Error(`${kind} ${key} not found`);
  return { Content: (await render(entry)).Content };
}

export function getNoticeBody(village: string, id: string): Promise<DocumentBody> {
  return documentBody('notices', `${village}/${id}`);
}

export function getLegalBody(slug: string): Promise<DocumentBody> {
  return documentBody('legal', slug);
}

export function getPlanBody(slug: string): Promise<DocumentBody> {
  return documentBody('plans', slug);
}
