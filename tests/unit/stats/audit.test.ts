/** The LP audit and the consistency checks on hand-made datasets with known answers. */
import { describe, expect, it } from 'vitest';
import { auditProblems, auditSuppression, checkTotalsAgree, statisticsProblems, unsuppressedSmallCounts } from '../../../src/lib/stats/audit';
import { auditTable } from '../../../src/lib/stats/audit-table';
import { handDataset, hidden } from './helpers';

const r = (a: string, b: string, count: number | null) => (count === null ? { a, b, ...hidden } : { a, b, count });

describe('auditSuppression', () => {
  it('catches one hidden cell in a row whose total is published (range 0)', () => {
    const d = handDataset(
      [r('x', 'p', null), r('x', 'q', 10), r('y', 'p', 7), r('y', 'q', 9)],
      [
        {
          by: ['a'],
          rows: [
            { a: 'x', count: 13 },
            { a: 'y', count: 16 },
          ],
        },
      ],
    );
    const result = auditSuppression(d);
    expect(result.ok).toBe(false);
    expect(result.unsafe).toHaveLength(1);
    expect(result.unsafe[0]).toMatchObject({ field: 'rows[0].count', min: 3, max: 3, exact: true, safe: false, where: { a: 'x', b: 'p' } });
    const problems = auditProblems(d, result);
    expect(problems[0]!.code).toBe('data/recoverable');
    expect(problems[0]!.what.zh).toContain('可由已公开的数字和合计推算出来');
    expect(problems[0]!.what.zh).toContain('3～3');
  });

  it('catches two small hidden cells whose published sum is below the threshold', () => {
    const d = handDataset([r('x', 'p', null), r('x', 'q', null), r('x', 's', 20)], [{ by: ['a'], rows: [{ a: 'x', count: 24 }] }]);
    const result = auditSuppression(d, { exact: true });
    expect(result.unsafe.map((c) => [c.field, c.min, c.max])).toEqual([
      ['rows[0].count', 0, 4],
      ['rows[1].count', 0, 4],
    ]);
  });

  it('finds the exact range of a 2×2 table hidden entirely under published margins', () => {
    // 3 7 | 10
    // 8 2 | 10
    // 11 9
    const d = handDataset(
      [r('x', 'p', null), r('x', 'q', null), r('y', 'p', null), r('y', 'q', null)],
      [
        {
          by: ['a'],
          rows: [
            { a: 'x', count: 10 },
            { a: 'y', count: 10 },
          ],
        },
        {
          by: ['b'],
          rows: [
            { b: 'p', count: 11 },
            { b: 'q', count: 9 },
          ],
        },
      ],
    );
    const result = auditSuppression(d, { exact: true });
    expect(result.ok).toBe(true);
    expect(result.ranges.map((c) => [c.min, c.max])).toEqual([
      [1, 10],
      [0, 9],
      [1, 10],
      [0, 9],
    ]);
    // The fast mode reaches the same verdict, showing no more than the exact range.
    const fast = auditSuppression(d);
    expect(fast.ok).toBe(true);
    fast.ranges.forEach((c, i) => {
      expect(c.min).toBeGreaterThanOrEqual(result.ranges[i]!.min - 1e-9);
      expect(c.max).toBeLessThanOrEqual(result.ranges[i]!.max + 1e-9);
    });
  });

  it('protects hidden totals too: one hidden village total under a published grand total is recoverable', () => {
    const d = handDataset(
      [r('x', 'p', null), r('x', 'q', 0), r('y', 'p', 6), r('y', 'q', 8)],
      [
        {
          by: ['a'],
          rows: [
            { a: 'x', ...hidden },
            { a: 'y', count: 14 },
          ],
        },
        { by: [], rows: [{ count: 17 }] },
      ],
    );
    const result = auditSuppression(d, { exact: true });
    expect(result.unsafe.map((c) => c.field)).toEqual(['rows[0].count', 'totals[0].rows[0].count']);
    expect(result.unsafe[1]).toMatchObject({ min: 3, max: 3, where: { a: 'x' } });
  });

  it('treats a hidden cell in no published total as unbounded, hence safe', () => {
    const d = handDataset([r('x', 'p', null), r('x', 'q', 9)], [{ by: ['a'], rows: [{ a: 'x', ...hidden }] }]);
    const result = auditSuppression(d, { exact: true });
    expect(result.ok).toBe(true);
    expect(result.ranges[0]).toMatchObject({ min: 0, max: Infinity, safe: true });
  });

  it('reports published numbers that contradict each other instead of auditing them', () => {
    const d = handDataset([r('x', 'p', null), r('x', 'q', 30)], [{ by: ['a'], rows: [{ a: 'x', count: 20 }] }]);
    const result = auditSuppression(d);
    expect(result.ok).toBe(false);
    expect(result.infeasible).toEqual(['count']);
    expect(auditProblems(d, result)[0]!.code).toBe('data/inconsistent');
  });

  it('keeps nothing between calls (same answer twice, in any order)', () => {
    const a = handDataset([r('x', 'p', null), r('x', 'q', 10)], [{ by: ['a'], rows: [{ a: 'x', count: 13 }] }]);
    const b = handDataset([r('x', 'p', null), r('x', 'q', null)], [{ by: ['a'], rows: [{ a: 'x', count: 13 }] }]);
    const first = auditSuppression(a);
    auditSuppression(b);
    expect(auditSuppression(a)).toEqual(first);
  });
});

