/**
 * The publishing desk's configuration is generated from the content schemas (src/lib/desk/config.ts),
 * and its gate runs the check's own rules on one entry (src/lib/desk/gate.ts).
 *
 * The configuration of the sample town is kept in tests/unit/__snapshots__/desk-config.sample.json:
 * a schema change that changes the desk's form fails here until the new form is looked at and the
 * file updated (`npx vitest run tests/unit/desk.test.ts -u`), and every schema field must have a
 * field in the form, with a Chinese label and the widget its type calls for.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z, type ZodType } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { deskConfig, type DeskCollection, type DeskInput } from '../../src/lib/desk/config';
import { deskFields, UnmappedFieldError, type DeskField } from '../../src/lib/desk/fields';
import { checkDeskEntry, fieldName, fileText, problemPlace, type DeskEntry } from '../../src/lib/desk/gate';
import { markdownCollections } from '../../src/lib/desk/page-data';
import { DISCLOSURE_CATEGORIES, financeDisclosureSchema, listDisclosureSchema, noticeDisclosureSchema } from '../../src/lib/schemas/disclosure';
import { legalSchema } from '../../src/lib/schemas/legal';
import { planSchema, TASK_STATUSES, VALIDITIES } from '../../src/lib/schemas/plan';
import { unitSchema } from '../../src/lib/schemas/unit';
import { residentIdCheckChar } from '../../src/lib/privacy/identifiers';
import { LINHE, SAMPLE } from '../helpers/content';

const read = (root: string, file: string) => JSON.parse(fs.readFileSync(path.join(root, file), 'utf8')) as unknown;
const inputFor = (root: string, contentPath: string): DeskInput => ({
  contentPath,
  units: read(root, 'units.json') as DeskInput['units'],
  villages: read(root, 'villages.json') as DeskInput['villages'],
  siteName: (read(root, 'site.json') as { name: string }).name,
  markdown: markdownCollections(root),
});
const sample = deskConfig(inputFor(SAMPLE, 'content'));
const collection = (name: string) => sample.collections.find((c) => c.name === name)!;
const fieldsOf = (c: DeskCollection) => c.fields ?? [];
const byName = (fields: readonly DeskField[] | undefined, name: string) => fields?.find((f) => f.name === name);

interface Node {
  _zod: { def: { type: string; innerType?: Node; in?: Node; shape?: Record<string, Node>; element?: Node } };
}
/** Every key path of an object schema, through optional wrappers and lists of objects. */
function keyPaths(schema: unknown, prefix: string[] = []): string[][] {
  let n = schema as Node;
  while (n._zod.def.innerType) n = n._zod.def.innerType;
  const def = n._zod.def;
  if (def.type === 'array') return keyPaths(def.element, prefix);
  if (def.type !== 'object' || !def.shape) return [];
  return Object.entries(def.shape).flatMap(([k, v]) => [[...prefix, k], ...keyPaths(v, [...prefix, k])]);
}
/** The desk field at a key path (list items and objects by their `fields`). */
function fieldAt(fields: readonly DeskField[], keys: readonly string[]): DeskField | undefined {
  let list: readonly DeskField[] | undefined = fields;
  let found: DeskField | undefined;
  for (const key of keys) {
    found = byName(list, key);
    if (!found) return undefined;
    list = (found.fields as DeskField[] | undefined) ?? undefined;
  }
  return found;
}

