/**
 * A QR code as inline SVG, drawn at build time (no JavaScript on the page): the printed sheet's
 * way back to its record on the web (一村一码). Error correction M (15 %) survives a creased or
 * sun-faded sheet on a board; the quiet zone is the four modules ISO/IEC 18004 asks for.
 */
import { encode } from 'uqr';

export interface QrSvgOptions {
  /** Accessible name of the image, e.g. 本页网址二维码. */
  label: string;
  /** Extra class on the <svg>. */
  className?: string;
}

/**
 * Dark modules as one stroked path, one horizontal run per `h`: each row starts with an absolute
 * `M<x> <y+.5>` and later runs in the row move relatively (`m<gap> 0`). A 1-unit stroke centred on
 * the row's middle covers the row exactly; this is about half the bytes of a square per run.
 */
function modulesPath(data: readonly (readonly boolean[])[]): string {
  const parts: string[] = [];
  data.forEach((row, y) => {
    let x = 0;
    let pen: number | undefined;
    while (x < row.length) {
      if (!row[x]) {
        x++;
        continue;
      }
      const start = x;
      while (x < row.length && row[x]) x++;
      parts.push(pen === undefined ? `M${start} ${y}.5h${x - start}` : `m${start - pen} 0h${x - start}`);
      pen = x;
    }
  });
  return parts.join('');
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The QR code of `text` as an SVG element; it scales to whatever size the print stylesheet gives it. */
export function qrSvg(text: string, { label, className }: QrSvgOptions): string {
  const { data, size } = encode(text, { ecc: 'M', border: 4 });
  const cls = className ? ` class="${escapeXml(className)}"` : '';
  return (
    `<svg xmlns="http://www.w3.org/2000/svg"${cls} viewBox="0 0 ${size} ${size}" role="img" aria-label="${escapeXml(label)}" shape-rendering="crispEdges">` +
    `<rect width="${size}" height="${size}" fill="#fff"/><path stroke="#000" stroke-width="1" d="${modulesPath(data)}"/></svg>`
  );
}
