/**
 * The one place the portal's pages get data from: portal.json and the towns' published
 * output, loaded once per build (src/lib/portal). The build's content check already
 * refused a portal with problems, so here a problem is a bug, not an official's error.
 */
import { resolveContentRoot } from '../lib/content/root';
import { resolveToday } from '../lib/core/dates';
import { formatReport } from '../lib/core/errors';
import { loadPortal } from '../lib/portal/load';
import { buildPortalModel, type PortalModel } from '../lib/portal/model';
import { buildEnvironment } from '../lib/env/environment';

let model: Promise<PortalModel> | undefined;

export function getPortalModel(): Promise<PortalModel> {
  model ??= (async () => {
    const { portal, towns, problems } = await loadPortal(resolveContentRoot());
    if (!portal || problems.length > 0) throw new Error(formatReport(problems));
    return buildPortalModel(portal, towns, resolveToday(buildEnvironment().siteToday));
  })();
  return model;
}
