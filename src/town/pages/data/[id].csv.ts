/** /data/<id>.csv — UTF-8 with BOM; suppressed cells as "<5". */
import type { APIRoute } from 'astro';
import { datasetCsv } from '../../../lib/stats/export';
import type { DatasetView } from '../../../lib/model/datasets';
import { getSiteModel } from '../../model';

export async function getStaticPaths() {
  const model = await getSiteModel();
  return model.datasets.map((d) => ({ params: { id: d.id }, props: { d } }));
}

export const GET: APIRoute = ({ props }) =>
  new Response(datasetCsv((props as { d: DatasetView }).d.data), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
