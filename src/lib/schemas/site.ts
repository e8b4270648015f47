/** `site.json` — the publishing body and site-wide settings. */
import { z } from 'astro/zod';
import { isoDate, supervisionSchema, text } from './common';

export const privacySettingsSchema = z
  .object({
    /** 列表姓名脱敏：personName columns must be masked (张*华) when true. */
    maskNames: z.boolean(),
    /** 小数抑制阈值：counts 0 < n < threshold are suppressed in statistics. Unit: 件/人. */
    suppressionThreshold: z.number().int().min(1),
  })
  .strict();

/**
 * 村务公开时限 (extension). Finance is disclosed monthly, affairs and party matters at least
 * quarterly (村民委员会组织法 art. 30); a period's disclosure is on time when published by
 * this day of the following month. Defaults: 10 and 15 (local practice varies: configure it).
 */
export const disclosureSettingsSchema = z
  .object({
    financeDeadlineDay: z.number().int().min(1).max(28).default(10),
    quarterlyDeadlineDay: z.number().int().min(1).max(28).default(15),
  })
  .strict();

/**
 * 站内搜索 (extension). `synonyms`: groups of words residents use for the same thing, e.g.
 * ["综治", "社会治安综合治理"]. Searching any word of a group also finds pages that use another.
 */
export const searchSettingsSchema = z
  .object({
    synonyms: z
      .array(
        z
          .array(z.string().trim().min(1).regex(/^\S+$/, { message: 'synonym-space' }))
          .min(2)
          .refine((g) => new Set(g).size === g.length, { message: 'synonym-duplicate' }),
      )
      .default([]),
  })
  .strict();

/**
 * 编辑台 (extension, docs/发布指南.md 第 9 节): the Gitea/Forgejo or GitLab server officials sign in
 * to from /admin/. Without it the desk edits a local folder only (npm run dev on the office computer).
 */
export const deskSettingsSchema = z
  .object({
    /** gitea (also Forgejo) or gitlab */
    host: z.enum(['gitea', 'gitlab']),
    /** The git server's address, e.g. https://git.example.gov.cn */
    url: z.url({ protocol: /^https$/ }),
    /** owner/name of the site's repository on that server */
    repo: z.string().regex(/^[\w.-]+(?:\/[\w.-]+)+$/),
    /** The branch officials' changes go to (default: the repository's default branch). Optional. */
    branch: z.string().trim().min(1).optional(),
    /** OAuth application id registered on the git server, for 使用 Gitea 登录; without it, an access token. Optional. */
    appId: z.string().trim().min(1).optional(),
  })
  .strict();

export const siteSchema = z
  .object({
    /** 网站名称, e.g. 示范镇公开栏; shown in the header and the SiteName meta tag. */
    name: text,
    /** 发布机构 of the site as a whole, e.g. 示范镇人民政府. */
    issuer: text,
    /** 统一社会信用代码 of the issuer (GB 32100-2015), the first part of 索引号. */
    issuerCode: z.string().regex(/^[0-9A-HJ-NPQRTUWXY]{18}$/, { message: 'credit-code' }),
    /** 行政区划名称, e.g. 示范镇. */
    regionName: text,
    /** 联系方式 shown in the footer: office and landline. */
    contact: text,
    /** Public base URL (canonical links, feeds, sitemap); `SITE_URL` overrides it. Optional. */
    siteUrl: z.url().optional(),
    /** 政府网站标识码 (SiteIDCode meta tag). Optional. */
    siteIdCode: z
      .string()
      .regex(/^[0-9A-Za-z]{10}$/, { message: 'site-id-code' })
      .optional(),
    /**
     * 上线日期 (extension, issue 19): the day this site began publishing. A period whose
     * disclosure fell due before it is shown as 本站上线前, not counted as 未公开. Optional.
     */
    liveSince: isoDate.meta({ label: '上线日期' }).optional(),
    /** The town's office for complaints about village disclosures (组织法 art. 31). Optional: without it, `contact`. */
    supervision: supervisionSchema.meta({ label: '镇监督机构' }).optional(),
    privacy: privacySettingsSchema,
    desk: deskSettingsSchema.meta({ label: '编辑台' }).optional(),
    disclosure: disclosureSettingsSchema.prefault({}),
    search: searchSettingsSchema.prefault({}),
  })
  .strict();

export type Site = z.infer<typeof siteSchema>;
export type DeskSettings = z.infer<typeof deskSettingsSchema>;
