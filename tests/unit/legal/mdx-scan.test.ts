/** Finding author components in an MDX body, with positions, skipping code. */
import { describe, expect, it } from 'vitest';
import { literal, maskCode, scanComponents } from '../../../src/lib/legal/mdx-scan';

describe('scanComponents', () => {
  it('finds components in order with line, column and literal attributes', () => {
    const body = [
      '## 标题',
      '',
      '依照<LawCite name="中华人民共和国民法典" article={1165} />的规定，',
      '<Term def=\'释义\'>过错</Term>也可以写 article="288"：',
      '<LawCite',
      '  name="信访工作条例"',
      '  article="17"',
      '/>',
      '<Case title="案例">',
      '',
      '内容',
      '',
      '</Case>',
    ].join('\n');
    const uses = scanComponents(body);
    expect(uses.map((u) => [u.name, u.line, u.column])).toEqual([
      ['LawCite', 3, 3],
      ['Term', 4, 1],
      ['LawCite', 5, 1],
      ['Case', 9, 1],
    ]);
    expect(literal(uses[0]!.attrs.get('article'))).toBe(1165);
    expect(literal(uses[0]!.attrs.get('name'))).toBe('中华人民共和国民法典');
    expect(uses[1]!.children).toBe('过错');
    expect(literal(uses[2]!.attrs.get('article'))).toBe('17');
    expect(uses[3]!.children).toContain('内容');
  });

  it('reports an expression it cannot evaluate by its source', () => {
    const [use] = scanComponents('<LawCite name="x" article={n + 1} />');
    expect(use!.attrs.get('article')).toEqual({ kind: 'expression', source: 'n + 1', value: undefined });
  });

  it('ignores components shown as code', () => {
    const body = ['```mdx', '<LawCite name="x" article={0} />', '```', '', '写成 `<LawCite name="x" article={0} />` 即可。', '<Term def="d">t</Term>'].join(
      '\n',
    );
    expect(scanComponents(body).map((u) => [u.name, u.line])).toEqual([['Term', 6]]);
  });

  it('keeps offsets when masking code', () => {
    const body = 'a `b` c\n```\nx\n```\nd';
    expect(maskCode(body)).toHaveLength(body.length);
    expect(maskCode(body).split('\n')).toHaveLength(body.split('\n').length);
  });

  it('ignores lower-case HTML tags', () => {
    expect(scanComponents('<strong>重点</strong><br/>')).toEqual([]);
  });
});
