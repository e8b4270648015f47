/**
 * Issue 18: dependencies point one way. A test computes the import graph of src/ and scripts/
 * (relative imports, type-only ones included) and fails on any cycle.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers/content';
import { cycles, importGraph } from '../helpers/import-graph';

describe('the import graph', () => {
  const graph = importGraph(REPO, ['src', 'scripts']);

  it('is read from the real files (a graph of that size, with the known edges)', () => {
    expect(graph.size).toBeGreaterThan(150);
    const rel = (f: string) => path.relative(REPO, f);
    const edges = (f: string) => (graph.get(path.join(REPO, f)) ?? []).map(rel);
    expect(edges('src/lib/checks/validate.ts')).toContain('src/lib/checks/index.ts');
    expect(edges('src/lib/checks/plans.ts')).toContain('src/lib/content/set.ts');
  });

  it('has no cycle in src/ or scripts/', () => {
    expect(cycles(graph).map((c) => c.map((f) => path.relative(REPO, f)))).toEqual([]);
  });

  it('would see one (the detector itself works)', () => {
    const g = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['a']],
    ]);
    expect(cycles(g)).toEqual([['a', 'b', 'c']]);
  });
});
