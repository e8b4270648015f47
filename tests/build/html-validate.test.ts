/**
 * Valid HTML: html-validate (.htmlvalidate.json, html-validate:recommended with the documented
 * exceptions in README) over every page of the sample build and of the sub-path build.
 */
import fs from 'node:fs';
import path from 'node:path';
import { FileSystemConfigLoader, HtmlValidate, type ConfigData, type Message } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { builds, listFiles } from '../helpers/build';
import { REPO } from '../helpers/content';

// The committed config, whatever directory the build is in.
const config = JSON.parse(fs.readFileSync(path.join(REPO, '.htmlvalidate.json'), 'utf8')) as ConfigData;
const validator = new HtmlValidate(new FileSystemConfigLoader(config));

async function validateAll(dist: string) {
  const files = listFiles(dist)
    .filter((f) => f.endsWith('.html'))
    .sort();
  const problems: string[] = [];
  for (const f of files) {
    const report = await validator.validateFile(path.join(dist, f));
    for (const r of report.results) {
      for (const m of r.messages as Message[]) problems.push(`${f}:${m.line}:${m.column} [${m.ruleId}] ${m.message}`);
    }
  }
  return { files, problems };
}

describe('valid HTML', () => {
  it.each([
    ['sample build', builds.sample],
    ['sub-path build', builds.linheSubpath],
  ])('has no html-validate errors in the %s', async (name, dist) => {
    const { files, problems } = await validateAll(dist);
    console.log(`html-validate: ${files.length} files validated in the ${name}, ${problems.length} problems`);
    expect(files.length).toBeGreaterThan(20);
    expect(problems.slice(0, 50)).toEqual([]);
  });

  it('still reports real errors, and only the documented exceptions pass', async () => {
    const page = (body: string) => `<!DOCTYPE html><html lang="zh-CN"><head><title>t</title></head><body>${body}</body></html>`;
    const rules = async (body: string) =>
      (await validator.validateString(page(body), path.join(REPO, 'probe.html'))).results.flatMap((r) => r.messages.map((m) => m.ruleId));
    // Exceptions: explicit table roles, a named list, <details> in a row header.
    expect(
      await rules(
        '<table><tbody role="rowgroup"><tr role="row"><th scope="row" role="rowheader">a<details><summary>s</summary>x</details></th><td role="cell">1</td></tr></tbody></table><ul aria-label="l"><li>x</li></ul>',
      ),
    ).toEqual([]);
    // Still errors: other redundant roles, a region div, a heading in a header cell, a named div, trailing whitespace.
    expect(await rules('<nav role="navigation"><a href="/">x</a></nav>')).toEqual(['no-redundant-role']);
    expect(await rules('<div role="region" aria-label="x">y</div>')).toEqual(['prefer-native-element']);
    expect(await rules('<table><tbody><tr><th scope="row"><h2>a</h2></th></tr></tbody></table>')).toEqual(['element-permitted-content']);
    expect(await rules('<div aria-label="x">y</div>')).toEqual(['aria-label-misuse']);
    expect(await rules('<p>x </p>\n')).toEqual([]);
    expect(await rules('<p>x</p> \n<p>y</p>')).toEqual(['no-trailing-whitespace']);
  });
});
