/** /disclosures/<villageCode>/rss.xml — one village's disclosures (every village has one). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { feedResponse, getFeeds } from '../../../feeds';
import { getSiteModel } from '../../../model';

export const getStaticPaths: GetStaticPaths = async () => {
  const model = await getSiteModel();
  return model.villages.map((v) => ({ params: { village: v.code } }));
};

export const GET: APIRoute = async ({ params }) => {
  const feed = (await getFeeds()).villages.find((f) => f.key === `village:${params.village}`);
  if (!feed) throw new Error(`no feed for village ${params.village}`);
  return feedResponse(feed);
};
