/**
 * The publishing desk (/admin/) as the rest of the site sees it: the one page for officials,
 * not readers. It is the one page that runs an application, so it is exempt from the text-page
 * budget and the no-JavaScript rule, and it is kept out of robots, the sitemap and the search
 * index (docs/内容规范.md “编辑台”). Every such exemption asks here.
 */
import fs from 'node:fs';
import path from 'node:path';
import { treeDigest } from '../build/tree-digest';

/** The desk's address under the base path. */
export const DESK_ROUTE = '/admin/';

/** Whether a built file (relative to the output, e.g. `admin/index.html`) is the desk's. */
export function isDeskFile(rel: string): boolean {
  return rel.split(path.sep).join('/').startsWith(DESK_ROUTE.slice(1));
}

/** The desk's application: its entry module, built on its own (src/integrations/desk.ts). */
export const DESK_ENTRY = 'src/town/desk/desk.ts';
/** Where built applications are kept between builds, one directory per state of the code. */
export const DESK_CACHE = '.cache/desk';
/** The entry's file name in a built application. */
export const DESK_APP_ENTRY = 'desk.js';

/**
 * The state of the code the application is built from: its entry's folder, src/lib (the gate,
 * the schemas, the privacy rules it bundles), the build plugin and the lock file.
 */
export function deskAppKey(project: string): string {
  const digest = treeDigest(project, 'gongkailan desk app 1', ['src/town/desk', 'src/lib', 'src/integrations/desk.ts', 'package-lock.json']);
  return (digest ?? 'none').slice(0, 16);
}

/**
 * Where the application sits in a site, relative to its base: inside the desk's own folder, so
 * everything that keeps /admin/ apart (robots, nginx's policy, the text-page budgets) covers it.
 */
export function deskAppPath(key: string): string {
  return `${DESK_ROUTE.slice(1)}app-${key}/`;
}

/** The files of the desk's application in a built site (relative, `/`-separated). */
export function deskAppFiles(dist: string): string[] {
  const admin = path.join(dist, DESK_ROUTE.slice(1));
  if (!fs.existsSync(admin)) return [];
  return (fs.readdirSync(admin, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((e) => e.isFile())
    .map((e) => path.relative(dist, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .filter((rel) => /^admin\/app-[^/]+\//.test(rel));
}
