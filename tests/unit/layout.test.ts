/**
 * Issue 18: the shipped code and its tooling stand on their own. Nothing under src/, scripts/ or
 * tooling/ imports from tests/ (shared tooling lives in tooling/, used by both).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers/content';
import { importGraph } from '../helpers/import-graph';

const TESTS = path.join(REPO, 'tests') + path.sep;

describe('the layout', () => {
  const graph = importGraph(REPO, ['src', 'scripts', 'tooling']);

  it('reads the real files (the benchmark uses the shared tooling)', () => {
    const edges = (graph.get(path.join(REPO, 'scripts/bench/federation.ts')) ?? []).map((f) => path.relative(REPO, f));
    expect(edges).toContain('tooling/nginx.ts');
  });

  it('has no import from src/, scripts/ or tooling/ into tests/', () => {
    const intoTests = [...graph].flatMap(([file, deps]) =>
      deps.filter((d) => d.startsWith(TESTS)).map((d) => `${path.relative(REPO, file)} → ${path.relative(REPO, d)}`),
    );
    expect(intoTests).toEqual([]);
  });

  it('keeps src/lib/ organised one way: every module in the folder it belongs to, none loose at the top', () => {
    const loose = fs.readdirSync(path.join(REPO, 'src/lib'), { withFileTypes: true }).filter((e) => e.isFile());
    expect(loose.map((e) => e.name)).toEqual([]);
  });

  it('names every src/lib/ folder in CONTRIBUTING.md and in the README layout', () => {
    const folders = fs
      .readdirSync(path.join(REPO, 'src/lib'), { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name);
    const contributing = fs.readFileSync(path.join(REPO, 'CONTRIBUTING.md'), 'utf8');
    const readme = fs.readFileSync(path.join(REPO, 'README.md'), 'utf8');
    for (const f of folders) {
      expect(contributing, f).toContain(`| \`${f}/\` |`);
      expect(readme, f).toMatch(new RegExp(`^  (?:\\S+/ )*${f}/`, 'm'));
    }
  });

  it('has the town site and the county portal as sibling apps over one shared shell: neither imports the other', () => {
    const town = path.join(REPO, 'src/town') + path.sep;
    const portal = path.join(REPO, 'src/portal') + path.sep;
    for (const app of [town, portal]) expect(fs.existsSync(path.join(app, 'pages'))).toBe(true);
    const crossing = [...graph].flatMap(([file, deps]) =>
      deps
        .filter((d) => (file.startsWith(town) && d.startsWith(portal)) || (file.startsWith(portal) && d.startsWith(town)))
        .map((d) => `${path.relative(REPO, file)} → ${path.relative(REPO, d)}`),
    );
    expect(crossing).toEqual([]);
    // Both stand on the shared shell (layouts, components).
    const usesShell = (app: string) =>
      [...graph].some(([file, deps]) => file.startsWith(app) && deps.some((d) => d.startsWith(path.join(REPO, 'src/layouts'))));
    expect(usesShell(town) && usesShell(portal)).toBe(true);
  });
});
