/**
 * The build environment, read from `process.env` here and nowhere else (CONTENT.md §
 * Environment): which content root, under which path, for which origin, as of which day.
 * Every command resolves it once and passes the frozen object on; an empty variable counts
 * as unset, the same for all of them (SITE_URL was `if`, `||` and `??` in three places).
 */

export interface BuildEnvironment {
  /** CONTENT_DIR: the content root to read (default `content/`). */
  readonly contentDir: string | undefined;
  /** BASE_PATH as written (src/lib/env/base-path.ts validates and normalises it). */
  readonly basePath: string | undefined;
  /** SITE_URL: overrides site.json's (portal.json's) siteUrl. */
  readonly siteUrl: string | undefined;
  /** SITE_TODAY as written (src/lib/core/dates.ts resolveToday; default today in Asia/Shanghai). */
  readonly siteToday: string | undefined;
}

/** As written; only an empty value is taken as unset (nothing is trimmed or "fixed": BASE_PATH with spaces is refused). */
const set = (v: string | undefined): string | undefined => (v === undefined || v === '' ? undefined : v);

/** The build environment of `env` (by default this process's), frozen. */
export function buildEnvironment(env: Readonly<Record<string, string | undefined>> = process.env): BuildEnvironment {
  return Object.freeze({
    contentDir: set(env.CONTENT_DIR),
    basePath: set(env.BASE_PATH),
    siteUrl: set(env.SITE_URL),
    siteToday: set(env.SITE_TODAY),
  });
}
