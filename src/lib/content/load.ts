/**
 * Reads a whole content root from disk and validates every file against its schema, into one
 * ContentSet (./set.ts). It only loads and parses: the cross-file rules run over the set in
 * src/lib/checks/index.ts, called by src/lib/checks/validate.ts. Returns every problem found, never
 * just the first.
 */
import fs from 'node:fs';
import path from 'node:path';
import { bi, type Problem } from '../core/errors';
import { mapMetaSchema, planSchema, siteSchema, unitsSchema, villagesSchema, type MapMeta } from '../schemas';
import { loadDatasets } from './datasets';
import { loadDisclosures } from './disclosures';
import { loadLegal } from './legal';
import type { ContentSet, LoadResult, PlanSource } from './set';
import { parseWith } from './parse';
import { planFileNameProblem } from './file-names';
import { displayPath } from './root';
import { isRefused, readContentText, scanContentTree, type ContentTree } from './read';
import { isProblem, parseFrontmatterSource, parseJsonSource, type SourceFile } from './source';

function missingFile(display: string, zh: string, en: string): Problem {
  return {
    file: display,
    code: 'file/missing',
    what: bi(`缺少文件：${zh}`, `missing file: ${en}`),
    fix: bi('按内容规范创建该文件（见 docs/内容规范.md）', 'create it as the content contract says (docs/内容规范.md)'),
  };
}

function readJson(abs: string, tree: ContentTree, problems: Problem[]): SourceFile | undefined {
  const text = readContentText(tree, abs, displayPath(abs));
  if (text === undefined) return undefined;
  const parsed = isProblem(text) ? text : parseJsonSource(text, displayPath(abs));
  if (isProblem(parsed)) {
    problems.push(parsed);
    return undefined;
  }
  return parsed;
}

function listFiles(dir: string, pattern: RegExp): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => pattern.test(f))
    .sort();
}

function loadRegistry<T>(root: string, tree: ContentTree, name: string, schema: Parameters<typeof parseWith<T>>[0], problems: Problem[]) {
  const abs = path.join(root, name);
  if (isRefused(tree, abs)) return {};
  if (!fs.existsSync(abs)) {
    problems.push(missingFile(displayPath(abs), name, name));
    return {};
  }
  const source = readJson(abs, tree, problems);
  if (!source) return {};
  const { data, problems: p } = parseWith(schema, source);
  problems.push(...p);
  return { data, source };
}

interface Geo {
  /** Village codes that have a shape; undefined when the file is absent. */
  codes?: Set<string>;
  topology?: unknown;
}

function loadGeo(root: string, tree: ContentTree, problems: Problem[]): Geo {
  const abs = path.join(root, 'geo', 'villages.topo.json');
  if (isRefused(tree, abs)) return { codes: new Set() };
  if (!fs.existsSync(abs)) return {};
  const source = readJson(abs, tree, problems);
  if (!source) return { codes: new Set() };
  const topo = source.data as { type?: string; objects?: Record<string, { geometries?: { properties?: { code?: unknown } }[] }> };
  const geometries = topo?.type === 'Topology' ? topo.objects?.villages?.geometries : undefined;
  if (!Array.isArray(geometries)) {
    problems.push({
      file: source.display,
      code: 'geo/shape',
      what: bi('不是含有 villages 对象的 TopoJSON', 'not a TopoJSON Topology with a "villages" object'),
      fix: bi('导出 TopoJSON 时把对象命名为 villages，每个要素的 properties.code 填区划代码', 'export TopoJSON with an object named "villages" whose features carry properties.code'),
    });
    return { codes: new Set() };
  }
  return { codes: new Set(geometries.map((g) => String(g.properties?.code ?? ''))), topology: source.data };
}

/** geo/meta.json, optional: the map's 审图号 and source. */
function loadMapMeta(root: string, tree: ContentTree, problems: Problem[]): MapMeta | undefined {
  const abs = path.join(root, 'geo', 'meta.json');
  if (isRefused(tree, abs) || !fs.existsSync(abs)) return undefined;
  const source = readJson(abs, tree, problems);
  if (!source) return undefined;
  const { data, problems: p } = parseWith(mapMetaSchema, source);
  problems.push(...p);
  return data;
}

function loadPlans(root: string, tree: ContentTree, problems: Problem[], unread: Set<string>): PlanSource[] {
  const dir = path.join(root, 'plans');
  const plans: PlanSource[] = [];
  const seen = new Map<string, string>();
  for (const f of listFiles(dir, /\.mdx?$/)) {
    const abs = path.join(dir, f);
    if (isRefused(tree, abs)) continue;
    const display = displayPath(abs);
    const slug = f.replace(/\.mdx?$/, '');
    const badName = planFileNameProblem(f, display);
    if (badName) {
      problems.push(badName);
      continue;
    }
    if (seen.has(slug)) {
      problems.push({
        file: display,
        code: 'plan/duplicate-slug',
        what: bi(`与 ${seen.get(slug)} 的网址相同`, `same URL as ${seen.get(slug)}`),
        fix: bi('删除其中一个文件，或改名', 'delete or rename one of the two files'),
      });
      continue;
    }
    seen.set(slug, display);
    const text = readContentText(tree, abs, display);
    const source = text === undefined || isProblem(text) ? text : parseFrontmatterSource(text, display);
    if (source === undefined || isProblem(source)) {
      if (source) problems.push(source);
      unread.add(slug);
      continue;
    }
    const { data, problems: p } = parseWith(planSchema, source);
    problems.push(...p);
    if (data) plans.push({ slug, abs, source, data });
    else unread.add(slug);
  }
  return plans;
}

export function loadContent(root: string): LoadResult {
  const problems: Problem[] = [];
  if (!fs.existsSync(root) || !fs.statSync(root).isDirectory()) {
    problems.push({
      file: displayPath(root),
      code: 'root/missing',
      what: bi('内容目录不存在', 'the content directory does not exist'),
      fix: bi('检查 CONTENT_DIR 环境变量，或在项目根目录下运行', 'check the CONTENT_DIR variable, or run from the project root'),
    });
    return { content: { root, villages: [], villagesUnread: true, plans: [], disclosures: [], datasets: [], legal: [], geoDisplay: '' }, problems };
  }
  // Links, over-long names and oversized files are refused before any file is parsed.
  const tree = scanContentTree(root, (abs) => displayPath(abs));
  problems.push(...tree.problems);
  const site = loadRegistry(root, tree, 'site.json', siteSchema, problems);
  const units = loadRegistry(root, tree, 'units.json', unitsSchema, problems);
  const villages = loadRegistry(root, tree, 'villages.json', villagesSchema, problems);
  const geo = loadGeo(root, tree, problems);
  const unreadPlans = new Set<string>();
  const content: ContentSet = {
    root,
    site: site.data,
    siteSource: site.source,
    units: units.data,
    unitsSource: units.source,
    villages: villages.data ?? [],
    villagesSource: villages.source,
    ...(villages.data ? {} : { villagesUnread: true as const }),
    geoCodes: geo.codes,
    geoDisplay: displayPath(path.join(root, 'geo', 'villages.topo.json')),
    topology: geo.topology,
    mapMeta: loadMapMeta(root, tree, problems),
    plans: loadPlans(root, tree, problems, unreadPlans),
    unreadPlans,
    disclosures: loadDisclosures(root, tree, problems),
    datasets: loadDatasets(root, tree, problems),
    legal: loadLegal(root, tree, problems),
  };
  return { content, problems };
}
