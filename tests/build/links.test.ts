/**
 * Link integrity: linkinator over every page of the sample build and of the sub-path build,
 * served from the build directory on loopback (offline). Internal links, assets, downloads,
 * feeds and `#fragment` anchors (linkinator's checkFragments) must all resolve. Absolute links
 * to the site's own origin (canonical links) are rewritten to the local server and checked too;
 * links to other hosts (e.g. flk.npc.gov.cn) are skipped. linkinator reports only fragments it
 * could not find, so a small made-up site first proves that broken pages and anchors fail.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LinkChecker, LinkState, type LinkResult } from 'linkinator';
import { afterAll, describe, expect, it } from 'vitest';
import { builds, listFiles } from '../helpers/build';
import { serveDir, type StaticServer } from '../../tooling/nginx';

const servers: StaticServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

async function checkLinks(dist: string, base: string, origin: string) {
  const server = await serveDir(dist, base);
  servers.push(server);
  const local = new URL(server.url);
  const pages = listFiles(dist)
    .filter((f) => f.endsWith('.html'))
    .map((f) => new URL(f.replace(/(^|\/)index\.html$/, '$1'), server.url).href);
  const anchors = listFiles(dist)
    .filter((f) => f.endsWith('.html'))
    .reduce((n, f) => n + (fs.readFileSync(path.join(dist, f), 'utf8').match(/href="[^"]*#[^"]+"/g)?.length ?? 0), 0);
  const escaped = `${origin}${base}`.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const result = await new LinkChecker().check({
    path: pages,
    recurse: false,
    concurrency: 8,
    timeout: 20_000,
    checkFragments: true,
    urlRewriteExpressions: [{ pattern: new RegExp(`^${escaped}`), replacement: server.url }],
    linksToSkip: async (link) => /^https?:/.test(link) && new URL(link).host !== local.host,
  });
  return { pages, anchors, links: result.links };
}

const describeLink = (l: LinkResult) =>
  `${l.url} (${l.status ?? '-'}) on ${l.parent ?? '-'}${l.failureDetails?.length ? `: ${String(l.failureDetails[0])}` : ''}`;

describe('link integrity', () => {
  it('catches a missing page, a missing anchor on the same page and on another page', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gkl-links-'));
    fs.mkdirSync(path.join(dir, 'sub'));
    fs.writeFileSync(
      path.join(dir, 'index.html'),
      '<!DOCTYPE html><a href="#main">ok</a><a href="#nope">x</a><a href="/sub/#there">ok</a><a href="/sub/#gone">x</a><a href="/missing/">x</a><main id="main"></main>',
    );
    fs.writeFileSync(path.join(dir, 'sub/index.html'), '<!DOCTYPE html><p id="there">x</p>');
    fs.writeFileSync(path.join(dir, '404.html'), '<!DOCTYPE html><p>404</p>');
    const { links } = await checkLinks(dir, '/', 'https://example.invalid');
    const broken = links.filter((l) => l.state === LinkState.BROKEN).map((l) => new URL(l.url).pathname + new URL(l.url).hash);
    expect([...new Set(broken)].sort()).toEqual(['/#nope', '/missing/', '/sub/#gone']);
  });

  it.each([
    ['sample build', builds.sample, '/', 'https://qiwu.example.cn'],
    ['sub-path build', builds.linheSubpath, '/zl/linhe/', 'https://portal.example.cn'],
  ])('has no broken internal links or anchors in the %s', async (name, dist, base, origin) => {
    const { pages, anchors, links } = await checkLinks(dist, base, origin);
    const checked = links.filter((l) => l.state !== LinkState.SKIPPED);
    const broken = links.filter((l) => l.state === LinkState.BROKEN);
    console.log(
      `linkinator: ${pages.length} pages, ${checked.length} distinct links checked (and ${anchors} #anchor links), ${links.length - checked.length} external skipped, ${broken.length} broken in the ${name}`,
    );
    expect(pages.length).toBeGreaterThan(20);
    expect(checked.length).toBeGreaterThan(pages.length);
    expect(anchors).toBeGreaterThan(pages.length);
    expect(broken.map(describeLink)).toEqual([]);
  });
});
