/**
 * Finds the author components (<LawCite>, <Case>, <Term>) in an article body at check time,
 * with their line and column, so a mistake such as `article={0}` is reported at `file:line`
 * before any build. Code (fenced blocks and `inline code`) is skipped: a component shown as an
 * example in code is not a component.
 */

export type AttrValue =
  /** `name="…"` or `name='…'` */
  | { kind: 'string'; value: string }
  /** `name={…}`: the expression's source, and its value when it is a plain number or string. */
  | { kind: 'expression'; source: string; value?: number | string }
  /** `name` with no value (true) */
  | { kind: 'flag' };

export interface ComponentUse {
  /** Tag name as written, e.g. `LawCite`. */
  name: string;
  attrs: Map<string, AttrValue>;
  /** Text between the opening and closing tag (undefined for a self-closing tag). */
  children?: string;
  /** 1-based line and column in the body (add the body's first line for the file line). */
  line: number;
  column: number;
}

/** Replaces code with spaces, keeping every offset and line break where it was. */
export function maskCode(body: string): string {
  const blank = (s: string) => s.replace(/[^\n]/g, ' ');
  let fence: string | undefined;
  const lines = body.split('\n').map((line) => {
    const m = /^\s*(`{3,}|~{3,})/.exec(line);
    if (fence) {
      if (m && m[1]![0] === fence[0] && m[1]!.length >= fence.length && line.trim() === m[1]) fence = undefined;
      return blank(line);
    }
    if (m) {
      fence = m[1];
      return blank(line);
    }
    return line;
  });
  return lines
    .join('\n')
    .replace(/(`+)(?!`)[^\n]*?[^`\n]\1(?!`)/g, blank)
    .replace(/<!--[\s\S]*?-->/g, blank)
    .replace(/\{\/\*[\s\S]*?\*\/\}/g, blank);
}

const TAG = /<([A-Z][A-Za-z0-9_.]*)((?:[^>"'{}]|"[^"]*"|'[^']*'|\{(?:[^{}]|\{[^{}]*\})*\})*?)(\/?)>/g;
const ATTR = /([A-Za-z_][\w-]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|\{((?:[^{}]|\{[^{}]*\})*)\}))?/g;

function parseExpression(source: string): number | string | undefined {
  const s = source.trim();
  if (/^-?\d+(?:\.\d+)?$/.test(s)) return Number(s);
  const str = /^(["'`])([^"'`]*)\1$/.exec(s);
  return str ? str[2] : undefined;
}

export function parseAttributes(text: string): Map<string, AttrValue> {
  const attrs = new Map<string, AttrValue>();
  for (const m of text.matchAll(ATTR)) {
    const [, key, dq, sq, expr] = m;
    if (dq !== undefined || sq !== undefined) attrs.set(key!, { kind: 'string', value: (dq ?? sq)! });
    else if (expr !== undefined) attrs.set(key!, { kind: 'expression', source: expr, value: parseExpression(expr) });
    else attrs.set(key!, { kind: 'flag' });
  }
  return attrs;
}

function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const nl = before.lastIndexOf('\n');
  return { line: before.split('\n').length, column: offset - nl };
}

/** Every capitalised JSX element in the body, in document order. */
export function scanComponents(body: string): ComponentUse[] {
  const masked = maskCode(body);
  const uses: ComponentUse[] = [];
  for (const m of masked.matchAll(TAG)) {
    const [whole, name, attrText, selfClosing] = m;
    const start = m.index;
    let children: string | undefined;
    if (!selfClosing) {
      const close = masked.indexOf(`</${name}>`, start + whole.length);
      children = close >= 0 ? body.slice(start + whole.length, close) : '';
    }
    uses.push({ name: name!, attrs: parseAttributes(attrText ?? ''), children, ...position(body, start) });
  }
  return uses;
}

/** The value of an attribute as a number or string, when it is a literal. */
export function literal(v: AttrValue | undefined): number | string | boolean | undefined {
  if (!v) return undefined;
  if (v.kind === 'string') return v.value;
  if (v.kind === 'flag') return true;
  return v.value;
}
