/**
 * Seeded, deterministic content roots for build benchmarks.
 *
 *   npx tsx scripts/bench/generate.ts --kind comparison --docs 1000 --out /tmp/x --seed 1 [--hugo-out /tmp/h]
 *   npx tsx scripts/bench/generate.ts --kind town --docs 2000 --out /tmp/t --seed 1
 *   (npm run bench:generate -- …)
 *
 * - `comparison`: the registries of the fixture town (tests/fixtures/towns/linhe: site.json,
 *   units.json, villages.json, geo/) and N plain-Markdown legal-education articles under
 *   legal/ — no plans, disclosures or data — so a build of it can be compared with another
 *   static-site generator building the same articles. With `hugoOut`, the same articles are
 *   also written as a Hugo site (content/posts/<slug>.md, hugo.toml and the minimal layout
 *   kept in scripts/bench/hugo-layout/).
 * - `town`: the whole sample content root (content/) plus generated legal articles until the
 *   root holds N documents (plans + disclosures + datasets + legal articles).
 *
 * Articles: 1,400–3,000 Han characters each, with ## and ### headings, a bulleted and a
 * numbered list and one table (captioned at build time by the heading above it,
 * src/lib/markdown/table-captions.ts). Text is sentences drawn with mulberry32 from the
 * statutes in ../shared/corpus/laws and the seed essays in ../shared/seeds. Each article cites
 * one statute in `laws`, with only article numbers that exist in that statute (its table
 * quotes them). Sentences that could look like a personal identifier are dropped, and every
 * article is run through the site's own personal-data scanner before it is written.
 *
 * Same options ⇒ byte-identical output: no timestamps, sorted listings, one PRNG stream.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { mulberry32 } from '../../src/lib/core/prng';
import { articleLabel } from '../../src/lib/legal/numerals';
import { scanText } from '../../src/lib/privacy';

export interface GenerateOptions {
  kind: 'comparison' | 'town';
  /** comparison: number of articles; town: total documents in the root. */
  docs: number;
  /** Content root to write (emptied first; it must be empty or a previous output). */
  out: string;
  /** PRNG seed, default 1. */
  seed?: number;
  /** Also write the articles as a Hugo site here (emptied first, same rule as `out`). */
  hugoOut?: string;
  /**
   * town: rename the sample town (栖梧镇) to this name, e.g. 青川镇, in every copied file —
   * so several generated towns differ as real ones do (a county portal's demonstration).
   */
  townName?: string;
}

const HERE = path.dirname(fileURLToPath(import.meta.url));
/** The repository root, from this file's own location (scripts/bench/ → ../..). */
export const REPO_ROOT = path.resolve(HERE, '../..');
export const LAWS_DIR = path.resolve(REPO_ROOT, '../shared/corpus/laws');
export const SEEDS_DIR = path.resolve(REPO_ROOT, '../shared/seeds');
export const COMPARISON_BASE = path.join(REPO_ROOT, 'tests/fixtures/towns/linhe');
export const TOWN_BASE = path.join(REPO_ROOT, 'content');
export const HUGO_LAYOUT = path.join(HERE, 'hugo-layout');

/**
 * Why a benchmark work directory cannot be used, or undefined: builds must stay inside the
 * repository, because with OUT_DIR outside it Astro stages the build in the repository's .astro/
 * and deletes that directory afterwards.
 */
export function workDirProblem(out: string): string | undefined {
  if (out !== REPO_ROOT && out.startsWith(REPO_ROOT + path.sep)) return undefined;
  return `--out must be a directory inside the repository (${REPO_ROOT}): with OUT_DIR outside it, Astro stages the build in the repository's .astro/ and deletes it`;
}

/** Writes a benchmark's raw numbers to `<out>/results.json` and its Markdown report to `report`, and prints the report. */
export function writeBenchResults(out: string, report: string, input: unknown, markdown: string): void {
  // The raw numbers, to re-render the report or compare runs without building again.
  fs.writeFileSync(path.join(out, 'results.json'), `${JSON.stringify(input, null, 2)}\n`);
  fs.mkdirSync(path.dirname(report), { recursive: true });
  fs.writeFileSync(report, markdown);
  console.log(markdown);
  console.log(`✓ report written to ${path.relative(process.cwd(), report) || report}`);
}

/** Registries copied from the fixture town into a comparison root. */
const COMPARISON_REGISTRIES = ['site.json', 'units.json', 'villages.json', 'geo'] as const;

