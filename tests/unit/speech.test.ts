/**
 * 朗读: the page's text as utterances (src/lib/speech/utterances.ts). Every utterance is one
 * sentence or a piece of one, none longer than Chrome speaks before it cuts off; table rows are
 * read with their column headers; a long table is announced instead of read.
 */
import { describe, expect, it } from 'vitest';
import { LONG_TABLE_ROWS, MAX_UTTERANCE, readable, readsRows, rowText, splitSentences, tableNote, toUtterances } from '../../src/lib/speech/utterances';

describe('splitSentences', () => {
  it('cuts at 。！？； and keeps each end mark with its sentence', () => {
    expect(splitSentences('村民会议已召开。请于本月底前提出意见！有疑问吗？请联系村委会；电话见下')).toEqual([
      '村民会议已召开。',
      '请于本月底前提出意见！',
      '有疑问吗？',
      '请联系村委会；',
      '电话见下',
    ]);
  });

  it('keeps a closing quote or bracket with the sentence it closes', () => {
    expect(splitSentences('他说：“同意。”会议通过（全票。）下一项')).toEqual(['他说：“同意。”', '会议通过（全票。）', '下一项']);
  });

  it('joins the lines of the HTML source and drops what has nothing to say', () => {
    expect(splitSentences('  第一条\n  规定如下。\n\n 。 ')).toEqual(['第一条 规定如下。']);
    expect(splitSentences('')).toEqual([]);
  });

  it('cuts Latin sentences too, and a run of marks stays with its sentence', () => {
    expect(splitSentences('Done! Really?! 好。')).toEqual(['Done!', 'Really?!', '好。']);
  });
});

describe('toUtterances', () => {
  it('starts a new utterance at every block and every sentence', () => {
    expect(toUtterances(['栖梧镇公开栏', '本月财务收支如下。收入合计一万元。'])).toEqual(['栖梧镇公开栏', '本月财务收支如下。', '收入合计一万元。']);
  });

  it('cuts a long sentence at its commas and packs the pieces up to the limit', () => {
    const clause = '为进一步加强基层社会治理工作';
    const sentence = `${clause}，${clause}，${clause}，${clause}，${clause}。`;
    expect(sentence.length).toBeGreaterThan(MAX_UTTERANCE);
    const out = toUtterances([sentence]);
    expect(out.length).toBeGreaterThan(1);
    for (const u of out) expect(u.length).toBeLessThanOrEqual(MAX_UTTERANCE);
    expect(out.join('')).toBe(sentence);
    expect(out[0]!.endsWith('，')).toBe(true);
  });

  it('cuts a sentence with no comma at the limit, never inside a number', () => {
    const long = `${'各'.repeat(45)}20261120号文件${'项'.repeat(60)}。`;
    const out = toUtterances([long], 50);
    for (const u of out) expect(u.length).toBeLessThanOrEqual(50);
    expect(out.join('')).toBe(long);
    expect(out.some((u) => u.includes('20261120号'))).toBe(true);
  });

  it('never cuts a number at its thousands comma or a time at its colon', () => {
    const row = '日期：2025-11-06，会计科目：经营收入，摘要：农贸市场摊位费，金额（元）：¥6,170.00，时间 10:30，凭证号：记-003。';
    const out = toUtterances([row]);
    expect(out.length).toBeGreaterThan(1);
    expect(out.some((u) => u.includes('¥6,170.00'))).toBe(true);
    expect(out.some((u) => u.includes('10:30'))).toBe(true);
    expect(out.join('')).toBe(row);
  });

  it('keeps a sentence that fits whole, and honours a smaller limit', () => {
    expect(toUtterances(['短句。'], 10)).toEqual(['短句。']);
    expect(toUtterances(['一二三四五，六七八九十，甲乙丙丁戊。'], 12)).toEqual(['一二三四五，六七八九十，', '甲乙丙丁戊。']);
  });
});

describe('readable', () => {
  it('drops arrows and check marks a voice would spell out, and makes the middle dot a pause', () => {
    expect(readable('← 凤栖社区全部公开内容')).toBe('凤栖社区全部公开内容');
    expect(readable('✓ 账目平衡')).toBe('账目平衡');
    expect(readable('下载：CSV 表格 · JSON 数据')).toBe('下载：CSV 表格，JSON 数据');
    expect(toUtterances(['按责任单位查看任务 →'])).toEqual(['按责任单位查看任务']);
  });
});

describe('reading tables', () => {
  it('reads a row as its cells after their column headers, skipping empty cells', () => {
    expect(rowText(['日期', '摘要', '收入（元）', '支出（元）'], ['2026-11-03', '购办公用品', '', '300.00'])).toBe(
      '日期：2026-11-03，摘要：购办公用品，支出（元）：300.00。',
    );
  });

  it('reads a cell alone when its column has no header or the header says the same', () => {
    expect(rowText(['', '金额'], ['合计', '1,200.00'])).toBe('合计，金额：1,200.00。');
    expect(rowText(['合计'], ['合计'])).toBe('合计。');
    expect(rowText(['姓名：'], ['王某'])).toBe('姓名：王某。');
    expect(rowText(['a'], ['', ' '])).toBe('');
  });

  it('names the table and its size, and says when a long one is not read row by row', () => {
    expect(tableNote('2026年11月收支明细。', 3)).toBe('表格“2026年11月收支明细”，共 3 行。');
    expect(tableNote('', 2)).toBe('表格，共 2 行。');
    expect(tableNote('低保名单', LONG_TABLE_ROWS + 1)).toContain('不逐行朗读');
    expect(readsRows(LONG_TABLE_ROWS)).toBe(true);
    expect(readsRows(LONG_TABLE_ROWS + 1)).toBe(false);
  });
});
