/**
 * /disclosures/<village>/<period>-<kind>.json — a ledger or list exactly as published (the
 * contract's form); a notice's fields and text. The text is the record's one JSON form
 * (src/lib/model/records.ts), whose fingerprint is the 核对码 on the page and the printed sheet.
 */
import type { APIRoute } from 'astro';
import type { DisclosureView } from '../../../../lib/model/disclosures';
import { disclosureRecordJson } from '../../../../lib/model/records';
import { getSiteModel } from '../../../model';

export async function getStaticPaths() {
  const model = await getSiteModel();
  return model.disclosures.all.map((d) => ({ params: { village: d.village.code, doc: d.id }, props: { d } }));
}

export const GET: APIRoute = ({ props }) => {
  const d = (props as { d: DisclosureView }).d;
  return new Response(disclosureRecordJson(d), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
