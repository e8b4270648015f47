/**
 * What each content field is called, and the hint an official needs to fill it in, in one
 * place: the check's messages (./messages.ts) name fields by these labels, and the publishing
 * desk's form (src/lib/desk/) shows them as its labels and hints.
 *
 * A field's label is found by its path: first on the schema itself (`.meta({ label })`, where a
 * key means something else in one place — a 领导小组 member's `title` is 职务, not 名称), then by
 * the key in FIELD_LABELS. Hints likewise: `.meta({ hint })`, then FIELD_HINTS.
 */
import type { ZodType } from 'astro/zod';

/** Chinese names of contract fields, so messages speak the officials' words. */
const FIELD_LABELS: Record<string, string> = {
  title: '名称',
  summary: '简介',
  indexNumber: '索引号',
  docNumber: '发文字号',
  issuer: '发布机构',
  category: '主题分类',
  writtenOn: '成文日期',
  publishedOn: '发布日期',
  validity: '有效性',
  supersededBy: '替代文件',
  goals: '工作目标',
  tasks: '任务',
  phases: '实施阶段',
  leadingGroup: '领导小组',
  id: '编号',
  text: '内容',
  lead: '牵头单位',
  partners: '配合单位',
  due: '完成时限',
  status: '状态',
  progress: '进度',
  updates: '进展情况',
  on: '日期',
  note: '说明',
  name: '名称',
  from: '开始日期',
  to: '结束日期',
  role: '职务类别',
  target: '目标值',
  comparator: '比较方式',
  indicator: '数据指标',
  unit: '单位',
  code: '区划代码',
  kind: '类型',
  population: '人口',
  households: '户数',
  grids: '网格',
  issuerCode: '统一社会信用代码',
  regionName: '行政区划名称',
  contact: '联系方式',
  siteUrl: '网站地址',
  siteIdCode: '政府网站标识码',
  privacy: '隐私设置',
  maskNames: '姓名脱敏',
  suppressionThreshold: '抑制阈值',
  village: '村（社区）代码',
  period: '期间',
  reviewedBy: '审核机构',
  noticeUntil: '公示截止日期',
  corrections: '更正说明',
  openingBalance: '期初余额',
  closingBalance: '期末余额',
  income: '收入明细',
  expense: '支出明细',
  date: '日期',
  account: '会计科目',
  amount: '金额',
  voucher: '凭证号',
  columns: '列',
  rows: '行',
  label: '列名',
  type: '类型',
  noticeType: '公告类型',
  disclosure: '村务公开设置',
  financeDeadlineDay: '财务公开截止日',
  quarterlyDeadlineDay: '季度公开截止日',
  // 普法 (legal/<slug>.mdx)
  audience: '读者对象',
  topics: '主题',
  laws: '引用的法律',
  articles: '条号',
  updatedOn: '更新日期',
  interprets: '解读的方案',
  quiz: '自测题',
  q: '题目',
  options: '选项',
  answer: '答案序号',
  explain: '解析',
  // 县级门户 (portal.json)
  towns: '镇（街道）',
  url: '网址',
  dist: '本地构建目录',
  intro: '简介',
  compare: '对比指标',
  dataset: '数据集',
  measure: '指标',
  where: '筛选条件',
  per: '每多少人',
  months: '月数',
  // 编辑台 (site.json desk)
  desk: '编辑台',
  host: '代码托管平台',
  repo: '仓库',
  branch: '分支',
  appId: 'OAuth 应用 ID',
};

interface SchemaNode {
  _zod: {
    def: {
      type: string;
      innerType?: SchemaNode;
      in?: SchemaNode;
      shape?: Record<string, SchemaNode>;
      element?: SchemaNode;
      options?: SchemaNode[];
      getter?: () => SchemaNode;
    };
  };
  meta?: () => { label?: unknown; hint?: unknown } | undefined;
}

const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'catch', 'readonly', 'nonoptional']);

/** `.meta({ label })` or `.meta({ hint })` on this schema or any wrapper around it. */
function metaText(node: SchemaNode | undefined, key: 'label' | 'hint'): string | undefined {
  for (let n = node, depth = 0; n && depth < 8; depth++) {
    const value = n.meta?.()?.[key];
    if (typeof value === 'string') return value;
    const def = n._zod.def;
    n = WRAPPERS.has(def.type) ? def.innerType : def.type === 'pipe' ? def.in : def.type === 'lazy' ? def.getter?.() : undefined;
  }
  return undefined;
}

