/**
 * Warnings: what an official should know that does not stop publication (problems do). Same
 * shape as a problem — where, what, how to fix, bilingual — printed after the check's report and
 * listed in `npm run check --json`; the exit code stays 0.
 */
import type { ContentSet } from '../content/set';
import { bi, formatItem, type Problem } from '../core/errors';
import { buildEnvironment } from '../env/environment';

export type Warning = Problem;

/** Warnings about a town's content root that passed or failed its checks alike. */
export function contentWarnings(content: ContentSet, env: Record<string, string | undefined>, display: (abs: string) => string): Warning[] {
  const warnings: Warning[] = [];
  if (content.site && !content.site.siteUrl && !buildEnvironment(env).siteUrl)
    // A QR code needs a full address: a printed sheet cannot point at a path.
    warnings.push({
      file: display(`${content.root}/site.json`),
      field: 'siteUrl',
      code: 'site/no-site-url',
      what: bi(
        '没有设置网站地址（site.json 的 siteUrl，或环境变量 SITE_URL）：打印的公开表和一村一码海报上不会有二维码，网页也没有规范地址',
        'no site URL (site.json siteUrl or SITE_URL): printed sheets and posters get no QR code, and pages no canonical address',
      ),
      fix: bi(
        '在 site.json 里写上网站的完整地址，例如 "siteUrl": "https://qiwu.example.cn"',
        'add the full address to site.json, e.g. "siteUrl": "https://qiwu.example.cn"',
      ),
    });
  return warnings;
}

/** The warnings as the check prints them after its report; empty when there are none. */
export function formatWarnings(warnings: readonly Warning[]): string {
  if (warnings.length === 0) return '';
  const lines = warnings.flatMap((w) => formatItem(w, '⚠', '提醒', '建议'));
  return [...lines, `⚠ 共 ${warnings.length} 条提醒，不影响发布。 (${warnings.length} warning(s); publishing is not blocked.)`].join('\n');
}
