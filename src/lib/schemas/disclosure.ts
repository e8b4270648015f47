/**
 * Village affairs disclosure (村务公开) — 村民委员会组织法 arts. 30, 32, 34.
 * `disclosures/<villageCode>/<period>-finance.json` (ledger), `<period>-affairs.json` /
 * `<period>-party.json` (typed list tables), `<period>-notice-<slug>.mdx` (text notices).
 */
import { z } from 'astro/zod';
import { isMoneyString } from '../core/money';
import { parsePeriod } from '../core/periods';
import { isoDate, text, villageCode } from './common';

/** Yuan with exactly two decimals as a string ("1234.50"); a JSON number is refused. */
export const money = z.custom<string>((v) => isMoneyString(v), { params: { rule: 'money' } });

/** `YYYY-MM`, `YYYY-Qn` or `YYYY`. */
export const period = z.string().refine((v) => parsePeriod(v) !== undefined, { params: { rule: 'period' } });

export const DISCLOSURE_CATEGORIES = ['财务', '村务', '党务'] as const;
/** File-name word → category. */
export const KIND_CATEGORY = { finance: '财务', affairs: '村务', party: '党务' } as const;
export type DisclosureKind = keyof typeof KIND_CATEGORY;

/** 更正说明: a dated note shown at the top when published figures were changed. */
export const correctionSchema = z.object({ on: isoDate, note: text }).strict();

const common = {
  /** 12-digit village code; must equal the folder name. */
  village: villageCode,
  period,
  /** 财务 / 村务 / 党务 */
  category: z.enum(DISCLOSURE_CATEGORIES),
  title: text,
  /** 公开日期 */
  publishedOn: isoDate,
  /** 审核：usually the village's 村务监督委员会 (reviewed before publication). */
  reviewedBy: text,
  /** 公示截止日期. Optional. */
  noticeUntil: isoDate.optional(),
  corrections: z.array(correctionSchema).optional(),
};

/** One ledger line: date, 科目, 摘要, amount (yuan string), 凭证号. */
export const ledgerEntrySchema = z
  .object({
    date: isoDate,
    /** 会计科目, e.g. 发包及上交收入, 管理费用 */
    account: text,
    /** 摘要 */
    summary: text,
    amount: money,
    /** 凭证号, e.g. 记-001 */
    voucher: text,
  })
  .strict();

export const financeDisclosureSchema = z
  .object({
    ...common,
    category: z.literal('财务'),
    /** 期初余额 (yuan string) */
    openingBalance: money,
    income: z.array(ledgerEntrySchema),
    expense: z.array(ledgerEntrySchema),
    /** 期末余额 (yuan string); must equal opening + Σincome − Σexpense to the fen. */
    closingBalance: money,
  })
  .strict();

export const COLUMN_TYPES = ['text', 'integer', 'money', 'date', 'personName'] as const;

export const columnSchema = z
  .object({
    /** Key of the cell in each row. */
    key: z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, { message: 'column-key' }),
    /** 列名 shown as the table header. */
    label: text,
    type: z.enum(COLUMN_TYPES),
  })
  .strict();

export const listDisclosureSchema = z
  .object({
    ...common,
    category: z.enum(['村务', '党务']),
    columns: z.array(columnSchema).min(1),
    /** Cells are checked against their column types by the disclosure checks. */
    rows: z.array(z.record(z.string(), z.unknown())),
  })
  .strict();

export const NOTICE_TYPES = ['村民会议决议', '一事一议', '村规民约', '重大事项', '公示', '意见征集'] as const;

/** Frontmatter of `<period>-notice-<slug>.mdx`. */
export const noticeDisclosureSchema = z
  .object({
    ...common,
    /** 公告类型 (extension). Optional. */
    noticeType: z.enum(NOTICE_TYPES).optional(),
    /** Where residents send views during the notice period. Optional. */
    contact: z.string().optional(),
  })
  .strict();

export type LedgerEntry = z.infer<typeof ledgerEntrySchema>;
export type FinanceDisclosure = z.infer<typeof financeDisclosureSchema>;
export type ListColumn = z.infer<typeof columnSchema>;
export type ListDisclosure = z.infer<typeof listDisclosureSchema>;
export type NoticeDisclosure = z.infer<typeof noticeDisclosureSchema>;
export type Correction = z.infer<typeof correctionSchema>;
