/**
 * Every check over a content root, in one call: schemas, references, plan logic.
 * `npm run check`, the build and the tests all go through here, so they agree.
 */
import path from 'node:path';
import { runContentChecks } from './index';
import { checkPublicDir } from './privacy';
import { loadContent } from '../content/load';
import type { LoadResult } from '../content/set';
import { resolveToday } from '../core/dates';
import { bi, type Problem } from '../core/errors';
import { isPortalRoot, loadPortal } from '../portal/load';
import { displayPath } from '../content/root';
import { basePathProblem } from '../env/base-path';
import { buildEnvironment } from '../env/environment';
import { contentWarnings, type Warning } from './warnings';

export interface ValidationResult extends LoadResult {
  today?: string;
  /** What does not stop publication (src/lib/checks/warnings.ts). */
  warnings: Warning[];
}

export interface ValidateOptions {
  /** The project's public/ folder, copied into every build as it is (default: ./public). */
  publicDir?: string;
}

export function validateContentRoot(root: string, env: Record<string, string | undefined> = process.env, opts: ValidateOptions = {}): ValidationResult {
  const display = (abs: string) => displayPath(abs);
  const result = loadContent(root);
  const envProblems: Problem[] = [];
  const today = checkEnv(env, envProblems);
  result.problems.push(...runContentChecks(result.content, { display, today }), ...checkPublicDir(publicDirOf(opts), root, display), ...envProblems);
  return { ...result, today, warnings: contentWarnings(result.content, env, display) };
}

/**
 * A town's root or a county portal's (portal.json): `npm run check` and the build call this.
 * A portal's check reads what its towns published (local builds or over HTTP), hence async.
 */
export async function validateRoot(
  root: string,
  env: Record<string, string | undefined> = process.env,
  opts: ValidateOptions = {},
): Promise<ValidationResult | { problems: Problem[]; warnings: Warning[] }> {
  if (!isPortalRoot(root)) return validateContentRoot(root, env, opts);
  const { problems } = await loadPortal(root);
  problems.push(...checkPublicDir(publicDirOf(opts), root, (abs) => displayPath(abs)));
  checkEnv(env, problems);
  return { problems, warnings: [] };
}

function publicDirOf(opts: ValidateOptions): string {
  return opts.publicDir ?? path.resolve('public');
}

/** The environment the build reads: BASE_PATH must be a plain path, SITE_TODAY a real date (returned). */
function checkEnv(env: Record<string, string | undefined>, problems: Problem[]): string | undefined {
  const { basePath, siteToday } = buildEnvironment(env);
  const base = basePathProblem(basePath);
  if (base) problems.push(base);
  try {
    return resolveToday(siteToday);
  } catch {
    problems.push({
      file: 'SITE_TODAY',
      code: 'env/site-today',
      what: bi(`环境变量 SITE_TODAY="${siteToday ?? ''}" 不是有效日期`, `SITE_TODAY="${siteToday ?? ''}" is not a real date`),
      fix: bi('写成 YYYY-MM-DD，或不设置（默认用北京时间的今天）', 'use YYYY-MM-DD, or unset it to use today in Asia/Shanghai'),
    });
    return undefined;
  }
}
