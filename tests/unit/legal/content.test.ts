/**
 * The sample articles (content/legal) and the fixture town's (tests/fixtures/towns/linhe/legal):
 * valid, covering every reader band and the topics the issue names, and citing only articles
 * that exist and say what the article relies on — checked against the statutes in the shared
 * corpus (read in place), or, for the Constitution and the Civil Code (not in the corpus),
 * against a short list of articles verified by hand.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIENCE_BANDS } from '../../../src/lib/legal/audience';
import { articleLabel } from '../../../src/lib/legal/numerals';
import { buildLegalModel, citedLaws, legalBodyFacts } from '../../../src/lib/model/legal';
import { validateContentRoot } from '../../../src/lib/checks/validate';
import { LINHE, SAMPLE } from '../../helpers/content';
import { hasCorpus, readStatutes } from './corpus';
import { TODAY } from '../../today';

const env = { SITE_TODAY: TODAY };
const load = (root: string) => validateContentRoot(root, env);
const sample = load(SAMPLE);
const linhe = load(LINHE);

/** A phrase each cited article must contain (what the article is cited for). */
const CITED_FOR: Record<string, Record<number, string>> = {
  中华人民共和国法律援助法: { 2: '无偿提供', 31: '赡养费', 32: '家庭暴力', 42: '免予核查' },
  中华人民共和国反电信网络诈骗法: { 2: '非接触', 8: '老年人', 31: '出租、出借', 44: '十五日以下拘留' },
  中华人民共和国个人信息保护法: { 4: '可识别的自然人', 10: '非法买卖', 28: '不满十四周岁', 31: '监护人的同意' },
  中华人民共和国道路交通安全法: {
    38: '按照交通信号通行',
    51: '安全头盔',
    57: '非机动车道',
    61: '人行道内行走',
    62: '人行横道',
    64: '学龄前儿童',
    70: '保护现场',
    91: '饮酒后驾驶',
  },
  中华人民共和国禁毒法: { 2: '甲基苯丙胺', 13: '禁毒知识纳入', 18: '毒品危害的教育', 62: '不予处罚' },
  中华人民共和国人民调解法: { 2: '说服、疏导', 4: '不收取任何费用', 17: '明确拒绝调解', 31: '法律约束力', 33: '司法确认' },
  信访工作条例: {
    17: '走访',
    18: '打击报复信访人',
    20: '不得超过5人',
    22: '15日内',
    34: '60日内办结',
    35: '复查',
    36: '复核',
    37: '人民调解、行政调解、司法调解',
  },
  中华人民共和国老年人权益保障法: { 14: '精神上慰藉', 18: '精神需求', 21: '婚姻自由', 22: '处分的权利', 56: '法律援助' },
  中华人民共和国村民委员会组织法: { 7: '人民调解', 25: '村民代表会议', 27: '村规民约' },
  中华人民共和国未成年人保护法: {
    2: '未满十八周岁',
    11: '检举、控告',
    17: '沉迷网络',
    39: '学生欺凌防控',
    71: '网络素养',
    77: '网络欺凌',
    103: '就读学校',
    130: '学生欺凌',
  },
  中华人民共和国预防未成年人犯罪法: { 20: '学生欺凌' },
};

/**
 * Not in the corpus: only these articles may be cited, each checked by hand against the
 * official text (宪法 2018 修正; 民法典 2020).
 */
const VERIFIED_OUTSIDE_CORPUS: Record<string, number[]> = {
  // 5 依法治国; 33 法律面前一律平等; 34 选举权和被选举权; 41 批评建议、申诉控告检举; 46 受教育; 49 婚姻家庭受国家保护
  中华人民共和国宪法: [5, 33, 34, 41, 46, 49],
  // 288 相邻关系原则; 1042 禁止包办买卖婚姻、家庭暴力; 1043 优良家风; 1165 过错责任; 1254 高空抛物; 1260 施行日期
  中华人民共和国民法典: [288, 1042, 1043, 1165, 1254, 1260],
};

