/**
 * The wording of schema problems (src/lib/schemas/messages.ts): a field's label comes from its
 * place in the schema, so the same key reads as what it means there.
 */
import { describe, expect, it } from 'vitest';
import { describeIssue, fieldLabel } from '../../src/lib/schemas/messages';
import { planSchema } from '../../src/lib/schemas/plan';

function problemsOf(data: unknown) {
  const r = planSchema.safeParse(data, { reportInput: true });
  if (r.success) throw new Error('expected a problem');
  return r.error.issues.map((issue) => ({ path: issue.path.join('.'), ...describeIssue(issue, planSchema) }));
}

describe('schema problem wording', () => {
  it('a 领导小组 member’s bad title is reported as 职务, the plan’s own title as 名称', () => {
    const problems = problemsOf({ title: 5, leadingGroup: [{ role: '组长', name: '王某某', title: 7 }] });
    const member = problems.find((p) => p.path === 'leadingGroup.0.title');
    const plan = problems.find((p) => p.path === 'title');
    expect(member?.what).toEqual({ zh: '职务（title） 应为文字，实际是数字', en: 'title should be string, got number' });
    expect(plan?.what.zh).toBe('名称（title） 应为文字，实际是数字');
  });

  it('falls back to the key’s usual label, and to the key itself', () => {
    expect(fieldLabel(['tasks', 3, 'lead'], planSchema)).toEqual({ zh: '牵头单位（lead）', en: 'lead' });
    expect(fieldLabel(['leadingGroup', 0, 'name'], planSchema)).toEqual({ zh: '姓名（name）', en: 'name' });
    expect(fieldLabel(['name'])).toEqual({ zh: '名称（name）', en: 'name' });
    expect(fieldLabel(['zzz'])).toEqual({ zh: 'zzz', en: 'zzz' });
    expect(fieldLabel([])).toEqual({ zh: '文件内容', en: 'the file' });
  });
});
