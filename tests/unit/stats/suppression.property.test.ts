/**
 * Property tests (fast-check): on random small 2-D and 3-D tables — 2 to 5 values per
 * dimension, counts 0–30 with many small ones, random margin groupings and thresholds — the
 * aggregation's output always passes the audit `npm run check` runs: no hidden value can be
 * worked out within less than the threshold, no small count is published, totals are the
 * true margins. Also, independently of the LP solver: no published total covers exactly one
 * hidden cell, or hidden cells adding up to less than the threshold.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Locator, type SheetRow } from '../../../src/lib/spreadsheet/sheet';
import type { Dataset } from '../../../src/lib/schemas/dataset';
import { aggregate } from '../../../src/lib/stats/aggregate';
import { auditSuppression, checkTotalsAgree, coveredRows, unsuppressedSmallCounts } from '../../../src/lib/stats/audit';
import type { RawTable } from '../../../src/lib/stats/raw';
import { META } from './helpers';

const KEYS = ['a', 'b', 'c'];

/** Many small counts: a quarter zeros, 45 % in 1–4, the rest 5–30. */
const count = fc.oneof(
  { weight: 25, arbitrary: fc.constant(0) },
  { weight: 45, arbitrary: fc.integer({ min: 1, max: 4 }) },
  { weight: 30, arbitrary: fc.integer({ min: 5, max: 30 }) },
);

function table(dims: 2 | 3) {
  return fc
    .tuple(fc.array(fc.integer({ min: 2, max: 5 }), { minLength: dims, maxLength: dims }), fc.integer({ min: 2, max: 6 }))
    .chain(([shape, threshold]) => {
      const cells = shape.reduce((a, b) => a * b, 1);
      const all = dims === 2 ? [[0], [1], []] : [[0], [1], [2], [0, 1], [0, 2], [1, 2], []];
      return fc.record({
        shape: fc.constant(shape),
        threshold: fc.constant(threshold),
        counts: fc.array(count, { minLength: cells, maxLength: cells }),
        groupings: fc.subarray(all, { minLength: 1 }),
      });
    });
}

type Table = { shape: number[]; threshold: number; counts: number[]; groupings: number[][] };

/** The raw records of a table: one record per counted case. */
function rawOf(t: Table): RawTable {
  const header: SheetRow = { row: 1, line: 1, cells: KEYS.slice(0, t.shape.length).map((k) => k.toUpperCase()) };
  const records: SheetRow[] = [];
  t.counts.forEach((n, i) => {
    const coords: string[] = [];
    let rest = i;
    for (let d = t.shape.length - 1; d >= 0; d--) {
      coords[d] = `v${rest % t.shape[d]!}`;
      rest = Math.floor(rest / t.shape[d]!);
    }
    for (let k = 0; k < n; k++) records.push({ row: records.length + 2, line: records.length + 2, cells: coords });
  });
  const locator = new Locator({ file: 'raw.csv', format: 'csv', sheets: [{ name: 'CSV', rows: [header, ...records] }] });
  return { locator, sheet: 'CSV', header, records };
}

function configOf(t: Table) {
  const keys = KEYS.slice(0, t.shape.length);
  return {
    dataset: META,
    threshold: t.threshold,
    dimensions: keys.map((k, d) => ({
      key: k,
      label: k,
      type: 'category',
      column: k.toUpperCase(),
      values: Array.from({ length: t.shape[d]! }, (_, i) => `v${i}`),
    })),
    measures: [{ key: 'count', label: '件数', type: 'count' }],
    totals: t.groupings.map((g) => g.map((d) => keys[d]!)),
  };
}

function checkOutput(t: Table): Dataset {
  const result = aggregate({ config: configOf(t), configFile: 'p.config.json', raw: rawOf(t), villages: [] });
  if ('problems' in result) throw new Error(result.problems.map((p) => p.what.zh).join('; '));
  const d = result.dataset;
  // The audit, exactly as `npm run check` runs it.
  const audit = auditSuppression(d);
  expect(audit.unsafe).toEqual([]);
  expect(audit.ok).toBe(true);
  expect(unsuppressedSmallCounts(d)).toEqual([]);
  expect(checkTotalsAgree(d)).toEqual([]);
  // Published cells are the true counts; small ones are hidden.
  d.rows.forEach((row, i) => {
    const truth = t.counts[i]!;
    if (row.suppressed) expect(row.count).toBeNull();
    else expect(row.count).toBe(truth);
    if (truth > 0 && truth < t.threshold) expect(row.suppressed).toBe(true);
  });
  // Totals are the true margins, and the singleton/small-sum rule holds on every published one.
  const covered = coveredRows(d);
  (d.totals ?? []).forEach((group, g) =>
    group.rows.forEach((total, i) => {
      const cells = covered[g]![i]!;
      const truth = cells.reduce((s, r) => s + t.counts[r]!, 0);
      if (total.suppressed) {
        expect(total.count).toBeNull();
        return;
      }
      expect(total.count).toBe(truth);
      const hiddenCells = cells.filter((r) => d.rows[r]!.suppressed);
      if (hiddenCells.length > 0) {
        expect(hiddenCells.length).toBeGreaterThan(1);
        expect(hiddenCells.reduce((s, r) => s + t.counts[r]!, 0)).toBeGreaterThanOrEqual(t.threshold);
      }
    }),
  );
  return d;
}

