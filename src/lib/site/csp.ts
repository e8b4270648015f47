/**
 * The site's Content Security Policy, written once. deploy/nginx.conf sends it as a header
 * (with `frame-ancestors`, which only a header can carry); every built page also carries it
 * in a `<meta http-equiv>` so that a host serving the files without headers still refuses
 * inline scripts, other origins and plugins (docs/deployment.md §5). Content cannot put a
 * script in a page (the content check refuses it), so this is the second line, not the first.
 *
 * No 'unsafe-inline': pages load external scripts only and Astro writes no inline styles
 * (build.inlineStylesheets: 'never'). 'wasm-unsafe-eval' lets Pagefind compile its
 * WebAssembly; it does not allow eval() of JavaScript.
 */
const BASE_DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  'connect-src',
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
] as const;

/**
 * The directives, with `connect-src` opened to `connectOrigins` besides 'self': a county
 * portal's search fetches the Pagefind bundles of towns served from other origins
 * (docs/deployment.md §4.5). A town's site passes none.
 */
export function cspDirectives(connectOrigins: readonly string[] = []): string[] {
  const connect = ["connect-src 'self'", ...connectOrigins].join(' ');
  return BASE_DIRECTIVES.map((d) => (d === 'connect-src' ? connect : d));
}

/** For `<meta http-equiv="Content-Security-Policy">` (frame-ancestors is ignored there). */
export function metaCsp(connectOrigins: readonly string[] = []): string {
  return cspDirectives(connectOrigins).join('; ');
}

/** For the HTTP header: the same policy, plus who may frame the site. */
export function headerCsp(connectOrigins: readonly string[] = []): string {
  return [...cspDirectives(connectOrigins), "frame-ancestors 'self'"].join('; ');
}

/** A town's policy (deploy/nginx.conf sends HEADER_CSP word for word). */
export const META_CSP = metaCsp();
export const HEADER_CSP = headerCsp();

/**
 * The origins, other than the site's own, of absolute URLs among `urls` (relative ones are
 * the site's own), each once and sorted — what a portal's connect-src must add.
 */
export function foreignOrigins(urls: readonly string[], siteUrl?: string): string[] {
  const own = siteUrl ? new URL(siteUrl).origin : undefined;
  const origins = urls.filter((u) => /^https?:\/\//.test(u)).map((u) => new URL(u).origin);
  return [...new Set(origins)].filter((o) => o !== own).sort();
}

/**
 * The publishing desk's policy (/admin/, the one page that runs an application): its editor
 * (Sveltia CMS) sets inline styles and reads blob: and data: URLs it makes itself, and it talks
 * to the git server named in site.json `desk` (`gitOrigin`). Still no script from anywhere but
 * the site, and it is never framed. deploy/nginx.conf sends DESK_HEADER_CSP for /admin/, which
 * allows any https: git server; the page's <meta> narrows it to the configured one.
 */
const DESK_DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  'connect-src',
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
] as const;

function deskDirectives(connect: string): string[] {
  return DESK_DIRECTIVES.map((d) => (d === 'connect-src' ? `connect-src 'self' blob: data:${connect ? ` ${connect}` : ''}` : d));
}

/** For the desk page's `<meta http-equiv>`: connect-src opened to the configured git server only. */
export function deskMetaCsp(gitOrigin?: string): string {
  return deskDirectives(gitOrigin ?? '').join('; ');
}

/** The header deploy/nginx.conf sends for /admin/ (word for word, tests/browser/nginx-headers.test.ts). */
export const DESK_HEADER_CSP = [...deskDirectives('https:'), "frame-ancestors 'none'"].join('; ');
