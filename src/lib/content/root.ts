/** Where the content lives: `CONTENT_DIR` (absolute or relative), default `content/`. */
import path from 'node:path';
import { buildEnvironment } from '../env/environment';

export function resolveContentRoot(contentDir: string | undefined = buildEnvironment().contentDir, cwd = process.cwd()): string {
  return path.resolve(cwd, contentDir && contentDir.trim() !== '' ? contentDir : 'content');
}

/** How a file is named in messages: relative to the working directory when inside it. */
export function displayPath(absPath: string, cwd = process.cwd()): string {
  const rel = path.relative(cwd, absPath);
  return rel.startsWith('..') || path.isAbsolute(rel) ? absPath : rel.split(path.sep).join('/');
}
