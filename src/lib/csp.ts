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
export const CSP_DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
] as const;

/** For `<meta http-equiv="Content-Security-Policy">` (frame-ancestors is ignored there). */
export const META_CSP = CSP_DIRECTIVES.join('; ');

/** For the HTTP header: the same policy, plus who may frame the site. */
export const HEADER_CSP = [...CSP_DIRECTIVES, "frame-ancestors 'self'"].join('; ');
