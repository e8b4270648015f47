/**
 * The pieces of `npm run build`'s publishing (scripts/build.ts): the lock (src/lib/build/lock.ts),
 * the swap and the tidying after a kill (swap.ts), which OUT_DIRs are refused and where the caches
 * of each content root go (paths.ts, cache.ts). The whole command is tested in tests/build/publish.test.ts.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { processAlive, tryLock, waitForLock } from '../../src/lib/build/lock';
import { publishSite, recoverOutDir } from '../../src/lib/build/swap';
import { besideOutDir, CACHE_BASE, contentCacheDir, outDirProblem, stagingDir } from '../../src/lib/build/paths';
import { pruneCaches, pruneStaging } from '../../src/lib/build/cache';
import { devStoreGuard } from '../../src/integrations/dev-store-guard';
import { REPO } from '../helpers/content';

const tmp = (prefix = 'gkl-pub-') => fs.mkdtempSync(path.join(os.tmpdir(), prefix));

function siteAt(dir: string, marker: string): string {
  fs.mkdirSync(path.join(dir, 'plans'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'index.html'), `<p>${marker}</p>`);
  fs.writeFileSync(path.join(dir, 'plans', 'a.html'), marker);
  return dir;
}

/** The pid of a process that has exited (and been reaped). */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
  return Number(r.stdout.trim());
}

describe('lock', () => {
  it('is held by one taker at a time, naming its process, and released', () => {
    const file = path.join(tmp(), '.dist.gkl-lock');
    const first = tryLock(file, 'test');
    expect(first.ok).toBe(true);
    const second = tryLock(file, 'test');
    expect(second).toMatchObject({ ok: false, owner: { pid: process.pid, task: 'test' } });
    if (first.ok) first.release();
    expect(fs.existsSync(file)).toBe(false);
    const third = tryLock(file);
    expect(third.ok).toBe(true);
    if (third.ok) third.release();
  });

  it('takes over a lock whose process is gone, not one held by a live child or on another machine', () => {
    const dir = tmp();
    const stale = path.join(dir, 'stale.lock');
    const dead = deadPid();
    expect(processAlive(dead)).toBe(false);
    fs.writeFileSync(stale, JSON.stringify({ pid: dead, host: os.hostname(), started: '2026-11-20T00:00:00Z' }));
    const taken = tryLock(stale);
    expect(taken.ok).toBe(true);
    expect(JSON.parse(fs.readFileSync(stale, 'utf8'))).toMatchObject({ pid: process.pid });

    const child = path.join(dir, 'child.lock');
    fs.writeFileSync(child, JSON.stringify({ pid: dead, child: process.pid, host: os.hostname(), started: '' }));
    expect(tryLock(child).ok).toBe(false);
    const other = path.join(dir, 'other.lock');
    fs.writeFileSync(other, JSON.stringify({ pid: dead, host: `not-${os.hostname()}`, started: '' }));
    expect(tryLock(other).ok).toBe(false);
  });

  it('waitForLock waits for the holder to let go, and says so once', async () => {
    const file = path.join(tmp(), 'checkout.lock');
    const held = tryLock(file, 'first');
    if (!held.ok) throw new Error('not taken');
    setTimeout(held.release, 300);
    const waits: unknown[] = [];
    const release = await waitForLock(file, 'second', (owner) => waits.push(owner), 50);
    expect(waits).toEqual([expect.objectContaining({ pid: process.pid, task: 'first' })]);
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toMatchObject({ task: 'second' });
    release();
  });
});

describe('publishSite and recoverOutDir', () => {
  it('replaces the previous site by two renames and leaves nothing beside it', () => {
    const dir = tmp();
    const out = siteAt(path.join(dir, 'dist'), 'old');
    const staging = siteAt(path.join(tmp(), 'site'), 'new');
    const r = publishSite(staging, out, 4242);
    expect(r.copied).toBe(false);
    expect(fs.readFileSync(path.join(out, 'index.html'), 'utf8')).toBe('<p>new</p>');
    expect(fs.existsSync(staging)).toBe(false);
    expect(fs.readdirSync(dir)).toEqual(['dist']);
    // keepOld: the previous site is renamed away and left for the caller to delete.
    const kept = publishSite(siteAt(path.join(tmp(), 'site'), 'newer'), out, 4243, { keepOld: true });
    expect(kept.old).toBe(besideOutDir(out).old(4243));
    expect(fs.readFileSync(path.join(kept.old!, 'index.html'), 'utf8')).toBe('<p>new</p>');
    expect(fs.readFileSync(path.join(out, 'index.html'), 'utf8')).toBe('<p>newer</p>');
  });

  it('publishes into a missing OUT_DIR, and across file systems by copying first', () => {
    // /dev/shm is a tmpfs on Linux: another file system than the temp dir's.
    const shm = fs.mkdtempSync('/dev/shm/gkl-pub-');
    expect(fs.statSync(shm).dev).not.toBe(fs.statSync(os.tmpdir()).dev);
    const out = path.join(shm, 'www', 'site');
    const r = publishSite(siteAt(path.join(tmp(), 'site'), 'new'), out);
    expect(r.copied).toBe(true);
    expect(fs.readFileSync(path.join(out, 'plans', 'a.html'), 'utf8')).toBe('new');
    expect(fs.readdirSync(path.dirname(out))).toEqual(['site']);
    fs.rmSync(shm, { recursive: true });
  });

  it('after a build killed between the renames, puts the previous site back and removes the rest', () => {
    const dir = tmp();
    const out = path.join(dir, 'dist');
    const { old, next } = besideOutDir(out);
    siteAt(old(1234), 'previous');
    siteAt(next(1234), 'unpublished');
    fs.mkdirSync(next(99), { recursive: true });
    expect(recoverOutDir(out)).toHaveLength(3);
    expect(fs.readFileSync(path.join(out, 'index.html'), 'utf8')).toBe('<p>previous</p>');
    expect(fs.readdirSync(dir)).toEqual(['dist']);
    expect(recoverOutDir(out)).toEqual([]);
  });
});

