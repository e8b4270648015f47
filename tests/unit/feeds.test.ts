/** The feed model: which items each feed lists, in which order, with which links and dates. */
import { getRssString } from '@astrojs/rss';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { beijingMidnight, buildFeeds, FEED_LIMIT, resolveLink, rssOptions, type FeedSource } from '../../src/lib/model/feeds';
import { robotsTxt } from '../../src/lib/site/robots';
import { withBase } from '../../src/lib/site/sections';

const east = { code: '330000000001', name: '东溪村' };
const west = { code: '330000000002', name: '西岭村' };
const quiet = { code: '330000000003', name: '南山社区' };

function source(siteUrl?: string): FeedSource {
  return {
    site: { name: '某镇公开栏', issuer: '某镇人民政府', regionName: '某镇' },
    siteUrl,
    villages: [east, west, quiet],
    plans: [
      {
        slug: 'pingan-2026',
        title: '平安建设实施方案',
        publishedOn: '2026-06-25',
        issuer: '某镇人民政府',
        category: '社会治理',
        validity: '有效',
        docNumber: '某政发〔2026〕12号',
      },
      { slug: 'pingan-2024', title: '旧平安建设方案', publishedOn: '2024-03-01', issuer: '某镇人民政府', category: '社会治理', validity: '失效' },
    ],
    disclosures: {
      all: [
        {
          id: '2026-10-finance',
          village: east,
          title: '东溪村10月财务公开',
          publishedOn: '2026-11-05',
          kindLabel: '财务公开',
          periodLabel: '2026年10月',
          reviewedBy: '东溪村村务监督委员会',
          corrections: [],
        },
        // Published in September, corrected in November: dated by the correction.
        {
          id: '2026-08-finance',
          village: west,
          title: '西岭村8月财务公开',
          publishedOn: '2026-09-08',
          kindLabel: '财务公开',
          periodLabel: '2026年8月',
          reviewedBy: '西岭村村务监督委员会',
          corrections: [
            { on: '2026-09-20', note: '旧' },
            { on: '2026-11-10', note: '更正凭证号' },
          ],
        },
      ],
    },
    legal: {
      articles: [
        {
          slug: 'fanzha',
          title: '遇到电信网络诈骗怎么办',
          summary: '一句话',
          publishedOn: '2026-10-01',
          updatedOn: '2026-11-12',
          issuer: '某镇司法所',
          topics: ['反诈'],
        },
        { slug: 'minfadian', title: '民法典与家庭', summary: '家事', publishedOn: '2026-11-05', issuer: '某镇司法所', topics: ['民法典'] },
      ],
    },
    datasets: [{ id: 'disputes-monthly', title: '矛盾纠纷排查调处情况', description: '按月统计', updatedOn: '2026-11-03', issuer: '某镇综治中心' }],
  };
}

describe('feed items', () => {
  const feeds = buildFeeds(source('https://portal.example.cn/'), withBase('/zl/mou/'));

  it('lists every kind in the site feed, newest first by publication or update date', () => {
    expect(feeds.site.items.map((i) => [i.kind, i.date])).toEqual([
      ['legal', '2026-11-12'],
      ['disclosure', '2026-11-10'],
      ['disclosure', '2026-11-05'],
      ['legal', '2026-11-05'],
      ['data', '2026-11-03'],
      ['plan', '2026-06-25'],
      ['plan', '2024-03-01'],
    ]);
    const corrected = feeds.site.items.find((i) => i.path.endsWith('/2026-08-finance/'))!;
    expect(corrected.updated).toBe(true);
    expect(corrected.description).toContain('2026-11-10更正：更正凭证号');
    expect(corrected.description).not.toContain('旧');
  });

  it('splits the same items into section feeds', () => {
    expect(feeds.plans.items.map((i) => i.title)).toEqual(['平安建设实施方案', '旧平安建设方案']);
    expect(feeds.disclosures.items.every((i) => i.kind === 'disclosure')).toBe(true);
    expect(feeds.disclosures.items).toHaveLength(2);
    expect(feeds.legal.items.map((i) => i.path)).toEqual(['/zl/mou/legal/fanzha/', '/zl/mou/legal/minfadian/']);
    expect(feeds.data.items.map((i) => i.title)).toEqual(['矛盾纠纷排查调处情况']);
  });

  it('gives every village a feed of its own disclosures, even an empty one', () => {
    expect(feeds.villages.map((f) => [f.key, f.path, f.items.length])).toEqual([
      ['village:330000000001', '/zl/mou/disclosures/330000000001/rss.xml', 1],
      ['village:330000000002', '/zl/mou/disclosures/330000000002/rss.xml', 1],
      ['village:330000000003', '/zl/mou/disclosures/330000000003/rss.xml', 0],
    ]);
    expect(feeds.villages[0]!.title).toBe('东溪村村务公开 - 某镇公开栏');
    expect(feeds.villages[1]!.items[0]!.title).toBe('西岭村8月财务公开');
  });

  it('makes links absolute on the site origin and under the base path', () => {
    expect(feeds.plans.items[0]!.link).toBe('https://portal.example.cn/zl/mou/plans/pingan-2026/');
    expect(feeds.site.url).toBe('https://portal.example.cn/zl/mou/rss.xml');
    expect(feeds.site.pageUrl).toBe('https://portal.example.cn/zl/mou/');
    expect(feeds.site.absolute).toBe(true);
  });

  it('keeps links root-relative without a site URL', () => {
    const rel = buildFeeds(source(undefined), withBase('/'));
    expect(rel.site.absolute).toBe(false);
    expect(rel.site.url).toBe('/rss.xml');
    expect(rel.site.items.map((i) => i.link)).toEqual(rel.site.items.map((i) => i.path));
    expect(rel.legal.items[0]!.link).toBe('/legal/fanzha/');
  });

  it('caps each feed at the limit, keeping the newest', () => {
    const capped = buildFeeds(source('https://x.example.cn'), withBase('/'), 3);
    expect(capped.site.items.map((i) => i.date)).toEqual(['2026-11-12', '2026-11-10', '2026-11-05']);
    expect(FEED_LIMIT).toBeGreaterThanOrEqual(20);
  });

  it('dates items at midnight Beijing time', () => {
    expect(beijingMidnight('2026-11-05').toISOString()).toBe('2026-11-04T16:00:00.000Z');
    expect(resolveLink('/a/b/', 'https://h.example.cn/ignored/')).toBe('https://h.example.cn/a/b/');
  });
});

