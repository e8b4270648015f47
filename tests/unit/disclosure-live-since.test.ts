/**
 * Honest timeliness (issue 19): a period that fell due before the site went live (`site.json`
 * `liveSince`) is 本站上线前, never 未公开 or 逾期; and the 公示期 of a notice, as of today.
 */
import { describe, expect, it } from 'vitest';
import { buildDisclosureModel, noticePeriod, timeliness, type DisclosureInput, type Timeliness } from '../../src/lib/model/disclosures';
import type { FinanceDisclosure, ListDisclosure, NoticeDisclosure } from '../../src/lib/schemas/disclosure';
import { TODAY } from '../today';

const village = { code: '330000000001', name: '东溪村', kind: '村' as const, population: 1, households: 1 };
const settings = { financeDeadlineDay: 10, quarterlyDeadlineDay: 15 };
const finance = (period: string, publishedOn: string): FinanceDisclosure => ({
  village: village.code,
  period,
  category: '财务',
  title: `${period} 财务公开`,
  publishedOn,
  reviewedBy: '东溪村村务监督委员会',
  openingBalance: '0.00',
  income: [],
  expense: [],
  closingBalance: '0.00',
});
const input = (data: FinanceDisclosure): DisclosureInput & { village: string } => ({
  village: village.code,
  id: `${data.period}-finance`,
  kind: 'finance',
  data,
});

// Published here from August on: September and October on time, August a day late.
const inputs = [finance('2026-08', '2026-09-11'), finance('2026-09', '2026-10-08'), finance('2026-10', '2026-11-06')].map(input);
const statuses = (cells: Array<{ period: string; status: Timeliness }>) => Object.fromEntries(cells.map((c) => [c.period, c.status]));

describe('liveSince', () => {
  it('a site that went live in August shows no 未公开 or 逾期 for what fell due before it', () => {
    const m = buildDisclosureModel([village], inputs, TODAY, { ...settings, liveSince: '2026-08-15' });
    const cells = statuses(m.villages[0]!.finance);
    // 2025-11 … 2026-06 fell due by 2026-07-10, before 15 August: nothing of them is a failure here.
    for (const p of ['2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06']) expect(cells[p], p).toBe('before-live');
    // 2026-07 fell due on 2026-08-10, also before: published nowhere, still not 未公开.
    expect(cells['2026-07']).toBe('before-live');
    // From the first deadline after going live, the usual rules: late is late, on time is on time.
    expect(cells['2026-08']).toBe('late');
    expect(cells['2026-09']).toBe('on-time');
    expect(cells['2026-10']).toBe('on-time');
    const all = m.villages.flatMap((v) => [...v.finance, ...v.quarterly]).map((c) => c.status);
    expect(all.filter((s) => s === 'missing' || s === 'late')).toEqual(['late', 'missing']);
    // Quarters: 2025-Q4 … 2026-Q2 fell due by 2026-07-15; 2026-Q3 (due 2026-10-15) is missing.
    expect(m.villages[0]!.quarterly.map((c) => c.status)).toEqual(['before-live', 'before-live', 'before-live', 'missing']);
    expect(m.liveSince).toBe('2026-08-15');
  });

  it('without liveSince nothing changes: the same months are 未公开', () => {
    const m = buildDisclosureModel([village], inputs, TODAY, settings);
    const cells = statuses(m.villages[0]!.finance);
    expect(cells['2026-07']).toBe('missing');
    expect(cells['2025-11']).toBe('missing');
    expect(m.villages[0]!.finance.some((c) => c.status === 'before-live')).toBe(false);
    expect(m.liveSince).toBeUndefined();
  });

  it('counts a deadline on the day the site went live, and keeps what was on time before it', () => {
    // Deadline 2026-08-10: live that day, so a missing July is missing.
    expect(timeliness('2026-07', 10, [], TODAY, '2026-08-10').status).toBe('missing');
    expect(timeliness('2026-07', 10, [], TODAY, '2026-08-11').status).toBe('before-live');
    // Published on time (back-filled from the paper board with its real date): still 按时, with its link.
    expect(timeliness('2026-07', 10, [{ publishedOn: '2026-08-03', id: 'a' }], TODAY, '2026-09-01')).toMatchObject({ status: 'on-time', id: 'a' });
    // Late but due before going live: before-live, and the page still links to it.
    expect(timeliness('2026-07', 10, [{ publishedOn: '2026-09-05', id: 'a' }], TODAY, '2026-09-01')).toMatchObject({
      status: 'before-live',
      id: 'a',
      publishedOn: '2026-09-05',
    });
    // A deadline still ahead is pending whatever liveSince says.
    expect(timeliness('2026-10', 10, [], '2026-11-05', '2026-12-01').status).toBe('pending');
  });
});

