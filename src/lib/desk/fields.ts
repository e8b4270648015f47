/**
 * A content schema as the publishing desk's form: each field of a Zod object becomes a Sveltia
 * CMS field (https://sveltiacms.app/en/docs/fields) with the widget that fits it — dates as a date
 * picker, money as text with two decimals, enumerations as choices, lists as lists — and the
 * label and hint the check's messages use (../schemas/labels.ts). The schemas stay the one source
 * of truth: a field the mapping does not know is an error here, so a schema change that the desk
 * cannot follow fails the build and tests/unit/desk-config.test.ts, never a silently missing field.
 */
import type { ZodType } from 'astro/zod';
import { isoDate, percent, slugId, villageCode } from '../schemas/common';
import { money } from '../schemas/disclosure';
import { hintAt, labelAt } from '../schemas/labels';

/** One field of the desk's form (the subset of Sveltia's field options this project writes). */
export interface DeskField {
  name: string;
  label: string;
  widget: string;
  required?: boolean;
  hint?: string;
  [option: string]: unknown;
}

/** A choice in a select widget. */
export interface DeskOption {
  label: string;
  value: string;
}

/**
 * Fields whose values come from elsewhere than the schema: the registries (unit ids, village
 * codes) or other collections (a plan's slug). Keyed by field name.
 */
export type FieldOverrides = Record<string, (base: DeskField, multiple: boolean) => DeskField>;

interface Def {
  type: string;
  innerType?: Node;
  in?: Node;
  out?: Node;
  shape?: Record<string, Node>;
  element?: Node;
  entries?: Record<string, string>;
  values?: unknown[];
  checks?: Array<{ _zod: { def: { check: string; format?: string; value?: unknown; minimum?: number } } }>;
}
interface Node {
  _zod: { def: Def };
}

const OPTIONAL = new Set(['optional', 'default', 'prefault', 'nullable']);
/** Wrappers that change nothing about how the value is typed. */
const TRANSPARENT = new Set(['readonly', 'catch', 'nonoptional']);

const same = (a: Node, b: unknown) => a._zod.def === (b as Node)._zod.def;

/** Money in yuan with two decimals, as the content stores it ("1200.00"); see ../core/money.ts. */
const MONEY_PATTERN = ['^-?(0|[1-9][0-9]*)\\.[0-9]{2}$', '金额以元为单位，保留两位小数，如 1200.00 (yuan with two decimals)'];
const SLUG_PATTERN = ['^[a-z0-9]+(-[a-z0-9]+)*$', '只能用小写字母、数字和连字符，如 pingan-jianshe-2026 (lower-case letters, digits and hyphens)'];
const VILLAGE_PATTERN = ['^[0-9]{12}$', '12 位统计用区划代码 (a 12-digit village code)'];

export class UnmappedFieldError extends Error {}

/** The desk's fields for every key of a Zod object schema, in the schema's order. */
export function deskFields(schema: ZodType, overrides: FieldOverrides = {}, root: ZodType = schema, prefix: ReadonlyArray<string | number> = []): DeskField[] {
  const def = unwrap(schema as unknown as Node).node._zod.def;
  if (def.type !== 'object' || !def.shape) throw new UnmappedFieldError(`desk: ${prefix.join('.') || 'schema'} is not an object`);
  return Object.entries(def.shape).map(([name, node]) => deskField(name, node, overrides, root, [...prefix, name]));
}

function unwrap(node: Node): { node: Node; optional: boolean } {
  let optional = false;
  let n = node;
  for (let i = 0; i < 10; i++) {
    const d = n._zod.def;
    if (OPTIONAL.has(d.type) && d.innerType) optional = true;
    else if (!TRANSPARENT.has(d.type) || !d.innerType) break;
    n = d.innerType;
  }
  return { node: n, optional };
}

function deskField(name: string, node: Node, overrides: FieldOverrides, root: ZodType, path: ReadonlyArray<string | number>): DeskField {
  const { node: inner, optional } = unwrap(node);
  const base: DeskField = { name, label: labelAt(path, root) ?? name, widget: 'string' };
  const hint = hintAt(path, root);
  if (hint) base.hint = hint;
  if (optional) base.required = false;
  const typed = widgetFor(inner, base, overrides, root, path);
  return overrides[name] ? overrides[name](typed, typed.widget === 'list' || typed.multiple === true) : typed;
}

