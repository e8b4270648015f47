/**
 * Issue 19: each record's one JSON form (src/lib/model/records.ts) and its 核对码, the posters'
 * schedule and contacts (src/lib/model/poster.ts), and the check's warning for a town with no
 * site URL (src/lib/checks/warnings.ts) — over the real 麟禾镇 fixture content.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateContentRoot } from '../../src/lib/checks/validate';
import { contentWarnings, formatWarnings } from '../../src/lib/checks/warnings';
import { contentInput } from '../../src/lib/model/from-content';
import { posterDuties, townPoster, villagePoster } from '../../src/lib/model/poster';
import { disclosureFingerprint, disclosureRecordJson, planFingerprint, planRecordJson } from '../../src/lib/model/records';
import { buildSiteModel } from '../../src/lib/model/site';
import type { FinanceView } from '../../src/lib/model/disclosures';
import { fingerprint } from '../../src/lib/print/fingerprint';
import { LINHE } from '../helpers/content';
import { TODAY } from '../today';

const validated = validateContentRoot(LINHE, { SITE_TODAY: TODAY });
const model = buildSiteModel({ ...contentInput(validated.content), today: TODAY });

describe('record JSON and 核对码', () => {
  it('serves a ledger or list as the content file has it', () => {
    const d = model.disclosures.all.find((x) => x.kind === 'finance')!;
    const file = JSON.parse(fs.readFileSync(d.file!, 'utf8')) as unknown;
    expect(JSON.parse(disclosureRecordJson(d))).toEqual(file);
    expect(disclosureFingerprint(d)).toBe(fingerprint(disclosureRecordJson(d)));
  });

  it('serves a notice as its frontmatter fields and its text', () => {
    const n = model.disclosures.all.find((x) => x.kind === 'notice')!;
    const json = JSON.parse(disclosureRecordJson(n)) as Record<string, unknown>;
    expect(json).toMatchObject({ village: n.village.code, title: n.title, publishedOn: n.publishedOn, category: n.category });
    expect(json.text).toBe(n.kind === 'notice' && n.text);
    expect(String(json.text)).toContain(fs.readFileSync(n.file!, 'utf8').split('---').at(-1)!.trim().slice(0, 20));
  });

  it('serves a plan as its fields and its full text', () => {
    const p = model.plans[0]!;
    const json = JSON.parse(planRecordJson(p)) as Record<string, unknown>;
    expect(json).toMatchObject({ title: p.title, issuer: p.issuer, publishedOn: p.publishedOn });
    expect(json).not.toHaveProperty('rollup');
    expect(String(json.text).length).toBeGreaterThan(50);
    expect(planFingerprint(p)).toMatch(/^[0-9A-F]{4} [0-9A-F]{4}$/);
  });

  it('changes the 核对码 when one figure of a ledger changes', () => {
    const d = model.disclosures.all.find((x): x is FinanceView => x.kind === 'finance')!;
    const line = d.source.income[0]!;
    const changed: FinanceView = {
      ...d,
      source: { ...d.source, income: [{ ...line, amount: line.amount === '1.00' ? '1.01' : '1.00' }, ...d.source.income.slice(1)] },
    };
    expect(disclosureFingerprint(changed)).not.toBe(disclosureFingerprint(d));
  });
});

describe('一村一码 posters', () => {
  it('say what is published how often, with the town’s deadlines (组织法 art. 30)', () => {
    const duties = posterDuties({ ...model.site, disclosure: { financeDeadlineDay: 5, quarterlyDeadlineDay: 20 } });
    expect(duties.map((d) => d.what)).toEqual(['财务公开（收支明细、余额）', '村务公开（低保、补贴、项目等）', '党务公开', '重大事项公告、公示']);
    expect(duties[0]!.when).toBe('每月一次，次月 5 日前公开');
    expect(duties[1]!.when).toContain('次月 20 日前');
  });

  it('name the village and whom to tell; the town poster names the town', () => {
    const community = model.villages.find((v) => v.kind === '社区')!;
    const village = model.villages.find((v) => v.kind === '村')!;
    expect(villagePoster(model.site, community).title).toBe(`${community.name}居务公开`);
    expect(villagePoster(model.site, village).title).toBe(`${village.name}村务公开`);
    expect(villagePoster(model.site, village).contacts.at(-1)?.phone).toBe('12345');
    expect(townPoster(model.site).title).toBe(`${model.site.regionName}各村（社区）村务公开`);
  });
});

describe('the check’s warnings', () => {
  const display = (abs: string) => path.relative(path.dirname(LINHE), abs);
  const noUrl = { ...validated.content, site: { ...validated.content.site!, siteUrl: undefined } };

  it('has none for a town with a site URL in site.json or in SITE_URL', () => {
    expect(validated.warnings).toEqual([]);
    expect(contentWarnings(noUrl, { SITE_URL: 'https://linhe.example.cn' }, display)).toEqual([]);
  });

  it('warns, bilingual and naming site.json siteUrl, when there is neither', () => {
    const warnings = contentWarnings(noUrl, {}, display);
    expect(warnings).toEqual([expect.objectContaining({ file: 'linhe/site.json', field: 'siteUrl', code: 'site/no-site-url' })]);
    const text = formatWarnings(warnings);
    expect(text).toContain('二维码');
    expect(text).toContain('QR code');
    expect(text).toContain('不影响发布');
    expect(formatWarnings([])).toBe('');
  });
});
