/**
 * A real build of a second town through CONTENT_DIR: every page the contract names exists,
 * carries the government metadata, shows computed facts, and nothing of the sample town leaks.
 */
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { builds, listFiles, TODAY } from '../helpers/build';
import { withoutScopeClasses } from '../helpers/scoped';
import { LINHE, SAMPLE } from '../helpers/content';
import { withoutNoscript } from '../../src/lib/site/page-weight';
import { isDeskFile } from '../../src/lib/site/desk';

const read = (dist: string, p: string) => withoutScopeClasses(fs.readFileSync(path.join(dist, p), 'utf8'));
const json = <T>(root: string, f: string) => JSON.parse(fs.readFileSync(path.join(root, f), 'utf8')) as T;

interface FixturePlan {
  slug: string;
  fm: {
    title: string;
    indexNumber: string;
    validity: string;
    supersededBy?: string;
    tasks?: Array<{ id: string; due: string; status: string }>;
  };
}
function plansOf(root: string): FixturePlan[] {
  const dir = path.join(root, 'plans');
  return fs.readdirSync(dir).map((f) => {
    const text = fs.readFileSync(path.join(dir, f), 'utf8');
    return { slug: f.replace(/\.mdx?$/, ''), fm: parseYaml(text.split(/^---$/m)[1]!) as FixturePlan['fm'] };
  });
}

const dist = builds.linhe;
const linhePlans = plansOf(LINHE);
const linheUnits = json<Array<{ id: string; name: string }>>(LINHE, 'units.json');

