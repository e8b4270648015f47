/**
 * The publishing desk's gate: what it checks before it saves an entry, in the official's
 * browser (src/town/desk/desk.ts bundles this module, so the rules are the check's own code, not
 * a copy). An entry is turned into the file text it will be saved as, then read back the way
 * `npm run check` reads files: the same parser, the same schema, the same personal-data scanner
 * and the same bilingual messages — each naming the field.
 *
 * What only the whole content root can tell (references between files, plan logic, body rules
 * that need the Markdown parser) is checked again by the git hooks and the server's pipeline
 * (docs/服务器检查.md); the desk refuses early what one file can show.
 */
import type { ZodType } from 'astro/zod';
import { stringify } from 'yaml';
import { bi, fieldPath, type Problem } from '../core/errors';
import { parseWith } from '../content/parse';
import { disclosureFileNameProblem, legalFileNameProblem, planFileNameProblem } from '../content/file-names';
import { isProblem, parseFrontmatterSource, parseJsonSource, type SourceFile } from '../content/source';
import { checkPersonNames, numberFinding } from '../checks/personal-data';
import { scanText } from '../privacy';
import { listDisclosureSchema, noticeDisclosureSchema } from '../schemas/disclosure';
import { labelAt } from '../schemas/labels';
import { legalSchema } from '../schemas/legal';
import { planSchema } from '../schemas/plan';
import { unitsSchema } from '../schemas/unit';
import { villagesSchema } from '../schemas/village';
import { MD_SUFFIX } from './config';

/** What the gate knows of the site: the approved numbers and whether names must be masked. */
export interface GateContext {
  /** privacy-allow.json's approved values (public office numbers). */
  allow: readonly string[];
  /** site.json privacy.maskNames. */
  maskNames: boolean;
}

/** An entry as the desk is about to save it. */
export interface DeskEntry {
  /** Collection name (src/lib/desk/config.ts). */
  collection: string;
  /** For a registry, the file's name in its collection (units, villages). */
  file?: string;
  /** Path of the file in the repository. */
  path: string;
  /** The fields, with the Markdown body as `body` for text collections. */
  data: Record<string, unknown>;
}

interface Kind {
  schema: ZodType;
  format: 'json' | 'frontmatter';
  /** A registry file is one list at the top of the file, saved under this key by the desk. */
  rootList?: string;
}

const KINDS: Record<string, Kind> = {
  plans: { schema: planSchema, format: 'frontmatter' },
  notices: { schema: noticeDisclosureSchema, format: 'frontmatter' },
  legal: { schema: legalSchema, format: 'frontmatter' },
  affairs: { schema: listDisclosureSchema, format: 'json' },
  party: { schema: listDisclosureSchema, format: 'json' },
  'registries/units': { schema: unitsSchema, format: 'json', rootList: 'units' },
  'registries/villages': { schema: villagesSchema, format: 'json', rootList: 'villages' },
};

/** Keys the desk keeps on list items for itself and never writes (`__sc_item_id`). */
const EDITOR_KEY = /^__sc_/;

/**
 * The data as the desk writes it: a field left empty in the form is absent from the file
 * (omit_empty_optional_fields; an empty required field the editor refuses itself), and the
 * editor's own keys are dropped. A list's table is kept as it is: an empty cell is "".
 */
function asSaved(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(asSaved);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (v === '' || v === null || v === undefined || EDITOR_KEY.test(k)) continue;
      out[k] = k === 'rows' ? v : asSaved(v);
    }
    return out;
  }
  return value;
}

/** The file text the desk writes for `data`: JSON, or YAML frontmatter and the body. */
export function fileText(kind: Pick<Kind, 'format' | 'rootList'>, data: Record<string, unknown>): string {
  return serialise(kind, asSaved(data) as Record<string, unknown>);
}

function serialise(kind: Pick<Kind, 'format' | 'rootList'>, clean: Record<string, unknown>): string {
  if (kind.format === 'json') return `${JSON.stringify(kind.rootList ? (clean[kind.rootList] ?? []) : clean, null, 2)}\n`;
  const { body, ...fields } = clean;
  return `---\n${stringify(fields)}---\n${typeof body === 'string' ? body : ''}\n`;
}

/** Every string and number in `value`, with its path. */
function leaves(value: unknown, path: Array<string | number> = []): Array<{ path: Array<string | number>; text: string }> {
  if (typeof value === 'string') return [{ path, text: value }];
  if (typeof value === 'number') return [{ path, text: String(value) }];
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, [...path, i]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]));
  return [];
}

