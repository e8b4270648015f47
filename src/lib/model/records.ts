/**
 * The published JSON download of each kind of record, and its 核对码 (src/lib/print/fingerprint.ts).
 * One function per kind writes the text: the download endpoint serves it and the page prints its
 * fingerprint, so the code on the paper sheet, the code on the web page and the code a resident
 * computes from the download cannot drift apart.
 */
import { fingerprint } from '../print/fingerprint';
import type { DisclosureView, FinanceView, ListView, NoticeView } from './disclosures';
import type { PlanView } from './plans';

const json = (value: unknown) => JSON.stringify(value, null, 2) + '\n';

/** A ledger or list disclosure exactly as published (the content contract's form). */
export function tableRecordJson(d: FinanceView | ListView): string {
  return json(d.source);
}

/** A notice: its frontmatter fields and its text as written (Markdown). */
export function noticeRecordJson(d: NoticeView): string {
  return json({ ...d.source, text: d.text });
}

/** A plan: its frontmatter fields and its full text as written (Markdown). */
export function planRecordJson(plan: PlanView): string {
  return json({ ...plan.frontmatter, text: plan.text });
}

export function disclosureRecordJson(d: DisclosureView): string {
  return d.kind === 'notice' ? noticeRecordJson(d) : tableRecordJson(d);
}

/** 核对码 of a disclosure: the fingerprint of its JSON download. */
export const disclosureFingerprint = (d: DisclosureView): string => fingerprint(disclosureRecordJson(d));

/** 核对码 of a plan: the fingerprint of its JSON download. */
export const planFingerprint = (plan: PlanView): string => fingerprint(planRecordJson(plan));
