/**
 * Reads a portal content root: `portal.json`, then what each town published — its
 * datapackage.json, the datasets the portal compares, its search bundle's entry file, the list of
 * its further bundles (a large town's index is split) and its traditional-character map — from a
 * local copy of its built site (`dist`) or over HTTP from its `url`. The portal never needs a town's sources. Every failure is a located Problem.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'astro/zod';
import { bi, type Problem } from '../core/errors';
import { datasetSchema, type Dataset } from '../schemas/dataset';
import { portalSchema, type Portal, type PortalTown } from '../schemas/portal';
import { PAGEFIND_DIR, SEARCH_PARTS_FILE, SEARCH_TRAD_FILE } from '../search/files';
import { PART_DIR } from '../search/bundles';
import type { TradMap } from '../search/query';
import { parseWith, problemAt } from '../content/parse';
import { displayPath } from '../content/root';
import { isProblem, parseJsonSource, type SourceFile } from '../content/source';
import { readContentText, scanContentTree } from '../content/read';

export const PORTAL_FILE = 'portal.json';

/** A content root is a county portal when it holds portal.json (a town root holds site.json). */
export function isPortalRoot(root: string): boolean {
  return fs.existsSync(path.join(root, PORTAL_FILE));
}

/** The parts of a town's datapackage.json the portal reads (stats-export.ts writes it). */
const packageSchema = z.object({
  title: z.string(),
  region: z.object({ name: z.string(), population: z.number().int().min(0) }).optional(),
  resources: z.array(z.object({ name: z.string(), title: z.string(), description: z.string().optional(), path: z.string() })),
});
export type TownPackage = z.infer<typeof packageSchema>;

export interface TownPublished {
  town: PortalTown;
  package: TownPackage;
  /** The compared datasets this town publishes, by id. */
  datasets: Map<string, Dataset>;
  trad: TradMap;
  /** Its search bundles besides pagefind/, relative to its url (search/parts.json). */
  parts: string[];
}

export interface PortalLoad {
  portal?: Portal;
  towns: TownPublished[];
  problems: Problem[];
}

type Reader = (rel: string) => Promise<string | undefined>;

/** Reads a published file of a town: undefined when it does not exist; throws on other failures. */
function readerFor(town: PortalTown, root: string, fetcher: typeof fetch): Reader {
  if (town.dist) {
    const dir = path.resolve(root, town.dist);
    return async (rel) => {
      const file = path.join(dir, rel);
      return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
    };
  }
  return async (rel) => {
    const res = await fetcher(new URL(rel, town.url));
    if (res.status === 404) return undefined;
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    return res.text();
  };
}

export async function loadPortal(root: string, fetcher: typeof fetch = fetch): Promise<PortalLoad> {
  const problems: Problem[] = [];
  const abs = path.join(root, PORTAL_FILE);
  const tree = scanContentTree(root, (a) => displayPath(a));
  if (tree.problems.length > 0) return { towns: [], problems: tree.problems };
  const text = readContentText(tree, abs, displayPath(abs));
  if (text === undefined || isProblem(text)) return { towns: [], problems: text ? [text] : [] };
  const parsed = parseJsonSource(text, displayPath(abs));
  if (isProblem(parsed)) return { towns: [], problems: [parsed] };
  const { data: portal, problems: p } = parseWith(portalSchema, parsed);
  problems.push(...p);
  if (!portal) return { towns: [], problems };

  const towns: TownPublished[] = [];
  for (let i = 0; i < portal.towns.length; i++) {
    const loaded = await loadTown(parsed, portal, i, root, fetcher, problems);
    if (loaded) towns.push(loaded);
  }
  return { portal, towns, problems };
}

async function loadTown(
  source: SourceFile,
  portal: Portal,
  i: number,
  root: string,
  fetcher: typeof fetch,
  problems: Problem[],
): Promise<TownPublished | undefined> {
  const town = portal.towns[i]!;
  const field = town.dist ? ['towns', i, 'dist'] : ['towns', i, 'url'];
  const from = town.dist ? `${path.resolve(root, town.dist)}/` : town.url;
  const read = readerFor(town, root, fetcher);
  const fail = (rel: string, why: string) =>
    problemAt(source, field, {
      code: 'portal/town-unreadable',
      what: bi(`${town.name}：读取 ${from}${rel} 失败：${why}`, `${town.name}: could not read ${from}${rel}: ${why}`),
      fix: bi(
        '先单独构建该镇的网站（BASE_PATH 设为它的路径，npm run build），并确认 dist 或 url 指向构建结果',
        'build the town first on its own (BASE_PATH set to its path, npm run build) and point dist or url at the output',
      ),
    });
  const json = async <T>(rel: string, schema: z.ZodType<T, unknown>, required: boolean): Promise<T | undefined> => {
    let text: string | undefined;
    try {
      text = await read(rel);
    } catch (err) {
      problems.push(fail(rel, (err as Error).message));
      return undefined;
    }
    if (text === undefined) {
      if (required) problems.push(fail(rel, '文件不存在 (not found)'));
      return undefined;
    }
    try {
      const result = schema.safeParse(JSON.parse(text));
      if (result.success) return result.data;
      problems.push(fail(rel, `内容不符合格式 (unexpected content at ${result.error.issues[0]?.path.join('.') || 'top level'})`));
    } catch {
      problems.push(fail(rel, '不是有效的 JSON (not valid JSON)'));
    }
    return undefined;
  };

  const pkg = await json('data/datapackage.json', packageSchema, true);
  // Search needs the town's Pagefind bundle; a town built without it would break the portal's search.
  await json(`${PAGEFIND_DIR}pagefind-entry.json`, z.looseObject({ version: z.string() }), true);
  const trad = (await json(SEARCH_TRAD_FILE, z.record(z.string(), z.string()), false)) ?? {};
  // Absent in towns built before indexes were split: their index is the one bundle.
  const parts = (await json(SEARCH_PARTS_FILE, z.array(z.string().regex(PART_DIR)), false)) ?? [];
  if (!pkg) return undefined;
  const datasets = new Map<string, Dataset>();
  for (const id of new Set(portal.compare.map((c) => c.dataset))) {
    if (!pkg.resources.some((r) => r.name === id)) continue;
    const d = await json(`data/${id}.json`, datasetSchema, true);
    if (d) datasets.set(id, d);
  }
  return { town, package: pkg, datasets, trad, parts };
}