function widgetFor(node: Node, base: DeskField, overrides: FieldOverrides, root: ZodType, path: ReadonlyArray<string | number>): DeskField {
  const def = node._zod.def;
  if (same(node, isoDate)) return { ...base, widget: 'datetime', type: 'date', format: 'YYYY-MM-DD' };
  if (same(node, money)) return { ...base, widget: 'string', pattern: MONEY_PATTERN };
  if (same(node, slugId)) return { ...base, widget: 'string', pattern: SLUG_PATTERN };
  if (same(node, villageCode)) return { ...base, widget: 'string', pattern: VILLAGE_PATTERN };
  switch (def.type) {
    case 'string':
      return { ...base, widget: 'string' };
    case 'pipe':
      // A preprocessed value (a quiz option may be typed as a bare number): its stored type.
      return widgetFor(unwrap(def.out!).node, base, overrides, root, path);
    case 'number': {
      const integer = same(node, percent) || def.checks?.some((c) => c._zod.def.format === 'safeint' || c._zod.def.format === 'int32');
      const field: DeskField = { ...base, widget: 'number', value_type: integer ? 'int' : 'float' };
      for (const c of def.checks ?? []) {
        const d = c._zod.def;
        if (d.check === 'greater_than' && typeof d.value === 'number') field.min = d.value;
        if (d.check === 'less_than' && typeof d.value === 'number') field.max = d.value;
      }
      return field;
    }
    case 'boolean':
      return { ...base, widget: 'boolean' };
    case 'enum':
      return { ...base, widget: 'select', options: Object.values(def.entries ?? {}) };
    case 'literal':
      // A fixed value (a finance disclosure's category 财务): written, never chosen.
      return { ...base, widget: 'hidden', default: def.values?.[0] };
    case 'record':
      // Sveltia's key-value table (a list's rows are one each), except in an object inside a list
      // item, where it writes a stray `'*'` key into an empty list on save: there the desk keeps the
      // value as it is (a goal's data filter is rare and set by the statistics staff in the file).
      return path.slice(0, -1).some((k) => typeof k === 'number') ? { name: base.name, label: base.label, widget: 'hidden' } : { ...base, widget: 'keyvalue' };
    case 'object':
      return { ...base, widget: 'object', fields: deskFields(node as unknown as ZodType, overrides, root, path) };
    case 'array':
      return arrayField(def, base, overrides, root, path);
    default:
      throw new UnmappedFieldError(`desk: the field ${path.join('.')} has a type (${def.type}) the desk has no widget for; add one in src/lib/desk/fields.ts`);
  }
}

function arrayField(def: Def, base: DeskField, overrides: FieldOverrides, root: ZodType, path: ReadonlyArray<string | number>): DeskField {
  const element = unwrap(def.element!).node;
  const min = def.checks?.find((c) => c._zod.def.check === 'min_length')?._zod.def.minimum;
  const list: DeskField = { ...base, widget: 'list', ...(min ? { min } : {}) };
  const itemPath = [...path, 0];
  const elementDef = element._zod.def;
  if (elementDef.type === 'enum')
    return { ...base, widget: 'select', multiple: true, options: Object.values(elementDef.entries ?? {}), ...(min ? { min } : {}) };
  if (elementDef.type === 'object') {
    const fields = deskFields(element as unknown as ZodType, overrides, root, itemPath);
    return { ...list, fields, summary: summaryOf(fields) };
  }
  const item = widgetFor(element, { name: String(base.name), label: labelAt(itemPath, root) ?? base.label, widget: 'string' }, overrides, root, itemPath);
  // A list of plain strings (unit ids, topics) is Sveltia's simple list; anything else one field per item.
  if (item.widget === 'string' && !item.pattern) return list;
  return { ...list, field: item };
}

/** What a collapsed list item shows: its id and title/name/text, as the official knows them. */
function summaryOf(fields: readonly DeskField[]): string | undefined {
  const names = fields.map((f) => f.name);
  const main = ['title', 'text', 'name', 'q', 'note', 'summary', 'label'].find((n) => names.includes(n));
  const lead = ['id', 'on', 'date', 'key', 'role'].find((n) => names.includes(n));
  if (lead && main) return `{{fields.${lead}}} {{fields.${main}}}`;
  if (main) return `{{fields.${main}}}`;
  return undefined;
}
