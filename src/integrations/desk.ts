/**
 * Builds the publishing desk (/admin/) from Sveltia CMS's npm package with no request to another
 * origin: its stylesheet names three fonts on a CDN (cdn.jsdelivr.net) that the package also ships
 * and registers itself, so those @font-face rules are dropped; and its code highlighter's 240
 * language grammars, which our content never needs (bodies hold no code), are left out of the
 * build. Any other foreign request fails tests/browser/desk.test.ts.
 *
 * Its viewport tag also forbids zooming (maximum-scale=1); officials who need larger text must be
 * able to zoom (WCAG 2.2 SC 1.4.4 Resize Text), so that one word is dropped too.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { build, type Plugin } from 'vite';
import { DESK_APP_ENTRY, DESK_CACHE, DESK_ENTRY, deskAppKey, deskAppPath } from '../lib/site/desk';

const SVELTIA = /[\\/]@sveltia[\\/]cms[\\/]npm[\\/]index\.js$/;
const CDN_FONT = /@font-face\s*\{[^}]*https:\/\/cdn\.jsdelivr\.net\/[^}]*\}/g;
const NO_ZOOM = '`maximum-scale=1`,';
const GRAMMAR = /^@shikijs\/(?:langs|themes)\//;
const EMPTY = '\0gkl-desk-empty';

export function deskVitePlugin(): Plugin {
  return {
    name: 'gongkailan:desk',
    enforce: 'pre',
    resolveId(source, importer) {
      if (GRAMMAR.test(source) && importer && SVELTIA.test(importer)) return EMPTY;
      return null;
    },
    load(id) {
      return id === EMPTY ? 'export default [];' : null;
    },
    transform(code, id) {
      if (!SVELTIA.test(id)) return null;
      const fonts = code.replace(CDN_FONT, '');
      if (fonts === code) this.warn('desk: no CDN @font-face found in Sveltia CMS (tests/browser/desk.test.ts checks for foreign requests)');
      const zoomable = fonts.replace(NO_ZOOM, '');
      if (zoomable === fonts) this.warn('desk: Sveltia CMS no longer sets maximum-scale=1 (tests/browser/desk.test.ts runs axe)');
      return { code: zoomable, map: null };
    },
  };
}

/**
 * The desk's application, built by its own Vite build rather than as a script of its page: it
 * does not depend on content, so it is built once per state of the code (src/lib/site/desk.ts
 * deskAppKey) into `.cache/desk/<key>/` and copied into every site, and when it has to be built
 * it is built while Astro renders the pages (its bundler works in native threads) instead of in
 * line (~2 s of every build, docs/性能.md §8). `astro build --force` builds it again.
 */
async function buildDeskApp(project: string, to: string): Promise<void> {
  await build({
    configFile: false,
    root: project,
    logLevel: 'warn',
    // Asset URLs relative to the module (new URL(…, import.meta.url)): the app works under any base path.
    base: './',
    publicDir: false,
    plugins: [deskVitePlugin()],
    build: {
      outDir: to,
      emptyOutDir: true,
      modulePreload: false,
      // Sveltia's own bundle is ~2 MB; only /admin/ loads it.
      chunkSizeWarningLimit: 4096,
      rolldownOptions: {
        input: path.join(project, DESK_ENTRY),
        output: { entryFileNames: DESK_APP_ENTRY, chunkFileNames: 'chunks/[name]-[hash].js', assetFileNames: 'assets/[name]-[hash][extname]' },
      },
    },
  });
}

interface DeskApp {
  /** The built application to copy into the site. */
  dir: string;
  built: boolean;
  ms: number;
  /** Set when `dir` is this build's own copy, to delete once copied. */
  own?: boolean;
}

/**
 * The app for `key`: from the cache, else built into it (aside, then renamed: never half an app).
 * Builds of one checkout can run at once (tests build three sites in parallel): an entry already
 * in place is never replaced, so no build copies from a directory that another is deleting.
 */
async function deskApp(project: string, key: string, reuse: boolean): Promise<DeskApp> {
  const started = performance.now();
  const cache = path.join(project, DESK_CACHE);
  const dir = path.join(cache, key);
  if (reuse && fs.existsSync(path.join(dir, DESK_APP_ENTRY))) {
    const now = new Date();
    fs.utimesSync(dir, now, now);
    return { dir, built: false, ms: performance.now() - started };
  }
  const tmp = `${dir}.tmp-${process.pid}`;
  await buildDeskApp(project, tmp);
  const ms = performance.now() - started;
  if (fs.existsSync(dir)) return { dir: tmp, built: true, ms, own: true };
  try {
    fs.renameSync(tmp, dir);
  } catch {
    return { dir: tmp, built: true, ms, own: true }; // another build put its copy in place meanwhile
  }
  // Apps of other states of the code, unused for a week, go.
  const cutoff = Date.now() - 7 * 24 * 3600 * 1000;
  for (const name of fs.readdirSync(cache)) {
    const entry = path.join(cache, name);
    if (name !== key && fs.statSync(entry).mtimeMs < cutoff) fs.rmSync(entry, { recursive: true, force: true });
  }
  return { dir, built: true, ms };
}

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/**
 * The desk: its application's URL for the page (GKL_DESK_APP), started at once in `astro build`
 * and copied into the site when the pages are done; `astro dev` serves it from the cache, built
 * on the first request (the key is taken when the server starts: restart it after changing the
 * desk's code).
 */
export function desk(): AstroIntegration {
  let project = process.cwd();
  let key = '';
  let app: Promise<DeskApp> | undefined;
  // Started at once and awaited where it is needed; a failure is reported there, not as an unhandled rejection.
  const start = (reuse: boolean) => {
    app ??= deskApp(project, key, reuse);
    app.catch(() => undefined);
    return app;
  };
  return {
    name: 'gongkailan:desk',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        project = fileURLToPath(config.root);
        key = deskAppKey(project);
        updateConfig({
          vite: {
            define: { 'import.meta.env.GKL_DESK_APP': JSON.stringify(`${config.base.replace(/\/?$/, '/')}${deskAppPath(key)}${DESK_APP_ENTRY}`) },
          },
        });
        if (command === 'build') void start(!process.argv.includes('--force'));
      },
      'astro:server:setup': ({ server }) => {
        const prefix = `${server.config.base.replace(/\/?$/, '/')}${deskAppPath(key)}`;
        server.middlewares.use((req, res, next) => {
          const url = (req.url ?? '').split('?')[0]!;
          if (!url.startsWith(prefix)) return next();
          start(true).then(
            ({ dir }) => {
              const file = path.join(dir, decodeURIComponent(url.slice(prefix.length)));
              if (!file.startsWith(dir + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) return next();
              res.setHeader('Content-Type', CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream');
              res.end(fs.readFileSync(file));
            },
            (error: unknown) => next(error),
          );
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const { dir: from, built, ms, own } = await start(true);
        fs.cpSync(from, path.join(fileURLToPath(dir), deskAppPath(key)), { recursive: true });
        if (own) fs.rmSync(from, { recursive: true, force: true });
        logger.info(built ? `desk app built beside the pages in ${Math.round(ms)} ms` : 'desk app unchanged since it was last built: copied');
      },
    },
  };
}