/** The schema of the value at `path` inside `schema`, through wrappers, arrays and unions. */
function schemaAt(schema: SchemaNode | undefined, path: ReadonlyArray<string | number>): SchemaNode | undefined {
  let node = schema;
  for (const key of path) {
    node = step(node, key);
    if (!node) return undefined;
  }
  return node;
}

function step(node: SchemaNode | undefined, key: string | number, depth = 0): SchemaNode | undefined {
  if (!node || depth > 8) return undefined;
  const def = node._zod.def;
  if (WRAPPERS.has(def.type)) return step(def.innerType, key, depth + 1);
  if (def.type === 'pipe') return step(def.in, key, depth + 1);
  if (def.type === 'lazy') return step(def.getter?.(), key, depth + 1);
  if (def.type === 'object' && typeof key === 'string') return def.shape?.[key];
  if ((def.type === 'array' || def.type === 'record') && typeof key === 'number') return def.element;
  if (def.type === 'union') {
    for (const option of def.options ?? []) {
      const found = step(option, key, depth + 1);
      if (found) return found;
    }
  }
  return undefined;
}

/** Hints shown under a field in the desk, by key: the contract's rule in the officials' words. */
const FIELD_HINTS: Record<string, string> = {
  indexNumber: '全站唯一，一般写成“发布机构的统一社会信用代码/年份-5位流水号”，如 <统一社会信用代码>/2026-00012',
  docNumber: '按 GB/T 9704 写，如 示政发〔2026〕12号；没有文号可不填',
  writtenOn: '文件落款的日期',
  publishedOn: '在本站公开的日期；到了这一天、审核完成后再发布',
  supersededBy: '被新方案替代时，选择替代它的方案',
  lead: '从责任单位名录（units.json）中选择，至少一个',
  partners: '从责任单位名录（units.json）中选择',
  due: '完成时限，写成年-月-日',
  status: '“逾期”由网站按完成时限自动计算，不要手填',
  progress: '0 到 100 的整数',
  village: '从村（社区）名录（villages.json）中选择；保存后文件放在该村的文件夹里',
  period: '月份写 2026-10，季度写 2026-Q3，年度写 2026',
  reviewedBy: '一般是本村的村务监督委员会（社区为居务监督委员会）',
  noticeUntil: '公示期的最后一天；没有公示期可不填',
  corrections: '改动了已经公开的内容时，写明哪天改了什么',
  amount: '以元为单位，保留两位小数，如 1200.00',
  openingBalance: '以元为单位，保留两位小数，如 1200.00',
  closingBalance: '以元为单位，保留两位小数；必须等于期初余额加收入减支出',
  columns: '名单的列；姓名列的类型选 personName，姓名要写成 张*华 这样的脱敏形式',
  rows: '每行一个键值表：键是列的 key，值是这一格的内容',
  interprets: '本文解读的实施方案（政策解读）；没有可不填',
  audience: '可以选多个',
  answer: '正确选项的序号，第一个选项是 0',
  contact: '单位的办公电话，不要写个人手机号',
};

/** `.meta({ [key] })` on the schema at `path`, else the table's entry for the path's last key. */
function textAt(key: 'label' | 'hint', table: Record<string, string>, path: ReadonlyArray<string | number>, schema?: ZodType): string | undefined {
  const last = path.at(-1);
  return metaText(schemaAt(schema as unknown as SchemaNode | undefined, path), key) ?? (typeof last === 'string' ? table[last] : undefined);
}

/** The label of the value at `path` inside `schema`: its `.meta({ label })`, else the key's usual label. */
export const labelAt = (path: ReadonlyArray<string | number>, schema?: ZodType) => textAt('label', FIELD_LABELS, path, schema);

/** The hint for the value at `path` inside `schema`: its `.meta({ hint })`, else the key's usual hint. */
export const hintAt = (path: ReadonlyArray<string | number>, schema?: ZodType) => textAt('hint', FIELD_HINTS, path, schema);
