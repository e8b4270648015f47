/**
 * The commit message of `npm run publish`. The site shows it in each page's 发布与修订记录
 * (src/lib/content/history.ts), so the commit-msg hook scans it for personal data; here it is
 * only tidied the way git's `--cleanup=strip` would, so the hook scans exactly what is committed.
 */
import { summarize, type Change } from './changes';

/** Used when the official writes no message: what kind of change, how many files, no file names. */
export function defaultMessage(changes: readonly Change[]): string {
  return changes.length === 0 ? '更新公开内容' : `更新公开内容：${summarize(changes)}`;
}

/**
 * The message as git commits it with `--cleanup=strip`: lines starting with `#` dropped (the
 * commit-msg hook skips them as git's comments, so they must not reach the commit either),
 * trailing spaces removed, runs of blank lines collapsed, blank lines at either end trimmed.
 * Returns '' when nothing is left.
 */
export function tidyMessage(raw: string): string {
  const lines = raw
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .filter((l) => !l.startsWith('#'))
    .map((l) => l.trimEnd());
  const out: string[] = [];
  for (const l of lines) if (l !== '' || (out.length > 0 && out[out.length - 1] !== '')) out.push(l);
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out.join('\n');
}

/** The official's message, tidied, or the default when they wrote none. */
export function commitMessage(raw: string | undefined, changes: readonly Change[]): { message: string; isDefault: boolean } {
  const tidy = tidyMessage(raw ?? '');
  return tidy ? { message: tidy, isDefault: false } : { message: defaultMessage(changes), isDefault: true };
}
