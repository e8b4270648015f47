import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { scanText } from '../../../src/lib/privacy';
import type { FindingKind } from '../../../src/lib/privacy';

interface Expected {
  kind: FindingKind;
  line: number;
  column: number;
  length: number;
}
interface Corpus {
  positives: { name: string; text: string; expect: Expected[] }[];
  negatives: { name: string; text: string }[];
}

const corpus = JSON.parse(readFileSync(fileURLToPath(new URL('../../fixtures/privacy/corpus.json', import.meta.url)), 'utf8')) as Corpus;

/** True when `masked` contains any `len`-character piece of the original number (so 4 also rules out 8). */
function hasCommonDigitRun(masked: string, original: string, len: number): boolean {
  const digits = original.replace(/[^0-9Xx]/g, '');
  for (let i = 0; i + len <= digits.length; i++) {
    if (masked.includes(digits.slice(i, i + len))) return true;
  }
  return false;
}

describe('privacy corpus', () => {
  it('has at least 45 positive and 45 negative cases', () => {
    expect(corpus.positives.length).toBeGreaterThanOrEqual(45);
    expect(corpus.negatives.length).toBeGreaterThanOrEqual(45);
    expect(corpus.positives.some((p) => p.text.includes('\n'))).toBe(true);
  });

  describe('positives: exactly the expected findings', () => {
    it.each(corpus.positives.map((p) => [p.name, p] as const))('%s', (_name, p) => {
      const found = scanText(p.text);
      expect(found.map(({ kind, line, column, length }) => ({ kind, line, column, length }))).toEqual(p.expect);
      for (const f of found) {
        // index, line and column describe the same place.
        const before = p.text.slice(0, f.index);
        expect(before.split('\n').length).toBe(f.line);
        expect(Array.from(before.slice(before.lastIndexOf('\n') + 1)).length + 1).toBe(f.column);
        // The report never carries the number.
        const original = p.text.slice(f.index, f.index + f.length);
        expect(hasCommonDigitRun(f.masked, original, 4)).toBe(false);
      }
    });
  });

  describe('negatives: no findings', () => {
    it.each(corpus.negatives.map((n) => [n.name, n.text] as const))('%s', (_name, text) => {
      expect(scanText(text)).toEqual([]);
    });
  });
});
