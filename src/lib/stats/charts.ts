/**
 * Chart.js configurations as pure functions of the data (no canvas needed to test them).
 * The page's <data-chart> element passes the token colours and calls `new Chart(...)`.
 */
import { suppressedNote, type SeriesSpec } from '../model/datasets';

export interface ChartColours {
  series: string;
  text: string;
  grid: string;
}

/** A minimal structural type of the Chart.js config we produce (kept free of chart.js imports). */
export interface ChartConfig {
  type: 'line' | 'bar';
  data: { labels: string[]; datasets: Array<Record<string, unknown>> };
  options: Record<string, unknown>;
}

export function buildSeriesChartConfig(spec: SeriesSpec, colours: ChartColours): ChartConfig {
  return {
    type: spec.kind,
    data: {
      labels: spec.labels,
      datasets: [
        {
          label: `${spec.title}（${spec.unit}）`,
          data: spec.values,
          borderColor: colours.series,
          backgroundColor: colours.series,
          // Suppressed points stay gaps: never drawn as 0.
          spanGaps: false,
          pointRadius: 4,
        },
      ],
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      plugins: {
        legend: { labels: { color: colours.text } },
        tooltip: { enabled: true },
      },
      scales: {
        x: { ticks: { color: colours.text }, grid: { color: colours.grid } },
        y: { beginAtZero: true, ticks: { color: colours.text, precision: 0 }, grid: { color: colours.grid } },
      },
    },
  };
}

/** A sentence for screen readers and for readers without the chart. */
export function describeSeries(spec: SeriesSpec, threshold: number): string {
  const known = spec.values.map((v, i) => ({ v, l: spec.labels[i]! })).filter((x): x is { v: number; l: string } => x.v !== null);
  if (known.length === 0) return `${spec.title}：所有数值均${suppressedNote(threshold)}。`;
  const max = known.reduce((a, b) => (b.v > a.v ? b : a));
  const min = known.reduce((a, b) => (b.v < a.v ? b : a));
  const parts = [`${spec.title}，共 ${spec.labels.length} 项`, `最高为${max.l} ${max.v}${spec.unit}`, `最低为${min.l} ${min.v}${spec.unit}`];
  if (spec.suppressedLabels.length) parts.push(`${spec.suppressedLabels.join('、')}${suppressedNote(threshold)}`);
  return `${parts.join('；')}。`;
}
