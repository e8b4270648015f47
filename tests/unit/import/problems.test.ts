/**
 * Bad spreadsheets, built in memory: every bad cell is named by its address, all problems come
 * in one run, and nothing is written.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importSpreadsheet, type ImportResult } from '../../../src/lib/import/index';
import { runImport } from '../../../src/lib/import/run';
import { residentIdCheckChar } from '../../../src/lib/privacy';
import { noticeRule } from '../../../src/lib/checks/disclosures';
import type { FinanceDisclosure, ListDisclosure } from '../../../src/lib/schemas/disclosure';
import { financeWorkbook, listWorkbook, workbookBytes } from '../../fixtures/import/workbooks';
import { BATTERY, showsDigits } from '../../fixtures/privacy/battery';
import type { Row, Workbook } from '../../fixtures/import/xlsx-writer';

const FINANCE: FinanceDisclosure = {
  village: '330000000001',
  period: '2026-10',
  category: '财务',
  title: '东溪村2026年10月财务收支公开',
  publishedOn: '2026-11-05',
  reviewedBy: '东溪村村务监督委员会',
  openingBalance: '120000.00',
  income: [
    { date: '2026-10-03', account: '发包及上交收入', summary: '鱼塘承包费', amount: '5000.00', voucher: '记-001' },
    { date: '2026-10-12', account: '补助收入', summary: '村级组织运转经费', amount: '1234.50', voucher: '记-003' },
  ],
  expense: [{ date: '2026-10-09', account: '管理费用', summary: '办公用品', amount: '318.60', voucher: '记-002' }],
  closingBalance: '125915.90',
};

const LIST: ListDisclosure = {
  village: '330000000001',
  period: '2026-Q3',
  category: '村务',
  title: '2026年第三季度最低生活保障对象公示',
  publishedOn: '2026-10-08',
  noticeUntil: '2026-10-15',
  reviewedBy: '东溪村村务监督委员会',
  columns: [
    { key: 'name', label: '户主姓名', type: 'personName' },
    { key: 'size', label: '保障人数', type: 'integer' },
    { key: 'amount', label: '月保障金(元)', type: 'money' },
    { key: 'note', label: '备注', type: 'text' },
  ],
  rows: [
    { name: '张*华', size: 3, amount: '1260.00', note: '' },
    { name: '李*', size: 1, amount: '520.00', note: '新增' },
  ],
};

async function importWorkbook(
  wb: Workbook,
  kind: 'finance' | 'affairs' = 'finance',
  period = kind === 'finance' ? '2026-10' : '2026-Q3',
): Promise<ImportResult> {
  return importSpreadsheet({ bytes: await workbookBytes(wb), file: 'test.xlsx', village: '330000000001', period, kind });
}

function problemsOf(r: ImportResult) {
  return r.ok ? [] : r.problems;
}

const ledger = (wb: Workbook) => wb.getWorksheet('收支明细')!;
const info = (wb: Workbook) => wb.getWorksheet('基本信息')!;

/** The 基本信息 row whose label is `label`. */
function infoRow(wb: Workbook, label: string): Row {
  let found: Row | undefined;
  info(wb).eachRow((row) => {
    if (row.getCell(1).value === label) found = row;
  });
  if (!found) throw new Error(`no ${label} row`);
  return found;
}

describe('a good workbook', () => {
  it('imports a finance workbook and a list workbook to their JSON', async () => {
    const f = await importWorkbook(financeWorkbook(FINANCE));
    expect(problemsOf(f)).toEqual([]);
    expect(f.ok && JSON.parse(f.json)).toEqual(FINANCE);
    const l = await importWorkbook(listWorkbook(LIST), 'affairs');
    expect(problemsOf(l)).toEqual([]);
    expect(l.ok && JSON.parse(l.json)).toEqual(LIST);
  });

  it('reads a 收支 cell merged down over several rows for each of them', async () => {
    const wb = financeWorkbook(FINANCE);
    ledger(wb).mergeCells('A2:A3');
    const r = await importWorkbook(wb);
    expect(problemsOf(r)).toEqual([]);
    expect(r.ok && r.data).toMatchObject({ income: [{ voucher: '记-001' }, { voucher: '记-003' }] });
  });
});

