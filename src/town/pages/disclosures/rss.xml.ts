/** /disclosures/rss.xml — the disclosures section's feed (src/lib/model/feeds.ts). */
import type { APIRoute } from 'astro';
import { feedResponse, getFeeds } from '../../feeds';

export const GET: APIRoute = async () => feedResponse((await getFeeds()).disclosures);