describe('a town built through CONTENT_DIR', () => {
  it('has every page the contract names for plans and units', () => {
    for (const p of ['index.html', 'plans/index.html', 'units/index.html', 'sitemap-index.xml', '404.html']) {
      expect(fs.existsSync(path.join(dist, p)), p).toBe(true);
    }
    for (const p of linhePlans) expect(fs.existsSync(path.join(dist, 'plans', p.slug, 'index.html')), p.slug).toBe(true);
    for (const u of linheUnits) expect(fs.existsSync(path.join(dist, 'units', u.id, 'index.html')), u.id).toBe(true);
    for (const f of ['validity/youxiao', 'validity/shixing', 'validity/shixiao', 'year/2026']) {
      expect(fs.existsSync(path.join(dist, 'plans', f, 'index.html')), f).toBe(true);
    }
  });

  it('puts the 公文 metadata and government meta tags on plan pages', () => {
    const site = json<{ name: string; issuer: string }>(LINHE, 'site.json');
    for (const p of linhePlans) {
      const html = read(dist, `plans/${p.slug}/index.html`);
      expect(html).toContain('<html lang="zh-CN"');
      expect(html).toContain(p.fm.indexNumber);
      for (const label of ['索引号', '发布机构', '主题分类', '成文日期', '发布日期', '有效性']) expect(html).toContain(`<dt>${label}</dt>`);
      expect(html).toContain(`<meta name="SiteName" content="${site.name}">`);
      expect(html).toContain(`<meta name="ArticleTitle" content="${p.fm.title}">`);
      expect(html).toMatch(/<meta name="PubDate" content="\d{4}-\d{2}-\d{2} \d{2}:\d{2}">/);
      expect(html).toMatch(/<meta name="ColumnName" content="实施方案">/);
      expect(html).toContain(`<link rel="canonical" href="https://linhe.example.cn/plans/${p.slug}/">`);
      expect(html).toContain(`数据截至 <time datetime="${TODAY}">`);
    }
  });

  it('marks superseded plans and links both ways', () => {
    for (const old of linhePlans.filter((p) => p.fm.supersededBy)) {
      const html = read(dist, `plans/${old.slug}/index.html`);
      expect(html).toContain(`【${old.fm.validity}】`);
      expect(html).toContain(`href="/plans/${old.fm.supersededBy}/"`);
      expect(read(dist, `plans/${old.fm.supersededBy}/index.html`)).toContain(`href="/plans/${old.slug}/"`);
    }
  });

  it('shows 逾期 exactly on tasks past due and not done in plans in force', () => {
    let overdueSeen = 0;
    for (const p of linhePlans) {
      const html = read(dist, `plans/${p.slug}/index.html`);
      const inForce = p.fm.validity === '有效' || p.fm.validity === '试行';
      for (const t of p.fm.tasks ?? []) {
        const row = new RegExp(`<tr role="row" id="task-${t.id}">([\\s\\S]*?)</tr>`).exec(html)?.[1];
        expect(row, `${p.slug} ${t.id}`).toBeDefined();
        const overdue = inForce && t.status !== '已完成' && t.due < TODAY;
        expect(row!.includes('逾期'), `${p.slug} ${t.id}`).toBe(overdue);
        if (overdue) overdueSeen++;
      }
    }
    expect(overdueSeen).toBeGreaterThan(0);
  });

  it('indexes for search exactly the pages that mark a body, and leaves no staging directory behind', () => {
    const marked = listFiles(dist).filter((f) => f.endsWith('.html') && !f.startsWith('pagefind/') && /\bdata-pagefind-body\b/.test(read(dist, f)));
    const entry = json<{ languages: Record<string, { page_count: number }> }>(dist, 'pagefind/pagefind-entry.json');
    expect(marked.length).toBeGreaterThan(20);
    expect(Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0)).toBe(marked.length);
    expect(fs.readdirSync(path.dirname(dist)).filter((n) => n.startsWith('.pagefind-stage-'))).toEqual([]);
  });

  it('leaves no trace of the sample town anywhere in dist/', () => {
    const site = json<{ name: string; issuer: string; regionName: string; issuerCode: string; siteUrl: string }>(SAMPLE, 'site.json');
    const villages = json<Array<{ name: string; code: string }>>(SAMPLE, 'villages.json');
    const needles = [
      site.name,
      site.issuer,
      site.regionName,
      site.issuerCode,
      new URL(site.siteUrl).host,
      ...villages.flatMap((v) => [v.name, v.code]),
      ...plansOf(SAMPLE).flatMap((p) => [p.fm.title, p.fm.indexNumber]),
    ];
    for (const file of listFiles(dist)) {
      const text = fs.readFileSync(path.join(dist, file), 'utf8');
      for (const n of needles) expect(text.includes(n), `${file} contains "${n}"`).toBe(false);
    }
  });

  it("gives search tips from the town's own villages and short forms, none it lacks", () => {
    const villages = json<Array<{ name: string }>>(LINHE, 'villages.json');
    const tips = read(dist, 'search/index.html').split('id="search-tips"')[1]!;
    expect(tips).toContain(`如“${villages[0]!.name} 财务”`);
    // This town configures no short forms (site.json search.synonyms): no such tip.
    expect(tips).not.toContain('常用简称');
    const sample = json<{ search: { synonyms: string[][] } }>(SAMPLE, 'site.json').search.synonyms[0]!;
    const sampleTips = read(builds.sample, 'search/index.html').split('id="search-tips"')[1]!;
    const short = [...sample].sort((a, b) => a.length - b.length)[0]!;
    expect(sampleTips).toContain(`常用简称也能找到，如搜“${short}”`);
  });

  it('loads no JavaScript on text pages beyond the shared switch script (≤ 2 KB gzipped)', () => {
    // The publishing desk is the one page that runs an application (src/lib/site/desk.ts).
    const htmlFiles = listFiles(dist).filter((f) => f.endsWith('.html') && !isDeskFile(f));
    expect(htmlFiles.length).toBeGreaterThan(10);
    // Dataset pages add the chart element's module (Chart.js itself is a lazy chunk), the search
    // page its results module (Pagefind loads after a query); nothing else may.
    const isChartPage = (f: string) => /^data\/[^/]+\/index\.html$/.test(f);
    const isSearchPage = (f: string) => f === 'search/index.html';
    for (const f of htmlFiles) {
      const scripts = [...withoutNoscript(read(dist, f)).matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      if (isChartPage(f) || isSearchPage(f)) {
        const own = isChartPage(f) ? 'DataChart' : 'SearchResults';
        expect(scripts[0], f).toBe('<script src="/assets/prefs.js">');
        expect(scripts.length, f).toBeGreaterThan(1);
        expect(
          scripts.slice(1).every((x) => new RegExp(`^<script type="module" src="/_astro/${own}[^"]*\\.js">$`).test(x)),
          f,
        ).toBe(true);
      } else {
        expect(scripts, f).toEqual(['<script src="/assets/prefs.js">']);
      }
      expect(read(dist, f), f).not.toMatch(/<script\b[^>]*>[^<]+<\/script>/);
    }
    expect(gzipSync(fs.readFileSync(path.join(dist, 'assets/prefs.js'))).length).toBeLessThanOrEqual(2048);
  });

  it('refers only to its own origin for scripts, styles, images and icons', () => {
    for (const f of listFiles(dist).filter((x) => x.endsWith('.html'))) {
      const html = read(dist, f);
      const refs = [
        ...html.matchAll(/<(?:script|img|iframe|source)\b[^>]*\bsrc="([^"]+)"/g),
        ...html.matchAll(/<link\b(?![^>]*rel="canonical")[^>]*href="([^"]+)"/g),
      ].map((m) => m[1]!);
      for (const r of refs) expect(r.startsWith('/') && !r.startsWith('//'), `${f}: ${r}`).toBe(true);
    }
  });
});

describe('a town built under a sub-path (BASE_PATH)', () => {
  const sub = builds.linheSubpath;
  it('prefixes every internal link and asset with the base', () => {
    const html = read(sub, 'plans/index.html');
    const refs = [...html.matchAll(/(?:href|src)="(\/[^"]*)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(10);
    for (const r of refs) expect(r.startsWith('/zl/linhe/'), r).toBe(true);
    expect(html).toContain('<link rel="canonical" href="https://portal.example.cn/zl/linhe/plans/">');
  });
});