describe('notice period', () => {
  it('is open from publication to noticeUntil inclusive, counting today among the days left', () => {
    expect(noticePeriod('2026-11-15', '2026-11-25', '2026-11-20', '东溪村村委会 0571-00000000')).toEqual({
      from: '2026-11-15',
      until: '2026-11-25',
      state: 'open',
      daysLeft: 6,
      contact: '东溪村村委会 0571-00000000',
    });
    expect(noticePeriod('2026-11-15', '2026-11-20', '2026-11-20')).toMatchObject({ state: 'open', daysLeft: 1 });
    expect(noticePeriod('2026-11-15', '2026-11-20', '2026-11-15')).toMatchObject({ state: 'open', daysLeft: 6 });
    expect(noticePeriod('2026-11-15', '2026-11-19', '2026-11-20')).toMatchObject({ state: 'ended', daysLeft: 0 });
    expect(noticePeriod('2026-11-21', '2026-11-30', '2026-11-20')).toMatchObject({ state: 'upcoming', daysLeft: 0 });
    expect(noticePeriod('2026-11-15', '2026-11-25', '2026-11-20')).not.toHaveProperty('contact');
  });

  it('is on every view with noticeUntil: a notice carries its contact, a list has none', () => {
    const notice: NoticeDisclosure = {
      village: village.code,
      period: '2026-11',
      category: '村务',
      title: '一事一议方案公示',
      publishedOn: '2026-11-16',
      reviewedBy: '东溪村村务监督委员会',
      noticeUntil: '2026-11-22',
      contact: '东溪村村委会 0571-00000000',
    };
    const list: ListDisclosure = {
      village: village.code,
      period: '2026-Q3',
      category: '村务',
      title: '低保户名单公示',
      publishedOn: '2026-10-10',
      reviewedBy: '东溪村村务监督委员会',
      noticeUntil: '2026-10-17',
      columns: [{ key: 'n', label: '户数', type: 'integer' }],
      rows: [{ n: 3 }],
    };
    const m = buildDisclosureModel(
      [village],
      [
        { village: village.code, id: '2026-11-notice-yishiyiyi', kind: 'notice', data: notice },
        { village: village.code, id: '2026-Q3-affairs', kind: 'affairs', data: list },
        input(finance('2026-10', '2026-11-06')),
      ],
      TODAY,
      settings,
    );
    const byId = Object.fromEntries(m.all.map((d) => [d.id, d]));
    expect(byId['2026-11-notice-yishiyiyi']!.noticePeriod).toEqual({
      from: '2026-11-16',
      until: '2026-11-22',
      state: 'open',
      daysLeft: 3,
      contact: '东溪村村委会 0571-00000000',
    });
    expect(byId['2026-11-notice-yishiyiyi']!.noticeOpen).toBe(true);
    expect(byId['2026-Q3-affairs']!.noticePeriod).toEqual({ from: '2026-10-10', until: '2026-10-17', state: 'ended', daysLeft: 0 });
    expect(byId['2026-Q3-affairs']!.noticeOpen).toBe(false);
    expect(byId['2026-10-finance']!.noticePeriod).toBeUndefined();
  });
});
