/**
 * /admin/desk.json — what the publishing desk loads: its configuration, generated from the
 * schemas and the registries (src/lib/desk/config.ts), and what its gate needs (src/lib/desk/gate.ts).
 */
import type { APIRoute } from 'astro';
import { loadAllowList } from '../../../lib/checks/privacy';
import { openRepo } from '../../../lib/content/git';
import { displayPath, resolveContentRoot } from '../../../lib/content/root';
import { deskPageData, markdownCollections } from '../../../lib/desk/page-data';
import { getSiteModel } from '../../model';

export const GET: APIRoute = async () => {
  const model = await getSiteModel();
  const root = resolveContentRoot();
  const repo = openRepo(root);
  const { allow } = loadAllowList(root, displayPath);
  const data = deskPageData({
    site: model.site,
    units: model.units,
    villages: model.villages,
    contentPath: repo?.rel(root) ?? '',
    allow: [...allow],
    markdown: markdownCollections(root),
  });
  return new Response(JSON.stringify(data), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
