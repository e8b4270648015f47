/**
 * npm run publish [-- -m "提交说明"] [--no-push]
 *
 * Publishes an official's edits through every gate, in one command: lists what changed under the
 * content root (CONTENT_DIR), runs the full content check as `npm run check` does, commits only
 * the content root's changes — through the installed pre-commit and commit-msg hooks, never
 * --no-verify — and pushes to the branch's upstream, after which CI or the server rebuilds the
 * site. Exit 0 when published (or when there is nothing to publish), 1 when anything stopped it.
 * Whatever stops it before the commit leaves the files, the index and the history as they were;
 * a failed push keeps the commit, and the next run pushes it. How officials use it:
 * docs/发布指南.md. The pure parts are in src/lib/publish/.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline/promises';
import { displayPath, resolveContentRoot } from '../src/lib/content/root';
import type { Bilingual } from '../src/lib/core/errors';
import { parsePublishArgs, USAGE } from '../src/lib/publish/args';
import { formatChanges, parsePorcelainZ, summarize, type Change } from '../src/lib/publish/changes';
import { commitMessage, defaultMessage } from '../src/lib/publish/message';
import { classifyPushFailure, PUSH_ADVICE } from '../src/lib/publish/push';
import { printCheck, runCheck } from './check-report';

interface GitResult {
  status: number;
  stdout: string;
  stderr: string;
}

/** Git in `cwd`, with paths printed as they are (Chinese folder names stay readable). */
function git(cwd: string, args: string[], opts: { input?: string; env?: NodeJS.ProcessEnv; showStderr?: boolean } = {}): GitResult {
  const r = spawnSync('git', ['-c', 'core.quotePath=false', ...args], {
    cwd,
    encoding: 'utf8',
    input: opts.input,
    env: opts.env ?? process.env,
    maxBuffer: 256 * 1024 * 1024,
    // A hook's report goes straight to the official's terminal.
    stdio: ['pipe', 'pipe', opts.showStderr ? 'inherit' : 'pipe'],
  });
  return { status: r.status ?? 1, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

class Stop extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(en);
  }
}

/** Ends the run: nothing (more) is published, and the official is told why and what to do. */
const stop = (zh: string, en: string): never => {
  throw new Stop(zh, en);
};

/** A line for the official, with its English gloss below it, as the check's report does. */
const say = (zh: string, en: string) => console.log(`${zh}\n  (${en})`);

