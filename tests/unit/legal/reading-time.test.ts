/** Reading time for Chinese text: 300 Han characters (or 200 Latin words) a minute, rounded up. */
import { describe, expect, it } from 'vitest';
import { HAN_PER_MINUTE, readableText, readingTime, readingTimeOfText, WORDS_PER_MINUTE } from '../../../src/lib/legal/reading-time';

const han = (n: number) => '法'.repeat(n);

describe('reading time', () => {
  it('reads 300 Han characters a minute, the slow end of 300–400, rounded up', () => {
    expect(HAN_PER_MINUTE).toBe(300);
    expect(readingTimeOfText(han(1)).minutes).toBe(1);
    expect(readingTimeOfText(han(300)).minutes).toBe(1);
    expect(readingTimeOfText(han(301)).minutes).toBe(2);
    expect(readingTimeOfText(han(900)).minutes).toBe(3);
    expect(readingTimeOfText(han(1500)).minutes).toBe(5);
  });

  it('is at least a minute, even for an empty text', () => {
    expect(readingTimeOfText('')).toEqual({ han: 0, words: 0, minutes: 1 });
  });

  it('counts Han characters, not punctuation, and Latin words and numbers separately', () => {
    const t = readingTimeOfText('拨打 110 报警，下载 App，不要 share screen！');
    expect(t.han).toBe(8);
    expect(t.words).toBe(4);
    expect(WORDS_PER_MINUTE).toBe(200);
    // 600 Han (2 min) + 200 words (1 min) = 3 minutes.
    expect(readingTimeOfText(`${han(600)} ${'word '.repeat(200)}`).minutes).toBe(3);
  });

  it('counts a rare Han character outside the basic plane once, and splits words at Han text', () => {
    // 𠀀 (U+20000) is two UTF-16 units; 用APP扫码 has one Latin word between Han runs.
    expect(readingTimeOfText('𠀀字')).toMatchObject({ han: 2, words: 0 });
    expect(readingTimeOfText('用APP扫码，拨打12345热线')).toMatchObject({ han: 7, words: 2 });
  });

  it('does not read markup: headings, emphasis, links, code, comments, tags and their attributes', () => {
    const body = [
      '## 标题',
      '',
      '**重点**内容[链接](https://flk.npc.gov.cn/search?x=1)。',
      '',
      '```',
      '代码不读代码不读',
      '```',
      '',
      '{/* 注释不读 */}',
      '<!-- 注释不读 -->',
      '<Term def="释义不在正文里读">术语</Term>',
    ].join('\n');
    const text = readableText(body);
    expect(text).not.toContain('代码');
    expect(text).not.toContain('注释');
    expect(text).not.toContain('释义');
    expect(text).not.toContain('flk');
    expect(readingTime(body).han).toBe('标题重点内容链接术语'.length);
  });

  it('reads a <LawCite> as the citation it prints', () => {
    const t = readingTime('<LawCite name="中华人民共和国民法典" article={1165} />规定');
    // 《民法典》第一千一百六十五条 + 规定
    expect(t.han).toBe('民法典第一千一百六十五条规定'.length);
  });
});
