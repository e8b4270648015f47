/**
 * A digest of files as they are on disk: what a cache entry built from code holds under (the
 * output scan's clean list, the desk's bundle). Paths are sorted and each file is hashed with
 * its path and length, so adding, renaming or editing any file changes the digest.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Every file under `dir` (or `dir` itself when it is a file) into `hash`, as `rel\nlength\nbytes`. */
export function hashTree(hash: crypto.Hash, dir: string): void {
  if (fs.statSync(dir).isFile()) {
    const bytes = fs.readFileSync(dir);
    hash.update(`${path.basename(dir)}\n${bytes.length}\n`).update(bytes);
    return;
  }
  const files = fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
  for (const rel of files) {
    const bytes = fs.readFileSync(path.join(dir, rel));
    hash.update(`${rel}\n${bytes.length}\n`).update(bytes);
  }
}

/**
 * The hex SHA-256 of `label` and of the files at `paths` (relative to `project`, in the order
 * given); a path that does not exist is hashed as absent. Undefined when none exists.
 */
export function treeDigest(project: string, label: string, paths: readonly string[]): string | undefined {
  const hash = crypto.createHash('sha256').update(`${label}\n`);
  let any = false;
  for (const rel of paths) {
    const abs = path.join(project, rel);
    hash.update(`== ${rel}\n`);
    if (!fs.existsSync(abs)) continue;
    any = true;
    hashTree(hash, abs);
  }
  return any ? hash.digest('hex') : undefined;
}