async function main(): Promise<number> {
  const parsed = parsePublishArgs(process.argv.slice(2), process.env);
  if (parsed.help) {
    console.log(USAGE);
    return 0;
  }
  if ('error' in parsed) {
    console.error(`✗ ${parsed.error.zh}\n  (${parsed.error.en})\n\n${USAGE}`);
    return 1;
  }
  const { args } = parsed;

  // 1. The content root, found as every command finds it, and the repository holding it.
  const root = resolveContentRoot();
  if (!fs.existsSync(root) || !fs.statSync(root).isDirectory())
    stop(`找不到内容目录 ${root}（CONTENT_DIR）。`, `the content root ${root} does not exist (CONTENT_DIR)`);
  const topResult = git(root, ['rev-parse', '--show-toplevel']);
  if (topResult.status !== 0)
    stop(
      `内容目录 ${root} 不在 git 仓库里，没有办法提交和推送。请联系管理员：项目要用 git clone 下载，不能只复制文件。`,
      `the content root is not in a git checkout; ask the administrator (the project must be a git clone)`,
    );
  const top = topResult.stdout.trim();
  const rel = path.relative(top, root).split(path.sep).join('/') || '.';
  checkRepository(top, rel);

  // 2. What changed under the content root, against the last commit.
  const status = git(top, ['status', '--porcelain', '-z', '--untracked-files=all', '--no-renames', '--', rel]);
  if (status.status !== 0) stop(`git status 失败：${status.stderr.trim()}`, 'git status failed');
  const { changes, conflicts } = parsePorcelainZ(status.stdout);
  if (conflicts.length > 0)
    stop(
      `下面的文件还有没解决的冲突（git pull 时别人也改了同一处）：\n${conflicts.map((f) => `  ${show(top, f)}`).join('\n')}\n请联系管理员解决冲突后再发布。`,
      'these files have unresolved conflicts from a pull; ask the administrator to resolve them',
    );
  const upstream = upstreamOf(top);
  const unpushed = upstream ? Number(git(top, ['rev-list', '--count', '@{u}..HEAD']).stdout.trim() || '0') : 0;

  if (changes.length === 0) {
    if (!(args.push && upstream && unpushed > 0)) {
      say(`没有要发布的修改：内容目录 ${displayPath(root)} 里的文件和上次提交时一样。`, `nothing to publish: the content root is as it was at the last commit`);
      if (unpushed > 0) say(`还有 ${unpushed} 个提交没有推送。`, `${unpushed} commit(s) not pushed yet`);
      noteOutside(top, rel);
      return 0;
    }
    // A commit left behind by a failed push: publish it now, through the same check.
    say(`没有新的修改；有 ${unpushed} 个已经提交、还没有推送的提交，现在推送。`, `no new changes; pushing ${unpushed} earlier commit(s)`);
    if (!(await checked(root))) return 1;
    return push(top, upstream!, git(top, ['rev-parse', '--short', 'HEAD']).stdout.trim(), `${unpushed} 个提交`);
  }

  console.log(`要发布的修改（内容目录 ${displayPath(root)}）/ changes to publish:`);
  console.log(formatChanges(changes, (p) => show(top, p)).join('\n'));
  noteOutside(top, rel);
  console.log('');

  // 3. The full check, as npm run check runs and prints it.
  if (!(await checked(root))) return 1;
  console.log('');

  // 4. The message: the official's, or the default.
  const given = args.message ?? (process.stdin.isTTY ? await ask(defaultMessage(changes)) : undefined);
  const { message, isDefault } = commitMessage(given, changes);
  if (isDefault) say(`没有写提交说明，用默认的：${message}`, 'no message given: the default is used');

  // 5. The commit, through the hooks. The message is echoed only once they have passed it.
  const commit = commitContent(top, changes, message);
  say(`✓ 已提交 ${commit}：${message}（只含内容目录里的 ${changes.length} 个文件）`, `committed, the content root's files only`);

  // 6. The push.
  if (!args.push) {
    say(
      '按 --no-push 的要求没有推送：提交只保存在本机，网站还不会更新。以后运行 npm run publish（不加 --no-push）就会推送。',
      'not pushed (--no-push): the commit is on this computer only; run npm run publish later to push it',
    );
    return 0;
  }
  if (!upstream) {
    say(
      '提交已经保存在本机，但这个分支没有设置远程仓库（upstream），所以没有推送，网站不会更新。请管理员按 docs/发布指南.md 设置远程仓库（git push -u），以后 npm run publish 就会自动推送。',
      'the commit is saved on this computer, but the branch has no upstream, so nothing was pushed and the site is not rebuilt; the administrator must set up the remote (docs/发布指南.md)',
    );
    return 0;
  }
  return push(top, upstream, commit, summarize(changes));
}

