/**
 * The publishing desk's configuration (Sveltia CMS, https://sveltiacms.app/en/docs/config-basics),
 * generated from the content schemas and the registries — never written by hand, so a field added
 * to a schema appears in the desk's form with the same label its error messages use. Served as
 * /admin/desk.json (src/town/pages/admin/desk.json.ts) and checked by tests/unit/desk-config.test.ts.
 *
 * Collections: plans, the village disclosures (lists of 村务 and 党务, notices; the finance ledger
 * is shown read-only: it comes from a spreadsheet through `npm run import`), 普法 articles and the
 * two registries. Datasets are produced by `npm run aggregate` and are not in the desk at all.
 */
import type { ZodType } from 'astro/zod';
import { financeDisclosureSchema, listDisclosureSchema, noticeDisclosureSchema } from '../schemas/disclosure';
import { legalSchema } from '../schemas/legal';
import { planSchema } from '../schemas/plan';
import type { DeskSettings } from '../schemas/site';
import { unitSchema } from '../schemas/unit';
import { villageSchema } from '../schemas/village';
import { deskFields, type DeskField, type DeskOption, type FieldOverrides } from './fields';

export interface DeskInput {
  /** The content root's path inside the git repository, with forward slashes ('' for the top). */
  contentPath: string;
  units: ReadonlyArray<{ id: string; name: string }>;
  villages: ReadonlyArray<{ code: string; name: string }>;
  /** site.json `desk`: the git host officials sign in to; without it the desk works on local folders only. */
  settings?: DeskSettings;
  /** The site's name, shown on the desk's sign-in page. */
  siteName: string;
  /** Text collections (plans, notices, legal) that also hold `.md` files (CONTENT.md allows both). */
  markdown?: ReadonlySet<string>;
}

export type DeskConfig = Record<string, unknown> & { collections: DeskCollection[] };
export type DeskCollection = Record<string, unknown> & { name: string; label: string; fields?: DeskField[] };

/** Where the spreadsheet import is explained (docs/ in the repository). */
const IMPORT_GUIDE = 'docs/导入表格说明.md';

const BODY: DeskField = { name: 'body', label: '正文', widget: 'markdown', hint: '只写文字、标题、列表和表格；不能写程序或网页代码（内容规范“正文”一节）' };

/** A file name written by the official: lower-case pinyin, the same rule as a slug (CONTENT.md). */
const SLUG = {
  template: '{{slug}}',
  editable: true,
  hint: '文件名，也是网址的一部分：小写拼音、数字和连字符，如 pingan-jianshe-2027',
  pattern: ['^[a-z0-9]+(-[a-z0-9]+)*$', '只能用小写字母、数字和连字符 (lower-case letters, digits and hyphens)'],
};

const PLAN_RELATION = { widget: 'relation', collection: 'plans', value_field: '{{slug}}', search_fields: ['title'], display_fields: ['title'] };

function registryOverrides(input: DeskInput): FieldOverrides {
  const units: DeskOption[] = input.units.map((u) => ({ label: `${u.name}（${u.id}）`, value: u.id }));
  const villages: DeskOption[] = input.villages.map((v) => ({ label: `${v.name}（${v.code}）`, value: v.code }));
  const choose = (options: DeskOption[]) => (base: DeskField, multiple: boolean) => {
    const { pattern: _pattern, field: _field, ...rest } = base;
    return { ...rest, widget: 'select', options, ...(multiple ? { multiple: true } : {}) };
  };
  return {
    lead: choose(units),
    partners: choose(units),
    village: choose(villages),
    supersededBy: (base) => ({ ...withoutPattern(base), ...PLAN_RELATION }),
    interprets: (base) => ({ ...withoutPattern(base), ...PLAN_RELATION }),
  };
}

function withoutPattern(field: DeskField): DeskField {
  const { pattern: _pattern, ...rest } = field;
  return rest;
}

const join = (...parts: string[]) => parts.filter(Boolean).join('/');

/** A disclosure's category is fixed by its collection: written for the official, not chosen. */
function fixCategory(fields: DeskField[], category: string): DeskField[] {
  return fields.map((f) => (f.name === 'category' ? { name: 'category', label: f.label, widget: 'hidden', default: category } : f));
}

