import fs from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { resolveBasePath } from './src/lib/env/base-path';
import { normaliseText } from './src/lib/content/read';
import { resolveContentRoot } from './src/lib/content/root';
import { contentCheck } from './src/integrations/content-check';
import { cspMeta } from './src/integrations/csp-meta';
import { searchIndex } from './src/integrations/search-index';
import { outputScan } from './src/integrations/output-scan';
import { devStoreGuard } from './src/integrations/dev-store-guard';
import { desk } from './src/integrations/desk';
import { DESK_ROUTE } from './src/lib/site/desk';
import { contentCacheDir } from './src/lib/build/paths';
import { isPortalRoot, loadPortal, PORTAL_FILE } from './src/lib/portal/load';
import { buildPortalModel } from './src/lib/portal/model';
import { markdownProcessor } from './src/integrations/markdown';
import { buildEnvironment } from './src/lib/env/environment';

// Every date-derived fact is computed in Shanghai time (CONTENT.md).
process.env.TZ = 'Asia/Shanghai';

const contentRoot = resolveContentRoot();
// A root with portal.json is a county portal (docs/deployment.md §4): same shell and search,
// its own pages (src/portal/pages), built from the towns' published output only.
const portal = isPortalRoot(contentRoot);

/** Canonical origin: SITE_URL, else site.json's (portal.json's) siteUrl; none means no canonical links or sitemap. */
function siteUrl(): string | undefined {
  const fromEnv = buildEnvironment().siteUrl;
  if (fromEnv) return fromEnv;
  try {
    const site = JSON.parse(normaliseText(fs.readFileSync(path.join(contentRoot, portal ? PORTAL_FILE : 'site.json'), 'utf8'))) as { siteUrl?: string };
    return site.siteUrl;
  } catch {
    return undefined; // the content check reports a missing or broken site.json
  }
}

const site = siteUrl();
// A town's 专栏 usually lives under a county portal's sub-path (DOMAIN.md), e.g. BASE_PATH=/zl/qingshan/.
const base = resolveBasePath();

/** The portal's search also maps traditional characters the towns use (their published maps, joined). */
async function portalTrad() {
  const { portal: config, towns } = await loadPortal(contentRoot);
  return config ? buildPortalModel(config, towns, '').trad : {};
}

export default defineConfig({
  site,
  base,
  srcDir: portal ? './src/portal' : './src/town',
  trailingSlash: 'ignore',
  // `npm run build` (scripts/build.ts) sets OUT_DIR to its staging directory and publishes that.
  outDir: process.env.OUT_DIR || './dist',
  // Astro's content cache (parsed and rendered documents, by content digest) lives outside
  // node_modules/, which npm ci empties, so CI can keep it between runs (deploy/README.md §5).
  // One directory per content root under './.cache/astro' (CACHE_BASE): an entry Astro finds by
  // digest keeps the file path of the root that stored it, so a shared cache could render one
  // root's current file into another root's site (src/lib/build/paths.ts).
  cacheDir: contentCacheDir(process.cwd(), contentRoot),
  // Stylesheets are files, never inline <style>: the Content-Security-Policy has style-src 'self'
  // and no 'unsafe-inline' (src/lib/site/csp.ts).
  build: { format: 'directory', inlineStylesheets: 'never' },
  // A component's <style> is scoped with :where(.astro-…), which adds no specificity: a moved
  // rule weighs what it weighed in global.css, so the cascade is unchanged, and a class is
  // shorter in the HTML than a data-astro-cid-… attribute.
  scopedStyleStrategy: 'where',
  // HTML-aware whitespace (Astro 5's behaviour), not Astro 7's default 'jsx': a line break between
  // two inline pieces of a template stays one space, as written ("栖梧镇公开栏 栖梧镇人民政府",
  // "发布日期 … · 有效"); 'jsx' drops it and changed the text of every page of the sample. Chinese text
  // with Latin words and numbers keeps exactly the spaces its template has (docs/性能.md §6).
  compressHTML: true,
  // Text pages stay script-free: no prefetch, no view transitions, no dev toolbar in output.
  prefetch: false,
  devToolbar: { enabled: false },
  // Sätteri (Astro 7's Markdown and MDX processor; mdx() inherits it): the guards that keep content
  // from running code, table captions, no smart punctuation (src/integrations/markdown.ts).
  markdown: { processor: markdownProcessor(contentRoot) },
  // searchIndex indexes the finished HTML; outputScan then reads every file that would be published.
  integrations: [
    devStoreGuard(contentRoot),
    contentCheck(contentRoot),
    cspMeta(),
    mdx(),
    ...(portal ? [] : [desk()]),
    // The publishing desk is not a page for readers (docs/内容规范.md “编辑台”).
    ...(site ? [sitemap({ filter: (page) => !new URL(page).pathname.startsWith(`${base.replace(/\/?$/, '')}${DESK_ROUTE}`) })] : []),
    searchIndex(portal ? portalTrad : undefined),
    outputScan(contentRoot),
  ],
  vite: {
    // Astro inlines a bundled component script smaller than this limit as <script>…</script>,
    // which the Content-Security-Policy refuses (script-src 'self', src/lib/site/csp.ts): every script
    // stays a file. Other assets keep Vite's default.
    build: { assetsInlineLimit: (file: string) => (file.endsWith('.js') ? false : undefined) },
    // The content root may sit outside the project (CONTENT_DIR); let Vite read it.
    server: { fs: { allow: ['.', contentRoot] } },
  },
});
