/**
 * Field types shared by every content shape. Plain Zod, no Astro: the same schemas serve
 * the Astro collections, `npm run check` and the officials' scripts.
 */
import { z } from 'astro/zod';
import { isRealDate } from '../core/dates';

/**
 * A real calendar date `YYYY-MM-DD` (成文日期, 发布日期, 截止日期 …).
 * Astro's frontmatter parser turns bare YAML dates into Date objects; turn them back so the
 * model only ever holds strings. (`npm run check` reads YAML without that conversion, so an
 * impossible date like 2026-02-30 is caught there before any build.)
 */
export const isoDate = z.preprocess(
  (v) => (v instanceof Date && !Number.isNaN(v.getTime()) ? v.toISOString().slice(0, 10) : v),
  z.string().refine(isRealDate, { params: { rule: 'date' } }),
);

/** Non-empty single-line or multi-line text, trimmed of nothing (officials' words stay as typed). */
export const text = z.string().trim().min(1);

/** Lower-case ASCII identifier used in URLs: `zongzhiban`, `shehui-zhili-2026`. */
export const slugId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: 'slug' });

/** 12-digit statistical division code of a village or community (统计用区划代码). */
export const villageCode = z.string().regex(/^\d{12}$/, { message: 'village-code' });

export const percent = z.number().int().min(0).max(100);

export type IsoDate = string;

/**
 * Where residents report a disclosure that is late, incomplete or false (村民委员会组织法
 * art. 31): an office and its public number — a landline or hotline, never a personal mobile
 * (the personal-data scan refuses one here like anywhere else).
 */
export const supervisionSchema = z
  .object({
    /** e.g. 东溪村村务监督委员会, 示范镇纪委 */
    name: text.meta({ label: '监督机构名称' }),
    /** e.g. 0571-88886666 */
    phone: text.meta({ label: '监督电话' }),
  })
  .strict();

export type Supervision = z.infer<typeof supervisionSchema>;
