/**
 * Every check over a content root, in one call: schemas, references, plan logic.
 * `npm run check`, the build and the tests all go through here, so they agree.
 */
import { checkCorrections } from './checks/corrections';
import { loadContent, type LoadResult } from './content/load';
import { resolveToday } from './dates';
import { bi, type Problem } from './errors';

export interface ValidationResult extends LoadResult {
  today?: string;
}

export function validateContentRoot(root: string, env: Record<string, string | undefined> = process.env): ValidationResult {
  const result = loadContent(root);
  let today: string | undefined;
  try {
    today = resolveToday(env.SITE_TODAY);
  } catch (err) {
    const problem: Problem = {
      file: 'SITE_TODAY',
      code: 'env/site-today',
      what: bi(`环境变量 SITE_TODAY="${env.SITE_TODAY ?? ''}" 不是有效日期`, `SITE_TODAY="${env.SITE_TODAY ?? ''}" is not a real date`),
      fix: bi('写成 YYYY-MM-DD，或不设置（默认用北京时间的今天）', 'use YYYY-MM-DD, or unset it to use today in Asia/Shanghai'),
    };
    result.problems.push(problem);
    void err;
  }
  if (today) result.problems.push(...checkCorrections(result.content, today));
  return { ...result, today };
}
