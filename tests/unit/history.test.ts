import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readHistory } from '../../src/lib/content/git';
import { laterRevisions, maskMessage, parseGitLog } from '../../src/lib/content/history';

describe('git history', () => {
  it('parses revisions per file, newest first', () => {
    const out = '\x1eabc1234\x1f2026-11-03\x1f更正金额\n\ncontent/a.json\ncontent/b.json\n\x1edef5678\x1f2026-10-05\x1f首次公开\n\ncontent/a.json\n';
    const map = parseGitLog(out);
    expect(map.get('content/a.json')!.map((r) => r.commit)).toEqual(['abc1234', 'def5678']);
    expect(map.get('content/b.json')).toHaveLength(1);
    expect(laterRevisions(map.get('content/a.json')).map((r) => r.message)).toEqual(['更正金额']);
    expect(laterRevisions(map.get('content/b.json'))).toEqual([]);
  });
  it('masks personal numbers in commit messages it shows', () => {
    expect(maskMessage('更新联系人 13857112345')).toBe('更新联系人 138******45');
  });
});

describe('revision history under a non-ASCII folder', () => {
  it('keeps every file’s revisions when the content root is named in Chinese (git quotes such paths by default)', () => {
    const top = fs.mkdtempSync(path.join(os.tmpdir(), 'gkl-git-'));
    const root = path.join(top, '栖梧镇内容');
    fs.mkdirSync(path.join(root, '方案'), { recursive: true });
    const file = path.join(root, '方案', '治理.md');
    const git = (...args: string[]) => execFileSync('git', args, { cwd: top, stdio: 'ignore' });
    git('init', '-q');
    git('config', 'user.email', 't@example.invalid');
    git('config', 'user.name', 't');
    git('config', 'core.hooksPath', '/dev/null');
    fs.writeFileSync(file, '一\n');
    git('add', '.');
    git('commit', '-qm', '首次公开');
    fs.writeFileSync(file, '二\n');
    git('commit', '-qam', '更正');
    const history = readHistory(root);
    expect(history.available).toBe(true);
    expect(history.available && history.revisions.get(file)?.map((r) => r.message)).toEqual(['更正', '首次公开']);
  });
});
