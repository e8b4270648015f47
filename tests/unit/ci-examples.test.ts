/**
 * The example pipelines in deploy/ci/ (deploy/README.md §5, docs/服务器检查.md). Commits made
 * through the git host's API skip the local hooks, so these are the server-side gate: each one
 * parses, installs, runs the content check and then the build (whose last step scans the output)
 * in that order, never skips a hook, uses only scripts that exist, reads the full git history,
 * and publishes only on main after the check and the build passed.
 *
 * The assertions are functions over the parsed YAML, run on the real files and then on broken
 * copies (wrong order, deploy on a pull request, a failure allowed…) that they must reject.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { REPO } from '../helpers/content';
import { CACHE_BASE } from '../../src/lib/build/paths';

const DIR = path.join(REPO, 'deploy/ci');
const FILES = ['github-actions.yml', 'gitea-actions.yml', 'gitlab-ci.yml'];
const SCRIPTS = Object.keys((JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts);
const GATE_DOC = fs.readFileSync(path.join(REPO, 'docs/服务器检查.md'), 'utf8');

const text = (f: string) => fs.readFileSync(path.join(DIR, f), 'utf8');
/** Parses strictly: any YAML error or warning (duplicate key, unknown tag…) fails. */
function load(f: string): any {
  const doc = parseDocument(text(f));
  expect(
    doc.errors.map((e) => e.message),
    f,
  ).toEqual([]);
  expect(
    doc.warnings.map((e) => e.message),
    f,
  ).toEqual([]);
  return doc.toJS();
}

/** The shell lines of a `run:` block or a `script:` list, comments and blank lines left out. */
function shellLines(script: unknown): string[] {
  const parts = Array.isArray(script) ? script : typeof script === 'string' ? [script] : [];
  return parts
    .flatMap((p) => String(p).split('\n'))
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
}

/** Whether `wanted` match lines of `commands` one after another, in this order. */
function inOrder(commands: string[], wanted: RegExp[]): boolean {
  let at = -1;
  for (const w of wanted) {
    const i = commands.findIndex((c, k) => k > at && w.test(c));
    if (i < 0) return false;
    at = i;
  }
  return true;
}

const INSTALL = /^npm ci\b/;
const CHECK = /^npm run check$/;
const BUILD = /^npm run build$/;
const PUBLISH = /^rsync .*--delete.*--delay-updates.* dist\/ /;

/** Every `npm run X` exists in package.json, and no hook is ever skipped. */
function assertCommandsExist(commands: string[]) {
  const used = commands.flatMap((c) => [...c.matchAll(/\bnpm run(?:-script)? ([\w:.-]+)/g)].map((m) => m[1]!));
  expect(used.length).toBeGreaterThan(0);
  for (const s of used) expect(SCRIPTS, `npm run ${s}`).toContain(s);
  expect(commands.filter((c) => c.includes('--no-verify'))).toEqual([]);
}

type Step = {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
  'continue-on-error'?: unknown;
};

/** GitHub and Gitea/Forgejo Actions: one job, its steps in order. */
function actionsJob(wf: any, id: string): { job: any; steps: Step[]; commands: string[] } {
  const job = wf.jobs?.[id];
  expect(job, `jobs.${id}`).toBeTruthy();
  const steps = job.steps as Step[];
  return { job, steps, commands: steps.flatMap((s) => shellLines(s.run)) };
}

const stepIndex = (steps: Step[], re: RegExp) => steps.findIndex((s) => shellLines(s.run).some((l) => re.test(l)));

