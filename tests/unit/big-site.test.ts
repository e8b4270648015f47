import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BigSite, generateBigSite } from '../helpers/big-site';

const PAGES = 200;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gkl-bigsite-'));
const pageFile = (site: BigSite, n: number) => path.join(site.dir, 'p', String(n), 'index.html');
const count = (s: string, needle: string) => s.split(needle).length - 1;

describe('big-site generator', () => {
  let site: BigSite;
  let html: string[];

  beforeAll(() => {
    // A stale file must not survive: the target dir is emptied first.
    fs.mkdirSync(path.join(tmp, 'a', 'p', '999'), { recursive: true });
    fs.writeFileSync(path.join(tmp, 'a', 'p', '999', 'index.html'), 'stale');
    site = generateBigSite(path.join(tmp, 'a'), { pages: PAGES, seed: 7 });
    html = Array.from({ length: PAGES }, (_, i) => fs.readFileSync(pageFile(site, i + 1), 'utf8'));
  });
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('writes exactly the requested pages plus index and 404', () => {
    expect(site.pages).toBe(PAGES);
    expect(fs.readdirSync(path.join(site.dir, 'p')).length).toBe(PAGES);
    expect(fs.existsSync(path.join(site.dir, 'p', '999'))).toBe(false);
    expect(fs.existsSync(path.join(site.dir, 'index.html'))).toBe(true);
    expect(fs.existsSync(path.join(site.dir, '404.html'))).toBe(true);
  });

  it('is deterministic for a seed and varies with it', () => {
    const same = generateBigSite(path.join(tmp, 'b'), { pages: PAGES, seed: 7 });
    const other = generateBigSite(path.join(tmp, 'c'), { pages: PAGES, seed: 8 });
    for (const n of [1, 57, PAGES]) {
      const bytes = fs.readFileSync(pageFile(site, n));
      expect(fs.readFileSync(pageFile(same, n)).equals(bytes)).toBe(true);
      expect(fs.readFileSync(pageFile(other, n)).equals(bytes)).toBe(false);
    }
    expect(same.terms).toEqual(site.terms);
  });

  it('puts every present term on at least one page', () => {
    expect(site.terms.present.length).toBeGreaterThan(0);
    for (const term of site.terms.present) {
      expect(
        html.some((h) => h.includes(term)),
        term,
      ).toBe(true);
    }
  });

  it('puts no absent term anywhere', () => {
    expect(site.terms.absent.length).toBeGreaterThan(0);
    const all = [...html, ...['index.html', '404.html'].map((f) => fs.readFileSync(path.join(site.dir, f), 'utf8'))];
    for (const term of site.terms.absent) {
      expect(all.filter((h) => h.includes(term)).length, term).toBe(0);
    }
  });

  it('gives every page one indexed main with an h1, facets and 1–3 KB of text', () => {
    html.forEach((h, i) => {
      const where = `page ${i + 1}`;
      expect(h.startsWith('<!doctype html><html lang="zh-CN">'), where).toBe(true);
      expect(count(h, 'data-pagefind-body'), where).toBe(1);
      expect(count(h, '<main data-pagefind-body>'), where).toBe(1);
      expect(count(h, '<main'), where).toBe(1);
      expect(count(h, '<h1>'), where).toBe(1);
      const main = h.slice(h.indexOf('<main'), h.indexOf('</main>'));
      expect(main).toMatch(/<h1>[^<]+<\/h1>/);
      expect(main).toMatch(/<span hidden data-pagefind-filter="类型:(方案|公开|普法|数据)"><\/span>/);
      expect(main).toMatch(/<span hidden data-pagefind-filter="年份:202[3-6]"><\/span>/);
      const date = /<span hidden data-pagefind-meta="date:(\d{4}-\d{2}-\d{2})"><\/span>/.exec(main)?.[1];
      expect(date, where).toBeDefined();
      expect(main, where).toContain(`data-pagefind-filter="年份:${date!.slice(0, 4)}"`);
      expect(new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10)).toBe(date);
      expect(main).toContain(`<span hidden data-pagefind-sort="date:${date}"></span>`);
      expect(main).toMatch(/<span hidden data-pagefind-meta="type:(方案|公开|普法|数据)"><\/span>/);
      const text = Buffer.byteLength(main.replace(/<[^>]+>/g, ''));
      expect(text, where).toBeGreaterThanOrEqual(1000);
      expect(text, where).toBeLessThanOrEqual(3200);
    });
  });
});
