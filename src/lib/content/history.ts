/**
 * Revision history of content files from `git log`, for the 修订记录 shown on every document
 * page. Pure parsing here; src/lib/content/git.ts runs git.
 */
import { scanText } from '../privacy';

export interface Revision {
  /** Commit date, YYYY-MM-DD. */
  date: string;
  /** Commit subject, with any personal number masked (history cannot be rewritten; new ones are refused by the commit-msg hook). */
  message: string;
  commit: string;
}

/** Record and field separators used in the `git log` format below. */
export const LOG_FORMAT = '%x1e%h%x1f%cs%x1f%s';

/**
 * Parses `git log --name-only --format=<LOG_FORMAT>` output into revisions per file,
 * newest first. File paths are as git prints them (relative to the repository top).
 */
export function parseGitLog(output: string): Map<string, Revision[]> {
  const byFile = new Map<string, Revision[]>();
  for (const record of output.split('\x1e')) {
    if (!record.trim()) continue;
    const [header, ...files] = record.split('\n');
    const [commit, date, subject] = (header ?? '').split('\x1f') as [string, string, string];
    const rev: Revision = { commit, date, message: maskMessage(subject ?? '') };
    for (const f of files.map((x) => x.trim()).filter(Boolean)) {
      const list = byFile.get(f) ?? [];
      list.push(rev);
      byFile.set(f, list);
    }
  }
  return byFile;
}

export function maskMessage(message: string): string {
  let out = message;
  // Replace from the end so earlier indexes stay valid.
  for (const f of scanText(message).reverse()) out = out.slice(0, f.index) + f.masked + out.slice(f.index + f.length);
  return out;
}

export type HistoryState = { available: true; revisions: Map<string, Revision[]> } | { available: false; reason: 'no-git' | 'shallow' };

/** Changes after the first publication: every commit but the oldest, newest first. */
export function laterRevisions(revisions: readonly Revision[] | undefined): Revision[] {
  return revisions && revisions.length > 1 ? revisions.slice(0, -1) : [];
}
