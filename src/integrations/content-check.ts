/**
 * Runs the same checks as `npm run check` before Astro renders anything, so neither
 * `astro build` nor `astro dev` ever serves content that failed them.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { formatReport } from '../lib/core/errors';
import { validateRoot } from '../lib/checks/validate';

export function contentCheck(root: string): AstroIntegration {
  return {
    name: 'gongkailan:content-check',
    hooks: {
      'astro:config:setup': async ({ config }) => {
        const { problems } = await validateRoot(root, process.env, { publicDir: fileURLToPath(config.publicDir) });
        if (problems.length > 0) {
          console.error(formatReport(problems));
          throw new Error('内容检查未通过，未生成网站。(Content check failed; nothing was built.)');
        }
      },
    },
  };
}
