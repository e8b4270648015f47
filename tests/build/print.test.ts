/**
 * Issue 19, printed sheets in real builds: the 核对码 on a record's page is the fingerprint of its
 * JSON download and follows one changed figure; a town with no site URL publishes sheets and
 * posters without a QR code, and `npm run check` warns (bilingual, exit 0) instead of failing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fingerprint } from '../../src/lib/print/fingerprint';
import { buildSite, builds, checkContent, listFiles, TEST_DIST } from '../helpers/build';
import { contentRootWith } from '../helpers/content';

const VILLAGE = '330799203202';
const CHANGED = '2026-10-finance';
const UNCHANGED = '2026-09-finance';

/** The 核对码 a built page shows. */
function pageFingerprint(dist: string, page: string): string {
  const html = fs.readFileSync(path.join(dist, page, 'index.html'), 'utf8');
  return /<strong data-fingerprint[^>]*>([^<]+)<\/strong>/.exec(html)![1]!;
}
const fileFingerprint = (dist: string, file: string) => fingerprint(fs.readFileSync(path.join(dist, file)));

describe('the 核对码 in the sample build', () => {
  const dist = builds.sample;
  const pages = listFiles(dist)
    .filter((f) => /^(?:disclosures\/\d{12}\/\d{4}[^/]*|plans\/[^/]+)\/index\.html$/.test(f))
    .map((f) => f.replace(/\/index\.html$/, ''))
    .filter((p) => fs.existsSync(path.join(dist, `${p}.json`)));

  it('is on every ledger, list, notice and plan page, and is the fingerprint of its JSON download', () => {
    expect(pages.some((p) => p.includes('-notice-'))).toBe(true);
    expect(pages.some((p) => p.startsWith('plans/'))).toBe(true);
    for (const p of pages) expect(pageFingerprint(dist, p), p).toBe(fileFingerprint(dist, `${p}.json`));
  });

  it('gives notices and plans a JSON download with their fields and text', () => {
    const notice = pages.find((p) => p.includes('-notice-'))!;
    const n = JSON.parse(fs.readFileSync(path.join(dist, `${notice}.json`), 'utf8')) as Record<string, unknown>;
    expect(n).toMatchObject({ village: notice.split('/')[1], category: expect.any(String), title: expect.any(String), publishedOn: expect.any(String) });
    expect(String(n.text).length).toBeGreaterThan(50);
    const plan = pages.find((p) => p.startsWith('plans/'))!;
    const pl = JSON.parse(fs.readFileSync(path.join(dist, `${plan}.json`), 'utf8')) as Record<string, unknown>;
    expect(pl).toMatchObject({ title: expect.any(String), issuer: expect.any(String), tasks: expect.any(Array) });
    expect(String(pl.text).length).toBeGreaterThan(50);
  });

  it('prints a QR code on the sheets, and the check of a town with a site URL has no warning', () => {
    expect(fs.readFileSync(path.join(dist, pages[0]!, 'index.html'), 'utf8')).toMatch(/data-qr="https:\/\/qiwu\.example\.cn\/[^"]+"/);
    const r = checkContent(path.resolve('content'), ['--json']);
    expect(r.status).toBe(0);
    expect((JSON.parse(r.stdout) as { warnings: unknown[] }).warnings).toEqual([]);
  });
});

describe('a town with no site URL and one figure changed', () => {
  const root = contentRootWith();
  const out = path.join(TEST_DIST, 'print-no-url');

  beforeAll(() => {
    const sitePath = path.join(root, 'site.json');
    const site = JSON.parse(fs.readFileSync(sitePath, 'utf8')) as Record<string, unknown>;
    delete site.siteUrl;
    fs.writeFileSync(sitePath, JSON.stringify(site, null, 2) + '\n');
    // One figure: a cent more on the first income line, and the closing balance with it (the ledger still balances).
    const ledgerPath = path.join(root, 'disclosures', VILLAGE, `${CHANGED}.json`);
    const ledger = fs.readFileSync(ledgerPath, 'utf8');
    const l = JSON.parse(ledger) as { income: Array<{ amount: string }>; closingBalance: string };
    const cent = (s: string) => (Math.round(Number(s) * 100) + 1) / 100;
    const changed = ledger
      .replace(`"amount": "${l.income[0]!.amount}"`, `"amount": "${cent(l.income[0]!.amount).toFixed(2)}"`)
      .replace(`"closingBalance": "${l.closingBalance}"`, `"closingBalance": "${cent(l.closingBalance).toFixed(2)}"`);
    expect(changed).not.toBe(ledger);
    fs.writeFileSync(ledgerPath, changed);
    const r = buildSite(root, out, { SITE_URL: '' });
    expect(r.status, r.stderr).toBe(0);
  }, 300_000);
  afterAll(() => {
    fs.rmSync(root, { recursive: true, force: true });
    fs.rmSync(out, { recursive: true, force: true });
  });

  it('changes the 核对码 of that ledger only, on its page and from its download', () => {
    const changed = `disclosures/${VILLAGE}/${CHANGED}`;
    const same = `disclosures/${VILLAGE}/${UNCHANGED}`;
    expect(pageFingerprint(out, changed)).toBe(fileFingerprint(out, `${changed}.json`));
    expect(pageFingerprint(out, changed)).not.toBe(pageFingerprint(builds.linhe, changed));
    expect(pageFingerprint(out, same)).toBe(pageFingerprint(builds.linhe, same));
  });

  it('publishes no QR code anywhere, on sheets or posters', () => {
    const html = listFiles(out).filter((f) => f.endsWith('.html'));
    expect(html).toContain(`disclosures/${VILLAGE}/poster/index.html`);
    expect(html.filter((f) => fs.readFileSync(path.join(out, f), 'utf8').includes('data-qr'))).toEqual([]);
    expect(fs.readFileSync(path.join(out, `disclosures/${VILLAGE}/poster/index.html`), 'utf8')).toContain('没有二维码');
  });

  it('makes npm run check warn, in Chinese and English, and still pass', () => {
    const r = checkContent(root, []);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('没有设置网站地址');
    expect(r.stderr).toContain('no site URL');
    expect(r.stderr).toMatch(/site\.json\s+\[siteUrl\]/);
    expect(r.stdout).toContain('内容检查通过');
    const json = JSON.parse(checkContent(root, ['--json']).stdout) as { ok: boolean; problems: unknown[]; warnings: Array<{ code: string; field: string }> };
    expect(json.ok).toBe(true);
    expect(json.problems).toEqual([]);
    expect(json.warnings).toEqual([expect.objectContaining({ code: 'site/no-site-url', field: 'siteUrl' })]);
  });
});
