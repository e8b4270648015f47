/**
 * Git hook: scans only what is being committed — the staged version of each staged file
 * under any content root of the repository (whatever CONTENT_DIR says) or public/ — with the
 * same scanner and messages as `npm run check`, and checks staged Markdown/MDX bodies against
 * the body rules (content never runs code).
 * With `--message FILE` (commit-msg hook) it scans the commit message, which the site shows
 * in revision history. Exit 1 refuses the commit.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ALLOW_FILE, scanContentFiles, scanFilesForPersonalData, type ContentTextFile } from '../src/lib/checks/personal-data';
import { resolveContentRoot } from '../src/lib/content/root';
import { formatReport, type Problem } from '../src/lib/core/errors';
import { allowSet, parseAllowList } from '../src/lib/privacy';

const git = (...args: string[]) =>
  execFileSync('git', ['-c', 'core.quotePath=false', ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
const top = git('rev-parse', '--show-toplevel').trim();
const TEXT = /\.(?:mdx?|json|csv|txt|ya?ml|geojson|svg|html?)$/i;
const ROOT_MARKERS = ['site.json', 'portal.json'];

function stagedText(file: string): string {
  return git('show', `:${file}`);
}

/**
 * Every content root of the repository, whatever CONTENT_DIR says in the committer's shell:
 * each folder whose index (staged) copy has a site.json or portal.json, plus content/ and
 * CONTENT_DIR's folder when inside the repository. public/ is copied into every site as it is.
 */
function contentRoots(): string[] {
  const indexed = git('ls-files', '-z', '--cached', '--', ...ROOT_MARKERS.flatMap((m) => [m, `**/${m}`]))
    .split('\0')
    .filter(Boolean)
    .map((f) => path.posix.dirname(f));
  const fromEnv = path.relative(top, resolveContentRoot(undefined, top)).split(path.sep).join('/');
  const roots = new Set(['content', ...indexed]);
  if (fromEnv && !fromEnv.startsWith('..') && !path.isAbsolute(fromEnv)) roots.add(fromEnv);
  return [...roots].map((r) => (r === '.' ? '' : r)).sort((a, b) => b.length - a.length);
}

/** The innermost root holding `file`, '' for the repository's top, or undefined outside every root. */
function rootOf(file: string, roots: readonly string[]): string | undefined {
  return roots.find((r) => r === '' || file === r || file.startsWith(`${r}/`));
}

function allowList(root: string): ReadonlySet<string> {
  const rel = root ? `${root}/${ALLOW_FILE}` : ALLOW_FILE;
  let text: string | undefined;
  try {
    text = stagedText(rel);
  } catch {
    text = fs.existsSync(path.join(top, rel)) ? fs.readFileSync(path.join(top, rel), 'utf8') : undefined;
  }
  if (!text) return new Set();
  try {
    return allowSet(parseAllowList(JSON.parse(text)).entries);
  } catch {
    return new Set(); // a broken allow-list approves nothing; `npm run check` names its error
  }
}

function maskNamesOf(root: string): boolean {
  try {
    return (JSON.parse(stagedText(root ? `${root}/site.json` : 'site.json')) as { privacy?: { maskNames?: boolean } }).privacy?.maskNames ?? true;
  } catch {
    return true;
  }
}

const started = performance.now();
const messageIndex = process.argv.indexOf('--message');
let problems: Problem[];
if (messageIndex > 0) {
  const file = process.argv[messageIndex + 1]!;
  // Every line, '#' lines too: `git commit -m` keeps them in the message (only an edited message
  // has them stripped), and history is public forever.
  const message = fs.readFileSync(file, 'utf8');
  // Only the repository's main site's allow-list applies to a message (it is shown on that site).
  problems = scanContentFiles([{ display: '提交说明 (commit message)', rel: 'COMMIT_MSG', text: message }], allowList('content'));
} else {
  const roots = contentRoots();
  const staged = git('diff', '--cached', '--name-only', '--diff-filter=ACMR', '-z').split('\0').filter(Boolean);
  const byRoot = new Map<string, ContentTextFile[]>();
  for (const f of staged) {
    const root = f === 'public' || f.startsWith('public/') ? 'public' : rootOf(f, roots);
    if (root === undefined) continue;
    const rel = root === '' ? f : f.slice(root.length + 1);
    const list = byRoot.get(root) ?? [];
    list.push({ display: f, rel, text: TEXT.test(f) ? stagedText(f) : undefined });
    byRoot.set(root, list);
  }
  problems = [];
  for (const [root, files] of byRoot) {
    // public/ belongs to every site: it is scanned with the main root's allow-list and rules.
    const rulesFrom = root === 'public' ? 'content' : root;
    problems.push(...scanFilesForPersonalData(files, allowList(rulesFrom), maskNamesOf(rulesFrom)));
    // Content never runs code: the staged Markdown/MDX bodies of a content root, by the check's
    // rules (loaded only when there are some: the parser would slow every other commit).
    const bodies = root === 'public' ? [] : files.filter((f) => f.text !== undefined && /\.mdx?$/i.test(f.rel));
    if (bodies.length > 0) {
      const { checkBodyFile } = await import('../src/lib/checks/bodies');
      for (const f of bodies) problems.push(...checkBodyFile(f.text!, f.rel, f.display));
    }
  }
}

if (problems.length > 0) {
  console.error(formatReport(problems));
  console.error(
    problems.every((p) => p.code.startsWith('privacy/'))
      ? '\n提交已被拒绝：请先删除上面列出的个人信息。(Commit refused: remove the personal data listed above.)'
      : '\n提交已被拒绝：请先改正上面列出的问题。(Commit refused: fix the problems listed above.)',
  );
  // exitCode, not exit(): a long report to a pipe would be cut off.
  process.exitCode = 1;
} else if (process.env.GKL_HOOK_TIMING) console.error(`pre-commit scan: ${Math.round(performance.now() - started)} ms`);
