/** Builders for the statistics tests: raw CSV bytes in memory, small configs, datasets by hand. */
import { aggregate, type AggregateResult, type VillageRef } from '../../../src/lib/stats/aggregate';
import { readRawCsv } from '../../../src/lib/stats/raw';
import type { Dataset } from '../../../src/lib/schemas/dataset';

export const VILLAGES: VillageRef[] = [
  { code: '330000000001', name: '东溪村' },
  { code: '330000000002', name: '西岭村' },
  { code: '330000000003', name: '南湖社区' },
];

const cell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

export function csvBytes(header: string[], rows: string[][], bom = true): Uint8Array {
  const text = (bom ? '\uFEFF' : '') + [header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
  return new TextEncoder().encode(text);
}

/** Runs the aggregation on CSV rows; throws when the CSV itself cannot be read. */
export function aggregateRows(config: unknown, header: string[], rows: string[][], villages: VillageRef[] = VILLAGES, siteThreshold?: number): AggregateResult {
  const raw = readRawCsv(csvBytes(header, rows), 'raw.csv');
  if ('problems' in raw) throw new Error(JSON.stringify(raw.problems));
  return aggregate({ config, configFile: 'test.config.json', raw: raw.table, villages, ...(siteThreshold !== undefined ? { siteThreshold } : {}) });
}

export function ok(result: AggregateResult): Extract<AggregateResult, { dataset: Dataset }> {
  if ('problems' in result) throw new Error(result.problems.map((p) => `${p.field ?? ''} ${p.what.zh}`).join('\n'));
  return result;
}

export const META = {
  id: 'test-data',
  title: '测试数据',
  description: '测试用',
  issuer: '测试机构',
  unit: '件',
  updatedOn: '2026-11-03',
  license: 'CC-BY-4.0',
};

/** A category × category dataset config over raw columns A and B, with totals. */
export function gridConfig(a: string[], b: string[], totals: string[][], threshold = 5, c?: string[]) {
  return {
    dataset: META,
    threshold,
    dimensions: [
      { key: 'a', label: '甲', type: 'category', column: 'A', values: a },
      { key: 'b', label: '乙', type: 'category', column: 'B', values: b },
      ...(c ? [{ key: 'c', label: '丙', type: 'category', column: 'C', values: c }] : []),
    ],
    measures: [{ key: 'count', label: '件数', type: 'count' }],
    totals,
  };
}

/** A hand-made dataset: rows and totals as given. */
export function handDataset(rows: Dataset['rows'], totals: Dataset['totals'], threshold = 5, dims = ['a', 'b']): Dataset {
  return {
    id: 'hand',
    title: '手工',
    description: '手工',
    issuer: '测试',
    unit: '件',
    updatedOn: '2026-11-03',
    license: 'CC-BY-4.0',
    dimensions: dims.map((k) => ({ key: k, label: k, type: 'category' as const })),
    measures: [{ key: 'count', label: '件数', type: 'count' }],
    suppression: { threshold },
    rows,
    ...(totals ? { totals } : {}),
  };
}

export const hidden = { count: null, suppressed: true } as const;
