/**
 * Which file a file of the built site came from, when that is plain from its path: a page or
 * download named like a content file (`plans/<slug>/index.html` ← `plans/<slug>.mdx`,
 * `data/<id>.csv` ← `data/<id>.json`, `disclosures/<村>/<doc>.json` ← the same path), or a file
 * copied from `public/`. Other pages (lists, filters, feeds, unit and village pages) are made by a
 * template from several files; for them the answer is undefined and the report says "output".
 */
import fs from 'node:fs';
import path from 'node:path';

const CONTENT_EXTS = ['.mdx', '.md', '.json'] as const;

export interface SourceFinderOptions {
  contentRoot: string;
  /** The project's public/ directory, whose files are copied into the site as they are. */
  publicDir?: string;
  /** The site's base path (`/` or `/zl/linhe/`): search fragments name pages by URL. */
  base?: string;
  /** How a source file is named in messages. */
  display: (abs: string) => string;
}

/** `(site-relative path or page URL) → source file as displayed`, or undefined when not known. */
export function outputSourceFinder(opts: SourceFinderOptions): (relOrUrl: string) => string | undefined {
  const base = (opts.base ?? '/').replace(/^\/*/, '').replace(/\/*$/, '');
  const isFile = (abs: string) => fs.statSync(abs, { throwIfNoEntry: false })?.isFile() === true;
  return (relOrUrl) => {
    let rel = relOrUrl.replace(/[?#].*$/, '').replace(/^\/+/, '');
    if (base && (rel === base || rel.startsWith(`${base}/`))) rel = rel.slice(base.length).replace(/^\/+/, '');
    try {
      rel = decodeURIComponent(rel);
    } catch {
      // a malformed escape: keep the path as written
    }
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    if (opts.publicDir && isFile(path.join(opts.publicDir, rel))) return opts.display(path.join(opts.publicDir, rel));
    const stem = rel.replace(/(?:^|\/)index\.html$/, '').replace(/\.(?:html|csv|json)$/, '');
    if (stem === '') return undefined;
    for (const ext of CONTENT_EXTS) {
      const abs = path.join(opts.contentRoot, stem + ext);
      if (isFile(abs)) return opts.display(abs);
    }
    return undefined;
  };
}
