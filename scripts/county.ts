/**
 * A whole county from generated towns: each town generated (scripts/bench/generate.ts),
 * built alone under its own sub-path, then the county portal built from their output only.
 *
 *   npm run county -- --out .scratch/county [--towns 3] [--docs 206]
 *
 * Writes <out>/content/<id>/ (town roots), <out>/content/portal/portal.json, and the built
 * sites in <out>/sites/<id>/ and <out>/sites/portal/; prints an nginx block serving them all
 * (the portal at /, towns at /zl/<id>/). The federated browser test and
 * `npm run bench -- --federation` call buildCounty() directly.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { generateCorpus, REPO_ROOT } from './bench/generate';

export interface CountyTown {
  id: string;
  name: string;
  seed: number;
}

/** Fictional towns for demonstrations and benchmarks (none of them occurs in the sample content). */
export const COUNTY_TOWNS: readonly CountyTown[] = [
  ['qingchuan', '青川镇'],
  ['shiqiao', '石桥镇'],
  ['yuntai', '云台镇'],
  ['songling', '松岭镇'],
  ['taoyuan', '桃源镇'],
  ['bailu', '白鹭镇'],
  ['jinsha', '金沙镇'],
  ['longquan', '龙泉镇'],
  ['fengming', '凤鸣镇'],
  ['qinghe', '清河镇'],
  ['meilin', '梅林镇'],
  ['zhuxi', '竹溪镇'],
  ['xingtan', '杏坛镇'],
  ['fenglin', '枫林镇'],
  ['yuehu', '月湖镇'],
  ['heshan', '鹤山镇'],
  ['lanting', '兰亭镇'],
  ['linghu', '菱湖镇'],
  ['yanta', '雁塔镇'],
  ['jiangkou', '江口镇'],
].map(([id, name], i) => ({ id: id!, name: name!, seed: i + 1 }));

/** One build's cost, as the runner measured it. */
export interface BuildCost {
  wallSeconds: number;
  /** Peak resident memory of the largest process, when the runner can tell (/usr/bin/time -v). */
  maxRssKb?: number;
}

/** Runs a command to completion; throws with its output when it fails. */
export type Runner = (cmd: string, args: string[], env: Record<string, string>) => BuildCost;

