/**
 * Legal-education articles (普法) — frontmatter of `legal/<slug>.mdx` (CONTENT.md § Legal
 * education). The body is the article in MDX, where authors may use <LawCite>, <Case> and
 * <Term> without importing them (docs/普法写作指南.md).
 */
import { z } from 'astro/zod';
import { AUDIENCE_WORDS } from '../legal/audience';
import { MAX_ARTICLE } from '../legal/numerals';
import { isoDate, slugId, text } from './common';

/** 读者对象: a contract word (小学, 初中, 高中, 居民, 老年人) or a finer band (小学低年级, 小学高年级). */
export const audienceSchema = z.enum(AUDIENCE_WORDS);

/** A cited law: its full title and, optionally, the article numbers cited. */
export const lawRefSchema = z
  .object({
    /** 法律名称: the full title without 《》, e.g. 中华人民共和国民法典. */
    name: text.refine((s) => !/[《》〈〉]/.test(s), { params: { rule: 'law-name' } }),
    /** 条号: article numbers as plain numbers (1165, not 第一千一百六十五条). Optional. */
    articles: z.array(z.number().int().min(1).max(MAX_ARTICLE)).optional(),
  })
  .strict();

/**
 * One answer option. A bare number (`110`) is text too; a blank option (`""` or an empty `-`
 * item) is an error, not a silent gap.
 */
const quizOption = z.preprocess(
  (v) => (v === null ? '' : typeof v === 'number' ? String(v) : v),
  z.string().refine((s) => s.trim() !== '', { params: { rule: 'empty-option' } }),
);

/** One self-check question (知识竞赛). */
export const quizQuestionSchema = z
  .object({
    /** 题目 */
    q: text,
    /** 选项: at least two. */
    options: z.array(quizOption).min(2),
    /** 答案序号: index of the right option, counting from 0 (the first option is 0). */
    answer: z.number().int().min(0),
    /** 解析: why that answer is right. */
    explain: text,
  })
  .strict();

export const legalSchema = z
  .object({
    /** 标题 */
    title: text,
    /** 简介: one sentence, shown in lists and as the page description. */
    summary: text,
    /** 读者对象: one or more. */
    audience: z.array(audienceSchema).min(1),
    /** 主题: free words such as 反诈, 民法典; the same topic must be written the same way. */
    topics: z.array(text),
    /** 引用的法律 (may be empty). */
    laws: z.array(lawRefSchema),
    /** 发布日期 */
    publishedOn: isoDate,
    /** 更新日期, not before publishedOn. Optional. */
    updatedOn: isoDate.optional(),
    /** 发布机构, e.g. 某某镇司法所 */
    issuer: text,
    /** Slug of the plan this article interprets (政策解读); it must exist. Optional. */
    interprets: slugId.optional(),
    /** 自测题 Optional. */
    quiz: z.array(quizQuestionSchema).optional(),
  })
  .strict();

export type LegalFrontmatter = z.infer<typeof legalSchema>;
export type LawRef = z.infer<typeof lawRefSchema>;
export type QuizQuestion = z.infer<typeof quizQuestionSchema>;
export type Audience = z.infer<typeof audienceSchema>;
