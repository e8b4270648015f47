/** /data/datapackage.json — a Frictionless Data Package for the whole catalogue. */
import type { APIRoute } from 'astro';
import { dataPackage } from '../../../lib/stats/export';
import { getSiteModel } from '../../model';

export const GET: APIRoute = async () => {
  const model = await getSiteModel();
  const pkg = dataPackage(
    model.datasets.map((d) => d.data),
    {
      name: `${model.site.issuerCode.toLowerCase()}-open-data`,
      title: `${model.site.name}开放数据`,
      csvPath: (id) => `${id}.csv`,
      region: { name: model.site.regionName, population: model.population },
    },
  );
  return new Response(JSON.stringify(pkg, null, 2) + '\n', { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
