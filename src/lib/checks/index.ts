/**
 * Every rule over a loaded content set, run in one place (src/lib/checks/validate.ts calls this for
 * `npm run check`, the build and the hooks' full check). The loader only loads and parses; the
 * rules and their codes are listed in ./registry.ts.
 */
import type { Problem } from '../core/errors';
import type { ContentSet } from '../content/set';
import { RULES } from './registry';
import type { CheckContext } from './rule';

export type { CheckContext } from './rule';

export function runContentChecks(content: ContentSet, ctx: CheckContext): Problem[] {
  return RULES.flatMap((rule) => rule.check(content, ctx));
}
