/**
 * Issue 19, items 3 and 4, in real builds: whom to tell on every disclosure page and village
 * page (组织法 art. 31), the 公示期 prominently at the top while it is open, and timeliness that
 * does not call periods due before the site went live (`liveSince`) 未公开.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builds, checkContent, TODAY } from '../helpers/build';
import { contentRootWith, LINHE, SAMPLE } from '../helpers/content';
import { withoutScopeClasses } from '../helpers/scoped';

interface Town {
  contact: string;
  liveSince?: string;
  supervision?: { name: string; phone: string };
}
interface Village {
  code: string;
  name: string;
  supervision?: { name: string; phone: string };
}
const json = <T>(root: string, f: string) => JSON.parse(fs.readFileSync(path.join(root, f), 'utf8')) as T;
const read = (dist: string, p: string) => withoutScopeClasses(fs.readFileSync(path.join(dist, p), 'utf8'));
// Phone numbers are shown with non-breaking hyphens (U+2011) so that they never wrap.
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/\s+/g, ' ')
    .replace(/\u2011/g, '-');
const towns = [
  { name: 'sample', root: SAMPLE, dist: builds.sample },
  { name: 'linhe', root: LINHE, dist: builds.linhe },
];

/** The 监督与反映 section of a page, as text; undefined when the page has none. */
function supervisionOf(html: string): string | undefined {
  const m = /<section class="supervision"[^>]*>([\s\S]*?)<\/section>/.exec(html);
  return m ? text(m[1]!) : undefined;
}

describe('supervision on every disclosure', () => {
  for (const town of towns) {
    const site = json<Town>(town.root, 'site.json');
    const villages = json<Village[]>(town.root, 'villages.json');
    it(`${town.name}: every disclosure page and village page names the committee, the town and 12345`, () => {
      let pages = 0;
      for (const v of villages) {
        const dir = path.join(town.dist, 'disclosures', v.code);
        // The village poster (poster/) lists the same contacts in its own layout (tests/browser/print.test.ts).
        const docs = fs.readdirSync(dir).filter((d) => d !== 'poster' && fs.existsSync(path.join(dir, d, 'index.html')));
        for (const p of ['index.html', ...docs.map((d) => `${d}/index.html`)]) {
          const s = supervisionOf(read(dir, p));
          expect(s, `${v.code}/${p}`).toBeDefined();
          expect(s).toContain('有疑问、发现未按时公开或内容不实，可以向下列单位反映');
          const parts = [
            ...(v.supervision ? [`村务监督委员会：${v.supervision.name}，电话 ${v.supervision.phone}`] : []),
            site.supervision ? `${site.supervision.name}，电话 ${site.supervision.phone}` : `镇（街道）受理村务公开投诉：${site.contact}`,
            '12345 热线，电话 12345',
          ];
          let at = -1;
          for (const part of parts) {
            const i = s!.indexOf(part);
            expect(i, `${v.code}/${p}: ${part}`).toBeGreaterThan(at);
            at = i;
          }
          if (!v.supervision) expect(s).not.toContain('村务监督委员会：');
          pages++;
        }
      }
      expect(pages).toBeGreaterThan(villages.length);
      // Both kinds of village are in the content: with a committee's number, and falling back without one.
      expect(villages.some((v) => v.supervision)).toBe(true);
      expect(villages.some((v) => !v.supervision)).toBe(true);
    });
  }

  it('dials from a phone: each number is a tel: link of its digits', () => {
    const v = json<Village[]>(SAMPLE, 'villages.json').find((x) => x.supervision)!;
    const html = read(builds.sample, `disclosures/${v.code}/index.html`);
    expect(html).toContain(`<a href="tel:${v.supervision!.phone.replace(/\D/g, '')}">${v.supervision!.phone.replace(/-/g, '\u2011')}</a>`);
    expect(html).toContain('<a href="tel:12345">12345</a>');
  });
});

