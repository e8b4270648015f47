/**
 * The 普法 model pages render: audience bands, topics, cited laws, reading time, related
 * articles, quiz answer letters, 政策解读 links both ways and the 国家宪法日 feature — all
 * computed here, once, from validated content and "today"; templates only print them.
 */
import type { LegalFrontmatter, QuizQuestion } from '../schemas/legal';
import { AUDIENCE_BANDS, BAND_NOTES, BAND_SLUGS, bandsOf, type AudienceBand } from '../legal/audience';
import { lawSearchUrl, parseArticle, shortTitle } from '../legal/citations';
import { literal, scanComponents } from '../legal/mdx-scan';
import { articleLabel, isArticleNumber } from '../legal/numerals';
import { readingTime, type ReadingTime } from '../legal/reading-time';
import { relatedIndices } from '../legal/related';
import { daysBetween, yearOf } from '../core/dates';
import { slugify } from '../core/slug';

/** A law cited by <LawCite> in a body. */
export interface BodyCite {
  name: string;
  article?: number;
}

/**
 * What the model needs of an article's body, taken from it where the body is read (the content
 * loader, src/lib/model/from-content.ts): the body itself does not travel through the content
 * store, which Astro bundles into the build.
 */
export interface LegalBodyFacts {
  readingTime: ReadingTime;
  /** <LawCite>s in order of appearance; none in a `.md` body, which cannot hold components. */
  cites: BodyCite[];
}

export function legalBodyFacts(body: string, ext: 'md' | 'mdx'): LegalBodyFacts {
  return { readingTime: readingTime(body), cites: ext === 'mdx' ? bodyCites(body) : [] };
}

function bodyCites(body: string): BodyCite[] {
  const cites: BodyCite[] = [];
  for (const use of scanComponents(body)) {
    if (use.name !== 'LawCite') continue;
    const name = literal(use.attrs.get('name'));
    if (typeof name !== 'string' || !name.trim()) continue;
    cites.push({ name, article: parseArticle(literal(use.attrs.get('article'))) });
  }
  return cites;
}

export interface LegalInput {
  slug: string;
  data: LegalFrontmatter;
  /** Reading time and the laws cited in the body (legalBodyFacts). */
  body: LegalBodyFacts;
  /** Absolute path of the source file (for its revision history). */
  file?: string;
}

export interface PlanRef {
  slug: string;
  title: string;
}

export interface CitedLaw {
  /** Full title, e.g. 中华人民共和国民法典 */
  name: string;
  /** Short title, e.g. 民法典 */
  short: string;
  /** Title search in the national law database (a plain link). */
  url: string;
  /** Article numbers cited, ascending. */
  articles: number[];
  /** The same as 第…条 labels. */
  labels: string[];
}

export interface ArticleLink {
  slug: string;
  title: string;
  summary: string;
  publishedOn: string;
}

export interface TopicRef {
  label: string;
  slug: string;
}

export interface BandRef {
  band: AudienceBand;
  slug: string;
}

export interface QuizView extends QuizQuestion {
  /** 1-based question number. */
  number: number;
  /** A, B, C … for the options. */
  letters: string[];
  answerLetter: string;
  answerText: string;
}

export interface ArticleView extends Omit<LegalFrontmatter, 'laws' | 'quiz'> {
  slug: string;
  file?: string;
  year: string;
  /** Grade/reader bands, in display order (小学 becomes 小学低年级 and 小学高年级). */
  bands: BandRef[];
  topicRefs: TopicRef[];
  /** Laws cited in the frontmatter and by <LawCite> in the body, merged. */
  laws: CitedLaw[];
  quiz: QuizView[];
  hasQuiz: boolean;
  readingTime: ReadingTime;
  /** The plan this 政策解读 interprets. */
  interpretsPlan?: PlanRef;
  /** Articles sharing a topic, most shared topics first. */
  related: ArticleLink[];
}

export type LegalFacetKey = 'audience' | 'topic';

export const LEGAL_FACET_LABELS: Record<LegalFacetKey, string> = { audience: '读者对象', topic: '主题' };

export interface LegalFacetValue {
  key: LegalFacetKey;
  slug: string;
  label: string;
  /** For audience bands: which grades or readers the band means. */
  note?: string;
  articles: ArticleView[];
}

/** 国家宪法日 is 12月4日 (DOMAIN.md); the feature shows from 11月20日 to 12月10日. */
export const CONSTITUTION_DAY = { month: 12, day: 4 } as const;
export const CONSTITUTION_WINDOW = { from: '11-20', to: '12-10' } as const;

export interface ConstitutionDay {
  /** Whether today falls in the window around 12月4日. */
  show: boolean;
  /** This year's 国家宪法日, YYYY-12-04. */
  date: string;
  /** Days from today to that date (0 on the day, negative after it). */
  daysUntil: number;
  /** Articles on the Constitution (topic 宪法, or citing it), newest first. */
  articles: ArticleView[];
}

export interface LegalModel {
  /** Newest first. */
  articles: ArticleView[];
  facets: Record<LegalFacetKey, LegalFacetValue[]>;
  constitutionDay: ConstitutionDay;
  /** 政策解读 articles of a plan (the back-link of `interprets`). */
  interpretationsOf: (planSlug: string) => ArticleLink[];
}

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const CONSTITUTION = '中华人民共和国宪法';
const RELATED_MAX = 4;

