/** Dataset views, alerts, goal indicators, charts and the map: pure functions over fixture data. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSeriesChartConfig, describeSeries } from '../../src/lib/stats/charts';
import { legendSteps, normaliseWinding, projectVillages, stepOf, villageFeatures } from '../../src/lib/stats/map';
import { buildDatasetView, indicatorValue, totalsBy } from '../../src/lib/model/datasets';
import { datasetCsv, dataPackage } from '../../src/lib/stats/export';
import { datasetSchema, villagesSchema, type Goal } from '../../src/lib/schemas';
import { validateContentRoot } from '../../src/lib/checks/validate';
import { contentRootWith, LINHE } from '../helpers/content';
import { TODAY } from '../today';

const read = (f: string) => JSON.parse(fs.readFileSync(path.join(LINHE, f), 'utf8')) as unknown;
const dataset = datasetSchema.parse(read('data/disputes-monthly.json'));
const villages = villagesSchema.parse(read('villages.json'));
const view = buildDatasetView(dataset, villages);

describe('dataset view', () => {
  it('shows suppressed cells as "<threshold", never 0 or blank', () => {
    const hidden = view.table.rows.flatMap((r) => r.cells).filter((c) => c.suppressed);
    expect(hidden.length).toBe(dataset.rows.filter((r) => r.suppressed).length);
    for (const c of hidden) expect(c.text).toBe('<5');
    expect(datasetCsv(dataset)).toContain(',<5\r\n');
  });

  it('takes totals only from `totals`, and evaluates alerts over them', () => {
    expect(totalsBy(dataset, ['village'])).toBe(dataset.totals![0]!.rows);
    expect(view.totals.map((t) => t.title)).toEqual(['按村（社区）合计', '按月份合计', '总计']);
    const alert = view.alerts[0]!;
    expect(view.alerts).toHaveLength(1);
    expect(alert).toMatchObject({ period: '2026-10', value: 11, above: 10, label: '矛盾纠纷数量偏高' });
    expect(view.latestAlerts).toEqual(view.alerts);
    // The map takes each village's true total, including villages whose monthly cells are hidden.
    expect([...view.villageValues!.values()].every((c) => !c.suppressed)).toBe(true);
  });

  it('gives a plan goal its current value from the true totals', () => {
    const goal = (over: Partial<Goal>): Goal => ({
      id: 'G1',
      text: 't',
      indicator: { dataset: dataset.id, measure: 'count' },
      comparator: '<=',
      target: 60,
      ...over,
    });
    expect(indicatorValue(goal({}), dataset)).toMatchObject({ value: 62, met: false });
    expect(indicatorValue(goal({ indicator: { dataset: dataset.id, measure: 'count', period: '2026-10' } }), dataset)).toMatchObject({ value: 36, met: true });
    expect(indicatorValue(goal({ indicator: { dataset: dataset.id, measure: 'count', period: '2026' } }), dataset)).toMatchObject({ value: 62 });
    // A period the data has not reached: no value, and said to be no data rather than hidden.
    const later = indicatorValue(goal({ indicator: { dataset: dataset.id, measure: 'count', period: '2030' } }), dataset);
    expect(later).toMatchObject({ noData: true });
    expect(later?.value).toBeUndefined();
    expect(indicatorValue(goal({ indicator: { dataset: dataset.id, measure: 'count', period: '2026' } }), dataset)?.noData).toBeUndefined();
    // A village whose monthly cells are suppressed still has its true total; a hidden cell stays unknown.
    expect(indicatorValue(goal({ indicator: { dataset: dataset.id, measure: 'count', where: { village: '330799203201' } } }), dataset)?.value).toBe(9);
    expect(
      indicatorValue(goal({ indicator: { dataset: dataset.id, measure: 'count', where: { village: '330799203201' }, period: '2026-09' } }), dataset)?.value,
    ).toBeUndefined();
  });

  it('describes Frictionless resources with "<5" as a missing value', () => {
    const pkg = dataPackage([dataset], { name: 'x', title: 'x', csvPath: (id) => `${id}.csv` });
    expect(pkg.resources[0]!.schema.missingValues).toContain('<5');
    expect(pkg.resources[0]!.schema.fields.map((f) => f.type)).toEqual(['string', 'yearmonth', 'integer']);
  });
});

describe('charts', () => {
  const spec = { title: '件数', labels: ['9月', '10月', '11月'], values: [26, null, 36], suppressedLabels: ['10月'], unit: '件', kind: 'line' as const };
  it('keeps suppressed points as gaps, never zero', () => {
    const cfg = buildSeriesChartConfig(spec, { series: '#000', text: '#111', grid: '#ccc' });
    expect(cfg.data.datasets[0]!.data).toEqual([26, null, 36]);
    expect(cfg.data.datasets[0]!.spanGaps).toBe(false);
    expect(cfg.type).toBe('line');
  });
  it('writes a summary for screen readers', () => {
    expect(describeSeries(spec, 5)).toBe('件数，共 3 项；最高为11月 36件；最低为9月 26件；10月不公开：少于5，或为防止推算而一并隐藏。');
  });
});

describe('village map', () => {
  const topo = read('geo/villages.topo.json');
  it('projects every village to an SVG path inside the viewBox', () => {
    const map = projectVillages(topo, 600);
    expect(map.shapes.map((s) => s.code).sort()).toEqual(villages.map((v) => v.code).sort());
    for (const s of map.shapes) {
      expect(s.d).toMatch(/^M[\d.,-]+L/);
      expect(s.x).toBeGreaterThan(0);
      expect(s.x).toBeLessThan(600);
      expect(s.y).toBeLessThan(map.height);
    }
  });
  it('draws the same shapes whichever way the rings wind', () => {
    const features = villageFeatures(topo);
    for (const f of features) {
      if (f.geometry.type !== 'Polygon') continue;
      const reversed = { ...f, geometry: { ...f.geometry, coordinates: f.geometry.coordinates.map((r) => [...r].reverse()) } };
      expect(normaliseWinding(reversed).geometry).toEqual(f.geometry);
      expect(normaliseWinding(f).geometry).toEqual(f.geometry);
    }
  });
  it('classes values into legend steps', () => {
    const steps = legendSteps([0, 5, 10]);
    expect(steps).toHaveLength(5);
    expect(stepOf(0, steps)).toBe(1);
    expect(stepOf(10, steps)).toBe(5);
    expect(legendSteps([])).toEqual([{ from: 0, to: 0, step: 1 }]);
  });
});

describe('npm run check on datasets', () => {
  /** A copy of the fixture town whose dataset was changed by `edit`; the problems it gives. */
  const problemsAfter = (edit: (d: Record<string, any>) => void) => {
    const root = contentRootWith();
    const file = path.join(root, 'data/disputes-monthly.json');
    const d = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, any>;
    edit(d);
    fs.writeFileSync(file, JSON.stringify(d, null, 2));
    return { file, data: d, problems: validateContentRoot(root, { SITE_TODAY: TODAY }).problems };
  };

  it('refuses a published count below the threshold, naming its line', () => {
    const { file, problems } = problemsAfter((d) => (d.rows[2] = { village: '330799203201', month: '2026-09', count: 3 }));
    expect(problems.map((p) => p.code)).toContain('dataset/small-count');
    const p = problems.find((x) => x.code === 'dataset/small-count')!;
    expect(p.file).toBe(file);
    expect(p.field).toBe('rows[2].count');
    expect(p.line).toBeGreaterThan(40);
  });

  it('refuses a hidden cell that the published cells and totals give away (LP audit)', () => {
    // Publishing 2026-10 of 330799203201 (6) leaves its 2026-09 cell = 9 − 6 = 3, and the rest follow.
    const { file, problems } = problemsAfter((d) => (d.rows[3] = { village: '330799203201', month: '2026-10', count: 6 }));
    const unsafe = problems.filter((p) => p.code === 'data/recoverable');
    expect(unsafe.map((p) => p.field)).toContain('rows[2].count');
    expect(unsafe.every((p) => p.file === file && (p.line ?? 0) > 40)).toBe(true);
    expect(unsafe.find((p) => p.field === 'rows[2].count')!.what.zh).toContain('只可能在 3～3 之间');
  });

  it('refuses totals that disagree with the cells they cover', () => {
    const { problems } = problemsAfter((d) => (d.totals[0].rows[0].count = 17));
    expect(problems.map((p) => [p.code, p.field])).toContainEqual(['data/totals-disagree', 'totals[0].rows[0].count']);
  });

  it('refuses unknown villages and months, and alert rules on missing measures', () => {
    const { problems } = problemsAfter((d) => {
      d.rows[0].village = '330799203999';
      d.rows[1].month = '2026-13';
      d.alerts[0].measure = 'cases';
    });
    expect(problems.map((p) => [p.code, p.field])).toEqual(
      expect.arrayContaining([
        ['dataset/dimension-value', 'rows[0].village'],
        ['dataset/dimension-value', 'rows[1].month'],
        ['dataset/unknown-measure', 'alerts[0].measure'],
      ]),
    );
  });

  it('accepts an empty rate where its row counted nothing, and shows it as "—", not "<5"', () => {
    const { problems, data } = problemsAfter((d) => {
      d.measures.push({ key: 'mediationRate', label: '调解成功率', type: 'rate', unit: '%' });
      for (const r of d.rows) r.mediationRate = r.suppressed ? null : r.count === 0 ? null : 80;
      for (const g of d.totals) for (const r of g.rows) r.mediationRate = 80;
    });
    expect(problems).toEqual([]);
    const rows = buildDatasetView(datasetSchema.parse(data), villages).table.rows;
    expect(rows[8]!.cells.map((c) => c.text)).toEqual(['0', '—']);
    // A hidden rate says 不公开: "<5" beside a percentage would read as "under 5 %".
    expect(rows[2]!.cells.map((c) => c.text)).toEqual(['<5', '不公开']);
    expect(datasetCsv(datasetSchema.parse(data)).split('\n')[3]).toMatch(/,<5,不公开\r?$/);
    expect(rows[0]!.cells.map((c) => c.text)).toEqual(['9', '80.0%']);
  });
});

describe('a goal over a period with a hidden month', () => {
  it('is the published total less the published months outside the period, or unknown', () => {
    // Months 2026-09 (26) and 2026-10 (36) with a grand total of 62: hide October's total.
    const d = structuredClone(dataset);
    d.totals![1]!.rows[1] = { month: '2026-10', count: null, suppressed: true };
    const goal: Goal = { id: 'G', text: 't', indicator: { dataset: d.id, measure: 'count', period: '2026-10' }, comparator: '<=', target: 40 };
    expect(indicatorValue(goal, d)).toMatchObject({ value: 62 - 26, met: true });
    // With September hidden too, nothing published pins October down.
    d.totals![1]!.rows[0] = { month: '2026-09', count: null, suppressed: true };
    expect(indicatorValue(goal, d)?.value).toBeUndefined();
  });
});
