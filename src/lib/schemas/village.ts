/** `villages.json` — villages and communities (村、社区) of the town. */
import { z } from 'astro/zod';
import { supervisionSchema, text, villageCode } from './common';

export const villageSchema = z
  .object({
    /** 12-digit 统计用区划代码; folder name of the village's disclosures. */
    code: villageCode,
    /** 名称, e.g. 东溪村. */
    name: text,
    /** 村 (village) or 社区 (urban community). */
    kind: z.enum(['村', '社区']),
    /** 户籍人口, persons. */
    population: z.number().int().min(0),
    /** 户数, households. */
    households: z.number().int().min(0),
    /** 网格编号 of the village's service grids. Optional. */
    grids: z.array(text).optional(),
    /** The village's 村务监督委员会 and its public number (组织法 art. 32–33). Optional. */
    supervision: supervisionSchema.meta({ label: '村务监督委员会' }).optional(),
  })
  .strict();

export const villagesSchema = z.array(villageSchema);

export type Village = z.infer<typeof villageSchema>;
