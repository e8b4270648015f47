/**
 * Whom a resident tells when a disclosure is late, incomplete or false (村民委员会组织法 art. 31:
 * the 乡镇 government must investigate): the village's 村务监督委员会, the town's office, and the
 * 12345 government service hotline. One list, shown on every disclosure and on the village poster.
 */
import type { Site } from '../schemas/site';
import type { Village } from '../schemas/village';

export interface SupervisionContact {
  /** What the office is, in a resident's words. */
  role: string;
  name: string;
  /** A public number to call; absent when only a contact text is known. */
  phone?: string;
}

/** 12345 政务服务便民热线: the national number for complaints about any government service. */
export const HOTLINE_12345: SupervisionContact = { role: '政务服务便民热线', name: '12345 热线', phone: '12345' };

export function supervisionContacts(site: Site, village?: Village): SupervisionContact[] {
  const contacts: SupervisionContact[] = [];
  // A 社区's body is its 居务监督委员会 (城市居民委员会组织法 and local 居务公开 practice), a 村's its 村务监督委员会.
  if (village?.supervision) contacts.push({ role: village.kind === '社区' ? '居务监督委员会' : '村务监督委员会', ...village.supervision });
  // Without a named office, the town's own contact line (site.json `contact`) is where to go.
  contacts.push(site.supervision ? { role: '镇（街道）受理村务公开投诉', ...site.supervision } : { role: '镇（街道）受理村务公开投诉', name: site.contact });
  contacts.push(HOTLINE_12345);
  return contacts;
}
