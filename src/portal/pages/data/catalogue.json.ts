/**
 * /data/catalogue.json — every town's Data Package and datasets in one list (links as the
 * towns are configured in portal.json), so a journalist can fetch the whole county's data.
 */
import type { APIRoute } from 'astro';
import { getPortalModel } from '../../model';

export const GET: APIRoute = async () => {
  const { portal, towns, today } = await getPortalModel();
  const catalogue = {
    name: portal.name,
    region: portal.regionName,
    updatedOn: today,
    towns: towns.map((t) => ({
      name: t.name,
      url: t.url,
      population: t.population ?? null,
      dataPackage: t.dataPackage,
      resources: t.datasets.map((d) => ({ name: d.id, title: d.title, page: d.page, csv: d.csv, json: d.json })),
    })),
  };
  return new Response(JSON.stringify(catalogue, null, 2) + '\n', { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
