/**
 * Checks on village disclosures (CONTENT.md § Village affairs disclosure): filed under the
 * right village and period, ledgers that reconcile to the fen, entries inside the period,
 * continuity between consecutive months, list cells that match their column types.
 */
import { bi } from '../core/errors';
import type { DisclosureSource } from '../content/disclosures';
import { registeredVillageCodes } from '../content/set';
import { buildLedger } from '../disclosures/ledger';
import { cellFits, cellTypeName } from '../disclosures/cells';
import { formatYuan } from '../core/money';
import { nextMonth, parsePeriod } from '../core/periods';
import { KIND_CATEGORY, type FinanceDisclosure, type ListDisclosure } from '../schemas/disclosure';
import { codesOf, defineItemRule, defineRule, doc, locate, runItemRules, type CodedProblem, type Draft, type ItemRule } from './rule';

/** One disclosure as its rules see it; the importer builds one from a spreadsheet. */
export type DisclosureItem = (DisclosureSource extends infer D
  ? D extends DisclosureSource
    ? Pick<D, 'kind' | 'data' | 'folder' | 'namePeriod'>
    : never
  : never) & {
  /** Registered village codes; undefined when villages.json could not be read. */
  villageCodes?: Set<string>;
};

const filing = defineItemRule({
  name: 'disclosure-filing',
  codes: {
    'disclosure/village-folder': doc(
      '公开文件放在其村（社区）代码的文件夹中',
      "a disclosure is filed in the folder of its village's code",
      '把文件移到与村代码相同的文件夹，或改正 village',
      'move the file to the folder of its village code, or correct village',
    ),
    'disclosure/unknown-village': doc(
      '公开文件的村（社区）已在 villages.json 中登记',
      'the village of a disclosure is registered in villages.json',
      '先在 villages.json 中登记该村（社区），或改正代码',
      'register the village in villages.json first, or correct the code',
    ),
    'disclosure/period-name': doc(
      '文件名中的期间与 period 一致',
      'the period in the file name and the period field agree',
      '让文件名与 period 一致',
      'make the file name and period agree',
    ),
    'disclosure/category-kind': doc(
      '类别与文件种类一致（finance 为财务，affairs 为村务，party 为党务）',
      'the category matches the kind of file (finance 财务, affairs 村务, party 党务)',
      '把 category 改为与文件种类一致，或改文件名',
      'set the category the kind of file says, or rename the file',
    ),
  },
  check: (d: DisclosureItem) => {
    const out: Array<Draft<'disclosure/village-folder' | 'disclosure/unknown-village' | 'disclosure/period-name' | 'disclosure/category-kind'>> = [];
    const data = d.data;
    if (data.village !== d.folder) {
      out.push({
        path: ['village'],
        code: 'disclosure/village-folder',
        what: bi(`village 是 ${data.village}，但文件放在文件夹 ${d.folder} 中`, `village is ${data.village} but the file is in folder ${d.folder}`),
      });
    } else if (d.villageCodes && !d.villageCodes.has(data.village)) {
      out.push({
        path: ['village'],
        code: 'disclosure/unknown-village',
        what: bi(`村（社区）代码 ${data.village} 不在 villages.json 中`, `village code ${data.village} is not in villages.json`),
      });
    }
    if (data.period !== d.namePeriod) {
      out.push({
        path: ['period'],
        code: 'disclosure/period-name',
        what: bi(`period 是 ${data.period}，但文件名中的期间是 ${d.namePeriod}`, `period is ${data.period} but the file name says ${d.namePeriod}`),
      });
    }
    if (d.kind !== 'notice' && data.category !== KIND_CATEGORY[d.kind]) {
      out.push({
        path: ['category'],
        code: 'disclosure/category-kind',
        what: bi(
          `${d.kind} 文件的类别应为“${KIND_CATEGORY[d.kind]}”，实际是“${data.category}”`,
          `a ${d.kind} file has category ${KIND_CATEGORY[d.kind]}, not ${data.category}`,
        ),
        fix: bi(`把 category 改为“${KIND_CATEGORY[d.kind]}”，或改文件名`, `set category to ${KIND_CATEGORY[d.kind]} or rename the file`),
      });
    }
    return out;
  },
});

/** The notice period starts at publication (村务公开: posted for the days the law sets). */
export const noticeRule = defineItemRule({
  name: 'disclosure-notice',
  codes: {
    'disclosure/notice-before-publication': doc(
      '公示截止日期不早于公开日期（村民委员会组织法第三十条：村务公开）',
      'the notice period does not end before publication (Organic Law of Villagers Committees art. 30)',
      '公示期从公开日开始，截止日期不能更早（张贴一般不少于 5 天）',
      'the notice period starts at publication; the end cannot be earlier',
    ),
  },
  check: ({ data }: { data: { noticeUntil?: string; publishedOn: string } }) =>
    data.noticeUntil && data.noticeUntil < data.publishedOn
      ? [
          {
            path: ['noticeUntil'],
            code: 'disclosure/notice-before-publication',
            what: bi(
              `公示截止日期 ${data.noticeUntil} 早于公开日期 ${data.publishedOn}`,
              `notice period ends (${data.noticeUntil}) before publication (${data.publishedOn})`,
            ),
          },
        ]
      : [],
});

