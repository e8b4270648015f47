/**
 * Cross-file and logical checks on legal-education articles (CONTENT.md § Legal education):
 * the plan a 政策解读 interprets exists (三同步: policy and interpretation link both ways),
 * every quiz answer points at one of its options, and the author components in the MDX body
 * are written so they can render — `<LawCite>` with a real article number (1–9999), a law
 * name, `<Term>` with a definition — reported at the body line, before any build.
 */
import { bi } from '../core/errors';
import type { ContentSet } from '../content/set';
import type { LegalSource } from '../content/legal';
import { defineRule, doc, locate, type CodedProblem, type Finding } from './rule';
import { literal, scanComponents, type ComponentUse } from '../legal/mdx-scan';
import { parseArticle } from '../legal/citations';
import { isArticleNumber, MAX_ARTICLE } from '../legal/numerals';
import { slugify } from '../core/slug';
import { LEGAL_COMPONENTS } from '../markdown/body-rules';

/** The components authors may use without importing them (docs/普法写作指南.md), as the body rules define them. */
export const AUTHOR_COMPONENTS: readonly string[] = Object.keys(LEGAL_COMPONENTS);

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

type LegalCode = keyof typeof CODES;
type ComponentFinding = Omit<Finding<LegalCode>, 'path'>;

function bodyProblem(a: LegalSource, use: ComponentUse, p: ComponentFinding): CodedProblem<LegalCode> {
  return { file: a.source.display, line: a.source.bodyLine + use.line - 1, column: use.column, ...p };
}

/** `<LawCite>`: a law's full name without 《》, an article number from 1 to MAX_ARTICLE. */
function lawCiteFindings(use: ComponentUse): ComponentFinding[] {
  const out: ComponentFinding[] = [];
  const name = literal(use.attrs.get('name'));
  if (typeof name !== 'string' || name.trim() === '' || /[《》]/.test(name)) {
    out.push({
      code: 'legal/law-cite-name',
      what: bi('<LawCite> 缺少法律名称 name，或名称带了书名号', '<LawCite> has no law name, or the name carries 《》'),
      fix: CODES['legal/law-cite-name'].fix,
    });
  }
  if (use.attrs.has('article')) {
    const raw = use.attrs.get('article')!;
    const article = parseArticle(literal(raw));
    if (!isArticleNumber(article)) {
      const shown = raw.kind === 'expression' ? `{${raw.source}}` : raw.kind === 'string' ? `"${raw.value}"` : '(空)';
      out.push({
        code: 'legal/law-cite-article',
        what: bi(
          `<LawCite> 的条号 article=${shown} 不是 1 到 ${MAX_ARTICLE} 之间的整数`,
          `<LawCite> article=${shown} is not a whole number from 1 to ${MAX_ARTICLE}`,
        ),
        fix: CODES['legal/law-cite-article'].fix,
      });
    }
  }
  return out;
}

/** `<Term def="…">term</Term>`: both the definition and the term. */
function termFindings(use: ComponentUse): ComponentFinding[] {
  const def = literal(use.attrs.get('def'));
  if (typeof def !== 'string' || def.trim() === '') {
    return [{ code: 'legal/term-def', what: bi('<Term> 缺少释义 def', '<Term> has no definition (def)'), fix: CODES['legal/term-def'].fix }];
  }
  if ((use.children ?? '').trim() === '') {
    return [
      {
        code: 'legal/term-def',
        what: bi('<Term> 中间没有写术语', '<Term> has no term between its tags'),
        fix: bi('写成 <Term def="释义">术语</Term>', 'write <Term def="definition">term</Term>'),
      },
    ];
  }
  return [];
}

function caseFindings(use: ComponentUse): ComponentFinding[] {
  const title = literal(use.attrs.get('title'));
  if (typeof title === 'string' && title.trim() !== '') return [];
  return [{ code: 'legal/case-title', what: bi('<Case> 缺少标题 title', '<Case> has no title'), fix: CODES['legal/case-title'].fix }];
}

