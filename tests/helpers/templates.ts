/** One built page of each template, found in a build so any content root works. */
import fs from 'node:fs';
import path from 'node:path';
import { listFiles } from './build';

const TEMPLATES: Array<[string, RegExp]> = [
  ['home', /^index\.html$/],
  ['plans', /^plans\/index\.html$/],
  ['plan filter', /^plans\/[^/]+\/[^/]+\/index\.html$/],
  ['plan', /^plans\/[^/]+\/index\.html$/],
  ['units', /^units\/index\.html$/],
  ['unit', /^units\/[^/]+\/index\.html$/],
  ['disclosures', /^disclosures\/index\.html$/],
  ['village', /^disclosures\/[^/]+\/index\.html$/],
  ['finance disclosure', /^disclosures\/[^/]+\/[^/]+-finance\/index\.html$/],
  ['list disclosure', /^disclosures\/[^/]+\/[^/]+-(affairs|party)\/index\.html$/],
  ['notice', /^disclosures\/[^/]+\/[^/]+-notice-[^/]+\/index\.html$/],
  ['legal', /^legal\/index\.html$/],
  ['legal filter', /^legal\/(audience|topic)\/[^/]+\/index\.html$/],
  ['article', /^legal\/[^/]+\/index\.html$/],
  ['data', /^data\/index\.html$/],
  ['dataset', /^data\/[^/]+\/index\.html$/],
  ['search', /^search\/index\.html$/],
];

/** `[template, path on the site]`, the first page of each template (sorted by path). */
export function templatePages(dist: string): Array<[string, string]> {
  const html = listFiles(dist)
    .filter((f) => f.endsWith('.html'))
    .sort();
  return TEMPLATES.map(([name, re]) => {
    const f = html.find((x) => re.test(x) && fs.existsSync(path.join(dist, x)));
    if (!f) throw new Error(`no page of template "${name}" in ${dist}`);
    return [name, f.replace(/index\.html$/, '')];
  });
}