describe('auditTable (neutral model)', () => {
  it('agrees with the textbook singleton rule on a one-line table', () => {
    const audit = auditTable({ threshold: 5, cells: [null, 6, 7], margins: [{ cells: [0, 1, 2], value: 15 }] });
    expect(audit.unsafe).toHaveLength(1);
    expect(audit.unsafe[0]).toMatchObject({ kind: 'cell', index: 0, min: 2, max: 2 });
  });
});

describe('checkTotalsAgree', () => {
  it('accepts true margins, published or partly hidden', () => {
    const d = handDataset(
      [r('x', 'p', null), r('x', 'q', 10), r('y', 'p', null), r('y', 'q', 9)],
      [
        {
          by: ['a'],
          rows: [
            { a: 'x', count: 13 },
            { a: 'y', count: 12 },
          ],
        },
        {
          by: ['b'],
          rows: [
            { b: 'p', count: 6 },
            { b: 'q', count: 19 },
          ],
        },
      ],
    );
    expect(checkTotalsAgree(d)).toEqual([]);
  });

  it('flags a total that differs from its fully published cells, or is below the published part', () => {
    const d = handDataset(
      [r('x', 'p', 6), r('x', 'q', 10), r('y', 'p', null), r('y', 'q', 9)],
      [
        {
          by: ['a'],
          rows: [
            { a: 'x', count: 15 },
            { a: 'y', count: 8 },
          ],
        },
      ],
    );
    const problems = checkTotalsAgree(d, 'content/data/hand.json');
    expect(problems.map((p) => [p.field, p.code])).toEqual([
      ['totals[0].rows[0].count', 'data/totals-disagree'],
      ['totals[0].rows[1].count', 'data/totals-disagree'],
    ]);
    expect(problems[0]!.file).toBe('content/data/hand.json');
    expect(problems[0]!.what.zh).toContain('合计（a x）为 15，但所含各单元格之和为 16');
  });

  it('flags a grouping by something that is not a dimension', () => {
    const d = handDataset([r('x', 'p', 6)], [{ by: ['village'], rows: [{ village: 'x', count: 6 }] }]);
    expect(checkTotalsAgree(d)[0]!.code).toBe('data/totals-by');
  });
});

describe('unsuppressedSmallCounts', () => {
  it('flags published small counts in rows and totals, and inconsistent hiding', () => {
    const d = handDataset(
      [r('x', 'p', 3), { a: 'x', b: 'q', count: null }, { a: 'y', b: 'p', count: 7, suppressed: true }, r('y', 'q', 0)],
      [{ by: ['a'], rows: [{ a: 'y', count: 4 }] }],
    );
    const codes = unsuppressedSmallCounts(d).map((p) => [p.field, p.code]);
    expect(codes).toEqual([
      ['rows[0].count', 'data/small-count'],
      ['rows[1].count', 'data/unmarked-suppression'],
      ['rows[2].count', 'data/suppressed-published'],
      ['totals[0].rows[0].count', 'data/small-count'],
    ]);
  });

  it('allows zeros and values at the threshold', () => {
    const d = handDataset([r('x', 'p', 0), r('x', 'q', 5)], [{ by: [], rows: [{ count: 5 }] }]);
    expect(statisticsProblems(d)).toEqual([]);
  });
});
