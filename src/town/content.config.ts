/**
 * One collection over CONTENT_DIR, fed by the one content loader (src/town/loader.ts) from the
 * validated content set: the site model's input plus every Markdown/MDX body to render.
 */
import { defineCollection } from 'astro:content';
import { resolveContentRoot } from '../lib/content/root';
import { townLoader } from './loader';

export const collections = {
  town: defineCollection({ loader: townLoader(resolveContentRoot()) }),
};
