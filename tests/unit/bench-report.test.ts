/**
 * The benchmark's arithmetic and report (scripts/bench/report.ts) and its command runner
 * (scripts/bench/run.ts `measure`): real `/usr/bin/time -v` and `astro build` output is read
 * correctly, medians and target verdicts say what the issue asks, and the Markdown is a table a
 * reader can trust.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  breakdownTransfers,
  checkpoints,
  classifySearchRequest,
  growthPerTown,
  interpretation,
  median,
  renderFederationReport,
  spread,
  type FederationInput,
  type QueryRun,
  type TownBuildRow,
  parseAstroPhases,
  parseElapsed,
  parsePagefindStep,
  parseTimeOutput,
  renderReport,
  searchRows,
  summarize,
  TARGET_PEAK_KB,
  verdicts,
  type Machine,
  type SizeResult,
  type TimeResult,
} from '../../scripts/bench/report';
import { measure } from '../../scripts/bench/measure';

// Captured from `/usr/bin/time -v -o t.txt node_modules/.bin/astro build --force` (GNU time 1.9).
const ASTRO_TIME = `\tCommand being timed: "node_modules/.bin/astro build --force"
\tUser time (seconds): 11.95
\tSystem time (seconds): 1.18
\tPercent of CPU this job got: 128%
\tElapsed (wall clock) time (h:mm:ss or m:ss): 0:10.19
\tAverage shared text size (kbytes): 0
\tAverage unshared data size (kbytes): 0
\tAverage stack size (kbytes): 0
\tAverage total size (kbytes): 0
\tMaximum resident set size (kbytes): 544308
\tAverage resident set size (kbytes): 0
\tMajor (requiring I/O) page faults: 5
\tMinor (reclaiming a frame) page faults: 190676
\tVoluntary context switches: 18153
\tInvoluntary context switches: 6512
\tSwaps: 0
\tFile system inputs: 41976
\tFile system outputs: 14960
\tSocket messages sent: 0
\tSocket messages received: 0
\tSignals delivered: 0
\tPage size (bytes): 4096
\tExit status: 0
`;

// Excerpt of that build's log (the per-route lines left out).
const ASTRO_LOG = `03:33:37 [WARN] [content] data store cleared (force)
03:33:38 [content] Syncing content
03:33:40 [content] Synced content
03:33:40 [types] Generated 1.98s
03:33:40 [build] output: "static"
03:33:40 [build] directory: /tmp/bx/d100/
03:33:40 [build] Collecting build info...
03:33:40 [build] ✓ Completed in 2.21s.
03:33:40 [build] Building static entrypoints...
03:33:43 [vite] ✓ built in 2.79s
03:33:43 [build] ✓ Completed in 2.83s.

 building client (vite) 
03:33:43 [vite] transforming...
03:33:43 [vite] ✓ 16 modules transformed.
03:33:44 [vite] ✓ built in 1.05s

 generating static routes 
03:33:44 ▶ src/town/pages/404.astro
03:33:44   └─ /404.html (+105ms) 
03:33:44 ✓ Completed in 618ms.

03:33:44 [@astrojs/sitemap] \`sitemap-index.xml\` created at \`../../tmp/bx/d100\`
03:33:46 [gongkailan:search-index] Pagefind: indexed 112 pages in 1396 ms; 489 traditional characters mapped
03:33:46 [build] 135 page(s) built in 8.16s
03:33:46 [build] Complete!
`;

const time = (wallSeconds: number, maxRssKb: number): TimeResult => ({ wallSeconds, maxRssKb, userSeconds: wallSeconds, systemSeconds: 0, exitStatus: 0 });
const weight = (page: string) => ({ page, html: 3000, css: 2000, js: 500 });
const GIB = 1024 * 1024;

function sizeResult(docs: number, ours: number[], hugo: number[], pagefind: number[], oursRssKb = 3 * GIB): SizeResult {
  const output = { files: 10, bytes: 2 * 1024 * 1024, searchFiles: 4, searchBytes: 1024 * 1024 };
  return {
    docs,
    ours: {
      runs: ours.map((s) => ({
        time: time(s, oursRssKb),
        pagefindSeconds: s / 4,
        pagefindPeakKb: GIB,
        treePeakKb: oursRssKb + GIB,
        phases: [{ label: 'Pagefind', seconds: s / 4 }],
      })),
      output,
      pages: docs + 30,
      article: weight('legal/bench-00002/index.html'),
      index: weight('legal/index.html'),
    },
    hugo: {
      runs: hugo.map((s, i) => ({ hugo: time(s, 80 * 1024), pagefind: time(pagefind[i]!, 2 * GIB) })),
      output,
      pages: docs + 2,
      article: weight('posts/bench-00002/index.html'),
      index: weight('posts/index.html'),
    },
  };
}

const machine: Machine = {
  cpu: 'AMD EPYC',
  cores: 2,
  ramBytes: 24 * 1024 ** 3,
  node: 'v20.20.2',
  astro: '5.18.2',
  pagefind: '1.6.0 (extended binary)',
  hugo: 'v0.111.3+extended',
  date: '2026-12-02T03:40:00.000Z',
  loadBefore: 0.5,
  loadAfter: 1.25,
};

describe('reading /usr/bin/time -v', () => {
  it('reads wall time, peak RSS, CPU time and exit status from a captured report', () => {
    expect(parseTimeOutput(ASTRO_TIME)).toEqual({ wallSeconds: 10.19, maxRssKb: 544308, userSeconds: 11.95, systemSeconds: 1.18, exitStatus: 0 });
  });

  it('reads both elapsed forms: m:ss.ss under an hour, h:mm:ss from an hour on', () => {
    expect(parseElapsed('0:00.24')).toBeCloseTo(0.24);
    expect(parseElapsed('2:05.50')).toBeCloseTo(125.5);
    expect(parseElapsed('12:03.07')).toBeCloseTo(723.07);
    expect(parseElapsed('1:02:03')).toBe(3723);
    const hourLong = ASTRO_TIME.replace('0:10.19', '1:00:07');
    expect(parseTimeOutput(hourLong).wallSeconds).toBe(3607);
    expect(() => parseElapsed('10.19')).toThrow(/elapsed/);
  });

  it('still reads a failed command, and refuses output that is not a time report', () => {
    const failed = `Command exited with non-zero status 1\n${ASTRO_TIME.replace('Exit status: 0', 'Exit status: 1')}`;
    expect(parseTimeOutput(failed)).toMatchObject({ wallSeconds: 10.19, exitStatus: 1 });
    expect(() => parseTimeOutput('real 0m1.0s')).toThrow(/Elapsed/);
  });
});

describe('reading the build log', () => {
  it('takes the Pagefind step from the search-index integration’s own line', () => {
    expect(parsePagefindStep(ASTRO_LOG)).toEqual({ pages: 112, seconds: 1.396 });
    expect(parsePagefindStep('\x1b[34m[gongkailan:search-index]\x1b[39m Pagefind: indexed 5000 pages in 46012 ms')).toEqual({ pages: 5000, seconds: 46.012 });
    expect(parsePagefindStep('Pagefind: indexed 5012 pages in 50123 ms (2 bundle(s)); 492 traditional characters mapped')).toEqual({
      pages: 5012,
      seconds: 50.123,
    });
    expect(parsePagefindStep('[build] Complete!')).toBeUndefined();
  });

  it('splits the build into Astro’s logged steps, in order, counting neither the content sync nor the SSR bundle twice', () => {
    expect(parseAstroPhases(ASTRO_LOG)).toEqual([
      { label: 'content sync + types', seconds: 1.98 },
      { label: 'other set-up (hooks, routes, Vite)', seconds: expect.closeTo(0.23) },
      { label: 'building static entrypoints', seconds: 2.83 },
      { label: 'client bundle', seconds: 1.05 },
      { label: 'generating static routes', seconds: 0.618 },
      { label: 'Pagefind', seconds: 1.396 },
    ]);
  });
});

describe('summaries and targets', () => {
  it('takes medians of odd and even counts', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([10, 30])).toBe(20);
    expect(median([5, 1, 9, 7])).toBe(6);
    expect(median([])).toBeNaN();
  });

  it('compares medians of the alternated runs; memory is the worst run', () => {
    const r = sizeResult(5000, [150, 130], [5, 6], [50, 55]);
    r.ours.runs[0]!.time.maxRssKb = 4 * GIB;
    const s = summarize(r);
    expect(s.oursTotal).toBe(140);
    expect(s.hugoPlusPagefind).toBe(58); // median of 55 and 61
    expect(s.ratio).toBeCloseTo(140 / 58);
    expect(s.oursPagefind).toBe(35);
    expect(s.oursPeakKb).toBe(4 * GIB);
  });

  it('counts Pagefind’s service process, which /usr/bin/time cannot see, in the largest process', () => {
    const r = sizeResult(5000, [150, 130], [5, 6], [50, 55], 2 * GIB);
    r.ours.runs[1]!.largestProcessKb = 5.25 * GIB; // the sampled pagefind_extended peak
    const s = summarize(r);
    expect(s.oursTimeRssKb).toBe(2 * GIB);
    expect(s.oursPeakKb).toBe(5.25 * GIB);
    expect(verdicts(s)[1]).toMatchObject({ met: false, detail: '5.25 GiB — missed by 768 MiB (17 %)' });
  });

  /** Gives every run of ours a rebuild-after-one-edit of these seconds. */
  const withIncremental = (r: SizeResult, seconds: number[]) => {
    r.ours.runs.forEach(
      (run, i) =>
        (run.incremental = { time: time(seconds[i]!, GIB), pagefindSeconds: seconds[i]! / 2, phases: [{ label: 'Pagefind', seconds: seconds[i]! / 2 }] }),
    );
    return r;
  };

  it('says which targets are missed and by how much', () => {
    const missed = verdicts(summarize(withIncremental(sizeResult(5000, [150, 130], [5, 6], [50, 55], 5 * GIB), [90, 100])));
    expect(missed.map((v) => v.target)).toEqual([
      'cold build + index ≤ 1.00× Hugo + Pagefind',
      'peak memory of the largest process < 4.5 GB',
      'rebuild after one edit ≤ ½ cold build',
    ]);
    expect(missed.map((v) => v.met)).toEqual([false, false, false]);
    expect(missed[0]!.detail).toBe('2.41× (140.0 s vs 58.0 s; limit 58.0 s) — missed by 82.0 s (141 %)');
    expect(missed[1]!.detail).toBe('5.00 GiB — missed by 512 MiB (11 %)');
    expect(missed[2]!.detail).toBe('95.0 s vs 140.0 s cold (limit 70.0 s) — missed by 25.0 s (36 %)');

    const met = verdicts(summarize(withIncremental(sizeResult(5000, [50, 54], [5, 5], [50, 50], TARGET_PEAK_KB - 1024), [20, 30])));
    expect(met.map((v) => v.met)).toEqual([true, true, true]);
    expect(met[0]!.detail).toBe('0.95× (52.0 s vs 55.0 s; limit 55.0 s)');
    expect(met[2]!.detail).toBe('25.0 s vs 52.0 s cold (limit 26.0 s)');
    expect(verdicts(summarize(sizeResult(5000, [100], [5], [50])))[2]).toMatchObject({ met: false, detail: 'not measured in this run' });
  });

  it('holds 1,000 documents to 1.5× and sets no ratio for a size the issue does not name', () => {
    const thousand = verdicts(summarize(sizeResult(1000, [20, 22], [1, 1], [7, 7])));
    expect(thousand[0]).toMatchObject({ target: 'cold build + index ≤ 1.50× Hugo + Pagefind', met: false });
    expect(thousand[0]!.detail).toBe('2.63× (21.0 s vs 8.0 s; limit 12.0 s) — missed by 9.0 s (75 %)');
    expect(verdicts(summarize(sizeResult(1000, [11, 12], [1, 1], [7, 7])))[0]!.met).toBe(true);
    expect(verdicts(summarize(sizeResult(2000, [20], [1], [7]))).map((v) => v.target)).toEqual([
      'peak memory of the largest process < 4.5 GB',
      'rebuild after one edit ≤ ½ cold build',
    ]);
  });
});

