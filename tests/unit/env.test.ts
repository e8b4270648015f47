/**
 * Issue 18: SITE_TODAY, SITE_URL, BASE_PATH and CONTENT_DIR are read from the environment in
 * one module (src/lib/env/environment.ts), with one meaning of "unset".
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildEnvironment } from '../../src/lib/env/environment';
import { REPO } from '../helpers/content';

const READ = /\benv\s*(?:\.\s*|\[\s*['"`])(SITE_TODAY|SITE_URL|BASE_PATH|CONTENT_DIR)\b(?!\s*[:=](?!=))/g;

function sources(dir: string): string[] {
  return (fs.readdirSync(path.join(REPO, dir), { recursive: true }) as string[]).filter((f) => /\.(?:ts|mjs|astro)$/.test(f)).map((f) => path.join(dir, f));
}

describe('the build environment', () => {
  it('is read in src/lib/env/environment.ts and nowhere else', () => {
    const readers = [...sources('src'), ...sources('scripts'), 'astro.config.ts']
      .filter((f) => f !== path.join('src', 'lib', 'env', 'environment.ts'))
      .flatMap((f) => [...fs.readFileSync(path.join(REPO, f), 'utf8').matchAll(READ)].map((m) => `${f}: ${m[0]}`));
    expect(readers).toEqual([]);
  });

  it('takes an empty variable as unset, the same for every one, and is frozen', () => {
    const env = buildEnvironment({ SITE_URL: '', SITE_TODAY: '2026-11-20', BASE_PATH: '/zl/x/', CONTENT_DIR: '' });
    expect(env).toEqual({ contentDir: undefined, basePath: '/zl/x/', siteUrl: undefined, siteToday: '2026-11-20' });
    expect(Object.isFrozen(env)).toBe(true);
    expect(buildEnvironment({ BASE_PATH: ' /zl x/ ' }).basePath).toBe(' /zl x/ ');
  });
});
