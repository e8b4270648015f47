/** Reading files as officials wrote them: positions for every field, no silent date rollover. */
import { describe, expect, it } from 'vitest';
import { isProblem, parseFrontmatterSource, parseJsonSource } from '../../src/lib/content/source';

describe('frontmatter', () => {
  const text = '---\ntitle: 方案\npublishedOn: 2026-02-30\ntasks:\n  - id: T1\n    lead: [a, b]\n---\n\n正文\n';
  const src = parseFrontmatterSource(text, 'plans/x.md');

  it('keeps dates as the strings typed', () => {
    if (isProblem(src)) throw new Error('unexpected');
    expect((src.data as { publishedOn: unknown }).publishedOn).toBe('2026-02-30');
    expect(src.body.trim()).toBe('正文');
    expect(src.bodyLine).toBe(8);
  });

  it('locates fields by path, and missing ones at their parent', () => {
    if (isProblem(src)) throw new Error('unexpected');
    expect(src.locate(['title'])?.line).toBe(2);
    expect(src.locate(['tasks', 0, 'lead', 1])?.line).toBe(6);
    expect(src.locate(['tasks', 0, 'due'])?.line).toBe(5);
  });

  it('reports YAML errors and a missing fence with a line', () => {
    const bad = parseFrontmatterSource('---\ntitle: a\ntitle: b\n---\n', 'x.md');
    expect(isProblem(bad) && bad.code).toBe('frontmatter/syntax');
    expect(isProblem(bad) && bad.line).toBe(3);
    const none = parseFrontmatterSource('# 标题\n', 'x.md');
    expect(isProblem(none) && none.code).toBe('frontmatter/missing');
  });
});

describe('json', () => {
  it('locates array items and reports syntax errors by line', () => {
    const ok = parseJsonSource('[\n  { "id": "a" },\n  { "id": "b" }\n]\n', 'u.json');
    if (isProblem(ok)) throw new Error('unexpected');
    expect(ok.locate([1, 'id'])?.line).toBe(3);
    const bad = parseJsonSource('{\n  "a": 1,\n  "b": 2,\n}\n', 'u.json');
    expect(isProblem(bad) && bad.line).toBe(4);
  });
});