describe('search numbers from the browser test', () => {
  it('reads the sections that have a first and a next query, and ignores the rest', () => {
    const m = (query: string, searchBytes: number, msToResults: number) => ({
      query,
      fixedBytes: 90_000,
      results: 3,
      searchBytes,
      totalBytes: searchBytes + 9000,
      requests: 7,
      msToResults,
    });
    const report = {
      'performance.sample': { first: m('宅基地', 120_000, 1800), next: m('调解', 9000, 400), unquoted: m('宅基地', 1, 1) },
      'performance.generated5000': { pages: 5000, first: m('宅基地', 240_000, 2600), next: m('调解', 30_000, 700), unquoted: m('宅基地', 1, 1) },
      relevance: { queries: 121 },
    };
    expect(searchRows(report)).toEqual([
      { section: 'performance.sample', query: '宅基地', firstBytes: 120_000, firstMs: 1800, nextBytes: 9000, nextMs: 400 },
      { section: 'performance.generated5000', pages: 5000, query: '宅基地', firstBytes: 240_000, firstMs: 2600, nextBytes: 30_000, nextMs: 700 },
    ]);
    expect(searchRows(null)).toEqual([]);
  });
});

describe('the Markdown report', () => {
  const tableRows = (md: string, heading: string) => {
    const section = md.split(`## ${heading}`)[1]!.split('\n## ')[0]!;
    return section.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| ---'));
  };

  it('puts the headline ratio, the machine, the verdicts and every run in the report', () => {
    const md = renderReport({
      machine,
      seed: 1,
      runs: 2,
      sizes: [sizeResult(1000, [40, 44], [1, 1.2], [7, 7.4]), sizeResult(5000, [150, 130], [5, 6], [50, 55])],
    });
    const headline = tableRows(md, 'Build time');
    expect(headline).toHaveLength(3);
    expect(headline[1]).toBe('| 1,000 | 42.0 | 10.5 | 1.1 | 7.2 | 8.3 | **5.06×** |');
    expect(headline[2]).toBe('| 5,000 | 140.0 | 35.0 | 5.5 | 52.5 | 58.0 | **2.41×** |');
    expect(md).toContain('| CPU | AMD EPYC, 2 cores |');
    expect(md).toContain('| Load average (1 min) before / after | 0.50 / 1.25 |');
    expect(md).toContain(
      '- 5,000 docs — ✗ **not met**: cold build + index ≤ 1.00× Hugo + Pagefind — 2.41× (140.0 s vs 58.0 s; limit 58.0 s) — missed by 82.0 s (141 %)',
    );
    expect(md).toContain(
      '- 1,000 docs — ✗ **not met**: cold build + index ≤ 1.50× Hugo + Pagefind — 5.06× (42.0 s vs 8.3 s; limit 12.5 s) — missed by 29.5 s (237 %)',
    );
    expect(md).toContain('- 1,000 docs — ✓ met: peak memory of the largest process < 4.5 GB');
    expect(tableRows(md, 'Every run')).toHaveLength(1 + 4);
    expect(md).not.toContain('## Incremental rebuild');
    expect(tableRows(md, 'Page weight')[1]).toBe(
      '| 1,000 | typical article | legal/bench-00002/index.html | 2.9 | 2.0 | 0.5 | 5.4 | posts/bench-00002/index.html | 2.9 | 2.0 | 0.5 | 5.4 |',
    );
    // Every table row has as many cells as its header.
    for (const block of md.split('\n\n').filter((b) => b.startsWith('| '))) {
      const cells = block
        .trim()
        .split('\n')
        .map((l) => l.split('|').length);
      expect(new Set(cells).size, block).toBe(1);
    }
  });

  it('reports the rebuild after one edit with its steps, next to the cold build', () => {
    const r = sizeResult(5000, [150, 130], [5, 6], [50, 55]);
    r.ours.runs.forEach(
      (run, i) =>
        (run.incremental = {
          time: time([80, 90][i]!, GIB),
          phases: [
            { label: 'content sync + types', seconds: 2 },
            { label: 'Pagefind', seconds: [40, 44][i]! },
          ],
        }),
    );
    const md = renderReport({ machine, seed: 1, runs: 2, sizes: [r] });
    expect(tableRows(md, 'Incremental rebuild')).toEqual([
      '| docs | cold wall | incremental wall | incremental / cold | content sync + types | Pagefind |',
      '| 5,000 | 140.0 | 85.0 | 0.61× | 2.0 | 42.0 |',
    ]);
    expect(md).toContain(
      '- 5,000 docs — ✗ **not met**: rebuild after one edit ≤ ½ cold build — 85.0 s vs 140.0 s cold (limit 70.0 s) — missed by 15.0 s (21 %)',
    );
    expect(tableRows(md, 'Every run')[1]).toContain('| 150.0 | ');
    expect(tableRows(md, 'Every run')[1]).toContain('| 80.0 |');
  });

  it('says whether every page kept its budget at each size, and shows the heaviest page per template', () => {
    const worst = { template: '普法文章', pages: 1000, page: 'legal/bench-00010/index.html', total: 10_240, js: 600, budget: 15 * 1024, jsBudget: 3 * 1024 };
    const ok = sizeResult(1000, [40, 44], [1, 1.2], [7, 7.4]);
    ok.budgets = { pages: 1158, unmatched: [], over: [], worst: [worst] };
    const bad = sizeResult(5000, [150, 130], [5, 6], [50, 55]);
    bad.budgets = {
      pages: 5679,
      unmatched: ['legal/x/y/z/index.html'],
      over: [{ ...worst, page: 'legal/index.html', total: 20 * 1024, budget: 14 * 1024 }],
      worst: [worst],
    };
    const md = renderReport({ machine, seed: 1, runs: 2, sizes: [ok, bad] });
    expect(md).toContain('- ✓ met: every page within its template’s gzipped budget at 1,000 documents — 1,158 pages checked');
    expect(md).toContain(
      '- ✗ **not met**: every page within its template’s gzipped budget at 5,000 documents — 5,679 pages checked; over: legal/index.html 20.0 KB > 14.0 KB; no budget for legal/x/y/z/index.html',
    );
    expect(tableRows(md, 'Page budgets')[1]).toBe('| 1,000 | 普法文章 | 1,000 | legal/bench-00010/index.html | 10.0 | 15.0 | 0.6 | 3.0 |');
  });

  it('says when 5,000 was not measured and where search numbers come from', () => {
    const md = renderReport({ machine, seed: 1, runs: 2, sizes: [sizeResult(300, [20, 22], [0.3, 0.3], [2, 2])] });
    expect(md).toContain('- 5,000 docs — not measured: not among the sizes of this run (300).');
    expect(md).toContain('- 1,000 docs — not measured: not among the sizes of this run (300).');
    expect(md).toMatch(/search bytes and latency come from tests\/browser\/search-performance\.test\.ts \(`npm test`\)/);
  });
});

