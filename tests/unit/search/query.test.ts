import { describe, expect, it } from 'vitest';
import * as OpenCC from 'opencc-js';
import { combineHits, compactText, exactPhrase, excerptParts, normaliseQuery, planQuery } from '../../../src/lib/search/query';
import { buildTradMap } from '../../../src/lib/search/trad';
import { pagefindAttr, searchFacets, yearsOf } from '../../../src/lib/search/facets';

describe('normaliseQuery', () => {
  it('folds full-width digits, letters and spaces, and drops punctuation and quotes', () => {
    expect(normaliseQuery('２０２６年　村务公开')).toBe('2026年 村务公开');
    expect(normaliseQuery('“村务公开”，《民法典》！')).toBe('村务公开 民法典');
    expect(normaliseQuery('  ＡＢＣ  12345 ')).toBe('abc 12345');
    expect(normaliseQuery('"quoted" \'x\'')).toBe('quoted x');
    expect(normaliseQuery('11.2万元。第3.条…')).toBe('11.2万元 第3 条');
  });
  it('compacts page text and words the same way for substring checks', () => {
    expect(compactText('共 11.2 万元，“村务 公开”')).toBe('共112万元村务公开');
    expect(compactText('共 11.2 万元').includes(compactText('11.2万元'))).toBe(true);
  });
  it('maps traditional characters through the site map only', () => {
    expect(normaliseQuery('調解 農村', { 調: '调', 農: '农' })).toBe('调解 农村');
    expect(normaliseQuery('調解')).toBe('調解');
  });
});

describe('planQuery', () => {
  const synonyms = [
    ['综治', '社会治安综合治理'],
    ['低保', '最低生活保障'],
  ];
  it('makes one required entry per word, with its synonyms as alternatives', () => {
    expect(planQuery('综治 低保', { synonyms }).words).toEqual([
      ['综治', '社会治安综合治理'],
      ['低保', '最低生活保障'],
    ]);
    expect(planQuery('社会治安综合治理', { synonyms }).words).toEqual([['社会治安综合治理', '综治']]);
    expect(planQuery('调解 调解').words).toEqual([['调解']]);
    expect(planQuery('，。').words).toEqual([]);
  });
  it('quotes for an exact phrase', () => {
    expect(exactPhrase('村务公开')).toBe('"村务公开"');
  });
});

describe('combineHits', () => {
  const h = (id: string, score: number) => ({ id, score });
  it('keeps only pages matching every word, any variant of a word, best score per word', () => {
    const out = combineHits([
      [
        [h('a', 1), h('b', 3)],
        [h('c', 5), h('a', 2)],
      ],
      [[h('a', 1), h('c', 1), h('d', 9)]],
    ]);
    expect(out).toEqual([h('c', 6), h('a', 3)]);
  });
  it('keeps Pagefind order on ties and returns nothing for no words', () => {
    expect(combineHits([[[h('x', 1), h('y', 1)]]]).map((x) => x.id)).toEqual(['x', 'y']);
    expect(combineHits([])).toEqual([]);
  });
});

describe('excerptParts', () => {
  it('splits marks from text and decodes entities without creating markup', () => {
    expect(excerptParts('开展<mark>人民调解</mark>工作 &lt;b&gt;')).toEqual([
      { text: '开展', mark: false },
      { text: '人民调解', mark: true },
      { text: '工作 <b>', mark: false },
    ]);
  });
});

describe('buildTradMap', () => {
  const convert = [OpenCC.Converter({ from: 'cn', to: 't' }), OpenCC.Converter({ from: 'cn', to: 'tw' })];
  it('maps the traditional forms of characters the site uses back to them', () => {
    const map = buildTradMap('调解纠纷，农村低保', convert);
    expect(map['調']).toBe('调');
    expect(map['農']).toBe('农');
    expect(map['糾']).toBe('纠');
    expect(normaliseQuery('調解糾紛', map)).toBe('调解纠纷');
  });
  it('maps nothing the site does not use, and never remaps a character the site writes', () => {
    const map = buildTradMap('调解', convert);
    expect(map['農']).toBeUndefined();
    expect(Object.keys(buildTradMap('發发', convert))).not.toContain('發');
  });
});

describe('searchFacets', () => {
  it('derives the 年份 filter and sort from the date, and lists audiences', () => {
    const f = searchFacets({ type: '普法', date: '2026-05-28', audiences: ['居民', '老年人'] });
    expect(f.filters).toEqual([
      ['类型', '普法'],
      ['年份', '2026'],
      ['适用对象', '居民'],
      ['适用对象', '老年人'],
    ]);
    expect(f.sort).toEqual([['date', '2026-05-28']]);
    expect(searchFacets({ type: '公开', village: '青山村' }).meta).toEqual([
      ['type', '公开'],
      ['village', '青山村'],
    ]);
  });
  it('refuses what Pagefind attributes cannot carry', () => {
    expect(() => searchFacets({ type: '方案', date: '2026-5-1' })).toThrow();
    expect(() => pagefindAttr(['村', '甲,乙'])).toThrow();
    expect(pagefindAttr(['类型', '方案'])).toBe('类型:方案');
  });
  it('lists years newest first', () => {
    expect(yearsOf(['2024-01-02', undefined, '2026-03-01', '2024-12-31'])).toEqual(['2026', '2024']);
  });
});
