import fs from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { resolveBasePath } from './src/lib/base-path';
import { resolveContentRoot } from './src/lib/content/root';
import { contentCheck } from './src/integrations/content-check';
import { searchIndex } from './src/integrations/search-index';
import { rehypeTableCaptions } from './src/lib/markdown/table-captions';

// Every date-derived fact is computed in Shanghai time (CONTENT.md).
process.env.TZ = 'Asia/Shanghai';

const contentRoot = resolveContentRoot();

/** Canonical origin: SITE_URL, else site.json's siteUrl; none means no canonical links or sitemap. */
function siteUrl(): string | undefined {
  if (process.env.SITE_URL) return process.env.SITE_URL;
  try {
    const site = JSON.parse(fs.readFileSync(path.join(contentRoot, 'site.json'), 'utf8')) as { siteUrl?: string };
    return site.siteUrl;
  } catch {
    return undefined; // the content check reports a missing or broken site.json
  }
}

const site = siteUrl();
// A town's 专栏 usually lives under a county portal's sub-path (DOMAIN.md), e.g. BASE_PATH=/zl/qingshan/.
const base = resolveBasePath();

export default defineConfig({
  site,
  base,
  trailingSlash: 'ignore',
  outDir: process.env.OUT_DIR || './dist',
  build: { format: 'directory', inlineStylesheets: 'never' },
  // Text pages stay script-free: no prefetch, no view transitions, no dev toolbar in output.
  prefetch: false,
  devToolbar: { enabled: false },
  // Every table needs a caption; Markdown cannot write one (src/lib/markdown/table-captions.ts).
  markdown: { rehypePlugins: [rehypeTableCaptions] },
  // searchIndex runs last: it indexes the finished HTML.
  integrations: [contentCheck(contentRoot), mdx(), ...(site ? [sitemap()] : []), searchIndex()],
  vite: {
    // The content root may sit outside the project (CONTENT_DIR); let Vite read it.
    server: { fs: { allow: ['.', contentRoot] } },
  },
});