export const plainRunner: Runner = (cmd, args, env) => {
  const started = performance.now();
  const r = spawnSync(cmd, args, { cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return { wallSeconds: (performance.now() - started) / 1000 };
};

export interface CountyOptions {
  out: string;
  towns: readonly CountyTown[];
  /** Documents per town (at least the sample town's 204). */
  docs: number;
  today: string;
  runner?: Runner;
  /** Called after each town's build, e.g. to report progress. */
  onTown?: (town: CountyTown, cost: BuildCost, index: number) => void;
}

export interface CountyResult {
  /** Built sites to serve: the portal at '/', each town at /zl/<id>/. */
  sites: Array<{ dist: string; base: string }>;
  townCosts: BuildCost[];
  portalCost: BuildCost;
}

export const townBase = (t: CountyTown) => `/zl/${t.id}/`;
const ASTRO = path.join(REPO_ROOT, 'node_modules', '.bin', 'astro');

/** One `astro build` to run: the command, its environment and where its site lands. */
export interface BuildStep {
  cmd: string;
  args: string[];
  env: Record<string, string>;
  /** The built site (OUT_DIR). */
  dist: string;
  /** Where it is served: '/' for the portal, /zl/<id>/ for a town. */
  base: string;
}

const buildEnv = (today: string) => ({ SITE_TODAY: today, TZ: 'Asia/Shanghai' });

/**
 * Generates `town`'s content root (<out>/content/<id>/) and returns its build, without running
 * it: each town alone, as its own CI would build it — its content, its sub-path, nothing shared.
 * `force` clears Astro's content cache first (a cold build, as on a fresh CI checkout).
 */
export function prepareTown(opts: { out: string; town: CountyTown; docs: number; today: string; force?: boolean }): BuildStep {
  const out = path.resolve(opts.out);
  const { town } = opts;
  const root = path.join(out, 'content', town.id);
  const dist = path.join(out, 'sites', town.id);
  generateCorpus({ kind: 'town', docs: opts.docs, out: root, seed: town.seed, townName: town.name });
  fs.rmSync(dist, { recursive: true, force: true });
  return {
    cmd: ASTRO,
    args: opts.force ? ['build', '--force'] : ['build'],
    env: { ...buildEnv(opts.today), CONTENT_DIR: root, OUT_DIR: dist, BASE_PATH: townBase(town) },
    dist,
    base: townBase(town),
  };
}

/**
 * Writes the portal content root (<out>/content/portal/portal.json) over `towns`, whose built
 * sites must be in <out>/sites/<id>/, and returns the portal's build without running it.
 */
export function preparePortal(opts: { out: string; towns: readonly CountyTown[]; today: string }): BuildStep {
  const out = path.resolve(opts.out);
  const portalRoot = path.join(out, 'content', 'portal');
  fs.rmSync(portalRoot, { recursive: true, force: true });
  fs.mkdirSync(portalRoot, { recursive: true });
  const portal = {
    name: '云岭县基层政务公开',
    issuer: '云岭县人民政府办公室',
    regionName: '云岭县',
    contact: '云岭县政务公开办 0571-86000000',
    intro: '云岭县各镇（街道）的实施方案、村务公开、普法文章和统计数据，由各镇（街道）各自发布；本站汇总入口、统一搜索和开放数据目录。（演示数据，均为虚构。）',
    towns: opts.towns.map((t) => ({ id: t.id, name: t.name, url: townBase(t), dist: path.relative(portalRoot, path.join(out, 'sites', t.id)) })),
    compare: [{ dataset: 'disputes-monthly', measure: 'count', title: '矛盾纠纷', per: 1000, months: 12 }],
  };
  fs.writeFileSync(path.join(portalRoot, 'portal.json'), JSON.stringify(portal, null, 2) + '\n');
  const dist = path.join(out, 'sites', 'portal');
  fs.rmSync(dist, { recursive: true, force: true });
  return { cmd: ASTRO, args: ['build'], env: { ...buildEnv(opts.today), CONTENT_DIR: portalRoot, OUT_DIR: dist }, dist, base: '/' };
}

/** Generates and builds one town with `runner`. */
export function buildTown(opts: { out: string; town: CountyTown; docs: number; today: string; runner?: Runner }): {
  site: { dist: string; base: string };
  cost: BuildCost;
} {
  const step = prepareTown(opts);
  const cost = (opts.runner ?? plainRunner)(step.cmd, step.args, step.env);
  return { site: { dist: step.dist, base: step.base }, cost };
}

/** Builds the portal over `towns` (already built) with `runner`. */
export function buildPortal(opts: { out: string; towns: readonly CountyTown[]; today: string; runner?: Runner }): {
  site: { dist: string; base: string };
  cost: BuildCost;
} {
  const step = preparePortal(opts);
  const cost = (opts.runner ?? plainRunner)(step.cmd, step.args, step.env);
  return { site: { dist: step.dist, base: step.base }, cost };
}

export function buildCounty(opts: CountyOptions): CountyResult {
  const sites: CountyResult['sites'] = [];
  const townCosts: BuildCost[] = [];
  for (const [i, town] of opts.towns.entries()) {
    const { site, cost } = buildTown({ out: opts.out, town, docs: opts.docs, today: opts.today, ...(opts.runner ? { runner: opts.runner } : {}) });
    townCosts.push(cost);
    sites.push(site);
    opts.onTown?.(town, cost, i);
  }
  const portal = buildPortal({ out: opts.out, towns: opts.towns, today: opts.today, ...(opts.runner ? { runner: opts.runner } : {}) });
  return { sites: [portal.site, ...sites], townCosts, portalCost: portal.cost };
}

function main(): void {
  const { values } = parseArgs({ options: { out: { type: 'string' }, towns: { type: 'string' }, docs: { type: 'string' }, today: { type: 'string' } } });
  if (!values.out) {
    console.error('usage: npm run county -- --out DIR [--towns 3] [--docs 206] [--today YYYY-MM-DD]');
    process.exit(2);
  }
  const count = Number(values.towns ?? 3);
  if (!Number.isInteger(count) || count < 1 || count > COUNTY_TOWNS.length) throw new Error(`--towns must be 1–${COUNTY_TOWNS.length}`);
  const result = buildCounty({
    out: values.out,
    towns: COUNTY_TOWNS.slice(0, count),
    docs: Number(values.docs ?? 206),
    today: values.today ?? new Date().toISOString().slice(0, 10),
    onTown: (t, cost, i) => console.log(`✓ ${i + 1}/${count} ${t.name} built in ${cost.wallSeconds.toFixed(1)} s`),
  });
  console.log(`✓ portal built in ${result.portalCost.wallSeconds.toFixed(1)} s`);
  console.log('\nServe it with nginx: one `location` block per site, rendered from deploy/nginx.conf (docs/deployment.md):');
  for (const s of result.sites) console.log(`  ${s.base.padEnd(16)} → ${s.dist}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  try {
    main();
  } catch (err) {
    console.error(`✗ ${(err as Error).message}`);
    process.exit(1);
  }
}
