/**
 * Issue 17: no public code is flagged because some window of its digits passes a checksum,
 * and the rule for 18-digit numbers labelled as something else.
 */
import { describe, expect, it } from 'vitest';
import { isValidResidentId18, luhnValid, scanText } from '../../../src/lib/privacy';
import { CARD, ID, MOBILE } from '../../fixtures/privacy/battery';

const kinds = (text: string) => scanText(text).map((f) => f.kind);

describe('public codes whose digits hide a valid window', () => {
  it('the premise: the windows pass their checks', () => {
    expect(isValidResidentId18(ID)).toBe(true);
    expect(luhnValid(CARD)).toBe(true);
    expect(luhnValid('330185070211894')).toBe(false);
  });

  it.each([
    ['the issue’s project number', '项目代码：2026-330185-07-02-118943'],
    ['a project number around an ID', `项目代码：2026-${ID.slice(0, 6)}-${ID.slice(6, 14)}-${ID.slice(14)}-01`],
    ['a project number around a card', `审批编号 2026-${CARD.slice(0, 6)}-${CARD.slice(6)}-07`],
    ['a project number around a mobile', `项目编号 XM-2026-${MOBILE}-03`],
    ['a dotted version around a mobile', `标准号 2026.${MOBILE}.1`],
    ['two landlines separated by 、', '咨询电话：0571-86001234、0571-86005678'],
    ['two landlines separated by spaces', '咨询电话 0571-8600 1234 0571-8600 5678'],
    ['a landline with an extension', '0571-86001234-8001，0571-8600 1234 转 8001'],
    ['400 and 95 hotlines', '客服 400-820-8820、400 820 8820、95588'],
    ['an ISBN', 'ISBN 978-7-5118-1234-5，ISBN 9787511812345'],
    ['a date and time', '2026-11-20 14:30:15，20261120143015'],
    ['a credit code in an 索引号', '索引号：11330182MB1234567X/2026-00012'],
    ['village codes in a list', '330182105201、330182105202、330182105203'],
    ['a statistical table row', '| 330182105201 | 东溪村 | 2345 | 812 | 7 |'],
    ['an amount with a fraction', '合计 13857112345.67 元'],
    ['decimals separated by spaces (SVG path data)', 'M6.75488 13.255C8.36488 13.255 9.84488 12.665 10.9849 11.6'],
    ['a table of decimals', '13.255 6.75488 13.5 7.1234'],
  ])('%s is not flagged', (_name, text) => {
    expect(kinds(text)).toEqual([]);
  });

  it('still finds a number written next to public codes', () => {
    expect(kinds(`0571-86001234 ${MOBILE}`)).toEqual(['mobile']);
    expect(kinds(`2026-11-20 ${MOBILE}`)).toEqual(['mobile']);
    expect(kinds(`${MOBILE}/13957112346`)).toEqual(['mobile', 'mobile']);
    expect(kinds(`${ID} 2 人`)).toEqual(['resident-id']);
  });
});

describe('18-digit numbers labelled as something else (docs/发布指南.md)', () => {
  it('an ID-valid number is refused whatever its label', () => {
    for (const label of ['登记号', '档案号', '证书编号', '不动产单元号']) expect(kinds(`${label}：${ID}`), label).toEqual(['resident-id']);
  });
  it('a GB 32100-valid number labelled as an organisation code is public', () => {
    expect(kinds('统一社会信用代码：330182197605141059')).toEqual([]);
  });
  it("a card-valid number labelled as an organisation's account is not a person's card", () => {
    for (const label of ['村集体对公账户', '单位账号', '基本户账号', '股份经济合作社账号']) expect(kinds(`${label}：${CARD}`), label).toEqual([]);
    for (const label of ['卡号', '银行卡', '收款账号', '社保卡']) expect(kinds(`${label}：${CARD}`), label).toEqual(['bank-card']);
  });
});
