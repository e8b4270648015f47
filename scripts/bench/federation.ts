/**
 * `npm run bench -- --federation` (issue 10, item 5): a county of generated towns, built one
 * after another, each alone (scripts/county.ts prepareTown) and measured like `npm run bench`
 * measures a build (scripts/bench/run.ts `measure`: /usr/bin/time -v plus /proc sampling, since
 * Pagefind is a child the time cannot see). At 1, 2, 5, 10 and 20 towns (as far as the budget
 * allows) the portal is built over the first N towns and Chromium, through one nginx serving the
 * portal at / and the towns at /zl/<id>/, records the bytes of the portal's first search query.
 * Writes docs/benchmarks-federation.md (scripts/bench/report.ts renderFederationReport).
 *
 *   npm run bench -- --federation [--towns 20] [--docs 2000] [--budget-minutes 20] [--out .bench/federation] [--report docs/benchmarks-federation.md]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser } from 'playwright-core';
import { COUNTY_TOWNS, prepareTown, preparePortal, type CountyTown } from '../county';
import { launchBrowser } from '../../tooling/browser';
import { serveSites, type ServedSite } from '../../tooling/nginx';
import { recordTransfers } from '../../tooling/transfers';
import { LAWS_DIR, REPO_ROOT, workDirProblem, writeBenchResults } from './generate';
import {
  breakdownTransfers,
  median,
  parsePagefindStep,
  renderFederationReport,
  rss,
  type FederationInput,
  type PortalRow,
  type QueryRun,
  type TownBuildRow,
} from './report';
import { machineInfo, measure, type Measurement } from './measure';

/** The corpus's latest article is dated 2026-11-20 (generate.ts); "today" a little after it, as in `npm run bench`. */
const SITE_TODAY = '2026-12-01';
/** A term every generated town uses (its dispute registers, plans and articles). */
export const COMMON_TERM = '矛盾纠纷';

const USAGE =
  'usage: npm run bench -- --federation [--towns 20] [--docs 2000] [--budget-minutes 20] [--out .bench/federation] [--report docs/benchmarks-federation.md] [--rerender]';

const largest = (m: Measurement) => Math.max(m.maxRssKb, ...m.processes.map((p) => p.peakKb));
const secs = (s: number) => `${s.toFixed(1)} s`;

function htmlPages(dir: string): number {
  return (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.html')).length;
}

/** The first query of an empty-cache browser on the portal's /search/. */
async function firstQuery(browser: Browser, portalUrl: string, query: string, label: string): Promise<QueryRun> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const transfers = await recordTransfers(context, page);
    const started = performance.now();
    await page.goto(`${portalUrl}search/?${new URLSearchParams({ q: query })}`);
    await page.waitForFunction(
      () => ['done', 'none', 'error', 'empty'].includes(document.querySelector('search-results')?.getAttribute('data-state') ?? ''),
      null,
      { timeout: 120_000 },
    );
    const ms = performance.now() - started;
    const state = (await page.locator('search-results').getAttribute('data-state')) ?? '';
    const results = await page.locator('[data-exact] a.result-link').count();
    // Fragments of the shown results arrive just after the state flips: let the network settle.
    await page.waitForLoadState('networkidle').catch(() => undefined);
    const t = transfers.take();
    return { query, label, state, results, ms, allRequests: t.requests.length, transfer: breakdownTransfers(t.requests) };
  } finally {
    await context.close();
  }
}

