/**
 * Feeds, discovery and robots.txt in real builds: the sample town at the root of its own host,
 * and the fixture town under a county portal's sub-path (BASE_PATH=/zl/linhe/).
 */
import fs from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { builds } from '../helpers/build';
import { LINHE, SAMPLE } from '../helpers/content';
import { FEED_LIMIT } from '../../src/lib/model/feeds';

interface Item {
  title: string;
  link: string;
  guid: string;
  pubDate: string;
  description: string;
  category?: string | string[];
}
interface Channel {
  title: string;
  description: string;
  link: string;
  item?: Item | Item[];
}

const parser = new XMLParser({ ignoreAttributes: true });
const readFeed = (dist: string, file: string): { channel: Channel; items: Item[] } => {
  const xml = fs.readFileSync(path.join(dist, file), 'utf8');
  expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"'), file).toBe(true);
  const channel = (parser.parse(xml) as { rss: { channel: Channel } }).rss.channel;
  return { channel, items: channel.item === undefined ? [] : Array.isArray(channel.item) ? channel.item : [channel.item] };
};
const count = (root: string, dir: string) => (fs.existsSync(path.join(root, dir)) ? fs.readdirSync(path.join(root, dir)).length : 0);

const towns = [
  { name: 'sample town at the root', dist: builds.sample, content: SAMPLE, origin: 'https://qiwu.example.cn', base: '/' },
  { name: 'fixture town under /zl/linhe/', dist: builds.linheSubpath, content: LINHE, origin: 'https://portal.example.cn', base: '/zl/linhe/' },
];

describe.each(towns)('feeds of the $name', ({ dist, content, origin, base }) => {
  const prefix = `${origin}${base}`;
  const villages = JSON.parse(fs.readFileSync(path.join(content, 'villages.json'), 'utf8')) as Array<{ code: string; name: string }>;
  /** The built file an absolute link points at. */
  const fileOf = (link: string) => {
    expect(link.startsWith(prefix), link).toBe(true);
    const rest = decodeURIComponent(link.slice(prefix.length));
    return path.join(dist, rest.endsWith('/') || rest === '' ? `${rest}index.html` : rest);
  };
  const checkFeed = (file: string, channelPage: string) => {
    const { channel, items } = readFeed(dist, file);
    expect(channel.title, file).toMatch(/[\u4e00-\u9fff]/);
    expect(channel.description, file).toMatch(/[\u4e00-\u9fff]/);
    expect(channel.link, file).toBe(`${prefix}${channelPage}`);
    expect(items.length, file).toBeLessThanOrEqual(FEED_LIMIT);
    const times = items.map((i) => Date.parse(i.pubDate));
    for (const t of times) expect(Number.isNaN(t), file).toBe(false);
    expect(times, `${file} is newest first`).toEqual([...times].sort((a, b) => b - a));
    for (const i of items) {
      expect(i.title, file).toBeTruthy();
      expect(i.guid).toBe(i.link);
      expect(fs.existsSync(fileOf(i.link)), `${file}: ${i.link}`).toBe(true);
    }
    return items;
  };

  it('publishes a site feed of the newest updates of every kind', () => {
    const items = checkFeed('rss.xml', '');
    const sections = ['plans', 'disclosures', 'legal', 'data'].map((s) => readFeed(dist, `${s}/rss.xml`).items);
    const total =
      ['plans', 'legal', 'data'].reduce((n, d) => n + count(content, d), 0) + villages.reduce((n, v) => n + count(content, `disclosures/${v.code}`), 0);
    expect(items.length).toBe(Math.min(FEED_LIMIT, total));
    // Everything the site feed leaves out is no newer than the oldest item it keeps.
    const oldest = Math.min(...items.map((i) => Date.parse(i.pubDate)));
    const kept = new Set(items.map((i) => i.link));
    for (const i of sections.flat()) {
      if (!kept.has(i.link)) expect(Date.parse(i.pubDate), i.link).toBeLessThanOrEqual(oldest);
    }
    if (total <= FEED_LIMIT) {
      const kinds = new Set(items.map((i) => new URL(i.link).pathname.slice(base.length).split('/')[0]));
      expect([...kinds].sort()).toEqual(['data', 'disclosures', 'legal', 'plans']);
    }
  });

  it('publishes one feed per section, listing that section only', () => {
    for (const [section, dir] of [
      ['plans', 'plans'],
      ['disclosures', 'disclosures'],
      ['legal', 'legal'],
      ['data', 'data'],
    ] as const) {
      const items = checkFeed(`${section}/rss.xml`, `${section}/`);
      for (const i of items) expect(i.link.startsWith(`${prefix}${section}/`), i.link).toBe(true);
      if (section !== 'disclosures') expect(items.length, section).toBe(Math.min(FEED_LIMIT, count(content, dir)));
    }
  });

  it('publishes a feed for every village with exactly its disclosures', () => {
    expect(villages.length).toBeGreaterThan(0);
    for (const v of villages) {
      const items = checkFeed(`disclosures/${v.code}/rss.xml`, `disclosures/${v.code}/`);
      expect(items.length, v.code).toBe(Math.min(FEED_LIMIT, count(content, `disclosures/${v.code}`)));
      for (const i of items) expect(i.link.startsWith(`${prefix}disclosures/${v.code}/`), i.link).toBe(true);
      expect(readFeed(dist, `disclosures/${v.code}/rss.xml`).channel.title).toContain(v.name);
    }
  });

  it('announces the site feed on every page and the section or village feed where it applies', () => {
    const alternates = (file: string) =>
      [...fs.readFileSync(path.join(dist, file), 'utf8').matchAll(/<link rel="alternate" type="application\/rss\+xml" title="[^"]+" href="([^"]+)">/g)].map(
        (m) => m[1],
      );
    expect(alternates('index.html')).toEqual([`${base}rss.xml`]);
    expect(alternates('plans/index.html')).toEqual([`${base}rss.xml`, `${base}plans/rss.xml`]);
    expect(alternates('legal/index.html')).toEqual([`${base}rss.xml`, `${base}legal/rss.xml`]);
    expect(alternates('data/index.html')).toEqual([`${base}rss.xml`, `${base}data/rss.xml`]);
    const v = villages[0]!.code;
    expect(alternates(`disclosures/${v}/index.html`)).toEqual([`${base}rss.xml`, `${base}disclosures/rss.xml`, `${base}disclosures/${v}/rss.xml`]);
    const doc = fs.readdirSync(path.join(dist, 'disclosures', v)).find((f) => fs.existsSync(path.join(dist, 'disclosures', v, f, 'index.html')));
    if (doc) expect(alternates(`disclosures/${v}/${doc}/index.html`)).toContain(`${base}disclosures/${v}/rss.xml`);
  });

  it('writes robots.txt allowing all but the publishing desk, and naming the sitemap under the base path', () => {
    const robots = fs.readFileSync(path.join(dist, 'robots.txt'), 'utf8');
    expect(robots).toContain(`User-agent: *\nAllow: ${base}\nDisallow: ${base}admin/\n`);
    expect(robots).toContain(`Sitemap: ${prefix}sitemap-index.xml\n`);
    // The desk is the one address crawlers are asked to leave alone.
    expect(robots.match(/^Disallow: .*$/gm)).toEqual([`Disallow: ${base}admin/`]);
    expect(fs.existsSync(path.join(dist, 'sitemap-index.xml'))).toBe(true);
    expect(
      fs
        .readdirSync(dist)
        .filter((f) => f.startsWith('sitemap-'))
        .some((f) => fs.readFileSync(path.join(dist, f), 'utf8').includes('/admin/')),
    ).toBe(false);
  });
});
