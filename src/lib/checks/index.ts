/**
 * Every rule over a loaded content set, run in one place (src/lib/checks/validate.ts calls this for
 * `npm run check`, the build and the hooks' full check). The loader only loads and parses.
 */
import type { Problem } from '../core/errors';
import type { ContentSet } from '../content/set';
import { checkBodies } from './bodies';
import { checkCorrections } from './corrections';
import { checkDatasets } from './datasets';
import { checkDisclosures } from './disclosures';
import { checkLegal } from './legal';
import { checkPlans } from './plans';
import { checkPrivacy } from './privacy';
import { checkRegistries } from './registries';

export interface CheckContext {
  /** How a file is named in messages. */
  display: (abs: string) => string;
  /** The build's today (SITE_TODAY); the corrections check needs it and is skipped without it. */
  today?: string;
}

export function runContentChecks(content: ContentSet, ctx: CheckContext): Problem[] {
  return [
    ...checkRegistries(content),
    ...checkPlans(content),
    ...checkDisclosures(content),
    ...checkDatasets(content),
    ...checkLegal(content),
    // Content never runs code: every Markdown/MDX body, parsed, before anything is evaluated.
    ...checkBodies(content.root, ctx.display),
    // Names are checked masked unless the site explicitly turned masking off.
    ...checkPrivacy(content.root, content.site?.privacy.maskNames ?? true, ctx.display),
    ...(ctx.today ? checkCorrections(content, ctx.today) : []),
  ];
}
