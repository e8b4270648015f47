/**
 * Every content rule, in the order its problems are reported, and every problem code the content
 * check can report, each declared once with what it enforces and how to fix it. The orchestrator
 * (./index.ts) runs RULES over one content set; the docs' table of problem codes
 * (docs/内容规范.md, scripts/problem-codes.ts) and the fault-fixture test read CODES.
 */
import type { CodeDoc, Rule } from './rule';
import { bodyRules } from './bodies';
import { correctionRules } from './corrections';
import { datasetRules } from './datasets';
import { disclosureRules } from './disclosures';
import { legalRules } from './legal';
import { environmentCodes, fileCodes, schemaCodes, warningCodes } from './loader-codes';
import { indexNumberRule, planRules } from './plans';
import { privacyRules } from './privacy';
import { registryRules } from './registries';

/** The cross-file rules over a loaded set, in report order. */
export const RULES: readonly Rule[] = [
  registryRules,
  planRules,
  indexNumberRule,
  disclosureRules,
  datasetRules,
  legalRules,
  // Content never runs code: every Markdown/MDX body, parsed, before anything is evaluated.
  bodyRules,
  privacyRules,
  correctionRules,
];

/** Codes reported while reading and parsing (the loader) and by the environment's check. */
const DECLARED: readonly Rule[] = [fileCodes, schemaCodes, environmentCodes, warningCodes];

export interface CodeEntry extends CodeDoc {
  code: string;
  /** The rule (or the declaring unit) the code belongs to. */
  rule: string;
}

function entries(): CodeEntry[] {
  const seen = new Map<string, string>();
  const out: CodeEntry[] = [];
  for (const rule of [...DECLARED, ...RULES]) {
    for (const [code, d] of Object.entries<CodeDoc>(rule.codes)) {
      // One code, one meaning: two units declaring it would document it twice.
      if (seen.has(code)) throw new Error(`problem code ${code} is declared by both ${seen.get(code)} and ${rule.name}`);
      seen.set(code, rule.name);
      out.push({ code, rule: rule.name, ...d });
    }
  }
  return out.sort((a, b) => a.code.localeCompare(b.code));
}

/** Every declared code, sorted by code. */
export const CODES: readonly CodeEntry[] = entries();

export function isDeclared(code: string): boolean {
  return CODES.some((c) => c.code === code);
}