/** Body length bounds in Han characters (the generator aims inside [MIN_TARGET, MAX_TARGET]). */
export const MIN_HAN = 1400;
export const MAX_HAN = 3000;
const MIN_TARGET = 1600;
const MAX_TARGET = 2800;

/** Latest publication date (the benchmark's SITE_TODAY) and earliest. */
const LAST_DATE = Date.UTC(2026, 10, 20);
const FIRST_DATE = Date.UTC(2023, 0, 1);
const DAY = 86_400_000;

const MIN_SENTENCE = 8;
const MAX_SENTENCE = 48;

const HAN_RE = /\p{Script=Han}/gu;
/** Han characters in a text. */
export function hanCount(text: string): number {
  return text.match(HAN_RE)?.length ?? 0;
}

// ---------------------------------------------------------------------------------------
// Source sentences

interface Statute {
  /** Full title from the file's `# ` heading, e.g. 中华人民共和国人民调解法. */
  title: string;
  /** The short title shown in text: 人民调解法 (no 中华人民共和国). */
  short: string;
  /** Sentences of each article, by article number, in file order. */
  articles: Map<number, string[]>;
  /** Every sentence of the statute, in file order. */
  sentences: string[];
}

interface Pool {
  statutes: Statute[];
  /** Every usable sentence (statutes, then seeds), deduplicated, in file order. */
  all: string[];
}

const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** 一百零三 → 103. */
function chineseNumber(s: string): number {
  let total = 0;
  let digit = 0;
  for (const ch of s) {
    if (ch in DIGITS) digit = DIGITS[ch]!;
    else if (ch in UNITS) {
      total += (digit || 1) * UNITS[ch]!;
      digit = 0;
    } else return NaN;
  }
  return total + digit;
}

/**
 * A sentence safe to drop into Markdown anywhere (paragraph, list item, table cell) and free of
 * anything number-like a personal-data scanner could take for an identifier.
 */
