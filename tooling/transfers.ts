/** Bytes on the wire per request, read through the DevTools protocol (browser tests and the federation benchmark). */
import type { BrowserContext, Page } from 'playwright-core';

/** Slow mobile network as in issue 8: 1.6 Mbps down, 750 kbps up, 150 ms round trip. */
export const SLOW_3G = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };

export interface Transfer {
  /** Bytes on the wire (headers + compressed bodies) for the search's own files. */
  searchBytes: number;
  /** Bytes on the wire for everything the navigation loaded. */
  totalBytes: number;
  requests: Array<{ url: string; bytes: number; status: number }>;
}

/** Records bytes on the wire per request via the DevTools protocol, optionally throttled. */
export async function recordTransfers(context: BrowserContext, page: Page, throttle?: typeof SLOW_3G) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  if (throttle) await cdp.send('Network.emulateNetworkConditions', throttle);
  const urls = new Map<string, { url: string; status: number }>();
  let log: Transfer['requests'] = [];
  cdp.on('Network.responseReceived', (e) => urls.set(e.requestId, { url: e.response.url, status: e.response.status }));
  cdp.on('Network.loadingFinished', (e) => {
    const r = urls.get(e.requestId);
    if (r) log.push({ ...r, bytes: e.encodedDataLength });
  });
  return {
    /** Starts a new measurement and returns the previous one. */
    take(): Transfer {
      const requests = log;
      log = [];
      const isSearch = (u: string) => /\/pagefind\/|\/search\/trad\.json/.test(u);
      return {
        requests,
        totalBytes: requests.reduce((n, r) => n + r.bytes, 0),
        searchBytes: requests.filter((r) => isSearch(r.url)).reduce((n, r) => n + r.bytes, 0),
      };
    },
  };
}
