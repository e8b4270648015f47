/**
 * Cross-file and logical checks on legal-education articles (CONTENT.md § Legal education):
 * the plan a 政策解读 interprets exists (三同步: policy and interpretation link both ways),
 * every quiz answer points at one of its options, and the author components in the MDX body
 * are written so they can render — `<LawCite>` with a real article number (1–9999), a law
 * name, `<Term>` with a definition — reported at the body line, before any build.
 */
import { bi, type Problem } from '../core/errors';
import type { ContentSet } from '../content/set';
import type { LegalSource } from '../content/legal';
import { problemAt } from '../content/parse';
import { literal, scanComponents, type ComponentUse } from '../legal/mdx-scan';
import { parseArticle } from '../legal/citations';
import { isArticleNumber, MAX_ARTICLE } from '../legal/numerals';
import { slugify } from '../core/slug';
import { LEGAL_COMPONENTS } from '../markdown/body-rules';

/** The components authors may use without importing them (docs/普法写作指南.md), as the body rules define them. */
export const AUTHOR_COMPONENTS: readonly string[] = Object.keys(LEGAL_COMPONENTS);

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

function bodyProblem(a: LegalSource, use: ComponentUse, p: Pick<Problem, 'code' | 'what' | 'fix'>): Problem {
  return { file: a.source.display, line: a.source.bodyLine + use.line - 1, column: use.column, ...p };
}

function checkBody(a: LegalSource): Problem[] {
  const problems: Problem[] = [];
  for (const use of scanComponents(a.source.body)) {
    const at = (p: Pick<Problem, 'code' | 'what' | 'fix'>) => problems.push(bodyProblem(a, use, p));
    // A component in a .md file, or one the site does not have, is refused by the body rules
    // (mdx/component-in-md, mdx/unknown-component in checks/bodies.ts); here only how the
    // site's own components are filled in.
    if (a.ext === 'md' || !AUTHOR_COMPONENTS.includes(use.name)) continue;
    if (use.name === 'LawCite') {
      const name = literal(use.attrs.get('name'));
      if (typeof name !== 'string' || name.trim() === '' || /[《》]/.test(name)) {
        at({
          code: 'legal/law-cite-name',
          what: bi('<LawCite> 缺少法律名称 name，或名称带了书名号', '<LawCite> has no law name, or the name carries 《》'),
          fix: bi(
            '写成 <LawCite name="中华人民共和国民法典" article={1165} />：name 填法律全称，不带书名号',
            'write <LawCite name="中华人民共和国民法典" article={1165} />: the full title, without 《》',
          ),
        });
      }
      if (use.attrs.has('article')) {
        const raw = use.attrs.get('article')!;
        const article = parseArticle(literal(raw));
        if (!isArticleNumber(article)) {
          const shown = raw.kind === 'expression' ? `{${raw.source}}` : raw.kind === 'string' ? `"${raw.value}"` : '(空)';
          at({
            code: 'legal/law-cite-article',
            what: bi(
              `<LawCite> 的条号 article=${shown} 不是 1 到 ${MAX_ARTICLE} 之间的整数`,
              `<LawCite> article=${shown} is not a whole number from 1 to ${MAX_ARTICLE}`,
            ),
            fix: bi(
              '条号用阿拉伯数字写，如 article={1165}（网站会显示为“第一千一百六十五条”）；不引用具体条文时删去 article',
              'write the article number in digits, e.g. article={1165} (shown as 第一千一百六十五条); leave article out to cite the whole law',
            ),
          });
        }
      }
    }
    if (use.name === 'Term') {
      const def = literal(use.attrs.get('def'));
      if (typeof def !== 'string' || def.trim() === '') {
        at({
          code: 'legal/term-def',
          what: bi('<Term> 缺少释义 def', '<Term> has no definition (def)'),
          fix: bi(
            '写成 <Term def="释义">术语</Term>，释义会收进文末的“名词解释”',
            'write <Term def="definition">term</Term>; definitions are collected in the glossary',
          ),
        });
      } else if ((use.children ?? '').trim() === '') {
        at({
          code: 'legal/term-def',
          what: bi('<Term> 中间没有写术语', '<Term> has no term between its tags'),
          fix: bi('写成 <Term def="释义">术语</Term>', 'write <Term def="definition">term</Term>'),
        });
      }
    }
    if (use.name === 'Case') {
      const title = literal(use.attrs.get('title'));
      if (typeof title !== 'string' || title.trim() === '') {
        at({
          code: 'legal/case-title',
          what: bi('<Case> 缺少标题 title', '<Case> has no title'),
          fix: bi('写成 <Case title="案例标题">……</Case>', 'write <Case title="case title">…</Case>'),
        });
      }
    }
  }
  return problems;
}

