/** Feeds as pages see them: built once from the site model, rendered with @astrojs/rss. */
import { getRssString } from '@astrojs/rss';
import { buildFeeds, rssOptions, type Feed, type Feeds } from '../lib/model/feeds';
import { getSiteModel } from './model';
import { routes } from '../site/paths';

let feeds: Promise<Feeds> | undefined;

export function getFeeds(): Promise<Feeds> {
  feeds ??= getSiteModel().then((model) => buildFeeds(model, routes));
  return feeds;
}

/** An RSS 2.0 response for one feed. */
export async function feedResponse(feed: Feed): Promise<Response> {
  const xml = await getRssString(rssOptions(feed));
  return new Response(xml, { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
}
