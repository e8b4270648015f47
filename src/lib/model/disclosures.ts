/**
 * The village-disclosure model pages render: per-disclosure views (ledger, list, notice),
 * per-village summaries with balance over time, and the timeliness matrix — all computed
 * here from "today" (村民委员会组织法 art. 30: finance monthly, other matters at least quarterly).
 */
import { buildLedger, type Ledger } from '../disclosures/ledger';
import { formatCell } from '../disclosures/cells';
import { deadlineAfter, formatPeriod, parsePeriod, previousMonth, quarterOf } from '../core/periods';
import { daysBetween } from '../core/dates';
import type { Correction, DisclosureKind, FinanceDisclosure, ListColumn, ListDisclosure, NoticeDisclosure } from '../schemas/disclosure';
import type { Village } from '../schemas/village';
import type { Fen } from '../core/money';

export const KIND_LABELS: Record<DisclosureKind | 'notice', string> = { finance: '财务公开', affairs: '村务公开', party: '党务公开', notice: '公告' };

export interface DisclosureInput {
  /** `<period>-<kind>` or `<period>-notice-<slug>` */
  id: string;
  kind: DisclosureKind | 'notice';
  data: FinanceDisclosure | ListDisclosure | NoticeDisclosure;
  /** Absolute path of the source file (for its revision history). */
  file?: string;
  /** A notice's Markdown text as written (its JSON download and 核对码 cover it); other kinds have none. */
  body?: string;
}

interface ViewBase {
  id: string;
  file?: string;
  village: Village;
  period: string;
  periodLabel: string;
  category: string;
  title: string;
  publishedOn: string;
  reviewedBy: string;
  noticeUntil?: string;
  /** Today is within the notice period (公示中). */
  noticeOpen: boolean;
  /** The 公示期 as of today, when the disclosure has one (`noticeUntil`). */
  noticePeriod?: NoticePeriod;
  corrections: Correction[];
  kindLabel: string;
}

export interface FinanceView extends ViewBase {
  kind: 'finance';
  ledger: Ledger;
  source: FinanceDisclosure;
}

export interface ListView extends ViewBase {
  kind: 'affairs' | 'party';
  columns: ListColumn[];
  /** Display strings per row, in column order. */
  cells: string[][];
  source: ListDisclosure;
}

export interface NoticeView extends ViewBase {
  kind: 'notice';
  noticeType?: string;
  contact?: string;
  source: NoticeDisclosure;
  /** The notice's text as written (Markdown), for its JSON download (src/lib/model/records.ts). */
  text: string;
}

export type DisclosureView = FinanceView | ListView | NoticeView;

/**
 * 公示期: from the publication day to `noticeUntil`, both included. While it is open residents
 * may object (村民委员会组织法 art. 31), so the page says how long is left, as of today.
 */
export interface NoticePeriod {
  from: string;
  until: string;
  /** upcoming: published later than today; open: today is within it; ended: after `until`. */
  state: 'upcoming' | 'open' | 'ended';
  /** Days left counting today (1 on the last day) while open; 0 otherwise. */
  daysLeft: number;
  /** Where to send views: a notice's `contact`; lists have none. */
  contact?: string;
}

export function noticePeriod(from: string, until: string, today: string, contact?: string): NoticePeriod {
  const state = today < from ? 'upcoming' : today > until ? 'ended' : 'open';
  return { from, until, state, daysLeft: state === 'open' ? daysBetween(today, until) + 1 : 0, ...(contact ? { contact } : {}) };
}

/**
 * before-live (本站上线前): the deadline fell before `site.json` `liveSince`, and the period was
 * not disclosed on time here — the site cannot say whether the paper board had it, so it is
 * neither 未公开 nor 逾期.
 */
export type Timeliness = 'on-time' | 'late' | 'missing' | 'pending' | 'before-live';

export interface TimelinessCell {
  period: string;
  status: Timeliness;
  deadline: string;
  publishedOn?: string;
  /** The disclosure to link to, when there is one. */
  id?: string;
}

export interface BalancePoint {
  period: string;
  openingFen: Fen;
  incomeFen: Fen;
  expenseFen: Fen;
  closingFen: Fen;
}

export interface VillageDisclosures {
  village: Village;
  /** Newest period first; within a period finance, affairs, party, notices. */
  items: DisclosureView[];
  latest?: DisclosureView;
  balance: BalancePoint[];
  finance: TimelinessCell[];
  quarterly: TimelinessCell[];
}

export interface DisclosureModel {
  villages: VillageDisclosures[];
  /** Column headers of the matrices: the last 12 months and the last 4 quarters before today's. */
  months: string[];
  quarters: string[];
  all: DisclosureView[];
  /** Everything already published, newest first (home page, feeds). */
  recent: DisclosureView[];
  /** `site.json` `liveSince`, when set: cells due before it are before-live. */
  liveSince?: string;
}

export interface DisclosureSettings {
  financeDeadlineDay: number;
  quarterlyDeadlineDay: number;
  /** `site.json` `liveSince`: the day the site began publishing. Optional. */
  liveSince?: string;
}

const KIND_ORDER = { finance: 0, affairs: 1, party: 2, notice: 3 } as const;