function checkArticle(a: LegalSource, planSlugs: Set<string>): Problem[] {
  const problems: Problem[] = [];
  const at = (path: Array<string | number>, p: Pick<Problem, 'code' | 'what' | 'fix'>) => problems.push(problemAt(a.source, path, p));
  const d = a.data;

  if (d.interprets !== undefined && !planSlugs.has(d.interprets)) {
    at(['interprets'], {
      code: 'legal/interprets-missing',
      what: bi(`解读的方案“${d.interprets}”不存在`, `the plan "${d.interprets}" this article interprets does not exist`),
      fix: bi(
        `填写 plans/ 目录中方案的文件名（不含 .mdx）${planSlugs.size ? `，如 ${[...planSlugs].slice(0, 3).join('、')}` : ''}；方案未发布前不要发布它的解读`,
        `name a plan file in plans/ (without .mdx)${planSlugs.size ? `, e.g. ${[...planSlugs].slice(0, 3).join(', ')}` : ''}; publish the plan before its interpretation`,
      ),
    });
  }

  if (d.updatedOn !== undefined && d.updatedOn < d.publishedOn) {
    at(['updatedOn'], {
      code: 'legal/updated-before-published',
      what: bi(`更新日期 ${d.updatedOn} 早于发布日期 ${d.publishedOn}`, `updated (${d.updatedOn}) before it was published (${d.publishedOn})`),
      fix: bi('核对 publishedOn 和 updatedOn', 'check publishedOn and updatedOn'),
    });
  }

  (d.quiz ?? []).forEach((question, i) => {
    const n = question.options.length;
    if (question.answer >= n) {
      at(['quiz', i, 'answer'], {
        code: 'legal/answer-out-of-range',
        what: bi(
          `第 ${i + 1} 题的答案序号 ${question.answer} 超出范围：该题只有 ${n} 个选项，序号只能是 0 到 ${n - 1}`,
          `question ${i + 1}: answer ${question.answer} is out of range; it has ${n} options, numbered 0 to ${n - 1}`,
        ),
        fix: bi(
          `答案序号从 0 数起：第一个选项是 0（${LETTERS[0]}），第二个是 1（${LETTERS[1]}）……请改为正确选项的序号`,
          'answers count from 0: the first option is 0 (A), the second 1 (B) …; write the index of the right option',
        ),
      });
    }
  });

  problems.push(...checkBody(a));
  return problems;
}

export function checkLegal(c: ContentSet): Problem[] {
  const planSlugs = new Set(c.plans.map((p) => p.slug));
  const problems = c.legal.flatMap((a) => checkArticle(a, planSlugs));
  // Topic pages live at /legal/topic/<pinyin>/: two spellings must not share a URL. The spelling
  // most articles use is taken as meant, so the report lands on the odd ones out.
  const spellings = new Map<string, Map<string, number>>();
  for (const a of c.legal) {
    for (const topic of a.data.topics) {
      const counts = spellings.get(slugify(topic)) ?? new Map<string, number>();
      spellings.set(slugify(topic), counts.set(topic, (counts.get(topic) ?? 0) + 1));
    }
  }
  const usual = (slug: string) => [...spellings.get(slug)!].reduce((best, cur) => (cur[1] > best[1] ? cur : best))[0];
  for (const a of c.legal) {
    a.data.topics.forEach((topic, i) => {
      const slug = slugify(topic);
      const first = usual(slug);
      if (first !== topic) {
        problems.push(
          problemAt(a.source, ['topics', i], {
            code: 'legal/topic-clash',
            what: bi(`主题“${topic}”与“${first}”的网址相同（${slug}）`, `topic "${topic}" has the same URL as "${first}" (${slug})`),
            fix: bi(
              `同一主题请用完全相同的写法（其他文章写作“${first}”）；如确为不同主题，请换一个说法`,
              `write one topic the same way everywhere (other articles write "${first}"); if they differ, reword one`,
            ),
          }),
        );
      }
    });
  }
  return problems;
}