// Thousands of LP solves: generous on a busy 2-core CI machine (about 10 s alone).
const PROPERTY_TIMEOUT = 180_000;

describe('secondary suppression always passes the audit', () => {
  it(
    '2-D tables (700 runs)',
    () => {
      fc.assert(
        fc.property(table(2), (t) => {
          checkOutput(t);
        }),
        { numRuns: 700, seed: 20261103 },
      );
    },
    PROPERTY_TIMEOUT,
  );

  it(
    '3-D tables with 1-D and 2-D margins (600 runs)',
    () => {
      fc.assert(
        fc.property(table(3), (t) => {
          checkOutput(t);
        }),
        { numRuns: 600, seed: 20261104 },
      );
    },
    PROPERTY_TIMEOUT,
  );

  it(
    'exact ranges contain the true hidden values, and every one is at least the threshold wide (150 runs)',
    () => {
      fc.assert(
        fc.property(fc.oneof(table(2), table(3)), (t) => {
          const d = checkOutput(t);
          const audit = auditSuppression(d, { exact: true });
          expect(audit.ok).toBe(true);
          for (const c of audit.ranges) {
            expect(c.exact).toBe(true);
            const m = /^rows\[(\d+)\]/.exec(c.field);
            if (m) {
              const truth = t.counts[Number(m[1])]!;
              expect(truth).toBeGreaterThanOrEqual(c.min - 1e-6);
              expect(truth).toBeLessThanOrEqual(c.max + 1e-6);
            }
            expect(c.max - c.min).toBeGreaterThanOrEqual(t.threshold - 1e-6);
          }
        }),
        { numRuns: 150, seed: 20261105 },
      );
    },
    PROPERTY_TIMEOUT,
  );
});

describe('the audit itself, on random hiding patterns', () => {
  it(
    'fast and exact modes give the same verdicts; a published line with one hidden cell is always caught (300 runs)',
    () => {
      fc.assert(
        fc.property(table(2), fc.infiniteStream(fc.boolean()), (t, coin) => {
          // Hide the small cells, then random others: many patterns are unsafe.
          const cfg = configOf(t);
          const result = aggregate({ config: cfg, configFile: 'p.config.json', raw: rawOf(t), villages: [] });
          if ('problems' in result) throw new Error('unexpected');
          const d = structuredClone(result.dataset);
          const it = coin[Symbol.iterator]();
          d.rows = d.rows
            .map((row, i) => {
              const truth = t.counts[i]!;
              const hide = (truth > 0 && truth < t.threshold) || it.next().value === true;
              return hide ? { ...row, count: null, suppressed: true } : { ...row, count: truth, suppressed: undefined };
            })
            .map((row) => Object.fromEntries(Object.entries(row).filter(([, v]) => v !== undefined)));
          // Totals: the true margins, all published.
          const covered = coveredRows(d);
          d.totals = (d.totals ?? []).map((g, gi) => ({
            by: g.by,
            rows: g.rows.map((row, i) => ({
              ...Object.fromEntries(g.by.map((k) => [k, row[k]!])),
              count: covered[gi]![i]!.reduce((s, r) => s + t.counts[r]!, 0),
            })),
          }));
          const fast = auditSuppression(d);
          const exact = auditSuppression(d, { exact: true });
          expect(fast.unsafe.map((c) => c.field)).toEqual(exact.unsafe.map((c) => c.field));
          for (const [g, group] of (d.totals ?? []).entries()) {
            group.rows.forEach((_, i) => {
              const hiddenCells = covered[g]![i]!.filter((r) => d.rows[r]!.suppressed);
              if (hiddenCells.length === 1) expect(exact.unsafe.map((c) => c.field)).toContain(`rows[${hiddenCells[0]}].count`);
            });
          }
        }),
        { numRuns: 300, seed: 20261106 },
      );
    },
    PROPERTY_TIMEOUT,
  );
});
