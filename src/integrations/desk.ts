/**
 * Builds the publishing desk (/admin/) from Sveltia CMS's npm package with no request to another
 * origin: its stylesheet names three fonts on a CDN (cdn.jsdelivr.net) that the package also ships
 * and registers itself, so those @font-face rules are dropped; and its code highlighter's 240
 * language grammars, which our content never needs (bodies hold no code), are left out of the
 * build. Any other foreign request fails tests/browser/desk.test.ts.
 *
 * Its viewport tag also forbids zooming (maximum-scale=1); officials who need larger text must be
 * able to zoom (WCAG 2.2 SC 1.4.4 Resize Text), so that one word is dropped too.
 */
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';

const SVELTIA = /[\\/]@sveltia[\\/]cms[\\/]npm[\\/]index\.js$/;
const CDN_FONT = /@font-face\s*\{[^}]*https:\/\/cdn\.jsdelivr\.net\/[^}]*\}/g;
const NO_ZOOM = '`maximum-scale=1`,';
const GRAMMAR = /^@shikijs\/(?:langs|themes)\//;
const EMPTY = '\0gkl-desk-empty';

function deskPlugin(): Plugin {
  return {
    name: 'gongkailan:desk',
    enforce: 'pre',
    resolveId(source, importer) {
      if (GRAMMAR.test(source) && importer && SVELTIA.test(importer)) return EMPTY;
      return null;
    },
    load(id) {
      return id === EMPTY ? 'export default [];' : null;
    },
    transform(code, id) {
      if (!SVELTIA.test(id)) return null;
      const fonts = code.replace(CDN_FONT, '');
      if (fonts === code) this.warn('desk: no CDN @font-face found in Sveltia CMS (tests/browser/desk.test.ts checks for foreign requests)');
      const zoomable = fonts.replace(NO_ZOOM, '');
      if (zoomable === fonts) this.warn('desk: Sveltia CMS no longer sets maximum-scale=1 (tests/browser/desk.test.ts runs axe)');
      return { code: zoomable, map: null };
    },
  };
}

export function desk(): AstroIntegration {
  return {
    name: 'gongkailan:desk',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({ vite: { plugins: [deskPlugin()] } });
      },
    },
  };
}
