/**
 * What `npm run new` writes: valid starting files for each content kind, with today's date,
 * the next free 索引号 and a pinyin slug. Pure: the CLI (scripts/new.ts) does the I/O.
 */
import { stringify } from 'yaml';
import { slugify } from '../core/slug';

/**
 * Next free 索引号 of the common form `<issuer USCC>/<year>-<5-digit sequence>` (DOMAIN.md):
 * one more than the highest sequence used for that issuer and year.
 */
export function nextIndexNumber(existing: Iterable<string>, issuerCode: string, year: string): string {
  const prefix = `${issuerCode}/${year}-`;
  let max = 0;
  for (const n of existing) {
    if (n.startsWith(prefix)) max = Math.max(max, Number(n.slice(prefix.length)) || 0);
  }
  return `${prefix}${String(max + 1).padStart(5, '0')}`;
}

/** Words every title has that say nothing in a URL. */
const GENERIC = /(?:的)?(?:实施方案|工作方案|方案|公示|公告|公开)$/;

/**
 * A short slug from the title, made unique against the ones taken (`-2`, `-3` …): the place
 * name and generic endings are dropped (麟禾镇矛盾纠纷多元化解工作方案 → maodunjiufenduoyuanhuajie),
 * and it is cut to whole syllables within 32 letters.
 */
export function uniqueSlug(title: string, taken: ReadonlySet<string>, suffix = '', drop: readonly string[] = []): string {
  let core = title;
  for (const word of drop) if (word) core = core.split(word).join('');
  core = core.replace(/^关于/, '');
  while (GENERIC.test(core) && core.replace(GENERIC, '')) core = core.replace(GENERIC, '');
  let base = '';
  for (const part of slugify(core).split('-')) {
    if (base && (base + part).length > 32) break;
    base += base && /\d$/.test(base) !== /^\d/.test(part) ? `-${part}` : part;
  }
  base = (base.slice(0, 32) || 'x') + suffix;
  let slug = base;
  for (let i = 2; taken.has(slug); i++) slug = `${base}-${i}`;
  return slug;
}

function frontmatter(data: Record<string, unknown>, body: string): string {
  return `---\n${stringify(data, { lineWidth: 0 })}---\n\n${body}`;
}

export interface PlanDraft {
  title: string;
  indexNumber: string;
  issuer: string;
  category: string;
  today: string;
  docNumber?: string;
}

export function planFile(d: PlanDraft): string {
  return frontmatter(
    {
      title: d.title,
      indexNumber: d.indexNumber,
      ...(d.docNumber ? { docNumber: d.docNumber } : {}),
      issuer: d.issuer,
      category: d.category,
      writtenOn: d.today,
      publishedOn: d.today,
      validity: '有效',
      goals: [],
      tasks: [],
      phases: [],
    },
    [
      // An MDX comment: `<!-- -->` is not MDX (mdx/syntax), and {/* */} runs nothing (body-rules.ts).
      '{/* 任务写在上面的 tasks 中，例如：',
      '  - id: T1',
      '    title: 任务名称',
      '    lead: [单位编号]        # 见 units.json',
      '    due: YYYY-MM-DD',
      '    status: 未开始',
      '    progress: 0',
      '*/}',
      '',
      '## 一、指导思想',
      '',
      '（在此填写）',
      '',
      '## 二、工作目标',
      '',
      '## 三、主要任务',
      '',
      '## 四、实施步骤',
      '',
      '## 五、保障措施',
      '',
    ].join('\n'),
  );
}

export interface DisclosureDraft {
  village: string;
  villageName: string;
  period: string;
  kind: 'finance' | 'affairs' | 'party';
  title: string;
  today: string;
  /** Finance: last month's closing balance, the new opening balance. */
  openingBalance?: string;
}

export function disclosureFile(d: DisclosureDraft): string {
  const common = {
    village: d.village,
    period: d.period,
    category: ({ finance: '财务', affairs: '村务', party: '党务' } as const)[d.kind],
    title: d.title,
    publishedOn: d.today,
    reviewedBy: `${d.villageName}村务监督委员会`,
  };
  const body =
    d.kind === 'finance'
      ? { ...common, openingBalance: d.openingBalance ?? '0.00', income: [], expense: [], closingBalance: d.openingBalance ?? '0.00' }
      : {
          ...common,
          columns: [
            { key: 'name', label: '姓名', type: 'personName' },
            { key: 'note', label: '备注', type: 'text' },
          ],
          rows: [],
        };
  return JSON.stringify(body, null, 2) + '\n';
}

export function noticeFile(d: Omit<DisclosureDraft, 'kind' | 'openingBalance'> & { noticeUntil: string }): string {
  return frontmatter(
    {
      village: d.village,
      period: d.period,
      category: '村务',
      title: d.title,
      publishedOn: d.today,
      noticeUntil: d.noticeUntil,
      reviewedBy: `${d.villageName}村务监督委员会`,
      noticeType: '公示',
      contact: `${d.villageName}村（居）民委员会办公室`,
    },
    '（在此填写公告正文。）\n',
  );
}

export function legalFile(d: { title: string; issuer: string; today: string }): string {
  return frontmatter(
    { title: d.title, summary: '（一句话简介）', audience: ['居民'], topics: [], laws: [], publishedOn: d.today, issuer: d.issuer },
    '## 案例\n\n（以案释法：在此写案例。）\n\n## 法律怎么说\n\n（引用法律时先写全称，如《中华人民共和国民法典》第一千一百六十五条。）\n',
  );
}

export function datasetFile(d: { id: string; title: string; issuer: string; today: string; threshold: number }): string {
  return (
    JSON.stringify(
      {
        id: d.id,
        title: d.title,
        description: '（说明数据的来源、口径和统计周期）',
        issuer: d.issuer,
        unit: '件',
        updatedOn: d.today,
        license: 'CC-BY-4.0',
        dimensions: [
          { key: 'village', label: '村（社区）', type: 'village' },
          { key: 'month', label: '月份', type: 'month' },
        ],
        measures: [{ key: 'count', label: '件数', type: 'count' }],
        suppression: { threshold: d.threshold },
        rows: [],
      },
      null,
      2,
    ) + '\n'
  );
}