describe('the desk configuration', () => {
  it('is the sample town’s configuration as reviewed', async () => {
    await expect(`${JSON.stringify(sample, null, 2)}\n`).toMatchFileSnapshot('__snapshots__/desk-config.sample.json');
  });

  const schemas: Array<[string, ZodType]> = [
    ['plans', planSchema],
    ['notices', noticeDisclosureSchema],
    ['legal', legalSchema],
    ['finance', financeDisclosureSchema],
    ['affairs', listDisclosureSchema],
  ];
  it.each(schemas)('has a field with a Chinese label for every field of the %s schema', (name, schema) => {
    const fields = fieldsOf(collection(name));
    const missing: string[] = [];
    for (const keys of keyPaths(schema)) {
      const f = fieldAt(fields, keys);
      // A list's table is kept whole (hidden): its cells are not fields of the form.
      if (!f && (keys[0] === 'columns' || keys[0] === 'rows')) continue;
      if (!f) missing.push(keys.join('.'));
      else if (!/\p{Script=Han}/u.test(f.label)) missing.push(`${keys.join('.')} (label “${f.label}”)`);
    }
    expect(missing).toEqual([]);
  });

  it('gives each kind of value the widget that fits it', () => {
    const plan = fieldsOf(collection('plans'));
    expect(byName(plan, 'publishedOn')).toMatchObject({ widget: 'datetime', type: 'date', format: 'YYYY-MM-DD' });
    expect(byName(plan, 'validity')).toMatchObject({ widget: 'select', options: [...VALIDITIES] });
    expect(byName(plan, 'docNumber')).toMatchObject({ widget: 'string', required: false });
    expect(byName(plan, 'supersededBy')).toMatchObject({ widget: 'relation', collection: 'plans', value_field: '{{slug}}' });
    const tasks = byName(plan, 'tasks')!;
    expect(tasks.widget).toBe('list');
    const task = tasks.fields as DeskField[];
    const units = (read(SAMPLE, 'units.json') as Array<{ id: string }>).map((u) => u.id);
    expect(byName(task, 'lead')).toMatchObject({ widget: 'select', multiple: true, min: 1 });
    expect((byName(task, 'lead')!.options as Array<{ value: string }>).map((o) => o.value)).toEqual(units);
    expect((byName(task, 'partners')!.options as Array<{ value: string }>).map((o) => o.value)).toEqual(units);
    expect(byName(task, 'status')).toMatchObject({ widget: 'select', options: [...TASK_STATUSES] });
    expect(byName(task, 'progress')).toMatchObject({ widget: 'number', value_type: 'int', min: 0, max: 100 });
    expect(byName(task, 'updates')).toMatchObject({ widget: 'list', required: false });

    const finance = fieldsOf(collection('finance'));
    expect(byName(byName(finance, 'income')!.fields as DeskField[], 'amount')!.pattern).toEqual([
      expect.stringContaining('\\.[0-9]{2}$'),
      expect.stringContaining('两位小数'),
    ]);
    expect(byName(finance, 'category')).toMatchObject({ widget: 'hidden', default: '财务' });
    const villages = (read(SAMPLE, 'villages.json') as Array<{ code: string }>).map((v) => v.code);
    expect((byName(finance, 'village')!.options as Array<{ value: string }>).map((o) => o.value)).toEqual(villages);

    // A ledger is shown to read; an imported list keeps its village and period (its folder and file name).
    expect(fieldsOf(collection('finance')).filter((f) => f.widget !== 'hidden' && f.readonly !== true)).toEqual([]);
    expect(byName(byName(finance, 'income')!.fields as DeskField[], 'amount')!.readonly).toBe(true);
    const affairs = fieldsOf(collection('affairs'));
    expect(affairs.filter((f) => f.readonly).map((f) => f.name)).toEqual(['village', 'period']);
    expect(byName(affairs, 'category')).toMatchObject({ widget: 'hidden', default: '村务' });
    expect(byName(fieldsOf(collection('party')), 'category')).toMatchObject({ widget: 'hidden', default: '党务' });
    expect(byName(fieldsOf(collection('notices')), 'category')).toMatchObject({ widget: 'select', options: [...DISCLOSURE_CATEGORIES] });
    expect(byName(fieldsOf(collection('legal')), 'audience')).toMatchObject({ widget: 'select', multiple: true, min: 1 });
  });

  it('files every collection where the loaders read it, under the content root’s place in the repository', () => {
    const linhe = deskConfig(inputFor(LINHE, 'tests/fixtures/towns/linhe'));
    const folders = linhe.collections.map((c) => c.folder ?? (c.files as Array<{ file: string }>).map((f) => f.file).join(' '));
    expect(folders).toEqual([
      'tests/fixtures/towns/linhe/plans',
      // linhe has plans written as .md too: they get a collection of their own.
      'tests/fixtures/towns/linhe/plans',
      'tests/fixtures/towns/linhe/disclosures',
      'tests/fixtures/towns/linhe/disclosures',
      'tests/fixtures/towns/linhe/disclosures',
      'tests/fixtures/towns/linhe/disclosures',
      'tests/fixtures/towns/linhe/legal',
      'tests/fixtures/towns/linhe/legal',
      'tests/fixtures/towns/linhe/units.json tests/fixtures/towns/linhe/villages.json',
    ]);
    expect(linhe.collections.filter((c) => c.extension === 'md').map((c) => [c.name, c.create])).toEqual([
      ['plans-md', false],
      ['legal-md', false],
    ]);
    // New lists come from spreadsheets (npm run import); ledgers are never created or deleted here.
    expect([collection('affairs').create, collection('finance').create, collection('finance').delete]).toEqual([false, false, false]);
    expect(sample.collections.map((c) => c.name)).not.toContain('datasets');
  });

  it('signs in to the git server site.json names, and otherwise works on local folders only', () => {
    const gitea = deskConfig({ ...inputFor(SAMPLE, 'content'), settings: { host: 'gitea', url: 'https://git.example.gov.cn/', repo: 'qiwu/site' } });
    expect(gitea.backend).toMatchObject({
      name: 'gitea',
      repo: 'qiwu/site',
      api_root: 'https://git.example.gov.cn/api/v1',
      base_url: 'https://git.example.gov.cn',
    });
    const gitlab = deskConfig({
      ...inputFor(SAMPLE, 'content'),
      settings: { host: 'gitlab', url: 'https://gitlab.example.gov.cn', repo: 'town/qiwu', branch: 'desk', appId: 'abc' },
    });
    expect(gitlab.backend).toMatchObject({
      name: 'gitlab',
      api_root: 'https://gitlab.example.gov.cn/api/v4',
      branch: 'desk',
      app_id: 'abc',
      auth_type: 'pkce',
    });
    expect(sample.backend).toMatchObject({ repo: 'local/local' });
  });

  it('refuses a schema field it has no widget for, instead of leaving it out of the form', () => {
    expect(() => deskFields(z.object({ title: z.string(), when: z.bigint() }))).toThrow(UnmappedFieldError);
    expect(() => deskFields(z.object({ title: z.string(), when: z.bigint() }))).toThrow(/when/);
  });
});