/** The field a problem is about, in the official's words: 任务 › 牵头单位 (tasks.0.lead). */
export function fieldName(path: ReadonlyArray<string | number>, schema: ZodType): string {
  const words: string[] = [];
  path.forEach((key, i) => {
    if (typeof key === 'number') words.push(`第 ${key + 1} 项`);
    else words.push(key === 'body' ? '正文' : (labelAt(path.slice(0, i + 1), schema) ?? key));
  });
  return words.join(' › ');
}

/** Numbers that must never be published, in any field (the scanner of `npm run check`). */
function personalNumbers(entry: DeskEntry, kind: Kind, saved: Record<string, unknown>, allow: ReadonlySet<string>): Problem[] {
  const problems: Problem[] = [];
  for (const hit of scanText(entry.path, { allow })) problems.push({ file: entry.path, ...numberFinding(hit.kind, hit.masked, true) });
  const data = kind.rootList ? { [kind.rootList]: saved[kind.rootList] } : saved;
  for (const leaf of leaves(data)) {
    const path = kind.rootList ? leaf.path.slice(1) : leaf.path;
    for (const hit of scanText(leaf.text, { allow })) {
      problems.push({ file: entry.path, field: fieldPath(path), line: leaf.path[0] === 'body' ? hit.line : undefined, ...numberFinding(hit.kind, hit.masked) });
    }
  }
  return problems;
}

/** A `.md` sibling collection is its `.mdx` collection's kind (./config.ts). */
function baseCollection(name: string): string {
  return name.endsWith(MD_SUFFIX) ? name.slice(0, -MD_SUFFIX.length) : name;
}

/** The name the file will be saved under, by the loaders' own rule (../content/file-names.ts). */
function fileNameProblem(entry: DeskEntry): Problem | undefined {
  const file = entry.path.split('/').pop() ?? '';
  const collection = baseCollection(entry.collection);
  if (collection === 'plans') return planFileNameProblem(file, entry.path);
  if (collection === 'legal') return legalFileNameProblem(file, entry.path);
  if (collection === 'notices' || collection === 'affairs' || collection === 'party') return disclosureFileNameProblem(file, entry.path);
  return undefined;
}

/** A ledger is imported from its spreadsheet, never typed in (CONTENT.md: the import checks every cell). */
const LEDGER_BY_HAND: Omit<Problem, 'file'> = {
  code: 'desk/ledger',
  what: bi('财务公开不能在编辑台里修改', 'a finance disclosure cannot be edited in the desk'),
  fix: bi(
    '在 WPS/Excel 表格里改好，再用 npm run import 导入（docs/导入表格说明.md）',
    'correct the spreadsheet and import it with npm run import (docs/导入表格说明.md)',
  ),
};

/** The kind of file an entry is: its collection (a `.md` sibling is its `.mdx` collection's kind), or a registry file. */
function kindOf(entry: DeskEntry): Kind | undefined {
  const collection = baseCollection(entry.collection);
  return KINDS[entry.file ? `${collection}/${entry.file}` : collection];
}

/** Every problem with `entry`; none means the desk may save it. */
export function checkDeskEntry(entry: DeskEntry, ctx: GateContext): Problem[] {
  if (entry.collection === 'finance') return [{ file: entry.path, ...LEDGER_BY_HAND }];
  const kind = kindOf(entry);
  if (!kind) return [];
  const saved = asSaved(entry.data) as Record<string, unknown>;
  const text = serialise(kind, saved);
  const source: SourceFile | Problem = kind.format === 'json' ? parseJsonSource(text, entry.path) : parseFrontmatterSource(text, entry.path);
  if (isProblem(source)) return [source];
  const allow = new Set(ctx.allow);
  const problems = [...personalNumbers(entry, kind, saved, allow), ...parseWith(kind.schema, source).problems];
  if (kind.format === 'json' && !kind.rootList) problems.push(...checkPersonNames(source, ctx.maskNames));
  const name = fileNameProblem(entry);
  if (name) problems.push(name);
  return problems;
}

/** Where in the form a problem is: the field's label, or the file. */
export function problemPlace(p: Problem, entry: DeskEntry): string {
  const kind = kindOf(entry);
  if (/\/file-name$/.test(p.code)) return '文件名（Slug）';
  if (!p.field || !kind) return '';
  // `tasks[3].lead` (../core/errors.ts fieldPath) back into its keys.
  const path = (p.field.match(/[^.[\]]+/g) ?? []).map((k) => (/^\d+$/.test(k) ? Number(k) : k));
  return fieldName(path, kind.schema);
}
