import { describe, expect, it } from 'vitest';
import { laterRevisions, maskMessage, parseGitLog } from '../../src/lib/history';

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
