/**
 * Astro content collections over CONTENT_DIR. The schemas are the plain Zod modules in
 * src/lib/schemas, shared with `npm run check`; cross-file checks ran before this point
 * (src/integrations/content-check.ts), so here loading only needs to parse. Documents keep
 * neither their Markdown (`retainBody: false`) nor, when it is plain Markdown, their HTML
 * (src/loaders/fast-markdown.ts): src/site/model.ts reads bodies from the files and pages render
 * them, because Astro bundles everything the content store holds into the build.
 */
import fs from 'node:fs';
import path from 'node:path';
import { defineCollection } from 'astro:content';
import { glob, type Loader } from 'astro/loaders';
import { resolveContentRoot } from './lib/content/root';
import { withFastMarkdown } from './loaders/fast-markdown';
import { z } from 'zod';
import { datasetSchema, financeDisclosureSchema, listDisclosureSchema, noticeDisclosureSchema, planSchema, siteSchema, unitSchema, villageSchema } from './lib/schemas';
import { legalSchema } from './lib/schemas/legal';

const root = resolveContentRoot();

/** Entry id = path without extension, exactly as named (the default slugifies `2026-Q3` to `2026-q3`). */
const keepName = ({ entry }: { entry: string }) => entry.replace(/\.(json|mdx?)$/, '');

/** Loads a registry JSON file as entries: an object becomes one entry, an array one entry per item. */
function registry(file: string, idOf: (item: Record<string, unknown>) => string): Loader {
  return {
    name: `registry:${file}`,
    load: async ({ store, parseData, watcher }) => {
      const abs = path.join(root, file);
      const read = async () => {
        store.clear();
        const raw = JSON.parse(fs.readFileSync(abs, 'utf8')) as unknown;
        const items = (Array.isArray(raw) ? raw : [raw]) as Record<string, unknown>[];
        for (const item of items) {
          const id = idOf(item);
          store.set({ id, data: await parseData({ id, data: item }) });
        }
      };
      await read();
      watcher?.add(abs);
      watcher?.on('change', (changed) => {
        if (path.resolve(changed) === abs) void read();
      });
    },
  };
}

export const collections = {
  site: defineCollection({ loader: registry('site.json', () => 'site'), schema: siteSchema }),
  units: defineCollection({ loader: registry('units.json', (u) => String(u.id)), schema: unitSchema }),
  villages: defineCollection({ loader: registry('villages.json', (v) => String(v.code)), schema: villageSchema }),
  // disclosures/<villageCode>/<period>-<kind>.json; id `<villageCode>/<period>-<kind>`.
  disclosures: defineCollection({
    loader: glob({ base: path.join(root, 'disclosures'), pattern: '*/*.json', generateId: keepName }),
    schema: z.union([financeDisclosureSchema, listDisclosureSchema]),
  }),
  notices: defineCollection({
    loader: withFastMarkdown(glob({ base: path.join(root, 'disclosures'), pattern: '*/*-notice-*.{md,mdx}', generateId: keepName, retainBody: false })),
    schema: noticeDisclosureSchema,
  }),
  // data/<id>.json: aggregated, anonymised statistics.
  datasets: defineCollection({
    loader: glob({ base: path.join(root, 'data'), pattern: '*.json', generateId: keepName }),
    schema: datasetSchema,
  }),
  plans: defineCollection({
    loader: withFastMarkdown(glob({ base: path.join(root, 'plans'), pattern: '*.{md,mdx}', generateId: keepName, retainBody: false })),
    schema: planSchema,
  }),
  // legal/<slug>.mdx: 普法 articles (the folder may be absent: a town may publish none yet).
  legal: defineCollection({
    loader: withFastMarkdown(glob({ base: path.join(root, 'legal'), pattern: '*.{md,mdx}', generateId: keepName, retainBody: false })),
    schema: legalSchema,
  }),
};