/** The shared rules of an Actions job: full history, install → check → build → publish, nothing allowed to fail, deploy after and only on main. */
function assertActionsJob(steps: Step[], commands: string[]) {
  const checkout = steps.filter((s) => s.uses?.startsWith('actions/checkout@'));
  expect(checkout).toHaveLength(1);
  expect(checkout[0]!.with?.['fetch-depth']).toBe(0);
  expect(steps.indexOf(checkout[0]!)).toBe(0);
  expect(inOrder(commands, [INSTALL, CHECK, BUILD, PUBLISH])).toBe(true);
  assertCommandsExist(commands);
  // Install, check and build always run and may not fail softly.
  const gate = [INSTALL, CHECK, BUILD].map((re) => stepIndex(steps, re));
  for (const i of gate) {
    expect(steps[i]!.if, steps[i]!.name).toBeUndefined();
    expect(steps[i]!['continue-on-error'], steps[i]!.name).toBeUndefined();
  }
  // Publishing is a later step, runs only when everything before it passed, only on main, never for a pull request.
  const publish = stepIndex(steps, PUBLISH);
  expect(publish).toBeGreaterThan(Math.max(...gate));
  const cond = steps[publish]!.if;
  if (cond !== undefined) {
    expect(cond).not.toMatch(/always\(\)|failure\(\)|cancelled\(\)/);
    expect(cond).toMatch(/github\.ref == 'refs\/heads\/main'/);
    expect(cond).toMatch(/github\.event_name != 'pull_request'/);
  }
}

/** Gitea / Forgejo: pull requests into main and pushes to main; the status check the docs tell administrators to require. */
function assertGitea(wf: any) {
  expect(Object.keys(wf.on)).toEqual(expect.arrayContaining(['pull_request', 'push']));
  const prBranches = wf.on.pull_request?.branches as string[] | undefined;
  if (prBranches) expect(prBranches).toContain('main');
  expect(wf.on.push.branches).toEqual(['main']);
  const { job, steps, commands } = actionsJob(wf, 'check');
  assertActionsJob(steps, commands);
  const cond = steps[stepIndex(steps, PUBLISH)]!.if;
  expect(cond, 'the publish step of the Gitea example is optional and only for main').toBeDefined();
  // Only actions the Gitea and Forgejo runners commonly mirror; the rest is plain shell.
  expect(steps.filter((s) => s.uses).map((s) => s.uses)).toEqual(['actions/checkout@v4']);
  // "Today" is the real date: SITE_TODAY is set nowhere.
  for (const env of [wf.env, job.env, ...steps.map((s) => s.env)]) expect(Object.keys(env ?? {})).not.toContain('SITE_TODAY');
  expect(job.env.TZ).toBe('Asia/Shanghai');
  // Gitea and Forgejo name the status "<workflow name> / <job name> (<event>)": the docs give that exact name.
  expect(GATE_DOC).toContain(`${wf.name} / ${job.name ?? 'check'} (pull_request)`);
}

/** GitHub: push to main and a daily schedule (the older publishing example), Astro's cache kept. */
function assertGithub(wf: any) {
  expect(wf.on.push.branches).toEqual(['main']);
  expect(wf.on.schedule[0].cron).toMatch(/^\d+ \d+ \* \* \*$/);
  const { job, steps, commands } = actionsJob(wf, 'publish');
  assertActionsJob(steps, commands);
  expect(job.env.TZ).toBe('Asia/Shanghai');
  const cache = steps.findIndex((s) => s.uses?.startsWith('actions/cache'));
  expect(steps[cache]?.with?.path).toBe(CACHE_BASE);
  expect(cache).toBeLessThan(stepIndex(steps, BUILD));
}

const GITLAB_KEYWORDS = new Set(['workflow', 'stages', 'variables', 'default', 'include', 'image', 'services', 'cache', 'before_script', 'after_script']);
const needsOf = (job: any): string[] => ((job.needs ?? []) as Array<string | { job: string }>).map((n) => (typeof n === 'string' ? n : n.job));
const ifs = (rules: unknown): Array<{ if?: string; when?: string }> => (Array.isArray(rules) ? rules : []);

