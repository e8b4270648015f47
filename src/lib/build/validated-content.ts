/**
 * The content set the build's check validated, handed on to the content loader that feeds the
 * pages (src/town/loader.ts), so the files are read and parsed once per build. The check runs in
 * Astro's config hook and the loader inside Astro's module runner, in the same process but as two
 * module instances: the hand-over goes through one well-known global slot. A loader that finds
 * nothing there (a later sync in `astro dev`, after a content file changed) validates itself.
 */
import type { ContentSet } from '../content/set';
import { ContentError } from '../core/errors';
import { validateContentRoot } from '../checks/validate';

const SLOT = Symbol.for('gongkailan:validated-content');

interface Slot {
  root: string;
  content: ContentSet;
}

type WithSlot = typeof globalThis & { [SLOT]?: Slot };

export function handOverValidated(root: string, content: ContentSet): void {
  (globalThis as WithSlot)[SLOT] = { root, content };
}

/** The handed-over set, taken once (a second sync must see the files as they are then). */
function takeValidated(root: string): ContentSet | undefined {
  const g = globalThis as WithSlot;
  const slot = g[SLOT];
  delete g[SLOT];
  return slot?.root === root ? slot.content : undefined;
}

/** The validated content of `root`; throws ContentError (every problem, bilingual) when it fails a check. */
export function validatedContent(root: string, env: Record<string, string | undefined> = process.env): ContentSet {
  const handed = takeValidated(root);
  if (handed) return handed;
  const { content, problems } = validateContentRoot(root, env);
  if (problems.length > 0) throw new ContentError(problems);
  return content;
}
