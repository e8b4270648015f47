/**
 * The 普法 checks beyond the fault fixtures (tests/fixtures/faults/legal-*): each bad article
 * gives one located problem with its own code.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateContentRoot } from '../../../src/lib/checks/validate';
import { contentRootWith } from '../../helpers/content';
import { TODAY } from '../../today';

const FRONT = ['---', 'title: 测试', 'summary: 简介', 'audience: [居民]', 'topics: [反诈]', 'laws: []', 'publishedOn: 2026-11-01', 'issuer: 某司法所'];

function problemsFor(file: string, text: string) {
  const root = contentRootWith();
  fs.writeFileSync(path.join(root, 'legal', file), text);
  return validateContentRoot(root, { SITE_TODAY: TODAY }).problems;
}

const article = (body: string, extra: string[] = []) => [...FRONT, ...extra, '---', '', body, ''].join('\n');

describe('legal checks', () => {
  const cases: Array<[string, string, string, number | undefined]> = [
    ['unknown component', article('正文\n\n<Lawcite name="中华人民共和国民法典" />'), 'mdx/unknown-component', 13],
    ['component in a .md file', article('<Term def="d">t</Term>'), 'mdx/component-in-md', 11],
    ['<LawCite> without a name', article('<LawCite article={3} />'), 'legal/law-cite-name', 11],
    ['<LawCite> name in 《》', article('<LawCite name="《中华人民共和国民法典》" />'), 'legal/law-cite-name', 11],
    ['<LawCite> article not a number', article('<LawCite name="中华人民共和国民法典" article="第三条" />'), 'legal/law-cite-article', 11],
    ['<LawCite> article too big', article('<LawCite name="中华人民共和国民法典" article={12000} />'), 'legal/law-cite-article', 11],
    ['<Term> without a definition', article('<Term>过错</Term>'), 'legal/term-def', 11],
    ['<Case> without a title', article('<Case>\n\n案情\n\n</Case>'), 'legal/case-title', 11],
    ['updated before published', article('正文', ['updatedOn: 2026-10-01']), 'legal/updated-before-published', 9],
    ['law name in 《》 in frontmatter', article('正文').replace('laws: []', 'laws:\n  - { name: 《中华人民共和国民法典》 }'), 'schema/custom', 7],
  ];
  for (const [what, text, code, line] of cases) {
    it(`reports ${what}`, () => {
      const file = what.includes('.md file') ? 'bad-article.md' : 'bad-article.mdx';
      const problems = problemsFor(file, text);
      expect(problems.map((p) => p.code)).toEqual([code]);
      expect(problems[0]!.file.endsWith(`legal/${file}`)).toBe(true);
      expect(problems[0]!.line).toBe(line);
      expect(problems[0]!.what.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(problems[0]!.what.en).toMatch(/[a-z]/);
    });
  }

  it('reports a file name that cannot be a URL, or is a filter word', () => {
    expect(problemsFor('Fan Zha.mdx', article('正文')).map((p) => p.code)).toEqual(['legal/file-name']);
    expect(problemsFor('topic.mdx', article('正文')).map((p) => p.code)).toEqual(['legal/file-name']);
  });

  it('reports two spellings of a topic that share a URL', () => {
    const root = contentRootWith();
    fs.writeFileSync(path.join(root, 'legal', 'a.mdx'), article('正文').replace('topics: [反诈]', 'topics: [禁毒]'));
    fs.writeFileSync(path.join(root, 'legal', 'b.mdx'), article('正文').replace('topics: [反诈]', 'topics: [禁 毒]'));
    // "禁 毒" → jin-du, "禁毒" → jindu: different URLs, so no clash.
    expect(validateContentRoot(root, { SITE_TODAY: TODAY }).problems).toEqual([]);
    fs.writeFileSync(path.join(root, 'legal', 'b.mdx'), article('正文').replace('topics: [反诈]', 'topics: [近读]'));
    expect(validateContentRoot(root, { SITE_TODAY: TODAY }).problems.map((p) => p.code)).toEqual(['legal/topic-clash']);
    // The odd spelling out is the one reported, even when it sorts first: two articles write 禁毒.
    fs.writeFileSync(path.join(root, 'legal', 'c.mdx'), article('正文').replace('topics: [反诈]', 'topics: [禁毒]'));
    fs.renameSync(path.join(root, 'legal', 'b.mdx'), path.join(root, 'legal', '0-odd.mdx'));
    const clash = validateContentRoot(root, { SITE_TODAY: TODAY }).problems;
    expect(clash.map((p) => [p.code, path.basename(p.file)])).toEqual([['legal/topic-clash', '0-odd.mdx']]);
    expect(clash[0]!.what.zh).toContain('主题“近读”与“禁毒”');
  });

  it('accepts a quiz option written as a bare number', () => {
    const text = article('正文', ['quiz:', '  - q: 报警电话？', '    options: [110, 120]', '    answer: 0', '    explain: 报警打110。']);
    expect(problemsFor('ok.mdx', text)).toEqual([]);
  });
});
