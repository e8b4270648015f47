import { describe, expect, it } from 'vitest';
import { foreignOrigins, HEADER_CSP, META_CSP, metaCsp } from '../../src/lib/site/csp';

describe('the Content-Security-Policy (src/lib/site/csp.ts)', () => {
  it("a town's policy connects to its own origin only; the header adds frame-ancestors", () => {
    expect(META_CSP).toContain("connect-src 'self';");
    expect(META_CSP).not.toContain('frame-ancestors');
    expect(HEADER_CSP).toBe(`${META_CSP}; frame-ancestors 'self'`);
    expect(META_CSP).not.toContain('unsafe-inline');
    expect(META_CSP).not.toMatch(/'unsafe-eval'/);
  });

  it("a portal's policy opens connect-src to its towns' other origins, and only connect-src", () => {
    const policy = metaCsp(['https://a.example.cn', 'https://b.example.cn:8443']);
    expect(policy).toContain("connect-src 'self' https://a.example.cn https://b.example.cn:8443;");
    expect(policy.replace(' https://a.example.cn https://b.example.cn:8443', '')).toBe(META_CSP);
  });

  it('foreignOrigins: absolute URLs only, each origin once, sorted, the site itself left out', () => {
    const urls = ['/zl/a/', 'https://b.example.cn/zl/b/', 'https://b.example.cn/zl/c/', 'http://a.example.cn:8080/', 'https://portal.example.cn/zl/d/'];
    expect(foreignOrigins(urls, 'https://portal.example.cn/')).toEqual(['http://a.example.cn:8080', 'https://b.example.cn']);
    expect(foreignOrigins(['/zl/a/'])).toEqual([]);
  });
});
