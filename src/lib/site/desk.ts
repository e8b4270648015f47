/**
 * The publishing desk (/admin/) as the rest of the site sees it: the one page for officials,
 * not readers. It is the one page that runs an application, so it is exempt from the text-page
 * budget and the no-JavaScript rule, and it is kept out of robots, the sitemap and the search
 * index (docs/内容规范.md “编辑台”). Every such exemption asks here.
 */
import fs from 'node:fs';
import path from 'node:path';

/** The desk's address under the base path. */
export const DESK_ROUTE = '/admin/';

/** Whether a built file (relative to the output, e.g. `admin/index.html`) is the desk's. */
export function isDeskFile(rel: string): boolean {
  return rel.split(path.sep).join('/').startsWith(DESK_ROUTE.slice(1));
}

/**
 * The `_astro/` files of the desk's application: what its page's scripts load, and what those
 * load in turn (chunks, fonts, WebAssembly), minus anything a reader's page loads too.
 */
export function deskAssets(dist: string): Set<string> {
  const reach = (entries: readonly string[]) => {
    const seen = new Set<string>();
    const queue = [...entries];
    for (let f = queue.shift(); f !== undefined; f = queue.shift()) {
      if (seen.has(f) || !fs.existsSync(path.join(dist, '_astro', f))) continue;
      seen.add(f);
      if (!f.endsWith('.js')) continue;
      const text = fs.readFileSync(path.join(dist, '_astro', f), 'utf8');
      // Imports (`"./x.js"`) and asset URLs (`new URL(\`/_astro/x.wasm\`, …)`) alike.
      for (const m of text.matchAll(/["'`](?:\.\/|[^"'`\s]*\/_astro\/)?([\w.-]+\.(?:js|css|woff2|wasm|png))["'`]/g)) queue.push(m[1]!);
    }
    return seen;
  };
  const scriptsOf = (html: string) => [...html.matchAll(/<script\b[^>]*\bsrc="[^"]*\/_astro\/([^"]+)"/g)].map((m) => m[1]!);
  const pages = (fs.readdirSync(dist, { recursive: true }) as string[]).filter((f) => f.endsWith('.html'));
  const desk = reach(pages.filter(isDeskFile).flatMap((f) => scriptsOf(fs.readFileSync(path.join(dist, f), 'utf8'))));
  const readers = reach(pages.filter((f) => !isDeskFile(f)).flatMap((f) => scriptsOf(fs.readFileSync(path.join(dist, f), 'utf8'))));
  return new Set([...desk].filter((f) => !readers.has(f)));
}
