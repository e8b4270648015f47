/** /rss.xml — every update on the site, newest first (src/lib/model/feeds.ts). */
import type { APIRoute } from 'astro';
import { feedResponse, getFeeds } from '../feeds';

export const GET: APIRoute = async () => feedResponse((await getFeeds()).site);
