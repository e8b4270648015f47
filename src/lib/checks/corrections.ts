/**
 * Published figures are not changed silently: when the figures of a disclosure that was
 * already public at the time of the change differ from the previous version in git, the
 * file must add a `corrections` entry saying what changed (the page shows it at the top).
 * Compared: the working tree with HEAD (a change about to be committed), or, when the file is
 * unchanged there, HEAD with its parent (the change the last commit made, as CI sees it).
 */
import { bi, type Problem } from '../core/errors';
import type { ContentSet } from '../content/set';
import type { DisclosureSource } from '../content/disclosures';
import { openRepo } from '../content/git';
import { problemAt } from '../content/parse';

type Figures = Record<string, unknown>;

function figures(kind: DisclosureSource['kind'], data: Figures): string {
  const keys = kind === 'finance' ? ['openingBalance', 'income', 'expense', 'closingBalance'] : ['columns', 'rows'];
  return JSON.stringify(keys.map((k) => data[k]));
}

export function checkCorrections(c: ContentSet, today: string): Problem[] {
  const repo = openRepo(c.root);
  if (!repo || repo.shallow) return [];
  const pending = new Set(repo.changedFiles('HEAD'));
  const lastCommit = new Set(repo.changedFiles('HEAD~1', 'HEAD'));
  const headDate = lastCommit.size ? repo.commitDate('HEAD') : undefined;
  const problems: Problem[] = [];
  for (const d of c.disclosures) {
    if (d.kind === 'notice') continue;
    const [ref, changedOn] = pending.has(d.abs) ? ['HEAD', today] : lastCommit.has(d.abs) ? ['HEAD~1', headDate] : [undefined, undefined];
    if (!ref || !changedOn) continue;
    const oldText = repo.show(ref, d.abs);
    if (oldText === undefined) continue; // a new file: nothing was published before
    let old: Figures & { publishedOn?: string; corrections?: unknown[] };
    try {
      old = JSON.parse(oldText) as typeof old;
    } catch {
      continue;
    }
    if (!old.publishedOn || old.publishedOn >= changedOn) continue; // not yet public when changed
    if (figures(d.kind, old) === figures(d.kind, d.data as unknown as Figures)) continue;
    if ((d.data.corrections?.length ?? 0) > (old.corrections?.length ?? 0)) continue;
    problems.push(
      problemAt(d.source, d.data.corrections ? ['corrections'] : [], {
        code: 'disclosure/uncorrected-change',
        what: bi(
          `已于 ${old.publishedOn} 公开的数字被修改（与 ${ref === 'HEAD' ? '上次提交' : '上一版本'}相比），但没有新增更正说明`,
          `figures published on ${old.publishedOn} were changed (compared with ${ref}) without a new correction entry`,
        ),
        fix: bi(
          `在 corrections 中添加一条：{ "on": "${changedOn}", "note": "更正了哪一笔、原因" }；网页顶部会显示更正说明`,
          `add to corrections: { "on": "${changedOn}", "note": "what was corrected and why" }; the page shows it at the top`,
        ),
      }),
    );
  }
  return problems;
}
