/** The printed sheet's QR code and fingerprint (issue 19): what is drawn decodes to the URL; the fingerprint follows every byte. */
import { createHash } from 'node:crypto';
import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { fingerprint } from '../../src/lib/print/fingerprint';
import { qrSvg } from '../../src/lib/print/qr';

/** Paints the SVG's path (stroked runs: `M x y.5 h w`, then `m dx 0 h w` in the same row) into RGBA pixels, `scale` px per module. */
function rasterise(svg: string, scale = 4): { data: Uint8ClampedArray; width: number; height: number } {
  const size = Number(/viewBox="0 0 (\d+) \1"/.exec(svg)![1]);
  const width = size * scale;
  const data = new Uint8ClampedArray(width * width * 4).fill(255);
  const d = /<path [^>]*d="([^"]+)"/.exec(svg)![1]!;
  let x = 0;
  let y = 0;
  for (const [, cmd, a, b] of d.matchAll(/([Mmh])(-?[\d.]+)(?: (-?[\d.]+))?/g)) {
    if (cmd === 'M') [x, y] = [Number(a), Number(b) - 0.5];
    else if (cmd === 'm') [x, y] = [x + Number(a), y + Number(b)];
    else {
      for (let py = y * scale; py < (y + 1) * scale; py++)
        for (let px = x * scale; px < (x + Number(a)) * scale; px++) data.fill(0, (py * width + px) * 4, (py * width + px) * 4 + 3);
      x += Number(a);
    }
  }
  return { data, width, height: width };
}

describe('qrSvg', () => {
  for (const url of [
    'https://qiwu.example.cn/disclosures/330185117001/2026-10-finance/',
    'https://portal.example.cn/zl/linhe/plans/cunmin-shuoshi-2026/',
    '/disclosures/330799203202/poster/',
  ]) {
    it(`decodes back to ${url}`, () => {
      const { data, width, height } = rasterise(qrSvg(url, { label: '二维码' }));
      expect(jsQR(data, width, height)?.data).toBe(url);
    });
  }

  it('is a labelled image with a quiet zone, and escapes its label', () => {
    const svg = qrSvg('https://x.example.cn/', { label: '"<本页>"', className: 'qr' });
    expect(svg).toMatch(/^<svg [^>]*role="img" aria-label="&quot;&lt;本页&gt;&quot;"/);
    expect(svg).toContain('class="qr"');
    expect(svg).not.toMatch(/M[0-3] |M\d+ [0-3]\.5h/); // no row starts in the four-module border
  });
});

describe('fingerprint', () => {
  it('is the first 8 hex digits of the SHA-256, in two groups', () => {
    const text = '{\n  "closingBalance": "124681.40"\n}\n';
    const hex = createHash('sha256').update(text).digest('hex').slice(0, 8).toUpperCase();
    expect(fingerprint(text)).toBe(`${hex.slice(0, 4)} ${hex.slice(4)}`);
  });

  it('changes when one figure changes', () => {
    expect(fingerprint('{"amount": "318.60"}')).not.toBe(fingerprint('{"amount": "318.61"}'));
  });
});