/** GitLab: check → build → deploy, merge requests and the default branch, deploy needs the build and runs on main only. */
function assertGitlab(ci: any) {
  expect(ci.stages).toEqual(['check', 'build', 'deploy']);
  expect(ci.variables.GIT_DEPTH).toBe('0');
  expect(ci.variables.TZ).toBe('Asia/Shanghai');
  const running = ifs(ci.workflow?.rules).filter((r) => r.when !== 'never');
  expect(running.map((r) => r.if)).toEqual(expect.arrayContaining(['$CI_PIPELINE_SOURCE == "merge_request_event"', '$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH']));
  const jobs = Object.entries(ci as Record<string, any>).filter(([k]) => !GITLAB_KEYWORDS.has(k) && !k.startsWith('.'));
  const stage = (job: any) => ci.stages.indexOf(job.stage ?? 'test');
  for (const [id, job] of jobs) expect(stage(job), id).toBeGreaterThanOrEqual(0);
  // All commands, job after job in stage order: install, check, build, publish.
  const commands = [...jobs].sort(([, a], [, b]) => stage(a) - stage(b)).flatMap(([, j]) => shellLines(j.script));
  expect(inOrder(commands, [INSTALL, CHECK, BUILD, PUBLISH])).toBe(true);
  assertCommandsExist(commands);

  const byScript = (re: RegExp) => jobs.filter(([, j]) => shellLines(j.script).some((l) => re.test(l)));
  const [[checkId, check]] = byScript(CHECK) as [[string, any]];
  const [[buildId, build]] = byScript(BUILD) as [[string, any]];
  const [[, deploy]] = byScript(PUBLISH) as [[string, any]];
  expect(byScript(CHECK)).toHaveLength(1);
  expect(byScript(BUILD)).toHaveLength(1);
  expect(byScript(PUBLISH)).toHaveLength(1);
  for (const job of [check, build]) {
    expect(inOrder(shellLines(job.script), [INSTALL, job === check ? CHECK : BUILD])).toBe(true);
    // A job allowed to fail lets "Pipelines must succeed" pass a failed check; rules would leave it out of some pipelines.
    expect(job.allow_failure ?? false).toBe(false);
    expect(job.rules).toBeUndefined();
    expect(job.when ?? 'on_success').toBe('on_success');
  }
  expect(stage(check)).toBeLessThan(stage(build));
  expect(needsOf(build)).toContain(checkId);
  // "Today" is the real date: SITE_TODAY is unset before the build, and defined nowhere.
  expect(inOrder(shellLines(build.script), [/^unset SITE_TODAY$/, BUILD])).toBe(true);
  for (const vars of [ci.variables, ci.default?.variables, check.variables, build.variables]) expect(Object.keys(vars ?? {})).not.toContain('SITE_TODAY');
  // The caches: npm's downloads, and Astro's content cache where astro.config.ts keeps it.
  const cachePaths = (job: any): string[] => ([job.cache ?? []].flat() as Array<{ paths?: string[] }>).flatMap((c) => c.paths ?? []);
  expect(cachePaths(build)).toEqual(expect.arrayContaining(['.npm/', `${CACHE_BASE}/`]));
  expect(shellLines(build.script).find((l) => INSTALL.test(l))).toMatch(/--cache \.npm\b/);
  expect(build.artifacts.paths).toContain('dist/');

  // Deploy: a later stage, after the build it takes dist/ from, on the default branch only.
  expect(stage(deploy)).toBeGreaterThan(stage(build));
  expect(needsOf(deploy)).toContain(buildId);
  expect(deploy.allow_failure ?? false).toBe(false);
  const deployRules = ifs(deploy.rules).filter((r) => r.when !== 'never');
  expect(deployRules.length).toBeGreaterThan(0);
  for (const r of deployRules) {
    expect(r.if).toMatch(/\$CI_COMMIT_BRANCH == \$CI_DEFAULT_BRANCH/);
    expect(r.if).not.toMatch(/merge_request/);
  }
}

describe('example pipelines (the server-side gate)', () => {
  it.each(FILES)('%s parses, never skips a hook, runs only scripts that exist', (f) => {
    expect(load(f)).toBeTypeOf('object');
    // Not even in a comment: an administrator copies what the example shows.
    expect(text(f)).not.toContain('--no-verify');
  });

  it('Gitea / Forgejo: pull requests and pushes to main; checkout with full history; install → check → build; optional publish on main after them', () => {
    assertGitea(load('gitea-actions.yml'));
  });

  it('GitLab CI: merge requests and the default branch; check → build → deploy with needs; caches; dist/ artifact; deploy on main only', () => {
    assertGitlab(load('gitlab-ci.yml'));
  });

  it('GitHub Actions: push to main, daily schedule, full history, check → build → publish', () => {
    assertGithub(load('github-actions.yml'));
  });

  it('the docs name the files to copy and where', () => {
    for (const s of [
      'deploy/ci/gitea-actions.yml',
      '.gitea/workflows/check.yml',
      '.forgejo/workflows/check.yml',
      'deploy/ci/gitlab-ci.yml',
      '.gitlab-ci.yml',
    ]) {
      expect(GATE_DOC).toContain(s);
    }
    for (const f of ['README.md', 'deploy/README.md']) expect(fs.readFileSync(path.join(REPO, f), 'utf8'), f).toContain('docs/服务器检查.md');
  });
});

