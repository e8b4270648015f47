/**
 * The pure parts of `npm run publish` (src/lib/publish/): what changed, read from
 * `git status --porcelain -z`; the list and the default message; the message as git commits it;
 * the arguments; why a push failed. The command itself runs end to end in tests/build/npm-publish.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { parsePublishArgs } from '../../src/lib/publish/args';
import { formatChanges, parsePorcelainZ, type Change } from '../../src/lib/publish/changes';
import { commitMessage, defaultMessage, tidyMessage } from '../../src/lib/publish/message';
import { classifyPushFailure } from '../../src/lib/publish/push';

const z = (...entries: string[]) => entries.map((e) => `${e}\0`).join('');

describe('parsePorcelainZ', () => {
  it('compares each path in HEAD with the file on disk, whatever is staged', () => {
    const { changes, conflicts } = parsePorcelainZ(
      z(
        ' M content/a.md', // changed on disk
        'M  content/b.md', // changed and staged
        'MM content/c.md', // staged, then changed again
        'A  content/d.md', // new, staged
        'AM content/e.md', // new, staged, changed again
        'AD content/f.md', // staged as new, then deleted: no change against HEAD
        ' D content/g.md', // deleted on disk
        'D  content/h.md', // removed with git rm
        'MD content/i.md', // staged, then deleted on disk
        ' T content/j.md', // a file became a link (the check refuses links; publish lists it)
        '?? content/plans/新 方案.md', // untracked, a Chinese name with a space, printed as is under -z
      ),
    );
    expect(conflicts).toEqual([]);
    expect(changes).toEqual<Change[]>([
      { kind: 'modified', path: 'content/a.md' },
      { kind: 'modified', path: 'content/b.md' },
      { kind: 'modified', path: 'content/c.md' },
      { kind: 'added', path: 'content/d.md' },
      { kind: 'added', path: 'content/e.md' },
      { kind: 'deleted', path: 'content/g.md' },
      { kind: 'deleted', path: 'content/h.md' },
      { kind: 'deleted', path: 'content/i.md' },
      { kind: 'modified', path: 'content/j.md' },
      { kind: 'added', path: 'content/plans/新 方案.md' },
    ]);
  });

  it('combines a staged removal with the same file still on disk into one modification', () => {
    expect(parsePorcelainZ(z('D  content/a.md', '?? content/a.md')).changes).toEqual([{ kind: 'modified', path: 'content/a.md' }]);
  });

  it('reads a rename’s second field (new name first under -z) instead of taking it for an entry', () => {
    const { changes } = parsePorcelainZ(z('R  content/new.md', 'content/old.md', ' M content/z.md'));
    expect(changes).toEqual([
      { kind: 'added', path: 'content/new.md' },
      { kind: 'deleted', path: 'content/old.md' },
      { kind: 'modified', path: 'content/z.md' },
    ]);
    // A copy keeps its original.
    expect(parsePorcelainZ(z('C  content/copy.md', 'content/orig.md')).changes).toEqual([{ kind: 'added', path: 'content/copy.md' }]);
  });

  it('lists unmerged paths as conflicts, not as changes', () => {
    const { changes, conflicts } = parsePorcelainZ(z('UU content/b.md', 'AA content/a.md', ' M content/c.md'));
    expect(conflicts).toEqual(['content/a.md', 'content/b.md']);
    expect(changes).toEqual([{ kind: 'modified', path: 'content/c.md' }]);
  });

  it('finds nothing in empty output', () => {
    expect(parsePorcelainZ('')).toEqual({ changes: [], conflicts: [] });
  });
});

const CHANGES: Change[] = [
  { kind: 'modified', path: 'content/legal/a.md' },
  { kind: 'deleted', path: 'content/plans/old.md' },
  { kind: 'added', path: 'content/plans/new.md' },
  { kind: 'modified', path: 'content/units.json' },
];

describe('the list and the default message', () => {
  it('lists new, modified and deleted files in that order with their Chinese kind, then a bilingual count', () => {
    expect(formatChanges(CHANGES, (p) => `./${p}`)).toEqual([
      '  新增  ./content/plans/new.md',
      '  修改  ./content/legal/a.md',
      '  修改  ./content/units.json',
      '  删除  ./content/plans/old.md',
      '共 4 个文件：新增 1 个，修改 2 个，删除 1 个。 (4 file(s): 1 new, 2 modified, 1 deleted.)',
    ]);
  });

  it('says what kind of change and how many files, naming no file', () => {
    expect(defaultMessage(CHANGES)).toBe('更新公开内容：新增 1 个、修改 2 个、删除 1 个文件');
    expect(defaultMessage([{ kind: 'modified', path: 'content/a.md' }])).toBe('更新公开内容：修改 1 个文件');
    expect(defaultMessage([])).toBe('更新公开内容');
  });
});

describe('the commit message', () => {
  it('is tidied as git --cleanup=strip would: comment lines out, trailing spaces and extra blank lines gone', () => {
    expect(tidyMessage('\r\n# a comment\r\n更正财务公开  \r\n\r\n\r\n  原因：录入错误\t\n\n# end\n')).toBe('更正财务公开\n\n  原因：录入错误');
  });

  it('falls back to the default when nothing is left, and says so', () => {
    expect(commitMessage(undefined, CHANGES)).toEqual({ message: defaultMessage(CHANGES), isDefault: true });
    expect(commitMessage('  \n# only a comment\n', CHANGES).isDefault).toBe(true);
    expect(commitMessage('公布十月份财务公开', CHANGES)).toEqual({ message: '公布十月份财务公开', isDefault: false });
  });
});

describe('parsePublishArgs', () => {
  it('takes the message from -m, --message and their = forms, and --no-push', () => {
    expect(parsePublishArgs(['-m', '公布公告'])).toEqual({ help: false, args: { message: '公布公告', push: true } });
    expect(parsePublishArgs(['--message=公布公告', '--no-push'])).toEqual({ help: false, args: { message: '公布公告', push: false } });
    expect(parsePublishArgs(['--message', '-更正-'])).toEqual({ help: false, args: { message: '-更正-', push: true } });
    expect(parsePublishArgs([])).toEqual({ help: false, args: { message: undefined, push: true } });
    expect(parsePublishArgs(['--no-push', '-h'])).toEqual({ help: true });
  });

  it('refuses -m without a message and a bare word, saying where the message goes', () => {
    const missing = parsePublishArgs(['-m']);
    expect('error' in missing && missing.error.zh).toBe('-m 后面缺少提交说明');
    const bare = parsePublishArgs(['公布公告']);
    expect('error' in bare && bare.error.zh).toContain('提交说明要写在 -m 后面');
    const unknown = parsePublishArgs(['--force']);
    expect('error' in unknown && unknown.error.en).toBe('unknown argument --force');
  });

  it('honours -m and --no-push written without `--`, which npm passes on as its own settings', () => {
    expect(parsePublishArgs([], { npm_config_message: '公布公告', npm_config_push: '' })).toEqual({
      help: false,
      args: { message: '公布公告', push: false },
    });
    expect(parsePublishArgs(['-m', '后写的'], { npm_config_message: '先写的', npm_config_push: 'true' })).toEqual({
      help: false,
      args: { message: '后写的', push: true },
    });
  });
});

describe('classifyPushFailure', () => {
  // git's own words (LC_ALL=C), as printed by git 2.39 in these situations.
  it('tells a remote with newer commits from the network, a wrong address, a refused login and the server’s rules', () => {
    expect(
      classifyPushFailure(
        " ! [rejected]        main -> main (fetch first)\nerror: failed to push some refs to '/tmp/r.git'\nhint: Updates were rejected because the remote contains work that you do\n",
      ),
    ).toBe('behind');
    expect(classifyPushFailure(' ! [rejected]        main -> main (non-fast-forward)\n')).toBe('behind');
    expect(classifyPushFailure("fatal: unable to access 'https://example.invalid/x.git/': Could not resolve host: example.invalid\n")).toBe('network');
    expect(
      classifyPushFailure(
        'ssh: connect to host 127.0.0.1 port 1: Connection refused\nfatal: Could not read from remote repository.\n\nPlease make sure you have the correct access rights\n',
      ),
    ).toBe('network');
    expect(classifyPushFailure("fatal: '/tmp/nope.git' does not appear to be a git repository\nfatal: Could not read from remote repository.\n")).toBe(
      'address',
    );
    expect(classifyPushFailure('git@example.cn: Permission denied (publickey).\nfatal: Could not read from remote repository.\n')).toBe('auth');
    expect(classifyPushFailure("remote: Invalid username or password.\nfatal: Authentication failed for 'https://example.cn/x.git/'\n")).toBe('auth');
    expect(classifyPushFailure(' ! [remote rejected] main -> main (pre-receive hook declined)\n')).toBe('refused');
    expect(classifyPushFailure('fatal: something else entirely\n')).toBe('other');
  });
});
