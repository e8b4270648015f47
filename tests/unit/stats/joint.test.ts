/**
 * The joint audit (issue 17 item 7): datasets with the same `source` are audited together. Every
 * fixture is built here: two datasets of one register where each file alone is safe but one's
 * published numbers give away a cell the other hides, and the same datasets with different sources.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../../src/lib/schemas/dataset';
import { auditSuppression } from '../../../src/lib/stats/audit';
import { auditJoint, jointGroups, jointProblems, sourceKey } from '../../../src/lib/stats/joint';
import { validateContentRoot } from '../../../src/lib/checks/validate';
import { contentRootWith } from '../../helpers/content';
import { TODAY } from '../../today';

const V1 = '330799203201';
const V2 = '330799203202';
const SOURCE = '麟禾镇矛盾纠纷排查调处台账（2026年）';
const hidden = { count: null, suppressed: true } as const;

function dataset(
  id: string,
  dims: Array<'village' | 'type' | 'month'>,
  rows: Dataset['rows'],
  source: string | undefined,
  totals?: Dataset['totals'],
): Dataset {
  const labels = { village: '村（社区）', type: '纠纷类型', month: '月份' } as const;
  const types = { village: 'village', type: 'category', month: 'month' } as const;
  return {
    id,
    title: `测试数据 ${id}`,
    description: '测试用',
    issuer: '麟禾镇综治中心',
    unit: '件',
    updatedOn: '2026-11-03',
    license: 'CC-BY-4.0',
    dimensions: dims.map((k) => ({ key: k, label: labels[k], type: types[k] })),
    measures: [{ key: 'count', label: '件数', type: 'count' }],
    suppression: { threshold: 5 },
    rows,
    ...(totals ? { totals } : {}),
    ...(source !== undefined ? { source } : {}),
  };
}

/** By village and type: 东岙村 邻里 3 (hidden), 婚姻 10, 土地 12; the other village all published. No totals, so alone it is safe. */
const byType = (source?: string) =>
  dataset(
    'by-type',
    ['village', 'type'],
    [
      { village: V1, type: '邻里纠纷', ...hidden },
      { village: V1, type: '婚姻家庭', count: 10 },
      { village: V1, type: '土地承包', count: 12 },
      { village: V2, type: '邻里纠纷', count: 8 },
      { village: V2, type: '婚姻家庭', count: 9 },
      { village: V2, type: '土地承包', count: 7 },
    ],
    source,
  );

/** By village only: a margin over type. 25 = 3 + 10 + 12. */
const byVillage = (source?: string, v1: number | null = 25) =>
  dataset('by-village', ['village'], [v1 === null ? { village: V1, ...hidden } : { village: V1, count: v1 }, { village: V2, count: 24 }], source);

