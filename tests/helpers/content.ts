/** Content roots for tests: copies of fixture towns, optionally with a fault overlaid. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const REPO = path.resolve(import.meta.dirname, '../..');
export const FIXTURES = path.join(REPO, 'tests/fixtures');
export const LINHE = path.join(FIXTURES, 'towns/linhe');
export const SAMPLE = path.join(REPO, 'content');

/** Copies `base` to a fresh temp dir, then copies `overlay` on top (files replace files). */
export function contentRootWith(overlay?: string, base = LINHE): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gkl-content-'));
  fs.cpSync(base, dir, { recursive: true });
  if (overlay) {
    fs.cpSync(overlay, dir, { recursive: true, filter: (src) => path.basename(src) !== 'expected.json' });
  }
  return dir;
}

export function faultCases(): string[] {
  return fs.readdirSync(path.join(FIXTURES, 'faults')).sort();
}
