/**
 * Issue 17: the project's battery of ≥ 60 ways of writing an ID, mobile or card number —
 * each is found by the one scanner every gate uses, exactly once, as the right kind, at the
 * place where it is written, and the report never shows the number.
 */
import { describe, expect, it } from 'vitest';
import { scanText } from '../../../src/lib/privacy';
import { BATTERY, showsDigits } from '../../fixtures/privacy/battery';

describe('the battery of ways to write a personal number', () => {
  it('has at least 60 ways, for all three kinds', () => {
    expect(BATTERY.length).toBeGreaterThanOrEqual(60);
    expect(new Set(BATTERY.map((w) => w.kind))).toEqual(new Set(['resident-id', 'mobile', 'bank-card']));
  });

  it.each(BATTERY.map((w) => [w.name, w] as const))('%s', (_name, w) => {
    for (const text of [w.text, `联系方式：${w.text}。`, `第一行\n申请人 张*华 ${w.text}，已核实`]) {
      const found = scanText(text);
      expect(
        found.map((f) => f.kind),
        JSON.stringify(text),
      ).toEqual([w.kind]);
      const [f] = found;
      if (!f) continue;
      // The finding covers the written number (a +86 prefix may stay outside it).
      const start = text.indexOf(w.text);
      expect(f.index).toBeGreaterThanOrEqual(start);
      expect(f.index + f.length).toBeLessThanOrEqual(start + w.text.length);
      expect(f.index + f.length).toBeGreaterThan(start + w.text.length - 8);
      expect(showsDigits(f.masked, w.digits)).toBe(false);
    }
  });
});
