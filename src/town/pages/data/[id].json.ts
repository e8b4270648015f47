/** /data/<id>.json — the dataset exactly as published (the contract's form). */
import type { APIRoute } from 'astro';
import type { DatasetView } from '../../../lib/model/datasets';
import { getSiteModel } from '../../model';

export async function getStaticPaths() {
  const model = await getSiteModel();
  return model.datasets.map((d) => ({ params: { id: d.id }, props: { d } }));
}

export const GET: APIRoute = ({ props }) =>
  new Response(JSON.stringify((props as { d: DatasetView }).d.data, null, 2) + '\n', { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
