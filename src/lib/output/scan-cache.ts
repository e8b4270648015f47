/**
 * What the output scan (./scan.ts) already found clean, kept between builds: after one article is
 * edited, the other ~11,000 files of a 5,000-article site are byte for byte what the last build
 * scanned, and reading them again took ~5 s of every rebuild (docs/性能.md §8).
 *
 * A file is skipped only when the digest of its exact bytes (and how it is read) is in the list
 * that a passing scan wrote under the same rules: the code of src/lib (the scanner and every rule
 * it uses), the lock file (the dependencies) and the content root's allow-list. Change any of
 * them and the whole site is read again; a file that had a finding is never listed. `astro build
 * --force` does not read the list (it still writes a fresh one). Deleting it only costs time.
 */
import fs from 'node:fs';
import path from 'node:path';
import { treeDigest } from '../build/tree-digest';

/** The list's file in a content root's cache directory (src/lib/build/paths.ts contentCacheDir). */
export const SCAN_CACHE_FILE = 'output-scan.json';

interface Stored {
  rules: string;
  clean: string[];
}

/**
 * The rules a scan result holds under: the project's src/lib, its package-lock.json and the
 * allow-list. Undefined when the project's code cannot be read (then nothing is reused).
 */
export function scanRulesKey(project: string, allow: ReadonlySet<string> | undefined): string | undefined {
  if (!fs.existsSync(path.join(project, 'src', 'lib'))) return undefined;
  const allowed = JSON.stringify([...(allow ?? [])].sort());
  return treeDigest(project, `gongkailan output scan 1 ${allowed}`, ['src/lib', 'package-lock.json']);
}

/** The digests a passing scan under `rules` left in `file`; empty when there is none or it is another rule set's. */
export function readKnownClean(file: string, rules: string): Set<string> {
  try {
    const stored = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<Stored>;
    if (stored.rules !== rules || !Array.isArray(stored.clean)) return new Set();
    return new Set(stored.clean.filter((d): d is string => typeof d === 'string'));
  } catch {
    return new Set(); // none yet, or unreadable: scan everything
  }
}

/** Replaces the list after a passing scan (written aside, then renamed: never half a list). */
export function writeKnownClean(file: string, rules: string, clean: readonly string[]): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, JSON.stringify({ rules, clean: [...new Set(clean)].sort() } satisfies Stored));
  fs.renameSync(tmp, file);
}