/** `assert` fails as an assertion (not a crash on a missing key), so each broken copy is rejected for what is broken. */
function rejects(assert: () => void) {
  let error: unknown;
  try {
    assert();
  } catch (e) {
    error = e;
  }
  expect((error as Error | undefined)?.name).toBe('AssertionError');
}

describe('the assertions reject broken pipelines', () => {
  const gitea = () => load('gitea-actions.yml');
  const gitlab = () => load('gitlab-ci.yml');
  const steps = (wf: any) => wf.jobs.check.steps as Step[];
  const swap = <T>(a: T[], i: number, j: number) => ([a[i], a[j]] = [a[j]!, a[i]!]);

  it.each<[string, (wf: any) => void]>([
    ['the build before the check', (wf) => swap(steps(wf), stepIndex(steps(wf), CHECK), stepIndex(steps(wf), BUILD))],
    ['no pull_request trigger', (wf) => delete wf.on.pull_request],
    ['push to every branch', (wf) => (wf.on.push.branches = ['**'])],
    ['a shallow checkout', (wf) => (steps(wf)[0]!.with!['fetch-depth'] = 1)],
    ['the check allowed to fail', (wf) => (steps(wf)[stepIndex(steps(wf), CHECK)]!['continue-on-error'] = true)],
    ['publishing on a pull request', (wf) => (steps(wf)[stepIndex(steps(wf), PUBLISH)]!.if = "github.ref == 'refs/heads/main'")],
    ['publishing even after a failure', (wf) => (steps(wf)[stepIndex(steps(wf), PUBLISH)]!.if += ' || always()')],
    ['a script that does not exist', (wf) => (steps(wf)[stepIndex(steps(wf), CHECK)]!.run = 'npm run check\nnpm run verify')],
    ['a hook skipped', (wf) => (steps(wf)[stepIndex(steps(wf), INSTALL)]!.run = 'npm ci\ngit commit --no-verify -m x')],
    ['a fixed SITE_TODAY', (wf) => (wf.jobs.check.env.SITE_TODAY = '2026-01-01')],
    ['a renamed job the docs do not name', (wf) => (wf.jobs.check.name = 'verify')],
  ])('Gitea: %s', (_, breakIt) => {
    const wf = gitea();
    assertGitea(wf);
    breakIt(wf);
    rejects(() => assertGitea(wf));
  });

  it.each<[string, (ci: any) => void]>([
    ['build before check', (ci) => (ci.stages = ['build', 'check', 'deploy'])],
    ['no merge request pipelines', (ci) => (ci.workflow.rules = ci.workflow.rules.filter((r: { if?: string }) => !r.if?.includes('merge_request')))],
    ['the check allowed to fail', (ci) => (ci.check.allow_failure = true)],
    ['the build without the check', (ci) => delete ci.build.needs],
    ['deploy without the build', (ci) => (ci.deploy.needs = [])],
    ['deploy on every branch', (ci) => (ci.deploy.rules = [{ if: '$DEPLOY_TARGET' }])],
    ['a shallow clone', (ci) => (ci.variables.GIT_DEPTH = '50')],
    ['no Astro cache', (ci) => (ci.build.cache = ci.build.cache.slice(0, 1))],
    ['no dist/ artifact', (ci) => (ci.build.artifacts.paths = ['public/'])],
    ['a script that does not exist', (ci) => ci.check.script.push('npm run verify')],
    ['SITE_TODAY left as set', (ci) => (ci.build.script = ci.build.script.filter((l: string) => !l.startsWith('unset')))],
  ])('GitLab: %s', (_, breakIt) => {
    const ci = gitlab();
    assertGitlab(ci);
    breakIt(ci);
    rejects(() => assertGitlab(ci));
  });
});
