/**
 * The one content loader: the validated content set (src/lib/content, checked by
 * src/lib/checks/validate.ts) is the only road from the files to the pages. It stores the site model's
 * input as one entry and every Markdown/MDX body as an entry to render; nothing here parses a
 * file name or reads a content file (src/lib/model/from-content.ts maps the set).
 *
 * Bodies are rendered the way Astro's glob loader renders them: Markdown through the configured
 * processor (Sätteri with our guards, src/integrations/markdown.ts), MDX compiled by @astrojs/mdx
 * from its file (deferred). An unchanged body (same digest) keeps its cached rendering.
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { validatedContent } from '../lib/build/validated-content';
import { contentInput, documentsOf, type ContentDocument } from '../lib/model/from-content';
import type { ContentSet } from '../lib/content/set';

/** The id of the entry that holds the site model's input (src/town/model.ts reads it). */
export const MODEL_INPUT_ID = '@model-input';

type Render = (doc: ContentDocument) => Promise<{ html: string; metadata: Record<string, unknown> }>;

async function markdownRenderer(config: LoaderContext['config']): Promise<Render> {
  const { markdown, image } = config;
  if (!markdown.processor) throw new Error('没有配置 Markdown 处理器 (astro.config.ts markdown.processor is unset)');
  const renderer = await markdown.processor.createRenderer({
    image,
    syntaxHighlight: markdown.syntaxHighlight,
    shikiConfig: markdown.shikiConfig,
    gfm: markdown.gfm,
    smartypants: markdown.smartypants,
  });
  return async (doc) => {
    const { code, metadata } = await renderer.render(doc.body, { frontmatter: {}, fileURL: pathToFileURL(doc.abs) });
    return { html: code, metadata: { ...metadata, imagePaths: [...(metadata.localImagePaths ?? []), ...(metadata.remoteImagePaths ?? [])] } };
  };
}

async function store(content: ContentSet, ctx: LoaderContext, render: () => Promise<Render>): Promise<void> {
  const { store, config, generateDigest } = ctx;
  const projectRoot = fileURLToPath(config.root);
  const docs = documentsOf(content);
  const keep = new Set([MODEL_INPUT_ID, ...docs.map((d) => d.id)]);
  for (const id of store.keys()) if (!keep.has(id)) store.delete(id);
  store.set({ id: MODEL_INPUT_ID, data: contentInput(content) as unknown as Record<string, unknown> });
  for (const doc of docs) {
    const filePath = path.relative(projectRoot, doc.abs).split(path.sep).join('/');
    const digest = generateDigest(`${doc.ext}\n${filePath}\n${doc.body}`);
    const existing = store.get(doc.id);
    if (existing?.digest === digest) {
      // Unchanged: what the cache holds is still this body's rendering (the glob loader does the same).
      if (existing.deferredRender) store.addModuleImport(filePath);
      continue;
    }
    if (doc.ext === 'mdx') {
      store.set({ id: doc.id, data: {}, filePath, digest, deferredRender: true });
    } else {
      const rendered = await (await render())(doc);
      store.set({ id: doc.id, data: {}, filePath, digest, rendered, assetImports: rendered.metadata.imagePaths as string[] });
    }
  }
}

export function townLoader(root: string): Loader {
  return {
    name: 'gongkailan:town',
    load: async (ctx) => {
      let renderer: Promise<Render> | undefined;
      const render = () => (renderer ??= markdownRenderer(ctx.config));
      await store(validatedContent(root), ctx, render);
      if (!ctx.watcher) return;
      // `astro dev`: any change under the root re-validates the whole set; content that fails a
      // check is reported and not shown, the last good content stays.
      ctx.watcher.add(root);
      ctx.watcher.on('all', (_event, changed) => {
        if (!path.resolve(changed).startsWith(root + path.sep)) return;
        void (async () => {
          try {
            await store(validatedContent(root), ctx, render);
          } catch (e) {
            ctx.logger.error(e instanceof Error ? e.message : String(e));
          }
        })();
      });
    },
  };
}
