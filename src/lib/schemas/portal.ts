/**
 * `portal.json` — a county portal's content root (extension, docs/deployment.md §4). The
 * portal holds no documents of its own: it links the towns' independently built sites,
 * searches them together and lists their open data, reading only what they published.
 */
import { z } from 'astro/zod';
import { slugId, text } from './common';
import { searchSettingsSchema } from './site';

/**
 * Where a town's site is served: an absolute path on the portal's own host (`/zl/qingshan/`)
 * or a full http(s) URL; always ending in `/`.
 */
const townUrl = z.string().refine((s) => /^\/(?:[^/\s]+\/)*$/.test(s) || /^https?:\/\/[^\s/]+\/(?:[^/\s]+\/)*$/.test(s), { params: { rule: 'town-url' } });

export const portalTownSchema = z
  .object({
    /** Identifier used in the portal's own URLs (/towns/<id>/). */
    id: slugId,
    /** 镇（街道）名称, as residents say it; also the search filter value. */
    name: text,
    /** Where residents reach the town's site (its BASE_PATH on this host, or its own URL). */
    url: townUrl,
    /**
     * A local directory holding the town's built site (its `dist/`), relative to the portal
     * root. Without it the portal reads the published files over HTTP from `url`.
     */
    dist: z.string().trim().min(1).optional(),
  })
  .strict()
  // A path alone leaves the build nowhere to read the town's published files from.
  .refine((t) => t.dist !== undefined || !t.url.startsWith('/'), { path: ['dist'], params: { rule: 'town-source' } });

/** A shared measure the portal compares across towns, per `per` residents. */
export const portalComparisonSchema = z
  .object({
    /** Dataset id every town publishes under /data/<id>.json, e.g. disputes-monthly. */
    dataset: slugId,
    /** A `count` measure of that dataset, e.g. count. */
    measure: z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, { message: 'column-key' }),
    /** Heading of the comparison, e.g. 矛盾纠纷. */
    title: text,
    per: z.number().int().min(1).default(1000),
    /** How many of the latest months every town covers are summed. */
    months: z.number().int().min(1).max(120).default(12),
  })
  .strict();

export const portalSchema = z
  .object({
    /** 门户名称, e.g. 云岭县基层政务公开. */
    name: text,
    issuer: text,
    /** 行政区划名称 of the county, e.g. 云岭县. */
    regionName: text,
    contact: text,
    siteUrl: z.url().optional(),
    siteIdCode: z
      .string()
      .regex(/^[0-9A-Za-z]{10}$/, { message: 'site-id-code' })
      .optional(),
    /** One paragraph on the home page. */
    intro: text.optional(),
    towns: z
      .array(portalTownSchema)
      .min(1)
      .superRefine((towns, ctx) => {
        for (const key of ['id', 'name', 'url'] as const) {
          const seen = new Set<string>();
          towns.forEach((t, i) => {
            if (seen.has(t[key])) ctx.addIssue({ code: 'custom', path: [i, key], params: { rule: 'duplicate' } });
            seen.add(t[key]);
          });
        }
      }),
    compare: z.array(portalComparisonSchema).default([]),
    search: searchSettingsSchema.prefault({}),
  })
  .strict();

export type Portal = z.infer<typeof portalSchema>;
export type PortalTown = z.infer<typeof portalTownSchema>;
export type PortalComparison = z.infer<typeof portalComparisonSchema>;
