/**
 * Builds the sites the build and browser tests read, once per test run: the sample content,
 * a second town through CONTENT_DIR, and that town under a sub-path (BASE_PATH).
 */
import { buildSite, builds } from './helpers/build';
import { LINHE, SAMPLE } from './helpers/content';

export default function setup() {
  const jobs: Array<[string, string, Record<string, string>]> = [
    [SAMPLE, builds.sample, {}],
    [LINHE, builds.linhe, {}],
    [LINHE, builds.linheSubpath, { BASE_PATH: '/zl/linhe/', SITE_URL: 'https://portal.example.cn' }],
  ];
  for (const [content, out, env] of jobs) {
    const r = buildSite(content, out, env);
    if (r.status !== 0) throw new Error(`build of ${content} failed:\n${r.stdout}\n${r.stderr}`);
  }
}
