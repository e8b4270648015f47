/**
 * Checks on village disclosures (CONTENT.md § Village affairs disclosure): filed under the
 * right village and period, ledgers that reconcile to the fen, entries inside the period,
 * continuity between consecutive months, list cells that match their column types.
 */
import { bi, type Problem } from '../core/errors';
import type { ContentSet } from '../content/set';
import type { DisclosureSource } from '../content/disclosures';
import { problemAt } from '../content/parse';
import { buildLedger } from '../disclosures/ledger';
import { cellFits, cellTypeName } from '../disclosures/cells';
import { formatYuan } from '../core/money';
import { nextMonth, parsePeriod } from '../core/periods';
import { KIND_CATEGORY } from '../schemas/disclosure';

function checkOne(d: DisclosureSource, villageCodes: Set<string> | undefined): Problem[] {
  const problems: Problem[] = [];
  const at = (path: Array<string | number>, p: Pick<Problem, 'code' | 'what' | 'fix'>) => problems.push(problemAt(d.source, path, p));
  const data = d.data;

  if (data.village !== d.folder) {
    at(['village'], {
      code: 'disclosure/village-folder',
      what: bi(`village 是 ${data.village}，但文件放在文件夹 ${d.folder} 中`, `village is ${data.village} but the file is in folder ${d.folder}`),
      fix: bi('把文件移到与村代码相同的文件夹，或改正 village', 'move the file to the folder of its village code, or correct village'),
    });
  } else if (villageCodes && !villageCodes.has(data.village)) {
    at(['village'], {
      code: 'disclosure/unknown-village',
      what: bi(`村（社区）代码 ${data.village} 不在 villages.json 中`, `village code ${data.village} is not in villages.json`),
      fix: bi('先在 villages.json 中登记该村（社区），或改正代码', 'register the village in villages.json first, or correct the code'),
    });
  }
  if (data.period !== d.namePeriod) {
    at(['period'], {
      code: 'disclosure/period-name',
      what: bi(`period 是 ${data.period}，但文件名中的期间是 ${d.namePeriod}`, `period is ${data.period} but the file name says ${d.namePeriod}`),
      fix: bi('让文件名与 period 一致', 'make the file name and period agree'),
    });
  }
  if (d.kind !== 'notice' && data.category !== KIND_CATEGORY[d.kind]) {
    at(['category'], {
      code: 'disclosure/category-kind',
      what: bi(
        `${d.kind} 文件的类别应为“${KIND_CATEGORY[d.kind]}”，实际是“${data.category}”`,
        `a ${d.kind} file has category ${KIND_CATEGORY[d.kind]}, not ${data.category}`,
      ),
      fix: bi(`把 category 改为“${KIND_CATEGORY[d.kind]}”，或改文件名`, `set category to ${KIND_CATEGORY[d.kind]} or rename the file`),
    });
  }
  if (data.noticeUntil && data.noticeUntil < data.publishedOn) {
    at(['noticeUntil'], {
      code: 'disclosure/notice-before-publication',
      what: bi(
        `公示截止日期 ${data.noticeUntil} 早于公开日期 ${data.publishedOn}`,
        `notice period ends (${data.noticeUntil}) before publication (${data.publishedOn})`,
      ),
      fix: bi('公示期从公开日开始，截止日期不能更早（张贴一般不少于 5 天）', 'the notice period starts at publication; the end cannot be earlier'),
    });
  }
  const period = parsePeriod(data.period);

  if (d.kind === 'finance') {
    const fin = d.data;
    if (period && period.kind !== 'month') {
      at(['period'], {
        code: 'disclosure/finance-monthly',
        what: bi('财务公开按月公开，期间应为月份', 'finance is disclosed monthly; the period must be a month'),
        fix: bi('把 period 写成 YYYY-MM，按月分文件', 'write period as YYYY-MM, one file per month'),
      });
    }
    const ledger = buildLedger(fin);
    if (!ledger.balanced) {
      at(['closingBalance'], {
        code: 'disclosure/unbalanced',
        what: bi(
          `账目不平：期初 ${formatYuan(ledger.openingFen)} + 收入 ${formatYuan(ledger.income.totalFen)} − 支出 ${formatYuan(ledger.expense.totalFen)} = ${formatYuan(ledger.computedClosingFen)}，但期末余额写的是 ${formatYuan(ledger.closingFen)}（相差 ${formatYuan(ledger.differenceFen)}）`,
          `ledger does not balance: opening + income − expense = ${formatYuan(ledger.computedClosingFen)}, but closingBalance is ${formatYuan(ledger.closingFen)} (off by ${formatYuan(ledger.differenceFen)})`,
        ),
        fix: bi('核对每一笔收支金额和期末余额，改正抄错的数字', 'check every amount and the closing balance against the books'),
      });
    }
    if (period) {
      for (const sideKey of ['income', 'expense'] as const) {
        fin[sideKey].forEach((e, i) => {
          if (e.date < period.start || e.date > period.end) {
            at([sideKey, i, 'date'], {
              code: 'disclosure/entry-outside-period',
              what: bi(
                `${sideKey === 'income' ? '收入' : '支出'}第 ${i + 1} 笔（${e.voucher}）日期 ${e.date} 不在公开期间 ${data.period} 内`,
                `${sideKey} entry ${i + 1} (${e.voucher}) is dated ${e.date}, outside ${data.period}`,
              ),
              fix: bi('把该笔放到对应月份的财务公开中，或改正日期', 'move the entry to the disclosure of its month, or correct the date'),
            });
          }
        });
      }
    }
  }

  if (d.kind === 'affairs' || d.kind === 'party') {
    const list = d.data;
    const keys = new Set<string>();
    list.columns.forEach((c, i) => {
      if (keys.has(c.key)) {
        at(['columns', i, 'key'], {
          code: 'disclosure/duplicate-column',
          what: bi(`列 key“${c.key}”重复`, `column key "${c.key}" is used twice`),
          fix: bi('每一列使用不同的 key', 'give every column its own key'),
        });
      }
      keys.add(c.key);
    });
    list.rows.forEach((row, r) => {
      for (const c of list.columns) {
        if (!(c.key in row)) {
          at(['rows', r], {
            code: 'disclosure/missing-cell',
            what: bi(`第 ${r + 1} 行缺少“${c.label}”（${c.key}）`, `row ${r + 1} has no "${c.key}"`),
            fix: bi('补上该单元格；没有内容的文字列写 ""', 'add the cell; an empty text cell is ""'),
          });
        } else if (!cellFits(c.type, row[c.key])) {
          const t = cellTypeName(c.type);
          at(['rows', r, c.key], {
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
          at(['rows', r, k], {
            code: 'disclosure/unknown-cell',
            what: bi(`第 ${r + 1} 行有未定义的列“${k}”`, `row ${r + 1} has a cell "${k}" with no column`),
            fix: bi('在 columns 中定义该列，或删除该单元格', 'define the column in columns, or remove the cell'),
          });
        }
      }
    });
  }
  return problems;
}

/** Next month's opening balance equals this month's closing balance, when both exist. */
function checkContinuity(items: readonly DisclosureSource[]): Problem[] {
  const problems: Problem[] = [];
  const finance = new Map<string, Extract<DisclosureSource, { kind: 'finance' }>>();
  for (const d of items) if (d.kind === 'finance') finance.set(`${d.data.village}/${d.data.period}`, d);
  for (const d of finance.values()) {
    if (!/^\d{4}-\d{2}$/.test(d.data.period)) continue;
    const next = finance.get(`${d.data.village}/${nextMonth(d.data.period)}`);
    if (next && next.data.openingBalance !== d.data.closingBalance) {
      problems.push(
        problemAt(next.source, ['openingBalance'], {
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

export function checkDisclosures(c: ContentSet): Problem[] {
  const codes = c.villagesSource ? new Set(c.villages.map((v) => v.code)) : undefined;
  return [...c.disclosures.flatMap((d) => checkOne(d, codes)), ...checkContinuity(c.disclosures)];
}
