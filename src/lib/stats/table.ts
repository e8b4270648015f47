/**
 * The neutral table model shared by suppression and audit: a list of cells (the finest
 * combinations of dimension values) and a list of margins ("totals"), each margin the sum
 * of the cells it covers. Dimension names do not matter here, only which cells a margin
 * covers; `fromDataset` in audit.ts and the aggregation build this model from their own data.
 *
 * Pure: no file access, no clock.
 */

/** A margin: the cells it covers (indices into `cells`) and its value (`null` when suppressed). */
export interface Margin {
  cells: readonly number[];
  value: number | null;
  /** The width a suppressed margin's range must keep, when not the table's (the joint audit: each dataset's own threshold). */
  threshold?: number;
}

/** A table as published: cell values (`null` when suppressed) and margins. */
export interface PublishedTable {
  threshold: number;
  cells: ReadonlyArray<number | null>;
  margins: readonly Margin[];
  /**
   * false: the suppressed cells are unknowns only, not values anyone published as hidden, so no
   * range is computed for them (the joint audit, src/lib/stats/joint.ts, where every published
   * or hidden number is a margin over the finest cells of several datasets). Default true.
   */
  auditCells?: boolean;
}

/** Primary sensitivity rule (统计法 art. 28 in practice): 0 < n < threshold. Zeros are not sensitive. */
export function isSmall(n: number, threshold: number): boolean {
  return n > 0 && n < threshold;
}

/** Round-off of LP results: values within this of each other are equal. */
export const EPSILON = 1e-7;

/** Stable 6-decimal rounding of an LP optimum for reports (−0 becomes 0). */
export function tidy(x: number): number {
  if (!Number.isFinite(x)) return x;
  const r = Math.round(x * 1e6) / 1e6;
  return r === 0 ? 0 : r;
}
