/**
 * The aggregation config (`<id>.config.json`): which raw columns feed which dimension and
 * measure, the suppression threshold, the alert rules and which totals to write. Columns the
 * config does not name (names, ID numbers, addresses, free text) are never read, so they can
 * never reach the published file. See docs/统计方法.md for an annotated example.
 */
import { z } from 'astro/zod';
import { alertRuleSchema } from '../schemas/dataset';
import { isoDate, slugId, text } from '../schemas/common';

const key = z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, { message: 'column-key' });
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'month' });

/** Raw-column words read as "yes" / "no" by a `rate` measure unless the config lists its own. */
export const DEFAULT_TRUE = ['是', '1', 'true', 'yes', 'y', '√', '✓', '成功', '已办结'];
export const DEFAULT_FALSE = ['否', '0', 'false', 'no', 'n', '×', '✗', '失败', '未办结', ''];

const base = { key, label: text, column: z.string().min(1) };

export const dimensionConfigSchema = z.discriminatedUnion('type', [
  /** A village column: the registry code or the registry name. `values` narrows the registry list. */
  z.object({ ...base, type: z.literal('village'), values: z.array(z.string()).min(1).optional() }).strict(),
  /**
   * Derived from a date column (`2026-10-03`, `2026/10/3`, `2026年10月3日`, a date cell, or a month
   * `2026-10`). `from`/`to` fix the months shown (rows outside are an error); otherwise the
   * observed range is used. Every month in the range is a row, with 0 where nothing happened.
   */
  z.object({ ...base, type: z.literal('month'), from: month.optional(), to: month.optional() }).strict(),
  z.object({ ...base, type: z.literal('quarter') }).strict(),
  z.object({ ...base, type: z.literal('year') }).strict(),
  /** A category column: values from the list (in this order); `aliases` maps other spellings. */
  z
    .object({
      ...base,
      type: z.literal('category'),
      values: z.array(text).min(1),
      aliases: z.record(z.string(), z.string()).optional(),
    })
    .strict(),
]);

export const measureConfigSchema = z.discriminatedUnion('type', [
  /** Number of raw rows (件数). Exactly one, and it must be first. */
  z.object({ key, label: text, type: z.literal('count'), unit: z.string().optional() }).strict(),
  /** 100 × (rows whose `column` is yes) / (rows), to one decimal; hidden wherever the count is. */
  z
    .object({
      key,
      label: text,
      type: z.literal('rate'),
      unit: z.string().optional(),
      column: z.string().min(1),
      trueValues: z.array(z.string()).optional(),
      falseValues: z.array(z.string()).optional(),
    })
    .strict(),
]);

export const aggregateConfigSchema = z
  .object({
    dataset: z
      .object({
        id: slugId,
        title: text,
        description: text,
        issuer: text,
        unit: text,
        /** Fixed here, never taken from the clock, so the output is reproducible. */
        updatedOn: isoDate,
        license: text,
        source: z.string().optional(),
      })
      .strict(),
    /** Optional: defaults to site.json's privacy.suppressionThreshold (and may not be lower). */
    threshold: z.number().int().min(1).optional(),
    /** xlsx only: which worksheet (default: the first). */
    sheet: z.string().optional(),
    dimensions: z.array(dimensionConfigSchema).min(1),
    measures: z.array(measureConfigSchema).min(1),
    alerts: z.array(alertRuleSchema).optional(),
    /** Margins to publish, e.g. [["village"], ["month"], []] ([] = grand total). */
    totals: z.array(z.array(key)).default([]),
  })
  .strict();

export type AggregateConfig = z.infer<typeof aggregateConfigSchema>;
export type DimensionConfig = z.infer<typeof dimensionConfigSchema>;
export type MeasureConfig = z.infer<typeof measureConfigSchema>;