const COMPONENT_RULES: Record<string, (use: ComponentUse) => ComponentFinding[]> = { LawCite: lawCiteFindings, Term: termFindings, Case: caseFindings };

function checkBody(a: LegalSource): Array<CodedProblem<LegalCode>> {
  // A component in a .md file, or one the site does not have, is refused by the body rules
  // (mdx/component-in-md, mdx/unknown-component in checks/bodies.ts); here only how the
  // site's own components are filled in.
  if (a.ext === 'md') return [];
  return scanComponents(a.source.body).flatMap((use) =>
    AUTHOR_COMPONENTS.includes(use.name) ? (COMPONENT_RULES[use.name]?.(use) ?? []).map((p) => bodyProblem(a, use, p)) : [],
  );
}

function checkArticle(a: LegalSource, planSlugs: Set<string>): Array<CodedProblem<LegalCode>> {
  const problems: Array<CodedProblem<LegalCode>> = [];
  const at = (path: Array<string | number>, p: ComponentFinding) => problems.push(locate(a.source, { path, ...p }));
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
      fix: CODES['legal/updated-before-published'].fix,
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

function checkLegal(c: ContentSet): Array<CodedProblem<LegalCode>> {
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
          locate(a.source, {
            path: ['topics', i],
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

const CODES = {
  'legal/law-cite-name': doc(
    '<LawCite> 写法律全称，不带书名号',
    '<LawCite> names the law by its full title, without 《》',
    '写成 <LawCite name="中华人民共和国民法典" article={1165} />：name 填法律全称，不带书名号',
    'write <LawCite name="中华人民共和国民法典" article={1165} />: the full title, without 《》',
  ),
  'legal/law-cite-article': doc(
    '<LawCite> 的条号是 1 到 9999 之间的整数',
    "<LawCite>'s article is a whole number from 1 to 9999",
    '条号用阿拉伯数字写，如 article={1165}（网站会显示为“第一千一百六十五条”）；不引用具体条文时删去 article',
    'write the article number in digits, e.g. article={1165} (shown as 第一千一百六十五条); leave article out to cite the whole law',
  ),
  'legal/term-def': doc(
    '<Term> 有释义和术语',
    '<Term> has a definition and a term',
    '写成 <Term def="释义">术语</Term>，释义会收进文末的“名词解释”',
    'write <Term def="definition">term</Term>; definitions are collected in the glossary',
  ),
  'legal/case-title': doc('<Case> 有标题', '<Case> has a title', '写成 <Case title="案例标题">……</Case>', 'write <Case title="case title">…</Case>'),
  'legal/interprets-missing': doc(
    '政策解读所解读的方案已发布（三同步：政策与解读同步发布、互相链接）',
    'the plan a 政策解读 interprets is published (三同步: policy and interpretation link both ways)',
    '填写 plans/ 目录中方案的文件名（不含 .mdx）；方案未发布前不要发布它的解读',
    'name a plan file in plans/ (without .mdx); publish the plan before its interpretation',
  ),
  'legal/updated-before-published': doc(
    '更新日期不早于发布日期',
    'an article is updated on or after its publication',
    '核对 publishedOn 和 updatedOn',
    'check publishedOn and updatedOn',
  ),
  'legal/answer-out-of-range': doc(
    '每道题的答案是它的一个选项（从 0 数起）',
    'every quiz answer is one of its options (counted from 0)',
    '答案序号从 0 数起：第一个选项是 0（A），第二个是 1（B）……请改为正确选项的序号',
    'answers count from 0: the first option is 0 (A), the second 1 (B) …; write the index of the right option',
  ),
  'legal/topic-clash': doc(
    '写法不同的两个主题不共用一个网址',
    'two spellings of topics do not share one URL',
    '同一主题请用完全相同的写法；如确为不同主题，请换一个说法',
    'write one topic the same way everywhere; if they differ, reword one',
  ),
} as const;

export const legalRules = defineRule({ name: 'legal', codes: CODES, check: checkLegal });