describe('the desk’s gate', () => {
  const ctx = { allow: [] as string[], maskNames: true };
  const planData = {
    title: '麟禾镇测试方案',
    indexNumber: '11330799MB0T52819M/2026-00031',
    issuer: '麟禾镇人民政府',
    category: '平安建设',
    writtenOn: '2026-11-10',
    publishedOn: '2026-11-12',
    validity: '有效',
    docNumber: '',
    tasks: [{ __sc_item_id: 'x1', id: 'T1', title: '排查', lead: ['paichusuo'], due: '2026-12-31', status: '进行中', progress: 20 }],
    body: '正文。',
  };
  const plan = (data: Record<string, unknown>, file = 'ceshi-2026.mdx'): DeskEntry => ({ collection: 'plans', path: `content/plans/${file}`, data });
  const first17 = `330799${'1986'}0412${'431'}`;
  const id = `${first17}${residentIdCheckChar(first17)}`;

  it('passes an entry the check would pass, written as the desk writes it', () => {
    expect(checkDeskEntry(plan(planData), ctx)).toEqual([]);
    const text = fileText({ format: 'frontmatter' }, planData);
    // Empty optional fields and the editor's own keys are not written.
    expect(text).not.toContain('docNumber');
    expect(text).not.toContain('__sc_item_id');
    expect(text.endsWith('---\n正文。\n')).toBe(true);
  });

  it('refuses an ID number in any field, naming the field, with the check’s message', () => {
    const problems = checkDeskEntry(plan({ ...planData, tasks: [{ ...planData.tasks[0], title: `排查 ${id}` }] }), ctx);
    expect(problems.map((p) => [p.code, p.field])).toEqual([['privacy/resident-id', 'tasks[0].title']]);
    expect(problems[0]!.what.zh).toMatch(/^发现居民身份证号码（330\*+\d\d），公开内容中不得出现$/);
    expect(problemPlace(problems[0]!, plan(planData))).toBe('任务 › 第 1 项 › 名称');
    const inBody = checkDeskEntry(plan({ ...planData, body: `第一行\n联系 ${id}` }), ctx);
    expect(inBody.map((p) => [p.code, p.field, p.line])).toEqual([['privacy/resident-id', 'body', 2]]);
    // An approved office number is allowed, as in npm run check.
    expect(checkDeskEntry(plan({ ...planData, summary: `电话 ${id}` }), { ...ctx, allow: [id] })).toEqual([]);
  });

  it('refuses what the schema refuses, and names the field in the official’s words', () => {
    const problems = checkDeskEntry(plan({ ...planData, writtenOn: '2026-02-30', tasks: [{ ...planData.tasks[0], progress: 120 }] }), ctx);
    expect(problems.map((p) => p.field)).toEqual(['writtenOn', 'tasks[0].progress']);
    expect(problems.map((p) => problemPlace(p, plan(planData)))).toEqual(['成文日期', '任务 › 第 1 项 › 进度']);
  });

  it('refuses a file name that cannot be an address, with the loader’s message', () => {
    const [p] = checkDeskEntry(plan(planData, '7fbec6311d23X.mdx'), ctx);
    expect(p).toMatchObject({ code: 'plan/file-name', what: { zh: '文件名“7fbec6311d23X.mdx”不能用作网址' } });
    expect(checkDeskEntry({ collection: 'legal', path: 'content/legal/page.mdx', data: {} }, ctx).map((q) => q.code)).toContain('legal/file-name');
  });

  it('refuses an unmasked name in a list, and any save of a ledger', () => {
    const list = read(LINHE, 'disclosures/330799203202/2026-Q3-affairs.json') as { rows: Array<Record<string, unknown>> };
    const entry: DeskEntry = {
      collection: 'affairs',
      path: 'x/disclosures/330799203202/2026-Q3-affairs.json',
      data: { ...list, rows: [{ ...list.rows[0], name: '应建华' }] },
    };
    const problems = checkDeskEntry(entry, ctx);
    expect(problems.map((p) => [p.code, p.field])).toEqual([['privacy/unmasked-name', 'rows[0].name']]);
    expect(checkDeskEntry(entry, { ...ctx, maskNames: false })).toEqual([]);
    expect(checkDeskEntry({ collection: 'finance', path: 'x/disclosures/330799203202/2026-10-finance.json', data: {} }, ctx).map((p) => p.code)).toEqual([
      'desk/ledger',
    ]);
  });

  it('checks the registries as one list, naming the row', () => {
    const units = read(LINHE, 'units.json') as Array<{ id: string; name: string }>;
    const bad = [...units, { id: 'Bad Id', name: '新单位' }];
    const entry: DeskEntry = { collection: 'registries', file: 'units', path: 'units.json', data: { units: bad } };
    const problems = checkDeskEntry(entry, ctx);
    expect(problems.map((p) => p.field)).toEqual([`[${units.length}].id`]);
    expect(problemPlace(problems[0]!, entry)).toBe(`第 ${units.length + 1} 项 › 编号`);
    expect(fieldName([0, 'name'], z.array(unitSchema))).toBe('第 1 项 › 名称');
    expect(checkDeskEntry({ ...entry, file: 'villages', data: { villages: read(LINHE, 'villages.json') } }, ctx)).toEqual([]);
  });
});
