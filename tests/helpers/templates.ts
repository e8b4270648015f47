/** One built page of each template, found in a build so any content root works. */
import fs from 'node:fs';
import path from 'node:path';
import { listFiles } from './build';
import { sampleTemplates } from '../../src/lib/site/sections';

/** The sections registry's page templates: their patterns come from the routes the links use. */
const TEMPLATES = sampleTemplates();

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
