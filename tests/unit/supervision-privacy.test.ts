/**
 * The new supervision fields (issue 19) go through the same personal-data scan as every other
 * content string: a personal mobile as a 监督电话 is refused, an office landline passes.
 * 个人信息保护法 art. 25: a village's complaints line must not be somebody's own phone.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateContentRoot } from '../../src/lib/checks/validate';
import { contentRootWith } from '../helpers/content';
import { TODAY } from '../today';

const env = { SITE_TODAY: TODAY };
// Built from parts so that no whole mobile number sits in the repository.
const MOBILE = ['139', '5718', '2046'].join('');
const LANDLINE = '0579-84263288';

function withJson(file: string, edit: (data: any) => void): string {
  const root = contentRootWith();
  const abs = path.join(root, file);
  const data: unknown = JSON.parse(fs.readFileSync(abs, 'utf8'));
  edit(data);
  fs.writeFileSync(abs, JSON.stringify(data, null, 2) + '\n');
  return root;
}

const villageWith = (phone: string) =>
  withJson('villages.json', (vs: Array<Record<string, unknown>>) => {
    vs[1]!.supervision = { name: '前畈村村务监督委员会', phone };
  });
const siteWith = (phone: string) =>
  withJson('site.json', (s: Record<string, unknown>) => {
    s.supervision = { name: '麟禾镇纪委', phone };
    s.liveSince = '2026-07-01';
  });

describe('supervision numbers and the personal-data scan', () => {
  it('refuses a personal mobile as a village 村务监督委员会 number, naming villages.json', () => {
    const root = villageWith(MOBILE);
    const { problems } = validateContentRoot(root, env);
    expect(problems.map((p) => [p.code, p.file])).toEqual([['privacy/mobile', path.join(root, 'villages.json')]]);
    expect(problems[0]!.what.zh).toContain('手机号码');
    // The message masks the number: it never prints it whole.
    expect(JSON.stringify(problems)).not.toContain(MOBILE);
  });

  it("refuses a personal mobile as the town's supervision number, naming site.json", () => {
    const root = siteWith(MOBILE);
    const { problems } = validateContentRoot(root, env);
    expect(problems.map((p) => [p.code, p.file])).toEqual([['privacy/mobile', path.join(root, 'site.json')]]);
  });

  it('refuses it written with spaces too', () => {
    const spaced = `${MOBILE.slice(0, 3)} ${MOBILE.slice(3, 7)} ${MOBILE.slice(7)}`;
    expect(validateContentRoot(villageWith(spaced), env).problems.map((p) => p.code)).toEqual(['privacy/mobile']);
  });

  it('passes an office landline in both, and liveSince with it', () => {
    expect(validateContentRoot(villageWith(LANDLINE), env).problems).toEqual([]);
    expect(validateContentRoot(siteWith(LANDLINE), env).problems).toEqual([]);
  });
});
