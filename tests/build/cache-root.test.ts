/**
 * The content cache belongs to one content root (issue 17 item 6). Astro's store matches an
 * entry by its digest and keeps the path of the root that stored it: with one cache for all
 * roots, building root B after root A rendered A's current (unchecked) file into B's site when
 * B's copy of that file had the digest A's had. Each root now has its own cache
 * (src/lib/build/paths.ts contentCacheDir), and an edit still rebuilds on a warm cache.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, TEST_DIST } from '../helpers/build';
import { contentRootWith, REPO } from '../helpers/content';
import { contentCacheDir } from '../../src/lib/build/paths';

const ARTICLE = 'legal/linli-jiufen.mdx';
const PAGE = 'legal/linli-jiufen/index.html';
const A_TEXT = '甲根目录里尚未检查的新文字。';
const B_TEXT = '乙根目录自己的修改。';
// An unchanged Markdown article keeps its rendering in the cache (src/town/loader.ts): only the
// rendered HTML holds this phrase (the body has `**停**`), as the store writes it.
const RENDERED = 'strong>停\\u003C/strong>';
const MD_PAGE = 'legal/ertong-guomalu/index.html';
const CACHED = '只在乙根目录缓存里的字';

const build = (content: string, out: string) => run('npm', ['run', '--silent', 'build'], { CONTENT_DIR: content, OUT_DIR: out });

describe('one cache per content root', () => {
  it("building root B after root A publishes B's text, never A's; an edit of B rebuilds on B's warm cache", () => {
    const a = contentRootWith();
    const b = contentRootWith();
    // Both roots build into the same OUT_DIR, as two towns built in turn by one checkout would.
    const out = path.join(TEST_DIST, 'cache-root');
    fs.rmSync(out, { recursive: true, force: true });
    expect(build(a, out).status).toBe(0);

    // A's file changes after A's build; B's copy still has the digest A's cache stored.
    fs.appendFileSync(path.join(a, ARTICLE), `\n${A_TEXT}\n`);
    const first = build(b, out);
    expect(first.status, first.stdout + first.stderr).toBe(0);
    const page = fs.readFileSync(path.join(out, PAGE), 'utf8');
    expect(page).not.toContain(A_TEXT);
    expect(page).toContain('晒谷场');

    const cacheA = contentCacheDir(REPO, a);
    const cacheB = contentCacheDir(REPO, b);
    expect(cacheA).not.toBe(cacheB);
    for (const c of [cacheA, cacheB]) expect(fs.existsSync(path.join(c, 'data-store.json')), c).toBe(true);

    // One edit, rebuilt on B's own cache. To see that the cache is read, an unchanged article's
    // rendering is changed in B's store only: the rebuilt page shows it (its body's digest did not change).
    const store = path.join(cacheB, 'data-store.json');
    expect(fs.readFileSync(store, 'utf8').split(RENDERED)).toHaveLength(2);
    fs.writeFileSync(store, fs.readFileSync(store, 'utf8').replace(RENDERED, RENDERED.replace('停', CACHED)));
    fs.appendFileSync(path.join(b, ARTICLE), `\n${B_TEXT}\n`);
    const again = build(b, out);
    expect(again.status, again.stdout + again.stderr).toBe(0);
    const rebuilt = fs.readFileSync(path.join(out, PAGE), 'utf8');
    expect(rebuilt).toContain(B_TEXT);
    expect(rebuilt).not.toContain(A_TEXT);
    expect(fs.readFileSync(path.join(out, MD_PAGE), 'utf8')).toContain(`<strong>${CACHED}</strong>`);
  }, 180_000);
});
