/**
 * The example publishing pipelines in deploy/ci/ (deploy/README.md §5): both parse, run the
 * content check before the build and the build before publishing, rebuild daily, read the full
 * git history and work in Shanghai time.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REPO } from '../helpers/content';
import { CACHE_BASE } from '../../src/lib/build/paths';

const read = (f: string) => parse(fs.readFileSync(path.join(REPO, 'deploy/ci', f), 'utf8')) as Record<string, unknown>;

function inOrder(commands: string[], wanted: RegExp[]): boolean {
  let at = -1;
  for (const w of wanted) {
    const i = commands.findIndex((c, k) => k > at && w.test(c));
    if (i < 0) return false;
    at = i;
  }
  return true;
}
/** Where astro.config.ts's cacheDir lies (one folder per content root inside), outside node_modules/ (which npm ci empties). */
const ASTRO_CACHE = CACHE_BASE;
const ORDER = [/^npm ci\b/, /^npm run check$/, /^npm run build$/, /rsync .*--delete.* dist\/ /];

describe('example publishing pipelines', () => {
  it('GitHub Actions: push to main, daily schedule, full history, check → build → publish', () => {
    const wf = read('github-actions.yml') as {
      on: { push: { branches: string[] }; schedule: Array<{ cron: string }> };
      jobs: { publish: { env: Record<string, string>; steps: Array<{ run?: string; with?: Record<string, unknown>; uses?: string }> } };
    };
    expect(wf.on.push.branches).toEqual(['main']);
    expect(wf.on.schedule[0]!.cron).toMatch(/^\d+ \d+ \* \* \*$/);
    const job = wf.jobs.publish;
    expect(job.env.TZ).toBe('Asia/Shanghai');
    expect(job.steps.find((s) => s.uses?.startsWith('actions/checkout'))?.with?.['fetch-depth']).toBe(0);
    const commands = job.steps.flatMap((s) =>
      (s.run ?? '')
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean),
    );
    expect(inOrder(commands, ORDER)).toBe(true);
    // Astro's content cache is kept between runs, where astro.config.ts puts it.
    const cache = job.steps.findIndex((s) => s.uses?.startsWith('actions/cache'));
    expect(job.steps[cache]?.with?.path).toBe(ASTRO_CACHE);
    expect(cache).toBeLessThan(job.steps.findIndex((s) => s.run === 'npm run build'));
  });

  it('GitLab CI: main and schedules, full history, check → build → publish', () => {
    const ci = read('gitlab-ci.yml') as {
      publish: { variables: Record<string, string>; rules: Array<{ if: string }>; script: string[]; cache: { paths: string[] } };
    };
    const job = ci.publish;
    expect(job.cache.paths).toContain(`${ASTRO_CACHE}/`);
    expect(job.variables.TZ).toBe('Asia/Shanghai');
    expect(job.variables.GIT_DEPTH).toBe('0');
    expect(job.rules.map((r) => r.if).join(' ')).toMatch(/main[\s\S]*schedule/);
    expect(inOrder(job.script, ORDER)).toBe(true);
  });
});