describe('the 公示期 of a notice', () => {
  const days = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);
  const notices = towns.flatMap((t) =>
    json<Village[]>(t.root, 'villages.json').flatMap((v) => {
      const dir = path.join(t.root, 'disclosures', v.code);
      if (!fs.existsSync(dir)) return [];
      return fs
        .readdirSync(dir)
        .filter((f) => f.includes('-notice-'))
        .map((f) => {
          const fm = fs.readFileSync(path.join(dir, f), 'utf8').split(/^---$/m)[1]!;
          const field = (k: string) => new RegExp(`^${k}: (.+)$`, 'm').exec(fm)?.[1]?.trim();
          return {
            dist: t.dist,
            page: `disclosures/${v.code}/${f.replace(/\.mdx?$/, '')}/index.html`,
            from: field('publishedOn')!,
            until: field('noticeUntil'),
            contact: field('contact'),
          };
        });
    }),
  );
  const open = notices.filter((n) => n.until && n.from <= TODAY && TODAY <= n.until);
  const ended = notices.filter((n) => n.until && n.until < TODAY);

  it('while open: deadline, days left and contact, above the page details', () => {
    expect(open.length).toBeGreaterThan(1);
    for (const n of open) {
      const html = read(n.dist, n.page);
      const box = html.indexOf('<div class="banner notice-period" role="note">');
      expect(box, n.page).toBeGreaterThan(html.indexOf('<h1>'));
      expect(box, n.page).toBeLessThan(html.indexOf('<dl class="meta">'));
      const boxText = text(html.slice(box, html.indexOf('</div>', box)));
      const [y, m, d] = n.until!.split('-').map(Number);
      expect(boxText).toContain(`公示中：公示截止 ${y}年${m}月${d}日`);
      const left = days(TODAY, n.until!) + 1;
      expect(boxText).toContain(left === 1 ? '是最后一天' : `还有 ${left} 天`);
      expect(boxText).toContain(n.contact ? `请在公示期内向 ${n.contact} 反映` : '本页“监督与反映”所列单位');
      expect(html).not.toContain('公示期已结束');
    }
  });

  it('after the deadline: says it has ended, and no longer 公示中', () => {
    expect(ended.length).toBeGreaterThan(0);
    for (const n of ended) {
      const html = read(n.dist, n.page);
      expect(text(html)).toContain('公示期已结束');
      expect(html).not.toContain('公示中');
    }
  });
});

describe('timeliness with liveSince', () => {
  const cellsOf = (html: string) =>
    [...html.matchAll(/<td class="t-([a-z-]+)" title="[^"]*截止 (\d{4}-\d{2}-\d{2})[^"]*">([\s\S]*?)<\/td>/g)].map((m) => ({
      status: m[1]!,
      deadline: m[2]!,
      label: text(m[3]!).trim(),
    }));

  it('the sample (live since spring) shows 本站上线前, never 未公开 or 逾期, for what fell due before', () => {
    const { liveSince } = json<Town>(SAMPLE, 'site.json');
    expect(liveSince).toBeDefined();
    const html = read(builds.sample, 'disclosures/index.html');
    const cells = cellsOf(html);
    expect(cells.length).toBe(json<unknown[]>(SAMPLE, 'villages.json').length * (12 + 4));
    const before = cells.filter((c) => c.deadline < liveSince!);
    expect(before.length).toBeGreaterThan(0);
    for (const c of before) expect(['on-time', 'before-live']).toContain(c.status);
    for (const c of cells.filter((x) => x.status === 'before-live')) {
      expect(c.deadline < liveSince!).toBe(true);
      expect(c.label).toBe('本站上线前');
    }
    // The sample had late months before going live; they are now before-live, not 逾期.
    expect(cells.some((c) => c.status === 'before-live')).toBe(true);
    // After it, failures are still shown.
    expect(cells.filter((c) => c.deadline >= liveSince!).map((c) => c.status)).toEqual(expect.arrayContaining(['late', 'missing']));
    expect(text(html)).toContain(`本站于 ${liveSince} 上线，截止日期在此之前的期别标为“本站上线前”，不算逾期或未公开`);
  });

  it('a town without liveSince (linhe) is unchanged: every missing month is 未公开', () => {
    expect(json<Town>(LINHE, 'site.json').liveSince).toBeUndefined();
    const html = read(builds.linhe, 'disclosures/index.html');
    const cells = cellsOf(html);
    expect(cells.filter((c) => c.status === 'missing').length).toBeGreaterThan(40);
    expect(cells.some((c) => c.status === 'before-live')).toBe(false);
    expect(html).not.toContain('本站上线前');
    expect(html).not.toContain('本站于');
  });
});

describe('npm run check and the supervision numbers', () => {
  it('refuses a personal mobile as site.json supervision.phone and passes a landline', () => {
    const write = (phone: string) => {
      const root = contentRootWith();
      const site = json<Record<string, unknown>>(root, 'site.json');
      fs.writeFileSync(path.join(root, 'site.json'), JSON.stringify({ ...site, supervision: { name: '麟禾镇纪委', phone } }, null, 2));
      return root;
    };
    // Built from parts so that no whole mobile number sits in the repository.
    const bad = checkContent(write(['137', '5719', '3082'].join('')));
    expect(bad.status).not.toBe(0);
    expect(bad.stdout + bad.stderr).toContain('手机号码');
    expect(bad.stdout + bad.stderr).toContain('site.json');
    const good = checkContent(write('0579-84263288'));
    expect(good.stdout + good.stderr).toContain('内容检查通过');
    expect(good.status).toBe(0);
  });
});
