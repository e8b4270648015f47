/**
 * `npm run publish` end to end, in a fresh git repository holding a copy of the project's code
 * (node_modules linked) with the 麟禾镇 fixture as its content/, and the real hooks installed by
 * scripts/install-hooks.mjs: a clean edit is checked, committed through both hooks and pushed;
 * a resident ID in a file is stopped by the check, a mobile number in the message by the
 * commit-msg hook, each leaving the files, the index and the history as they were; nothing
 * changed is nothing to publish; a push the remote refuses keeps the commit and says what to do.
 * Personal numbers are built at run time: none is written in this file.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../helpers/build';
import { LINHE, REPO } from '../helpers/content';
import { fingerprint } from '../helpers/project';
import { residentIdCheckChar } from '../../src/lib/privacy/identifiers';
import { TODAY } from '../today';

const ID17 = ['330182', '19850312', '451'].join('');
const RESIDENT_ID = ID17 + residentIdCheckChar(ID17);
const MOBILE = ['139', '5711', '2346'].join('');

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'gkl-publish-'));
const project = path.join(work, 'project');
const remote = path.join(work, 'remote.git');
const content = path.join(project, 'content');

const git = (args: string[], cwd = project) => execFileSync('git', ['-c', 'core.quotePath=false', ...args], { cwd, encoding: 'utf8' }).trim();
const head = () => git(['rev-parse', 'HEAD']);
const commits = () => Number(git(['rev-list', '--count', 'HEAD']));
/** Everything a refused publish must leave as it was: history, index, status, the files. */
const state = () => ({
  head: head(),
  index: git(['ls-files', '--stage']),
  status: git(['status', '--porcelain', '--untracked-files=all']),
  files: fingerprint(content),
});
/** The hooks print this line only when GKL_HOOK_TIMING is set (scripts/precommit.ts), once per hook run. */
const hookRuns = (stderr: string) => stderr.match(/^pre-commit scan: \d+ ms$/gm)?.length ?? 0;

function publish(args: string[] = []) {
  const started = performance.now();
  const r = run('npm', ['run', '--silent', 'publish', '--', ...args], { CONTENT_DIR: '', GKL_HOOK_TIMING: '1', SITE_TODAY: TODAY }, project);
  return { ...r, ms: Math.round(performance.now() - started) };
}

function append(rel: string, text: string) {
  fs.appendFileSync(path.join(content, rel), text);
}

beforeAll(() => {
  fs.mkdirSync(project);
  for (const f of ['src', 'scripts', 'public', 'package.json', 'tsconfig.json', '.gitignore', '.gitattributes'])
    fs.cpSync(path.join(REPO, f), path.join(project, f), { recursive: true });
  fs.cpSync(LINHE, content, { recursive: true });
  git(['init', '-q', '-b', 'main']);
  git(['config', 'user.name', 'test']);
  git(['config', 'user.email', 'test@example.invalid']);
  git(['add', '-A']);
  git(['commit', '-q', '-m', '麟禾镇初始内容']);
  // Linked after the first commit, and kept out of status: the project's .gitignore names the folder, not a link.
  fs.symlinkSync(path.join(REPO, 'node_modules'), path.join(project, 'node_modules'));
  fs.appendFileSync(path.join(project, '.git/info/exclude'), 'node_modules\n');
  execFileSync(process.execPath, ['scripts/install-hooks.mjs'], { cwd: project });
  for (const hook of ['pre-commit', 'commit-msg']) expect(fs.readFileSync(path.join(project, '.git/hooks', hook), 'utf8')).toContain('scripts/precommit.ts');
}, 60_000);