describe.skipIf(!fs.existsSync('/usr/bin/time'))('measure', () => {
  it('reports the wall time and the peak of the largest process, a grandchild included', async () => {
    // A parent that stays small and a child that holds 200 MiB for a second.
    const child = 'const b = Buffer.alloc(200 * 1024 * 1024, 1); setTimeout(() => console.log(b.length), 1000);';
    const parent = `const r = require('node:child_process').spawnSync(process.execPath, ['-e', ${JSON.stringify(child)}], { stdio: 'inherit' }); process.exit(r.status);`;
    const m = await measure(process.execPath, ['-e', parent], { BENCH_TEST: 'yes' });
    expect(m.exitStatus).toBe(0);
    expect(m.stdout.trim()).toBe(String(200 * 1024 * 1024));
    expect(m.wallSeconds).toBeGreaterThanOrEqual(1);
    expect(m.maxRssKb).toBeGreaterThan(200 * 1024);
    // The sampler saw both node processes, the child at its full size.
    const nodes = m.processes.filter((p) => p.name === 'node');
    expect(nodes.length).toBeGreaterThanOrEqual(2);
    expect(Math.max(...nodes.map((p) => p.peakKb))).toBeGreaterThan(200 * 1024);
    expect(m.treePeakKb).toBeGreaterThan(200 * 1024);
  });

  it('rejects with the command’s output when it fails', async () => {
    await expect(measure(process.execPath, ['-e', 'console.error("boom"); process.exit(3)'])).rejects.toThrow(/exited with 3[\s\S]*boom/);
  });
});