describe('sample and fixture articles', () => {
  it('are valid', () => {
    for (const r of [sample, linhe]) expect(r.problems.filter((p) => p.file.includes('/legal/') || p.code.startsWith('legal/'))).toEqual([]);
  });

  it('give the sample town at least 12 articles for every reader band, most with a quiz, one a 政策解读', () => {
    const articles = sample.content.legal;
    expect(articles.length).toBeGreaterThanOrEqual(12);
    const model = buildLegalModel(
      articles.map((a) => ({ slug: a.slug, data: a.data, body: legalBodyFacts(a.source.body, a.ext) })),
      sample.content.plans.map((p) => ({ slug: p.slug, title: p.data.title })),
      env.SITE_TODAY,
    );
    expect(model.facets.audience.map((v) => v.label)).toEqual([...AUDIENCE_BANDS]);
    expect(model.articles.filter((a) => a.hasQuiz).length).toBeGreaterThan(articles.length / 2);
    expect(model.articles.some((a) => !a.hasQuiz)).toBe(true);
    expect(model.articles.filter((a) => a.interpretsPlan).length).toBeGreaterThanOrEqual(1);
    expect(articles.some((a) => a.ext === 'md')).toBe(true);
    const topics = new Set(articles.flatMap((a) => a.data.topics));
    for (const t of [
      '宪法',
      '民法典',
      '婚姻家庭',
      '相邻关系',
      '侵权责任',
      '反诈',
      '未成年人保护',
      '预防校园欺凌',
      '道路交通安全',
      '禁毒',
      '老年人权益',
      '人民调解',
      '信访',
    ]) {
      expect(topics, t).toContain(t);
    }
  });

  it('give the fixture town its own few articles, one interpreting its plan, none naming the sample town', () => {
    expect(linhe.content.legal.length).toBeGreaterThanOrEqual(2);
    expect(linhe.content.legal.some((a) => a.data.interprets && linhe.content.plans.some((p) => p.slug === a.data.interprets))).toBe(true);
    const site = JSON.parse(fs.readFileSync(path.join(SAMPLE, 'site.json'), 'utf8')) as { regionName: string };
    const sampleTitles = new Set(sample.content.legal.map((a) => a.data.title));
    for (const a of linhe.content.legal) {
      const text = fs.readFileSync(path.join(LINHE, 'legal', `${a.slug}.${a.ext}`), 'utf8');
      expect(text).not.toContain(site.regionName);
      expect(sampleTitles.has(a.data.title)).toBe(false);
    }
  });
});

describe.skipIf(!hasCorpus)('citations against the statutes', () => {
  const statutes = new Map(readStatutes().map((s) => [s.title, s]));
  for (const [name, r] of [
    ['sample', sample],
    ['fixture', linhe],
  ] as const) {
    it(`${name}: every cited article exists and says what it is cited for`, () => {
      let checked = 0;
      for (const a of r.content.legal) {
        for (const law of citedLaws(a.data, legalBodyFacts(a.source.body, a.ext).cites)) {
          const where = `${a.slug}: 《${law.name}》`;
          const statute = statutes.get(law.name);
          if (!statute) {
            expect(VERIFIED_OUTSIDE_CORPUS[law.name], `${where} is neither in the corpus nor verified`).toBeDefined();
            for (const n of law.articles) expect(VERIFIED_OUTSIDE_CORPUS[law.name], `${where}${articleLabel(n)}`).toContain(n);
            continue;
          }
          for (const n of law.articles) {
            const text = statute.text.get(articleLabel(n));
            expect(text, `${where}${articleLabel(n)} does not exist`).toBeDefined();
            const phrase = CITED_FOR[law.name]?.[n];
            expect(phrase, `${where}${articleLabel(n)}: add what it is cited for to CITED_FOR`).toBeDefined();
            expect(text, `${where}${articleLabel(n)}`).toContain(phrase);
            checked++;
          }
        }
      }
      expect(checked).toBeGreaterThan(0);
    });
  }
});
