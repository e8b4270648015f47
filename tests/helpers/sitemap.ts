/** The pages a build lists in its sitemap, as paths on the site (`/plans/x/`). */
import fs from 'node:fs';
import path from 'node:path';

export function sitemapPaths(dist: string): string[] {
  const index = fs.readFileSync(path.join(dist, 'sitemap-index.xml'), 'utf8');
  const maps = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => path.basename(new URL(m[1]!).pathname));
  return maps.flatMap((f) => [...fs.readFileSync(path.join(dist, f), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname));
}
