import { describe, expect, it } from 'vitest';
import {
  creditCodeCheckChar,
  isCalendarDate,
  isMaskedName,
  isPlausibleBirthDate,
  isUnmaskedName,
  isValidCreditCode,
  isValidResidentId15,
  isValidResidentId18,
  luhnValid,
  residentIdCheckChar,
} from '../../../src/lib/privacy';

describe('isValidResidentId18 (GB 11643-1999)', () => {
  it('accepts the example of the standard, with X in either case', () => {
    expect(isValidResidentId18('11010519491231002X')).toBe(true);
    expect(isValidResidentId18('11010519491231002x')).toBe(true);
    expect(residentIdCheckChar('11010519491231002')).toBe('X');
  });

  it.each([
    '330182198503124519',
    '330182200002291239', // leap day 2000
    '330182190001010013', // earliest accepted date
    '330182203012310011', // latest accepted date
    '33018219881107105X',
  ])('accepts %s', (id) => {
    expect(isValidResidentId18(id)).toBe(true);
  });

  it.each([
    ['wrong check digit', '330182198503124513'],
    ['wrong check X', '11010519491231002Y'],
    ['check 9 where X is due', '110105194912310029'],
    ['Feb 30', '330182198502304518'],
    ['1900 is not a leap year', '330182190002291232'],
    ['before 1900 (the 1880 example of the standard)', '440524188001010014'],
    ['1899-12-31', '330182189912310019'],
    ['after 2030', '330182203101011232'],
    ['unknown province 99', '990182198503124511'],
    ['17 digits', '33018219850312451'],
    ['19 digits', '3301821985031245190'],
    ['letters', '33018219850312451A'],
    ['spaces are not normalised here', '330182 19850312 4519'],
    ['empty', ''],
  ])('rejects %s', (_why, id) => {
    expect(isValidResidentId18(id)).toBe(false);
  });
});

describe('isValidResidentId15 (first-generation IDs)', () => {
  it('accepts an area code with a real 19YYMMDD date', () => {
    expect(isValidResidentId15('330182620704038')).toBe(true);
    expect(isValidResidentId15('110105491001002')).toBe(true);
  });
  it.each([
    ['month 13', '330182621304038'],
    ['Feb 29 1962', '330182620229038'],
    ['unknown province', '990182620704038'],
    ['tax registration number (org code in the date place)', '330182143256789'],
    ['16 digits', '3301826207040381'],
    ['14 digits', '33018262070403'],
    ['X is not allowed', '33018262070403X'],
  ])('rejects %s', (_why, id) => {
    expect(isValidResidentId15(id)).toBe(false);
  });
});

describe('luhnValid', () => {
  it.each(['79927398713', '4111111111111111', '6228480123456789015', '6217002345678900', '0'])('accepts %s', (d) => {
    expect(luhnValid(d)).toBe(true);
  });
  it.each(['79927398710', '4111111111111112', '6222021234567890123', '', '1234 5678', '12a4', '４１１１'])('rejects %s', (d) => {
    expect(luhnValid(d)).toBe(false);
  });
});

describe('isValidCreditCode (GB 32100-2015)', () => {
  it.each(['91350100M000100Y43', '91110000600037341L', '91330182MA2B3C4D5F', '330182197605141059'])('accepts %s', (c) => {
    expect(isValidCreditCode(c)).toBe(true);
  });
  it('computes the MOD 31 check character', () => {
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
    expect(creditCodeCheckChar('91110000600037341')).toBe('L');
  });
  it.each([
    ['wrong check', '91350100M000100Y44'],
    ['the made-up example of the brief', '11330182MB1234567X'],
    ['lower case', '91330182ma2b3c4d5f'],
    ['I is not in the alphabet', '91350100I000100Y43'],
    ['O is not in the alphabet', '91350100O000100Y43'],
    ['17 characters', '91350100M000100Y4'],
    ['19 characters', '91350100M000100Y433'],
    ['empty', ''],
  ])('rejects %s', (_why, c) => {
    expect(isValidCreditCode(c)).toBe(false);
  });
});

describe('dates', () => {
  it('isCalendarDate knows month lengths and leap years', () => {
    expect(isCalendarDate('20240229')).toBe(true);
    expect(isCalendarDate('20230229')).toBe(false);
    expect(isCalendarDate('20000229')).toBe(true);
    expect(isCalendarDate('21000229')).toBe(false);
    expect(isCalendarDate('20260431')).toBe(false);
    expect(isCalendarDate('20261300')).toBe(false);
    expect(isCalendarDate('2026111')).toBe(false);
  });
  it('isPlausibleBirthDate is limited to 1900-01-01 … 2030-12-31', () => {
    expect(isPlausibleBirthDate('19000101')).toBe(true);
    expect(isPlausibleBirthDate('18991231')).toBe(false);
    expect(isPlausibleBirthDate('20301231')).toBe(true);
    expect(isPlausibleBirthDate('20310101')).toBe(false);
  });
});

describe('isMaskedName', () => {
  it.each(['张*华', '张**', '李*', '张某', '张某某', '张某华', '张＊华', '李＊', '欧阳*', '欧阳*锋', '司马**', '王***', ' 张*华 '])('accepts %s', (n) => {
    expect(isMaskedName(n)).toBe(true);
  });
  it.each([
    ['full name', '张三华'],
    ['two-character full name', '李华'],
    ['compound surname, full', '欧阳锋'],
    ['no surname', '*华'],
    ['mask only', '**'],
    ['某 as surname', '某某'],
    ['mask at the end only', '张华*'],
    ['too many masks', '张****'],
    ['too much left unmasked', '张*华华'],
    ['Latin letters', 'Zhang*'],
    ['note attached', '张*华（户主）'],
    ['empty', ''],
    ['single character', '张'],
  ])('rejects %s', (_why, n) => {
    expect(isMaskedName(n)).toBe(false);
  });
});

describe('isUnmaskedName', () => {
  it('is 2–4 Han characters without mask or 某', () => {
    expect(isUnmaskedName('张三')).toBe(true);
    expect(isUnmaskedName('欧阳锋')).toBe(true);
    expect(isUnmaskedName('司马相如')).toBe(true);
    expect(isUnmaskedName('张*华')).toBe(false);
    expect(isUnmaskedName('张某某')).toBe(false);
    expect(isUnmaskedName('张')).toBe(false);
    expect(isUnmaskedName('爱新觉罗溥仪')).toBe(false);
  });
});
