/**
 * Published figures change only with a correction entry, checked against git; revision
 * history is read from git and degrades on a shallow clone.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readHistory } from '../../src/lib/content/git';
import { validateContentRoot } from '../../src/lib/checks/validate';
import { contentRootWith } from '../helpers/content';
import { TODAY } from '../today';

const env = { SITE_TODAY: TODAY };
const FILE = 'disclosures/330799203204/2025-10-finance.json';
let root: string;
const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8' });
const codes = () => validateContentRoot(root, env).problems.map((p) => p.code);

function ledger(expense: string, closing: string, corrections?: Array<{ on: string; note: string }>) {
  return JSON.stringify(
    {
      village: '330799203204',
      period: '2025-10',
      category: '财务',
      title: '后垟村2025年10月财务收支公开',
      publishedOn: '2025-11-05',
      reviewedBy: '后垟村村务监督委员会',
      ...(corrections ? { corrections } : {}),
      openingBalance: '100000.00',
      income: [{ date: '2025-10-05', account: '发包及上交收入', summary: '鱼塘承包费', amount: '5000.00', voucher: '记-001' }],
      expense: [{ date: '2025-10-09', account: '管理费用', summary: '办公用品', amount: expense, voucher: '记-002' }],
      closingBalance: closing,
    },
    null,
    2,
  );
}

beforeAll(() => {
  root = contentRootWith();
  fs.mkdirSync(path.dirname(path.join(root, FILE)), { recursive: true });
  fs.writeFileSync(path.join(root, FILE), ledger('318.60', '104681.40'));
  git('init', '-q');
  git('config', 'user.email', 't@example.invalid');
  git('config', 'user.name', 't');
  git('add', '.');
  git('commit', '-qm', '公开2025年10月财务');
});

describe('corrections to published figures', () => {
  it('refuses a change to published amounts without a correction entry', () => {
    expect(codes()).toEqual([]);
    fs.writeFileSync(path.join(root, FILE), ledger('381.60', '104618.40'));
    const problems = validateContentRoot(root, env).problems;
    expect(problems.map((p) => p.code)).toEqual(['disclosure/uncorrected-change']);
    expect(problems[0]!.file).toBe(path.join(root, FILE));
    expect(problems[0]!.what.zh).toContain('2025-11-05');
  });

  it('accepts it with a new correction entry, and checks the last commit too', () => {
    fs.writeFileSync(path.join(root, FILE), ledger('381.60', '104618.40', [{ on: '2026-11-20', note: '更正记-002金额，原录入为318.60元。' }]));
    expect(codes()).toEqual([]);
    git('commit', '-qam', '更正10月办公用品金额');
    expect(codes()).toEqual([]);
    // A committed change without a correction is caught by comparing HEAD with its parent.
    fs.writeFileSync(path.join(root, FILE), ledger('391.60', '104608.40', [{ on: '2026-11-20', note: '更正记-002金额，原录入为318.60元。' }]));
    git('commit', '-qam', '再次修改');
    expect(codes()).toEqual(['disclosure/uncorrected-change']);
  });

  it('reads revision history from git, masked, and degrades on a shallow clone', () => {
    const history = readHistory(root);
    expect(history.available).toBe(true);
    if (!history.available) return;
    const revs = history.revisions.get(path.join(root, FILE))!;
    expect(revs.map((r) => r.message)).toEqual(['再次修改', '更正10月办公用品金额', '公开2025年10月财务']);
    expect(revs[0]!.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    const shallow = fs.mkdtempSync(path.join(os.tmpdir(), 'gkl-shallow-'));
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${root}`, shallow]);
    expect(readHistory(shallow)).toEqual({ available: false, reason: 'shallow' });
    expect(readHistory(os.tmpdir())).toEqual({ available: false, reason: 'no-git' });
  });
});
