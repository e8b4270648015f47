/** `geo/meta.json` — what the village map is drawn from (optional). */
import { z } from 'astro/zod';
import { text } from './common';

export const mapMetaSchema = z
  .object({
    /** 审图号 (《地图管理条例》第十五条): without it the map is labelled 示意图. */
    reviewNumber: text.meta({ label: '审图号' }).optional(),
    /** Where the shapes come from. */
    source: text.meta({ label: '图形来源' }).optional(),
  })
  .strict();

export type MapMeta = z.infer<typeof mapMetaSchema>;