/**
 * A list's columns and rows are kept as the import wrote them: Sveltia has no table widget whose
 * columns come from the entry itself, and its list of key-value rows is saved as an object.
 */
function keepTable(fields: DeskField[]): DeskField[] {
  return fields.map((f) => (f.name === 'columns' || f.name === 'rows' ? { name: f.name, label: f.label, widget: 'hidden' } : f));
}

/**
 * Fields shown to read, not to change: a ledger's (it comes from its spreadsheet), and the
 * village and period of an imported list (they are its folder and file name).
 */
function readOnly(fields: DeskField[], names?: ReadonlySet<string>): DeskField[] {
  return fields.map((f) => {
    if (f.widget === 'hidden' || (names && !names.has(f.name))) return f;
    const inner = Array.isArray(f.fields) ? { fields: readOnly(f.fields as DeskField[]) } : {};
    return { ...f, readonly: true, ...inner };
  });
}

function fieldsOf(schema: ZodType, input: DeskInput): DeskField[] {
  return deskFields(schema, registryOverrides(input));
}

/**
 * A Sveltia collection reads and writes one file extension: where a folder also holds `.md` files,
 * they are listed beside the `.mdx` ones in a collection of their own (new files are `.mdx`).
 */
function withMarkdown(collections: DeskCollection[], markdown: ReadonlySet<string> = new Set()): DeskCollection[] {
  return collections.flatMap((c) =>
    markdown.has(c.name) ? [c, { ...c, name: `${c.name}${MD_SUFFIX}`, label: `${c.label}（.md 文件）`, extension: 'md', create: false }] : [c],
  );
}

/** The name of a collection's `.md` sibling is its own name and this. */
export const MD_SUFFIX = '-md';

export function deskCollections(input: DeskInput): DeskCollection[] {
  return withMarkdown(collectionsOf(input), input.markdown);
}

