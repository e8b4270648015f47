/**
 * The committed example spreadsheets (examples/, made by tests/fixtures/import/make-examples.ts)
 * import back into their sample disclosures byte for byte.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { importSpreadsheet } from '../../../src/lib/import/index';
import { EXAMPLES } from '../../fixtures/import/make-examples';

const repo = path.resolve(import.meta.dirname, '../../..');
const STALE = 'the sample changed since the examples were made: run npx tsx tests/fixtures/import/make-examples.ts';

describe('examples/ reproduce the committed samples', () => {
  for (const ex of EXAMPLES) {
    it(`${ex.file} → ${ex.sample}`, async () => {
      const result = await importSpreadsheet({
        bytes: new Uint8Array(fs.readFileSync(path.join(repo, ex.file))),
        file: ex.file,
        village: ex.village,
        period: ex.period,
        kind: ex.kind,
      });
      expect(result.ok ? [] : result.problems).toEqual([]);
      if (!result.ok) return;
      expect(result.json, STALE).toBe(fs.readFileSync(path.join(repo, ex.sample), 'utf8'));
      if (ex.file.endsWith('.csv')) expect(result.encoding).toBe('gbk');
    });
  }

  it('npm run import (spawned) writes the same file with --out', async () => {
    const ex = EXAMPLES[0];
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'import-cli-'));
    const out = path.join(dir, 'out.json');
    const { stdout } = await promisify(execFile)(
      'npx',
      ['tsx', 'scripts/import.ts', ex.file, '--village', ex.village, '--period', ex.period, '--kind', ex.kind, '--out', out],
      { cwd: repo, env: { ...process.env, CONTENT_DIR: dir } },
    );
    expect(stdout).toContain('已导入');
    expect(fs.readFileSync(out, 'utf8'), STALE).toBe(fs.readFileSync(path.join(repo, ex.sample), 'utf8'));
    fs.rmSync(dir, { recursive: true, force: true });
  }, 60_000);
});