describe('village disclosures in the build', () => {
  const files = (root: string) =>
    fs.existsSync(path.join(root, 'disclosures'))
      ? fs
          .readdirSync(path.join(root, 'disclosures'))
          .flatMap((v) => fs.readdirSync(path.join(root, 'disclosures', v)).map((f) => ({ v, f, id: f.replace(/\.(json|mdx?)$/, '') })))
      : [];

  it('publishes a page for every disclosure, and CSV and JSON for every table', () => {
    const all = files(LINHE);
    expect(all.length).toBeGreaterThan(0);
    for (const { v, f, id } of all) {
      expect(fs.existsSync(path.join(dist, 'disclosures', v, id, 'index.html')), `${v}/${id}`).toBe(true);
      if (f.endsWith('.json')) {
        const published = JSON.parse(read(dist, `disclosures/${v}/${id}.json`)) as unknown;
        expect(published).toEqual(json(LINHE, `disclosures/${v}/${f}`));
        expect(read(dist, `disclosures/${v}/${id}.csv`).startsWith('\uFEFF')).toBe(true);
      }
    }
    for (const v of json<Array<{ code: string }>>(LINHE, 'villages.json'))
      expect(fs.existsSync(path.join(dist, 'disclosures', v.code, 'index.html'))).toBe(true);
  });

  it('shows balanced ledgers, and corrections at the top of corrected disclosures', () => {
    let corrected = 0;
    for (const { v, f, id } of files(SAMPLE).filter((x) => x.f.endsWith('-finance.json'))) {
      const html = read(builds.sample, `disclosures/${v}/${id}/index.html`);
      expect(html).toContain('账目平衡');
      const data = json<{ corrections?: Array<{ note: string }> }>(SAMPLE, `disclosures/${v}/${f}`);
      for (const c of data.corrections ?? []) {
        corrected++;
        const top = html.indexOf('更正说明');
        expect(top).toBeGreaterThan(0);
        expect(top).toBeLessThan(html.indexOf('收支汇总'));
        expect(html).toContain(c.note);
      }
    }
    expect(corrected).toBeGreaterThan(0);
  });

  it('marks the timeliness of every village and month', () => {
    const html = read(builds.sample, 'disclosures/index.html');
    // before-live: the sample went live (site.json liveSince) after some periods fell due (issue 19).
    const cells = [...html.matchAll(/<td class="t-(on-time|late|missing|pending|before-live)"/g)].map((m) => m[1]);
    const villages = json<unknown[]>(SAMPLE, 'villages.json').length;
    expect(cells.length).toBe(villages * (12 + 4));
    expect(cells).toContain('late');
    expect(cells).toContain('missing');
    expect(cells).toContain('before-live');
  });
});

describe('open data in the build', () => {
  const ids = fs.readdirSync(path.join(LINHE, 'data')).map((f) => f.replace(/\.json$/, ''));

  it('publishes the catalogue, each dataset page with table, map and downloads, and a data package', () => {
    const catalogue = read(dist, 'data/index.html');
    for (const id of ids) {
      expect(catalogue).toContain(`href="/data/${id}/"`);
      const html = read(dist, `data/${id}/index.html`);
      expect(html).toContain('<table class="data-table">');
      expect(html).toContain('<svg viewBox=');
      expect(html).toContain('示意图');
      expect(html).toContain(`href="/data/${id}.csv"`);
      expect(JSON.parse(read(dist, `data/${id}.json`))).toEqual(json(LINHE, `data/${id}.json`));
      expect(read(dist, `data/${id}.csv`).startsWith('\uFEFF')).toBe(true);
    }
    const pkg = JSON.parse(read(dist, 'data/datapackage.json')) as { resources: Array<{ name: string; path: string }> };
    expect(pkg.resources.map((r) => r.name).sort()).toEqual([...ids].sort());
  });

  it('shows suppressed cells as "<5" and alerts with place and period', () => {
    const html = read(dist, 'data/disputes-monthly/index.html');
    expect(html).toContain('<abbr title="不公开：少于5，或为防止推算而一并隐藏">&lt;5</abbr>');
    expect(html).toMatch(/矛盾纠纷数量偏高[\s\S]*?2026年10月[\s\S]*?枫林村/);
  });

  it('keeps Chart.js off every page but dataset pages', () => {
    // Every script chunk except the search page's own entry module.
    const chartChunks = listFiles(path.join(dist, '_astro')).filter((f) => f.endsWith('.js') && !f.startsWith('SearchResults'));
    for (const f of listFiles(dist).filter((x) => x.endsWith('.html') && !/^data\/[^/]+\/index\.html$/.test(x) && !isDeskFile(x))) {
      // The 朗读 reader's tag in its <noscript> is not a reference: it loads on the press only.
      for (const c of chartChunks) expect(withoutNoscript(read(dist, f)).includes(c), `${f} references ${c}`).toBe(false);
    }
  });
});
