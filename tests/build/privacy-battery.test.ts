/**
 * Issue 17: the content check (`npm run check`, which the build and CI run) refuses every way
 * of the battery, each on its own line, in a text file and in an MDX body, and never prints
 * the number back.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../helpers/build';
import { contentRootWith } from '../helpers/content';
import { BATTERY, batteryText, showsDigits } from '../fixtures/privacy/battery';

describe('npm run check over the battery', () => {
  it('names every way, file and line, and prints none of the numbers', () => {
    const root = contentRootWith();
    const { text, lineOf } = batteryText();
    fs.writeFileSync(path.join(root, 'battery.txt'), text);
    fs.writeFileSync(path.join(root, 'legal', 'battery.md'), `---\ntitle: 测试\n---\n\n${text}`);
    const r = checkContent(root);
    expect(r.status).toBe(1);
    BATTERY.forEach((w, i) => {
      expect(r.stderr, w.name).toContain(`battery.txt:${lineOf(i)}:`);
      expect(r.stderr, w.name).toContain(`battery.md:${lineOf(i) + 4}:`);
    });
    expect(BATTERY.filter((w) => showsDigits(r.stderr + r.stdout, w.digits)).map((w) => w.name)).toEqual([]);
  }, 120_000);
});
