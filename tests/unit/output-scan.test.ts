/**
 * The output scan (src/lib/output/scan.ts) over a built site made in a temp dir: every kind of
 * published file, Pagefind's gzip'd fragments included, goes through the personal-data scanner;
 * each hit names the site file, its line, the kind, the masked number and the source file.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { luhnValid, residentIdCheckChar } from '../../src/lib/privacy';
import { fileDigest, PAGEFIND_SIGNATURE, readOutputText, scanOutputDir } from '../../src/lib/output/scan';
import { readKnownClean, scanRulesKey, writeKnownClean } from '../../src/lib/output/scan-cache';
import { outputSourceFinder } from '../../src/lib/output/source';
import { BATTERY, showsDigits } from '../fixtures/privacy/battery';

// Numbers built in code, so no literal one sits in the repository.
const MOBILE = ['139', '5711', '2346'].join('');
const ID17 = ['330185', '19850312', '451'].join('');
const ID = ID17 + residentIdCheckChar(ID17);
const CARD = (() => {
  const head = ['6222', '0212', '3456', '789'].join('');
  for (let d = 0; d <= 9; d++) if (luhnValid(head + d)) return head + d;
  throw new Error('no Luhn digit');
})();
const mask = (n: string) => n.slice(0, 3) + '*'.repeat(n.length - 5) + n.slice(-2);

function dirWith(files: Record<string, string | Buffer>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gkl-site-'));
  for (const [name, body] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), body);
  }
  return dir;
}

const fragment = (value: object) => zlib.gzipSync(Buffer.concat([Buffer.from(PAGEFIND_SIGNATURE), Buffer.from(JSON.stringify(value))]));
const jsonEscaped = (s: string) => [...s].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');

describe('scanOutputDir', () => {
  const site = dirWith({
    'index.html': `<!doctype html>\n<html lang="zh-CN"><head><title>栖梧镇</title></head>\n<body><p>联系人电话 ${MOBILE}</p></body></html>\n`,
    'plans/pingan/index.html': `<!doctype html>\n<meta name="description" content="身份证号 ${ID}">\n<p>正文</p>\n`,
    'data/ledger.csv': `\uFEFFname,account\n甲,${CARD}\n`,
    'data/ledger.json': `{"rows":[{"note":"${jsonEscaped(MOBILE)}"}]}`,
    'rss.xml': `<?xml version="1.0"?>\n<rss><channel><item><description>电话 ${MOBILE}</description></item></channel></rss>\n`,
    'favicon.svg': `<svg xmlns="http://www.w3.org/2000/svg"><title>${MOBILE}</title></svg>`,
    'assets/help.js': `// 咨询\nconst tel = "${MOBILE}";\n`,
    'pagefind/fragment/zh-cn_abc123.pf_fragment': fragment({ url: '/legal/zhengce/', content: `身份证号码 ${ID} 已登记`, meta: { title: '政策' } }),
    'pagefind/index/zh-cn_def456.pf_index': zlib.gzipSync(Buffer.concat([Buffer.from(PAGEFIND_SIGNATURE), Buffer.from([0, 1, 2, 0xff, 0])])),
    'image.png': Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0]), Buffer.from(MOBILE)]),
    [`downloads/名单-${MOBILE}.txt`]: '无\n',
    'clean.html': '<p>咨询电话 0571-86127305，项目代码 2026-330185-07-02-118943</p>',
  });
  const content = dirWith({ 'plans/pingan.mdx': '---\n---\n', 'legal/zhengce.mdx': '---\n---\n', 'data/ledger.json': '{}' });
  const pub = dirWith({ 'assets/help.js': '', 'favicon.svg': '' });
  const display = (abs: string) => abs;
  const result = scanOutputDir(site, { displayDir: 'dist', sourceOf: outputSourceFinder({ contentRoot: content, publicDir: pub, display }) });
  const at = (file: string) => result.problems.filter((p) => p.file === `dist/${file}`);

  it('finds a number in HTML text, with the line, the kind and the number masked', () => {
    const [hit, ...more] = at('index.html');
    expect(more).toHaveLength(0);
    expect(hit).toMatchObject({ line: 3, code: 'privacy/output-mobile' });
    expect(hit!.what.zh).toContain(mask(MOBILE));
    expect(hit!.what.en).toContain('source: output');
  });

  it('finds a number in an attribute value, naming the content file the page came from', () => {
    const [hit, ...more] = at('plans/pingan/index.html');
    expect(more).toHaveLength(0);
    expect(hit).toMatchObject({ line: 2, code: 'privacy/output-resident-id' });
    expect(hit!.what.en).toContain(`source: ${path.join(content, 'plans/pingan.mdx')}`);
  });

  it('finds numbers in CSV, in JSON written with escapes, RSS, SVG and scripts copied from public/', () => {
    expect(at('data/ledger.csv').map((p) => [p.code, p.line])).toEqual([['privacy/output-bank-card', 2]]);
    expect(at('data/ledger.csv')[0]!.what.en).toContain(`source: ${path.join(content, 'data/ledger.json')}`);
    expect(at('data/ledger.json').map((p) => [p.code, p.field])).toEqual([['privacy/output-mobile', 'rows[0].note']]);
    expect(at('rss.xml').map((p) => p.code)).toEqual(['privacy/output-mobile']);
    expect(at('favicon.svg')[0]!.what.en).toContain(`source: ${path.join(pub, 'favicon.svg')}`);
    expect(at('assets/help.js')).toMatchObject([{ line: 2, code: 'privacy/output-mobile' }]);
  });

  it("unpacks Pagefind's fragments and names the indexed page and its source", () => {
    const [hit, ...more] = at('pagefind/fragment/zh-cn_abc123.pf_fragment');
    expect(more).toHaveLength(0);
    expect(hit!.code).toBe('privacy/output-resident-id');
    expect(hit!.what.en).toContain('page /legal/zhengce/');
    expect(hit!.what.en).toContain(`source: ${path.join(content, 'legal/zhengce.mdx')}`);
  });

  it('scans file names, skips binary files, passes public codes, never prints a number', () => {
    expect(at(`downloads/名单-${mask(MOBILE)}.txt`).map((p) => p.what.en)).toEqual([expect.stringContaining('in a file name')]);
    expect(at('image.png')).toEqual([]);
    expect(at('pagefind/index/zh-cn_def456.pf_index')).toEqual([]);
    expect(at('clean.html')).toEqual([]);
    expect(result.binaryFiles).toBe(2);
    expect(result.problems).toHaveLength(9);
    const printed = JSON.stringify(result.problems);
    for (const n of [MOBILE, ID, CARD]) expect(printed).not.toContain(n);
  });

  it('lets allow-listed values through, as for content', () => {
    const allowed = scanOutputDir(site, { allow: new Set([MOBILE, ID, CARD]) });
    expect(allowed.problems).toEqual([]);
  });
});

// docs/性能.md §8: a rebuild does not read again what a passing scan under the same rules read.
describe('reusing a clean scan', () => {
  const files = {
    'index.html': '<p>欢迎</p>',
    'legal/a/index.html': '<p>咨询电话 0571-86127305</p>',
    'leak.txt': `电话 ${MOBILE}\n`,
    'pagefind/fragment/a.pf_fragment': fragment({ url: '/legal/a/', content: '正文' }),
    'logo.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0]),
  };

  it('lists every file without a finding, never the one with a finding', () => {
    const site = dirWith(files);
    const first = scanOutputDir(site, { displayDir: 'dist', knownClean: new Set() });
    expect(first.problems.map((p) => p.file)).toEqual(['dist/leak.txt']);
    expect(first.clean).toHaveLength(4);
    expect(first.clean).not.toContain(fileDigest('leak.txt', Buffer.from(files['leak.txt'])));
    expect(first.reused).toBe(0);
  });

  it('skips the listed files on the next scan, reads the rest, and still finds what they hold', () => {
    const site = dirWith(files);
    const known = new Set(scanOutputDir(site, { knownClean: new Set() }).clean);
    const again = scanOutputDir(site, { displayDir: 'dist', knownClean: known });
    expect(again.reused).toBe(4);
    expect(again.textFiles).toBe(1);
    expect(again.problems.map((p) => p.file)).toEqual(['dist/leak.txt']);
    // A listed file that changes is read again: its bytes no longer have the listed digest.
    fs.writeFileSync(path.join(site, 'index.html'), `<p>值班 ${MOBILE}</p>`);
    const edited = scanOutputDir(site, { displayDir: 'dist', knownClean: known });
    expect(edited.reused).toBe(3);
    expect(edited.problems.map((p) => p.file)).toEqual(['dist/index.html', 'dist/leak.txt']);
  });

  it('still scans the name of a file it does not read again', () => {
    const site = dirWith({ 'a.txt': '无' });
    const known = new Set(scanOutputDir(site, { knownClean: new Set() }).clean);
    fs.renameSync(path.join(site, 'a.txt'), path.join(site, `名单-${MOBILE}.txt`));
    const renamed = scanOutputDir(site, { displayDir: 'dist', knownClean: known });
    expect(renamed.reused).toBe(1);
    expect(renamed.problems.map((p) => p.code)).toEqual(['privacy/output-mobile']);
  });

  it('keys a digest on how the file is read as well as its bytes', () => {
    const bytes = Buffer.from('<p>同样的字节</p>');
    expect(fileDigest('a.html', bytes)).not.toBe(fileDigest('a.txt', bytes));
    expect(fileDigest('a.html', bytes)).toBe(fileDigest('b/c.htm', bytes));
  });
});

describe('the list of clean files (scan-cache.ts)', () => {
  function project(): string {
    return dirWith({ 'src/lib/privacy/scan.ts': 'export const rule = 1;\n', 'src/lib/output/scan.ts': '', 'package-lock.json': '{"lockfileVersion":3}' });
  }

  it('holds under one set of rules: the code of src/lib, the lock file and the allow-list', () => {
    const dir = project();
    const key = scanRulesKey(dir, new Set([MOBILE]))!;
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(scanRulesKey(dir, new Set([MOBILE]))).toBe(key);
    expect(scanRulesKey(dir, new Set())).not.toBe(key);
    expect(scanRulesKey(dir, undefined)).toBe(scanRulesKey(dir, new Set()));
    fs.appendFileSync(path.join(dir, 'src/lib/privacy/scan.ts'), 'export const other = 2;\n');
    const changedCode = scanRulesKey(dir, new Set([MOBILE]));
    expect(changedCode).not.toBe(key);
    fs.writeFileSync(path.join(dir, 'package-lock.json'), '{"lockfileVersion":3,"packages":{}}');
    expect(scanRulesKey(dir, new Set([MOBILE]))).not.toBe(changedCode);
    fs.writeFileSync(path.join(dir, 'src/lib/new-rule.ts'), '');
    expect(scanRulesKey(dir, new Set([MOBILE]))).not.toBe(changedCode);
    expect(scanRulesKey(dirWith({ 'package-lock.json': '{}' }), undefined)).toBeUndefined();
  });

  it('is read back only under the rules it was written with', () => {
    const file = path.join(project(), 'cache/output-scan.json');
    expect(readKnownClean(file, 'a')).toEqual(new Set());
    writeKnownClean(file, 'a', ['d2', 'd1', 'd2']);
    expect(readKnownClean(file, 'a')).toEqual(new Set(['d1', 'd2']));
    expect(readKnownClean(file, 'b')).toEqual(new Set());
    fs.writeFileSync(file, '{"rules":"a","clean":');
    expect(readKnownClean(file, 'a')).toEqual(new Set());
    expect(fs.readdirSync(path.dirname(file))).toEqual(['output-scan.json']);
  });
});

describe('readOutputText', () => {
  it('drops the signature Pagefind puts before gzip’d data, and calls binary data binary', () => {
    expect(readOutputText(fragment({ url: '/a/' }))).toBe('{"url":"/a/"}');
    expect(readOutputText(Buffer.from([0x61, 0, 0x62]))).toBeUndefined();
    expect(readOutputText(Buffer.from([0xc3, 0x28]))).toBeUndefined(); // invalid UTF-8
    expect(readOutputText(Buffer.from('纯文本'))).toBe('纯文本');
  });
});

describe('outputSourceFinder', () => {
  const content = dirWith({ 'disclosures/330799203202/2026-10-finance.json': '{}', 'legal/a.md': '' });
  const find = outputSourceFinder({ contentRoot: content, base: '/zl/linhe/', display: (abs) => path.relative(content, abs) });
  it('maps pages, downloads and URLs under the base path to their content file', () => {
    expect(find('disclosures/330799203202/2026-10-finance/index.html')).toBe('disclosures/330799203202/2026-10-finance.json');
    expect(find('disclosures/330799203202/2026-10-finance.csv')).toBe('disclosures/330799203202/2026-10-finance.json');
    expect(find('/zl/linhe/legal/a/')).toBe('legal/a.md');
  });
  it('knows no single source for list pages and the home page', () => {
    expect(find('index.html')).toBeUndefined();
    expect(find('legal/index.html')).toBeUndefined();
    expect(find('units/x/index.html')).toBeUndefined();
  });
});

// Issue 17: every way of the battery, as a built page's text, inside an attribute, in a CSV
// cell and in a search fragment, is stopped by the output scan and never printed back.
describe('the output scan over the battery', () => {
  const pages: Record<string, string | Buffer> = {};
  BATTERY.forEach((w, i) => {
    pages[`w${i}/index.html`] = `<!doctype html>\n<html lang="zh-CN"><body><main><p>联系人 ${w.text}</p></main></body></html>\n`;
    pages[`w${i}/meta.html`] =
      `<!doctype html>\n<html lang="zh-CN"><head><meta name="description" content="联系人 ${w.text.replace(/"/g, '&quot;')}"></head><body></body></html>\n`;
    pages[`w${i}.csv`] = `序号,备注\n1,"${w.text.replace(/"/g, '""')}"\n`;
    pages[`pagefind/fragment/w${i}.pf_fragment`] = fragment({ url: `/w${i}/`, content: `联系人 ${w.text}` });
  });
  const site = dirWith(pages);
  const { problems } = scanOutputDir(site, { displayDir: 'dist' });

  it.each(BATTERY.map((w, i) => [w.name, w, i] as const))('%s', (_name, w, i) => {
    for (const file of [`w${i}/index.html`, `w${i}/meta.html`, `w${i}.csv`, `pagefind/fragment/w${i}.pf_fragment`]) {
      const mine = problems.filter((p) => p.file === `dist/${file}`);
      expect(
        mine.map((p) => p.code),
        file,
      ).toEqual([`privacy/output-${w.kind}`]);
      expect(showsDigits(JSON.stringify(mine), w.digits), file).toBe(false);
    }
  });
});