describe('title rows above the header', () => {
  it('skips a merged title row above the ledger and above a list header', async () => {
    const wb = financeWorkbook(FINANCE);
    ledger(wb).insertRow(1, ['东溪村2026年10月财务收支明细表']);
    ledger(wb).mergeCells('A1:F1');
    const f = await importWorkbook(wb);
    expect(problemsOf(f)).toEqual([]);
    expect(f.ok && JSON.parse(f.json)).toEqual(FINANCE);

    const lw = listWorkbook(LIST);
    const ws = lw.getWorksheet('名单')!;
    ws.insertRow(1, ['低保对象公示名单']);
    ws.mergeCells('A1:D1');
    const l = await importWorkbook(lw, 'affairs');
    expect(problemsOf(l)).toEqual([]);
    expect(l.ok && JSON.parse(l.json)).toEqual(LIST);
  });

  it('finds the header under a title even when the labels are type words', async () => {
    const list: ListDisclosure = {
      ...LIST,
      columns: [
        { key: 'name', label: '姓名', type: 'personName' },
        { key: 'amount', label: '金额', type: 'money' },
      ],
      rows: [{ name: '张*华', amount: '1.00' }],
    };
    const wb = listWorkbook(list);
    wb.getWorksheet('名单')!.insertRow(1, ['名单']);
    const r = await importWorkbook(wb, 'affairs');
    expect(problemsOf(r)).toEqual([]);
    expect(r.ok && JSON.parse(r.json)).toEqual(list);
  });

  it('reports anything else above the header', async () => {
    const wb = financeWorkbook(FINANCE);
    ledger(wb).insertRow(1, ['单位：元', '制表：会计']);
    expect(problemsOf(await importWorkbook(wb))).toMatchObject([{ code: 'import/above-header', field: '收支明细 第1行' }]);
  });
});

describe('amount cells', () => {
  it('refuses "五千元" in an amount column, naming the cell', async () => {
    const wb = financeWorkbook(FINANCE);
    ledger(wb).getCell('E2').value = '五千元';
    const problems = problemsOf(await importWorkbook(wb));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'test.xlsx', field: '收支明细!E2', code: 'import/money' });
    expect(problems[0]!.what.zh).toContain('收支明细!E2');
    expect(problems[0]!.what.zh).toContain('五千元');
    expect(problems[0]!.what.en).toContain('收支明细!E2');
  });

  it('takes a numeric 1234.5000001 as "1234.50" but refuses 1234.505', async () => {
    const wb = financeWorkbook(FINANCE);
    ledger(wb).getCell('E3').value = 1234.5000001;
    const good = await importWorkbook(wb);
    expect(problemsOf(good)).toEqual([]);
    expect(good.ok && good.json).toContain('"amount": "1234.50"');

    ledger(wb).getCell('E3').value = 1234.505;
    const bad = problemsOf(await importWorkbook(wb));
    expect(bad.map((p) => p.field)).toEqual(['收支明细!E3']);
    expect(bad[0]!.what.zh).toContain('1234.505');
  });

  it('refuses an unbalanced ledger at the closing balance cell', async () => {
    const wb = financeWorkbook(FINANCE);
    const closing = infoRow(wb, '期末余额');
    closing.getCell(2).value = 125915.91;
    const problems = problemsOf(await importWorkbook(wb));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'disclosure/unbalanced', field: `基本信息!B${closing.number}` });
    expect(problems[0]!.what.zh).toContain('相差 ¥0.01');
  });
});

