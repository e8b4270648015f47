/**
 * npm run check — validates the whole content root without building the site.
 * Exit 0 when clean, 1 when any problem is found; warnings are printed after the report and do
 * not change the exit code. `--json` prints machine-readable results.
 */
import { formatReport } from '../src/lib/core/errors';
import { resolveContentRoot } from '../src/lib/content/root';
import { validateRoot } from '../src/lib/checks/validate';
import { formatWarnings } from '../src/lib/checks/warnings';

const root = resolveContentRoot();
const started = performance.now();
const { problems, warnings } = await validateRoot(root);
const ms = Math.round(performance.now() - started);

if (process.argv.includes('--json')) {
  process.stdout.write(JSON.stringify({ root, ok: problems.length === 0, ms, problems, warnings }, null, 2) + '\n');
} else {
  const report = formatReport(problems);
  (problems.length ? console.error : console.log)(report);
  // Warnings do not change the exit code: the site is still published.
  if (warnings.length) console.warn(formatWarnings(warnings));
  console.log(`（检查 ${root}，用时 ${ms} 毫秒 / checked in ${ms} ms）`);
}
process.exit(problems.length ? 1 : 0);