function toView(input: DisclosureInput, village: Village, today: string): DisclosureView {
  const d = input.data;
  const contact = input.kind === 'notice' ? (d as NoticeDisclosure).contact?.trim() : undefined;
  const period = d.noticeUntil === undefined ? undefined : noticePeriod(d.publishedOn, d.noticeUntil, today, contact);
  const base: ViewBase = {
    id: input.id,
    file: input.file,
    village,
    period: d.period,
    periodLabel: formatPeriod(d.period),
    category: d.category,
    title: d.title,
    publishedOn: d.publishedOn,
    reviewedBy: d.reviewedBy,
    noticeUntil: d.noticeUntil,
    noticeOpen: period?.state === 'open',
    ...(period ? { noticePeriod: period } : {}),
    corrections: d.corrections ?? [],
    kindLabel: KIND_LABELS[input.kind],
  };
  if (input.kind === 'finance') {
    const source = d as FinanceDisclosure;
    return { ...base, kind: 'finance', ledger: buildLedger(source), source };
  }
  if (input.kind === 'notice') {
    const n = d as NoticeDisclosure;
    return { ...base, kind: 'notice', noticeType: n.noticeType, contact: n.contact, source: n, text: input.body ?? '' };
  }
  const list = d as ListDisclosure;
  return {
    ...base,
    kind: input.kind,
    columns: list.columns,
    cells: list.rows.map((row) => list.columns.map((c) => formatCell(c.type, row[c.key]))),
    source: list,
  };
}

/** The `count` whole periods before the one containing today, oldest first. */
export function recentMonths(today: string, count = 12): string[] {
  const out: string[] = [];
  let m = previousMonth(today.slice(0, 7));
  for (let i = 0; i < count; i++, m = previousMonth(m)) out.unshift(m);
  return out;
}

export function recentQuarters(today: string, count = 4): string[] {
  const out: string[] = [];
  let q = quarterOf(today.slice(0, 7));
  for (let i = 0; i < count; i++) {
    const [y, n] = [Number(q.slice(0, 4)), Number(q.slice(6))];
    q = n === 1 ? `${y - 1}-Q4` : `${y}-Q${n - 1}`;
    out.unshift(q);
  }
  return out;
}

/**
 * On time when published by the deadline; late after it; missing when nothing is published
 * and the deadline has passed; pending while the deadline is still ahead. With `liveSince`, a
 * period that fell due before the site went live is before-live unless it was on time: what
 * the site did not yet carry is no evidence of a late or missing disclosure.
 */
export function timeliness(
  period: string,
  deadlineDay: number,
  published: Array<{ publishedOn: string; id: string }>,
  today: string,
  liveSince?: string,
): TimelinessCell {
  const deadline = deadlineAfter(parsePeriod(period)!, deadlineDay);
  const first = published.filter((p) => p.publishedOn <= today).sort((a, b) => a.publishedOn.localeCompare(b.publishedOn))[0];
  const beforeLive = liveSince !== undefined && deadline < liveSince;
  if (!first) return { period, deadline, status: today <= deadline ? 'pending' : beforeLive ? 'before-live' : 'missing' };
  const status = first.publishedOn <= deadline ? 'on-time' : beforeLive ? 'before-live' : 'late';
  return { period, deadline, publishedOn: first.publishedOn, id: first.id, status };
}

export function buildDisclosureModel(
  villages: readonly Village[],
  inputs: ReadonlyArray<DisclosureInput & { village: string }>,
  today: string,
  settings: DisclosureSettings,
): DisclosureModel {
  const months = recentMonths(today);
  const quarters = recentQuarters(today);
  const all: DisclosureView[] = [];
  const result = villages.map((village): VillageDisclosures => {
    const items = inputs
      .filter((i) => i.village === village.code)
      .map((i) => toView(i, village, today))
      .sort((a, b) => b.period.localeCompare(a.period) || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.id.localeCompare(b.id));
    all.push(...items);
    const finance = items.filter((i): i is FinanceView => i.kind === 'finance');
    // Anything other than finance counts toward the quarterly duty when its period lies in the quarter.
    const quarterly = items.filter((i) => i.kind !== 'finance');
    const inQuarter = (p: string, q: string) => p === q || (/^\d{4}-\d{2}$/.test(p) && quarterOf(p) === q);
    return {
      village,
      items,
      latest: [...items].sort((a, b) => b.publishedOn.localeCompare(a.publishedOn))[0],
      balance: [...finance]
        .sort((a, b) => a.period.localeCompare(b.period))
        .map((f) => ({
          period: f.period,
          openingFen: f.ledger.openingFen,
          incomeFen: f.ledger.income.totalFen,
          expenseFen: f.ledger.expense.totalFen,
          closingFen: f.ledger.closingFen,
        })),
      finance: months.map((m) =>
        timeliness(
          m,
          settings.financeDeadlineDay,
          finance.filter((f) => f.period === m),
          today,
          settings.liveSince,
        ),
      ),
      quarterly: quarters.map((q) =>
        timeliness(
          q,
          settings.quarterlyDeadlineDay,
          quarterly.filter((i) => inQuarter(i.period, q)),
          today,
          settings.liveSince,
        ),
      ),
    };
  });
  const recent = all
    .filter((d) => d.publishedOn <= today)
    .sort((a, b) => b.publishedOn.localeCompare(a.publishedOn) || a.village.code.localeCompare(b.village.code) || a.id.localeCompare(b.id));
  return { villages: result, months, quarters, all, recent, ...(settings.liveSince ? { liveSince: settings.liveSince } : {}) };
}
