/**
 * 普法 in a real build of the sample content: the library and its filter views, article pages
 * with their citations, the quiz readable without JavaScript, the policy-interpretation links
 * both ways, and JavaScript only where there is a quiz.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { AUDIENCE_BANDS, BAND_SLUGS } from '../../src/lib/legal/audience';
import { builds } from '../helpers/build';
import { withoutScopeClasses } from '../helpers/scoped';
import { SAMPLE } from '../helpers/content';
import { withoutNoscript } from '../../src/lib/site/page-weight';

const dist = builds.sample;
const read = (p: string) => withoutScopeClasses(fs.readFileSync(path.join(dist, p), 'utf8'));

interface Fm {
  title: string;
  interprets?: string;
  quiz?: Array<{ q: string; options: string[]; answer: number }>;
}
const articles = fs.readdirSync(path.join(SAMPLE, 'legal')).map((f) => {
  const text = fs.readFileSync(path.join(SAMPLE, 'legal', f), 'utf8');
  return { slug: f.replace(/\.mdx?$/, ''), fm: parseYaml(text.split(/^---$/m)[1]!) as Fm };
});

describe('the 普法 library', () => {
  it('has at least 12 articles, most with a quiz, and one 政策解读', () => {
    expect(articles.length).toBeGreaterThanOrEqual(12);
    expect(articles.filter((a) => a.fm.quiz?.length).length).toBeGreaterThan(articles.length / 2);
    expect(articles.some((a) => a.fm.interprets)).toBe(true);
  });

  it('lists every article, and pre-renders a view per audience band, without JavaScript', () => {
    const index = read('legal/index.html');
    for (const a of articles) expect(index, a.slug).toContain(`href="/legal/${a.slug}/"`);
    for (const band of AUDIENCE_BANDS) {
      const page = read(`legal/audience/${BAND_SLUGS[band]}/index.html`);
      expect(page).toContain(`适合${band}`);
      expect(index).toContain(`href="/legal/audience/${BAND_SLUGS[band]}/"`);
    }
  });

  it('loads the quiz script only on articles with a quiz, and nothing else but the shared script', () => {
    for (const a of articles) {
      const html = read(`legal/${a.slug}/index.html`);
      const scripts = [...withoutNoscript(html).matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      // Quiz.astro's own script, bundled by Astro: a module (deferred), never inline (CSP).
      const quiz = expect.stringMatching(/^<script type="module" src="\/_astro\/Quiz[^"]*\.js">$/);
      expect(scripts, a.slug).toEqual(['<script src="/assets/prefs.js">', ...(a.fm.quiz?.length ? [quiz] : [])]);
    }
  });

  it('puts every quiz answer and explanation in the page, inside <details>, and an answer key for print', () => {
    for (const a of articles.filter((x) => x.fm.quiz?.length)) {
      const html = read(`legal/${a.slug}/index.html`);
      const answers = [...html.matchAll(/<details class="quiz__answer">([\s\S]*?)<\/details>/g)].map((m) => m[1]!);
      expect(answers, a.slug).toHaveLength(a.fm.quiz!.length);
      a.fm.quiz!.forEach((q, i) => {
        expect(answers[i], `${a.slug} q${i + 1}`).toContain(`答案：${'ABCDEFGH'[q.answer]}`);
        expect(answers[i]).toContain(q.options[q.answer]!);
      });
      expect(html).toContain('<section class="quiz-key print-only" aria-label="参考答案">');
    }
  });

  it('cites laws in full on first mention and by short title later, in Chinese numerals', () => {
    const html = read('legal/minfadian-qinquan/index.html').replace(/<span class="law-title">([^<]*)<\/span>/g, '$1');
    const first = html.indexOf('《中华人民共和国民法典》第一千一百六十五条');
    expect(first).toBeGreaterThan(0);
    expect(html.indexOf('《民法典》第')).toBeGreaterThan(first);
    expect(html).toContain('https://flk.npc.gov.cn/search?');
  });

  it('links a 政策解读 to its plan, and the plan back to it', () => {
    for (const a of articles.filter((x) => x.fm.interprets)) {
      expect(read(`legal/${a.slug}/index.html`)).toContain(`href="/plans/${a.fm.interprets}/"`);
      expect(read(`plans/${a.fm.interprets}/index.html`)).toContain(`href="/legal/${a.slug}/"`);
    }
  });
});
