/** Related articles: the indexed, near-linear picker gives exactly what a filter-and-sort over every article gives. */
import { describe, expect, it } from 'vitest';
import { relatedIndices } from '../../../src/lib/legal/related';
import { mulberry32 } from '../../../src/lib/core/prng';

interface Item {
  slug: string;
  publishedOn: string;
  topics: string[];
}

/** The straightforward definition (what legal.ts did before): every other article, most shared topics, newer, slug. */
function reference(items: readonly Item[], max: number): string[][] {
  return items.map((a) => {
    const mine = new Set(a.topics);
    return items
      .filter((b) => b !== a)
      .map((b) => ({ b, shared: b.topics.filter((t) => mine.has(t)).length }))
      .filter((x) => x.shared > 0)
      .sort((x, y) => y.shared - x.shared || y.b.publishedOn.localeCompare(x.b.publishedOn) || x.b.slug.localeCompare(y.b.slug))
      .slice(0, max)
      .map((x) => x.b.slug);
  });
}

/** `n` articles over `topicCount` topics, 0–4 topics each (sometimes repeated), few distinct dates so ties are common. */
function generate(seed: number, n: number, topicCount: number): Item[] {
  const rand = mulberry32(seed);
  const pick = (k: number) => Math.floor(rand() * k);
  const topics = Array.from({ length: topicCount }, (_, i) => `主题${i}`);
  const items: Item[] = [];
  for (let i = 0; i < n; i++) {
    const own = Array.from({ length: pick(5) }, () => topics[pick(topicCount)]!);
    if (own.length > 0 && rand() < 0.1) own.push(own[0]!); // a repeated topic
    const day = 1 + pick(20);
    items.push({ slug: `a${pick(1000).toString(36)}-${i}`, publishedOn: `2026-0${1 + pick(3)}-${String(day).padStart(2, '0')}`, topics: own });
  }
  // The order the model keeps articles in: newest first, slug ties.
  return items.sort((a, b) => b.publishedOn.localeCompare(a.publishedOn) || a.slug.localeCompare(b.slug));
}

describe('relatedIndices', () => {
  for (const [seed, n, topicCount, max] of [
    [1, 300, 6, 4],
    [2, 400, 25, 4],
    [3, 250, 3, 7],
    [4, 300, 12, 1],
    [5, 200, 40, 0],
  ] as const) {
    it(`matches the reference on ${n} articles, ${topicCount} topics, at most ${max} (seed ${seed})`, () => {
      const items = generate(seed, n, topicCount);
      const got = relatedIndices(
        items.map((a) => a.topics),
        max,
      ).map((list) => list.map((j) => items[j]!.slug));
      expect(got).toEqual(reference(items, max));
      // The set is not trivial: most articles have related ones, some have none.
      if (max > 0) expect(got.filter((l) => l.length > 0).length).toBeGreaterThan(n / 2);
      expect(got.some((l) => l.length === 0)).toBe(true);
    });
  }

  it('counts a topic repeated in the other article each time, one repeated in its own list once', () => {
    const topics = [['甲', '甲'], ['甲', '乙'], ['甲', '甲', '乙'], []];
    expect(relatedIndices(topics, 4)).toEqual([[2, 1], [2, 0], [0, 1], []]);
  });
});