describe('the federation report (npm run bench -- --federation)', () => {
  const U = 'http://127.0.0.1:8080';
  it('classifies search files by site and kind, and ignores everything else', () => {
    expect(classifySearchRequest(`${U}/pagefind/pagefind.js`)).toEqual({ site: 'portal', kind: 'runtime' });
    expect(classifySearchRequest(`${U}/pagefind/wasm.zh.pagefind`)).toEqual({ site: 'portal', kind: 'runtime' });
    expect(classifySearchRequest(`${U}/search/trad.json`)).toEqual({ site: 'portal', kind: 'runtime' });
    expect(classifySearchRequest(`${U}/zl/qingchuan/pagefind/pagefind-entry.json`)).toEqual({ site: '/zl/qingchuan/', kind: 'entry' });
    expect(classifySearchRequest(`${U}/zl/qingchuan/pagefind/pagefind.zh_abc.pf_meta`)).toEqual({ site: '/zl/qingchuan/', kind: 'meta' });
    expect(classifySearchRequest(`${U}/zl/shiqiao/pagefind/index/zh_1.pf_index`)?.kind).toBe('index');
    expect(classifySearchRequest(`${U}/zl/shiqiao/pagefind/filter/zh_1.pf_filter`)?.kind).toBe('filter');
    expect(classifySearchRequest(`${U}/zl/shiqiao/pagefind/fragment/zh_1.pf_fragment`)?.kind).toBe('fragment');
    expect(classifySearchRequest(`${U}/search/?q=x`)).toBeUndefined();
    expect(classifySearchRequest(`${U}/_astro/app.css`)).toBeUndefined();
  });

  it('adds up bytes per site and kind, counting the towns fetched from', () => {
    const b = breakdownTransfers([
      { url: `${U}/search/?q=x`, bytes: 5000, status: 200 },
      { url: `${U}/pagefind/pagefind.js`, bytes: 10_000, status: 200 },
      { url: `${U}/pagefind/wasm.zh.pagefind`, bytes: 60_000, status: 200 },
      { url: `${U}/zl/a/pagefind/pagefind-entry.json`, bytes: 300, status: 200 },
      { url: `${U}/zl/a/pagefind/index/zh_1.pf_index`, bytes: 20_000, status: 200 },
      { url: `${U}/zl/b/pagefind/index/zh_1.pf_index`, bytes: 30_000, status: 200 },
    ]);
    expect(b).toMatchObject({ bytes: 120_300, requests: 5, portalBytes: 70_000, townBytes: 50_300, townsFetched: 2 });
    expect(b.byKind.index).toEqual({ requests: 2, bytes: 50_000 });
    expect(b.byKind.runtime).toEqual({ requests: 2, bytes: 70_000 });
  });

  it('measures the portal at 1, 2, 5, 10, 20 towns as reached, and at the final size', () => {
    expect(checkpoints(20)).toEqual([1, 2, 5, 10, 20]);
    expect(checkpoints(12)).toEqual([1, 2, 5, 10, 12]);
    expect(checkpoints(3)).toEqual([1, 2, 3]);
    expect(checkpoints(0)).toEqual([]);
  });

  it('spread and growth per town', () => {
    expect(spread([10, 30, 20, 11])).toEqual({ first: 10, last: 11, min: 10, median: 15.5, max: 30, drift: expect.closeTo(0.1, 10) });
    expect(
      growthPerTown([
        { towns: 1, bytes: 100 },
        { towns: 2, bytes: 150 },
        { towns: 5, bytes: 300 },
      ]),
    ).toBeCloseTo(50, 10);
    expect(growthPerTown([{ towns: 1, bytes: 100 }])).toBeNaN();
  });

  const town = (index: number, wall: number, kb: number): TownBuildRow => ({
    index,
    id: `t${index}`,
    name: `镇${index}`,
    docs: 2000,
    pages: 2065,
    generateSeconds: 0.6,
    time: time(wall, kb),
    largestProcessKb: kb,
    pagefindPeakKb: kb,
    pagefindSeconds: 15,
    load: 1.5,
  });
  const query = (label: string, q: string, bytes: number, towns: number): QueryRun => ({
    query: q,
    label,
    state: 'done',
    results: 10,
    ms: 800,
    allRequests: 30,
    transfer: breakdownTransfers([
      { url: `${U}/pagefind/wasm.zh.pagefind`, bytes: 80_000, status: 200 },
      ...Array.from({ length: towns }, (_, i) => ({ url: `${U}/zl/t${i}/pagefind/index/zh_1.pf_index`, bytes: (bytes - 80_000) / towns, status: 200 })),
    ]),
  });
  const input: FederationInput = {
    machine,
    docs: 2000,
    requestedTowns: 20,
    budgetMinutes: 20,
    townSeconds: 600,
    stoppedBy: 'budget',
    towns: [town(1, 50, 2.1 * GIB), town(2, 48, 2.08 * GIB), town(3, 60, 2.12 * GIB)],
    portals: [1, 2, 3].map((n) => ({
      towns: n,
      buildSeconds: 5,
      buildPeakKb: 500 * 1024,
      queries: [query('every town', '矛盾纠纷', 80_000 + n * 100 * 1024, n), query('one town: 镇1', '镇', 80_000 + n * 90 * 1024, n)],
    })),
  };

  it('renders the town table, the spread, the bytes per number of towns and why it stopped', () => {
    const md = renderFederationReport(input);
    expect(md).toContain('3 of the 20 requested towns of 2,000 documents');
    expect(md).toContain('stopped because the next town would not have fit');
    expect(md).toMatch(/\| largest process \(peak RSS\) \| 2\.10 GiB \| 2\.12 GiB \| 2\.08 GiB \| 2\.10 GiB \| 2\.12 GiB \| \+1 % \|/);
    expect(md).toMatch(/\| 3 \| 镇3 \(t3\) \| 2,000 \| 2,065 \|/);
    expect(md).toContain('### “矛盾纠纷” (every town)');
    // 80,000 B + 3 × 100 KiB; 100 KiB per added town.
    expect(md).toMatch(/\| 3 \| 10 \| 378\.1 \| 4 \| 78\.1 \| 300\.0 \| 3 \|.*\| 800 \| 100\.0 \|/);
    expect(md).toContain('Growth: 100.0 KB per added town');
    // Every table row has as many cells as its header.
    for (const block of md
      .split(/\n(?!\|)/)
      .map((b) => b.split('\n').filter((l) => l.startsWith('|')))
      .filter((b) => b.length > 0)) {
      for (const line of block) expect(line.split(' | ').length).toBe(block[0]!.split(' | ').length);
    }
  });

  it('interprets flat memory as flat and says when memory varies', () => {
    expect(interpretation(input).join('\n')).toMatch(/does not grow with the county/);
    const noisy = { ...input, towns: [town(1, 50, 1 * GIB), town(2, 50, 2 * GIB)] };
    expect(interpretation(noisy).join('\n')).toMatch(/varies more than 15 %/);
    expect(interpretation({ ...input, towns: [] })).toEqual(['- No town was built.']);
  });
});
