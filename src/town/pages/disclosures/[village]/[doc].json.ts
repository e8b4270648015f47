/** /disclosures/<village>/<period>-<kind>.json — the disclosure exactly as published (the contract's form). */
import type { APIRoute } from 'astro';
import type { DisclosureView } from '../../../../lib/model/disclosures';
import { getSiteModel } from '../../../model';

export async function getStaticPaths() {
  const model = await getSiteModel();
  return model.disclosures.all.filter((d) => d.kind !== 'notice').map((d) => ({ params: { village: d.village.code, doc: d.id }, props: { d } }));
}

export const GET: APIRoute = ({ props }) => {
  const d = (props as { d: DisclosureView }).d;
  const source = d.kind === 'notice' ? {} : d.source;
  return new Response(JSON.stringify(source, null, 2) + '\n', { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
