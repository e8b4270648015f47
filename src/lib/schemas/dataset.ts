/**
 * Open statistics (`data/<id>.json`): already aggregated and anonymised (统计法 art. 28:
 * nothing that identifies a person). Raw case-level records never enter the repository.
 */
import { z } from 'astro/zod';
import { isoDate, slugId, text } from './common';

/** How a dimension's values are written: a village code, a month `YYYY-MM`, a year, or a category word. */
export const DIMENSION_TYPES = ['village', 'month', 'quarter', 'year', 'category'] as const;
/**
 * Measure types: `count` (件/人, suppressed below the threshold), `rate` (percent 0–100, e.g.
 * 及时受理率; not suppressed itself but hidden where its base count is), `sum` (a plain total).
 */
export const MEASURE_TYPES = ['count', 'rate', 'sum'] as const;

export const dimensionSchema = z
  .object({
    key: z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, { message: 'column-key' }),
    label: text,
    type: z.enum(DIMENSION_TYPES),
  })
  .strict();

export const measureSchema = z
  .object({
    key: z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, { message: 'column-key' }),
    label: text,
    type: z.enum(MEASURE_TYPES),
    /** Unit shown after values, e.g. 件, %, 人. Optional (the dataset's unit otherwise). */
    unit: z.string().optional(),
  })
  .strict();

/** 预警规则: flag every (by…) group whose measure exceeds `above`. */
export const alertRuleSchema = z
  .object({
    measure: z.string().min(1),
    /** Dimensions to group by, e.g. ["village", "month"]. */
    by: z.array(z.string().min(1)),
    above: z.number(),
    label: text,
  })
  .strict();

/** A data row: dimension values (strings), measure values (numbers, or null when suppressed). */
export const dataRowSchema = z.record(z.string(), z.union([z.string(), z.number(), z.null(), z.boolean()]));

/** True margins computed from the raw records before suppression, grouped by `by`. */
export const totalsSchema = z
  .object({
    by: z.array(z.string().min(1)),
    rows: z.array(dataRowSchema),
  })
  .strict();

export const datasetSchema = z
  .object({
    /** Must equal the file name (without .json); used in URLs. */
    id: slugId,
    title: text,
    description: text,
    /** 发布机构, e.g. 示范镇综治中心 */
    issuer: text,
    /** Default unit of the measures, e.g. 件 */
    unit: text,
    /** 更新日期 */
    updatedOn: isoDate,
    /** e.g. CC-BY-4.0 */
    license: text,
    dimensions: z.array(dimensionSchema).min(1),
    measures: z.array(measureSchema).min(1),
    /** Cells with 0 < count < threshold are not published (shown as "<threshold"). */
    suppression: z.object({ threshold: z.number().int().min(1) }).strict(),
    alerts: z.array(alertRuleSchema).optional(),
    rows: z.array(dataRowSchema),
    totals: z.array(totalsSchema).optional(),
    /**
     * The register the dataset was aggregated from (CONTENT.md), shown as 数据来源. Datasets with
     * the same source are audited together (src/lib/stats/joint.ts). Optional.
     */
    source: z.string().optional(),
  })
  .strict();

export type Dataset = z.infer<typeof datasetSchema>;
export type Dimension = z.infer<typeof dimensionSchema>;
export type Measure = z.infer<typeof measureSchema>;
export type DataRow = z.infer<typeof dataRowSchema>;
export type AlertRule = z.infer<typeof alertRuleSchema>;
export type Totals = z.infer<typeof totalsSchema>;
