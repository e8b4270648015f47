/**
 * The committed sample datasets are exactly what `npm run aggregate` makes from the shipped
 * fictional raw ledgers (examples/) with the sample town's configs (content/aggregate/), and no
 * raw column ever reaches them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runAggregate } from '../../../scripts/aggregate';

const repo = path.resolve(import.meta.dirname, '../../..');
const SAMPLES = ['disputes-monthly', 'petitions-monthly', 'security-monthly'];
const STALE = 'content/data changed without re-running npm run aggregate on examples/ (docs/统计方法.md)';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'aggregate-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('sample datasets are reproducible byte for byte', () => {
  for (const id of SAMPLES) {
    it(`${id}: examples/${id}.虚构样例.csv → content/data/${id}.json`, async () => {
      const out = path.join(tmp, `${id}.json`);
      const r = await runAggregate([`examples/${id}.虚构样例.csv`, '--dataset', id, '--out', out], {
        cwd: repo,
        contentDir: path.join(repo, 'content'),
      });
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const written = fs.readFileSync(out, 'utf8');
      expect(written, STALE).toBe(fs.readFileSync(path.join(repo, 'content', 'data', `${id}.json`), 'utf8'));
      // The ledgers' personal columns (names, addresses, certificate numbers, summaries) never leave them.
      for (const raw of ['虚构人员', '虚构路', '虚构证件', '虚构示例', 'JF-2025', 'XF-2025', 'ZA-2025']) expect(written).not.toContain(raw);
    }, 120_000);
  }
});

describe('npm run aggregate refuses bad input and writes nothing', () => {
  it('names an unknown option and a missing raw file', async () => {
    const out = path.join(tmp, 'never.json');
    const bad = await runAggregate(['--dataset', 'disputes-monthly', '--bogus'], { cwd: repo });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('不认识的参数 --bogus');
    expect(bad.stderr).toContain('没有指定原始台账文件');
    const missing = await runAggregate(['nowhere.csv', '--dataset', 'disputes-monthly', '--out', out], { cwd: repo });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('找不到原始台账文件');
    expect(fs.existsSync(out)).toBe(false);
  });

  it('names the raw row of a bad date and writes nothing', async () => {
    const raw = path.join(tmp, 'bad.csv');
    const good = fs.readFileSync(path.join(repo, 'examples/security-monthly.虚构样例.csv'), 'utf8').split(/\r?\n/);
    // Row 3 of the file (the second record) gets an impossible date.
    good[2] = good[2]!.replace(/2025\/11\/\d+/, '2025/02/30');
    fs.writeFileSync(raw, good.join('\r\n'));
    const out = path.join(tmp, 'bad.json');
    const r = await runAggregate([raw, '--dataset', 'security-monthly', '--out', out], { cwd: repo, contentDir: path.join(repo, 'content') });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/第 ?3 ?行|:3\b|row 3/);
    expect(fs.existsSync(out)).toBe(false);
  });

  it('takes its default config from the content root it writes to (CONTENT_DIR), not from the sample town', async () => {
    const root = path.join(tmp, 'other-town');
    fs.mkdirSync(path.join(root, 'aggregate'), { recursive: true });
    for (const f of ['site.json', 'villages.json']) fs.copyFileSync(path.join(repo, 'content', f), path.join(root, f));
    const config = JSON.parse(fs.readFileSync(path.join(repo, 'content/aggregate/security-monthly.config.json'), 'utf8'));
    config.dataset.title = '另一个镇的治安数据';
    fs.writeFileSync(path.join(root, 'aggregate/security-monthly.config.json'), JSON.stringify(config));
    const r = await runAggregate(['examples/security-monthly.虚构样例.csv', '--dataset', 'security-monthly'], { cwd: repo, contentDir: root });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.written).toBe(path.join(root, 'data/security-monthly.json'));
    expect(fs.readFileSync(r.written!, 'utf8')).toContain('另一个镇的治安数据');
    const none = await runAggregate(['examples/security-monthly.虚构样例.csv', '--dataset', 'disputes-monthly'], { cwd: repo, contentDir: root });
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('aggregate/disputes-monthly.config.json');
  });
});
