/**
 * Runs the same checks as `npm run check` before Astro renders anything, so neither
 * `astro build` nor `astro dev` ever serves content that failed them. A town's validated
 * content set is handed on to the loader that feeds the pages (src/town/loader.ts).
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { formatReport } from '../lib/core/errors';
import { validateRoot } from '../lib/checks/validate';
import { formatWarnings } from '../lib/checks/warnings';
import { handOverValidated } from '../lib/build/validated-content';

export function contentCheck(root: string): AstroIntegration {
  return {
    name: 'gongkailan:content-check',
    hooks: {
      'astro:config:setup': async ({ config }) => {
        const result = await validateRoot(root, process.env, { publicDir: fileURLToPath(config.publicDir) });
        if (result.problems.length > 0) {
          const report = `${formatReport(result.problems)}\n内容检查未通过，未生成网站。(Content check failed; nothing was built.)\n`;
          // The report is the whole message: a thrown error would add Astro's "unhandled error"
          // banner and a stack trace of this file, which reads to an official like a crash.
          // Nothing has been written yet (this is the first hook), so there is nothing to clean up.
          // Exit once the report has left the process: a long one to a pipe would be cut off.
          await new Promise<void>((resolve) => process.stderr.write(report, () => resolve()));
          process.exit(1);
        }
        if (result.warnings.length > 0) console.warn(formatWarnings(result.warnings));
        if ('content' in result) handOverValidated(root, result.content);
      },
    },
  };
}
