/**
 * What a content rule is: a named unit that declares the problem codes it may report, says what
 * it enforces (and on what law or standard), and checks. The registry (./registry.ts) lists every
 * unit; the orchestrator (./index.ts) runs them over one content set, the importer runs the ones
 * that apply to a spreadsheet, and the docs' table of problem codes is generated from them.
 * A check can only report a code its unit declares: `defineRule` makes any other a type error.
 */
import { bi, type Bilingual, type Problem } from '../core/errors';
import type { ContentSet } from '../content/set';
import type { SourceFile } from '../content/source';
import { problemAt } from '../content/parse';

/** What one problem code means, for the docs and for messages whose fix is always the same. */
export interface CodeDoc {
  /** What the rule behind the code enforces, citing the law or standard where there is one. */
  enforces: Bilingual;
  /** How to fix it, in general (a message may say more). */
  fix: Bilingual;
  /**
   * Why no fault fixture (tests/fixtures/faults/) can show this code, when none can: e.g. it
   * comes from the environment, not from a content root. Only such codes may lack a fixture.
   */
  noFixture?: string;
}

/** A Problem whose code is one of `C`. */
export type CodedProblem<C extends string> = Problem & { code: C };

/** A problem about a field, before it is located in a file (or in a spreadsheet's cell). */
export interface Finding<C extends string> {
  path: Array<string | number>;
  code: C;
  what: Bilingual;
  fix: Bilingual;
}

export interface CheckContext {
  /** How a file is named in messages. */
  display: (abs: string) => string;
  /** The build's today (SITE_TODAY); the corrections check needs it and is skipped without it. */
  today?: string;
}

export interface Rule<C extends string = string> {
  /** A short stable name, e.g. `plan-supersession`. */
  name: string;
  codes: Readonly<Record<C, CodeDoc>>;
  check: (content: ContentSet, ctx: CheckContext) => ReadonlyArray<CodedProblem<C>>;
}

/** A rule over the content set; its check may report only the codes it declares. */
export function defineRule<const C extends string>(rule: {
  name: string;
  codes: Readonly<Record<C, CodeDoc>>;
  check: (content: ContentSet, ctx: CheckContext) => ReadonlyArray<CodedProblem<NoInfer<C>>>;
}): Rule<C> {
  return rule;
}

/**
 * A rule over one item (a plan, a disclosure's data …) that reports findings by field path;
 * whoever runs it locates them: the content check in the file, the importer in the cell.
 */
export interface ItemRule<T, C extends string = string> {
  name: string;
  codes: Readonly<Record<C, CodeDoc>>;
  check: (item: T) => Array<Finding<C>>;
}

/** A finding as a check writes it: without `fix`, the fix is the one its code declares (written once). */
export type Draft<C extends string> = Omit<Finding<C>, 'fix'> & { fix?: Bilingual };

export function defineItemRule<T, const C extends string>(rule: {
  name: string;
  codes: Readonly<Record<C, CodeDoc>>;
  check: (item: T) => Array<Draft<NoInfer<C>>>;
}): ItemRule<T, C> {
  return {
    name: rule.name,
    codes: rule.codes,
    check: (item) => rule.check(item).map((f) => ({ path: f.path, code: f.code, what: f.what, fix: f.fix ?? rule.codes[f.code].fix })),
  };
}

/** Codes declared without a check of their own: reported by the loader or a shared module. */
export function declareCodes<const C extends string>(name: string, codes: Readonly<Record<C, CodeDoc>>): Rule<C> {
  return { name, codes, check: () => [] };
}

/** Located in its source file, keeping the code's type. */
export function locate<C extends string>(source: SourceFile, f: Finding<C>): CodedProblem<C> {
  return { ...problemAt(source, f.path, { code: f.code, what: f.what, fix: f.fix }), code: f.code };
}

/** The codes a rule (or each of a list of rules) declares. */
export type CodeOf<R> = R extends { codes: Readonly<Record<infer C, CodeDoc>> } ? C & string : never;

/** Runs item rules, in order, over one item. */
export function runItemRules<T, R extends ItemRule<T, string>>(rules: readonly R[], item: T): Array<Finding<CodeOf<R>>> {
  return rules.flatMap((r) => r.check(item)) as Array<Finding<CodeOf<R>>>;
}

/** The codes of several rules as one record (for the unit that runs them). */
export function codesOf<R extends { codes: Readonly<Record<string, CodeDoc>> }>(rules: readonly R[]): Readonly<Record<CodeOf<R>, CodeDoc>> {
  return Object.assign({}, ...rules.map((r) => r.codes)) as Record<CodeOf<R>, CodeDoc>;
}

/** A code's documentation entry, written compactly: enforces (zh, en), fix (zh, en). */
export function doc(zh: string, en: string, fixZh: string, fixEn: string, noFixture?: string): CodeDoc {
  return noFixture === undefined ? { enforces: bi(zh, en), fix: bi(fixZh, fixEn) } : { enforces: bi(zh, en), fix: bi(fixZh, fixEn), noFixture };
}
