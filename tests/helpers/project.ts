/** A copy of the project to change a component or the configuration in, and builds of it. */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { listFiles, run } from './build';
import { REPO } from './content';

/** `npm run build` of `content` into `out`, in `project` (the repository unless given); OUT_DIR is not emptied first. */
export const build = (content: string, out: string, project = REPO) =>
  run('npm', ['run', '--silent', 'build'], { CONTENT_DIR: content, OUT_DIR: out }, project);

/** Every file of a directory with the SHA-256 of its bytes. */
export function fingerprint(dir: string): Record<string, string> {
  return Object.fromEntries(
    listFiles(dir)
      .sort()
      .map((f) => [
        f,
        crypto
          .createHash('sha256')
          .update(fs.readFileSync(path.join(dir, f)))
          .digest('hex'),
      ]),
  );
}

/** A copy of the project (sources, scripts, config; node_modules linked), to change a component in. */
export function projectCopy(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gkl-project-'));
  const skip = new Set(['node_modules', '.git', '.cache', '.astro', '.test-dist', 'dist', '.bench', '.scratch']);
  for (const name of fs.readdirSync(REPO)) if (!skip.has(name)) fs.cpSync(path.join(REPO, name), path.join(dir, name), { recursive: true });
  fs.symlinkSync(path.join(REPO, 'node_modules'), path.join(dir, 'node_modules'));
  return dir;
}