describe('every problem, in one run', () => {
  it('reports all bad cells with their addresses', async () => {
    const wb = financeWorkbook(FINANCE);
    const ws = ledger(wb);
    ws.getCell('E2').value = '约500';
    ws.getCell('B3').value = '2026-13-01';
    ws.getCell('F4').value = null;
    ws.getCell('A4').value = '付款';
    infoRow(wb, '公开日期').getCell(2).value = '十一月五日';
    const fields = problemsOf(await importWorkbook(wb)).map((p) => p.field);
    expect(fields).toEqual(expect.arrayContaining(['收支明细!E2', '收支明细!B3', '收支明细!A4', `基本信息!B${infoRow(wb, '公开日期').number}`]));
    expect(fields).toHaveLength(4);
  });

  it('names an entry dated outside the period', async () => {
    const wb = financeWorkbook(FINANCE);
    ledger(wb).getCell('B3').value = new Date(Date.UTC(2026, 10, 1));
    const problems = problemsOf(await importWorkbook(wb));
    expect(problems).toMatchObject([{ code: 'disclosure/entry-outside-period', field: '收支明细!B3' }]);
  });

  it('names a notice period that ends before publication, as npm run check words it (the same rule)', async () => {
    const wb = listWorkbook(LIST);
    const until = infoRow(wb, '公示截止日期');
    until.getCell(2).value = '2026-10-01';
    const problems = problemsOf(await importWorkbook(wb, 'affairs'));
    const [found] = noticeRule.check({ data: { noticeUntil: '2026-10-01', publishedOn: LIST.publishedOn } });
    const cell = `基本信息!B${until.number}`;
    expect(problems).toEqual([
      expect.objectContaining({
        code: 'disclosure/notice-before-publication',
        field: cell,
        what: { zh: `${cell}：${found!.what.zh}`, en: `${cell}: ${found!.what.en}` },
        fix: found!.fix,
      }),
    ]);
  });

  it('names missing sheets, labels and headers', async () => {
    const wb = financeWorkbook(FINANCE);
    wb.removeWorksheet(ledger(wb).id);
    info(wb).spliceRows(infoRow(wb, '审核机构').number, 1);
    const problems = problemsOf(await importWorkbook(wb));
    expect(problems.map((p) => p.code).sort()).toEqual(['import/missing-label', 'import/missing-sheet']);
  });

  it('refuses a formula saved without its result', async () => {
    const wb = financeWorkbook(FINANCE);
    ledger(wb).getCell('E2').value = { formula: 'SUM(1,2)' };
    const problems = problemsOf(await importWorkbook(wb));
    expect(problems).toMatchObject([{ field: '收支明细!E2' }]);
    expect(problems[0]!.what.zh).toContain('没有保存计算结果');
  });

  it('refuses an old .xls workbook', async () => {
    const r = await importSpreadsheet({
      bytes: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0]),
      file: 'old.xls',
      village: '330000000001',
      period: '2026-10',
      kind: 'finance',
    });
    expect(problemsOf(r)).toMatchObject([{ code: 'import/old-format' }]);
  });
});

describe('personal data', () => {
  it('refuses an unmasked personName, naming the cell', async () => {
    const wb = listWorkbook(LIST);
    wb.getWorksheet('名单')!.getCell('A5').value = '李明';
    const problems = problemsOf(await importWorkbook(wb, 'affairs'));
    expect(problems).toMatchObject([{ code: 'privacy/unmasked-name', field: '名单!A5' }]);
    expect(problems[0]!.fix.zh).toContain('李*');
  });

  it('refuses a resident ID number in a text cell, printing it masked', async () => {
    const first17 = '11010519491231002';
    const id = first17 + residentIdCheckChar(first17);
    const wb = financeWorkbook(FINANCE);
    ledger(wb).getCell('D2').value = `鱼塘承包费 承包人身份证 ${id}`;
    const problems = problemsOf(await importWorkbook(wb));
    expect(problems).toMatchObject([{ code: 'privacy/resident-id', field: '收支明细!D2' }]);
    expect(JSON.stringify(problems)).not.toContain(id);
  });
});

describe('the battery of ways to write a personal number (issue 17)', () => {
  it.each(BATTERY.map((w) => [w.name, w] as const))('refuses %s in a cell, never printing it', async (_name, w) => {
    const wb = financeWorkbook(FINANCE);
    ledger(wb).getCell('D2').value = `鱼塘承包费 ${w.text}`;
    const problems = problemsOf(await importWorkbook(wb));
    expect(problems).toMatchObject([{ code: `privacy/${w.kind}`, field: '收支明细!D2' }]);
    expect(showsDigits(JSON.stringify(problems), w.digits)).toBe(false);
  });
});

