/**
 * The shipped deploy/nginx.conf, run by a real nginx over the sample build: security headers on
 * every response (errors too), caching by kind of file, gzip, MIME types and the 404 page.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deskMetaCsp, HEADER_CSP, META_CSP } from '../../src/lib/site/csp';
import { isDeskFile } from '../../src/lib/site/desk';
import { builds } from '../helpers/build';
import { serveDir, type StaticServer } from '../../tooling/nginx';

interface Res {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** How many times each header (lower case) was sent. */
  counts: Record<string, number>;
  /** The body as sent on the wire (still gzipped when content-encoding says so). */
  raw: Buffer;
  /** The body decoded. */
  body: Buffer;
}

function get(url: string, headers: Record<string, string> = {}): Promise<Res> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const raw = Buffer.concat(chunks);
          const counts: Record<string, number> = {};
          for (let i = 0; i < res.rawHeaders.length; i += 2) {
            const k = res.rawHeaders[i]!.toLowerCase();
            counts[k] = (counts[k] ?? 0) + 1;
          }
          const body = res.headers['content-encoding'] === 'gzip' ? zlib.gunzipSync(raw) : raw;
          resolve({ status: res.statusCode ?? 0, headers: res.headers, counts, raw, body });
        });
      })
      .on('error', reject);
  });
}

const dist = builds.sample;
const astroFiles = fs.readdirSync(path.join(dist, '_astro'));
// The largest bundle (Chart.js), so gzip has something to show.
const hashedJs = astroFiles
  .filter((f) => f.endsWith('.js'))
  .sort((a, b) => fs.statSync(path.join(dist, '_astro', b)).size - fs.statSync(path.join(dist, '_astro', a)).size)[0]!;
const hashedCss = astroFiles.find((f) => f.endsWith('.css'))!;
const csv = `data/${fs.readdirSync(path.join(dist, 'data')).find((f) => f.endsWith('.csv'))!}`;

/** What each kind of URL must come back with. */
const cases: Array<{ name: string; url: string; status: number; type: RegExp; cache: RegExp; file: string }> = [
  { name: 'HTML page', url: 'plans/', status: 200, type: /^text\/html; charset=utf-8$/, cache: /^no-cache$/, file: 'plans/index.html' },
  { name: 'home page', url: '', status: 200, type: /^text\/html; charset=utf-8$/, cache: /^no-cache$/, file: 'index.html' },
  {
    name: 'hashed /_astro/ script',
    url: `_astro/${hashedJs}`,
    status: 200,
    type: /^text\/javascript; charset=utf-8$/,
    cache: /^public, max-age=31536000, immutable$/,
    file: `_astro/${hashedJs}`,
  },
  {
    name: 'hashed /_astro/ stylesheet',
    url: `_astro/${hashedCss}`,
    status: 200,
    type: /^text\/css; charset=utf-8$/,
    cache: /^public, max-age=31536000, immutable$/,
    file: `_astro/${hashedCss}`,
  },
  {
    name: 'unhashed /assets/prefs.js',
    url: 'assets/prefs.js',
    status: 200,
    type: /^text\/javascript; charset=utf-8$/,
    cache: /^public, max-age=86400$/,
    file: 'assets/prefs.js',
  },
  { name: 'CSV download', url: csv, status: 200, type: /^text\/csv; charset=utf-8$/, cache: /^no-cache$/, file: csv },
  {
    name: 'JSON download',
    url: 'data/datapackage.json',
    status: 200,
    type: /^application\/json; charset=utf-8$/,
    cache: /^no-cache$/,
    file: 'data/datapackage.json',
  },
  { name: 'sitemap', url: 'sitemap-index.xml', status: 200, type: /^application\/xml; charset=utf-8$/, cache: /^no-cache$/, file: 'sitemap-index.xml' },
  { name: 'SVG icon', url: 'favicon.svg', status: 200, type: /^image\/svg\+xml; charset=utf-8$/, cache: /^no-cache$/, file: 'favicon.svg' },
  { name: 'missing page', url: 'plans/no-such-plan/', status: 404, type: /^text\/html; charset=utf-8$/, cache: /^no-cache$/, file: '404.html' },
  { name: 'missing /_astro/ file', url: '_astro/missing.abc123.js', status: 404, type: /^text\/html; charset=utf-8$/, cache: /^no-cache$/, file: '404.html' },
];