describe('outDirProblem', () => {
  const content = path.join(REPO, 'content');
  it('refuses the project, a folder holding it, its sources, caches and the content root', () => {
    for (const bad of [
      REPO,
      path.dirname(REPO),
      path.join(REPO, 'src/town/pages'),
      path.join(REPO, 'public'),
      path.join(REPO, '.cache/x'),
      content,
      path.join(content, 'plans'),
    ]) {
      expect(outDirProblem(bad, REPO, content), bad).toMatch(/OUT_DIR/);
    }
  });
  it('refuses a file, or a folder with other things in it; accepts a new folder, an empty one or a site', () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, 'file'), '');
    fs.mkdirSync(path.join(dir, 'photos'));
    fs.writeFileSync(path.join(dir, 'photos', 'a.jpg'), '');
    fs.mkdirSync(path.join(dir, 'empty'));
    expect(outDirProblem(path.join(dir, 'file'), REPO, content)).toMatch(/不是目录/);
    expect(outDirProblem(path.join(dir, 'photos'), REPO, content)).toMatch(/index\.html/);
    expect(outDirProblem(path.join(dir, 'new'), REPO, content)).toBeUndefined();
    expect(outDirProblem(path.join(dir, 'empty'), REPO, content)).toBeUndefined();
    expect(outDirProblem(siteAt(path.join(dir, 'site'), 'x'), REPO, content)).toBeUndefined();
    expect(outDirProblem(path.join(REPO, 'dist'), REPO, content)).toBeUndefined();
  });
});

describe('caches per content root', () => {
  it('gives each root its own cache directory, the same one for the same root however written', () => {
    const a = contentCacheDir(REPO, '/srv/towns/a/content');
    expect(a.startsWith(path.join(REPO, CACHE_BASE, 'roots') + path.sep)).toBe(true);
    expect(contentCacheDir(REPO, '/srv/towns/b/content')).not.toBe(a);
    expect(contentCacheDir(REPO, '/srv/towns/a/../a/content/')).toBe(a);
    expect(stagingDir(REPO, '/srv/www/a')).not.toBe(stagingDir(REPO, '/srv/www/b'));
  });

  it('pruneCaches drops the cache all roots shared and roots unused for a week, never the own one', () => {
    const project = tmp();
    const base = path.join(project, CACHE_BASE);
    const own = contentCacheDir(project, '/x/own');
    const old = contentCacheDir(project, '/x/old');
    const recent = contentCacheDir(project, '/x/recent');
    for (const d of [own, old, recent, path.join(base, 'search-bundles')]) fs.mkdirSync(d, { recursive: true });
    fs.writeFileSync(path.join(base, 'data-store.json'), '{}');
    const now = Date.now();
    const weekAgo = new Date(now - 8 * 24 * 3600 * 1000);
    fs.utimesSync(old, weekAgo, weekAgo);
    fs.utimesSync(own, weekAgo, weekAgo);
    const removed = pruneCaches(project, own, undefined, now);
    expect(removed.sort()).toEqual(['data-store.json', `roots/${path.basename(old)}`, 'search-bundles'].sort());
    expect(fs.readdirSync(path.join(base, 'roots')).sort()).toEqual([path.basename(own), path.basename(recent)].sort());
  });
});

describe('pruneStaging', () => {
  it('removes staging directories a killed build left more than a day ago, keeps recent ones', () => {
    const project = tmp();
    const old = path.dirname(stagingDir(project, '/srv/www/a'));
    const recent = path.dirname(stagingDir(project, '/srv/www/b'));
    for (const d of [old, recent]) fs.mkdirSync(path.join(d, 'site'), { recursive: true });
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 3600 * 1000);
    fs.utimesSync(old, twoDaysAgo, twoDaysAgo);
    expect(pruneStaging(project)).toEqual([path.basename(old)]);
    expect(fs.existsSync(recent)).toBe(true);
  });
});

describe('devStoreGuard', () => {
  const setup = (root: string, command: 'dev' | 'build', project: string) => {
    const hook = devStoreGuard(root).hooks['astro:config:setup'] as unknown as (o: { command: string; config: { root: URL } }) => void;
    hook({ command, config: { root: pathToFileURL(project + path.sep) } });
  };
  it("drops astro dev's content store in .astro/ when the content root changed since the last astro dev", () => {
    const project = tmp();
    const store = path.join(project, '.astro', 'data-store.json');
    setup('/x/a', 'dev', project);
    fs.writeFileSync(store, '{"a":1}');
    setup('/x/a', 'dev', project);
    expect(fs.existsSync(store)).toBe(true);
    setup('/x/a', 'build', project);
    setup('/x/b', 'build', project);
    expect(fs.existsSync(store)).toBe(true);
    setup('/x/b', 'dev', project);
    expect(fs.existsSync(store)).toBe(false);
  });
});