describe('list tables', () => {
  it('checks column types and keys in the header rows', async () => {
    const wb = listWorkbook(LIST);
    const ws = wb.getWorksheet('名单')!;
    ws.getCell('B2').value = '数字';
    ws.getCell('D3').value = '备注';
    ws.getCell('B4').value = '三';
    const problems = problemsOf(await importWorkbook(wb, 'affairs'));
    expect(problems.map((p) => p.field).sort()).toEqual(['名单!B2', '名单!D3']);
  });

  it('reports a bad integer cell', async () => {
    const wb = listWorkbook(LIST);
    wb.getWorksheet('名单')!.getCell('B4').value = '3人';
    expect(problemsOf(await importWorkbook(wb, 'affairs'))).toMatchObject([{ code: 'import/integer', field: '名单!B4' }]);
  });
});

describe('npm run import, without spawning', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'import-run-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const argv = (file: string, ...more: string[]) => [file, '--village', '330000000001', '--period', '2026-10', '--kind', 'finance', ...more];
  const target = () => path.join(dir, 'content/disclosures/330000000001/2026-10-finance.json');

  it('writes nothing when a cell is bad, and names the cell', async () => {
    const wb = financeWorkbook(FINANCE);
    ledger(wb).getCell('E2').value = '五千元';
    fs.writeFileSync(path.join(dir, 'bad.xlsx'), await workbookBytes(wb));
    const r = await runImport(argv('bad.xlsx'), { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('收支明细!E2');
    expect(r.stderr).toContain('五千元');
    expect(r.stderr).toContain('不会写入任何文件');
    expect(fs.existsSync(path.join(dir, 'content'))).toBe(false);
  });

  it("honours the content root's privacy-allow.json as npm run check does (an approved 值班手机)", async () => {
    const duty = ['138', '5711', '0000'].join('');
    const wb = financeWorkbook(FINANCE);
    ledger(wb).getCell('D2').value = `鱼塘承包费 咨询村委会值班手机 ${duty}`;
    fs.writeFileSync(path.join(dir, 'duty.xlsx'), await workbookBytes(wb));
    const refused = await runImport(argv('duty.xlsx', '--dry-run'), { cwd: dir });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('收支明细!D2');
    fs.mkdirSync(path.join(dir, 'content'), { recursive: true });
    const entry = { value: duty, reason: '村委会值班手机，已对外公布', approvedBy: '镇党政办', approvedOn: '2026-11-01' };
    fs.writeFileSync(path.join(dir, 'content/privacy-allow.json'), JSON.stringify([entry]));
    const allowed = await runImport(argv('duty.xlsx', '--dry-run'), { cwd: dir });
    expect(allowed.code, allowed.stderr).toBe(0);
    // A broken allow-list stops the import, as it stops the check.
    fs.writeFileSync(path.join(dir, 'content/privacy-allow.json'), JSON.stringify([{ value: duty }]));
    const broken = await runImport(argv('duty.xlsx', '--dry-run'), { cwd: dir });
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('privacy-allow.json');
  });

  it('writes under CONTENT_DIR, refuses to overwrite without --force, and --dry-run writes nothing', async () => {
    fs.writeFileSync(path.join(dir, 'ok.xlsx'), await workbookBytes(financeWorkbook(FINANCE)));
    const dry = await runImport(argv('ok.xlsx', '--dry-run'), { cwd: dir });
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.stdout)).toEqual(FINANCE);
    expect(fs.existsSync(target())).toBe(false);

    const first = await runImport(argv('ok.xlsx'), { cwd: dir, contentDir: 'content' });
    expect(first.code).toBe(0);
    expect(fs.readFileSync(target(), 'utf8')).toBe(dry.stdout);

    fs.writeFileSync(target(), 'old\n');
    const again = await runImport(argv('ok.xlsx'), { cwd: dir });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('已存在');
    expect(fs.readFileSync(target(), 'utf8')).toBe('old\n');

    const forced = await runImport(argv('ok.xlsx', '--force'), { cwd: dir });
    expect(forced.code).toBe(0);
    expect(fs.readFileSync(target(), 'utf8')).toBe(dry.stdout);
  });

  it('reports bad arguments all at once', async () => {
    const r = await runImport(['a.xlsx', '--village', '3301', '--period', '2026-Q4', '--kind', 'finance', '--bogus'], { cwd: dir });
    expect(r.code).toBe(1);
    for (const s of ['--village', '--period', '--bogus', '财务公开按月公开']) expect(r.stderr).toContain(s);
  });
});