export async function benchFederation(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      federation: { type: 'boolean' },
      towns: { type: 'string', default: '20' },
      docs: { type: 'string', default: '2000' },
      'budget-minutes': { type: 'string', default: '20' },
      out: { type: 'string', default: '.bench/federation' },
      report: { type: 'string', default: 'docs/benchmarks-federation.md' },
      rerender: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const requested = Number(values.towns);
  const docs = Number(values.docs);
  const budgetMinutes = Number(values['budget-minutes']);
  if (!Number.isInteger(requested) || requested < 1 || requested > COUNTY_TOWNS.length) throw new Error(`--towns must be 1–${COUNTY_TOWNS.length}\n${USAGE}`);
  if (!Number.isInteger(docs) || docs < 206) throw new Error(`--docs must be a whole number ≥ 206 (the sample town's own documents)\n${USAGE}`);
  if (!(budgetMinutes > 0)) throw new Error(`--budget-minutes must be a number > 0\n${USAGE}`);
  const out = path.resolve(values.out);
  const report = path.resolve(values.report);
  const outProblem = workDirProblem(out);
  if (outProblem) throw new Error(outProblem);
  if (values.rerender) {
    // The report again from the last run's numbers, without building anything.
    const input = JSON.parse(fs.readFileSync(path.join(out, 'results.json'), 'utf8')) as FederationInput;
    fs.writeFileSync(report, renderFederationReport(input));
    console.log(`✓ report written to ${path.relative(process.cwd(), report) || report} from ${path.relative(process.cwd(), path.join(out, 'results.json'))}`);
    return;
  }
  if (!fs.existsSync('/usr/bin/time')) throw new Error('/usr/bin/time not found: install GNU time with `apt-get install -y time`');
  if (!fs.existsSync(LAWS_DIR)) throw new Error(`the corpus generator reads statutes from ${LAWS_DIR}, which does not exist`);
  fs.rmSync(path.join(out, 'sites'), { recursive: true, force: true });
  const logs = path.join(out, 'logs');
  fs.rmSync(logs, { recursive: true, force: true });

  const machine = machineInfo();
  console.log(`federation bench: up to ${requested} towns of ${docs} documents, budget ${budgetMinutes} min, work directory ${path.relative(REPO_ROOT, out)}`);
  console.log(
    `federation bench: ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, Astro ${machine.astro}, Pagefind ${machine.pagefind}; load ${machine.loadBefore.toFixed(2)}`,
  );

  const towns: TownBuildRow[] = [];
  const portals: PortalRow[] = [];
  const wanted = COUNTY_TOWNS.slice(0, requested);
  let browser: Browser | undefined;
  let townSeconds = 0;
  let stoppedBy: FederationInput['stoppedBy'] = 'count';

  const measurePortal = async (county: readonly CountyTown[]): Promise<void> => {
    const step = preparePortal({ out, towns: county, today: SITE_TODAY });
    const m = await measure(
      step.cmd,
      step.args,
      { ...step.env, ASTRO_TELEMETRY_DISABLED: '1', SITE_URL: undefined },
      { log: path.join(logs, `portal-${county.length}.log`) },
    );
    const sites: ServedSite[] = [{ dist: step.dist, base: '/' }, ...county.map((t) => ({ dist: path.join(out, 'sites', t.id), base: `/zl/${t.id}/` }))];
    const server = await serveSites(sites);
    try {
      browser ??= await launchBrowser();
      // The first town's name stem (青川) is in its pages only (the generator's rename): the same query at every size.
      const unique = county[0]!;
      const queries = [
        await firstQuery(browser, server.url, COMMON_TERM, 'every town'),
        await firstQuery(browser, server.url, unique.name.replace(/镇$/, ''), `one town: ${unique.name}`),
      ];
      portals.push({ towns: county.length, buildSeconds: m.wallSeconds, buildPeakKb: largest(m), queries });
      for (const q of queries) {
        const t = q.transfer;
        console.log(
          `  portal over ${county.length} town(s), “${q.query}”: ${q.state} ${q.results} results, ${(t.bytes / 1024).toFixed(1)} KB in ${t.requests} search requests ` +
            `(portal ${(t.portalBytes / 1024).toFixed(1)} KB, ${t.townsFetched} towns ${(t.townBytes / 1024).toFixed(1)} KB), ${Math.round(q.ms)} ms`,
        );
      }
    } finally {
      await server.close();
    }
    console.log(`  portal over ${county.length} town(s) built in ${secs(m.wallSeconds)} (${rss(largest(m))})`);
  };

  try {
    for (const [i, town] of wanted.entries()) {
      if (i > 0) {
        // Start another town only if one more (at the median so far) still fits in the budget.
        const next = median(towns.map((t) => t.generateSeconds + t.time.wallSeconds));
        if (townSeconds + next > budgetMinutes * 60) {
          stoppedBy = 'budget';
          console.log(`budget: ${secs(townSeconds)} used, the next town (~${secs(next)}) would not fit in ${budgetMinutes} min; stopping at ${i} towns`);
          break;
        }
      }
      const generated = performance.now();
      const step = prepareTown({ out, town, docs, today: SITE_TODAY, force: true });
      const generateSeconds = (performance.now() - generated) / 1000;
      const m = await measure(
        step.cmd,
        step.args,
        { ...step.env, ASTRO_TELEMETRY_DISABLED: '1', SITE_URL: undefined },
        { log: path.join(logs, `town-${i + 1}-${town.id}.log`) },
      );
      const pagefindProcesses = m.processes.filter((p) => p.name.startsWith('pagefind'));
      const pagefindStep = parsePagefindStep(m.stdout);
      const row: TownBuildRow = {
        index: i + 1,
        id: town.id,
        name: town.name,
        docs,
        pages: htmlPages(step.dist),
        generateSeconds,
        time: { wallSeconds: m.wallSeconds, maxRssKb: m.maxRssKb, userSeconds: m.userSeconds, systemSeconds: m.systemSeconds, exitStatus: m.exitStatus },
        largestProcessKb: largest(m),
        ...(pagefindProcesses.length > 0 ? { pagefindPeakKb: Math.max(...pagefindProcesses.map((p) => p.peakKb)) } : {}),
        ...(pagefindStep ? { pagefindSeconds: pagefindStep.seconds } : {}),
        load: os.loadavg()[0]!,
      };
      towns.push(row);
      townSeconds += generateSeconds + m.wallSeconds;
      console.log(
        `town ${i + 1}/${requested} ${town.name}: generated in ${secs(generateSeconds)}, built in ${secs(m.wallSeconds)} ` +
          `(Pagefind ${row.pagefindSeconds === undefined ? '?' : secs(row.pagefindSeconds)}; largest process ${rss(row.largestProcessKb)}, Pagefind ${rss(row.pagefindPeakKb ?? NaN)}) · ` +
          `${row.pages} pages · load ${row.load.toFixed(2)} · ${secs(townSeconds)} of ${budgetMinutes} min`,
      );
      if ([1, 2, 5, 10, 20].includes(i + 1)) await measurePortal(wanted.slice(0, i + 1));
    }
    // The final size, if the budget stopped the county between checkpoints.
    if (towns.length > 0 && portals.at(-1)?.towns !== towns.length) await measurePortal(wanted.slice(0, towns.length));
  } finally {
    await browser?.close();
  }
  machine.loadAfter = os.loadavg()[0]!;

  const input: FederationInput = { machine, docs, requestedTowns: requested, budgetMinutes, townSeconds, stoppedBy, towns, portals };
  writeBenchResults(out, report, input, renderFederationReport(input));
}
