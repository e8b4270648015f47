/**
 * Astro's glob loader with plain `.md` bodies rendered by markdown-it (src/lib/markdown/render.ts).
 *
 * Everything else stays Astro's: file discovery, ids, frontmatter, schema parsing, the content
 * cache (an unchanged file is not rendered again), the dev watcher and `.mdx`, which compiles
 * to components. Only the `.md` entry type's render function is swapped, and a body that needs
 * Astro's pipeline (images, footnotes, task lists, code) still gets it.
 *
 * The glob loader reads the entry types from a context field Astro does not document
 * (`entryTypes`, Astro 5.18); if it is ever missing the build stops here rather than silently
 * rendering with something else.
 */
import type { Loader, LoaderContext } from 'astro/loaders';
import { needsAstroMarkdown, renderMarkdown } from '../lib/markdown/render';

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
            const body = entry.body ?? '';
            if (needsAstroMarkdown(body)) return (slow ??= await astroRender(config))(entry);
            const { html, headings } = renderMarkdown(body);
            return { html, metadata: { headings, frontmatter: entry.data } };
          };
        },
      };
      const types: EntryTypes = new Map(entryTypes);
      for (const ext of markdown.extensions ?? ['.md']) types.set(ext, fast);
      await loader.load({ ...context, entryTypes: types } as LoaderContext);
    },
  };
}
