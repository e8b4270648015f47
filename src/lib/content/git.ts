/**
 * Git facts about the content root: the revision history of each file, and earlier versions
 * of a file for the corrections check. Degrades to "not available" outside git or on a
 * shallow clone, never failing the build for that.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { LOG_FORMAT, parseGitLog, type HistoryState } from './history';

/** Git with paths printed as they are: by default git quotes non-ASCII names (`"\345\206\205…"`), and every file under a Chinese folder name would lose its history. */
function git(cwd: string, args: string[]): string {
  return execFileSync('git', ['-c', 'core.quotePath=false', ...args], { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] });
}

export interface GitRepo {
  top: string;
  shallow: boolean;
  /** Path of a file relative to the repository top, as git names it. */
  rel: (abs: string) => string;
  show: (ref: string, abs: string) => string | undefined;
  changedFiles: (from: string, to?: string) => string[];
  commitDate: (ref: string) => string | undefined;
}

export function openRepo(root: string): GitRepo | undefined {
  let top: string;
  try {
    top = git(root, ['rev-parse', '--show-toplevel']).trim();
  } catch {
    return undefined;
  }
  const rel = (abs: string) => path.relative(top, abs).split(path.sep).join('/');
  return {
    top,
    shallow: git(top, ['rev-parse', '--is-shallow-repository']).trim() === 'true',
    rel,
    show: (ref, abs) => {
      try {
        return git(top, ['show', `${ref}:${rel(abs)}`]);
      } catch {
        return undefined;
      }
    },
    changedFiles: (from, to) => {
      try {
        const args = ['diff', '--name-only', '--no-renames', from, ...(to ? [to] : []), '--', rel(root) || '.'];
        return git(top, args).split('\n').filter(Boolean).map((f) => path.join(top, f));
      } catch {
        return [];
      }
    },
    commitDate: (ref) => {
      try {
        return git(top, ['log', '-1', '--format=%cs', ref]).trim();
      } catch {
        return undefined;
      }
    },
  };
}

/** Revisions of every file under the content root, keyed by absolute path. */
export function readHistory(root: string): HistoryState {
  const repo = openRepo(root);
  if (!repo) return { available: false, reason: 'no-git' };
  if (repo.shallow) return { available: false, reason: 'shallow' };
  let out: string;
  try {
    out = git(repo.top, ['log', '--name-only', `--format=${LOG_FORMAT}`, '--', repo.rel(root) || '.']);
  } catch {
    return { available: false, reason: 'no-git' };
  }
  const byRel = parseGitLog(out);
  return { available: true, revisions: new Map([...byRel].map(([rel, revs]) => [path.join(repo.top, rel), revs])) };
}
