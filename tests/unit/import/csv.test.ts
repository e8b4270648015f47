import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeCsv } from '../../../src/lib/spreadsheet/csv';
import { importSpreadsheet } from '../../../src/lib/import/index';
import type { ListDisclosure } from '../../../src/lib/schemas/disclosure';
import { csvText, gbkBytes } from '../../fixtures/import/workbooks';

const PARTY: ListDisclosure = {
  village: '330000000001',
  period: '2026-Q3',
  category: '党务',
  title: '2026年第三季度主题党日活动开展情况',
  publishedOn: '2026-10-09',
  reviewedBy: '东溪村党总支',
  columns: [
    { key: 'date', label: '活动日期', type: 'date' },
    { key: 'topic', label: '活动主题', type: 'text' },
    { key: 'attendance', label: '参加人数', type: 'integer' },
    { key: 'cost', label: '经费(元)', type: 'money' },
  ],
  rows: [
    { date: '2026-07-01', topic: '“七一”重温入党誓词，缅怀革命先烈', attendance: 71, cost: '1250.00' },
    { date: '2026-09-23', topic: '“九九重阳”敬老志愿服务', attendance: 72, cost: '0.00' },
  ],
};

const target = { village: '330000000001', period: '2026-Q3', kind: 'party' as const };

describe('CSV encodings', () => {
  const text = '项目,内容\r\n标题,东溪村“村务”公开—测试\r\n';

  it('decodes GBK (old Excel "CSV"), UTF-8 and UTF-8 with BOM', () => {
    const gbk = iconv.encode(text, 'gbk');
    expect(gbk.length).toBeLessThan(Buffer.byteLength(text, 'utf8')); // really two bytes per Han character
    expect(decodeCsv(new Uint8Array(gbk))).toEqual({ text, encoding: 'gbk' });
    expect(decodeCsv(new Uint8Array(Buffer.from(text, 'utf8')))).toEqual({ text, encoding: 'utf-8' });
    expect(decodeCsv(new Uint8Array(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])))).toEqual({ text, encoding: 'utf-8-bom' });
    expect(decodeCsv(new Uint8Array([0xff, 0xfe, 0x31, 0x00]))).toEqual({ unsupported: 'UTF-16' });
  });

  it('imports a GBK CSV list to the same JSON as its source', async () => {
    const r = await importSpreadsheet({ ...target, bytes: gbkBytes(csvText(PARTY)), file: 'party.csv' });
    expect(r.ok ? [] : r.problems).toEqual([]);
    expect(r.ok && r.encoding).toBe('gbk');
    expect(r.ok && JSON.parse(r.json)).toEqual(PARTY);
  });
});

describe('CSV cell addresses', () => {
  it('names a bad cell by line and column, with its A1 name', async () => {
    const text = csvText(PARTY).replace('"1,250.00"', '一千二百五十元');
    const lines = text.split('\r\n');
    const line = lines.findIndex((l) => l.includes('一千二百五十元')) + 1;
    const r = await importSpreadsheet({ ...target, bytes: new Uint8Array(Buffer.from(text, 'utf8')), file: 'party.csv' });
    const problems = r.ok ? [] : r.problems;
    expect(problems).toMatchObject([{ file: 'party.csv', line, column: 4, field: `第${line}行第4列（D${line}）`, code: 'import/money' }]);
  });

  it('asks for the blank line between 基本信息 and the table', async () => {
    const text = csvText(PARTY).replace('\r\n\r\n', '\r\n');
    const r = await importSpreadsheet({ ...target, bytes: new Uint8Array(Buffer.from(text, 'utf8')), file: 'party.csv' });
    expect(r.ok ? [] : r.problems).toMatchObject([{ code: 'import/csv-sections' }]);
  });
});