describe('joint audit of datasets from one register', () => {
  it('each file alone passes its own audit', () => {
    expect(auditSuppression(byType(SOURCE)).ok).toBe(true);
    expect(auditSuppression(byVillage(SOURCE)).ok).toBe(true);
  });

  it("finds the cell one file hides that the other's village total gives away (25 − 10 − 12 = 3)", () => {
    const group = [byType(SOURCE), byVillage(SOURCE)];
    const [audit] = auditJoint(group);
    expect(audit).toMatchObject({ measure: 'count', members: [0, 1], infeasible: false, tooLarge: false });
    expect(audit!.unsafe).toEqual([
      { member: 0, measure: 'count', field: 'rows[0].count', where: { village: V1, type: '邻里纠纷' }, min: 3, max: 3, threshold: 5 },
    ]);
    const [p] = jointProblems(group, ['data/by-type.json', 'data/by-village.json'], [audit!], [new Set(), new Set()]);
    expect(p).toMatchObject({ member: 0, field: 'rows[0].count' });
    expect(p!.problem.code).toBe('data/recoverable-joint');
    expect(p!.problem.what.zh).toBe(
      `隐藏的数值（村（社区） ${V1}、纠纷类型 邻里纠纷）单看本文件推算不出，但与同一来源“${SOURCE}”的 data/by-village.json 中已公开的数字合起来就能推算：只可能在 3～3 之间，范围小于阈值 5`,
    );
    expect(p!.problem.what.en).toContain('is safe in this file alone, but together with the published numbers of data/by-village.json');
  });

  it('with different sources (or none) each is audited alone and both pass', () => {
    expect(jointGroups([{ dataset: byType(SOURCE) }, { dataset: byVillage('麟禾镇信访事项登记台账') }])).toEqual([]);
    expect(jointGroups([{ dataset: byType() }, { dataset: byVillage() }])).toEqual([]);
  });

  it('links through a shared margin when neither file has all the dimensions', () => {
    // By village and month: 东岙村 25 in all (13 + 12), a margin over type that the by-type file never publishes.
    const byMonth = dataset(
      'by-month',
      ['village', 'month'],
      [
        { village: V1, month: '2026-09', count: 13 },
        { village: V1, month: '2026-10', count: 12 },
        { village: V2, month: '2026-09', count: 14 },
        { village: V2, month: '2026-10', count: 10 },
      ],
      SOURCE,
    );
    const [audit] = auditJoint([byType(SOURCE), byMonth]);
    expect(audit!.cells).toBe(12);
    expect(audit!.unsafe.map((u) => [u.member, u.field, u.min, u.max])).toEqual([[0, 'rows[0].count', 3, 3]]);
  });

  it('catches a cell hidden in one file (threshold 10) and published in another (threshold 5)', () => {
    const counts = [7, 10, 12, 15, 11, 20];
    const rows = (hide: boolean) =>
      [V1, V2].flatMap((village, vi) =>
        ['邻里纠纷', '婚姻家庭', '土地承包'].map((type, ti) => {
          const count = counts[vi * 3 + ti]!;
          return hide && count < 10 ? { village, type, ...hidden } : { village, type, count };
        }),
      );
    const strict = { ...dataset('strict', ['village', 'type'], rows(true), SOURCE), suppression: { threshold: 10 } };
    const lenient = dataset('lenient', ['village', 'type'], rows(false), SOURCE);
    expect(auditSuppression(strict).ok).toBe(true);
    const [audit] = auditJoint([strict, lenient]);
    expect(audit!.unsafe.map((u) => [u.member, u.field, u.min, u.max, u.threshold])).toEqual([[0, 'rows[0].count', 7, 7, 10]]);
  });

  it('passes when the other file hides the margin too', () => {
    const [audit] = auditJoint([byType(SOURCE), byVillage(SOURCE, null)]);
    expect(audit!.unsafe).toEqual([]);
    expect(audit!.infeasible).toBe(false);
  });

  it('reports linked files whose published numbers cannot come from the same records', () => {
    const group = [byType(SOURCE), dataset('other-period', ['village'], [{ village: V2, count: 50 }], SOURCE)];
    const audits = auditJoint(group);
    expect(audits[0]!.infeasible).toBe(true);
    const [p] = jointProblems(group, ['a.json', 'b.json'], audits, [new Set(), new Set()]);
    expect(p).toMatchObject({ member: 0, field: 'source' });
    expect(p!.problem.code).toBe('data/joint-inconsistent');
    expect(p!.problem.what.zh).toContain(`同一来源“${SOURCE}”的 a.json、b.json 中指标 count 的已公开数字互相矛盾`);
  });

  it('compares sources after NFKC with white space removed', () => {
    expect(sourceKey('麟禾镇矛盾纠纷排查调处台账(2026年)')).toBe(sourceKey(` ${SOURCE} `));
    expect(sourceKey('麟禾镇 矛盾纠纷排查调处台账（2026年）')).toBe(sourceKey(SOURCE));
    expect(sourceKey('  ')).toBeUndefined();
    expect(sourceKey('麟禾镇矛盾纠纷排查调处台账（2025年）')).not.toBe(sourceKey(SOURCE));
  });
});

describe('npm run check runs the joint audit', () => {
  const write = (root: string, d: Dataset) => fs.writeFileSync(path.join(root, 'data', `${d.id}.json`), JSON.stringify(d, null, 2) + '\n');

  it('names both files and the line of the hidden cell; different sources pass', () => {
    const root = contentRootWith();
    write(root, byType(SOURCE));
    write(root, byVillage(SOURCE));
    const problems = validateContentRoot(root, { SITE_TODAY: TODAY }).problems;
    expect(problems.map((p) => p.code)).toEqual(['data/recoverable-joint']);
    const p = problems[0]!;
    expect(p.file.endsWith('data/by-type.json')).toBe(true);
    expect(p.field).toBe('rows[0].count');
    const text = fs.readFileSync(path.join(root, 'data/by-type.json'), 'utf8').split('\n');
    expect(text[p.line! - 1]).toContain('"count": null');
    expect(p.what.zh).toContain(path.join(root, 'data/by-village.json'));

    write(root, byVillage('麟禾镇信访事项登记台账'));
    expect(validateContentRoot(root, { SITE_TODAY: TODAY }).problems).toEqual([]);
  });

  it("does not report again what a file's own audit already found", () => {
    const root = contentRootWith();
    const leaky = { ...byType(SOURCE), totals: [{ by: ['village'], rows: [{ village: V1, count: 25 }] }] };
    write(root, leaky);
    write(root, byVillage(SOURCE));
    const problems = validateContentRoot(root, { SITE_TODAY: TODAY }).problems;
    expect(problems.map((p) => [p.code, p.field])).toEqual([['data/recoverable', 'rows[0].count']]);
  });
});
