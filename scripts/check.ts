/**
 * npm run check — validates the whole content root without building the site.
 * Exit 0 when clean, 1 when any problem is found. `--json` prints machine-readable results.
 */
import { formatReport } from '../src/lib/core/errors';
import { resolveContentRoot } from '../src/lib/content/root';
import { validateRoot } from '../src/lib/checks/validate';

const root = resolveContentRoot();
const started = performance.now();
const { problems } = await validateRoot(root);
const ms = Math.round(performance.now() - started);

if (process.argv.includes('--json')) {
  process.stdout.write(JSON.stringify({ root, ok: problems.length === 0, ms, problems }, null, 2) + '\n');
} else {
  const report = formatReport(problems);
  (problems.length ? console.error : console.log)(report);
  console.log(`（检查 ${root}，用时 ${ms} 毫秒 / checked in ${ms} ms）`);
}
process.exit(problems.length ? 1 : 0);
