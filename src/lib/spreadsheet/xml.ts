/**
 * The XML events an .xlsx part gives, through saxen, decoded the way a conforming XML parser
 * would: line ends normalised to LF, the five predefined entities and character references
 * decoded in text and attribute values (attribute whitespace becomes spaces). An undefined
 * entity or a malformed document throws. CDATA sections and comments are skipped.
 */
import { Parser } from 'saxen';

export interface XmlHandlers {
  open?(name: string, attrs: () => Record<string, string>): void;
  close?(name: string): void;
  text?(text: string): void;
}

const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&([^;&\s]*);|&/g, (whole, name: string | undefined) => {
    if (name === undefined) throw new Error(`XML: bare "&" in ${JSON.stringify(s.slice(0, 40))}`);
    const known = PREDEFINED[name];
    if (known !== undefined) return known;
    const m = /^#(?:x([0-9a-fA-F]+)|([0-9]+))$/.exec(name);
    const code = m ? (m[1] !== undefined ? parseInt(m[1], 16) : Number(m[2])) : NaN;
    if (!Number.isInteger(code) || code > 0x10ffff) throw new Error(`XML: undefined entity ${whole}`);
    return String.fromCodePoint(code);
  });
}

const eol = (s: string) => s.replace(/\r\n?/g, '\n');

/** Parses `xml`, calling the handlers; a self-closing element gives open then close. */
export function parseXml(xml: string, h: XmlHandlers): void {
  const parser = new Parser();
  let failure: Error | undefined;
  let thrown: unknown;
  const guard = (f: () => void) => {
    if (thrown !== undefined) return;
    try {
      f();
    } catch (err) {
      thrown = err;
      parser.stop();
    }
  };
  let depth = 0;
  let roots = 0;
  const open = h.open;
  const close = h.close;
  parser.on('openTag', (name, getAttrs) =>
    guard(() => {
      if (depth++ === 0 && ++roots > 1) throw new Error(`XML: a second root element <${name}>`);
      if (open) {
        let attrs: Record<string, string> | undefined;
        open(name, () => {
          if (!attrs) {
            attrs = {};
            for (const [k, v] of Object.entries(getAttrs())) attrs[k] = decodeEntities(eol(v).replace(/[\t\n]/g, ' '));
          }
          return attrs;
        });
      }
    }),
  );
  parser.on('closeTag', (name) =>
    guard(() => {
      depth--;
      close?.(name);
    }),
  );
  if (h.text) {
    const text = h.text;
    parser.on('text', (value) => guard(() => text(decodeEntities(eol(value)))));
  }
  // saxen only warns of what a conforming parser rejects (text outside the root element, a
  // malformed attribute); such a part is not well-formed XML.
  parser.on('error', (err) => {
    failure ??= err;
  });
  parser.on('warn', (err) => {
    failure ??= err;
  });
  parser.parse(xml);
  if (thrown !== undefined) throw thrown;
  if (failure) throw new Error(`XML: ${failure.message}`);
}