const financeMonthly = defineItemRule({
  name: 'disclosure-finance-monthly',
  codes: {
    'disclosure/finance-monthly': doc(
      '财务按月公开（村民委员会组织法第三十条：财务收支情况每月公布一次）',
      'finance is disclosed monthly (Organic Law of Villagers Committees art. 30: finances published every month)',
      '把 period 写成 YYYY-MM，按月分文件',
      'write period as YYYY-MM, one file per month',
    ),
  },
  check: (d: DisclosureItem) =>
    d.kind === 'finance' && parsePeriod(d.data.period) && parsePeriod(d.data.period)!.kind !== 'month'
      ? [
          {
            path: ['period'],
            code: 'disclosure/finance-monthly',
            what: bi('财务公开按月公开，期间应为月份', 'finance is disclosed monthly; the period must be a month'),
          },
        ]
      : [],
});

/** A finance ledger's figures, from a file or from a spreadsheet. */
type Ledger = Pick<FinanceDisclosure, 'openingBalance' | 'income' | 'expense' | 'closingBalance'>;

/** Opening + income − expense = closing, to the fen. */
export const balanceRule = defineItemRule({
  name: 'disclosure-balance',
  codes: {
    'disclosure/unbalanced': doc(
      '账目平衡到分：期初 + 收入 − 支出 = 期末',
      'the ledger balances to the fen: opening + income − expense = closing',
      '核对每一笔收支金额和期末余额，改正抄错的数字',
      'check every amount and the closing balance against the books',
    ),
  },
  check: (fin: Ledger) => {
    const ledger = buildLedger(fin);
    if (ledger.balanced) return [];
    return [
      {
        path: ['closingBalance'],
        code: 'disclosure/unbalanced',
        what: bi(
          `账目不平：期初 ${formatYuan(ledger.openingFen)} + 收入 ${formatYuan(ledger.income.totalFen)} − 支出 ${formatYuan(ledger.expense.totalFen)} = ${formatYuan(ledger.computedClosingFen)}，但期末余额写的是 ${formatYuan(ledger.closingFen)}（相差 ${formatYuan(ledger.differenceFen)}）`,
          `ledger does not balance: opening + income − expense = ${formatYuan(ledger.computedClosingFen)}, but closingBalance is ${formatYuan(ledger.closingFen)} (off by ${formatYuan(ledger.differenceFen)})`,
        ),
      },
    ];
  },
});

/** Every entry is dated inside the period it is disclosed for. */
export const entryPeriodRule = defineItemRule({
  name: 'disclosure-entry-period',
  codes: {
    'disclosure/entry-outside-period': doc(
      '每一笔收支的日期都在公开期间内',
      'every entry is dated inside the period disclosed',
      '把该笔放到对应月份的财务公开中，或改正日期',
      'move the entry to the disclosure of its month, or correct the date',
    ),
  },
  check: (fin: Pick<FinanceDisclosure, 'period' | 'income' | 'expense'>) => {
    const period = parsePeriod(fin.period);
    if (!period) return [];
    return (['income', 'expense'] as const).flatMap((sideKey) =>
      fin[sideKey].flatMap((e, i): Array<Draft<'disclosure/entry-outside-period'>> =>
        e.date < period.start || e.date > period.end
          ? [
              {
                path: [sideKey, i, 'date'],
                code: 'disclosure/entry-outside-period',
                what: bi(
                  `${sideKey === 'income' ? '收入' : '支出'}第 ${i + 1} 笔（${e.voucher}）日期 ${e.date} 不在公开期间 ${fin.period} 内`,
                  `${sideKey} entry ${i + 1} (${e.voucher}) is dated ${e.date}, outside ${fin.period}`,
                ),
              },
            ]
          : [],
      ),
    );
  },
});

/** A ledger rule, run on finance disclosures only. */
function onFinance<C extends string>(rule: ItemRule<FinanceDisclosure, C>): ItemRule<DisclosureItem, C> {
  return { name: rule.name, codes: rule.codes, check: (d) => (d.kind === 'finance' ? rule.check(d.data) : []) };
}

type ListCode = 'disclosure/duplicate-column' | 'disclosure/missing-cell' | 'disclosure/cell-type' | 'disclosure/unknown-cell';

