import { describe, expect, it } from 'vitest';
import { searchTipExamples } from '../../../src/lib/search/tips';

describe('search tips name only what the town has', () => {
  it('uses the first village and the first configured short form', () => {
    expect(
      searchTipExamples(
        ['云溪村', '石桥村'],
        [
          ['社会治安综合治理', '综治'],
          ['低保', '最低生活保障'],
        ],
      ),
    ).toEqual({
      twoWords: '云溪村 财务',
      shortForm: { short: '综治', full: '社会治安综合治理' },
    });
  });
  it('leaves out an example the town cannot give', () => {
    expect(searchTipExamples([], [])).toEqual({});
    expect(searchTipExamples(['云溪村'], [])).toEqual({ twoWords: '云溪村 财务' });
  });
});
