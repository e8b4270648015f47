import { describe, expect, it } from 'vitest';
import { bundlePagesSetting, PAGES_PER_BUNDLE, splitIntoBundles } from '../../../src/lib/search/bundles';

const pages = (n: number) => Array.from({ length: n }, (_, i) => `legal/a-${String(i).padStart(5, '0')}/index.html`);

describe('search bundles', () => {
  it('keeps a town-sized site in the one bundle at pagefind/', () => {
    expect(splitIntoBundles(pages(300))).toEqual([{ dir: 'pagefind/', pages: pages(300) }]);
    expect(splitIntoBundles(pages(PAGES_PER_BUNDLE))).toHaveLength(1);
    expect(splitIntoBundles([])).toEqual([{ dir: 'pagefind/', pages: [] }]);
  });

  it('cuts a large site into the fewest, even bundles, each page in exactly one', () => {
    const all = pages(5012);
    const bundles = splitIntoBundles([...all].reverse(), 2500);
    expect(bundles.map((b) => b.dir)).toEqual(['pagefind/', 'pagefind/part-2/', 'pagefind/part-3/']);
    expect(bundles.map((b) => b.pages.length)).toEqual([1671, 1671, 1670]);
    // Path order, whatever order the pages came in: the same site always gives the same bundles.
    expect(bundles.flatMap((b) => b.pages)).toEqual(all);
    expect(splitIntoBundles(pages(2501), 2500).map((b) => b.pages.length)).toEqual([1251, 1250]);
  });

  it('refuses a bundle size that is not a positive whole number', () => {
    expect(() => splitIntoBundles(pages(3), 0)).toThrow(/positive integer/);
    expect(() => splitIntoBundles(pages(3), Number.NaN)).toThrow(/positive integer/);
    expect(() => bundlePagesSetting('abc')).toThrow(/SEARCH_BUNDLE_PAGES/);
    expect(() => bundlePagesSetting('2.5')).toThrow(/正整数/);
    expect(bundlePagesSetting(undefined)).toBe(PAGES_PER_BUNDLE);
    expect(bundlePagesSetting('2000')).toBe(2000);
  });
});