function cellFindings(list: ListDisclosure): Array<Draft<ListCode>> {
  const out: Array<Draft<ListCode>> = [];
  const keys = new Set(list.columns.map((c) => c.key));
  list.rows.forEach((row, r) => {
    for (const c of list.columns) {
      if (!(c.key in row)) {
        out.push({
          path: ['rows', r],
          code: 'disclosure/missing-cell',
          what: bi(`第 ${r + 1} 行缺少“${c.label}”（${c.key}）`, `row ${r + 1} has no "${c.key}"`),
        });
      } else if (!cellFits(c.type, row[c.key])) {
        const t = cellTypeName(c.type);
        out.push({
          path: ['rows', r, c.key],
          code: 'disclosure/cell-type',
          what: bi(
            `第 ${r + 1} 行“${c.label}”应为${t.zh}，实际是 ${JSON.stringify(row[c.key])}`,
            `row ${r + 1}: "${c.key}" should be ${t.en}, got ${JSON.stringify(row[c.key])}`,
          ),
          fix: bi(`按列类型 ${c.type} 填写该单元格`, `write the cell as its column type ${c.type} says`),
        });
      }
    }
    for (const k of Object.keys(row)) {
      if (!keys.has(k)) {
        out.push({
          path: ['rows', r, k],
          code: 'disclosure/unknown-cell',
          what: bi(`第 ${r + 1} 行有未定义的列“${k}”`, `row ${r + 1} has a cell "${k}" with no column`),
        });
      }
    }
  });
  return out;
}

const listTable = defineItemRule({
  name: 'disclosure-list-table',
  codes: {
    'disclosure/duplicate-column': doc(
      '名单表每一列的 key 不重复',
      'every column key of a list table is unique',
      '每一列使用不同的 key',
      'give every column its own key',
    ),
    'disclosure/missing-cell': doc(
      '每一行都有每一列的单元格',
      'every row has a cell for every column',
      '补上该单元格；没有内容的文字列写 ""',
      'add the cell; an empty text cell is ""',
    ),
    'disclosure/cell-type': doc('单元格符合其列类型', 'every cell fits its column type', '按列类型填写该单元格', 'write the cell as its column type says'),
    'disclosure/unknown-cell': doc(
      '每个单元格都属于已定义的列',
      'every cell belongs to a declared column',
      '在 columns 中定义该列，或删除该单元格',
      'define the column in columns, or remove the cell',
    ),
  },
  check: (d: DisclosureItem) => {
    if (d.kind !== 'affairs' && d.kind !== 'party') return [];
    const out: Array<Draft<ListCode>> = [];
    const keys = new Set<string>();
    d.data.columns.forEach((c, i) => {
      if (keys.has(c.key)) {
        out.push({
          path: ['columns', i, 'key'],
          code: 'disclosure/duplicate-column',
          what: bi(`列 key“${c.key}”重复`, `column key "${c.key}" is used twice`),
        });
      }
      keys.add(c.key);
    });
    return [...out, ...cellFindings(d.data)];
  },
});

/** The rules on one disclosure, in the order their problems are reported. */
const DISCLOSURE_RULES = [filing, noticeRule, financeMonthly, onFinance(balanceRule), onFinance(entryPeriodRule), listTable];

/** Next month's opening balance equals this month's closing balance, when both exist. */
function checkContinuity(items: readonly DisclosureSource[]): Array<CodedProblem<'disclosure/continuity'>> {
  const problems: Array<CodedProblem<'disclosure/continuity'>> = [];
  const finance = new Map<string, Extract<DisclosureSource, { kind: 'finance' }>>();
  for (const d of items) if (d.kind === 'finance') finance.set(`${d.data.village}/${d.data.period}`, d);
  for (const d of finance.values()) {
    if (!/^\d{4}-\d{2}$/.test(d.data.period)) continue;
    const next = finance.get(`${d.data.village}/${nextMonth(d.data.period)}`);
    if (next && next.data.openingBalance !== d.data.closingBalance) {
      problems.push(
        locate(next.source, {
          path: ['openingBalance'],
          code: 'disclosure/continuity',
          what: bi(
            `期初余额 ${next.data.openingBalance} 与上月（${d.data.period}）期末余额 ${d.data.closingBalance} 不一致`,
            `openingBalance ${next.data.openingBalance} differs from the closing balance of ${d.data.period} (${d.data.closingBalance})`,
          ),
          fix: bi(
            `核对两个月的账目：本月期初应等于上月期末（见 ${d.source.display}）`,
            `check both months: this opening must equal last month's closing (${d.source.display})`,
          ),
        }),
      );
    }
  }
  return problems;
}

export const disclosureRules = defineRule({
  name: 'disclosures',
  codes: {
    ...codesOf(DISCLOSURE_RULES),
    'disclosure/continuity': doc(
      '本月期初余额等于上月期末余额',
      "a month's opening balance equals the previous month's closing balance",
      '核对两个月的账目：本月期初应等于上月期末',
      "check both months: this opening must equal last month's closing",
    ),
  },
  check: (c) => {
    const villageCodes = registeredVillageCodes(c);
    const each = c.disclosures.flatMap((d) => runItemRules(DISCLOSURE_RULES, { ...d, villageCodes } as DisclosureItem).map((f) => locate(d.source, f)));
    return [...each, ...checkContinuity(c.disclosures)];
  },
});
