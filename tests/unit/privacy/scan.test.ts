import { describe, expect, it } from 'vitest';
import { luhnValid, maskValue, residentIdCheckChar, scanText } from '../../../src/lib/privacy';

const ID = '330182198503124519';
const ID_X = '33018219881107105X';
const CARD19 = '6228480123456789015';
const CARD16 = '6217002345678900';
const MOBILE = '13857112345';

const kinds = (text: string): string[] => scanText(text).map((f) => f.kind);

describe('maskValue', () => {
  it('keeps the first 3 and last 2 characters and stars the rest', () => {
    expect(maskValue(ID)).toBe('330*************19');
    expect(maskValue(ID_X)).toBe('330*************5X');
    expect(maskValue('11010519491231002x')).toBe('110*************2X');
    expect(maskValue(MOBILE)).toBe('138******45');
    expect(maskValue('138 1234 5678')).toBe('138******78');
    expect(maskValue('6228-4801-2345-6789-015')).toBe('622**************15');
    expect(maskValue('１３８５７１１２３４５')).toBe('138******45');
  });
  it('masks short values entirely', () => {
    expect(maskValue('1234567')).toBe('*******');
    expect(maskValue('')).toBe('');
  });

  it('never leaves an 8-digit (or even 4-digit) piece of the number in findings', () => {
    let seed = 20261120;
    const rnd = (n: number): string => {
      let s = '';
      for (let i = 0; i < n; i++) {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        s += String(Math.floor(seed / 65536) % 10);
      }
      return s;
    };
    const samples: string[] = [];
    for (let k = 0; k < 200; k++) {
      const first17 = `330182${1950 + (k % 60)}0${1 + (k % 9)}1${k % 10}${rnd(3)}`;
      samples.push(first17 + residentIdCheckChar(first17));
      samples.push(`1${3 + (k % 7)}${rnd(9)}`);
      let card = `62${rnd(16)}`;
      for (let c = 0; c < 10; c++)
        if (luhnValid(card + c)) {
          card += c;
          break;
        }
      samples.push(card);
    }
    for (const s of samples) {
      const found = scanText(`号码：${s}。`);
      expect(found.length, s).toBe(1);
      const masked = found[0]?.masked ?? '';
      for (let i = 0; i + 4 <= s.length; i++) expect(masked).not.toContain(s.slice(i, i + 4));
      expect(masked).not.toContain(s);
    }
  });
});

describe('scanText: findings', () => {
  it('reports kind, UTF-16 index, length, line, code-point column and masked value', () => {
    const text = `第一行\n𠀋家村：身份证${ID}`;
    const [f] = scanText(text);
    expect(f).toEqual({
      kind: 'resident-id',
      index: text.indexOf(ID),
      length: 18,
      line: 2,
      column: 8, // 𠀋 is two UTF-16 units but one character
      masked: '330*************19',
    });
  });

  it('returns findings in text order for several lines', () => {
    const text = `${MOBILE}\n\n  ${CARD16}\r\n身份证 ${ID}`;
    expect(scanText(text).map((f) => [f.kind, f.line, f.column])).toEqual([
      ['mobile', 1, 1],
      ['bank-card', 3, 3],
      ['resident-id', 4, 5],
    ]);
  });

  it('spans a grouped number with its separators, and not a +86 prefix', () => {
    const text = '电话 +86 138 1234 5678';
    const [f] = scanText(text);
    expect(f?.kind).toBe('mobile');
    expect(text.slice(f?.index, (f?.index ?? 0) + (f?.length ?? 0))).toBe('138 1234 5678');
  });

  it('returns [] for empty or digit-free text', () => {
    expect(scanText('')).toEqual([]);
    expect(scanText('东溪村村务公开栏')).toEqual([]);
  });
});

