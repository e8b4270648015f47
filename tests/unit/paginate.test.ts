/** Splitting long lists into pages: slices, addresses, the pager's numbered links, headings. */
import { describe, expect, it } from 'vitest';
import { laterPages, pagerItems, pageUrl, paginate, rangeLabel, PAGE_SIZE, type PagerItem } from '../../src/lib/core/paginate';

const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
const show = (items: PagerItem[]) => items.map((x) => (x.kind === 'gap' ? '…' : x.current ? `[${x.number}]` : String(x.number))).join(' ');

describe('paginate', () => {
  it('cuts a list into pages of the given size, in order, with positions and totals', () => {
    const pages = paginate(range(65), 30);
    expect(pages.map((p) => p.items.length)).toEqual([30, 30, 5]);
    expect(pages.flatMap((p) => p.items)).toEqual(range(65));
    expect(pages.map((p) => [p.number, p.pages, p.from, p.to, p.total])).toEqual([
      [1, 3, 1, 30, 65],
      [2, 3, 31, 60, 65],
      [3, 3, 61, 65, 65],
    ]);
  });

  it('adds no empty last page after full pages; a short list is one page, an empty list one empty page', () => {
    expect(paginate(range(60), 30)).toHaveLength(2);
    expect(paginate(range(61), 30)).toHaveLength(3);
    expect(paginate(range(18))).toHaveLength(1);
    expect(paginate([], 30)).toEqual([{ number: 1, pages: 1, items: [], from: 0, to: 0, total: 0 }]);
  });

  it(`uses ${PAGE_SIZE} per page by default and refuses a size that is not a positive integer`, () => {
    expect(paginate(range(PAGE_SIZE + 1)).map((p) => p.items.length)).toEqual([PAGE_SIZE, 1]);
    for (const bad of [0, -1, 2.5, Number.NaN]) expect(() => paginate(range(3), bad)).toThrow(/positive integer/);
  });

  it('gives the route parameters of pages 2…n only', () => {
    const later = laterPages(paginate(range(75), 30));
    expect(later.map((x) => x.params)).toEqual([{ page: '2' }, { page: '3' }]);
    expect(later[1]!.page.items).toEqual(range(75).slice(60));
    expect(laterPages(paginate(range(5), 30))).toEqual([]);
  });
});

describe('pageUrl', () => {
  it('keeps page 1 at the list address and puts page n under page/n/, base path included', () => {
    expect(pageUrl('/legal/', 1)).toBe('/legal/');
    expect(pageUrl('/legal/', 2)).toBe('/legal/page/2/');
    expect(pageUrl('/zl/linhe/legal/topic/xianfa/', 12)).toBe('/zl/linhe/legal/topic/xianfa/page/12/');
    expect(pageUrl('/legal', 3)).toBe('/legal/page/3/');
    expect(() => pageUrl('/legal/', 0)).toThrow();
  });
});

describe('pagerItems', () => {
  it('shows nothing for a single page, every page for a few', () => {
    expect(pagerItems(1, 1)).toEqual([]);
    expect(show(pagerItems(2, 4))).toBe('1 [2] 3 4');
    expect(show(pagerItems(1, 7))).toBe('[1] 2 3 … 7');
  });

  it('shows the first, the last and two either side of the current page, one gap per skipped run', () => {
    expect(show(pagerItems(1, 167))).toBe('[1] 2 3 … 167');
    expect(show(pagerItems(50, 167))).toBe('1 … 48 49 [50] 51 52 … 167');
    expect(show(pagerItems(167, 167))).toBe('1 … 165 166 [167]');
  });

  it('shows a single skipped page instead of a gap', () => {
    expect(show(pagerItems(4, 10))).toBe('1 2 3 [4] 5 6 … 10');
    expect(show(pagerItems(5, 9))).toBe('1 2 3 4 [5] 6 7 8 9');
  });

  it('marks exactly one page current and lists page numbers ascending', () => {
    for (const pages of [2, 5, 9, 30]) {
      for (const current of range(pages)) {
        const nums = pagerItems(current, pages).flatMap((x) => (x.kind === 'page' ? [x] : []));
        expect(nums.filter((x) => x.current).map((x) => x.number)).toEqual([current]);
        expect(nums.map((x) => x.number)).toEqual([...nums.map((x) => x.number)].sort((a, b) => a - b));
        expect(nums[0]!.number).toBe(1);
        expect(nums.at(-1)!.number).toBe(pages);
      }
    }
  });
});

describe('rangeLabel', () => {
  it('names the positions on the page', () => {
    expect(rangeLabel({ from: 31, to: 60 })).toBe('第 31–60 篇');
    expect(rangeLabel({ from: 61, to: 61 })).toBe('第 61 篇');
  });
});
