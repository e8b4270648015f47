import { describe, expect, it } from 'vitest';
import { checkPersonName } from '../../../src/lib/privacy';

describe('checkPersonName', () => {
  it.each(['张*华', '李*', '张某某', '张某', '张某华', '王**', '欧阳*锋', '张＊华'])('accepts masked %s', (name) => {
    expect(checkPersonName(name)).toEqual({ ok: true });
  });

  it.each(['张三华', '李华', '欧阳锋', '司马相如', '*华', '张三（户主）', 'Zhang San', '张华*'])('reports %s as unmasked', (name) => {
    expect(checkPersonName(name)).toEqual({ ok: false, reason: 'unmasked' });
  });

  it.each(['', '   ', '\u3000'])('reports %j as empty', (name) => {
    expect(checkPersonName(name)).toEqual({ ok: false, reason: 'empty' });
  });
});
