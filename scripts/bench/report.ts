/**
 * The pure half of `npm run bench` (scripts/bench/run.ts): reading `/usr/bin/time -v` and build
 * logs, medians, the issue 16 target verdicts and the Markdown report. No I/O here, so every
 * number in docs/benchmarks.md can be checked by tests/unit/bench-report.test.ts.
 */
import type { PageWeight } from '../../src/lib/site/page-weight';

/** What `/usr/bin/time -v` says about one command. */
export interface TimeResult {
  wallSeconds: number;
  /** Peak RSS of the largest process in the tree (wait4's ru_maxrss covers reaped children), KiB. */
  maxRssKb: number;
  userSeconds: number;
  systemSeconds: number;
  exitStatus: number;
}

/**
 * Elapsed time as GNU time prints it: `m:ss.ss` under an hour (`0:10.19`, `12:03.50`),
 * `h:mm:ss` from an hour on (`1:02:03`, no fraction).
 */
export function parseElapsed(text: string): number {
  const parts = text.trim().split(':');
  if (parts.length < 2 || parts.length > 3 || parts.some((p) => !/^\d+(?:\.\d+)?$/.test(p))) {
    throw new Error(`bench: cannot read elapsed time "${text}"`);
  }
  return parts.map(Number).reduce((total, part) => total * 60 + part, 0);
}

