/**
 * Digests of code (src/lib/build/tree-digest.ts), the keys of what a build keeps from code rather
 * than content: the desk's application (src/integrations/desk.ts) and the output scan's clean list.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { treeDigest } from '../../src/lib/build/tree-digest';
import { DESK_APP_ENTRY, DESK_ENTRY, deskAppKey, deskAppPath, isDeskFile } from '../../src/lib/site/desk';

function project(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gkl-digest-'));
  for (const [rel, body] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), body);
  }
  return dir;
}

describe('treeDigest', () => {
  it('changes when a file is edited, added or renamed, and only then', () => {
    const dir = project({ 'src/lib/a.ts': 'a', 'src/lib/sub/b.ts': 'b', 'package-lock.json': '{}' });
    const paths = ['src/lib', 'package-lock.json'];
    const first = treeDigest(dir, 'x', paths)!;
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(treeDigest(dir, 'x', paths)).toBe(first);
    expect(treeDigest(dir, 'y', paths)).not.toBe(first);
    const seen = new Set([first]);
    const step = (change: () => void) => {
      change();
      const d = treeDigest(dir, 'x', paths)!;
      expect(seen.has(d)).toBe(false);
      seen.add(d);
    };
    step(() => fs.writeFileSync(path.join(dir, 'src/lib/a.ts'), 'A'));
    step(() => fs.writeFileSync(path.join(dir, 'src/lib/c.ts'), ''));
    step(() => fs.renameSync(path.join(dir, 'src/lib/c.ts'), path.join(dir, 'src/lib/sub/c.ts')));
    step(() => fs.writeFileSync(path.join(dir, 'package-lock.json'), '{ }'));
    // Moving bytes from one file to the next is a change too (each file is hashed with its length).
    const split = project({ 'd/a': 'ab', 'd/b': '' });
    const moved = project({ 'd/a': 'a', 'd/b': 'b' });
    expect(treeDigest(split, 'x', ['d'])).not.toBe(treeDigest(moved, 'x', ['d']));
  });

  it('is undefined when none of the paths exists', () => {
    expect(treeDigest(project({ 'x.ts': '' }), 'x', ['src/lib'])).toBeUndefined();
  });
});

describe('the desk application', () => {
  const repo = path.resolve(import.meta.dirname, '../..');

  it('is keyed by the code it is built from, and sits inside the desk’s own folder', () => {
    const key = deskAppKey(repo);
    expect(key).toMatch(/^[0-9a-f]{16}$/);
    expect(fs.existsSync(path.join(repo, DESK_ENTRY))).toBe(true);
    const copy = project({ [DESK_ENTRY]: 'import "x";', 'src/lib/desk/gate.ts': 'export {}', 'src/integrations/desk.ts': '', 'package-lock.json': '{}' });
    const before = deskAppKey(copy);
    fs.appendFileSync(path.join(copy, 'src/lib/desk/gate.ts'), '\nexport const rule = 1;\n');
    expect(deskAppKey(copy)).not.toBe(before);
    const url = `${deskAppPath(key)}${DESK_APP_ENTRY}`;
    expect(url).toBe(`admin/app-${key}/desk.js`);
    expect(isDeskFile(url)).toBe(true);
  });
});
