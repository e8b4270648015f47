/**
 * Robust input (issue 17 item 9): what a careless editor or an attacker can put in a content
 * root is read correctly or refused with the true reason, naming the file — never a stack trace,
 * never parsed in full first. Every fixture is built here, in a temporary copy of the fixture town.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { basePathProblem, resolveBasePath } from '../../src/lib/env/base-path';
import { decodeContentText, firstInvalidUtf8, LIMITS, normaliseText } from '../../src/lib/content/read';
import { isProblem, parseFrontmatterSource, parseJsonSource } from '../../src/lib/content/source';
import type { Problem } from '../../src/lib/core/errors';
import { readSpreadsheet } from '../../src/lib/import/index';
import { readSpreadsheetFile } from '../../src/lib/import/read';
import { xlsxUnzippedSize } from '../../src/lib/spreadsheet/xlsx';
import { readRawXlsx } from '../../src/lib/stats/raw';
import { validateContentRoot } from '../../src/lib/checks/validate';
import { contentRootWith } from '../helpers/content';
import { TODAY } from '../today';

const PLAN = 'plans/wangge-fuwu-2026.mdx';
const FINANCE = 'disclosures/330799203202/2026-10-finance.json';

function check(root: string): Problem[] {
  return validateContentRoot(root, { SITE_TODAY: TODAY }).problems;
}

function only(problems: Problem[], code: string): Problem {
  const hits = problems.filter((p) => p.code === code);
  expect(hits, JSON.stringify(problems, null, 2)).toHaveLength(1);
  return hits[0]!;
}

function tmpDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'gkl-input-'));
}

describe('line ends and byte-order marks', () => {
  it('a CRLF plan with a BOM passes the check and reads exactly like the LF one', () => {
    const lf = contentRootWith();
    const crlf = contentRootWith();
    const text = fs.readFileSync(path.join(lf, PLAN), 'utf8');
    expect(text.includes('\r')).toBe(false);
    fs.writeFileSync(path.join(crlf, PLAN), '\uFEFF' + text.replace(/\n/g, '\r\n'));
    // Every JSON file too: registries, ledgers, datasets.
    for (const rel of ['site.json', 'units.json', 'villages.json', FINANCE, 'data/disputes-monthly.json']) {
      const json = fs.readFileSync(path.join(crlf, rel), 'utf8');
      fs.writeFileSync(path.join(crlf, rel), '\uFEFF' + json.replace(/\n/g, '\r\n'));
    }
    expect(check(crlf)).toEqual([]);
    const a = validateContentRoot(lf, { SITE_TODAY: TODAY }).content;
    const b = validateContentRoot(crlf, { SITE_TODAY: TODAY }).content;
    const plan = (c: typeof a) => c.plans.find((p) => p.slug === 'wangge-fuwu-2026')!;
    expect(plan(b).data).toEqual(plan(a).data);
    expect(plan(b).source.body).toBe(plan(a).source.body);
    expect(plan(b).source.locate(['tasks', 1, 'due'])).toEqual(plan(a).source.locate(['tasks', 1, 'due']));
    expect(b.site).toEqual(a.site);
    expect(b.datasets.map((d) => d.data)).toEqual(a.datasets.map((d) => d.data));
  });

  it('normalises CR, CRLF and the BOM and nothing else', () => {
    expect(normaliseText('\uFEFFa\r\nb\rc\n')).toBe('a\nb\nc\n');
    expect(normaliseText('a\uFEFFb')).toBe('a\uFEFFb');
  });
});

describe('duplicate JSON keys', () => {
  it('are refused naming the file, the line of the second and the key', () => {
    const root = contentRootWith();
    const abs = path.join(root, FINANCE);
    const lines = fs.readFileSync(abs, 'utf8').split('\n');
    const at = lines.findIndex((l) => l.includes('"closingBalance"'));
    // Two closingBalance keys: JSON.parse would silently keep the second.
    lines.splice(at, 0, '  "closingBalance": "999999.00",');
    fs.writeFileSync(abs, lines.join('\n'));
    const p = only(check(root), 'json/duplicate-key');
    expect(p.file.endsWith(FINANCE)).toBe(true);
    expect(p.line).toBe(at + 2);
    expect(p.what.zh).toContain('字段“closingBalance”在同一处写了两次');
    expect(p.what.en).toContain('the key "closingBalance" appears twice');
  });

  it('are found after escapes are decoded, at any depth; equal keys in different objects are fine', () => {
    const dup = parseJsonSource('{\n  "a": { "x": 1 },\n  "b": [{ "k": 1, "\\u006b": 2 }]\n}\n', 'x.json');
    expect(isProblem(dup) && [dup.code, dup.line, dup.what.en]).toEqual(['json/duplicate-key', 3, expect.stringContaining('"k"') as string]);
    expect(isProblem(parseJsonSource('[{ "k": 1 }, { "k": 2 }]', 'x.json'))).toBe(false);
  });
});

describe('invalid UTF-8 and NUL bytes', () => {
  it('a file saved as GBK is refused with the byte offset and line', () => {
    const root = contentRootWith();
    const abs = path.join(root, FINANCE);
    const text = fs.readFileSync(abs, 'utf8');
    const head = Buffer.from(text.slice(0, text.indexOf('"title"')), 'utf8');
    // "公开" in GBK: B9 AB BF AA.
    fs.writeFileSync(
      abs,
      Buffer.concat([head, Buffer.from([0x22, 0xb9, 0xab, 0xbf, 0xaa, 0x22, 0x2c, 0x0a]), Buffer.from(text.slice(text.indexOf('"title"')), 'utf8')]),
    );
    const p = only(check(root), 'file/not-utf8');
    expect(p.file.endsWith(FINANCE)).toBe(true);
    expect(p.line).toBe(text.slice(0, text.indexOf('"title"')).split('\n').length);
    expect(p.what.zh).toContain(`文件不是 UTF-8 编码：第 ${head.length + 1} 字节（0xb9）`);
    expect(p.what.en).toContain(`byte ${head.length + 1} (0xb9) is not valid UTF-8`);
  });

  it('a NUL byte in a plan is refused with its offset and line', () => {
    const root = contentRootWith();
    const abs = path.join(root, PLAN);
    const text = fs.readFileSync(abs, 'utf8');
    const i = text.indexOf('网格事件按期办结率');
    fs.writeFileSync(abs, text.slice(0, i) + '\0' + text.slice(i));
    const p = only(check(root), 'file/nul-byte');
    expect(p.line).toBe(text.slice(0, i).split('\n').length);
    expect(p.what.zh).toContain(`文件第 ${Buffer.byteLength(text.slice(0, i))} 字节是空字符（NUL）`);
    expect(p.what.en).toContain('is a NUL character: this is not plain text');
  });

  it('knows well-formed UTF-8 (RFC 3629) from overlongs, surrogates and truncation', () => {
    expect(firstInvalidUtf8(Buffer.from('栖梧镇 ok 😀', 'utf8'))).toBe(-1);
    expect(firstInvalidUtf8(Uint8Array.from([0x61, 0xc0, 0xaf]))).toBe(1); // overlong "/"
    expect(firstInvalidUtf8(Uint8Array.from([0xed, 0xa0, 0x80]))).toBe(0); // a surrogate
    expect(firstInvalidUtf8(Uint8Array.from([0x61, 0xe6, 0xa0]))).toBe(1); // cut short
    expect(firstInvalidUtf8(Uint8Array.from([0xf4, 0x90, 0x80, 0x80]))).toBe(0); // > U+10FFFF
    const ok = decodeContentText(Buffer.from('\uFEFFa\r\n', 'utf8'), 'x');
    expect(ok).toEqual({ text: 'a\n' });
  });
});

describe('symbolic links', () => {
  it('a link leading out of the content root is refused and never read', () => {
    const root = contentRootWith();
    const outside = path.join(tmpDir(), 'secret.mdx');
    fs.writeFileSync(outside, fs.readFileSync(path.join(root, PLAN), 'utf8').replace('麟禾镇网格化服务管理实施方案', 'OUTSIDE-SECRET'));
    fs.symlinkSync(outside, path.join(root, 'plans/mimi.mdx'));
    const problems = check(root);
    const p = only(problems, 'file/symlink');
    expect(p.file.endsWith('plans/mimi.mdx')).toBe(true);
    expect(p.what.zh).toContain('这是一个符号链接（快捷方式），内容目录中只能放普通文件和文件夹');
    expect(p.what.en).toContain('this is a symbolic link');
    expect(JSON.stringify(problems)).not.toContain('OUTSIDE-SECRET');
    expect(validateContentRoot(root, { SITE_TODAY: TODAY }).content.plans.map((x) => x.slug)).not.toContain('mimi');
  });

  it('a linked folder is refused too, and so is a link that stays inside the root (the documented choice)', () => {
    const root = contentRootWith();
    fs.symlinkSync(path.join(root, 'disclosures/330799203202'), path.join(root, 'disclosures/330799203299'));
    fs.symlinkSync(path.join(root, PLAN), path.join(root, 'plans/copy.mdx'));
    const links = check(root).filter((p) => p.code === 'file/symlink');
    expect(links.map((p) => path.basename(p.file)).sort()).toEqual(['330799203299', 'copy.mdx']);
    expect(check(root).filter((p) => p.file.includes('330799203299/'))).toEqual([]);
  });

  it('the content root itself may be reached through a link', () => {
    const root = contentRootWith();
    const link = path.join(tmpDir(), 'town');
    fs.symlinkSync(root, link);
    expect(check(link)).toEqual([]);
  });
});

describe('size limits, checked before parsing', () => {
  it('a JSON file over 10 MB is refused by its size, unread', () => {
    const root = contentRootWith();
    const abs = path.join(root, 'data/huge.json');
    // A sparse file: 50 MB on paper, nothing to parse (its bytes are NUL, which would fail anyway).
    fs.writeFileSync(abs, '');
    fs.truncateSync(abs, 50 * 1024 * 1024);
    const p = only(check(root), 'file/too-large');
    expect(p.file.endsWith('data/huge.json')).toBe(true);
    expect(p.what.zh).toBe('文件过大：JSON 文件最大 10 MB，此文件为 50 MB；未读取其内容');
    expect(p.what.en).toBe('file too large: a JSON file may be at most 10 MB, this one is 50 MB; it was not read');
  });

  it('an MDX document over 1 MB is refused', () => {
    const root = contentRootWith();
    const abs = path.join(root, PLAN);
    fs.appendFileSync(abs, '\n' + '网格服务。'.repeat(80_000));
    const p = only(check(root), 'file/too-large');
    expect(p.what.zh).toMatch(/^文件过大：Markdown\/MDX 文件最大 1 MB，此文件为 1\.\d MB；未读取其内容$/);
    expect(p.what.en).toContain('a Markdown/MDX file may be at most 1 MB');
  });

  it('a CSV to import over 20 MB is refused before it is read', () => {
    const abs = path.join(tmpDir(), '台账.csv');
    fs.writeFileSync(abs, '');
    fs.truncateSync(abs, LIMITS.csv + 1);
    const r = readSpreadsheetFile(abs, '台账.csv');
    expect('problem' in r && r.problem.what).toEqual({
      zh: '文件过大：CSV 文件最大 20 MB，此文件为 20 MB；未读取其内容',
      en: 'file too large: a CSV file may be at most 20 MB, this one is 20 MB; it was not read',
    });
  });

  it('an .xlsx that declares more than 100 MB unzipped is refused from its central directory, nothing inflated', async () => {
    const zip = zipSync({ 'xl/workbook.xml': strToU8('<workbook/>'), 'xl/worksheets/sheet1.xml': strToU8('<worksheet/>') });
    // Declare 600 MB for the sheet in its central directory entry (uncompressed size at +24).
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    let patched = 0;
    for (let i = 0; i + 46 <= zip.length; i++) {
      if (view.getUint32(i, true) === 0x02014b50 && new TextDecoder().decode(zip.subarray(i + 46, i + 46 + 24)) === 'xl/worksheets/sheet1.xml') {
        view.setUint32(i + 24, 600 * 1024 * 1024, true);
        patched++;
      }
    }
    expect(patched).toBe(1);
    expect(xlsxUnzippedSize(zip)).toBeGreaterThan(600 * 1024 * 1024);
    const started = performance.now();
    const r = await readSpreadsheet(zip, '表格.xlsx', 'finance');
    expect('problem' in r && r.problem.code).toBe('file/too-large');
    expect('problem' in r && r.problem.what.zh).toBe('文件过大：.xlsx 文件解压后最大 100 MB，此文件为 600 MB；未读取其内容');
    expect('problem' in r && r.problem.what.en).toBe('file too large: an .xlsx file once unzipped may be at most 100 MB, this one is 600 MB; it was not read');
    // The aggregation's reader of raw ledgers refuses it the same way.
    const raw = await readRawXlsx(zip, '台账.xlsx');
    expect('problems' in raw && raw.problems[0]!.code).toBe('file/too-large');
    expect(performance.now() - started).toBeLessThan(500);
  });
});

describe('YAML alias bombs and over-long names', () => {
  it('an alias bomb in frontmatter is reported with the file and line, not a stack trace', () => {
    const root = contentRootWith();
    const abs = path.join(root, PLAN);
    const text = fs.readFileSync(abs, 'utf8');
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    fs.writeFileSync(abs, text.replace('---\n', `---\n${levels.join('\n')}\n`));
    const p = only(check(root), 'frontmatter/alias');
    expect(p.file.endsWith(PLAN)).toBe(true);
    expect(p.line).toBe(3);
    expect(p.what.zh).toContain('元数据（YAML）中使用了别名（*名称），内容文件不允许使用 YAML 锚点和别名');
    expect(p.what.en).toContain('the frontmatter uses a YAML alias (*name)');
    // A single plain alias is refused the same way: anchors are no part of the contract.
    const one = parseFrontmatterSource('---\ntitle: &t 方案\nsummary: *t\n---\n', 'x.md');
    expect(isProblem(one) && [one.code, one.line]).toEqual(['frontmatter/alias', 3]);
  });

  it('a file name over 100 bytes is reported with the file, before the build trips on it', () => {
    const root = contentRootWith();
    const long = `${'b'.repeat(97)}.mdx`;
    fs.copyFileSync(path.join(root, 'legal/linli-jiufen.mdx'), path.join(root, 'legal', long));
    const p = only(check(root), 'file/name-too-long');
    expect(p.file.endsWith(`legal/${long}`)).toBe(true);
    expect(p.what.zh).toBe('文件名过长：101 字节，最多 100 字节（一个汉字占 3 字节）');
    expect(p.what.en).toBe('the name is too long: 101 bytes, at most 100 (a Chinese character takes 3)');
  });
});

describe('BASE_PATH', () => {
  it('accepts /x/y/ paths (slashes at the ends optional) and the empty value', () => {
    for (const [value, base] of [
      [undefined, '/'],
      ['', '/'],
      ['/', '/'],
      ['/zl/qingshan/', '/zl/qingshan/'],
      ['zl/qingshan', '/zl/qingshan/'],
      ['/zl/qing-shan_2.0~x/', '/zl/qing-shan_2.0~x/'],
    ] as const) {
      expect(basePathProblem(value), String(value)).toBeUndefined();
      expect(resolveBasePath(value)).toBe(base);
    }
  });

  it('refuses spaces, .., //, backslashes and other characters, with a clear message the check reports', () => {
    for (const [value, zh, en] of [
      ['/zl/qing shan/', '含有空格或其他空白字符', 'it contains a space or other white space'],
      [' /zl/', '含有空格或其他空白字符', 'it contains a space'],
      ['/zl/../admin/', '含有 . 或 .. 路径段', 'it contains a . or .. segment'],
      ['/zl//qingshan/', '含有连续的 //', 'it contains //'],
      ['//evil.example/', '含有连续的 //', 'it contains //'],
      ['\\zl\\qingshan', '含有反斜杠', 'it contains a backslash'],
      ['/zl/青山/', '路径段“青山”含有不允许的字符', 'the segment "青山" contains a character that is not allowed'],
      ['/zl/"><script>/', '含有不允许的字符', 'is not allowed'],
    ] as const) {
      const p = basePathProblem(value);
      expect(p?.code, value).toBe('env/base-path');
      expect(p!.what.zh).toContain(`环境变量 BASE_PATH=${JSON.stringify(value)} 不能用作网址路径：`);
      expect(p!.what.zh).toContain(zh);
      expect(p!.what.en).toContain(en);
      // Loading the configuration never throws; the check refuses it.
      expect(resolveBasePath(value)).toBe('/');
    }
    const root = contentRootWith();
    const problems = validateContentRoot(root, { SITE_TODAY: TODAY, BASE_PATH: '/zl/../x/' }).problems;
    expect(only(problems, 'env/base-path').file).toBe('BASE_PATH');
  });
});
