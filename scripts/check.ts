/**
 * npm run check — validates the whole content root without building the site.
 * Exit 0 when clean, 1 when any problem is found; warnings are printed after the report and do
 * not change the exit code. `--json` prints machine-readable results.
 */
import { resolveContentRoot } from '../src/lib/content/root';
import { printCheck, runCheck } from './check-report';

const root = resolveContentRoot();
const result = await runCheck(root);
const { problems, warnings, ms } = result;

if (process.argv.includes('--json')) {
  process.stdout.write(JSON.stringify({ root, ok: problems.length === 0, ms, problems, warnings }, null, 2) + '\n');
} else {
  printCheck(root, result);
}
// exitCode, not exit(): a report to a pipe is written asynchronously and exit() would cut it off (at 64 KB).
process.exitCode = problems.length ? 1 : 0;
