/**
 * A county portal's content root (portal.json) is checked like a town's: `npm run check` and
 * the build name the file, the field and what to do, and publish nothing while a town's
 * published output cannot be read.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { metaCsp } from '../../src/lib/site/csp';
import { builds, buildSite, checkContent, TEST_DIST } from '../helpers/build';

function portalRoot(portal: Record<string, unknown>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'gkl-portal-'));
  fs.writeFileSync(path.join(root, 'portal.json'), JSON.stringify(portal, null, 2) + '\n');
  return root;
}

const base = { name: '云岭县基层政务公开', issuer: '云岭县人民政府办公室', regionName: '云岭县', contact: '县政务公开办 0571-86000000' };

describe('portal.json checks', () => {
  it('a town whose built site is missing fails the check and the build, naming the field', () => {
    const root = portalRoot({ ...base, towns: [{ id: 'qingchuan', name: '青川镇', url: '/zl/qingchuan/', dist: 'no-such-build' }] });
    const check = checkContent(root);
    expect(check.status).toBe(1);
    expect(check.stderr).toContain(`${path.join(root, 'portal.json')}:`);
    expect(check.stderr).toContain('[towns[0].dist]');
    expect(check.stderr).toContain('datapackage.json');
    expect(check.stderr).toContain('先单独构建该镇的网站');

    const out = path.join(TEST_DIST, 'portal-broken');
    const build = buildSite(root, out);
    expect(build.status).not.toBe(0);
    expect(build.stdout + build.stderr).toContain('[towns[0].dist]');
    expect(fs.existsSync(out)).toBe(false);
  });

  it('refuses a town given only as a path (nothing to read at build time) and repeated names', () => {
    const root = portalRoot({
      ...base,
      towns: [
        { id: 'qingchuan', name: '青川镇', url: '/zl/qingchuan/' },
        { id: 'shiqiao', name: '青川镇', url: 'https://shiqiao.example.cn/', dist: 'x' },
      ],
    });
    const check = checkContent(root);
    expect(check.status).toBe(1);
    expect(check.stderr).toContain('[towns[0].dist]');
    expect(check.stderr).toContain('加上 dist');
    expect(check.stderr).toContain('[towns[1].name]');
    expect(check.stderr).toContain('重复');
  });

  it('refuses a town address that is neither a path nor an http(s) URL ending in /', () => {
    const root = portalRoot({ ...base, towns: [{ id: 'qingchuan', name: '青川镇', url: 'zl/qingchuan', dist: 'x' }] });
    const check = checkContent(root);
    expect(check.status).toBe(1);
    expect(check.stderr).toContain('[towns[0].url]');
    expect(check.stderr).toContain('不是有效的网站地址');
  });

  it("a town on another origin is in the portal's connect-src, so its search can fetch that town's index", () => {
    const root = portalRoot({
      ...base,
      siteUrl: 'https://portal.example.cn',
      towns: [{ id: 'linhe', name: '临河镇', url: 'https://linhe.example.cn/zl/linhe/', dist: builds.linheSubpath }],
    });
    const out = path.join(TEST_DIST, 'portal-foreign');
    const build = buildSite(root, out);
    expect(build.status, build.stderr).toBe(0);
    const page = fs.readFileSync(path.join(out, 'search/index.html'), 'utf8');
    const meta = `<meta http-equiv="Content-Security-Policy" content="${metaCsp(['https://linhe.example.cn'])}">`;
    expect(page).toContain(meta);
    expect(page).toContain('https://linhe.example.cn/zl/linhe/pagefind/');
  }, 120_000);
});
