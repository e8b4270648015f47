import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { scanText } from '../../../src/lib/privacy';

const corpus = JSON.parse(readFileSync(fileURLToPath(new URL('../../fixtures/privacy/corpus.json', import.meta.url)), 'utf8')) as {
  positives: { text: string; expect: unknown[] }[];
  negatives: { text: string }[];
};

const ONE_MB = 1024 * 1024;
const FILLER =
  '经村民代表会议讨论通过，东溪村2026年第三季度村务、财务收支情况公示如下，公示期5天，' +
  '如有异议请于2026年10月15日前向村务监督委员会反映，联系电话0571-88886666。' +
  '本季度共收入1,234,567.89元，支出318.60元，项目编号XM-2026-0031-07，凭证号记-001。\n';

/** ~1 MiB (UTF-16 code units, i.e. more than 1 MiB of UTF-8) of disclosure-like text. */
function buildText(): { text: string; expected: number } {
  const parts: string[] = [];
  let size = 0;
  let expected = 0;
  let k = 0;
  while (size < ONE_MB) {
    const p = corpus.positives[k % corpus.positives.length];
    const n = corpus.negatives[k % corpus.negatives.length];
    if (p === undefined || n === undefined) throw new Error('empty corpus');
    for (const piece of [FILLER, n.text, '\n', FILLER, FILLER, '\n', p.text, '\n']) {
      parts.push(piece);
      size += piece.length;
    }
    expected += p.expect.length;
    k++;
  }
  return { text: parts.join(''), expected };
}

function time(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

describe('scanText performance', () => {
  it('scans 1 MiB of mixed Chinese text well within budget', () => {
    const { text, expected } = buildText();
    expect(text.length).toBeGreaterThanOrEqual(ONE_MB);
    scanText(text); // warm up the JIT
    let findings = 0;
    const runs = [0, 1, 2].map(() =>
      time(() => {
        findings = scanText(text).length;
      }),
    );
    const best = Math.min(...runs);
    console.info(`scanText: ${text.length} chars (${Buffer.byteLength(text)} UTF-8 bytes) in ${best.toFixed(1)} ms, ${findings} findings`);
    expect(findings).toBe(expected);
    expect(best).toBeLessThan(500);
  });

  it.each([
    ['one huge digit run', () => '1'.repeat(ONE_MB)],
    ['digits separated by single spaces', () => '1 '.repeat(ONE_MB / 2)],
    ['grouped fours that never end', () => '6217 '.repeat(ONE_MB / 5)],
    ['dash-joined groups', () => '138-'.repeat(ONE_MB / 4)],
    ['digits and letters alternating', () => '13857112345a'.repeat(ONE_MB / 12)],
    ['many mobiles', () => '13857112345，'.repeat(ONE_MB / 12)],
  ])('stays linear on %s', (_name, make) => {
    // Adversarial input, not a speed benchmark: a quadratic or backtracking scanner would
    // take minutes here, so a generous budget keeps slow CI machines from flaking.
    const text = make();
    expect(time(() => scanText(text))).toBeLessThan(1500);
  });
});
