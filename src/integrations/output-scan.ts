/**
 * The personal-data gate over the finished site (src/lib/output/scan.ts), as the very last step
 * of `astro build`: after the pages, the downloads, the sitemap and the Pagefind index are
 * written, so it reads every file that would be published. A finding fails the build.
 *
 * `npm run build` (scripts/build.ts) builds into a staging directory and publishes it only when
 * this passed, so OUT_DIR keeps the previous site. Under a bare `astro build` (the benchmarks,
 * `npm run county`) the failing output is emptied instead, so that nothing can be uploaded from it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { formatReport } from '../lib/core/errors';
import { loadAllowList } from '../lib/checks/privacy';
import { displayPath } from '../lib/content/root';
import { scanOutputDir } from '../lib/output/scan';
import { readKnownClean, SCAN_CACHE_FILE, scanRulesKey, writeKnownClean } from '../lib/output/scan-cache';
import { outputSourceFinder } from '../lib/output/source';
import { PUBLISH_DIR_ENV } from '../lib/build/paths';

export function outputScan(contentRoot: string): AstroIntegration {
  let publicDir: string | undefined;
  let base = '/';
  let project = process.cwd();
  let cacheFile: string | undefined;
  // `astro build --force` reads every file again (and still leaves a fresh list).
  const reuse = !process.argv.includes('--force');
  return {
    name: 'gongkailan:output-scan',
    hooks: {
      'astro:config:done': ({ config }) => {
        publicDir = fileURLToPath(config.publicDir);
        base = config.base;
        project = fileURLToPath(config.root);
        cacheFile = path.join(fileURLToPath(config.cacheDir), SCAN_CACHE_FILE);
      },
      'astro:build:done': ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const publishTo = process.env[PUBLISH_DIR_ENV];
        const started = performance.now();
        const { allow } = loadAllowList(contentRoot, displayPath);
        const rules = cacheFile ? scanRulesKey(project, allow) : undefined;
        const result = scanOutputDir(site, {
          allow,
          displayDir: displayPath(publishTo ?? site),
          sourceOf: outputSourceFinder({ contentRoot, publicDir, base, display: displayPath }),
          ...(rules !== undefined ? { knownClean: reuse ? readKnownClean(cacheFile!, rules) : new Set<string>() } : {}),
        });
        const ms = Math.round(performance.now() - started);
        logger.info(
          `output scan: ${result.textFiles} text files (${(result.textBytes / 1e6).toFixed(1)} MB) in ${ms} ms, ${result.binaryFiles} binary, ${result.reused} unchanged since a clean scan`,
        );
        if (result.problems.length === 0) {
          if (rules !== undefined) writeKnownClean(cacheFile!, rules, result.clean);
          return;
        }
        console.error(formatReport(result.problems));
        if (!publishTo) {
          for (const entry of fs.readdirSync(site)) fs.rmSync(path.join(site, entry), { recursive: true, force: true });
        }
        throw new Error('生成的网站中有个人信息，本次构建不发布。(Personal data in the built site; this build publishes nothing.)');
      },
    },
  };
}
