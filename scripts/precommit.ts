/**
 * Git hook: scans only what is being committed — the staged version of each staged file
 * under the content root or public/ — with the same scanner and messages as `npm run check`.
 * With `--message FILE` (commit-msg hook) it scans the commit message, which the site shows
 * in revision history. Exit 1 refuses the commit.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ALLOW_FILE, scanContentFiles, scanFilesForPersonalData, type ContentTextFile } from '../src/lib/checks/privacy';
import { resolveContentRoot } from '../src/lib/content/root';
import { formatReport, type Problem } from '../src/lib/errors';
import { allowSet, parseAllowList } from '../src/lib/privacy';

const git = (...args: string[]) => execFileSync('git', args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
const top = git('rev-parse', '--show-toplevel').trim();
const contentRel = path.relative(top, resolveContentRoot(undefined, top)).split(path.sep).join('/');
const watched = [contentRel, 'public'].filter((d) => d && !d.startsWith('..'));
const TEXT = /\.(?:mdx?|json|csv|txt|ya?ml|geojson|svg|html?)$/i;

function stagedText(file: string): string {
  return git('show', `:${file}`);
}

function allowList(): ReadonlySet<string> {
  const rel = `${contentRel}/${ALLOW_FILE}`;
  let text: string | undefined;
  try {
    text = stagedText(rel);
  } catch {
    text = fs.existsSync(path.join(top, rel)) ? fs.readFileSync(path.join(top, rel), 'utf8') : undefined;
  }
  return text ? allowSet(parseAllowList(JSON.parse(text)).entries) : new Set();
}

const started = performance.now();
const messageIndex = process.argv.indexOf('--message');
let problems: Problem[];
if (messageIndex > 0) {
  const file = process.argv[messageIndex + 1]!;
  // Git's comment lines are not part of the message.
  const message = fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => !l.startsWith('#'))
    .join('\n');
  problems = scanContentFiles([{ display: '提交说明 (commit message)', rel: 'COMMIT_MSG', text: message }], allowList());
} else {
  const staged = git('diff', '--cached', '--name-only', '--diff-filter=ACMR', '-z')
    .split('\0')
    .filter((f) => f && watched.some((d) => f === d || f.startsWith(`${d}/`)));
  const files: ContentTextFile[] = staged.map((f) => ({ display: f, rel: f, text: TEXT.test(f) ? stagedText(f) : undefined }));
  const maskNames = (() => {
    try {
      return (JSON.parse(stagedText(`${contentRel}/site.json`)) as { privacy?: { maskNames?: boolean } }).privacy?.maskNames ?? true;
    } catch {
      return true;
    }
  })();
  problems = scanFilesForPersonalData(files, allowList(), maskNames);
}

if (problems.length > 0) {
  console.error(formatReport(problems));
  console.error('\n提交已被拒绝：请先删除上面列出的个人信息。(Commit refused: remove the personal data listed above.)');
  process.exit(1);
}
if (process.env.GKL_HOOK_TIMING) console.error(`pre-commit scan: ${Math.round(performance.now() - started)} ms`);
