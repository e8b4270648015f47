/**
 * Astro content collections over CONTENT_DIR. The schemas are the plain Zod modules in
 * src/lib/schemas, shared with `npm run check`; cross-file checks ran before this point
 * (src/integrations/content-check.ts), so here loading only needs to parse. Documents keep their
 * rendered HTML (Astro 7's Sätteri processor) but not their Markdown (`retainBody: false`):
 * src/site/model.ts reads bodies from the files where it needs the text.
 */
import fs from 'node:fs';
import path from 'node:path';
import { defineCollection } from 'astro:content';
import { glob, type Loader } from 'astro/loaders';
import { fileURLToPath } from 'node:url';
import { normaliseText } from './lib/content/read';
import { resolveContentRoot } from './lib/content/root';
import { z } from 'astro/zod';
import {
  datasetSchema,
  financeDisclosureSchema,
  listDisclosureSchema,
  noticeDisclosureSchema,
  planSchema,
  siteSchema,
  unitSchema,
  villageSchema,
} from './lib/schemas';
import { legalSchema } from './lib/schemas/legal';

const root = resolveContentRoot();

/** Entry id = path without extension, exactly as named (the default slugifies `2026-Q3` to `2026-q3`). */
const keepName = ({ entry }: { entry: string }) => entry.replace(/\.(json|mdx?)$/, '');

/**
 * Loads a registry JSON file as one entry, id = the file's name without `.json`. A list stays one
 * list in the order it is written (the order officials chose for units and villages): Astro
 * sorts a collection's entries by id.
 */
function registry(file: string): Loader {
  return {
    name: `registry:${file}`,
    load: async ({ store, parseData, watcher }) => {
      const abs = path.join(root, file);
      const read = async () => {
        store.clear();
        const id = path.basename(file, '.json');
        const raw = JSON.parse(normaliseText(fs.readFileSync(abs, 'utf8'))) as Record<string, unknown>;
        store.set({ id, data: await parseData({ id, data: Array.isArray(raw) ? { list: raw } : raw }) });
      };
      await read();
      watcher?.add(abs);
      watcher?.on('change', (changed) => {
        if (path.resolve(changed) === abs) void read();
      });
    },
  };
}

/**
 * The JSON files of a folder (`data/x.json`, or `disclosures/<village>/x.json` with `nested`), id = the path without
 * `.json`. Read as the content check reads them (src/lib/content/read.ts: a byte-order mark
 * dropped, CRLF as LF): Astro's glob loader hands a BOM to JSON.parse, which refuses it. Every
 * load starts from an empty store, so no entry survives from an earlier file or content root.
 */
function jsonFiles(dir: string, nested: boolean): Loader {
  return {
    name: `json:${dir}`,
    load: async ({ store, parseData, generateDigest, config, watcher }) => {
      const base = path.join(root, dir);
      const projectRoot = fileURLToPath(config.root);
      const list = (): string[] => {
        if (!fs.existsSync(base)) return [];
        const top = fs.readdirSync(base).sort();
        if (!nested) return top.filter((f) => f.endsWith('.json'));
        return top.flatMap((folder) =>
          fs.statSync(path.join(base, folder)).isDirectory()
            ? fs
                .readdirSync(path.join(base, folder))
                .filter((f) => f.endsWith('.json'))
                .sort()
                .map((f) => `${folder}/${f}`)
            : [],
        );
      };
      const read = async () => {
        store.clear();
        for (const rel of list()) {
          const abs = path.join(base, rel);
          const id = rel.replace(/\.json$/, '');
          const text = normaliseText(fs.readFileSync(abs, 'utf8'));
          const data = JSON.parse(text) as Record<string, unknown>;
          store.set({
            id,
            data: await parseData({ id, data, filePath: abs }),
            filePath: path.relative(projectRoot, abs).split(path.sep).join('/'),
            digest: generateDigest(text),
          });
        }
      };
      await read();
      watcher?.add(base);
      watcher?.on('all', (_event, changed) => {
        if (path.resolve(changed).startsWith(base + path.sep)) void read();
      });
    },
  };
}

export const collections = {
  site: defineCollection({ loader: registry('site.json'), schema: siteSchema }),
  units: defineCollection({ loader: registry('units.json'), schema: z.object({ list: z.array(unitSchema) }) }),
  villages: defineCollection({ loader: registry('villages.json'), schema: z.object({ list: z.array(villageSchema) }) }),
  // disclosures/<villageCode>/<period>-<kind>.json; id `<villageCode>/<period>-<kind>`.
  disclosures: defineCollection({
    loader: jsonFiles('disclosures', true),
    schema: z.union([financeDisclosureSchema, listDisclosureSchema]),
  }),
  notices: defineCollection({
    loader: glob({ base: path.join(root, 'disclosures'), pattern: '*/*-notice-*.{md,mdx}', generateId: keepName, retainBody: false }),
    schema: noticeDisclosureSchema,
  }),
  // data/<id>.json: aggregated, anonymised statistics.
  datasets: defineCollection({
    loader: jsonFiles('data', false),
    schema: datasetSchema,
  }),
  plans: defineCollection({
    loader: glob({ base: path.join(root, 'plans'), pattern: '*.{md,mdx}', generateId: keepName, retainBody: false }),
    schema: planSchema,
  }),
  // legal/<slug>.mdx: 普法 articles (the folder may be absent: a town may publish none yet).
  legal: defineCollection({
    loader: glob({ base: path.join(root, 'legal'), pattern: '*.{md,mdx}', generateId: keepName, retainBody: false }),
    schema: legalSchema,
  }),
};
