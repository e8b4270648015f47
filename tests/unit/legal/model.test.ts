/** The 普法 model: bands, facets, related articles, cited laws, 政策解读 links, 国家宪法日. */
import { describe, expect, it } from 'vitest';
import { bandsOf, BANDS_OF, AUDIENCE_BANDS, AUDIENCE_WORDS } from '../../../src/lib/legal/audience';
import { buildLegalModel, citedLaws, constitutionDayOn, legalBodyFacts, type LegalInput } from '../../../src/lib/model/legal';
import type { LegalFrontmatter } from '../../../src/lib/schemas/legal';

function article(slug: string, over: Partial<LegalFrontmatter> = {}, body = '正文'): LegalInput {
  return {
    slug,
    body: legalBodyFacts(body, 'mdx'),
    data: { title: slug, summary: '简介', audience: ['居民'], topics: [], laws: [], publishedOn: '2026-10-01', issuer: '某司法所', ...over },
  };
}

describe('audience bands', () => {
  it('maps the contract word 小学 onto both primary bands, the others onto themselves', () => {
    expect(bandsOf(['小学'])).toEqual(['小学低年级', '小学高年级']);
    expect(bandsOf(['老年人', '小学高年级', '小学'])).toEqual(['小学低年级', '小学高年级', '老年人']);
    for (const w of AUDIENCE_WORDS) for (const b of BANDS_OF[w]) expect(AUDIENCE_BANDS).toContain(b);
    for (const contractWord of ['小学', '初中', '高中', '居民', '老年人']) expect(AUDIENCE_WORDS).toContain(contractWord);
  });
});

describe('国家宪法日 feature', () => {
  it('shows from 11月20日 to 12月10日, counting the days to 12月4日', () => {
    expect(constitutionDayOn('2026-11-19').show).toBe(false);
    expect(constitutionDayOn('2026-11-20')).toEqual({ show: true, date: '2026-12-04', daysUntil: 14 });
    expect(constitutionDayOn('2026-12-04')).toEqual({ show: true, date: '2026-12-04', daysUntil: 0 });
    expect(constitutionDayOn('2026-12-10')).toEqual({ show: true, date: '2026-12-04', daysUntil: -6 });
    expect(constitutionDayOn('2026-12-11').show).toBe(false);
    expect(constitutionDayOn('2027-06-01').show).toBe(false);
    expect(constitutionDayOn('2027-11-25')).toMatchObject({ show: true, date: '2027-12-04' });
  });

  it('features the Constitution articles in the model built for today', () => {
    const inputs = [
      article('xianfa', { topics: ['宪法'] }),
      article('cite-only', { laws: [{ name: '中华人民共和国宪法', articles: [33] }] }),
      article('other', { topics: ['反诈'] }),
    ];
    const on = buildLegalModel(inputs, [], '2026-11-20').constitutionDay;
    expect(on.show).toBe(true);
    expect(on.articles.map((a) => a.slug).sort()).toEqual(['cite-only', 'xianfa']);
    expect(buildLegalModel(inputs, [], '2026-11-19').constitutionDay.show).toBe(false);
  });
});

describe('buildLegalModel', () => {
  const inputs = [
    article('a', { topics: ['反诈', '老年人权益'], audience: ['小学'], publishedOn: '2026-09-01' }),
    article('b', { topics: ['反诈'], publishedOn: '2026-10-01', interprets: 'plan-x' }),
    article('c', { topics: ['反诈', '老年人权益'], publishedOn: '2026-08-01' }),
    article('d', { topics: ['禁毒'], audience: ['高中'], publishedOn: '2026-11-01' }),
  ];
  const model = buildLegalModel(inputs, [{ slug: 'plan-x', title: '某方案' }], '2026-06-01');

  it('lists articles newest first', () => {
    expect(model.articles.map((a) => a.slug)).toEqual(['d', 'b', 'a', 'c']);
  });

  it('relates articles by shared topics, most shared first', () => {
    const a = model.articles.find((x) => x.slug === 'a')!;
    expect(a.related.map((r) => r.slug)).toEqual(['c', 'b']);
    expect(model.articles.find((x) => x.slug === 'd')!.related).toEqual([]);
  });

  it('makes filter views only for bands and topics that have articles, bands in grade order', () => {
    expect(model.facets.audience.map((v) => [v.label, v.slug, v.articles.length])).toEqual([
      ['小学低年级', 'xiaoxue-dinianji', 1],
      ['小学高年级', 'xiaoxue-gaonianji', 1],
      ['高中', 'gaozhong', 1],
      ['居民', 'jumin', 2],
    ]);
    expect(model.facets.topic.map((v) => [v.label, v.slug, v.articles.length])).toEqual([
      ['反诈', 'fanzha', 3],
      ['老年人权益', 'laonianrenquanyi', 2],
      ['禁毒', 'jindu', 1],
    ]);
  });

  it('links a 政策解读 to its plan and back', () => {
    expect(model.articles.find((x) => x.slug === 'b')!.interpretsPlan).toEqual({ slug: 'plan-x', title: '某方案' });
    expect(model.interpretationsOf('plan-x').map((l) => l.slug)).toEqual(['b']);
    expect(model.interpretationsOf('other')).toEqual([]);
  });

  it('letters quiz options and names the answer', () => {
    const m = buildLegalModel([article('q', { quiz: [{ q: '题', options: ['甲', '乙', '丙'], answer: 2, explain: '因为' }] })], [], '2026-06-01');
    expect(m.articles[0]!.quiz[0]).toMatchObject({ number: 1, letters: ['A', 'B', 'C'], answerLetter: 'C', answerText: '丙' });
    expect(m.articles[0]!.hasQuiz).toBe(true);
  });
});

describe('citedLaws', () => {
  it('merges frontmatter laws with <LawCite>s in the body, articles sorted and unique', () => {
    const data = article('x', { laws: [{ name: '中华人民共和国民法典', articles: [1165] }] }).data;
    const body =
      '<LawCite name="中华人民共和国民法典" article={288} /> <LawCite name="信访工作条例" article="17" /> <LawCite name="中华人民共和国民法典" article={1165} /> `<LawCite name="代码" article={1} />`';
    expect(citedLaws(data, legalBodyFacts(body, 'mdx').cites).map((l) => [l.name, l.short, l.labels])).toEqual([
      ['中华人民共和国民法典', '民法典', ['第二百八十八条', '第一千一百六十五条']],
      ['信访工作条例', '信访工作条例', ['第十七条']],
    ]);
  });

  it('reads no components from a .md body', () => {
    expect(citedLaws(article('x').data, legalBodyFacts('<LawCite name="中华人民共和国民法典" />', 'md').cites)).toEqual([]);
  });
});
