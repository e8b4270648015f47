/**
 * npm run import -- <file.xlsx|file.csv> --village <code> --period <YYYY-MM|YYYY-Qn> --kind finance|affairs|party
 *   [--out <path>] [--dry-run] [--force]
 *
 * Turns a spreadsheet filled in by a village official into the disclosure JSON
 * (<CONTENT_DIR>/disclosures/<village>/<period>-<kind>.json). Every problem is reported by
 * its cell, all at once; nothing is written unless there are none. Exit 0 on success, 1 on
 * any problem. Layout: docs/导入表格说明.md. The work is done by src/lib/import/run.ts.
 */
import { runImport } from '../src/lib/import/run';
import { buildEnvironment } from '../src/lib/env/environment';

const result = await runImport(process.argv.slice(2), { contentDir: buildEnvironment().contentDir });
if (result.stdout) process.stdout.write(result.stdout);
if (result.stderr) process.stderr.write(result.stderr);
process.exitCode = result.code;
