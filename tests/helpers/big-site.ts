/**
 * Deterministic generator of a large plain-HTML site of Chinese documents, for search benchmarks
 * (e.g. indexing with Pagefind and timing queries). No Astro build is involved.
 *
 * Text comes from real statutes (`../shared/corpus/laws/*.md`) and the seed essay
 * (`../shared/seeds/*.txt`), split into sentences. Each page is a few runs of consecutive
 * sentences picked with a seeded PRNG, so pages read like real Chinese and overlap the way a
 * real site's pages do. A fixed set of domain terms is then sprinkled in at known rates (source
 * sentences containing any of them are dropped first, so their document frequency is exactly what
 * the generator chose), and a set of realistic terms is guaranteed to appear nowhere.
 */
import fs from 'node:fs';
import path from 'node:path';
import { REPO } from './content';
import { mulberry32 } from '../../src/lib/core/prng';

export interface BigSite {
  dir: string;
  pages: number;
  terms: { present: string[]; absent: string[] };
}

export const LAWS_DIR = path.resolve(REPO, '../shared/corpus/laws');
export const SEEDS_DIR = path.resolve(REPO, '../shared/seeds');

const TOWN = '云溪镇';

/** Terms sprinkled into pages: rate is the chance a page carries the term; templates are the sentences used. */
const SPRINKLED: ReadonlyArray<{ term: string; rate: number; templates: readonly string[] }> = [
  {
    term: '村务公开',
    rate: 0.3,
    templates: [
      '各村按季度做好村务公开，财务收支、项目建设和惠民资金发放情况全部上墙。',
      '镇纪委对村务公开栏的更新情况进行了专项检查。',
      '村务公开内容经村务监督委员会审核后张贴，并同步在微信群发布。',
    ],
  },
  {
    term: '纠纷调解',
    rate: 0.4,
    templates: [
      '镇司法所牵头做好纠纷调解工作，当月受理案件均已办结。',
      '纠纷调解坚持自愿平等原则，不收取任何费用。',
      '对邻里、婚姻家庭等常见问题，由网格员先行开展纠纷调解。',
    ],
  },
  {
    term: '矛盾纠纷',
    rate: 0.15,
    templates: ['各村（社区）每月开展一次矛盾纠纷排查，做到早发现、早处置。', '对排查出的矛盾纠纷逐件登记，明确责任人和办结时限。'],
  },
  {
    term: '人民调解',
    rate: 0.2,
    templates: ['村人民调解委员会全年受理案件二十余件，协议履行率较高。', '镇里组织人民调解员参加业务培训，提升依法办事能力。'],
  },
  {
    term: '低保',
    rate: 0.08,
    templates: ['新增低保对象名单在公开栏公示七天，群众如有异议可向民政办反映。', '民政办对低保家庭开展年度复核，动态调整救助范围。'],
  },
  {
    term: '征地补偿',
    rate: 0.01,
    templates: ['征地补偿款已按标准足额发放到户，发放明细在村公开栏公示。'],
  },
  {
    term: '青山村',
    rate: 0.05,
    templates: ['青山村召开村民代表会议，讨论通组道路硬化项目。', '青山村党支部组织党员开展志愿服务。'],
  },
  {
    term: '河口社区',
    rate: 0.05,
    templates: ['河口社区网格员入户走访独居老人，登记服务需求。', '河口社区新建的居民议事厅已投入使用。'],
  },
  {
    term: '柳湾村',
    rate: 0.05,
    templates: ['柳湾村完成了饮水安全巩固提升工程。', '柳湾村组织开展农村人居环境整治活动。'],
  },
];

/** Realistic terms guaranteed absent from every generated file. */
const ABSENT: readonly string[] = [
  '区块链',
  '土地征收补偿',
  '宅基地拍卖',
  '元宇宙',
  '数字人民币',
  '直播带货',
  '光伏扶贫',
  '无人机巡检',
  '碳排放权交易',
  '共享单车',
];

