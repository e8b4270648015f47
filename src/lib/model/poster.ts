/**
 * 一村一码: what the poster on a village's board (and the town's) says — where the disclosures
 * are, what is published there and how often, and whom to tell when one is late or wrong. The
 * duties are 村民委员会组织法 art. 30 (财务 at least monthly where there is much of it, other matters
 * at least quarterly, 重大事项 as they happen); the deadlines are the town's (site.json `disclosure`).
 */
import type { Site } from '../schemas/site';
import type { Village } from '../schemas/village';
import { supervisionContacts, type SupervisionContact } from './supervision';

export interface PosterDuty {
  /** What is published, e.g. 财务公开. */
  what: string;
  /** How often and by when, in a resident's words. */
  when: string;
}

export interface Poster {
  /** Who the board belongs to: the village's or community's name, or the town's region name. */
  name: string;
  title: string;
  duties: PosterDuty[];
  contacts: SupervisionContact[];
}

/** The publication schedule every village keeps (组织法 art. 30), with the town's deadlines. */
export function posterDuties(site: Site): PosterDuty[] {
  const { financeDeadlineDay, quarterlyDeadlineDay } = site.disclosure;
  return [
    { what: '财务公开（收支明细、余额）', when: `每月一次，次月 ${financeDeadlineDay} 日前公开` },
    { what: '村务公开（低保、补贴、项目等）', when: `至少每季度一次，季度结束后次月 ${quarterlyDeadlineDay} 日前公开` },
    { what: '党务公开', when: `至少每季度一次，季度结束后次月 ${quarterlyDeadlineDay} 日前公开` },
    { what: '重大事项公告、公示', when: '随时公开，公示期内可以提出意见' },
  ];
}

/** The poster for one village's board. */
export function villagePoster(site: Site, village: Village): Poster {
  return {
    name: village.name,
    title: `${village.name}${village.kind === '社区' ? '居务' : '村务'}公开`,
    duties: posterDuties(site),
    contacts: supervisionContacts(site, village),
  };
}

/** The poster for the town's board: every village's disclosures, one code. */
export function townPoster(site: Site): Poster {
  return {
    name: site.regionName,
    title: `${site.regionName}各村（社区）村务公开`,
    duties: posterDuties(site),
    contacts: supervisionContacts(site),
  };
}