/** Refuses a repository in a state where a commit would not be what the official expects. */
function checkRepository(top: string, rel: string): void {
  if (rel !== '.' && git(top, ['check-ignore', '-q', '--', rel]).status === 0)
    stop(
      `内容目录 ${rel} 被 .gitignore 忽略，里面的文件不会进入 git，也就发布不了。请联系管理员。`,
      'the content root is ignored by .gitignore; ask the administrator',
    );
  if (git(top, ['symbolic-ref', '-q', 'HEAD']).status !== 0)
    stop('仓库现在不在任何分支上（detached HEAD），提交会丢失。请联系管理员。', 'the repository is not on a branch (detached HEAD); ask the administrator');
  const unfinished = ['MERGE_HEAD', 'CHERRY_PICK_HEAD', 'REVERT_HEAD', 'rebase-merge', 'rebase-apply'].filter((p) =>
    fs.existsSync(path.resolve(top, git(top, ['rev-parse', '--git-path', p]).stdout.trim())),
  );
  if (unfinished.length > 0)
    stop(
      `仓库里有一次没有做完的 git 操作（${unfinished.join('、')}，多半是 git pull 有冲突）。请联系管理员处理完再发布。`,
      `an unfinished git operation (${unfinished.join(', ')}); ask the administrator to finish it`,
    );
  // The hooks are the gate every commit passes (CONTRIBUTING.md "Commits"): without them a
  // commit message would reach the site unscanned.
  const hooks = path.resolve(top, git(top, ['rev-parse', '--git-path', 'hooks']).stdout.trim());
  const missing = ['pre-commit', 'commit-msg'].filter((h) => {
    const file = path.join(hooks, h);
    return !fs.existsSync(file) || !fs.readFileSync(file, 'utf8').includes('scripts/precommit.ts');
  });
  if (missing.length > 0)
    stop(
      `这个仓库没有安装检查个人信息的 git 钩子（${missing.join('、')}）。请先运行 npm ci（或 node scripts/install-hooks.mjs），再运行 npm run publish。`,
      `the git hooks that refuse personal data are not installed (${missing.join(', ')}); run npm ci first`,
    );
  if (git(top, ['var', 'GIT_COMMITTER_IDENT']).status !== 0)
    stop(
      'git 还不知道提交人是谁。请管理员在这台电脑上设置 git config user.name 和 user.email（写单位名称和单位邮箱即可，它们会随提交公开）。',
      'git has no committer identity; the administrator must set user.name and user.email (an office name and address: they are public)',
    );
}

/** Says how many changed files lie outside the content root: publish leaves them alone. */
function noteOutside(top: string, rel: string): void {
  if (rel === '.') return;
  const all = parsePorcelainZ(git(top, ['status', '--porcelain', '-z', '--untracked-files=all', '--no-renames']).stdout).changes;
  const outside = all.filter((c) => c.path !== rel && !c.path.startsWith(`${rel}/`)).length;
  if (outside > 0)
    say(
      `提示：内容目录以外还有 ${outside} 个文件有改动，它们不属于公开内容，这次不会提交（需要时请联系管理员）。`,
      `note: ${outside} changed file(s) outside the content root are left alone`,
    );
}

function upstreamOf(top: string): string | undefined {
  const r = git(top, ['rev-parse', '--abbrev-ref', '--symbolic-full-name', '@{u}']);
  return r.status === 0 ? r.stdout.trim() : undefined;
}

/** A path git printed (relative to the top), as the check's report names files. */
function show(top: string, p: string): string {
  return displayPath(path.join(top, p));
}

async function checked(root: string): Promise<boolean> {
  console.log('检查全部内容，和 npm run check 一样 (running the full content check) …');
  const result = await runCheck(root);
  printCheck(root, result);
  if (result.problems.length > 0) {
    console.error(
      '\n✗ 未发布：请先改正上面的问题，然后再运行 npm run publish。什么也没有提交。' +
        '\n  (Not published: fix the problems above, then run npm run publish again. Nothing was committed.)',
    );
    return false;
  }
  return true;
}

/** Asks for the message on the terminal; Enter alone takes the default, Ctrl-C or Ctrl-D cancels. */
async function ask(fallback: string): Promise<string> {
  console.log(
    [
      '请写一句提交说明，说清楚这次改了什么（例如：公布上溪村十月份财务公开）。',
      '这句话会显示在网站每一页的“发布与修订记录”里，所有人都能看到：不要写姓名、手机号、身份证号。',
      `直接按回车，就用：${fallback}`,
      '(One line saying what changed. It is shown on the website in the revision history: no names or phone numbers. Enter alone uses the default.)',
    ].join('\n'),
  );
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
  const cancelled = new Promise<undefined>((resolve) => {
    rl.on('SIGINT', () => rl.close());
    rl.on('close', () => resolve(undefined));
  });
  try {
    const answer = await Promise.race([rl.question('提交说明 (message)：'), cancelled]);
    if (answer === undefined) {
      console.log('');
      stop('已取消，什么也没有提交。', 'cancelled; nothing was committed');
    }
    console.log('');
    return answer!;
  } finally {
    rl.close();
  }
}