/** Parses the report `/usr/bin/time -v` writes (to stderr, or to a file with `-o`). */
export function parseTimeOutput(text: string): TimeResult {
  const field = (label: string): string => {
    const line = text.split('\n').find((l) => l.trim().startsWith(label));
    if (line === undefined) throw new Error(`bench: no "${label}" in /usr/bin/time -v output`);
    // The label itself contains a colon ("(h:mm:ss or m:ss): 0:10.19"): the value follows the last ": ".
    return line.slice(line.lastIndexOf(': ') + 2).trim();
  };
  return {
    wallSeconds: parseElapsed(field('Elapsed (wall clock) time')),
    maxRssKb: Number(field('Maximum resident set size (kbytes)')),
    userSeconds: Number(field('User time (seconds)')),
    systemSeconds: Number(field('System time (seconds)')),
    exitStatus: Number(field('Exit status')),
  };
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

// eslint-disable-next-line no-control-regex -- the escape character is what this strips
const ANSI = /\x1b\[[0-9;]*m/g;

/** The search-index integration's own log line: `Pagefind: indexed 112 pages in 1396 ms`. */
export function parsePagefindStep(log: string): { pages: number; seconds: number; bundles?: number; reused?: number } | undefined {
  const m = /Pagefind: indexed (\d+) pages in (\d+) ms(?: \((\d+) bundle\(s\), (\d+) unchanged\))?/.exec(log.replace(ANSI, ''));
  if (!m) return undefined;
  // Bundles and how many came unchanged from the cache (src/integrations/search-index.ts), when logged.
  return { pages: Number(m[1]), seconds: Number(m[2]) / 1000, ...(m[3] !== undefined ? { bundles: Number(m[3]), reused: Number(m[4]) } : {}) };
}

export interface Phase {
  label: string;
  seconds: number;
}

/** `2.21s`, `618ms` (Astro's getTimeStat). */
function astroDuration(value: string, unit: string): number {
  return unit === 'ms' ? Number(value) / 1000 : Number(value);
}

/**
 * Where `astro build` spends its time, from its own log, in log order and without overlaps:
 * content sync and types, the rest of the set-up, each "… ✓ Completed in" step, the client
 * bundle and the Pagefind step. (Astro times "Collecting build info" from the start of its
 * set-up, so that step includes the content sync; it is reported without it.)
 */
export function parseAstroPhases(log: string): Phase[] {
  const phases: Phase[] = [];
  let current: string | undefined;
  let syncSeconds = 0;
  for (const raw of log.replace(ANSI, '').split('\n')) {
    const line = raw.trim();
    let m: RegExpExecArray | null;
    if ((m = /\[types\] Generated ([\d.]+)(ms|s)\b/.exec(line))) {
      syncSeconds = astroDuration(m[1]!, m[2]!);
      phases.push({ label: 'content sync + types', seconds: syncSeconds });
    } else if ((m = /\[build\] ([A-Z][^.]*)\.\.\.$/.exec(line))) current = m[1]!.toLowerCase();
    else if (/^(generating static routes|building client \(vite\))$/.test(line)) current = line.replace(' (vite)', '');
    else if ((m = /✓ Completed in ([\d.]+)(ms|s)\b/.exec(line)) && current) {
      const seconds = astroDuration(m[1]!, m[2]!);
      if (current === 'collecting build info') phases.push({ label: 'other set-up (hooks, routes, Vite)', seconds: Math.max(0, seconds - syncSeconds) });
      else phases.push({ label: current, seconds });
      current = undefined;
    } else if ((m = /\[vite\] ✓ built in ([\d.]+)(ms|s)\b/.exec(line)) && current === 'building client') {
      phases.push({ label: 'client bundle', seconds: astroDuration(m[1]!, m[2]!) });
      current = undefined;
    }
  }
  const pagefind = parsePagefindStep(log);
  if (pagefind) phases.push({ label: 'Pagefind', seconds: pagefind.seconds });
  return phases;
}

// ---------------------------------------------------------------------------------------
// Results

/** Files and bytes of a built site, and of its search bundle (pagefind/) alone. */
export interface OutputSize {
  files: number;
  bytes: number;
  searchFiles: number;
  searchBytes: number;
}

export type { PageWeight };

/** Every page of our build against its template's gzipped budget (src/lib/site/page-weight.ts). */
export interface BudgetSummary {
  pages: number;
  unmatched: string[];
  over: Array<{ page: string; template: string; total: number; js: number; budget: number; jsBudget: number }>;
  /** The heaviest page of each template that has pages. */
  worst: Array<{ template: string; pages: number; page: string; total: number; js: number; budget: number; jsBudget: number }>;
}

export interface OursRun {
  /** /usr/bin/time's numbers; its peak RSS misses Pagefind's service process (see largestProcessKb). */
  time: TimeResult;
  /**
   * Peak RSS of the largest process of the build: the larger of time's figure and the sampled
   * VmHWM of every process. The pagefind npm API runs its binary as an unref'd child that it kills
   * and Node never waits for, so that child's rusage never reaches /usr/bin/time.
   */
  largestProcessKb?: number;
  /** The Pagefind step inside the build, from the integration's log. */
  pagefindSeconds?: number;
  /** Pagefind's own process inside the build: sampled VmHWM, KiB. */
  pagefindPeakKb?: number;
  /** Largest sum of RSS over the build's processes at one moment (sampled), KiB. */
  treePeakKb?: number;
  phases: Phase[];
  /** The build right after this one, with one article edited and the content cache kept (no --force). */
  incremental?: IncrementalRun;
}

export interface IncrementalRun {
  time: TimeResult;
  pagefindSeconds?: number;
  phases: Phase[];
}

export interface HugoRun {
  hugo: TimeResult;
  pagefind: TimeResult;
}

export interface SiteResult<Run> {
  runs: Run[];
  output: OutputSize;
  /** HTML pages in the output. */
  pages: number;
  article: PageWeight;
  index: PageWeight;
}

export interface SizeResult {
  docs: number;
  /** Absent in results written before budgets were checked. */
  budgets?: BudgetSummary;
  ours: SiteResult<OursRun>;
  hugo: SiteResult<HugoRun>;
}

/** Medians (times) and worst runs (memory) of one corpus size. */
export interface SizeSummary {
  docs: number;
  oursTotal: number;
  oursPagefind: number;
  hugo: number;
  hugoPagefind: number;
  hugoPlusPagefind: number;
  /** ours / (Hugo + Pagefind): the headline. */
  ratio: number;
  /** Largest process of our build, Pagefind's service included. */
  oursPeakKb: number;
  /** What /usr/bin/time alone reports for our build. */
  oursTimeRssKb: number;
  oursPagefindPeakKb: number;
  oursTreePeakKb: number;
  hugoPeakKb: number;
  hugoPagefindPeakKb: number;
  /** Median wall time of the rebuilds after one edit; NaN when none ran. */
  oursIncremental: number;
}

const max = (values: readonly number[]) => (values.length === 0 ? NaN : Math.max(...values));
const defined = (values: ReadonlyArray<number | undefined>) => values.filter((v): v is number => v !== undefined);

export function summarize(r: SizeResult): SizeSummary {
  const oursTotal = median(r.ours.runs.map((x) => x.time.wallSeconds));
  const hugoPlusPagefind = median(r.hugo.runs.map((x) => x.hugo.wallSeconds + x.pagefind.wallSeconds));
  return {
    docs: r.docs,
    oursTotal,
    oursPagefind: median(defined(r.ours.runs.map((x) => x.pagefindSeconds))),
    hugo: median(r.hugo.runs.map((x) => x.hugo.wallSeconds)),
    hugoPagefind: median(r.hugo.runs.map((x) => x.pagefind.wallSeconds)),
    hugoPlusPagefind,
    ratio: oursTotal / hugoPlusPagefind,
    oursPeakKb: max(r.ours.runs.map((x) => Math.max(x.time.maxRssKb, x.largestProcessKb ?? 0))),
    oursTimeRssKb: max(r.ours.runs.map((x) => x.time.maxRssKb)),
    oursPagefindPeakKb: max(defined(r.ours.runs.map((x) => x.pagefindPeakKb))),
    oursTreePeakKb: max(defined(r.ours.runs.map((x) => x.treePeakKb))),
    hugoPeakKb: max(r.hugo.runs.map((x) => x.hugo.maxRssKb)),
    hugoPagefindPeakKb: max(r.hugo.runs.map((x) => x.pagefind.maxRssKb)),
    oursIncremental: median(defined(r.ours.runs.map((x) => x.incremental?.time.wallSeconds))),
  };
}

// ---------------------------------------------------------------------------------------
// Targets (issue 16, "Performance targets"; they replace issue 9's 110 s and 2×)

/** Cold build + index at most this many times Hugo + the same Pagefind, by corpus size. */
export const RATIO_TARGETS: Readonly<Record<number, number>> = { 1000: 1.5, 5000: 1.0 };
/** 4.5 GB, read as GiB since RSS is counted in KiB. */
export const TARGET_PEAK_KB = 4.5 * 1024 * 1024;

export interface Verdict {
  target: string;
  met: boolean;
  detail: string;
}

const pct = (over: number, of: number) => `${Math.round((over / of) * 100)} %`;

/** The issue's measurable targets for one size's summary (the ratio only where the issue sets one). */
export function verdicts(s: SizeSummary): Verdict[] {
  const out: Verdict[] = [];
  const target = RATIO_TARGETS[s.docs];
  if (target !== undefined) {
    const ratioLimit = target * s.hugoPlusPagefind;
    const ratioOver = s.oursTotal - ratioLimit;
    out.push({
      target: `cold build + index ≤ ${ratio(target)}× Hugo + Pagefind`,
      met: ratioOver <= 0,
      detail:
        `${ratio(s.ratio)}× (${sec(s.oursTotal)} s vs ${sec(s.hugoPlusPagefind)} s; limit ${sec(ratioLimit)} s)` +
        (ratioOver <= 0 ? '' : ` — missed by ${sec(ratioOver)} s (${pct(ratioOver, ratioLimit)})`),
    });
  }
  const memoryOver = s.oursPeakKb - TARGET_PEAK_KB;
  out.push({
    target: 'peak memory of the largest process < 4.5 GB',
    met: memoryOver < 0,
    detail:
      memoryOver < 0
        ? `${rss(s.oursPeakKb)} (${rss(-memoryOver)} to spare)`
        : `${rss(s.oursPeakKb)} — missed by ${rss(memoryOver)} (${pct(memoryOver, TARGET_PEAK_KB)})`,
  });
  const incrementalLimit = s.oursTotal / 2;
  const incrementalOver = s.oursIncremental - incrementalLimit;
  out.push({
    target: 'rebuild after one edit ≤ ½ cold build',
    met: incrementalOver <= 0,
    detail: Number.isNaN(s.oursIncremental)
      ? 'not measured in this run'
      : `${sec(s.oursIncremental)} s vs ${sec(s.oursTotal)} s cold (limit ${sec(incrementalLimit)} s)` +
        (incrementalOver <= 0 ? '' : ` — missed by ${sec(incrementalOver)} s (${pct(incrementalOver, incrementalLimit)})`),
  });
  return out;
}

// ---------------------------------------------------------------------------------------
// Search numbers from the browser test (tests/browser/search-performance.test.ts)

export interface SearchRow {
  section: string;
  pages?: number;
  query: string;
  firstBytes: number;
  firstMs: number;
  nextBytes: number;
  nextMs: number;
}

interface SearchMeasure {
  query: string;
  searchBytes: number;
  msToResults: number;
}

function isMeasure(x: unknown): x is SearchMeasure {
  const m = x as Partial<SearchMeasure> | null;
  return typeof m === 'object' && m !== null && typeof m.searchBytes === 'number' && typeof m.msToResults === 'number';
}

/** Rows for every section of `.test-dist/reports/search.json` that has a first and a next query. */
export function searchRows(report: unknown): SearchRow[] {
  if (typeof report !== 'object' || report === null) return [];
  const rows: SearchRow[] = [];
  for (const [section, value] of Object.entries(report as Record<string, unknown>)) {
    const v = value as { first?: unknown; next?: unknown; pages?: unknown };
    if (typeof v !== 'object' || v === null || !isMeasure(v.first) || !isMeasure(v.next)) continue;
    rows.push({
      section,
      ...(typeof v.pages === 'number' ? { pages: v.pages } : {}),
      query: v.first.query,
      firstBytes: v.first.searchBytes,
      firstMs: v.first.msToResults,
      nextBytes: v.next.searchBytes,
      nextMs: v.next.msToResults,
    });
  }
  return rows;
}

// ---------------------------------------------------------------------------------------
// Markdown

export interface Machine {
  cpu: string;
  cores: number;
  ramBytes: number;
  node: string;
  astro: string;
  pagefind: string;
  hugo: string;
  /** When the run started, ISO 8601. */
  date: string;
  /** 1-minute load average before the first and after the last run. */
  loadBefore: number;
  loadAfter: number;
}

export interface ReportInput {
  machine: Machine;
  seed: number;
  runs: number;
  sizes: SizeResult[];
  /** Parsed search.json, or undefined when the browser test has not written one. */
  search?: SearchRow[];
}

const sec = (s: number) => (Number.isFinite(s) ? s.toFixed(1) : '–');
const ratio = (r: number) => (Number.isFinite(r) ? r.toFixed(2) : '–');
/** KiB → "544 MiB" or "3.81 GiB". */
export function rss(kb: number): string {
  if (!Number.isFinite(kb)) return '–';
  const mib = kb / 1024;
  return mib < 1024 ? `${Math.round(mib)} MiB` : `${(mib / 1024).toFixed(2)} GiB`;
}
const kib = (bytes: number) => (bytes / 1024).toFixed(1);
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
const int = (n: number) => n.toLocaleString('en-US');

/** A Markdown table; cells must not contain `|`. */
/** The machine the numbers were taken on (Hugo's version only where Hugo ran). */
function machineTable(m: Machine): string {
  return table(
    ['', ''],
    [
      ['CPU', `${m.cpu}, ${m.cores} cores`],
      ['RAM', `${(m.ramBytes / 1024 ** 3).toFixed(1)} GiB`],
      ['Node', m.node],
      ['Astro', m.astro],
      ['Pagefind', m.pagefind],
      ...(m.hugo !== 'not used' ? [['Hugo', m.hugo]] : []),
      ['Load average (1 min) before / after', `${m.loadBefore.toFixed(2)} / ${m.loadAfter.toFixed(2)}`],
    ],
  );
}

export function table(head: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

function weightCells(w: PageWeight): string[] {
  return [kib(w.html), kib(w.css), kib(w.js), kib(w.html + w.css + w.js)];
}

export function renderReport(input: ReportInput): string {
  const { machine: m, sizes } = input;
  const summaries = sizes.map(summarize);
  const out: string[] = [];
  out.push(
    '# 性能基准 (benchmarks)',
    '',
    `Written by \`npm run bench\` (scripts/bench/run.ts) on ${m.date.slice(0, 10)}. Do not edit by hand; run it again.`,
    '',
    `The comparison corpus (scripts/bench/generate.ts, seed ${input.seed}): N plain-Markdown 普法 articles of 1,400–3,000 Han characters ` +
      'with headings, lists and a table, in the fixture town’s registries; the same articles exported as a Hugo site. ' +
      '**Ours**: `astro build --force` (content cache cleared: a cold build) with `SITE_TODAY=2026-12-01`; it ends with the Pagefind step ' +
      '(src/integrations/search-index.ts), whose time comes from that step’s own log line. ' +
      '**Hugo**: `hugo` with the minimal layout in scripts/bench/hugo-layout, then the same Pagefind 1.6 (`pagefind --site public`). ' +
      `Runs alternate ours, Hugo, ours, Hugo … (${input.runs} of each per size). Times are medians of the runs; memory is the highest run.`,
    '',
    '## Machine',
    '',
    machineTable(m),
    '',
    'The machine may be shared with other work; a load average well above 0 before the runs means the times are noisy, and the ratio ' +
      '(both sides measured in the same run, alternated) is the number to trust.',
    '',
    '## Build time (headline: ours / (Hugo + Pagefind))',
    '',
    table(
      [
        'docs',
        'ours: build + index, s',
        'of which Pagefind, s',
        'Hugo, s',
        'Pagefind on Hugo’s output, s',
        'Hugo + Pagefind, s',
        '**ours / (Hugo + Pagefind)**',
      ],
      summaries.map((s) => [
        int(s.docs),
        sec(s.oursTotal),
        sec(s.oursPagefind),
        sec(s.hugo),
        sec(s.hugoPagefind),
        sec(s.hugoPlusPagefind),
        `**${ratio(s.ratio)}×**`,
      ]),
    ),
    '',
  );

  out.push('## Targets (issue 16)', '');
  for (const summary of summaries) {
    for (const v of verdicts(summary)) out.push(`- ${int(summary.docs)} docs — ${v.met ? '✓ met' : '✗ **not met**'}: ${v.target} — ${v.detail}`);
  }
  for (const docs of Object.keys(RATIO_TARGETS).map(Number)) {
    if (!summaries.some((s) => s.docs === docs)) {
      out.push(`- ${int(docs)} docs — not measured: not among the sizes of this run (${summaries.map((s) => int(s.docs)).join(', ')}).`);
    }
  }
  for (const r of sizes) {
    if (!r.budgets) continue;
    const b = r.budgets;
    const met = b.over.length === 0 && b.unmatched.length === 0;
    out.push(
      `- ${met ? '✓ met' : '✗ **not met**'}: every page within its template’s gzipped budget at ${int(r.docs)} documents — ${int(b.pages)} pages checked` +
        (b.over.length > 0
          ? `; over: ${b.over
              .slice(0, 5)
              .map((o) => `${o.page} ${kib(o.total)} KB > ${kib(o.budget)} KB`)
              .join(', ')}${b.over.length > 5 ? ` and ${b.over.length - 5} more` : ''}`
          : '') +
        (b.unmatched.length > 0
          ? `; no budget for ${b.unmatched.slice(0, 5).join(', ')}${b.unmatched.length > 5 ? ` and ${b.unmatched.length - 5} more` : ''}`
          : ''),
    );
  }
  out.push('');

  out.push(
    '## Memory (peak RSS)',
    '',
    'Peak RSS of the largest single process, which is what the 4.5 GB target is about. `/usr/bin/time -v` gives it for a command ' +
      '(wait4 folds in the largest child that was waited for, and the build waits for its Pagefind command); the run also reads every ' +
      'process’s VmHWM (and, summed, VmRSS) from /proc four times a second, which catches a child nobody waits for. ' +
      '“Largest process” is the larger of the two; the sampled figures can only err low.',
    '',
    table(
      [
        'docs',
        'ours: largest process',
        '/usr/bin/time alone',
        'Pagefind inside our build (sampled)',
        'all our build’s processes at once (sampled)',
        'Hugo',
        'Pagefind on Hugo’s output',
      ],
      summaries.map((s) => [
        int(s.docs),
        rss(s.oursPeakKb),
        rss(s.oursTimeRssKb),
        rss(s.oursPagefindPeakKb),
        rss(s.oursTreePeakKb),
        rss(s.hugoPeakKb),
        rss(s.hugoPagefindPeakKb),
      ]),
    ),
    '',
  );

  // Phase labels in the order the first run logged them.
  const labels = [...new Set(sizes.flatMap((r) => r.ours.runs.flatMap((run) => run.phases.map((p) => p.label))))];
  out.push(
    '## Where our build’s time goes (Astro’s own log, median s)',
    '',
    '“Start-up” is the wall time no logged step covers: Node, the Astro CLI and loading astro.config.ts before Astro starts its clock, ' +
      'the unlogged build:done hooks (sitemap) and the exit. The content sync renders MDX and the Markdown bodies that need Astro’s pipeline; plain Markdown is rendered by its page, in “generating static routes”.',
    '',
    table(
      ['docs', 'wall', 'start-up', ...labels],
      sizes.map((r, i) => {
        const phase = (label: string) => median(r.ours.runs.map((run) => run.phases.filter((p) => p.label === label).reduce((n, p) => n + p.seconds, 0)));
        const logged = labels.reduce((n, l) => n + phase(l), 0);
        return [int(r.docs), sec(summaries[i]!.oursTotal), sec(summaries[i]!.oursTotal - logged), ...labels.map((l) => sec(phase(l)))];
      }),
    ),
    '',
  );

  const withIncremental = sizes.filter((r) => r.ours.runs.some((run) => run.incremental));
  if (withIncremental.length > 0) {
    const incLabels = [...new Set(withIncremental.flatMap((r) => r.ours.runs.flatMap((run) => run.incremental?.phases.map((p) => p.label) ?? [])))];
    out.push(
      '## Incremental rebuild (one article edited)',
      '',
      'Right after each cold build, one article’s body gets a new paragraph and `astro build` runs again without `--force`, into an empty output directory as `npm run build` does (scripts/build.ts: a fresh staging directory, the previous site deleted in the background): Astro’s ' +
        'content-layer cache (.cache/astro/roots/<content root>/data-store.json, astro.config.ts `cacheDir`, one per content root) keeps every unchanged entry, so only the edited one is ' +
        'rendered again — but every file is still read and its frontmatter parsed to compare digests, the content check still reads every file, ' +
        'Astro generates every page again (it has no incremental page generation). Pagefind has no incremental mode either; the site keeps finished ' +
        'search bundles in the same cache (src/integrations/search-bundle-cache.ts), so only the bundle holding the edited article is indexed again, ' +
        'and the output scan reads again only files whose bytes differ from those a passing scan under the same rules read (src/lib/output/scan-cache.ts). ' +
        'The run checks that the rebuilt page carries the new paragraph.',
      '',
      table(
        ['docs', 'cold wall', 'incremental wall', 'incremental / cold', ...incLabels],
        withIncremental.map((r) => {
          const s = summarize(r);
          const phase = (label: string) =>
            median(defined(r.ours.runs.map((run) => run.incremental?.phases.filter((p) => p.label === label).reduce((n, p) => n + p.seconds, 0))));
          return [int(r.docs), sec(s.oursTotal), sec(s.oursIncremental), `${ratio(s.oursIncremental / s.oursTotal)}×`, ...incLabels.map((l) => sec(phase(l)))];
        }),
      ),
      '',
    );
  }

  out.push(
    '## Output',
    '',
    table(
      ['docs', 'ours: HTML pages', 'files', 'MB', 'of which search index: files / MB', 'Hugo: HTML pages', 'files', 'MB', 'of which search index: files / MB'],
      sizes.map((r) => [
        int(r.docs),
        int(r.ours.pages),
        int(r.ours.output.files),
        mb(r.ours.output.bytes),
        `${int(r.ours.output.searchFiles)} / ${mb(r.ours.output.searchBytes)}`,
        int(r.hugo.pages),
        int(r.hugo.output.files),
        mb(r.hugo.output.bytes),
        `${int(r.hugo.output.searchFiles)} / ${mb(r.hugo.output.searchBytes)}`,
      ]),
    ),
    '',
    '## Page weight (gzip -9, KB)',
    '',
    'HTML, the stylesheets it links and the scripts it loads up front. The typical article is the one with the median gzipped total ' +
      'in our output; Hugo’s row is the same article. The index is /legal/ for ours and /posts/ for Hugo.',
    '',
    table(
      ['docs', 'page', 'ours: page', 'HTML', 'CSS', 'JS', 'total', 'Hugo: page', 'HTML', 'CSS', 'JS', 'total'],
      sizes.flatMap((r) => [
        [int(r.docs), 'typical article', r.ours.article.page, ...weightCells(r.ours.article), r.hugo.article.page, ...weightCells(r.hugo.article)],
        [int(r.docs), 'article index', r.ours.index.page, ...weightCells(r.ours.index), r.hugo.index.page, ...weightCells(r.hugo.index)],
      ]),
    ),
    '',
    '## Page budgets (every page of our build)',
    '',
    'Each page of our output against its template’s budget (src/lib/site/page-weight.ts, the same table tests/build/budgets.test.ts applies to the ' +
      'sample site): gzipped HTML + the CSS it links + the JS it loads up front. The heaviest page of each template, KB.',
    '',
    table(
      ['docs', 'template', 'pages', 'heaviest page', 'total', 'budget', 'JS (most)', 'JS budget'],
      sizes.flatMap((r) =>
        (r.budgets?.worst ?? []).map((w) => [int(r.docs), w.template, int(w.pages), w.page, kib(w.total), kib(w.budget), kib(w.js), kib(w.jsBudget)]),
      ),
    ),
    '',
    '## Search bytes and latency',
    '',
  );
  if (input.search && input.search.length > 0) {
    out.push(
      'From `.test-dist/reports/search.json`, written by tests/browser/search-performance.test.ts (`npm test`) in Chromium throttled to 1.6 Mbps and 150 ms RTT; ' +
        'not measured by this script.',
      '',
      table(
        ['report section', 'pages', 'query', 'first query: KB / ms', 'next query: KB / ms'],
        input.search.map((s) => [
          s.section,
          s.pages === undefined ? '–' : int(s.pages),
          s.query,
          `${kib(s.firstBytes)} / ${int(s.firstMs)}`,
          `${kib(s.nextBytes)} / ${int(s.nextMs)}`,
        ]),
      ),
    );
  } else {
    out.push(
      'Not available: search bytes and latency come from tests/browser/search-performance.test.ts (`npm test`), which writes `.test-dist/reports/search.json`; run it, then `npm run bench` again.',
    );
  }
  out.push('');

  out.push(
    '## Every run',
    '',
    table(
      [
        'docs',
        'run',
        'ours: wall s',
        'CPU s',
        'largest process',
        'Pagefind step s',
        'after one edit: wall s',
        'Hugo: wall s',
        'CPU s',
        'Pagefind on Hugo: wall s',
        'CPU s',
        'largest process',
      ],
      sizes.flatMap((r) =>
        r.ours.runs.map((o, i) => {
          const h = r.hugo.runs[i];
          const cpu = (t: TimeResult) => sec(t.userSeconds + t.systemSeconds);
          return [
            int(r.docs),
            String(i + 1),
            sec(o.time.wallSeconds),
            cpu(o.time),
            rss(Math.max(o.time.maxRssKb, o.largestProcessKb ?? 0)),
            sec(o.pagefindSeconds ?? NaN),
            o.incremental ? sec(o.incremental.time.wallSeconds) : '–',
            h ? sec(h.hugo.wallSeconds) : '–',
            h ? cpu(h.hugo) : '–',
            h ? sec(h.pagefind.wallSeconds) : '–',
            h ? cpu(h.pagefind) : '–',
            h ? rss(h.pagefind.maxRssKb) : '–',
          ];
        }),
      ),
    ),
    '',
  );
  return out.join('\n');
}

// ---------------------------------------------------------------------------------------
// Federation (`npm run bench -- --federation`, issue 10 item 5): docs/benchmarks-federation.md

/** One generated town, built alone (cold) under its sub-path. */
export interface TownBuildRow {
  /** 1-based: the county's size once this town is built. */
  index: number;
  id: string;
  name: string;
  docs: number;
  /** HTML pages in its output. */
  pages: number;
  /** Writing its content root (not part of the build). */
  generateSeconds: number;
  time: TimeResult;
  /** Peak RSS of the largest process: /usr/bin/time and the /proc sampler, whichever is higher. */
  largestProcessKb: number;
  pagefindPeakKb?: number;
  pagefindSeconds?: number;
  /** 1-minute load average when the build finished. */
  load: number;
}

/** What a searching browser fetched, file by file (bytes on the wire). */
export interface Request {
  url: string;
  bytes: number;
  status: number;
}

export type SearchFileKind = 'runtime' | 'entry' | 'meta' | 'index' | 'filter' | 'fragment' | 'other';
export const SEARCH_FILE_KINDS: readonly SearchFileKind[] = ['runtime', 'entry', 'meta', 'index', 'filter', 'fragment', 'other'];

/**
 * Which site's search bundle a URL belongs to ('portal' for /pagefind/, the town base such as
 * '/zl/qingchuan/' for its bundle) and what kind of Pagefind file it is; undefined for anything
 * that is not search (pages, stylesheets, fonts). The portal's /search/trad.json (the
 * traditional-character table) counts as portal runtime.
 */
export function classifySearchRequest(url: string): { site: string; kind: SearchFileKind } | undefined {
  const { pathname } = new URL(url, 'http://x/');
  if (pathname === '/search/trad.json') return { site: 'portal', kind: 'runtime' };
  const m = /^(.*\/)pagefind\/(.*)$/.exec(pathname);
  if (!m) return undefined;
  const site = m[1] === '/' ? 'portal' : m[1]!;
  const file = m[2]!;
  const kind: SearchFileKind =
    file === 'pagefind-entry.json'
      ? 'entry'
      : file.endsWith('.pf_meta')
        ? 'meta'
        : file.endsWith('.pf_index')
          ? 'index'
          : file.endsWith('.pf_filter')
            ? 'filter'
            : file.endsWith('.pf_fragment')
              ? 'fragment'
              : /\.(m?js|css)$|^wasm\.|\.pagefind$/.test(file)
                ? 'runtime'
                : 'other';
  return { site, kind };
}

export interface TransferBreakdown {
  /** Search files only. */
  bytes: number;
  requests: number;
  /** Search bytes from the portal's own bundle (runtime, wasm, its own index). */
  portalBytes: number;
  /** Search bytes from the towns' bundles. */
  townBytes: number;
  /** Towns whose bundle was fetched from at all. */
  townsFetched: number;
  byKind: Record<SearchFileKind, { requests: number; bytes: number }>;
}

export function breakdownTransfers(requests: readonly Request[]): TransferBreakdown {
  const byKind = Object.fromEntries(SEARCH_FILE_KINDS.map((k) => [k, { requests: 0, bytes: 0 }])) as TransferBreakdown['byKind'];
  const towns = new Set<string>();
  const b: TransferBreakdown = { bytes: 0, requests: 0, portalBytes: 0, townBytes: 0, townsFetched: 0, byKind };
  for (const r of requests) {
    const c = classifySearchRequest(r.url);
    if (!c) continue;
    b.bytes += r.bytes;
    b.requests++;
    byKind[c.kind].requests++;
    byKind[c.kind].bytes += r.bytes;
    if (c.site === 'portal') b.portalBytes += r.bytes;
    else {
      b.townBytes += r.bytes;
      towns.add(c.site);
    }
  }
  b.townsFetched = towns.size;
  return b;
}

/** The first query of a fresh browser (empty cache) on the portal's /search/. */
export interface QueryRun {
  query: string;
  /** e.g. 'every town', 'one town'. */
  label: string;
  state: string;
  results: number;
  /** From navigating to /search/?q=… until the results (or "none") are shown, loopback, unthrottled. */
  ms: number;
  /** Every request of the navigation (the page itself included). */
  allRequests: number;
  transfer: TransferBreakdown;
}

export interface PortalRow {
  /** Towns merged into the portal's search. */
  towns: number;
  buildSeconds: number;
  buildPeakKb: number;
  queries: QueryRun[];
}

export interface FederationInput {
  machine: Machine;
  docs: number;
  requestedTowns: number;
  budgetMinutes: number;
  /** Town builds (generation included) ran this long, s. */
  townSeconds: number;
  /** Why no more towns were built. */
  stoppedBy: 'count' | 'budget';
  towns: TownBuildRow[];
  portals: PortalRow[];
}

/** The county sizes at which the portal is built and measured: 1, 2, 5, 10, 20 as reached, and the final size. */
export function checkpoints(built: number): number[] {
  const sizes = [1, 2, 5, 10, 20].filter((n) => n <= built);
  if (built > 0 && !sizes.includes(built)) sizes.push(built);
  return sizes;
}

export interface Spread {
  first: number;
  last: number;
  min: number;
  median: number;
  max: number;
  /** last / first − 1, e.g. 0.04 for +4 %. */
  drift: number;
}

export function spread(values: readonly number[]): Spread {
  if (values.length === 0) return { first: NaN, last: NaN, min: NaN, median: NaN, max: NaN, drift: NaN };
  const first = values[0]!;
  const last = values.at(-1)!;
  return { first, last, min: Math.min(...values), median: median(values), max: Math.max(...values), drift: last / first - 1 };
}

/**
 * Bytes each added town costs a query: the least-squares slope of bytes over the number of
 * towns (NaN with fewer than two sizes).
 */
export function growthPerTown(points: ReadonlyArray<{ towns: number; bytes: number }>): number {
  if (points.length < 2) return NaN;
  const mx = points.reduce((n, p) => n + p.towns, 0) / points.length;
  const my = points.reduce((n, p) => n + p.bytes, 0) / points.length;
  const sxx = points.reduce((n, p) => n + (p.towns - mx) ** 2, 0);
  return sxx === 0 ? NaN : points.reduce((n, p) => n + (p.towns - mx) * (p.bytes - my), 0) / sxx;
}

const change = (x: number) => (Number.isFinite(x) ? `${x >= 0 ? '+' : '−'}${Math.abs(x * 100).toFixed(0)} %` : '–');

export function renderFederationReport(input: FederationInput): string {
  const { machine: m, towns, portals } = input;
  const out: string[] = [];
  const wall = spread(towns.map((t) => t.time.wallSeconds));
  const mem = spread(towns.map((t) => t.largestProcessKb));
  const pf = spread(towns.flatMap((t) => (t.pagefindPeakKb === undefined ? [] : [t.pagefindPeakKb])));
  const labels = [...new Set(portals.flatMap((p) => p.queries.map((q) => q.label)))];
  const queryOf = (p: PortalRow, label: string) => p.queries.find((q) => q.label === label);

  out.push(
    '# 县级门户联合搜索基准 (federation benchmark)',
    '',
    `Written by \`npm run bench -- --federation\` (scripts/bench/run.ts, scripts/bench/federation.ts) on ${m.date.slice(0, 10)}. ` +
      'Do not edit by hand; run it again. The single-site benchmark is [benchmarks.md](benchmarks.md).',
    '',
    `Generated towns (scripts/bench/generate.ts \`--kind town\`, ${int(input.docs)} documents each, one seed per town) are built ` +
      'one after another, each alone under its own sub-path /zl/<id>/ with a cold content cache (`astro build --force`), as each ' +
      'town’s own CI would build it. At 1, 2, 5, 10 and 20 towns (as far as the county got) the portal is built over the first N towns ' +
      'from their output only, and one nginx serves the portal at / and the towns at /zl/<id>/ (the shipped location block per site). ' +
      'Chromium (a fresh context each time: empty cache) opens the portal’s /search/?q=… and the bytes on the wire of every search file ' +
      '(Pagefind runtime, wasm, each bundle’s entry, pf_meta, index chunks, filters and result fragments) are added up.',
    '',
    '## Machine',
    '',
    machineTable(m),
    '',
    'The machine may be shared with other work: the load average per build is in the last column of the town table.',
    '',
    '## How many towns fit',
    '',
    `${towns.length} of the ${input.requestedTowns} requested towns of ${int(input.docs)} documents were built in ${sec(input.townSeconds / 60)} min ` +
      `(budget ${input.budgetMinutes} min, generation included; ` +
      (input.stoppedBy === 'budget' ? 'stopped because the next town would not have fit in the budget' : 'all requested towns fit') +
      `). A town build does not depend on the others, so a county or province runs them in parallel on separate CI machines; ` +
      `on one machine, one after another, ${int(input.requestedTowns)} such towns would take about ${sec((input.requestedTowns * wall.median) / 60)} min.`,
    '',
    '## Per-town build: time and memory do not grow with the county',
    '',
    table(
      ['', 'first town', 'last town', 'min', 'median', 'max', 'last vs first'],
      [
        ['wall time, s', sec(wall.first), sec(wall.last), sec(wall.min), sec(wall.median), sec(wall.max), change(wall.drift)],
        ['largest process (peak RSS)', rss(mem.first), rss(mem.last), rss(mem.min), rss(mem.median), rss(mem.max), change(mem.drift)],
        ['Pagefind process (sampled)', rss(pf.first), rss(pf.last), rss(pf.min), rss(pf.median), rss(pf.max), change(pf.drift)],
      ],
    ),
    '',
    table(
      ['#', 'town', 'documents', 'HTML pages', 'generate, s', 'build wall, s', 'CPU, s', 'of which Pagefind, s', 'largest process', 'Pagefind peak', 'load'],
      towns.map((t) => [
        String(t.index),
        `${t.name} (${t.id})`,
        int(t.docs),
        int(t.pages),
        sec(t.generateSeconds),
        sec(t.time.wallSeconds),
        sec(t.time.userSeconds + t.time.systemSeconds),
        sec(t.pagefindSeconds ?? NaN),
        rss(t.largestProcessKb),
        rss(t.pagefindPeakKb ?? NaN),
        t.load.toFixed(2),
      ]),
    ),
    '',
    '## Portal: first query’s search bytes vs number of towns',
    '',
    'Bytes on the wire (headers + gzip bodies, from the DevTools protocol) of the search files the first query of an empty-cache ' +
      'browser fetches; “requests” counts those files. Time is from navigating to /search/?q=… until the results are shown, ' +
      'over loopback without throttling (so it is CPU: wasm start, decoding each town’s index, ranking), not a network estimate.',
    '',
  );
  for (const label of labels) {
    const rows = portals.flatMap((p) => {
      const q = queryOf(p, label);
      return q ? [{ p, q }] : [];
    });
    const slope = growthPerTown(rows.map(({ p, q }) => ({ towns: p.towns, bytes: q.transfer.bytes })));
    const q0 = rows[0]?.q;
    out.push(
      `### ${q0 ? `“${q0.query}”` : label} (${label})`,
      '',
      table(
        [
          'towns',
          'results',
          'search KB',
          'requests',
          'portal bundle KB (runtime, wasm, own index)',
          'town bundles KB',
          'towns fetched',
          'entry + pf_meta KB',
          'index chunks KB (files)',
          'fragments KB (files)',
          'ms to results',
          'KB per added town (vs 1 town)',
        ],
        rows.map(({ p, q }) => {
          const t = q.transfer;
          const first = rows[0]!;
          const perTown = p.towns > first.p.towns ? kib((t.bytes - first.q.transfer.bytes) / (p.towns - first.p.towns)) : '–';
          return [
            int(p.towns),
            q.state === 'done' ? int(q.results) : q.state,
            kib(t.bytes),
            int(t.requests),
            kib(t.portalBytes),
            kib(t.townBytes),
            int(t.townsFetched),
            kib(t.byKind.entry.bytes + t.byKind.meta.bytes),
            `${kib(t.byKind.index.bytes)} (${t.byKind.index.requests})`,
            `${kib(t.byKind.fragment.bytes)} (${t.byKind.fragment.requests})`,
            int(Math.round(q.ms)),
            perTown,
          ];
        }),
      ),
      '',
      `Growth: ${Number.isFinite(slope) ? `${kib(slope)} KB per added town (least-squares slope over the sizes measured)` : 'needs two sizes'}.`,
      '',
    );
  }
  out.push('## Interpretation', '', ...interpretation(input), '');
  out.push(
    '## Portal build',
    '',
    table(
      ['towns', 'build wall, s', 'largest process'],
      portals.map((p) => [int(p.towns), sec(p.buildSeconds), rss(p.buildPeakKb)]),
    ),
    '',
  );
  return out.join('\n');
}

/** The report's reading of its own numbers, one bullet each; nothing here is typed in by hand. */
export function interpretation(input: FederationInput): string[] {
  const { towns, portals } = input;
  if (towns.length === 0) return ['- No town was built.'];
  const wall = spread(towns.map((t) => t.time.wallSeconds));
  const mem = spread(towns.map((t) => t.largestProcessKb));
  const loads = towns.map((t) => t.load);
  const lines: string[] = [];
  const memFlat = mem.max / mem.min <= 1.15;
  lines.push(
    `- **Memory per town build**: the largest process peaked between ${rss(mem.min)} and ${rss(mem.max)} over ${towns.length} towns ` +
      `(first ${rss(mem.first)}, last ${rss(mem.last)}, ${change(mem.drift)}). ` +
      (memFlat
        ? 'It does not grow with the county: a town build reads only its own content root, so its memory depends on the town’s size, not on how many towns there are.'
        : 'It varies more than 15 % between towns; the towns are the same size, so look at the per-town table (load, Pagefind peak) before reading a trend into it.'),
    `- **Time per town build**: ${sec(wall.min)}–${sec(wall.max)} s (median ${sec(wall.median)} s, last vs first ${change(wall.drift)}), ` +
      `with the 1-minute load average between ${Math.min(...loads).toFixed(2)} and ${Math.max(...loads).toFixed(2)} on ${input.machine.cores} cores: ` +
      'differences follow the machine’s load, not the number of towns already built (nothing of theirs is read).',
  );
  const labels = [...new Set(portals.flatMap((p) => p.queries.map((q) => q.label)))];
  for (const label of labels) {
    const rows = portals.flatMap((p) => p.queries.filter((q) => q.label === label).map((q) => ({ towns: p.towns, q })));
    if (rows.length === 0) continue;
    const first = rows[0]!;
    const last = rows.at(-1)!;
    const t = last.q.transfer;
    const perTownMeta = t.townsFetched > 0 ? (t.byKind.entry.bytes + t.byKind.meta.bytes) / t.townsFetched : NaN;
    const slope = growthPerTown(rows.map((r) => ({ towns: r.towns, bytes: r.q.transfer.bytes })));
    lines.push(
      `- **“${last.q.query}” (${label})**: ${kib(first.q.transfer.bytes)} KB with ${first.towns} town${first.towns === 1 ? '' : 's'}, ` +
        `${kib(t.bytes)} KB in ${t.requests} requests with ${last.towns}` +
        (Number.isFinite(slope) ? `: about ${kib(slope)} KB more per added town` : '') +
        `. The portal’s part (Pagefind runtime, wasm, the portal’s own index) stays at ${kib(t.portalBytes)} KB: it loads once. ` +
        `Each merged town costs its pagefind-entry.json and pf_meta (${kib(perTownMeta)} KB per town here) plus the chunk(s) of its own index ` +
        `that would hold the term's words (${int(t.byKind.index.requests)} index chunks, ${kib(t.byKind.index.bytes)} KB, from ${t.townsFetched} towns)` +
        (label.startsWith('one town') ? ', even in towns that do not contain the term: Pagefind searches every merged index.' : '.'),
    );
  }
  if (portals.length > 0) {
    lines.push(
      '- **Keeping the growth small**: with `mergeIndex` every merged town is searched, so each one’s entry, pf_meta and index chunk(s) ' +
        'are fetched for the first query; the result fragments (only for the results shown) do not grow with the county. ' +
        'Smaller growth would need fewer indexes per query (e.g. loading only the town chosen in the 镇（街道） filter) or smaller chunks; ' +
        'neither is done or measured here.',
    );
  }
  if (input.stoppedBy === 'budget') {
    lines.push(
      `- **Scale**: ${towns.length} of ${input.requestedTowns} towns fit in ${input.budgetMinutes} min on this machine, one after another. ` +
        'Towns do not share anything at build time, so per-town CI builds run in parallel and the county’s total is one town’s time.',
    );
  }
  return lines;
}