const TYPES = ['方案', '公开', '普法', '数据'] as const;
const TYPE_TITLE: Record<(typeof TYPES)[number], string> = {
  方案: '实施方案',
  公开: '公开公示',
  普法: '普法宣传材料',
  数据: '统计数据说明',
};
const TOPICS = [
  '安全生产检查',
  '环境卫生整治',
  '防汛抗旱',
  '老年人关爱服务',
  '禁毒宣传教育',
  '道路交通安全整治',
  '未成年人保护',
  '法律援助服务',
  '反诈宣传',
  '信访工作',
  '个人信息保护',
  '财务收支',
  '民主议事',
  '网格化管理',
  '平安建设',
  '综合治理',
];
const VILLAGES = new Set(['青山村', '河口社区', '柳湾村']);

const MIN_CHARS = 8;
const MAX_CHARS = 48;
const MIN_TEXT_BYTES = 1100;
const MAX_TEXT_BYTES = 3000;

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

let cachedPool: string[] | undefined;

/** Source sentences in file order, deduplicated, free of every sprinkled and absent term. */
function sentencePool(): string[] {
  if (cachedPool) return cachedPool;
  const files = [
    ...fs
      .readdirSync(LAWS_DIR)
      .filter((f) => f.endsWith('.md') && f !== 'SOURCES.md')
      .sort()
      .map((f) => path.join(LAWS_DIR, f)),
    ...fs
      .readdirSync(SEEDS_DIR)
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((f) => path.join(SEEDS_DIR, f)),
  ];
  const banned = [...SPRINKLED.map((t) => t.term), ...ABSENT, TOWN];
  const seen = new Set<string>();
  const pool: string[] = [];
  for (const file of files) {
    for (const raw of fs.readFileSync(file, 'utf8').split(/\r?\n/)) {
      const line = raw.trim();
      if (!line || line.startsWith('#') || line.startsWith('<!--')) continue;
      const body = line.replace(/^第[一二三四五六七八九十百零〇]+条[\s\u3000]*/, '');
      for (const m of body.match(/[^。！？；]+[。！？；]/g) ?? []) {
        const s = m.replace(/^[\s\u3000]+/, '');
        if (s.length < MIN_CHARS || s.length > MAX_CHARS) continue;
        if (seen.has(s) || banned.some((b) => s.includes(b))) continue;
        seen.add(s);
        pool.push(s);
      }
    }
  }
  if (pool.length < 500) throw new Error(`big-site: only ${pool.length} usable sentences under ${LAWS_DIR}`);
  cachedPool = pool;
  return pool;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (n: number) => String(n).padStart(2, '0');
const utf8 = (s: string) => Buffer.byteLength(s, 'utf8');

function chrome(title: string, main: string): string {
  return (
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${escapeHtml(title)}</title></head><body>` +
    `<header>${TOWN}政务公开 <nav>导航 <a href="/">首页</a> <a href="/search/">搜索</a></nav></header>` +
    main +
    `<footer>${TOWN}人民政府 主办　联系电话：0000-1234567　基准测试站点，内容由法规文本拼接生成</footer>` +
    `</body></html>\n`
  );
}

function refuseToEmpty(dir: string): void {
  const root = path.parse(dir).root;
  const home = process.env.HOME ? path.resolve(process.env.HOME) : undefined;
  const repo = path.resolve(REPO);
  if (dir === root || dir === home || repo === dir || repo.startsWith(dir + path.sep)) {
    throw new Error(`big-site: refusing to empty ${dir}`);
  }
}

/** Writes N pages (default 5000) under dir (emptied first), deterministic for a given seed. */
export function generateBigSite(dir: string, opts: { pages?: number; seed?: number } = {}): BigSite {
  const pages = opts.pages ?? 5000;
  const seed = opts.seed ?? 1;
  if (!Number.isInteger(pages) || pages < 1) throw new Error(`big-site: pages must be a positive integer`);
  const out = path.resolve(dir);
  refuseToEmpty(out);
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(out, { recursive: true });

  const pool = sentencePool();
  const rng = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)] as T;

  // Which pages carry which sprinkled term; every term lands on at least one page.
  const carriers = SPRINKLED.map((t) => {
    const on = new Set<number>();
    for (let i = 1; i <= pages; i++) if (rng() < t.rate) on.add(i);
    if (on.size === 0) on.add(1 + Math.floor(rng() * pages));
    return on;
  });

  const scanAbsent = (file: string, html: string) => {
    const hit = ABSENT.find((term) => html.includes(term));
    if (hit) throw new Error(`big-site: absent term ${hit} appears in ${file}`);
  };

  for (let i = 1; i <= pages; i++) {
    const type = TYPES[(i - 1) % TYPES.length] as (typeof TYPES)[number];
    const year = 2023 + (Math.floor((i - 1) / TYPES.length) % 4);
    const month = 1 + Math.floor(rng() * (year === 2026 ? 10 : 12));
    const day = 1 + Math.floor(rng() * daysInMonth(year, month));
    const date = `${year}-${pad(month)}-${pad(day)}`;

    const terms = SPRINKLED.filter((_, k) => carriers[k]!.has(i));
    const village = terms.find((t) => VILLAGES.has(t.term))?.term;
    const title = `${village ?? TOWN}${year}年${pick(TOPICS)}${TYPE_TITLE[type]}（第${i}号）`;

    // Paragraphs: runs of 2–5 consecutive source sentences, 15–40 sentences, ~1–3 KB of text.
    const injected = terms.map((t) => pick(t.templates));
    const target = 15 + Math.floor(rng() * 26) - injected.length;
    let bytes = utf8(title) + injected.reduce((n, s) => n + utf8(s), 0);
    let count = 0;
    const paras: string[][] = [];
    outer: while ((count < target || bytes < MIN_TEXT_BYTES) && count < 80) {
      const run = 2 + Math.floor(rng() * 4);
      const start = Math.floor(rng() * pool.length);
      const para: string[] = [];
      for (let r = 0; r < run; r++) {
        if (count >= target && bytes >= MIN_TEXT_BYTES) break;
        const s = pool[(start + r) % pool.length]!;
        const b = utf8(s);
        if (bytes + b > MAX_TEXT_BYTES && bytes >= MIN_TEXT_BYTES) {
          if (para.length) paras.push(para);
          break outer;
        }
        para.push(s);
        bytes += b;
        count++;
      }
      if (para.length) paras.push(para);
    }
    for (const s of injected) {
      const para = pick(paras);
      para.splice(Math.floor(rng() * (para.length + 1)), 0, s);
    }

    const main =
      `<main data-pagefind-body><h1>${escapeHtml(title)}</h1>` +
      `<span hidden data-pagefind-filter="类型:${type}"></span>` +
      `<span hidden data-pagefind-filter="年份:${year}"></span>` +
      `<span hidden data-pagefind-meta="date:${date}"></span>` +
      `<span hidden data-pagefind-sort="date:${date}"></span>` +
      `<span hidden data-pagefind-meta="type:${type}"></span>` +
      `<p>发布日期：${year}年${month}月${day}日　来源：${TOWN}人民政府</p>` +
      paras.map((p) => `<p>${escapeHtml(p.join(''))}</p>`).join('') +
      `</main>`;
    const html = chrome(title, main);

    // Self-check: each sprinkled term is on exactly the pages chosen for it.
    for (let k = 0; k < SPRINKLED.length; k++) {
      const term = SPRINKLED[k]!.term;
      if (html.includes(term) !== carriers[k]!.has(i)) {
        throw new Error(`big-site: term ${term} ${carriers[k]!.has(i) ? 'missing from' : 'leaked into'} page ${i}`);
      }
    }
    const file = path.join(out, 'p', String(i), 'index.html');
    scanAbsent(file, html);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, html);
  }

  const index = chrome(
    `${TOWN}政务公开`,
    `<main><h1>${TOWN}政务公开</h1><p>本站共有 ${pages} 篇文档，请使用搜索查找。</p>` + `<p><a href="/search/">进入搜索</a></p></main>`,
  );
  const notFound = chrome('页面未找到', `<main><h1>页面未找到</h1><p>您访问的页面不存在。<a href="/">返回首页</a></p></main>`);
  for (const [name, html] of [
    ['index.html', index],
    ['404.html', notFound],
  ] as const) {
    scanAbsent(name, html);
    fs.writeFileSync(path.join(out, name), html);
  }

  return {
    dir: out,
    pages,
    terms: { present: SPRINKLED.map((t) => t.term), absent: [...ABSENT] },
  };
}
