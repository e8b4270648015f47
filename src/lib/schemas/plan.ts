/**
 * Governance plans (实施方案) — frontmatter of `plans/<slug>.mdx`.
 * Metadata follows 政府信息公开条例 art. 12 and common portal practice (DOMAIN.md).
 */
import { z } from 'astro/zod';
import { isoDate, percent, slugId, text } from './common';

export const VALIDITIES = ['有效', '试行', '失效', '废止'] as const;
export const TASK_STATUSES = ['未开始', '进行中', '已完成', '滞后'] as const;

/** 有效性 */
export const validitySchema = z.enum(VALIDITIES);
/** 任务状态 as typed by the unit; 逾期 (overdue) is computed, never typed. */
export const taskStatusSchema = z.enum(TASK_STATUSES);

/** A goal may be tied to a published dataset (its current value is shown beside the target). */
export const indicatorSchema = z
  .object({
    /** `content/data/<dataset>.json` id. */
    dataset: slugId,
    /** Measure key inside that dataset, e.g. `count`. */
    measure: z.string().min(1),
    /** Period the target is about: `YYYY`, `YYYY-Qn` or `YYYY-MM`. Optional. */
    period: z
      .string()
      .regex(/^\d{4}(?:-Q[1-4]|-(?:0[1-9]|1[0-2]))?$/, { message: 'period' })
      .optional(),
    /** Filter on dimension values, e.g. `{ village: "330000000001" }`. Optional. */
    where: z.record(z.string(), z.string()).optional(),
  })
  .strict();

export const goalSchema = z
  .object({
    /** 目标编号, unique in the plan: G1, G2 … */
    id: text,
    /** 目标内容 */
    text,
    indicator: indicatorSchema.optional(),
    /** How the measured value compares with the target: at most (<=) or at least (>=). */
    comparator: z.enum(['<=', '>=']).optional(),
    /** 目标值, in `unit`. */
    target: z.number().optional(),
    /** 计量单位 of the target, e.g. 件, %. */
    unit: z.string().optional(),
  })
  .strict()
  .superRefine((goal, ctx) => {
    if (goal.indicator && (goal.comparator === undefined || goal.target === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: [goal.comparator === undefined ? 'comparator' : 'target'],
        params: { rule: 'indicator-needs-target' },
      });
    }
  });

/** 进展情况: one dated public note on a task. */
export const taskUpdateSchema = z.object({ on: isoDate, note: text }).strict();

export const taskSchema = z
  .object({
    /** 任务编号, unique in the plan: T1, T2 … */
    id: text,
    /** 任务名称 */
    title: text,
    /** 牵头单位: unit ids from units.json (at least one). */
    lead: z.array(slugId).min(1),
    /** 配合单位: unit ids. Optional. */
    partners: z.array(slugId).optional(),
    /** 完成时限 */
    due: isoDate,
    status: taskStatusSchema,
    /** 完成进度, percent 0–100. */
    progress: percent,
    /** Progress notes, oldest first, newest last. Optional. */
    updates: z.array(taskUpdateSchema).optional(),
  })
  .strict();

/** 实施阶段 */
export const phaseSchema = z.object({ name: text, from: isoDate, to: isoDate }).strict();

/** 领导小组成员 */
export const leadingGroupMemberSchema = z
  .object({
    /** 组长 / 副组长 / 成员 */
    role: text,
    name: text.meta({ label: '姓名' }),
    /** 职务 Optional. */
    title: z.string().optional().meta({ label: '职务' }),
  })
  .strict();

export const planSchema = z
  .object({
    /** 名称 */
    title: text,
    /** 一句话简介 (extension: used in lists and the page description). Optional. */
    summary: z.string().optional(),
    /** 索引号, unique across the site, commonly `<issuer USCC>/<year>-<5-digit sequence>`. */
    indexNumber: text,
    /** 发文字号, GB/T 9704-2012 form `示政发〔2026〕12号`. Optional. */
    docNumber: z
      .string()
      .regex(/^\S+〔\d{4}〕[1-9]\d*号$/, { message: 'doc-number' })
      .optional(),
    /** 发布机构 */
    issuer: text,
    /** 主题分类 */
    category: text,
    /** 成文日期 */
    writtenOn: isoDate,
    /** 发布日期 */
    publishedOn: isoDate,
    validity: validitySchema,
    /** Slug of the plan that replaces this one; must exist and be newer. Optional. */
    supersededBy: slugId.optional(),
    goals: z.array(goalSchema).optional(),
    tasks: z.array(taskSchema).default([]),
    phases: z.array(phaseSchema).optional(),
    leadingGroup: z.array(leadingGroupMemberSchema).optional(),
  })
  .strict();

export type PlanFrontmatter = z.infer<typeof planSchema>;
export type Task = z.infer<typeof taskSchema>;
export type Goal = z.infer<typeof goalSchema>;
export type Phase = z.infer<typeof phaseSchema>;
export type Validity = z.infer<typeof validitySchema>;
export type TaskStatus = z.infer<typeof taskStatusSchema>;