function collectionsOf(input: DeskInput): DeskCollection[] {
  const root = input.contentPath;
  const disclosures = join(root, 'disclosures');
  const list = (name: string, label: string, category: string, description: string): DeskCollection => ({
    name,
    label,
    label_singular: label,
    description,
    folder: disclosures,
    path: `{{village}}/{{period}}-${name}`,
    extension: 'json',
    format: 'json',
    filter: { field: 'category', value: category },
    identifier_field: 'title',
    summary: '{{title}}（{{period}}）',
    sortable_fields: ['period', 'publishedOn', 'title'],
    preview_path: `disclosures/{{village}}/{{period}}-${name}/`,
    // New lists, and their cells, come from the spreadsheet (npm run import checks every cell
    // against its column); here an official corrects what a list says about itself.
    create: false,
    fields: readOnly(keepTable(fixCategory(fieldsOf(listDisclosureSchema, input), category)), new Set(['village', 'period'])),
  });
  /** A Markdown/MDX collection: frontmatter fields, the body, and a file name the official types. */
  const text = (name: string, label: string, description: string, folder: string, schema: ZodType, rest: Record<string, unknown>): DeskCollection => ({
    name,
    label,
    label_singular: label,
    description,
    folder,
    extension: 'mdx',
    format: 'frontmatter',
    slug: SLUG,
    identifier_field: 'title',
    ...rest,
    fields: [...fieldsOf(schema, input), BODY],
  });
  return [
    text('plans', '实施方案', '镇政府的实施方案：任务、责任单位、实施阶段和进展。', join(root, 'plans'), planSchema, {
      sortable_fields: ['publishedOn', 'title'],
      preview_path: 'plans/{{slug}}/',
    }),
    list('affairs', '村务公开（名单）', '村务', '村务公开的名单表格，如集体资产发包结果、补贴发放名单。姓名一律脱敏（张*华）。'),
    list('party', '党务公开（名单）', '党务', '党务公开的名单表格，如党费收缴、发展党员公示。姓名一律脱敏（张*华）。'),
    text('notices', '村务公告', '村民会议决议、一事一议、公示等文字公告。', disclosures, noticeDisclosureSchema, {
      path: '{{village}}/{{period}}-notice-{{slug}}',
      summary: '{{title}}（{{period}}）',
      sortable_fields: ['period', 'publishedOn', 'title'],
      preview_path: 'disclosures/{{village}}/{{period}}-notice-{{slug}}/',
    }),
    {
      name: 'finance',
      label: '财务公开（只读）',
      description: `财务收支明细从 WPS/Excel 表格导入，在这里只能查看，不能修改：用 npm run import 导入（${IMPORT_GUIDE}）。`,
      folder: disclosures,
      path: '{{village}}/{{period}}-finance',
      extension: 'json',
      format: 'json',
      filter: { field: 'category', value: '财务' },
      create: false,
      delete: false,
      identifier_field: 'title',
      summary: '{{title}}（{{period}}）',
      preview_path: 'disclosures/{{village}}/{{period}}-finance/',
      // Shown to read; the gate refuses a save (src/lib/desk/gate.ts): ledgers come from spreadsheets.
      fields: readOnly(fieldsOf(financeDisclosureSchema, input)),
    },
    text('legal', '普法文章', '普法文章、政策解读和自测题（docs/普法写作指南.md）。', join(root, 'legal'), legalSchema, {
      sortable_fields: ['publishedOn', 'title'],
      preview_path: 'legal/{{slug}}/',
    }),
    {
      name: 'registries',
      label: '名录',
      description: '责任单位和村（社区）的名录。改了编号，引用它的方案和公开文件也要一起改。',
      files: [
        {
          name: 'units',
          label: '责任单位名录',
          file: join(root, 'units.json'),
          format: 'json',
          fields: [
            { name: 'units', label: '责任单位', widget: 'list', root: true, summary: '{{fields.id}} {{fields.name}}', fields: fieldsOf(unitSchema, input) },
          ],
        },
        {
          name: 'villages',
          label: '村（社区）名录',
          file: join(root, 'villages.json'),
          format: 'json',
          fields: [
            {
              name: 'villages',
              label: '村（社区）',
              widget: 'list',
              root: true,
              summary: '{{fields.code}} {{fields.name}}',
              fields: fieldsOf(villageSchema, input),
            },
          ],
        },
      ],
    },
  ];
}

/** The backend officials sign in to (Gitea/Forgejo or GitLab), or a local-only placeholder. */
function backend(settings: DeskSettings | undefined): Record<string, unknown> {
  if (!settings) {
    // Without a git host the desk only offers 使用本地仓库 (local folder) on the office computer;
    // Sveltia still needs a backend entry, which then is never used (src/town/desk/desk.ts).
    return { name: 'gitea', repo: 'local/local', api_root: 'http://localhost/api/v1', base_url: 'http://localhost' };
  }
  const origin = new URL(settings.url).origin;
  const common = { repo: settings.repo, ...(settings.branch ? { branch: settings.branch } : {}), base_url: origin };
  return settings.host === 'gitlab'
    ? { name: 'gitlab', ...common, api_root: `${origin}/api/v4`, ...(settings.appId ? { app_id: settings.appId, auth_type: 'pkce' } : {}) }
    : { name: 'gitea', ...common, api_root: `${origin}/api/v1`, ...(settings.appId ? { app_id: settings.appId } : {}) };
}

export function deskConfig(input: DeskInput): DeskConfig {
  return {
    load_config_file: false,
    backend: {
      ...backend(input.settings),
      commit_messages: {
        create: '新增 {{collection}}：{{slug}}',
        update: '修改 {{collection}}：{{slug}}',
        delete: '删除 {{collection}}：{{slug}}',
        uploadMedia: '上传文件：{{path}}',
        deleteMedia: '删除文件：{{path}}',
      },
    },
    app_title: `${input.siteName} · 编辑台`,
    media_folder: join(input.contentPath, 'media'),
    // The site's own origin, filled in by the page (src/town/desk/desk.ts): previews open there.
    show_preview_links: true,
    slug: { encoding: 'ascii', clean_accents: true },
    output: { omit_empty_optional_fields: true, json: { indent_size: 2 } },
    collections: deskCollections(input),
  };
}