let server: StaticServer;
beforeAll(async () => {
  server = await serveDir(dist);
});
afterAll(async () => {
  await server?.close();
});

/** The Content-Security-Policy as a map of directive → sources. */
function csp(value: string | string[] | undefined): Map<string, string[]> {
  expect(typeof value).toBe('string');
  return new Map(
    (value as string)
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...sources]) => [name!, sources]),
  );
}

function expectSecurityHeaders(r: Res) {
  // deploy/nginx.conf sends the policy src/lib/site/csp.ts defines, word for word.
  expect(r.headers['content-security-policy']).toBe(HEADER_CSP);
  const policy = csp(r.headers['content-security-policy']);
  expect(policy.get('default-src')).toEqual(["'self'"]);
  expect(policy.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
  expect(policy.get('style-src')).toEqual(["'self'"]);
  expect(policy.get('img-src')).toEqual(["'self'", 'data:']);
  expect(policy.get('connect-src')).toEqual(["'self'"]);
  expect(policy.get('object-src')).toEqual(["'none'"]);
  expect(policy.get('base-uri')).toEqual(["'self'"]);
  expect(policy.get('form-action')).toEqual(["'self'"]);
  expect(policy.get('frame-ancestors')).toEqual(["'self'"]);
  for (const sources of policy.values()) {
    expect(sources).not.toContain("'unsafe-inline'");
    expect(sources).not.toContain("'unsafe-eval'");
    expect(sources).not.toContain('*');
  }
  expect(r.headers['x-content-type-options']).toBe('nosniff');
  expect(r.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  const permissions = String(r.headers['permissions-policy']);
  for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb']) expect(permissions).toContain(`${feature}=()`);
  expect(r.headers['x-frame-options']).toBe('SAMEORIGIN');
  // Each exactly once: a second copy (say from an outer server block) would combine into a stricter, different policy.
  for (const h of ['content-security-policy', 'x-content-type-options', 'referrer-policy', 'permissions-policy', 'cache-control']) {
    expect(r.counts[h], h).toBe(1);
  }
  expect(r.headers.server).toBe('nginx'); // server_tokens off: no version
}

describe('nginx with deploy/nginx.conf', () => {
  for (const c of cases) {
    it(`${c.name} (/${c.url}): ${c.status}, ${c.type.source}, Cache-Control ${c.cache.source}, security headers`, async () => {
      const r = await get(server.url + c.url);
      expect(r.status).toBe(c.status);
      expect(r.headers['content-type']).toMatch(c.type);
      expect(r.headers['cache-control']).toMatch(c.cache);
      expectSecurityHeaders(r);
      expect(r.body.equals(fs.readFileSync(path.join(dist, c.file)))).toBe(true);
    });

    it(`${c.name} (/${c.url}) is gzipped only for clients that ask`, async () => {
      const zipped = await get(server.url + c.url, { 'accept-encoding': 'gzip' });
      expect(zipped.status).toBe(c.status);
      expect(zipped.headers['content-encoding']).toBe('gzip');
      expect(zipped.headers.vary).toMatch(/Accept-Encoding/);
      expect(zipped.body.equals(fs.readFileSync(path.join(dist, c.file)))).toBe(true);
      const plain = await get(server.url + c.url);
      expect(plain.headers['content-encoding']).toBeUndefined();
      if (zipped.body.length > 1000) expect(zipped.raw.length).toBeLessThan(zipped.body.length);
    });
  }

  it('every page also carries the policy in a meta element, for hosts that send no headers', () => {
    const pages = fs.readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(10);
    const missing = pages.filter((f) => {
      // The publishing desk has its own policy (src/lib/site/csp.ts deskMetaCsp).
      const meta = `<meta http-equiv="Content-Security-Policy" content="${isDeskFile(f) ? deskMetaCsp() : META_CSP}">`;
      const html = fs.readFileSync(path.join(dist, f), 'utf8');
      const head = html.slice(0, html.indexOf('</head>'));
      // Before any script or stylesheet, or it would not cover them.
      return !head.includes(meta) || head.indexOf(meta) > head.search(/<script|<link rel="stylesheet"/);
    });
    expect(missing).toEqual([]);
  });

  it('the 404 page is the site’s own 404.html, not nginx’s', async () => {
    const r = await get(`${server.url}no/such/page`);
    expect(r.status).toBe(404);
    const html = r.body.toString('utf8');
    expect(html).toBe(fs.readFileSync(path.join(dist, '404.html'), 'utf8'));
    expect(html).not.toContain('<center>nginx</center>');
  });

  it('revalidates HTML with ETag (304) and keeps the headers on the 304', async () => {
    const first = await get(`${server.url}units/`);
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^(W\/)?"/);
    const again = await get(`${server.url}units/`, { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.headers['cache-control']).toBe('no-cache');
    expectSecurityHeaders(again);
  });

  it('redirects a directory without its slash with a relative Location', async () => {
    const r = await get(`${server.url}plans`);
    expect(r.status).toBe(301);
    expect(r.headers.location).toBe('/plans/');
    expectSecurityHeaders(r);
  });
});

describe('MIME types for files the site will publish (Pagefind search, WebAssembly)', () => {
  let dir: string;
  let pf: StaticServer;
  // Pagefind writes its index already gzip-compressed; these stand-ins are just bytes.
  // Chunks are named by content hash (kept for good); the rest keep their names (revalidated).
  const IMMUTABLE = 'public, max-age=31536000, immutable';
  const files: Record<string, { type: string; gzip: boolean; cache: string }> = {
    'pagefind/pagefind.zh-cn_abc123.pf_meta': { type: 'application/octet-stream', gzip: false, cache: IMMUTABLE },
    'pagefind/fragment/zh-cn_abc123.pf_fragment': { type: 'application/octet-stream', gzip: false, cache: IMMUTABLE },
    'pagefind/index/zh-cn_abc123.pf_index': { type: 'application/octet-stream', gzip: false, cache: IMMUTABLE },
    'pagefind/filter/zh-cn_abc123.pf_filter': { type: 'application/octet-stream', gzip: false, cache: IMMUTABLE },
    'pagefind/wasm.zh-cn.pagefind': { type: 'application/octet-stream', gzip: false, cache: 'no-cache' },
    'pagefind/pagefind.js': { type: 'text/javascript; charset=utf-8', gzip: true, cache: 'no-cache' },
    'pagefind/pagefind-entry.json': { type: 'application/json; charset=utf-8', gzip: true, cache: 'no-cache' },
    'pagefind/search.wasm': { type: 'application/wasm', gzip: true, cache: 'no-cache' },
  };

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gkl-pagefind-'));
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>x</title>');
    fs.writeFileSync(path.join(dir, '404.html'), '<!doctype html><title>404</title>');
    for (const f of Object.keys(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
      fs.writeFileSync(path.join(dir, f), f.endsWith('.wasm') ? Buffer.concat([Buffer.from('\0asm\x01\0\0\0'), Buffer.alloc(2000)]) : 'x'.repeat(2000));
    }
    pf = await serveDir(dir);
  });
  afterAll(async () => {
    await pf?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  for (const [f, want] of Object.entries(files)) {
    it(`${path.basename(f)}: ${want.type}${want.gzip ? ', gzipped' : ', not compressed again'}, ${want.cache}`, async () => {
      const r = await get(pf.url + f, { 'accept-encoding': 'gzip' });
      expect(r.status).toBe(200);
      expect(r.headers['content-type']).toBe(want.type);
      expect(r.headers['cache-control']).toBe(want.cache);
      expect(r.headers['content-encoding']).toBe(want.gzip ? 'gzip' : undefined);
      expect(r.body.equals(fs.readFileSync(path.join(dir, f)))).toBe(true);
      expectSecurityHeaders(r);
    });
  }
});