function usable(s: string): boolean {
  if (s.length < MIN_SENTENCE || s.length > MAX_SENTENCE) return false;
  if (hanCount(s) < s.length / 2) return false;
  // Whole sentences only: no enumerated items (（一）…；) or clause fragments.
  if (!/[。！？]$/.test(s) || /^[（(][一二三四五六七八九十]+[）)]/.test(s)) return false;
  // Markdown / MDX / HTML syntax, and characters that would need escaping in a table cell.
  if (/[<>{}[\]|*_`#\\&~$^=+@]/.test(s)) return false;
  // Would start a list or a block quote when it begins a line.
  if (/^(?:[-+>]|\d+[.)、])/.test(s)) return false;
  // Long digit runs (with or without separators): never emit anything phone/ID/card-like.
  if (/[0-9０-９](?:[\s\u3000\-－—.,，]*[0-9０-９]){5,}/.test(s)) return false;
  return scanText(s).length === 0;
}

/** Sentences of one line of text, each ending in 。！？ or ；. */
function sentencesOf(line: string): string[] {
  return (line.match(/[^。！？；]+[。！？；]/g) ?? []).map((m) => m.replace(/^[\s\u3000]+/, '').trim());
}

function sortedFiles(dir: string, ext: string, except: readonly string[] = []): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(ext) && !except.includes(f))
    .sort()
    .map((f) => path.join(dir, f));
}

const ARTICLE_LINE = /^第([零〇一二两三四五六七八九十百千]+)条[\s\u3000]+(.*)$/;

let cachedPool: Pool | undefined;

function loadPool(): Pool {
  if (cachedPool) return cachedPool;
  const seen = new Set<string>();
  const all: string[] = [];
  const statutes: Statute[] = [];
  for (const file of sortedFiles(LAWS_DIR, '.md', ['SOURCES.md'])) {
    const lines = fs.readFileSync(file, 'utf8').split(/\r?\n/);
    const title = (lines.find((l) => l.startsWith('# ')) ?? '').slice(2).trim();
    if (!title) continue;
    const statute: Statute = { title, short: title.replace(/^中华人民共和国/, ''), articles: new Map(), sentences: [] };
    let current: number | undefined;
    for (const raw of lines) {
      const line = raw.trim();
      if (line.startsWith('#')) {
        current = undefined;
        continue;
      }
      if (!line || line.startsWith('<!--')) continue;
      const m = ARTICLE_LINE.exec(line);
      let text = line;
      if (m) {
        current = chineseNumber(m[1]!);
        text = m[2]!;
      }
      if (current === undefined || !Number.isInteger(current) || current < 1) continue;
      for (const s of sentencesOf(text)) {
        if (!usable(s)) continue;
        const list = statute.articles.get(current) ?? [];
        statute.articles.set(current, [...list, s]);
        statute.sentences.push(s);
        if (!seen.has(s)) {
          seen.add(s);
          all.push(s);
        }
      }
    }
    if (statute.articles.size >= 8 && statute.sentences.length >= 40) statutes.push(statute);
  }
  for (const file of sortedFiles(SEEDS_DIR, '.txt')) {
    for (const raw of fs.readFileSync(file, 'utf8').split(/\r?\n/)) {
      const line = raw.trim();
      if (!line || line.startsWith('#') || line.startsWith('<!--')) continue;
      for (const s of sentencesOf(line)) {
        if (!usable(s) || seen.has(s)) continue;
        seen.add(s);
        all.push(s);
      }
    }
  }
  if (statutes.length === 0 || all.length < 500) {
    throw new Error(`bench: too little source text (${statutes.length} statutes, ${all.length} sentences) under ${LAWS_DIR} and ${SEEDS_DIR}`);
  }
  cachedPool = { statutes, all };
  return cachedPool;
}

// ---------------------------------------------------------------------------------------
// Article metadata

/**
 * Topic and readers for each statute. Topics are spelled as the sample articles spell them
 * (docs/普法写作指南.md § 2.2), so a town root gains no clashing spelling.
 */
const STATUTE_META: Record<string, { topic: string; audience: readonly string[] }> = {
  中华人民共和国个人信息保护法: { topic: '个人信息保护', audience: ['居民', '高中'] },
  中华人民共和国人民调解法: { topic: '人民调解', audience: ['居民'] },
  信访工作条例: { topic: '信访', audience: ['居民'] },
  中华人民共和国反电信网络诈骗法: { topic: '反诈', audience: ['居民', '老年人'] },
  中华人民共和国城市居民委员会组织法: { topic: '基层群众自治', audience: ['居民'] },
  中华人民共和国未成年人保护法: { topic: '未成年人保护', audience: ['小学', '初中'] },
  中华人民共和国村民委员会组织法: { topic: '基层群众自治', audience: ['居民'] },
  中华人民共和国法律援助法: { topic: '法律援助', audience: ['居民'] },
  中华人民共和国禁毒法: { topic: '禁毒', audience: ['初中', '高中'] },
  中华人民共和国老年人权益保障法: { topic: '老年人权益', audience: ['老年人', '居民'] },
  中华人民共和国道路交通安全法: { topic: '道路交通安全', audience: ['小学高年级', '居民'] },
  中华人民共和国预防未成年人犯罪法: { topic: '预防未成年人犯罪', audience: ['初中', '高中'] },
};
const EXTRA_AUDIENCE = ['小学低年级', '小学高年级', '初中', '高中', '居民', '老年人'] as const;

const TITLE_FORMS = [
  (law: string, n: string) => `学法用法：读懂《${law}》（第${n}期）`,
  (law: string, n: string) => `《${law}》里的身边事（第${n}期）`,
  (law: string, n: string) => `普法小课堂：${law}要点（第${n}期）`,
  (law: string, n: string) => `一起来学《${law}》（第${n}期）`,
] as const;

const SECTION_HEADINGS = ['法律是怎么规定的', '为什么要这样规定', '生活中常见的问题', '遇到问题怎么办', '基层工作中的做法', '需要特别注意的地方'] as const;
const SUB_HEADINGS = ['条文原意', '适用范围', '各方责任', '办理程序', '常见误区', '实际做法', '相关要求', '工作提示'] as const;
const CN_ORDINAL = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'] as const;

const pad2 = (n: number) => String(n).padStart(2, '0');
function isoDay(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

/** A YAML flow/plain scalar for text that needs no quoting, else a JSON (double-quoted YAML) string. */
function yamlString(s: string): string {
  return /^[\p{Script=Han}\p{Script=Latin}0-9（）《》，、：；。“”·—]+$/u.test(s) && !/^[0-9]/.test(s) ? s : JSON.stringify(s);
}

export interface Article {
  slug: string;
  title: string;
  publishedOn: string;
  /** Frontmatter for our site (YAML, without the `---` lines). */
  frontmatter: string;
  /** Markdown body, ending in a newline. */
  body: string;
}

class Writer {
  constructor(readonly rng: () => number) {}
  int(min: number, max: number): number {
    return min + Math.floor(this.rng() * (max - min + 1));
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.rng() * xs.length)] as T;
  }
  /** `count` distinct items of xs, in xs order. */
  sample<T>(xs: readonly T[], count: number): T[] {
    const idx = xs.map((_, i) => i);
    for (let i = idx.length - 1; i > 0; i--) {
      const j = Math.floor(this.rng() * (i + 1));
      [idx[i], idx[j]] = [idx[j]!, idx[i]!];
    }
    return idx
      .slice(0, Math.min(count, xs.length))
      .sort((a, b) => a - b)
      .map((i) => xs[i]!);
  }
}

/** A run of consecutive sentences from `source`, starting at a random place. */
function run(w: Writer, source: readonly string[], length: number): string[] {
  const start = w.int(0, source.length - 1);
  return Array.from({ length }, (_, k) => source[(start + k) % source.length]!);
}

function makeArticle(w: Writer, pool: Pool, index: number, issuer: string): Article {
  const slug = `bench-${String(index).padStart(5, '0')}`;
  const statute = w.pick(pool.statutes);
  const meta = STATUTE_META[statute.title] ?? { topic: '法治宣传', audience: ['居民'] };
  const audience = [...new Set([...meta.audience, ...(w.rng() < 0.3 ? [w.pick(EXTRA_AUDIENCE)] : [])])];
  const n = String(index);
  const title = w.pick(TITLE_FORMS)(statute.short, n);
  const publishedOn = isoDay(FIRST_DATE + w.int(0, (LAST_DATE - FIRST_DATE) / DAY) * DAY);
  const summary = `本文摘编《${statute.title}》的有关条文，结合基层实际讲解${meta.topic}方面的法律知识。`;

  // Law sentences for most text, any source (other statutes, seed essays) for the rest.
  const sentence = () => (w.rng() < 0.6 ? w.pick(statute.sentences) : w.pick(pool.all));
  const paragraph = (min: number, max: number) => run(w, w.rng() < 0.6 ? statute.sentences : pool.all, w.int(min, max)).join('');

  // The table quotes real articles of the cited statute; `laws` lists exactly those.
  const numbers = w.sample([...statute.articles.keys()], w.int(3, 5));
  const tableRows = numbers.map((a) => `| 《${statute.short}》 | ${articleLabel(a)} | ${statute.articles.get(a)![0]!} |`);

  const intro = paragraph(2, 4);
  // Section one: subsections with paragraphs (filled up to the target length below).
  const sections = w.sample(SECTION_HEADINGS, 3);
  const subs = w.sample(SUB_HEADINGS, 3);
  const fill: string[][] = subs.map(() => [paragraph(2, 4)]);
  const bullets = Array.from({ length: w.int(4, 6) }, sentence);
  const steps = Array.from({ length: w.int(3, 5) }, sentence);
  const paragraph2 = paragraph(2, 4);
  const closing = paragraph(2, 3);

  const render = () => {
    const out: string[] = [intro];
    out.push(`## 一、${sections[0]}`);
    subs.forEach((s, i) => {
      out.push(`### （${CN_ORDINAL[i]}）${s}`);
      out.push(...fill[i]!);
    });
    out.push(`## 二、${sections[1]}`, paragraph2, bullets.map((b) => `- ${b}`).join('\n'));
    out.push(`## 三、条文速览`, ['| 法律 | 条文 | 要点 |', '| --- | --- | --- |', ...tableRows].join('\n'));
    out.push(`## 四、${sections[2]}`, steps.map((s, i) => `${i + 1}. ${s}`).join('\n'));
    out.push('## 结语', closing);
    return `${out.join('\n\n')}\n`;
  };

  // Grow the subsections, one sentence at a time, until the body reaches the target length.
  const target = w.int(MIN_TARGET, MAX_TARGET);
  let han = hanCount(render());
  while (han < target) {
    const i = w.int(0, fill.length - 1);
    const paras = fill[i]!;
    const s = sentence();
    if (w.rng() < 0.2 || paras.length === 0) paras.push(s);
    else paras[paras.length - 1] += s;
    han += hanCount(s);
  }
  const body = render();

  const frontmatter = [
    `title: ${yamlString(title)}`,
    `summary: ${yamlString(summary)}`,
    `audience: [${audience.join(', ')}]`,
    `topics: [${meta.topic}]`,
    'laws:',
    `  - { name: ${statute.title}, articles: [${numbers.join(', ')}] }`,
    `publishedOn: ${publishedOn}`,
    `issuer: ${yamlString(issuer)}`,
  ].join('\n');

  const found = scanText(`${frontmatter}\n${body}`);
  if (found.length > 0) throw new Error(`bench: ${slug} would fail the personal-data check (${found.map((f) => f.kind).join(', ')})`);
  const count = hanCount(body);
  if (count < MIN_HAN || count > MAX_HAN) throw new Error(`bench: ${slug} has ${count} Han characters, outside ${MIN_HAN}–${MAX_HAN}`);
  return { slug, title, publishedOn, frontmatter, body };
}

// ---------------------------------------------------------------------------------------
// Output

let written = { files: 0, bytes: 0 };

function writeFile(file: string, text: string | Buffer): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  written.files++;
  written.bytes += typeof text === 'string' ? Buffer.byteLength(text) : text.length;
}