describe('scanText: shapes', () => {
  it.each([
    ['18 contiguous', ID, 'resident-id'],
    ['6 8 4', '330182 19850312 4519', 'resident-id'],
    ['6-4-4-4', '330182-1985-0312-4519', 'resident-id'],
    ['fullwidth spaces', '330182\u300019850312\u30004519', 'resident-id'],
    ['fullwidth digits', '３３０１８２１９８５０３１２４５１９', 'resident-id'],
    ['15 old', '330182620704038', 'resident-id'],
    ['mobile 3-4-4 dashes', '138-1234-5678', 'mobile'],
    ['mobile fullwidth hyphen', '138－1234－5678', 'mobile'],
    ['mobile 0086', '008613812345678', 'mobile'],
    ['card 4-4-4-4', '6217 0023 4567 8900', 'bank-card'],
    ['card 4-4-4-4-3', '6228 4801 2345 6789 015', 'bank-card'],
  ])('%s', (_why, value, kind) => {
    expect(kinds(`号码：${value}。`)).toEqual([kind]);
  });

  // Issue 17: any grouping is still the number (4-4-4-4-2, 6-13, 4-3-4 …).
  it.each([
    ['ID in odd groups', '3301 8219 8503 1245 19', 'resident-id'],
    ['card in odd groups', '622848 0123456789015', 'bank-card'],
    ['mobile grouped 4-3-4', '1385 711 2345', 'mobile'],
  ])('flags %s', (_why, value, kind) => {
    expect(kinds(`号码：${value}。`)).toEqual([kind]);
  });
  it.each([
    ['an ID with mixed separators', '330182-19850312 4519', 'resident-id'],
    ['a mobile with mixed separators', '138-1234 5678', 'mobile'],
  ])('flags %s as a whole piece', (_why, value, kind) => {
    expect(kinds(`号码：${value}。`)).toEqual([kind]);
  });
  it.each([
    ['a card with mixed separators', '6228-4801 2345-6789 015'],
    ['a mobile with mixed separators inside a longer code', 'XM-2026-138-1234 5678'],
    ['a longer spaced run', '6217 0023 4567 8900 1234'],
    ['glued +86 without plus', '8613812345678'],
  ])('does not flag %s', (_why, value) => {
    expect(kinds(`号码：${value}。`)).toEqual([]);
  });
});

describe('scanText: boundaries', () => {
  it.each([
    ['letters before', `ABC${ID}`],
    ['letters after', `${ID}AB`],
    ['digit after X', `${ID_X}1`],
    ['digits around', `1${MOBILE}2`],
    ['decimal fraction', `${MOBILE}.50`],
    ['decimal integer part', `0.${MOBILE}`],
    ['dash-joined code part', `2026-${MOBILE}`],
    ['dash-joined code part after', `${MOBILE}-01`],
    ['order number with letter prefix', `DD${CARD16}`],
    ['NO is not a label for cards', `NO${CARD19}`],
    ['fullwidth letter before', `Ａ${MOBILE}`],
  ])('does not flag %s', (_why, text) => {
    expect(scanText(text)).toEqual([]);
  });

  it.each([
    ['Chinese around', `手机${MOBILE}联系`, 'mobile'],
    ['punctuation', `(${MOBILE})`, 'mobile'],
    ['quote', `"${ID}"`, 'resident-id'],
    ['TEL label', `TEL${MOBILE}`, 'mobile'],
    ['Tel: label', `Tel:${MOBILE}`, 'mobile'],
    ['ID label', `ID${ID}`, 'resident-id'],
    ['sfz label', `sfz${ID}`, 'resident-id'],
    ['No. before', `No.${CARD19}`, 'bank-card'],
    ['sentence full stop', `${MOBILE}。`, 'mobile'],
    ['URL path', `https://example.cn/u/${MOBILE}.html`, 'mobile'],
  ])('flags %s', (_why, text, kind) => {
    expect(kinds(text)).toEqual([kind]);
  });
});

describe('scanText: public organisation codes (GB 32100)', () => {
  // 330182197605141059 passes both the ID check and the credit-code check.
  const AMBIGUOUS = '330182197605141059';
  it('leaves an ambiguous code alone in an 索引号 or after a credit-code label', () => {
    expect(scanText(`${AMBIGUOUS}/2026-00012`)).toEqual([]);
    expect(scanText(`${AMBIGUOUS}／2026-00012`)).toEqual([]);
    expect(scanText(`统一社会信用代码：${AMBIGUOUS}`)).toEqual([]);
    expect(scanText(`"issuerCode": "${AMBIGUOUS}"`)).toEqual([]);
  });
  it('still flags it as an ID without such context, or when the label is on another line', () => {
    expect(kinds(`身份证号${AMBIGUOUS}`)).toEqual(['resident-id']);
    expect(kinds(`统一社会信用代码：略\n身份证号${AMBIGUOUS}`)).toEqual(['resident-id']);
  });
  it('does not excuse an ID that is not a valid credit code, even before /', () => {
    expect(kinds(`${ID}/2026-00012`)).toEqual(['resident-id']);
  });
});

describe('scanText: allow-list', () => {
  it('skips a finding whose exact text is allowed', () => {
    const allow = new Set(['138-1234-5678']);
    expect(scanText('值班电话 138-1234-5678', { allow })).toEqual([]);
    expect(scanText('值班电话 13812345678', { allow }).map((f) => f.kind)).toEqual(['mobile']);
  });
  it('skips a finding whose normalised digits are allowed', () => {
    const allow = new Set(['13812345678']);
    expect(scanText('值班电话 138 1234 5678，或 +86 13812345678', { allow })).toEqual([]);
    expect(scanText(`身份证 ${ID_X.slice(0, -1)}x`, { allow: new Set([ID_X]) })).toEqual([]);
  });
  it('keeps the other findings', () => {
    const allow = new Set(['13812345678']);
    expect(scanText(`13812345678，${MOBILE}`, { allow }).map((f) => f.index)).toEqual([12]);
  });
});
