/** /disclosures/<village>/<period>-<kind>.csv — the figures as a spreadsheet (UTF-8 with BOM). */
import type { APIRoute } from 'astro';
import { financeCsv, listCsv } from '../../../../lib/disclosures/export';
import type { DisclosureView } from '../../../../lib/model/disclosures';
import { getSiteModel } from '../../../model';

export async function getStaticPaths() {
  const model = await getSiteModel();
  return model.disclosures.all.filter((d) => d.kind !== 'notice').map((d) => ({ params: { village: d.village.code, doc: d.id }, props: { d } }));
}

export const GET: APIRoute = ({ props }) => {
  const d = (props as { d: DisclosureView }).d;
  const body = d.kind === 'finance' ? financeCsv(d.source) : d.kind === 'notice' ? '' : listCsv(d.source);
  return new Response(body, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