/** Copies a file or directory tree, in sorted order, counting what it writes. */
function copyTree(src: string, dest: string): void {
  if (fs.statSync(src).isDirectory()) {
    for (const name of fs.readdirSync(src).sort()) copyTree(path.join(src, name), path.join(dest, name));
  } else {
    writeFile(dest, fs.readFileSync(src));
  }
}

const within = (child: string, parent: string) => child === parent || child.startsWith(parent + path.sep);

/**
 * Empties `dir` for new output. Refuses the file-system root, the home directory, the repository
 * (or anything holding it), its source trees, and any non-empty directory that does not look like
 * a previous output of this generator (`marker` absent).
 */
function prepareDir(dir: string, marker: string): void {
  const abs = path.resolve(dir);
  const forbidden = ['content', 'src', 'tests', 'scripts', 'docs', 'public', 'deploy', 'examples'].map((d) => path.join(REPO_ROOT, d));
  if (abs === path.parse(abs).root || abs === path.resolve(os.homedir()) || within(REPO_ROOT, abs) || forbidden.some((f) => within(abs, f))) {
    throw new Error(`bench: refusing to write into ${abs}`);
  }
  if (fs.existsSync(abs)) {
    if (!fs.statSync(abs).isDirectory()) throw new Error(`bench: ${abs} is not a directory`);
    const entries = fs.readdirSync(abs);
    if (entries.length > 0 && !entries.includes(marker)) {
      throw new Error(`bench: ${abs} is not empty and has no ${marker}; refusing to empty it`);
    }
    fs.rmSync(abs, { recursive: true, force: true });
  }
  fs.mkdirSync(abs, { recursive: true });
}