describe('npm run publish', () => {
  it('says there is nothing to publish when the content root is as committed', () => {
    const before = head();
    const r = publish(['-m', '无修改']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('没有要发布的修改：内容目录 content 里的文件和上次提交时一样。');
    expect(r.stdout).not.toContain('检查全部内容');
    expect(hookRuns(r.stderr)).toBe(0);
    expect(head()).toBe(before);
  });

  it('publishes a clean edit: the check, a commit of the content root only, through both hooks', () => {
    const before = commits();
    append('legal/ertong-guomalu.md', '\n天黑时穿浅色衣服，让司机看得见你。\n');
    // Something staged outside the content root stays out of the commit, and staged.
    fs.writeFileSync(path.join(project, 'scratch.txt'), '草稿\n');
    git(['add', 'scratch.txt']);
    const message = '普法文章：补充一段天黑过马路的提醒';
    const r = publish(['-m', message]);
    console.log(`clean publish: ${r.ms} ms`);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain('  修改  content/legal/ertong-guomalu.md');
    expect(r.stdout).toContain('✓ 内容检查通过');
    expect(r.stdout).toMatch(/✓ 已提交 [0-9a-f]{7,}：普法文章/);
    // No upstream yet: the commit is local, and the official is told the administrator must set one up.
    expect(r.stdout).toContain('这个分支没有设置远程仓库');
    // pre-commit and commit-msg both ran: publish never passes --no-verify.
    expect(hookRuns(r.stderr)).toBe(2);
    expect(commits()).toBe(before + 1);
    expect(git(['log', '-1', '--format=%B'])).toBe(message);
    expect(git(['show', '--name-status', '--format=', 'HEAD'])).toBe('M\tcontent/legal/ertong-guomalu.md');
    expect(git(['status', '--porcelain', '--untracked-files=all'])).toBe('A  scratch.txt');
    git(['rm', '-q', '--cached', 'scratch.txt']);
    fs.rmSync(path.join(project, 'scratch.txt'));
  });

  it('stops a file with a resident ID number at the check, naming the file, and commits nothing', () => {
    append('legal/linli-jiufen.mdx', `\n联系人身份证：${RESIDENT_ID}\n`);
    const before = state();
    const r = publish(['-m', '补充联系人']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/content\/legal\/linli-jiufen\.mdx:\d+:\d+/);
    expect(r.stderr).toContain('发现居民身份证号码');
    expect(r.stderr).toContain('未发布：请先改正上面的问题，然后再运行 npm run publish');
    expect(r.stdout + r.stderr).not.toContain(RESIDENT_ID);
    // Stopped before any commit was tried.
    expect(hookRuns(r.stderr)).toBe(0);
    expect(state()).toEqual(before);
    git(['checkout', '--', 'content']);
  });

  it('leaves the index as it was when the commit-msg hook refuses a mobile number in the message', () => {
    // A file staged, then changed again: the official's index differs from both HEAD and the files.
    append('plans/wangge-fuwu-2025.md', '\n第一处补充。\n');
    git(['add', 'content/plans/wangge-fuwu-2025.md']);
    append('plans/wangge-fuwu-2025.md', '\n第二处补充。\n');
    const before = state();
    const r = publish(['-m', `更新方案，联系电话 ${MOBILE}`]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('提交说明 (commit message):1:');
    expect(r.stderr).toContain('发现手机号码');
    expect(r.stderr).toContain('未发布：提交被拒绝');
    expect(r.stdout + r.stderr).not.toContain(MOBILE);
    // The content passed pre-commit; commit-msg refused the message.
    expect(hookRuns(r.stderr)).toBe(1);
    expect(state()).toEqual(before);
    git(['reset', '-q']);
    git(['checkout', '--', 'content']);
  });

  it('pushes to the upstream with the default message when none is given and stdin is no terminal', () => {
    execFileSync('git', ['init', '-q', '--bare', remote]);
    git(['remote', 'add', 'origin', remote]);
    git(['push', '-q', '-u', 'origin', 'main']);
    append('plans/wangge-fuwu-2025.md', '\n按期推进。\n');
    const r = publish();
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain('没有写提交说明，用默认的：更新公开内容：修改 1 个文件');
    expect(hookRuns(r.stderr)).toBe(2);
    expect(git(['log', '-1', '--format=%B'])).toBe('更新公开内容：修改 1 个文件');
    expect(r.stdout).toContain(
      `✓ 已发布（修改 1 个文件）：提交 ${git(['rev-parse', '--short', 'HEAD'])} 已推送到 origin/main。\n  CI 或服务器会再检查一遍并重新生成网站`,
    );
    expect(git(['rev-parse', 'main'], remote)).toBe(head());
  });

  it('keeps the commit when the remote has newer commits, says to git pull, and pushes it on the next run', () => {
    const other = path.join(work, 'other');
    execFileSync('git', ['clone', '-q', '-b', 'main', remote, other]);
    execFileSync('git', ['-c', 'user.name=o', '-c', 'user.email=o@example.invalid', 'commit', '-q', '--allow-empty', '-m', '别处的提交'], { cwd: other });
    execFileSync('git', ['push', '-q'], { cwd: other });
    const theirs = git(['rev-parse', 'main'], remote);

    append('legal/ertong-guomalu.md', '\n雨天更要慢一点。\n');
    const r = publish(['-m', '普法文章：雨天过马路']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('远程仓库里有别人刚推送的新提交');
    expect(r.stderr).toContain('请先运行 git pull');
    expect(r.stderr).toMatch(/提交 [0-9a-f]{7,} 已经保存在本机/);
    expect(git(['log', '-1', '--format=%B'])).toBe('普法文章：雨天过马路');
    expect(git(['rev-parse', 'main'], remote)).toBe(theirs);

    git(['-c', 'pull.rebase=false', 'pull', '-q', '--no-edit']);
    const again = publish();
    expect(again.status, again.stdout + again.stderr).toBe(0);
    expect(again.stdout).toContain('个已经提交、还没有推送的提交，现在推送');
    expect(again.stdout).toContain('✓ 内容检查通过');
    expect(git(['rev-parse', 'main'], remote)).toBe(head());
  });
});
