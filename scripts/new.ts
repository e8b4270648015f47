/**
 * npm run new -- plan|legal|disclosure|data [--title 标题] [--village 代码] [--period 期间]
 *                 [--kind finance|affairs|party|notice] [--category 分类] [--doc-number 字号] [--id 数据集id]
 * Writes a valid starting file with today's date, the next free 索引号 and a pinyin slug.
 * Missing answers are asked for when run in a terminal.
 */
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { resolveContentRoot, displayPath } from '../src/lib/content/root';
import { resolveToday, yearOf } from '../src/lib/core/dates';
import { parsePeriod, previousMonth } from '../src/lib/core/periods';
import { datasetFile, disclosureFile, legalFile, nextIndexNumber, noticeFile, planFile, uniqueSlug } from '../src/lib/content/scaffold';
import { siteSchema, villagesSchema } from '../src/lib/schemas';
import { buildEnvironment } from '../src/lib/env/environment';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    title: { type: 'string' },
    village: { type: 'string' },
    period: { type: 'string' },
    kind: { type: 'string' },
    category: { type: 'string' },
    'doc-number': { type: 'string' },
    id: { type: 'string' },
  },
});

function fail(zh: string, en: string): never {
  console.error(`✗ ${zh}\n  (${en})`);
  process.exit(1);
}

const root = resolveContentRoot();
const today = resolveToday(buildEnvironment().siteToday);
const what = positionals[0];
if (!['plan', 'legal', 'disclosure', 'data'].includes(what ?? '')) {
  fail('用法：npm run new -- plan|legal|disclosure|data [--title 标题] …', 'usage: npm run new -- plan|legal|disclosure|data [--title …]');
}
const site = siteSchema.parse(JSON.parse(fs.readFileSync(path.join(root, 'site.json'), 'utf8')));

const rl = process.stdin.isTTY ? readline.createInterface({ input: process.stdin, output: process.stdout }) : undefined;
async function need(key: keyof typeof values, question: string, fallback?: string): Promise<string> {
  const given = values[key];
  if (typeof given === 'string' && given.trim()) return given.trim();
  if (fallback !== undefined) return fallback;
  if (!rl) fail(`缺少 --${key}（${question}）`, `missing --${key}`);
  const answer = (await rl.question(`${question}：`)).trim();
  if (!answer) fail(`${question}不能为空`, `${key} must not be empty`);
  return answer;
}

function write(file: string, text: string): void {
  if (fs.existsSync(file)) fail(`文件已存在：${displayPath(file)}`, `file exists: ${displayPath(file)}`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  console.log(`✓ 已创建 ${displayPath(file)}，请填写内容后运行 npm run check。(created; fill it in, then run npm run check)`);
}

function frontmatterOf(file: string): Record<string, unknown> {
  const m = /^---\n([\s\S]*?)\n---/.exec(fs.readFileSync(file, 'utf8'));
  try {
    return (m ? parseYaml(m[1]!) : {}) as Record<string, unknown>;
  } catch {
    return {};
  }
}

function mdFiles(dir: string): string[] {
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => /\.mdx?$/.test(f)) : [];
}

if (what === 'plan' || what === 'legal') {
  const dir = path.join(root, what === 'plan' ? 'plans' : 'legal');
  const title = await need('title', what === 'plan' ? '方案名称' : '文章标题');
  const taken = new Set(mdFiles(dir).map((f) => f.replace(/\.mdx?$/, '')));
  const slug = uniqueSlug(title, taken, what === 'plan' ? `-${yearOf(today)}` : '', [site.regionName]);
  if (what === 'plan') {
    // 索引号 is unique across the whole site: look at every document that carries one.
    const used = mdFiles(dir).map((f) => String(frontmatterOf(path.join(dir, f)).indexNumber ?? ''));
    write(
      path.join(dir, `${slug}.mdx`),
      planFile({
        title,
        indexNumber: nextIndexNumber(used, site.issuerCode, yearOf(today)),
        issuer: site.issuer,
        category: await need('category', '主题分类', '社会治理'),
        docNumber: values['doc-number'],
        today,
      }),
    );
  } else {
    write(path.join(dir, `${slug}.mdx`), legalFile({ title, issuer: site.issuer, today }));
  }
} else if (what === 'disclosure') {
  const villages = villagesSchema.parse(JSON.parse(fs.readFileSync(path.join(root, 'villages.json'), 'utf8')));
  const code = await need('village', `村（社区）代码（${villages.map((v) => `${v.code} ${v.name}`).join('；')}）`);
  const village = villages.find((v) => v.code === code) ?? fail(`村（社区）代码 ${code} 不在 villages.json 中`, `unknown village ${code}`);
  const kind = await need('kind', '类型 finance（财务）/ affairs（村务）/ party（党务）/ notice（公告）');
  if (!['finance', 'affairs', 'party', 'notice'].includes(kind)) fail(`类型“${kind}”无效`, `unknown kind ${kind}`);
  const defaultPeriod = kind === 'finance' ? previousMonth(today.slice(0, 7)) : undefined;
  const period = await need('period', '期间（如 2026-10 或 2026-Q3）', defaultPeriod);
  if (!parsePeriod(period)) fail(`期间“${period}”格式不正确，应为 YYYY-MM 或 YYYY-Qn`, `bad period ${period}`);
  const dir = path.join(root, 'disclosures', code);
  if (kind === 'notice') {
    const title = await need('title', '公告标题');
    const taken = new Set((fs.existsSync(dir) ? fs.readdirSync(dir) : []).map((f) => f.replace(/^.*-notice-|\.mdx?$/g, '')));
    const slug = uniqueSlug(title, taken, '', [village.name, site.regionName]);
    const until = new Date(Date.parse(`${today}T00:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10);
    write(path.join(dir, `${period}-notice-${slug}.mdx`), noticeFile({ village: code, villageName: village.name, period, title, today, noticeUntil: until }));
  } else {
    const k = kind as 'finance' | 'affairs' | 'party';
    const label = { finance: '财务收支公开', affairs: '村务公开', party: '党务公开' }[k];
    const title = await need(
      'title',
      '标题',
      `${village.name}${period.replace(/^(\d{4})-(\d{2})$/, (_, y, m) => `${y}年${Number(m)}月`).replace(/^(\d{4})-Q(\d)$/, '$1年第$2季度')}${label}`,
    );
    // The new month opens with last month's closing balance (continuity is checked).
    let openingBalance: string | undefined;
    const prev = k === 'finance' ? path.join(dir, `${previousMonth(period)}-finance.json`) : '';
    if (prev && fs.existsSync(prev)) openingBalance = (JSON.parse(fs.readFileSync(prev, 'utf8')) as { closingBalance?: string }).closingBalance;
    write(path.join(dir, `${period}-${k}.json`), disclosureFile({ village: code, villageName: village.name, period, kind: k, title, today, openingBalance }));
  }
} else {
  const title = await need('title', '数据集名称');
  const dir = path.join(root, 'data');
  const taken = new Set(fs.existsSync(dir) ? fs.readdirSync(dir).map((f) => f.replace(/\.json$/, '')) : []);
  const id = values.id ?? uniqueSlug(title, taken);
  write(path.join(dir, `${id}.json`), datasetFile({ id, title, issuer: site.issuer, today, threshold: site.privacy.suppressionThreshold }));
}
rl?.close();