/** Text files whose words name the town. */
const TEXT_FILE = /\.(?:json|mdx?|ya?ml|csv|txt)$/;

/** Replaces the sample town's name stem (栖梧 of 栖梧镇) with the new one's in every text file. */
function renameTown(root: string, townName: string): void {
  const sample = (JSON.parse(fs.readFileSync(path.join(root, 'site.json'), 'utf8')) as { regionName: string }).regionName;
  const stem = (name: string) => name.replace(/(?:镇|乡|街道)$/, '');
  if (!/^\p{Script=Han}{2,8}(?:镇|乡|街道)$/u.test(townName))
    throw new Error(`bench: townName must be a Chinese town name ending in 镇, 乡 or 街道, not ${townName}`);
  for (const rel of (fs.readdirSync(root, { recursive: true }) as string[]).sort()) {
    const file = path.join(root, rel);
    if (!TEXT_FILE.test(rel) || !fs.statSync(file).isFile()) continue;
    const text = fs.readFileSync(file, 'utf8');
    const renamed = text.split(stem(sample)).join(stem(townName));
    if (renamed === text) continue;
    fs.writeFileSync(file, renamed);
    written.bytes += Buffer.byteLength(renamed) - Buffer.byteLength(text);
  }
}

/** Documents in a content root: plans, disclosures, datasets and legal articles. */
export function countDocuments(root: string): number {
  const count = (dir: string, re: RegExp): number => {
    if (!fs.existsSync(dir)) return 0;
    return (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => re.test(f) && fs.statSync(path.join(dir, f)).isFile()).length;
  };
  return (
    count(path.join(root, 'plans'), /\.mdx?$/) +
    count(path.join(root, 'disclosures'), /\.(?:mdx?|json)$/) +
    count(path.join(root, 'data'), /\.json$/) +
    count(path.join(root, 'legal'), /\.mdx?$/)
  );
}

function hugoToml(title: string): string {
  return [
    "baseURL = 'https://bench.example.cn/'",
    "languageCode = 'zh-cn'",
    `title = ${JSON.stringify(title)}`,
    'hasCJKLanguage = true',
    // Only the pages our site also builds from these articles: home, section list, articles.
    "disableKinds = ['taxonomy', 'term', 'rss', 'sitemap']",
    '',
  ].join('\n');
}

