/**
 * The benchmark corpus generator (scripts/bench/generate.ts): seeded and byte-for-byte
 * deterministic, articles of the promised shape, a root our own content check accepts, and a
 * Hugo export with the same articles.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countDocuments, generateCorpus, hanCount, LAWS_DIR, TOWN_BASE } from '../../scripts/bench/generate';
import { validateContentRoot } from '../../src/lib/checks/validate';
import { TODAY } from '../today';

const DOCS = 30;
const env = { SITE_TODAY: TODAY };
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gkl-bench-'));
const dir = (name: string) => path.join(tmp, name);

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Every file under root, relative path → bytes. */
function snapshot(root: string): Map<string, Buffer> {
  const rels = (fs.readdirSync(root, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(root, f)).isFile()).sort();
  return new Map(rels.map((rel) => [rel.split(path.sep).join('/'), fs.readFileSync(path.join(root, rel))]));
}

function splitFrontmatter(text: string): { frontmatter: string; body: string } {
  const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
  if (!m) throw new Error('no frontmatter');
  return { frontmatter: m[1]!, body: m[2]! };
}

describe.skipIf(!fs.existsSync(LAWS_DIR))('bench corpus generator', () => {
  let a: { files: number; bytes: number };
  beforeAll(() => {
    a = generateCorpus({ kind: 'comparison', docs: DOCS, out: dir('a'), seed: 7, hugoOut: dir('a-hugo') });
    generateCorpus({ kind: 'comparison', docs: DOCS, out: dir('b'), seed: 7, hugoOut: dir('b-hugo') });
    generateCorpus({ kind: 'comparison', docs: DOCS, out: dir('c'), seed: 8 });
  });

  it('writes the same bytes for the same seed, and different articles for another seed', () => {
    for (const [x, y] of [
      ['a', 'b'],
      ['a-hugo', 'b-hugo'],
    ] as const) {
      const sx = snapshot(dir(x));
      const sy = snapshot(dir(y));
      expect([...sy.keys()]).toEqual([...sx.keys()]);
      for (const [rel, bytes] of sx) expect(Buffer.compare(bytes, sy.get(rel)!), rel).toBe(0);
    }
    const sa = snapshot(dir('a'));
    const sc = snapshot(dir('c'));
    expect([...sc.keys()]).toEqual([...sa.keys()]);
    const differing = [...sa].filter(([rel, bytes]) => rel.startsWith('legal/') && !bytes.equals(sc.get(rel)!));
    expect(differing.length).toBe(DOCS);
  });

  it('reports what it wrote', () => {
    const files = [...snapshot(dir('a')).values(), ...snapshot(dir('a-hugo')).values()];
    expect(a).toEqual({ files: files.length, bytes: files.reduce((n, b) => n + b.length, 0) });
  });

  it('writes the registries and N plain-Markdown articles, nothing else', () => {
    const rels = [...snapshot(dir('a')).keys()];
    expect(rels.filter((r) => r.startsWith('legal/'))).toHaveLength(DOCS);
    expect(rels.every((r) => /^(?:site|units|villages)\.json$|^geo\/|^legal\/bench-\d{5}\.md$/.test(r))).toBe(true);
    expect(rels.some((r) => /^(?:plans|disclosures|data)\//.test(r))).toBe(false);
  });

  it('gives every article 1,400–3,000 Han characters, headings, lists and a table', () => {
    const files = fs.readdirSync(dir('a/legal')).sort();
    expect(files).toHaveLength(DOCS);
    for (const f of files) {
      const { body } = splitFrontmatter(fs.readFileSync(path.join(dir('a/legal'), f), 'utf8'));
      const han = hanCount(body);
      expect(han, f).toBeGreaterThanOrEqual(1400);
      expect(han, f).toBeLessThanOrEqual(3000);
      expect(body, f).toMatch(/^## \S/m);
      expect(body, f).toMatch(/^### \S/m);
      expect(body, f).toMatch(/^- \S/m);
      expect(body, f).toMatch(/^1\. \S/m);
      expect(body, f).toMatch(/^\| .* \|\n\| --- \| --- \| --- \|\n\| /m);
      expect(body, f).not.toMatch(/<[A-Za-z]/);
    }
  });

  it('passes the full content check', () => {
    for (const root of ['a', 'c']) {
      const result = validateContentRoot(dir(root), env);
      expect(result.problems).toEqual([]);
      expect(result.content.legal).toHaveLength(DOCS);
    }
  });

  it('writes one Hugo post per article, with the same body', () => {
    const posts = fs.readdirSync(dir('a-hugo/content/posts')).sort();
    expect(posts).toEqual(fs.readdirSync(dir('a/legal')).sort());
    for (const f of posts) {
      const ours = splitFrontmatter(fs.readFileSync(path.join(dir('a/legal'), f), 'utf8'));
      const hugo = splitFrontmatter(fs.readFileSync(path.join(dir('a-hugo/content/posts'), f), 'utf8'));
      expect(hugo.body).toBe(ours.body);
      expect(hugo.frontmatter).toMatch(/^title: ".+"\ndate: \d{4}-\d{2}-\d{2}$/);
      expect(ours.frontmatter).toContain(`publishedOn: ${/date: (\S+)/.exec(hugo.frontmatter)![1]}`);
    }
    const toml = fs.readFileSync(dir('a-hugo/hugo.toml'), 'utf8');
    expect(toml).toMatch(/^hasCJKLanguage = true$/m);
    expect(toml).toMatch(/^languageCode = 'zh-cn'$/m);
    for (const layout of ['baseof', 'single', 'list', 'index']) {
      expect(fs.existsSync(dir(`a-hugo/layouts/_default/${layout}.html`)), layout).toBe(true);
    }
  });

  it('builds a town of N documents from the sample content root', () => {
    const base = countDocuments(TOWN_BASE);
    generateCorpus({ kind: 'town', docs: base + DOCS, out: dir('town'), seed: 1 });
    expect(countDocuments(dir('town'))).toBe(base + DOCS);
    expect(fs.readdirSync(dir('town/legal')).filter((f) => f.startsWith('bench-'))).toHaveLength(DOCS);
    expect(validateContentRoot(dir('town'), env).problems).toEqual([]);
    expect(() => generateCorpus({ kind: 'town', docs: base - 1, out: dir('town'), seed: 1 })).toThrow(/at least/);
  });

  it('refuses to empty a directory it did not write', () => {
    fs.mkdirSync(dir('other'));
    fs.writeFileSync(dir('other/keep.txt'), 'keep');
    expect(() => generateCorpus({ kind: 'comparison', docs: 1, out: dir('other') })).toThrow(/refusing/);
    expect(fs.readFileSync(dir('other/keep.txt'), 'utf8')).toBe('keep');
  });
});
