/** The village map's rates, computed once by the dataset model (src/lib/stats/map.ts villageRates). */
import { describe, expect, it } from 'vitest';
import { perThousand, villageRates } from '../../src/lib/stats/map';

const villages = [
  { code: 'a', name: '前村', population: 2000 },
  { code: 'b', name: '后村', population: 500 },
  { code: 'c', name: '新村', population: 0 },
  { code: 'd', name: '东村', population: 800 },
];
const cell = (value: number | null) => ({ value, suppressed: value === null, text: value === null ? '<5' : String(value) });

describe('village rates per 1,000 residents', () => {
  const rates = villageRates(
    new Map([
      ['a', cell(10)],
      ['b', cell(5)],
      ['c', cell(3)],
      ['d', cell(null)],
    ]),
    villages,
  );

  it('rounds to one decimal, and has none for a hidden count or a village with no residents', () => {
    expect(perThousand(1, 3)).toBe(333.3);
    expect(rates.villages.map((v) => v.rate)).toEqual([5, 10, undefined, undefined]);
  });

  it('classes each rate on the legend it draws, in the villages order, found by code', () => {
    expect(rates.steps.at(-1)).toMatchObject({ to: 10, step: 5 });
    expect(rates.villages.map((v) => v.step)).toEqual([3, 5, undefined, undefined]);
    expect(rates.byCode.get('b')).toMatchObject({ name: '后村', population: 500, cell: cell(5) });
    expect(rates.byCode.get('x')).toBeUndefined();
  });
});
