/**
 * The pre-commit gate in a fresh clone after `npm ci`: a staged file with a valid ID number
 * is refused with the file and line named, and so is an MDX body that would run code; a clean
 * commit passes in under 2 seconds; a commit message with a mobile number is refused too.
 * (Clones HEAD: commit before running locally.)
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO } from '../helpers/content';
import { BATTERY, batteryText, showsDigits } from '../fixtures/privacy/battery';

let clone: string;
const sh = (cmd: string, args: string[]) => spawnSync(cmd, args, { cwd: clone, encoding: 'utf8', timeout: 240_000 });
const headCount = () => execFileSync('git', ['rev-list', '--count', 'HEAD'], { cwd: clone, encoding: 'utf8' }).trim();

beforeAll(() => {
  clone = fs.mkdtempSync(path.join(os.tmpdir(), 'gkl-clone-'));
  execFileSync('git', ['clone', '-q', REPO, clone]);
  const ci = sh('npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund']);
  if (ci.status !== 0) throw new Error(`npm ci failed: ${ci.stderr}`);
  execFileSync('git', ['config', 'user.email', 'test@example.invalid'], { cwd: clone });
  execFileSync('git', ['config', 'user.name', 'test'], { cwd: clone });
}, 300_000);

describe('git hooks installed by npm ci', () => {
  it('refuses a staged file containing a valid resident ID number, naming file and line', () => {
    const before = headCount();
    fs.writeFileSync(path.join(clone, 'content/plans/leak-test.md'), '---\ntitle: 测试\n---\n\n联系人：张*华\n身份证：330182198503124519\n');
    sh('git', ['add', 'content/plans/leak-test.md']);
    const r = sh('git', ['commit', '-m', '添加测试文件']);
    sh('git', ['rm', '-q', '--cached', 'content/plans/leak-test.md']);
    fs.rmSync(path.join(clone, 'content/plans/leak-test.md'));
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('content/plans/leak-test.md:6:5');
    expect(r.stderr).toContain('居民身份证号码');
    expect(r.stderr).not.toContain('330182198503124519');
    expect(headCount()).toBe(before);
  });

  it('scans the staged files of every content root and public/, whatever CONTENT_DIR says in the shell', () => {
    const before = headCount();
    // Built in code: a mobile number and a resident ID with its GB 11643 check character.
    const mobile = ['139', '5711', '2468'].join('');
    const id17 = '33018219850312451';
    const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const id = id17 + '10X98765432'[[...id17].reduce((s, d, i) => s + Number(d) * weights[i]!, 0) % 11]!;
    const files = {
      'tests/fixtures/towns/linhe/plans/leak.md': `---\ntitle: 测试\n---\n\n电话 ${mobile}\n`,
      'content/plans/leak.md': `---\ntitle: 测试\n---\n\n身份证 ${id}\n`,
      'public/leak.txt': `值班 ${mobile}\n`,
    };
    for (const [f, text] of Object.entries(files)) fs.writeFileSync(path.join(clone, f), text);
    sh('git', ['add', ...Object.keys(files)]);
    const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'gkl-empty-root-'));
    const r = spawnSync('git', ['commit', '-m', '添加测试文件'], { cwd: clone, encoding: 'utf8', env: { ...process.env, CONTENT_DIR: elsewhere } });
    sh('git', ['rm', '-q', '--cached', ...Object.keys(files)]);
    for (const f of Object.keys(files)) fs.rmSync(path.join(clone, f));
    expect(r.status).not.toBe(0);
    for (const f of Object.keys(files)) expect(r.stderr).toContain(`${f}:`);
    expect(r.stderr).not.toContain(mobile);
    expect(r.stderr).not.toContain(id);
    expect(headCount()).toBe(before);
  });

  it('refuses a staged MDX body that would run code, naming file and line', () => {
    const before = headCount();
    const file = 'content/legal/code-test.mdx';
    fs.writeFileSync(path.join(clone, file), "---\ntitle: 测试\n---\n\nimport fs from 'node:fs'\n\n{process.env.HOME}\n");
    sh('git', ['add', file]);
    const r = sh('git', ['commit', '-m', '添加测试文件']);
    sh('git', ['rm', '-q', '--cached', file]);
    fs.rmSync(path.join(clone, file));
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain(`${file}:5:1`);
    expect(r.stderr).toContain('正文里不能写 import');
    expect(r.stderr).toContain(`${file}:7:1`);
    expect(r.stderr).toContain('Commit refused: fix the problems listed above.');
    expect(headCount()).toBe(before);
  });

  it('lets a clean commit through quickly', () => {
    const before = Number(headCount());
    fs.appendFileSync(path.join(clone, 'README.md'), '\n');
    const units = path.join(clone, 'content/units.json');
    fs.writeFileSync(units, fs.readFileSync(units, 'utf8') + '\n');
    sh('git', ['add', 'README.md', 'content/units.json']);
    const t = performance.now();
    const r = sh('git', ['commit', '-qm', '整理格式']);
    const ms = performance.now() - t;
    expect(r.status, r.stderr).toBe(0);
    expect(Number(headCount())).toBe(before + 1);
    expect(ms).toBeLessThan(2000);
  });

  it('runs the hooks on the Node the project pins, whatever node comes first on the PATH', () => {
    // A stand-in for an old system Node: any hook that ran `node` from the PATH would fail here.
    const fake = fs.mkdtempSync(path.join(os.tmpdir(), 'gkl-old-node-'));
    fs.writeFileSync(path.join(fake, 'node'), '#!/bin/sh\necho "system node used" >&2\nexit 97\n', { mode: 0o755 });
    const PATH = [fake, ...(process.env.PATH ?? '').split(':').filter((d) => !d.includes('node_modules'))].join(':');
    const before = Number(headCount());
    fs.appendFileSync(path.join(clone, 'README.md'), '\n');
    sh('git', ['add', 'README.md']);
    const r = spawnSync('git', ['commit', '-qm', '整理格式'], { cwd: clone, encoding: 'utf8', env: { ...process.env, PATH } });
    expect(r.stderr).not.toContain('system node used');
    expect(r.status, r.stderr).toBe(0);
    expect(Number(headCount())).toBe(before + 1);
  });

  it.each([
    ['a commit message carrying a mobile number', '更新联系人 13857112345'],
    // `git commit -m` keeps a line starting with # in the message: it is scanned like any other.
    ['a number on a line starting with #, which git commit -m keeps', '更新说明\n# 电话 13857112345'],
  ])('refuses %s', (_, msg) => {
    const before = headCount();
    fs.appendFileSync(path.join(clone, 'README.md'), '\n');
    sh('git', ['add', 'README.md']);
    const r = sh('git', ['commit', '-m', msg]);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('手机号码');
    expect(headCount()).toBe(before);
  });

  // Issue 17: every way of the battery, in a staged content file and in a commit message.
  it('refuses every way of writing a personal number, in a staged file and in the message, never printing one', () => {
    const before = headCount();
    const { text, lineOf } = batteryText();
    fs.writeFileSync(path.join(clone, 'content/battery.txt'), text);
    sh('git', ['add', 'content/battery.txt']);
    const staged = sh('git', ['commit', '-m', '添加说明']);
    sh('git', ['rm', '-q', '--cached', 'content/battery.txt']);
    fs.rmSync(path.join(clone, 'content/battery.txt'));
    expect(staged.status).not.toBe(0);
    BATTERY.forEach((w, i) => expect(staged.stderr, w.name).toMatch(new RegExp(`content/battery\\.txt:${lineOf(i)}:\\d+`)));
    expect(BATTERY.filter((w) => showsDigits(staged.stderr, w.digits)).map((w) => w.name)).toEqual([]);

    fs.appendFileSync(path.join(clone, 'README.md'), '\n');
    sh('git', ['add', 'README.md']);
    const msg = path.join(clone, '.git', 'BATTERY_MSG');
    fs.writeFileSync(msg, `更新说明\n\n${text}`);
    const message = sh('git', ['commit', '-F', msg]);
    expect(message.status).not.toBe(0);
    BATTERY.forEach((w, i) => expect(message.stderr, w.name).toMatch(new RegExp(`:${lineOf(i) + 2}:\\d+`)));
    expect(BATTERY.filter((w) => showsDigits(message.stderr, w.digits)).map((w) => w.name)).toEqual([]);
    expect(headCount()).toBe(before);
  });
});