/**
 * Commits exactly the listed files, as they are on disk. They are staged in a fresh index made
 * from HEAD (GIT_INDEX_FILE), so nothing else the official may have staged goes in, and a refused
 * commit leaves the real index untouched; git runs the hooks over that index. After the commit the
 * real index takes the committed files from HEAD. Returns the new commit's short id.
 */
function commitContent(top: string, changes: readonly Change[], message: string): string {
  const index = path.resolve(top, git(top, ['rev-parse', '--git-path', `gkl-publish-index-${process.pid}`]).stdout.trim());
  const env = { ...process.env, GIT_INDEX_FILE: index };
  const paths = { input: changes.map((c) => c.path).join('\0') + '\0' };
  const pathspec = ['--literal-pathspecs'];
  const fromStdin = ['--pathspec-from-file=-', '--pathspec-file-nul'];
  try {
    const head = git(top, ['rev-parse', '-q', '--verify', 'HEAD']).status === 0;
    // From a copy of the real index, `read-tree --reset` keeps the stat data of the entries that
    // match HEAD (and drops what else is staged), so git need not hash every file again to commit.
    const real = path.resolve(top, git(top, ['rev-parse', '--git-path', 'index']).stdout.trim());
    if (head && fs.existsSync(real)) fs.copyFileSync(real, index);
    const read = git(top, ['read-tree', ...(head ? ['--reset', 'HEAD'] : ['--empty'])], { env });
    const add = read.status === 0 ? git(top, [...pathspec, 'add', '-A', ...fromStdin], { env, ...paths }) : read;
    if (add.status !== 0) stop(`git 没能暂存这些文件：${add.stderr.trim()}`, 'git could not stage the files');
    console.log('提交（git commit），git 钩子再查一遍个人信息 (committing; the hooks scan for personal data) …');
    const commit = git(top, ['commit', '-q', '--cleanup=strip', '-m', message], { env, showStderr: true });
    if (commit.status !== 0)
      stop(
        '提交被拒绝（原因见上面 git 钩子的报告）。什么也没有提交，文件和暂存区都保持原样；改正后再运行 npm run publish。',
        'the commit was refused (see the hook’s report above); nothing was committed and the files and index are as they were; fix it and run npm run publish again',
      );
  } finally {
    fs.rmSync(index, { force: true });
  }
  const sync = git(top, [...pathspec, 'reset', '-q', ...fromStdin], paths);
  if (sync.status !== 0) console.warn(`⚠ git reset 没能更新暂存区（${sync.stderr.trim()}）；提交本身已经完成。(the index was not updated; the commit is made)`);
  return git(top, ['rev-parse', '--short', 'HEAD']).stdout.trim();
}

/** git push to the upstream of `what` (a few words); on failure says why in plain words, and that the commit is kept. */
function push(top: string, upstream: string, commit: string, what: string): number {
  console.log(`推送到 ${upstream}（git push）/ pushing …`);
  // Untranslated messages, so the reason can be told apart (src/lib/publish/push.ts).
  const r = git(top, ['push'], { env: { ...process.env, LC_ALL: 'C' } });
  if (r.stderr.trim()) process.stderr.write(r.stderr.trimEnd().replace(/^/gm, '  ') + '\n');
  if (r.status !== 0) {
    const advice: Bilingual = PUSH_ADVICE[classifyPushFailure(r.stderr)];
    console.error(
      `\n✗ 没有推送成功，网站还不会更新：${advice.zh}\n  提交 ${commit} 已经保存在本机，不会丢；问题解决后再运行 npm run publish，就会把它推送上去。` +
        `\n  (Not pushed, so the site is not rebuilt: ${advice.en}. Commit ${commit} is saved on this computer; run npm run publish again to push it.)`,
    );
    return 1;
  }
  say(
    `✓ 已发布（${what}）：提交 ${commit} 已推送到 ${upstream}。\n  CI 或服务器会再检查一遍并重新生成网站，生成完成后网站上就能看到。`,
    `published: ${commit} pushed to ${upstream}; CI or the server checks again and rebuilds the site`,
  );
  return 0;
}

try {
  process.exitCode = await main();
} catch (err) {
  if (!(err instanceof Stop)) throw err;
  console.error(`\n✗ 未发布：${err.zh}\n  (Not published: ${err.en})`);
  process.exitCode = 1;
}
