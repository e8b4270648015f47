/** Real builds of fixture content roots, the way CI and officials run them. */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { REPO } from './content';

export const TEST_DIST = path.join(REPO, '.test-dist');
export { TODAY } from '../today';
import { TODAY } from '../today';

export function run(cmd: string, args: string[], env: Record<string, string> = {}, cwd = REPO): SpawnSyncReturns<string> {
  // Without vitest's NODE_ENV=test: commands run as an official runs them.
  const { NODE_ENV: _vitest, ...inherited } = process.env;
  return spawnSync(cmd, args, {
    cwd,
    encoding: 'utf8',
    env: { ...inherited, SITE_TODAY: TODAY, TZ: 'Asia/Shanghai', ...env },
    timeout: 180_000,
  });
}

/** `npm run build` with CONTENT_DIR and OUT_DIR set; returns the process result. */
export function buildSite(contentDir: string, outDir: string, env: Record<string, string> = {}) {
  fs.rmSync(outDir, { recursive: true, force: true });
  return run('npm', ['run', '--silent', 'build'], { CONTENT_DIR: contentDir, OUT_DIR: outDir, ...env });
}

export function checkContent(contentDir: string, args: string[] = []) {
  return run('npm', ['run', '--silent', 'check', '--', ...args], { CONTENT_DIR: contentDir });
}

/** Every file under `dir`, relative paths. */
export function listFiles(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(dir, f)).isFile());
}

export const builds = {
  sample: path.join(TEST_DIST, 'sample'),
  linhe: path.join(TEST_DIST, 'linhe'),
  linheSubpath: path.join(TEST_DIST, 'linhe-subpath'),
};
