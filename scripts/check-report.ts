/**
 * The full content check as `npm run check` runs and prints it, shared by every command that
 * checks before it acts (npm run check, npm run publish), so they check and report alike.
 */
import { formatReport, type Problem } from '../src/lib/core/errors';
import { validateRoot } from '../src/lib/checks/validate';
import { formatWarnings, type Warning } from '../src/lib/checks/warnings';

export interface CheckRun {
  problems: Problem[];
  warnings: Warning[];
  ms: number;
}

/** validateRoot over the root, timed. */
export async function runCheck(root: string): Promise<CheckRun> {
  const started = performance.now();
  const { problems, warnings } = await validateRoot(root);
  return { problems, warnings, ms: Math.round(performance.now() - started) };
}

/** The report (to stderr when there are problems), the warnings, and the line naming the root and the time. */
export function printCheck(root: string, { problems, warnings, ms }: CheckRun): void {
  (problems.length ? console.error : console.log)(formatReport(problems));
  // Warnings do not change the exit code: the site is still published.
  if (warnings.length) console.warn(formatWarnings(warnings));
  console.log(`（检查 ${root}，用时 ${ms} 毫秒 / checked in ${ms} ms）`);
}
