/**
 * public/ is copied into every build as it is, so `npm run check` (and the build's content
 * check, which calls the same function) scans it like content (issue 17 §4).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateContentRoot } from '../../src/lib/checks/validate';
import { LINHE } from '../helpers/content';
import { TODAY } from '../today';

const ENV = { SITE_TODAY: TODAY };
// A mobile number built in code, so no literal one sits in the repository.
const MOBILE = ['138', '5711', '2345'].join('');

function publicDirWith(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gkl-public-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

describe('public/ passes the personal-data gate of the check', () => {
  it('refuses a number in a file of public/, naming the file and line', () => {
    const dir = publicDirWith({ 'assets/help.txt': `办事指南\n咨询电话：${MOBILE}\n`, 'favicon.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>' });
    const { problems } = validateContentRoot(LINHE, ENV, { publicDir: dir });
    const hits = problems.filter((p) => p.code === 'privacy/mobile');
    expect(hits).toHaveLength(1);
    expect(hits[0]?.file).toBe(path.join(dir, 'assets/help.txt'));
    expect(hits[0]?.line).toBe(2);
    expect(JSON.stringify(problems)).not.toContain(MOBILE);
  });

  it('refuses a number in a file name of public/', () => {
    const dir = publicDirWith({ [`名单-${MOBILE}.txt`]: '无\n' });
    const { problems } = validateContentRoot(LINHE, ENV, { publicDir: dir });
    expect(problems.map((p) => p.code)).toContain('privacy/mobile');
  });

  it("passes the project's own public/", () => {
    const { problems } = validateContentRoot(LINHE, ENV, { publicDir: path.resolve('public') });
    expect(problems).toEqual([]);
  });
});
