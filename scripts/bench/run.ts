/**
 * `npm run bench`: our build against Hugo + Pagefind on the same generated articles (issue 9).
 *
 *   npm run bench                                   # 1,000 and 5,000 documents, 2 runs each (≈ 10 min on 2 cores)
 *   npm run bench -- --sizes 300,1000 --runs 3 --out .bench --report docs/benchmarks.md
 *   (npx tsx scripts/bench/run.ts …)
 *
 * For each size it writes the comparison corpus and its Hugo export (scripts/bench/generate.ts,
 * seed 1) under `<out>/<size>/`, then alternates the runs: A = our `astro build --force` (cold
 * content cache; Pagefind runs inside it, src/integrations/search-index.ts), then A′ = the same
 * build after one article was edited, with the cache kept; B = `hugo` followed by
 * `pagefind --site public`. Every command runs under `/usr/bin/time -v` (wall time, peak RSS of
 * the largest process) while a sampler reads each process's peak from /proc, which also sees a
 * child process nobody waits for.
 * The Markdown report goes to `--report` (default docs/benchmarks.md) and to stdout; the numbers
 * are worked out in scripts/bench/report.ts. Build logs stay in `<out>/<size>/logs/`, the raw
 * numbers in `<out>/results.json`.
 *
 * `npm run bench -- --federation` is issue 10's county benchmark instead: scripts/bench/federation.ts.
 *
 * Needs `/usr/bin/time` (`apt-get install -y time`) and Hugo (`apt-get install -y hugo`, 0.111).
 * `--out` must lie inside the repository: with OUT_DIR outside it, Astro stages the build in the
 * repository's own .astro/ and deletes that directory afterwards.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { generateCorpus, LAWS_DIR, REPO_ROOT, workDirProblem, writeBenchResults } from './generate';
import { machineInfo, measure } from './measure';
import { budgetedPages, checkBudgets, gzipMeter, pageWeight, totalOf, type GzipMeter, type PageWeight } from '../../src/lib/site/page-weight';
import {
  parsePagefindStep,
  parseAstroPhases,
  renderReport,
  rss,
  searchRows,
  summarize,
  type HugoRun,
  type BudgetSummary,
  type IncrementalRun,
  type OursRun,
  type OutputSize,
  type ReportInput,
  type SiteResult,
  type SizeResult,
  type TimeResult,
} from './report';

const ASTRO = path.join(REPO_ROOT, 'node_modules/.bin/astro');
const PAGEFIND = path.join(REPO_ROOT, 'node_modules/.bin/pagefind');
/** The corpus's latest article is dated 2026-11-20 (generate.ts); "today" a little after it. */
const SITE_TODAY = '2026-12-01';
const TIME = '/usr/bin/time';

// ---------------------------------------------------------------------------------------
// Reading a built site

function listFiles(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(dir, f)).isFile()).map((f) => f.split(path.sep).join('/'));
}

export function outputSize(site: string): OutputSize {
  const size: OutputSize = { files: 0, bytes: 0, searchFiles: 0, searchBytes: 0 };
  for (const rel of listFiles(site)) {
    const bytes = fs.statSync(path.join(site, rel)).size;
    size.files++;
    size.bytes += bytes;
    if (rel.startsWith('pagefind/')) {
      size.searchFiles++;
      size.searchBytes += bytes;
    }
  }
  return size;
}

/** The article page with the median gzipped total in `site` (pages matched by `pattern`). */
function typicalPage(site: string, pattern: RegExp, gzipped: GzipMeter): PageWeight {
  const weights = listFiles(site)
    .filter((f) => pattern.test(f))
    .map((f) => pageWeight(site, f, gzipped))
    .sort((a, b) => totalOf(a) - totalOf(b) || a.page.localeCompare(b.page));
  if (weights.length === 0) throw new Error(`bench: no page matching ${pattern} in ${site}`);
  return weights[Math.floor((weights.length - 1) / 2)]!;
}

function siteResult<Run>(site: string, runs: Run[], article: PageWeight, index: string, gzipped: GzipMeter): SiteResult<Run> {
  const pages = listFiles(site).filter((f) => f.endsWith('.html')).length;
  return { runs, output: outputSize(site), pages, article, index: pageWeight(site, index, gzipped) };
}

function onPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const file = path.join(dir, name);
    try {
      fs.accessSync(file, fs.constants.X_OK);
      return file;
    } catch {
      // not here
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------
// The comparison

export interface ComparisonOptions {
  /** Work directory for this size: content/, hugo/, dist/, logs/. */
  dir: string;
  runs: number;
  seed: number;
  hugo: string;
}

const secs = (s: number) => `${s.toFixed(1)} s`;
/** Just time's numbers, without the output, for the results. */
const timeOf = ({ wallSeconds, maxRssKb, userSeconds, systemSeconds, exitStatus }: TimeResult): TimeResult => ({
  wallSeconds,
  maxRssKb,
  userSeconds,
  systemSeconds,
  exitStatus,
});

/**
 * The incremental case of issue 9: a paragraph added to the middle article, then `astro build`
 * without --force, so Astro's content cache from the cold build is reused. The edit is undone
 * afterwards (the next cold run builds the same corpus), and the rebuilt page must show it.
 * It builds into an empty output directory, as `npm run build` does (a fresh staging directory;
 * the previous site is deleted in the background, scripts/build.ts): over the previous output,
 * Astro first deletes it and then writes every page over an old one, which made a 5,000-article
 * rebuild 52.7 s instead of 39.3 s on 2026-12-04 (docs/性能.md §8).
 */
export async function rebuildAfterEdit(
  content: string,
  dist: string,
  run: number,
  env: Record<string, string | undefined>,
  log: string,
): Promise<IncrementalRun> {
  const legal = path.join(content, 'legal');
  const articles = fs
    .readdirSync(legal)
    .filter((f) => f.endsWith('.md'))
    .sort();
  const file = path.join(legal, articles[Math.floor(articles.length / 2)]!);
  const original = fs.readFileSync(file, 'utf8');
  // New words each time, also across bench invocations: the search-bundle cache keeps bundles by
  // the bytes of their pages, and an edit it has seen before would be no edit to Pagefind.
  const paragraph = `本段为基准测试第${run}轮增量构建时补充的说明（${crypto
    .randomUUID()
    .replace(/[0-9-]/g, '')
    .slice(0, 8)}），用于检验修改一篇文章后的重新构建。`;
  fs.writeFileSync(file, `${original.trimEnd()}\n\n${paragraph}\n`);
  fs.rmSync(dist, { recursive: true, force: true });
  try {
    const m = await measure(ASTRO, ['build'], env, { log });
    const page = path.join(dist, 'legal', path.basename(file, '.md'), 'index.html');
    if (!fs.readFileSync(page, 'utf8').includes(paragraph))
      throw new Error(`bench: the rebuilt ${path.relative(dist, page)} does not show the edit (log: ${log})`);
    const pagefindStep = parsePagefindStep(m.stdout);
    if (pagefindStep?.bundles === undefined || (pagefindStep.reused ?? 0) >= pagefindStep.bundles)
      throw new Error(`bench: the rebuild after the edit indexed no search bundle again (log: ${log})`);
    return { time: timeOf(m), ...(pagefindStep ? { pagefindSeconds: pagefindStep.seconds } : {}), phases: parseAstroPhases(m.stdout) };
  } finally {
    fs.writeFileSync(file, original);
  }
}

/** Generates the corpus of `docs` articles, then alternates our build and Hugo + Pagefind. */
export async function benchComparison(docs: number, opts: ComparisonOptions): Promise<SizeResult> {
  const content = path.join(opts.dir, 'content');
  const hugoSite = path.join(opts.dir, 'hugo');
  const dist = path.join(opts.dir, 'dist');
  const publicDir = path.join(hugoSite, 'public');
  const logs = path.join(opts.dir, 'logs');
  fs.rmSync(logs, { recursive: true, force: true });

  const started = performance.now();
  const written = generateCorpus({ kind: 'comparison', docs, out: content, seed: opts.seed, hugoOut: hugoSite });
  console.log(
    `${docs} docs: corpus written (${written.files} files, ${(written.bytes / 1024 / 1024).toFixed(1)} MB) in ${secs((performance.now() - started) / 1000)}`,
  );

  const env = { CONTENT_DIR: content, OUT_DIR: dist, SITE_TODAY, ASTRO_TELEMETRY_DISABLED: '1', BASE_PATH: undefined, SITE_URL: undefined };
  const ours: OursRun[] = [];
  const hugo: HugoRun[] = [];
  for (let run = 1; run <= opts.runs; run++) {
    // A: our site, cold (--force clears Astro's content-layer cache).
    fs.rmSync(dist, { recursive: true, force: true });
    const a = await measure(ASTRO, ['build', '--force'], env, { log: path.join(logs, `ours-${run}.log`) });
    const pagefindStep = parsePagefindStep(a.stdout);
    const pagefindProcesses = a.processes.filter((p) => p.name.startsWith('pagefind'));
    ours.push({
      time: timeOf(a),
      ...(pagefindStep ? { pagefindSeconds: pagefindStep.seconds } : {}),
      ...(pagefindProcesses.length > 0 ? { pagefindPeakKb: Math.max(...pagefindProcesses.map((p) => p.peakKb)) } : {}),
      largestProcessKb: Math.max(a.maxRssKb, ...a.processes.map((x) => x.peakKb)),
      treePeakKb: a.treePeakKb,
      phases: parseAstroPhases(a.stdout),
    });

    // A′: one article edited, built again with the content cache A left behind.
    ours.at(-1)!.incremental = await rebuildAfterEdit(content, dist, run, env, path.join(logs, `ours-${run}-incremental.log`));

    // B: Hugo, then the same Pagefind over its output.
    fs.rmSync(publicDir, { recursive: true, force: true });
    const h = await measure(opts.hugo, ['--destination', 'public'], {}, { cwd: hugoSite, log: path.join(logs, `hugo-${run}.log`) });
    const p = await measure(PAGEFIND, ['--site', 'public'], {}, { cwd: hugoSite, log: path.join(logs, `hugo-pagefind-${run}.log`) });
    hugo.push({ hugo: timeOf(h), pagefind: timeOf(p) });

    console.log(
      `${docs} docs, run ${run}/${opts.runs}: ours ${secs(a.wallSeconds)} (Pagefind ${pagefindStep ? secs(pagefindStep.seconds) : '?'}; ` +
        `largest process ${rss(ours.at(-1)!.largestProcessKb!)}, /usr/bin/time ${rss(a.maxRssKb)}` +
        `${pagefindProcesses.length > 0 ? `, Pagefind ${rss(Math.max(...pagefindProcesses.map((x) => x.peakKb)))}` : ''})` +
        ` · after one edit ${secs(ours.at(-1)!.incremental!.time.wallSeconds)}` +
        ` · Hugo ${secs(h.wallSeconds)} + Pagefind ${secs(p.wallSeconds)} (${rss(p.maxRssKb)}) · load ${os.loadavg()[0]!.toFixed(2)}`,
    );
  }

  // One gzip meter per site: every page and shared asset is compressed once for all the figures below.
  const oursGz = gzipMeter();
  const hugoGz = gzipMeter();
  // The same article on both sites: the median one of ours by gzipped weight.
  const article = typicalPage(dist, /^legal\/bench-\d+\/index\.html$/, oursGz);
  const slug = article.page.split('/')[1]!;
  // Every page of ours against its template's budget (src/lib/site/page-weight.ts, as tests/build/budgets.test.ts).
  const check = checkBudgets(dist, budgetedPages(listFiles(dist)), oursGz);
  const budgets: BudgetSummary = {
    pages: check.pages,
    unmatched: check.unmatched,
    over: check.over.map((o) => ({
      page: o.weight.page,
      template: o.budget.template,
      total: totalOf(o.weight),
      js: o.weight.js,
      budget: o.budget.total,
      jsBudget: o.budget.js,
    })),
    worst: check.worst
      .filter((w) => w.weight)
      .map((w) => ({
        template: w.budget.template,
        pages: w.pages,
        page: w.weight!.page,
        total: totalOf(w.weight!),
        js: w.maxJs,
        budget: w.budget.total,
        jsBudget: w.budget.js,
      })),
  };
  return {
    docs,
    budgets,
    ours: siteResult(dist, ours, article, 'legal/index.html', oursGz),
    hugo: siteResult(publicDir, hugo, pageWeight(publicDir, `posts/${slug}/index.html`, hugoGz), 'posts/index.html', hugoGz),
  };
}

// ---------------------------------------------------------------------------------------
// CLI

const USAGE =
  'usage: npm run bench -- [--sizes 1000,5000] [--runs 2] [--seed 1] [--out .bench] [--report docs/benchmarks.md]\n       npm run bench -- --federation [--towns 20] [--docs 2000] [--budget-minutes 20] (scripts/bench/federation.ts)';

function fail(message: string, code = 1): never {
  console.error(`✗ ${message}`);
  process.exit(code);
}

async function main(): Promise<void> {
  if (process.argv.slice(2).includes('--federation')) {
    // Issue 10's county benchmark: its own options and report (scripts/bench/federation.ts).
    const { benchFederation } = await import('./federation');
    await benchFederation(process.argv.slice(2));
    return;
  }
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '1000,5000' },
      runs: { type: 'string', default: '2' },
      seed: { type: 'string', default: '1' },
      out: { type: 'string', default: '.bench' },
      report: { type: 'string', default: 'docs/benchmarks.md' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const sizes = values.sizes.split(',').map((s) => Number(s.trim()));
  const runs = Number(values.runs);
  const seed = Number(values.seed);
  if (sizes.length === 0 || sizes.some((n) => !Number.isInteger(n) || n < 1)) fail(`--sizes must be whole numbers ≥ 1, comma-separated\n${USAGE}`, 2);
  if (!Number.isInteger(runs) || runs < 1) fail(`--runs must be a whole number ≥ 1\n${USAGE}`, 2);
  if (!Number.isInteger(seed)) fail(`--seed must be a whole number\n${USAGE}`, 2);
  const out = path.resolve(values.out);
  const report = path.resolve(values.report);
  const outProblem = workDirProblem(out);
  if (outProblem) fail(outProblem, 2);

  // Everything the run needs, before minutes of work.
  if (!fs.existsSync(TIME)) fail(`${TIME} not found: install GNU time with \`apt-get install -y time\``);
  const hugo = onPath('hugo');
  if (!hugo) fail('Hugo not found on PATH: install it with `apt-get install -y hugo` (Debian package, Hugo 0.111), then run `npm run bench` again');
  for (const bin of [ASTRO, PAGEFIND]) if (!fs.existsSync(bin)) fail(`${path.relative(REPO_ROOT, bin)} not found: run \`npm ci\` first`);
  if (!fs.existsSync(LAWS_DIR)) fail(`the corpus generator reads statutes from ${LAWS_DIR}, which does not exist`);

  const machine = machineInfo(hugo);
  console.log(`bench: sizes ${sizes.join(', ')}, ${runs} run(s) each, seed ${seed}, work directory ${path.relative(REPO_ROOT, out) || out}`);
  console.log(
    `bench: ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, Astro ${machine.astro}, Pagefind ${machine.pagefind}, Hugo ${machine.hugo}; load ${machine.loadBefore.toFixed(2)}`,
  );

  const results: SizeResult[] = [];
  for (const docs of sizes) {
    const result = await benchComparison(docs, { dir: path.join(out, String(docs)), runs, seed, hugo });
    const s = summarize(result);
    console.log(`${docs} docs: ours ${secs(s.oursTotal)} vs Hugo + Pagefind ${secs(s.hugoPlusPagefind)} → ${s.ratio.toFixed(2)}×\n`);
    results.push(result);
  }
  machine.loadAfter = os.loadavg()[0]!;

  const searchFile = path.join(REPO_ROOT, '.test-dist/reports/search.json');
  const search = fs.existsSync(searchFile) ? searchRows(JSON.parse(fs.readFileSync(searchFile, 'utf8'))) : undefined;
  const input: ReportInput = { machine, seed, runs, sizes: results, ...(search ? { search } : {}) };
  writeBenchResults(out, report, input, renderReport(input));
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((err: unknown) => fail((err as Error).message));
}
