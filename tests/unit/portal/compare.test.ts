/** Comparing towns on published totals only: a hidden month is never summed or estimated. */
import { describe, expect, it } from 'vitest';
import { compareTowns, type ComparedTown } from '../../../src/lib/portal/compare';
import { portalComparisonSchema } from '../../../src/lib/schemas/portal';
import type { Dataset } from '../../../src/lib/schemas/dataset';

const spec = portalComparisonSchema.parse({ dataset: 'disputes-monthly', measure: 'count', title: '矛盾纠纷', months: 3 });

/** A dataset with published monthly totals (null = suppressed). */
function dataset(monthly: Record<string, number | null>, threshold = 5): Dataset {
  return {
    id: 'disputes-monthly',
    title: '矛盾纠纷',
    description: 'x',
    issuer: 'x',
    unit: '件',
    updatedOn: '2026-11-01',
    license: 'CC-BY-4.0',
    source: 'x',
    dimensions: [{ key: 'month', label: '月份', type: 'month' }],
    measures: [{ key: 'count', label: '件数', type: 'count', unit: '件' }],
    suppression: { threshold },
    rows: [],
    totals: [
      {
        by: ['month'],
        rows: Object.entries(monthly).map(([month, count]) => (count === null ? { month, count: null, suppressed: true } : { month, count })),
      },
    ],
  } as unknown as Dataset;
}

const town = (name: string, population: number | undefined, d?: Dataset): ComparedTown => ({ name, url: `/zl/${name}/`, population, dataset: d });

describe('compareTowns', () => {
  it('sums the latest months every town covers and gives the rate per 1,000 residents', () => {
    const c = compareTowns(spec, [
      town('a', 20_000, dataset({ '2026-07': 9, '2026-08': 10, '2026-09': 11, '2026-10': 12 })),
      town('b', 8_000, dataset({ '2026-06': 5, '2026-07': 6, '2026-08': 7, '2026-09': 8 })),
    ]);
    // b has no 2026-10 and a no 2026-06: the common window is 07–09.
    expect(c.months).toEqual(['2026-07', '2026-08', '2026-09']);
    expect(c.rows.map((r) => [r.value, r.rate])).toEqual([
      [30, 1.5],
      [21, 2.63],
    ]);
  });

  it('leaves a town without a total when one of its months was suppressed, and says why', () => {
    const c = compareTowns(spec, [
      town('a', 20_000, dataset({ '2026-08': 9, '2026-09': null, '2026-10': 12 })),
      town('b', 8_000, dataset({ '2026-08': 5, '2026-09': 6, '2026-10': 7 })),
    ]);
    expect(c.rows[0]).toMatchObject({ value: null, rate: null });
    expect(c.rows[0]!.note).toContain('小于 5');
    expect(c.rows[1]).toMatchObject({ value: 18 });
  });

  it('says so for a town that did not publish the dataset or its population, without dropping it', () => {
    const c = compareTowns(spec, [town('a', 20_000), town('b', undefined, dataset({ '2026-10': 7 }))]);
    expect(c.rows.map((r) => r.name)).toEqual(['a', 'b']);
    expect(c.rows[0]!.note).toContain('未发布');
    expect(c.rows[1]).toMatchObject({ value: 7, rate: null });
    expect(c.rows[1]!.note).toContain('人口');
  });

  it('refuses a measure that is not a count', () => {
    const c = compareTowns({ ...spec, measure: 'rate' }, [town('a', 100, dataset({ '2026-10': 7 }))]);
    expect(c.rows[0]).toMatchObject({ value: null });
    expect(c.rows[0]!.note).toContain('rate');
  });
});
