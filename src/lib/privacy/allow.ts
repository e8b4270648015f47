/**
 * The privacy allow-list: `content/privacy-allow.json`.
 *
 * DOMAIN.md says ID, bank-card and phone numbers are never published; the rare number
 * that must appear (say, a village office's public duty mobile) is allowed only by an
 * explicit, dated, approved entry — so the exception is itself reviewable in git:
 *
 * ```json
 * [{ "value": "13800000000", "reason": "村委会值班电话，已公开", "approvedBy": "镇党政办", "approvedOn": "2026-11-01" }]
 * ```
 *
 * This module validates that file without Zod (it has to run in a pre-commit hook too)
 * and turns the entries into the `allow` set that `scanText` takes.
 */

import { isCalendarDate } from './identifiers';
import { numberDigits, scanText } from './scan';

export interface AllowEntry {
  /** The exact text allowed, as written in the content (or its digits). */
  value: string;
  /** Why publishing it is lawful (e.g. 已公开的单位值班电话). */
  reason: string;
  /** Who approved the exception. */
  approvedBy: string;
  /** `YYYY-MM-DD`. */
  approvedOn: string;
}

export interface AllowListResult {
  /** Entries that passed validation (invalid ones are left out). */
  entries: AllowEntry[];
  /** One bilingual message per problem; empty when the file is valid. */
  errors: string[];
}

const FIELDS = ['value', 'reason', 'approvedBy', 'approvedOn'] as const;

function isRealIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  return isCalendarDate(`${m[1]}${m[2]}${m[3]}`);
}

/**
 * Validates the parsed JSON of `privacy-allow.json`. It must be an array of objects with
 * every field of {@link AllowEntry} present as a non-empty string and `approvedOn` a real
 * date. Extra fields are ignored. A repeated `value` is reported (the second one is
 * dropped). Never throws.
 */
export function parseAllowList(json: unknown): AllowListResult {
  const entries: AllowEntry[] = [];
  const errors: string[] = [];
  if (!Array.isArray(json)) {
    errors.push('privacy-allow.json 应为数组。(privacy-allow.json must be a JSON array of entries.)');
    return { entries, errors };
  }
  const seen = new Set<string>();
  json.forEach((item: unknown, i) => {
    const where = `privacy-allow.json[${i}]`;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      errors.push(`${where}：应为对象。(entry must be an object.)`);
      return;
    }
    const rec = item as Record<string, unknown>;
    let ok = true;
    for (const field of FIELDS) {
      const v = rec[field];
      if (typeof v !== 'string' || v.trim() === '') {
        errors.push(`${where}.${field}：必填，且应为非空字符串。(${field} is required and must be a non-empty string.)`);
        ok = false;
      }
    }
    if (!ok) return;
    const entry: AllowEntry = {
      value: rec.value as string,
      reason: rec.reason as string,
      approvedBy: rec.approvedBy as string,
      approvedOn: rec.approvedOn as string,
    };
    if (!isRealIsoDate(entry.approvedOn)) {
      errors.push(`${where}.approvedOn：“${entry.approvedOn}”不是有效日期，应为 YYYY-MM-DD。(approvedOn must be a real date in YYYY-MM-DD form.)`);
      return;
    }
    // 个人信息保护法 art. 28: ID and financial account numbers are sensitive personal information;
    // no approval makes publishing a person's one lawful here (DOMAIN.md), so they cannot be listed.
    const never = scanText(entry.value).find((f) => f.kind === 'resident-id' || f.kind === 'bank-card');
    if (never) {
      const what = never.kind === 'resident-id' ? ['身份证号', 'a resident ID number'] : ['银行卡号', 'a bank-card number'];
      errors.push(
        `${where}.value：这是${what[0]}（${never.masked}），身份证号和银行卡号不能列入豁免清单，请删除这一条，并从内容中删除该号码。` +
          `(the value is ${what[1]}; ID and bank-card numbers can never be allowed — remove the entry and the number from the content.)`,
      );
      return;
    }
    if (seen.has(entry.value)) {
      errors.push(`${where}.value：与前面的条目重复。(duplicate value; already listed above.)`);
      return;
    }
    seen.add(entry.value);
    entries.push(entry);
  });
  return { entries, errors };
}

/**
 * The set to pass as `scanText(text, { allow })`. Each entry contributes its exact value and
 * the digits of the number the scanner reads in it — so allowing `138-0000-0000` also allows
 * `13800000000` and `138 0000 0000`, however else it is written.
 */
export function allowSet(entries: readonly AllowEntry[]): ReadonlySet<string> {
  const set = new Set<string>();
  for (const e of entries) {
    set.add(e.value);
    for (const digits of numberDigits(e.value)) set.add(digits);
  }
  return set;
}
