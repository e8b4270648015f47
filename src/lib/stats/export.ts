/**
 * Downloads of a dataset: CSV with suppressed cells written as on the page ("<5" for a count,
 * 不公开 for a rate; a rate of a row that counted nothing is left empty), and a
 * Frictionless Data Package describing every CSV (https://specs.frictionlessdata.io/).
 */
import { toCsv } from '../core/csv';
import type { Dataset } from '../schemas/dataset';
import { HIDDEN_RATE_TEXT, hiddenText, rateHasNoBase, suppressedText } from '../model/datasets';

export function datasetCsv(d: Dataset): string {
  return toCsv(
    [...d.dimensions.map((x) => ({ label: x.key, type: 'text' as const })), ...d.measures.map((m) => ({ label: m.key, type: 'number' as const }))],
    d.rows.map((r) => [
      ...d.dimensions.map((x) => String(r[x.key] ?? '')),
      ...d.measures.map((m) => {
        const v = r[m.key];
        if (v !== null && v !== undefined && r.suppressed !== true) return v as number;
        // A rate of a row with no cases is empty (no value exists), not hidden.
        return rateHasNoBase(r, m, d.measures) ? '' : hiddenText(m, d.suppression.threshold);
      }),
    ]),
  );
}

const FIELD_TYPES = { village: 'string', month: 'yearmonth', quarter: 'string', year: 'year', category: 'string' } as const;

/**
 * `region` is our extension (docs/deployment.md §4): the town and the residents its figures
 * cover (户籍人口 summed over its villages), so a county portal can compare towns per 1,000
 * residents from published files alone. Data Package readers ignore properties they do not know.
 */
export interface PackageRegion {
  name: string;
  population: number;
}

export function dataPackage(datasets: readonly Dataset[], meta: { name: string; title: string; csvPath: (id: string) => string; region?: PackageRegion }) {
  return {
    profile: 'tabular-data-package',
    name: meta.name,
    title: meta.title,
    ...(meta.region ? { region: meta.region } : {}),
    resources: datasets.map((d) => ({
      profile: 'tabular-data-resource',
      name: d.id,
      title: d.title,
      description: d.description,
      path: meta.csvPath(d.id),
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8-sig',
      licenses: [{ name: d.license }],
      schema: {
        fields: [
          ...d.dimensions.map((x) => ({ name: x.key, title: x.label, type: FIELD_TYPES[x.type] })),
          ...d.measures.map((m) => ({ name: m.key, title: m.label, type: m.type === 'count' ? 'integer' : 'number' })),
        ],
        primaryKey: d.dimensions.map((x) => x.key),
        // Suppressed cells are published as "<threshold", a missing value for machines.
        missingValues: ['', suppressedText(d.suppression.threshold), HIDDEN_RATE_TEXT],
      },
    })),
  };
}
