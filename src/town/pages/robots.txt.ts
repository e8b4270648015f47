/** /robots.txt — allow all, point at the sitemap (src/lib/site/robots.ts). */
import type { APIRoute } from 'astro';
import { robotsTxt } from '../../lib/site/robots';
import { getSiteModel } from '../model';
import { basePath } from '../../site/paths';

export const GET: APIRoute = async () => {
  const model = await getSiteModel();
  return new Response(robotsTxt({ base: basePath(), siteUrl: model.siteUrl }), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
