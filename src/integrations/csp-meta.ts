/**
 * Tells the pages whether they are being built (`astro build`) rather than served by
 * `astro dev`: only built pages carry the Content-Security-Policy meta (src/lib/site/csp.ts),
 * because the dev server injects inline scripts and styles of its own that the policy
 * would refuse. Decided by Astro's command, not by NODE_ENV or the Vite mode, which a
 * caller's environment can change (vitest sets NODE_ENV=test for the builds it spawns).
 */
import type { AstroIntegration } from 'astro';

export function cspMeta(): AstroIntegration {
  return {
    name: 'gongkailan:csp-meta',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        updateConfig({ vite: { define: { 'import.meta.env.GKL_CSP_META': JSON.stringify(command === 'build') } } });
      },
    },
  };
}
