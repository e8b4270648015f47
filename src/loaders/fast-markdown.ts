/**
 * Astro's glob loader that leaves plain `.md` bodies unrendered: their pages render them with
 * markdown-it (src/lib/markdown/render.ts, called from src/site/model.ts `documentBody`).
 * Keeping their HTML out of the content store matters because Astro bundles the whole store
 * into the build: at 5,000 articles it was 49 MB and ~5 s of bundling (docs/性能.md).
 *
 * Everything else stays Astro's: file discovery, ids, frontmatter, schema parsing, the content
 * cache, the dev watcher and `.mdx`, which compiles to components. Only the `.md` entry type's
 * render function is swapped, and a body that needs Astro's pipeline (images, footnotes, task
 * lists, code) is still rendered by it here.
 *
 * The glob loader reads the entry types from a context field Astro does not document
 * (`entryTypes`, Astro 5.18); if it is ever missing the build stops here rather than silently
 * rendering with something else.
 */
import type { Loader, LoaderContext } from 'astro/loaders';
import { needsAstroMarkdown } from '../lib/markdown/render';

type EntryTypes = Map<string, { extensions?: string[]; getRenderFunction?: (config: LoaderContext['config']) => Promise<RenderFunction> }>;
type RenderFunction = (entry: { body?: string; data: Record<string, unknown> }) => Promise<unknown>;

export function withFastMarkdown(loader: Loader): Loader {
  return {
    name: `${loader.name}+markdown-it`,
    load: async (context) => {
      const entryTypes = (context as LoaderContext & { entryTypes?: EntryTypes }).entryTypes;
      const markdown = entryTypes?.get('.md');
      if (!entryTypes || !markdown?.getRenderFunction) {
        throw new Error('Astro 的内容加载器接口已变化，无法替换 Markdown 渲染器 (Astro no longer passes entryTypes to loaders; update src/loaders/fast-markdown.ts)');
      }
      const astroRender = markdown.getRenderFunction.bind(markdown);
      const fast = {
        ...markdown,
        getRenderFunction: async (config: LoaderContext['config']): Promise<RenderFunction> => {
          let slow: RenderFunction | undefined;
          return async (entry) => {
            // Nothing stored for plain Markdown: the page renders it.
            if (!needsAstroMarkdown(entry.body ?? '')) return undefined;
            return (slow ??= await astroRender(config))(entry);
          };
        },
      };
      const types: EntryTypes = new Map(entryTypes);
      for (const ext of markdown.extensions ?? ['.md']) types.set(ext, fast);
      await loader.load({ ...context, entryTypes: types } as LoaderContext);
    },
  };
}