describe('feed XML (@astrojs/rss)', () => {
  const parser = new XMLParser({ ignoreAttributes: false });
  type Item = { title: string; link: string; guid: { '#text': string; '@_isPermaLink': string }; pubDate: string; category: string | string[] };
  const parse = async (siteUrl: string | undefined, base: string) => {
    const feeds = buildFeeds(source(siteUrl), withBase(base));
    const xml = await getRssString(rssOptions(feeds.site));
    return parser.parse(xml) as { rss: { channel: { title: string; link: string; language: string; 'atom:link'?: { '@_href': string }; item: Item[] } } };
  };

  it('writes absolute links, permalink guids and a self link with a site URL', async () => {
    const { channel } = (await parse('https://portal.example.cn', '/zl/mou/')).rss;
    expect(channel.title).toBe('某镇公开栏：全部更新');
    expect(channel.link).toBe('https://portal.example.cn/zl/mou/');
    expect(channel.language).toBe('zh-cn');
    expect(channel['atom:link']!['@_href']).toBe('https://portal.example.cn/zl/mou/rss.xml');
    expect(channel.item).toHaveLength(7);
    expect(channel.item[0]!.link).toBe('https://portal.example.cn/zl/mou/legal/fanzha/');
    expect(channel.item[0]!.guid['@_isPermaLink']).toBe('true');
    expect(channel.item[0]!.pubDate).toBe('Wed, 11 Nov 2026 16:00:00 GMT');
    expect(channel.item[0]!.category).toEqual(['普法', '反诈']);
  });

  it('writes root-relative links and non-permalink guids without one', async () => {
    const xml = await getRssString(rssOptions(buildFeeds(source(undefined), withBase('/zl/mou/')).site));
    expect(xml).not.toContain('localhost');
    const { channel } = parser.parse(xml).rss as { channel: { link: string; item: Item[] } };
    expect(channel.link).toBe('/zl/mou/');
    expect(channel.item[0]!.link).toBe('/zl/mou/legal/fanzha/');
    expect(channel.item[0]!.guid).toEqual({ '#text': '/zl/mou/legal/fanzha/', '@_isPermaLink': 'false' });
  });
});

describe('robots.txt', () => {
  it('allows all and names the absolute sitemap under the base path', () => {
    expect(robotsTxt({ base: '/', siteUrl: 'https://qiwu.example.cn' })).toBe(
      'User-agent: *\nAllow: /\nDisallow: /admin/\n\nSitemap: https://qiwu.example.cn/sitemap-index.xml\n',
    );
    const sub = robotsTxt({ base: '/zl/linhe/', siteUrl: 'https://portal.example.cn/' });
    expect(sub).toContain('Allow: /zl/linhe/\nDisallow: /zl/linhe/admin/\n');
    expect(sub).toContain('Sitemap: https://portal.example.cn/zl/linhe/sitemap-index.xml\n');
    expect(sub.startsWith('# ')).toBe(true);
  });

  it('has no Sitemap line without a site URL (no sitemap is built then)', () => {
    expect(robotsTxt({ base: '/' })).toBe('User-agent: *\nAllow: /\nDisallow: /admin/\n');
  });
});
