/**
 * Input robustness and downloads in real builds (issue 17 items 8 and 9): the fixture town with
 * every Markdown, MDX and JSON file saved with CRLF line ends and a byte-order mark builds to
 * exactly the same bytes as with LF; the CSV downloads neutralise formula-starting text and keep
 * negative amounts as numbers; an invalid BASE_PATH stops the build with nothing published.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, listFiles, TEST_DIST } from '../helpers/build';
import { contentRootWith } from '../helpers/content';

const LIST = 'disclosures/330799203202/2026-Q3-affairs.json';
const LEDGER = 'disclosures/330799203202/2026-10-finance.json';
const HYPERLINK = '=HYPERLINK("http://evil.example/","点击查看")';

/** Text cells that a spreadsheet would run as formulas, and a negative amount on each side of the ledger. */
function inject(root: string): void {
  const list = JSON.parse(fs.readFileSync(path.join(root, LIST), 'utf8')) as { rows: Array<Record<string, unknown>> };
  list.rows[0]!.note = HYPERLINK;
  list.rows[1]!.note = '-5';
  list.rows[2]!.note = '@SUM(1+1)';
  fs.writeFileSync(path.join(root, LIST), JSON.stringify(list, null, 2) + '\n');
  const ledger = JSON.parse(fs.readFileSync(path.join(root, LEDGER), 'utf8')) as { income: unknown[]; expense: unknown[] };
  ledger.income.push({ date: '2026-10-30', account: '经营收入', summary: '-冲回多记租金', amount: '-1200.50', voucher: '记-013' });
  ledger.expense.push({ date: '2026-10-30', account: '管理费用', summary: '+冲回多记电费', amount: '-1200.50', voucher: '记-014' });
  fs.writeFileSync(path.join(root, LEDGER), JSON.stringify(ledger, null, 2) + '\n');
}

/** The same files as Windows Notepad or WPS save them: a BOM and CRLF line ends. */
function toWindows(root: string): number {
  let n = 0;
  for (const rel of listFiles(root)) {
    if (!/\.(?:mdx?|json)$/.test(rel)) continue;
    const abs = path.join(root, rel);
    fs.writeFileSync(abs, '\uFEFF' + fs.readFileSync(abs, 'utf8').replace(/\n/g, '\r\n'));
    n++;
  }
  return n;
}

const lfOut = path.join(TEST_DIST, 'inputs-lf');
const crlfOut = path.join(TEST_DIST, 'inputs-crlf');
let converted = 0;

beforeAll(() => {
  const lf = contentRootWith();
  const crlf = contentRootWith();
  inject(lf);
  inject(crlf);
  converted = toWindows(crlf);
  for (const [root, out] of [
    [lf, lfOut],
    [crlf, crlfOut],
  ] as const) {
    const r = buildSite(root, out);
    expect(r.status, r.stdout + r.stderr).toBe(0);
  }
}, 300_000);

describe('CRLF and BOM', () => {
  it('build to exactly the same site as LF', () => {
    expect(converted).toBeGreaterThan(20);
    const files = listFiles(lfOut).sort();
    expect(listFiles(crlfOut).sort()).toEqual(files);
    expect(files).toContain('plans/wangge-fuwu-2026/index.html');
    expect(files).toContain('sitemap-index.xml');
    const differ = files.filter((f) => !fs.readFileSync(path.join(lfOut, f)).equals(fs.readFileSync(path.join(crlfOut, f))));
    expect(differ).toEqual([]);
    const plan = fs.readFileSync(path.join(crlfOut, 'plans/wangge-fuwu-2026/index.html'), 'utf8');
    expect(plan).toContain('麟禾镇网格化服务管理实施方案（2026年修订）');
    expect(plan).not.toContain('\uFEFF');
    expect(plan).not.toContain('\r');
  });
});

describe('CSV downloads in the built site', () => {
  it('neutralise formula-starting text cells and keep negative amounts as numbers', () => {
    const list = fs.readFileSync(path.join(crlfOut, LIST.replace(/\.json$/, '.csv')), 'utf8');
    expect(list.startsWith('\uFEFF户主姓名,保障人数,月保障金(元)（元）,备注\r\n')).toBe(true);
    expect(list).toContain(`应*华,3,3495.00,"'=HYPERLINK(""http://evil.example/"",""点击查看"")"\r\n`);
    expect(list).toContain(`童*,4,5130.00,'-5\r\n`);
    expect(list).toContain(`童*柏,1,1005.00,'@SUM(1+1)\r\n`);
    const ledger = fs.readFileSync(path.join(crlfOut, LEDGER.replace(/\.json$/, '.csv')), 'utf8');
    expect(ledger).toContain("收入,2026-10-30,经营收入,'-冲回多记租金,-1200.50,记-013\r\n");
    expect(ledger).toContain("支出,2026-10-30,管理费用,'+冲回多记电费,-1200.50,记-014\r\n");
    // No text cell of any built CSV starts a formula; every cell that starts with "-" is a plain number.
    for (const f of listFiles(crlfOut).filter((x) => x.endsWith('.csv'))) {
      for (const line of fs
        .readFileSync(path.join(crlfOut, f), 'utf8')
        .replace(/^\uFEFF/, '')
        .split('\r\n')) {
        for (const cell of line.match(/("(?:[^"]|"")*"|[^,]*)(?:,|$)/g) ?? []) {
          const v = cell.replace(/,$/, '').replace(/^"|"$/g, '');
          expect(/^[=+@\t\r]/.test(v), `${f}: ${v}`).toBe(false);
          if (v.startsWith('-')) expect(v, `${f}: ${v}`).toMatch(/^-\d+(?:\.\d+)?$/);
        }
      }
    }
  });
});

describe('BASE_PATH', () => {
  it('with .. stops the build with a clear message and publishes nothing', () => {
    const out = path.join(TEST_DIST, 'inputs-base-path');
    const r = buildSite(contentRootWith(), out, { BASE_PATH: '/zl/../admin/' });
    expect(r.status).not.toBe(0);
    expect(r.stdout + r.stderr).toContain('环境变量 BASE_PATH="/zl/../admin/" 不能用作网址路径：含有 . 或 .. 路径段');
    expect(r.stdout + r.stderr).toContain('(BASE_PATH="/zl/../admin/" cannot be a URL path: it contains a . or .. segment)');
    expect(fs.existsSync(out)).toBe(false);
  });
});