function hugoPost(a: Article): string {
  return `---\ntitle: ${JSON.stringify(a.title)}\ndate: ${a.publishedOn}\n---\n\n${a.body}`;
}

/** Writes the benchmark content root (and, with hugoOut, the Hugo site). Deterministic per seed. */
export function generateCorpus(opts: GenerateOptions): { files: number; bytes: number } {
  const { kind, docs } = opts;
  const seed = opts.seed ?? 1;
  if (kind !== 'comparison' && kind !== 'town') throw new Error(`bench: kind must be comparison or town, not ${String(kind)}`);
  if (!Number.isInteger(docs) || docs < 0) throw new Error(`bench: docs must be a whole number ≥ 0, not ${docs}`);
  if (!Number.isInteger(seed)) throw new Error(`bench: seed must be a whole number, not ${seed}`);
  const out = path.resolve(opts.out);
  const hugoOut = opts.hugoOut === undefined ? undefined : path.resolve(opts.hugoOut);
  if (hugoOut && (within(hugoOut, out) || within(out, hugoOut))) throw new Error('bench: out and hugoOut must not contain each other');

  written = { files: 0, bytes: 0 };
  prepareDir(out, 'site.json');
  let articles: number;
  if (kind === 'comparison') {
    for (const name of COMPARISON_REGISTRIES) copyTree(path.join(COMPARISON_BASE, name), path.join(out, name));
    articles = docs;
  } else {
    const base = countDocuments(TOWN_BASE);
    if (docs < base) throw new Error(`bench: the sample town already has ${base} documents; ask for at least that many (got ${docs})`);
    copyTree(TOWN_BASE, out);
    if (opts.townName) renameTown(out, opts.townName);
    articles = docs - base;
  }

  const site = JSON.parse(fs.readFileSync(path.join(out, 'site.json'), 'utf8')) as { regionName?: string; name?: string };
  const region = site.regionName ?? '';
  const issuer = `${region || '本镇'}司法所`;
  const pool = loadPool();
  const w = new Writer(mulberry32(seed));
  const list: Article[] = [];
  for (let i = 1; i <= articles; i++) {
    const a = makeArticle(w, pool, i, issuer);
    const file = path.join(out, 'legal', `${a.slug}.md`);
    if (fs.existsSync(file)) throw new Error(`bench: ${file} already exists in the base content`);
    writeFile(file, `---\n${a.frontmatter}\n---\n\n${a.body}`);
    list.push(a);
  }

  if (hugoOut) {
    prepareDir(hugoOut, 'hugo.toml');
    writeFile(path.join(hugoOut, 'hugo.toml'), hugoToml(`${region}普法文章（基准测试）`));
    copyTree(path.join(HUGO_LAYOUT, 'layouts'), path.join(hugoOut, 'layouts'));
    for (const a of list) writeFile(path.join(hugoOut, 'content', 'posts', `${a.slug}.md`), hugoPost(a));
  }
  return { ...written };
}

// ---------------------------------------------------------------------------------------
// CLI

function main(): void {
  const { values } = parseArgs({
    options: {
      kind: { type: 'string' },
      docs: { type: 'string' },
      out: { type: 'string' },
      seed: { type: 'string' },
      'hugo-out': { type: 'string' },
      'town-name': { type: 'string' },
    },
  });
  const usage = 'usage: tsx scripts/bench/generate.ts --kind comparison|town --docs N --out DIR [--seed S] [--hugo-out DIR] [--town-name 青川镇]';
  if ((values.kind !== 'comparison' && values.kind !== 'town') || !values.docs || !values.out) {
    console.error(usage);
    process.exit(2);
  }
  const docs = Number(values.docs);
  const seed = values.seed === undefined ? 1 : Number(values.seed);
  const started = performance.now();
  const result = generateCorpus({ kind: values.kind, docs, out: values.out, seed, hugoOut: values['hugo-out'], townName: values['town-name'] });
  const ms = Math.round(performance.now() - started);
  console.log(
    `✓ ${values.kind}: ${result.files} files, ${result.bytes} bytes in ${path.resolve(values.out)}${values['hugo-out'] ? ` (+ Hugo site in ${path.resolve(values['hugo-out'])})` : ''}, ${ms} ms`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  try {
    main();
  } catch (err) {
    console.error(`✗ ${(err as Error).message}`);
    process.exit(1);
  }
}
