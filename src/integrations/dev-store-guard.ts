/**
 * `astro dev` keeps its content store in the project's `.astro/` (not in the per-root cacheDir
 * that builds use, src/lib/build/paths.ts), one for every content root. An entry it finds there
 * by digest keeps the file path of the root that stored it, so after switching CONTENT_DIR the
 * preview could show the other root's files. The store is dropped when the root changed since the
 * last `astro dev`, recorded in `.astro/gkl-content-root`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

const MARKER = 'gkl-content-root';
const STORE_FILES = ['data-store.json', 'content-modules.mjs', 'content-assets.mjs'];

export function devStoreGuard(contentRoot: string): AstroIntegration {
  return {
    name: 'gongkailan:dev-store-guard',
    hooks: {
      'astro:config:setup': ({ command, config }) => {
        if (command !== 'dev') return;
        const dotAstro = fileURLToPath(new URL('.astro/', config.root));
        const marker = path.join(dotAstro, MARKER);
        const root = path.resolve(contentRoot);
        const last = fs.existsSync(marker) ? fs.readFileSync(marker, 'utf8') : undefined;
        if (last === root) return;
        for (const f of STORE_FILES) fs.rmSync(path.join(dotAstro, f), { force: true });
        fs.mkdirSync(dotAstro, { recursive: true });
        fs.writeFileSync(marker, root);
      },
    },
  };
}
