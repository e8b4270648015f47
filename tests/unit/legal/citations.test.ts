/** Citing laws: full title at first mention, short title later, in document order. */
import { describe, expect, it } from 'vitest';
import { formatCitation, lawSearchUrl, processArticleHtml, shortTitle } from '../../../src/lib/legal/citations';

/** What <LawCite> prints (src/components/legal/LawCite.astro), before the page finishes it. */
const cite = (name: string, label = '') =>
  `<a class="law-cite" href="${lawSearchUrl(name)}" data-law="${name}">《<span class="law-title">${name}</span>》${label}</a>`;
const term = (def: string, text: string) => `<dfn class="term" data-def="${def}">${text}</dfn>`;

describe('law titles', () => {
  it('drops the national prefix for the short title, and only that', () => {
    expect(shortTitle('中华人民共和国民法典')).toBe('民法典');
    expect(shortTitle('中华人民共和国反电信网络诈骗法')).toBe('反电信网络诈骗法');
    expect(shortTitle('信访工作条例')).toBe('信访工作条例');
    expect(shortTitle('中华人民共和国')).toBe('中华人民共和国');
  });

  it('formats citations with Chinese article numbers', () => {
    expect(formatCitation('中华人民共和国民法典', 1165)).toBe('《中华人民共和国民法典》第一千一百六十五条');
    expect(formatCitation('中华人民共和国民法典', 1165, 'later')).toBe('《民法典》第一千一百六十五条');
    expect(formatCitation('中华人民共和国民法典')).toBe('《中华人民共和国民法典》');
  });

  it('links to the title search of the national law database, with the name encoded', () => {
    const url = new URL(lawSearchUrl('中华人民共和国民法典'));
    expect(url.origin).toBe('https://flk.npc.gov.cn');
    expect(url.searchParams.get('searchValue')).toBe('中华人民共和国民法典');
  });
});

describe('processArticleHtml', () => {
  it('keeps the full title at each law’s first mention and shortens the later ones', () => {
    const html = [
      cite('中华人民共和国民法典', '第一千零四十二条'),
      cite('中华人民共和国人民调解法', '第四条'),
      cite('中华人民共和国民法典', '第二百八十八条'),
      cite('信访工作条例', '第十七条'),
      cite('信访工作条例', '第十八条'),
      cite('中华人民共和国人民调解法'),
    ].join('<p>…</p>');
    const out = processArticleHtml(html).html;
    const titles = [...out.matchAll(/data-mention="(\w+)"[^>]*>《<span class="law-title">([^<]*)<\/span>》/g)].map((m) => `${m[1]}:${m[2]}`);
    expect(titles).toEqual([
      'first:中华人民共和国民法典',
      'first:中华人民共和国人民调解法',
      'later:民法典',
      'first:信访工作条例',
      'later:信访工作条例',
      'later:人民调解法',
    ]);
    // Article numbers and links are untouched.
    expect(out).toContain('》第二百八十八条</a>');
    expect(out.match(/href="https:\/\/flk\.npc\.gov\.cn\/search\?/g)).toHaveLength(6);
  });

  it('collects each term once, in order of first use, and links every use to it', () => {
    const html = `<p>${term('释义一', '正当防卫')}和${term('释义二', '紧急避险')}，再说${term('另一个释义', '正当防卫')}。</p>`;
    const { html: out, glossary } = processArticleHtml(html);
    expect(glossary.map((g) => [g.term, g.def])).toEqual([
      ['正当防卫', '释义一'],
      ['紧急避险', '释义二'],
    ]);
    expect(out.match(/href="#gloss-1"/g)).toHaveLength(2);
    expect(out).toContain('<dfn class="term" id="term-1">');
    expect(out.match(/id="term-1"/g)).toHaveLength(1);
    expect(out).not.toContain('data-def');
  });

  it('keeps definitions inert: markup in a definition is shown, not run', () => {
    const { glossary } = processArticleHtml(term('a<b>c &#34;q&#34;', '词'));
    expect(glossary[0]!.def).toBe('a&lt;b&gt;c &#34;q&#34;');
  });

  it('uses the term’s text without its markup', () => {
    const { glossary } = processArticleHtml(term('d', '<strong>司法确认</strong>'));
    expect(glossary[0]!.term).toBe('司法确认');
  });
});
