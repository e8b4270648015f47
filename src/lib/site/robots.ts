/**
 * robots.txt: every crawler may read everything, and is pointed at the sitemap.
 *
 * The sitemap (`sitemap-index.xml` under the base path) is only built when a site URL is
 * known (astro.config.ts), and robots.txt requires an absolute sitemap URL — so without a
 * site URL there is no `Sitemap:` line. Crawlers only read robots.txt at the root of a host:
 * under a county portal's sub-path the file says so, for the portal to merge its lines.
 */
import { DESK_ROUTE } from './desk';

export interface RobotsInput {
  /** Base path, beginning and ending with `/` (src/lib/env/base-path.ts). */
  base: string;
  /** Canonical origin (SITE_URL or site.json siteUrl), if known. */
  siteUrl?: string;
}

export function sitemapUrl({ base, siteUrl }: RobotsInput): string | undefined {
  return siteUrl ? new URL(`${base}sitemap-index.xml`, `${siteUrl.replace(/\/+$/, '')}/`).href : undefined;
}

export function robotsTxt(input: RobotsInput): string {
  const lines: string[] = [];
  if (input.base !== '/') {
    lines.push(
      `# 本站部署在子路径 ${input.base} 下。搜索引擎只读取域名根目录的 robots.txt，请将以下内容合并到门户网站的 robots.txt。`,
      `# This site is served under ${input.base}; crawlers only read /robots.txt at the host root, so merge these lines into the portal's.`,
    );
  }
  // The publishing desk (/admin/) is for officials, not a page for readers (docs/内容规范.md “编辑台”).
  lines.push('User-agent: *', `Allow: ${input.base}`, `Disallow: ${input.base}${DESK_ROUTE.slice(1)}`);
  const sitemap = sitemapUrl(input);
  if (sitemap) lines.push('', `Sitemap: ${sitemap}`);
  return `${lines.join('\n')}\n`;
}
