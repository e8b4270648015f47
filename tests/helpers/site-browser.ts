/** A built site served by the real nginx (tooling/nginx.ts) and a Chromium to read it: what each browser test opens first. */
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../../tooling/browser';
import { serveDir, type StaticServer } from '../../tooling/nginx';

/** `base`: the sub-path the site is served under (default `/`), as serveDir takes it. */
export async function openSite(dir: string, base = '/'): Promise<{ server: StaticServer; browser: Browser }> {
  const server = await serveDir(dir, base);
  return { server, browser: await launchBrowser() };
}

/** Closes what openSite opened (either may be missing when setup failed half-way). */
export async function closeSite(server: StaticServer | undefined, browser: Browser | undefined): Promise<void> {
  await browser?.close();
  await server?.close();
}