/** Whether the 国家宪法日 feature shows on `today`, and how far away the day is. */
export function constitutionDayOn(today: string): Omit<ConstitutionDay, 'articles'> {
  const year = yearOf(today);
  const pad = (n: number) => String(n).padStart(2, '0');
  const date = `${year}-${pad(CONSTITUTION_DAY.month)}-${pad(CONSTITUTION_DAY.day)}`;
  const show = today >= `${year}-${CONSTITUTION_WINDOW.from}` && today <= `${year}-${CONSTITUTION_WINDOW.to}`;
  return { show, date, daysUntil: daysBetween(today, date) };
}

/** The laws an article cites: frontmatter first, then those only cited in the body, articles merged. */
export function citedLaws(data: LegalFrontmatter, cites: readonly BodyCite[]): CitedLaw[] {
  const byName = new Map<string, Set<number>>();
  const add = (name: string, articles: readonly number[]) => {
    const key = name.trim();
    const set = byName.get(key) ?? new Set<number>();
    for (const a of articles) if (isArticleNumber(a)) set.add(a);
    byName.set(key, set);
  };
  for (const law of data.laws) add(law.name, law.articles ?? []);
  for (const cite of cites) add(cite.name, cite.article === undefined ? [] : [cite.article]);
  return [...byName].map(([name, set]) => {
    const articles = [...set].sort((a, b) => a - b);
    return { name, short: shortTitle(name), url: lawSearchUrl(name), articles, labels: articles.map(articleLabel) };
  });
}

function quizView(quiz: readonly QuizQuestion[] | undefined): QuizView[] {
  return (quiz ?? []).map((q, i) => ({
    ...q,
    number: i + 1,
    letters: q.options.map((_, j) => LETTERS[j] ?? String(j + 1)),
    answerLetter: LETTERS[q.answer] ?? String(q.answer + 1),
    answerText: q.options[q.answer] ?? '',
  }));
}

const link = (a: ArticleView): ArticleLink => ({ slug: a.slug, title: a.title, summary: a.summary, publishedOn: a.publishedOn });

export function buildLegalModel(inputs: readonly LegalInput[], plans: readonly PlanRef[], today: string): LegalModel {
  const planBySlug = new Map(plans.map((p) => [p.slug, p]));
  const views = inputs.map(({ slug, data, body, file }): ArticleView => {
    const quiz = quizView(data.quiz);
    return {
      ...data,
      slug,
      file,
      year: yearOf(data.publishedOn),
      bands: bandsOf(data.audience).map((band) => ({ band, slug: BAND_SLUGS[band] })),
      topicRefs: data.topics.map((label) => ({ label, slug: slugify(label) })),
      laws: citedLaws(data, body.cites),
      quiz,
      hasQuiz: quiz.length > 0,
      readingTime: body.readingTime,
      interpretsPlan: data.interprets ? planBySlug.get(data.interprets) : undefined,
      related: [],
    };
  });
  // Newest first; ties broken by slug so the order is stable between builds.
  views.sort((a, b) => b.publishedOn.localeCompare(a.publishedOn) || a.slug.localeCompare(b.slug));

  // Most shared topics first, then newer, then by slug: `views` is already in that order, so
  // its index is the tie-break (near-linear; a filter-and-sort per article took ~48 s at 5,000).
  const links = views.map(link);
  relatedIndices(
    views.map((a) => a.topics),
    RELATED_MAX,
  ).forEach((related, i) => {
    views[i]!.related = related.map((j) => links[j]!);
  });

  const audience: LegalFacetValue[] = AUDIENCE_BANDS.map((band) => ({
    key: 'audience' as const,
    slug: BAND_SLUGS[band],
    label: band,
    note: BAND_NOTES[band],
    articles: views.filter((a) => a.bands.some((b) => b.band === band)),
  })).filter((v) => v.articles.length > 0);

  const topicMap = new Map<string, LegalFacetValue>();
  for (const a of views) {
    for (const t of a.topicRefs) {
      const v = topicMap.get(t.slug) ?? { key: 'topic' as const, slug: t.slug, label: t.label, articles: [] };
      if (!v.articles.includes(a)) v.articles.push(a);
      topicMap.set(t.slug, v);
    }
  }
  const topic = [...topicMap.values()].sort((x, y) => y.articles.length - x.articles.length || x.label.localeCompare(y.label, 'zh-CN'));

  const byPlan = new Map<string, ArticleLink[]>();
  for (const a of views) {
    if (!a.interpretsPlan) continue;
    const list = byPlan.get(a.interpretsPlan.slug) ?? [];
    list.push(link(a));
    byPlan.set(a.interpretsPlan.slug, list);
  }

  return {
    articles: views,
    facets: { audience, topic },
    constitutionDay: {
      ...constitutionDayOn(today),
      articles: views.filter((a) => a.topics.includes('宪法') || a.laws.some((l) => l.name === CONSTITUTION)),
    },
    interpretationsOf: (planSlug) => byPlan.get(planSlug) ?? [],
  };
}
