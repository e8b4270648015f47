/**
 * One road from files to pages (issue 18 item 1): the content set the check validated is what
 * the pages get. The loader maps it (src/lib/model/from-content.ts); nothing after it reads a
 * content file or parses a file name.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { handOverValidated, validatedContent } from '../../src/lib/build/validated-content';
import { ContentError } from '../../src/lib/core/errors';
import { contentInput, documentsOf } from '../../src/lib/model/from-content';
import { validateContentRoot } from '../../src/lib/checks/validate';
import { contentRootWith, LINHE, REPO } from '../helpers/content';
import { TODAY } from '../today';

const env = { SITE_TODAY: TODAY };

describe('the validated content set is the model input', () => {
  const { content, problems } = validateContentRoot(LINHE, env);

  it('maps every file the check read, with the facts the loader found', () => {
    expect(problems).toEqual([]);
    const input = contentInput(content);
    expect(input.plans.map((p) => p.slug)).toEqual(content.plans.map((p) => p.slug));
    expect(input.disclosures).toHaveLength(content.disclosures.length);
    for (const d of input.disclosures) {
      // village and kind come from where the file was filed and what the loader parsed, not a second regex
      expect(path.basename(path.dirname(d.file!))).toBe(d.village);
      expect(path.basename(d.file!)).toMatch(new RegExp(`^${d.id}\\.(json|mdx?)$`));
    }
    expect(input.legal!.every((a) => a.body.readingTime.han > 0)).toBe(true);
    expect(input.topology).toMatchObject({ type: 'Topology' });
  });

  it('lists every body a page renders, once, by kind', () => {
    const ids = documentsOf(content).map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => id.startsWith('plans/'))).toHaveLength(content.plans.length);
    expect(ids.filter((id) => id.startsWith('legal/'))).toHaveLength(content.legal.length);
    expect(ids.filter((id) => id.startsWith('notices/'))).toHaveLength(content.disclosures.filter((d) => d.kind === 'notice').length);
    expect(ids.filter((id) => id.startsWith('notices/')).length).toBeGreaterThan(0);
  });
});

describe('the hand-over from the check to the loader', () => {
  it('is taken once; the next load validates the files as they are then', () => {
    const root = contentRootWith();
    const { content } = validateContentRoot(root, env);
    handOverValidated(root, content);
    expect(validatedContent(root, env)).toBe(content);
    // After an edit that fails a check (as in `astro dev`), the loader refuses it with every problem.
    fs.appendFileSync(path.join(root, 'units.json'), ' x');
    expect(() => validatedContent(root, env)).toThrow(ContentError);
  });

  it('is not taken by another content root', () => {
    const a = contentRootWith();
    const b = contentRootWith();
    handOverValidated(a, validateContentRoot(a, env).content);
    const fromB = validatedContent(b, env);
    expect(fromB.root).toBe(b);
  });
});

describe('geo/meta.json is checked like every file', () => {
  it('refuses an unknown field, naming it', () => {
    const root = contentRootWith();
    fs.writeFileSync(path.join(root, 'geo/meta.json'), '{\n  "source": "示意",\n  "reviewNo": "浙S(2026)1号"\n}\n');
    const hits = validateContentRoot(root, env).problems.filter((p) => p.file.endsWith('geo/meta.json'));
    expect(hits, JSON.stringify(hits)).toHaveLength(1);
    expect(hits[0]!.what.zh).toContain('reviewNo');
  });

  it('refuses a number where text belongs, by its label and line', () => {
    const root = contentRootWith();
    fs.writeFileSync(path.join(root, 'geo/meta.json'), '{\n  "source": 12\n}\n');
    const hits = validateContentRoot(root, env).problems.filter((p) => p.file.endsWith('geo/meta.json'));
    expect(hits, JSON.stringify(hits)).toHaveLength(1);
    expect(hits[0]).toMatchObject({ line: 2, field: 'source' });
    expect(hits[0]!.what.zh).toContain('图形来源');
  });

  it('gives the model the review number as written', () => {
    const root = contentRootWith();
    fs.writeFileSync(path.join(root, 'geo/meta.json'), '\uFEFF{ "reviewNumber": "浙S(2026)1号" }');
    const { content, problems } = validateContentRoot(root, env);
    expect(problems).toEqual([]);
    expect(contentInput(content).mapMeta).toEqual({ reviewNumber: '浙S(2026)1号' });
  });
});

describe('after the loader, no content file is read', () => {
  it('pages, components, layouts and the site glue import no file system', () => {
    const dirs = ['src/town', 'src/components', 'src/layouts', 'src/site', 'src/portal'].map((d) => path.join(REPO, d));
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.(astro|ts)$/.test(e.name) && /from ['"](node:)?fs(\/promises)?['"]/.test(fs.readFileSync(p, 'utf8')))
          offenders.push(path.relative(REPO, p));
      }
    };
    dirs.forEach(walk);
    expect(offenders).toEqual([]);
  });
});
