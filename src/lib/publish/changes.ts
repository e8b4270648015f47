/**
 * What `npm run publish` would publish: the changes under the content root, read from
 * `git status --porcelain -z`, each compared with the last commit (HEAD) — what the commit will
 * change, whatever is or is not staged. Pure parsing here; scripts/publish.ts runs git.
 */
import { bi, type Bilingual } from '../core/errors';

export type ChangeKind = 'added' | 'modified' | 'deleted';

/** The words the official reads for each kind, in the order a list shows them. */
export const KIND_WORDS: Readonly<Record<ChangeKind, Bilingual>> = {
  added: bi('新增', 'new'),
  modified: bi('修改', 'modified'),
  deleted: bi('删除', 'deleted'),
};

const KIND_ORDER: readonly ChangeKind[] = ['added', 'modified', 'deleted'];

export interface Change {
  kind: ChangeKind;
  /** Path relative to the repository top, as git prints it (with core.quotePath=false). */
  path: string;
}

export interface WorkingTreeStatus {
  /** One entry per path whose working-tree file differs from HEAD, sorted by path. */
  changes: Change[];
  /** Paths git lists as unmerged (a `git pull` or merge left a conflict to resolve). */
  conflicts: string[];
}

/** The unmerged pairs of `git status` (git-status(1), "Short Format"). */
const UNMERGED = new Set(['DD', 'AU', 'UD', 'UA', 'DU', 'AA', 'UU']);

/**
 * Parses `git status --porcelain -z` (v1). Each entry is `XY PATH\0`, and a rename or copy
 * (R or C in X) is followed by its original path, `XY NEW\0OLD\0`. X is the index against HEAD,
 * Y the working tree against the index; what a commit of the working tree changes is the file
 * in HEAD against the file in the working tree, so each path is reduced to those two facts.
 * A path can appear twice (`D ` staged removal and `??` the file still on disk): the facts are
 * combined. A path in neither (added to the index, then deleted from disk) changes nothing.
 */
export function parsePorcelainZ(output: string): WorkingTreeStatus {
  const facts = new Map<string, { inHead: boolean; onDisk: boolean }>();
  const note = (path: string, inHead: boolean, onDisk: boolean) => {
    const f = facts.get(path) ?? { inHead: false, onDisk: false };
    facts.set(path, { inHead: f.inHead || inHead, onDisk: f.onDisk || onDisk });
  };
  const conflicts: string[] = [];
  const fields = output.split('\0');
  for (let i = 0; i < fields.length; i++) {
    const entry = fields[i]!;
    if (entry.length < 4) continue; // the empty field after the last NUL
    const xy = entry.slice(0, 2);
    const path = entry.slice(3);
    const [x, y] = [xy[0]!, xy[1]!];
    if (UNMERGED.has(xy)) {
      conflicts.push(path);
    } else if (xy === '??') {
      note(path, false, true);
    } else if (xy === '!!') {
      // ignored files, listed only with --ignored: never published
    } else if (x === 'R' || x === 'C') {
      const original = fields[++i] ?? '';
      // The new name is not in HEAD; a renamed file's old name is gone, a copied file's is not.
      note(path, false, y !== 'D');
      if (x === 'R' && original) note(original, true, false);
    } else {
      // X is ' ', M, T, A or D: the path is in HEAD unless the index added it; on disk unless deleted there.
      note(path, x !== 'A', x !== 'D' && y !== 'D');
    }
  }
  const changes: Change[] = [];
  for (const [path, { inHead, onDisk }] of facts) {
    if (inHead && onDisk) changes.push({ kind: 'modified', path });
    else if (onDisk) changes.push({ kind: 'added', path });
    else if (inHead) changes.push({ kind: 'deleted', path });
  }
  const byPath = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return { changes: changes.sort((a, b) => byPath(a.path, b.path)), conflicts: conflicts.sort(byPath) };
}

/** How many changes of each kind, in list order, leaving out the kinds with none. */
export function countByKind(changes: readonly Change[]): Array<[ChangeKind, number]> {
  return KIND_ORDER.map((k): [ChangeKind, number] => [k, changes.filter((c) => c.kind === k).length]).filter(([, n]) => n > 0);
}

/** In a few words, naming no file: `新增 1 个、修改 2 个文件`. */
export function summarize(changes: readonly Change[]): string {
  return `${countByKind(changes)
    .map(([k, n]) => `${KIND_WORDS[k].zh} ${n} 个`)
    .join('、')}文件`;
}

/**
 * The list publish prints before it checks and commits: one line per file, kind first, files of
 * one kind together, e.g. `  修改  content/legal/a.md`, then the count with its English gloss.
 */
export function formatChanges(changes: readonly Change[], display: (path: string) => string = (p) => p): string[] {
  const lines: string[] = [];
  for (const kind of KIND_ORDER) for (const c of changes) if (c.kind === kind) lines.push(`  ${KIND_WORDS[kind].zh}  ${display(c.path)}`);
  const counts = countByKind(changes);
  lines.push(
    `共 ${changes.length} 个文件：${counts.map(([k, n]) => `${KIND_WORDS[k].zh} ${n} 个`).join('，')}。` +
      ` (${changes.length} file(s): ${counts.map(([k, n]) => `${n} ${KIND_WORDS[k].en}`).join(', ')}.)`,
  );
  return lines;
}
