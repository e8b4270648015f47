/** What /admin/desk.json carries: the desk's configuration and its gate's context, from the site's content. */
import fs from 'node:fs';
import path from 'node:path';
import type { Site } from '../schemas/site';
import { deskConfig, type DeskConfig } from './config';
import type { GateContext } from './gate';

export interface DeskPageData {
  config: DeskConfig;
  gate: GateContext;
  /** Whether site.json names a git server: without one the desk is for the office computer only (npm run dev). */
  remote: boolean;
}

/** The text collections whose folders hold `.md` files besides `.mdx` (src/lib/desk/config.ts). */
export function markdownCollections(root: string): Set<string> {
  const has = (dir: string, pattern: RegExp) => fs.existsSync(dir) && fs.readdirSync(dir).some((f) => pattern.test(f));
  const found = new Set<string>();
  if (has(path.join(root, 'plans'), /\.md$/)) found.add('plans');
  if (has(path.join(root, 'legal'), /\.md$/)) found.add('legal');
  const disclosures = path.join(root, 'disclosures');
  if (fs.existsSync(disclosures) && fs.readdirSync(disclosures).some((v) => has(path.join(disclosures, v), /-notice-.*\.md$/))) found.add('notices');
  return found;
}

export function deskPageData(input: {
  site: Site;
  units: ReadonlyArray<{ id: string; name: string }>;
  villages: ReadonlyArray<{ code: string; name: string }>;
  contentPath: string;
  allow: readonly string[];
  markdown?: ReadonlySet<string>;
}): DeskPageData {
  return {
    config: deskConfig({
      contentPath: input.contentPath,
      units: input.units,
      villages: input.villages,
      settings: input.site.desk,
      siteName: input.site.name,
      markdown: input.markdown,
    }),
    gate: { allow: input.allow, maskNames: input.site.privacy.maskNames },
    remote: input.site.desk !== undefined,
  };
}
