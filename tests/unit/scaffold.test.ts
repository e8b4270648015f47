import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { checkBodyFile } from '../../src/lib/checks/bodies';
import { disclosureFile, nextIndexNumber, planFile, uniqueSlug } from '../../src/lib/content/scaffold';
import { financeDisclosureSchema, listDisclosureSchema, planSchema } from '../../src/lib/schemas';

describe('npm run new helpers', () => {
  it('takes the next free 索引号 for the issuer and year', () => {
    const used = ['X1/2026-00012', 'X1/2026-00003', 'X1/2025-00040', 'OTHER/2026-00099'];
    expect(nextIndexNumber(used, 'X1', '2026')).toBe('X1/2026-00013');
    expect(nextIndexNumber(used, 'X1', '2027')).toBe('X1/2027-00001');
  });
  it('makes short pinyin slugs without the place name or generic endings, unique', () => {
    expect(uniqueSlug('麟禾镇矛盾纠纷多元化解工作方案', new Set(), '-2026', ['麟禾镇'])).toBe('maodunjiufenduoyuanhuajie-2026');
    expect(uniqueSlug('一事一议筹资方案公示', new Set(['yishiyiyichouzi']))).toBe('yishiyiyichouzi-2');
    expect(uniqueSlug('关于推进平安建设的实施方案', new Set())).toMatch(/^[a-z0-9-]{1,32}$/);
  });
  it('writes files that pass their schemas', () => {
    const plan = planFile({
      title: '测试方案',
      indexNumber: 'X/2026-00001',
      issuer: '某镇人民政府',
      category: '社会治理',
      today: '2026-11-20',
      docNumber: '某政发〔2026〕3号',
    });
    const fm = parseYaml(/^---\n([\s\S]*?)\n---/.exec(plan)![1]!) as unknown;
    expect(planSchema.safeParse(fm).success).toBe(true);
    // The body is MDX that compiles: its note to the author is an MDX comment, not <!-- -->.
    expect(checkBodyFile(plan, 'plans/x.mdx', 'plans/x.mdx')).toEqual([]);
    const fin = JSON.parse(
      disclosureFile({
        village: '330000000001',
        villageName: '东溪村',
        period: '2026-10',
        kind: 'finance',
        title: 't',
        today: '2026-11-05',
        openingBalance: '120.00',
      }),
    ) as unknown;
    expect(financeDisclosureSchema.parse(fin)).toMatchObject({ openingBalance: '120.00', closingBalance: '120.00' });
    const list = JSON.parse(
      disclosureFile({ village: '330000000001', villageName: '东溪村', period: '2026-Q3', kind: 'affairs', title: 't', today: '2026-10-05' }),
    ) as unknown;
    expect(listDisclosureSchema.safeParse(list).success).toBe(true);
  });
});
