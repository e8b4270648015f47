/** Whom to tell (组织法 art. 31): the village's committee, the town, 12345 — in that order. */
import { describe, expect, it } from 'vitest';
import { siteSchema, villageSchema } from '../../src/lib/schemas';
import { supervisionContacts } from '../../src/lib/model/supervision';

const site = siteSchema.parse({
  name: '示范镇公开栏',
  issuer: '示范镇人民政府',
  issuerCode: '11330000MB0000000H',
  regionName: '示范镇',
  contact: '示范镇党政办 0571-00000000',
  privacy: { maskNames: true, suppressionThreshold: 5 },
});
const village = villageSchema.parse({ code: '330000000001', name: '东溪村', kind: '村', population: 10, households: 4 });

describe('supervisionContacts', () => {
  it('without any supervision field: the town contact line and 12345', () => {
    expect(supervisionContacts(site, village)).toEqual([
      { role: '镇（街道）受理村务公开投诉', name: '示范镇党政办 0571-00000000' },
      { role: '政务服务便民热线', name: '12345 热线', phone: '12345' },
    ]);
  });

  it("with both: the village's committee first, then the town's office, then 12345", () => {
    const v = { ...village, supervision: { name: '东溪村村务监督委员会', phone: '0571-00000001' } };
    const s = { ...site, supervision: { name: '示范镇纪委', phone: '0571-00000002' } };
    expect(supervisionContacts(s, v).map((c) => [c.name, c.phone])).toEqual([
      ['东溪村村务监督委员会', '0571-00000001'],
      ['示范镇纪委', '0571-00000002'],
      ['12345 热线', '12345'],
    ]);
  });

  it('refuses a supervision entry without a number, or with a field it does not know', () => {
    expect(villageSchema.safeParse({ ...village, supervision: { name: '东溪村村务监督委员会' } }).success).toBe(false);
    expect(siteSchema.safeParse({ ...site, supervision: { name: '纪委', phone: '0571-1', mobile: 'x' } }).success).toBe(false);
    expect(siteSchema.safeParse({ ...site, liveSince: '2026-02-30' }).success).toBe(false);
    expect(siteSchema.parse({ ...site, liveSince: '2026-08-01' }).liveSince).toBe('2026-08-01');
  });

  it("names a 社区's committee 居务监督委员会", () => {
    const community = { ...village, kind: '社区' as const, name: '溪口社区', supervision: { name: '溪口社区居务监督委员会', phone: '0571-00000003' } };
    expect(supervisionContacts(site, community)[0]!.role).toBe('居务监督委员会');
    expect(supervisionContacts(site, { ...community, kind: '村' as const })[0]!.role).toBe('村务监督委员会');
  });
});
