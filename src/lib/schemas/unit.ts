/** `units.json` — responsible units (责任单位) that plans assign tasks to. */
import { z } from 'astro/zod';
import { slugId, text } from './common';

export const unitSchema = z
  .object({
    /** Stable ASCII id used by plans (`lead`, `partners`) and in `/units/<id>/`. */
    id: slugId,
    /** 单位名称, e.g. 综治办. */
    name: text,
  })
  .strict();

export const unitsSchema = z.array(unitSchema);

export type Unit = z.infer<typeof unitSchema>;
