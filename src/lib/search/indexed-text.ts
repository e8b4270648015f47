const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'", nbsp: ' ' };

/** The character references HTML serialisers (Astro, Pagefind) write for text. */
export function decodeEntities(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|#39|apos|nbsp);/g, (_, e: string) => ENTITY[e] ?? '');
}

/** The text of a built page's indexed <main data-pagefind-body>, or undefined when it is not indexed. */
export function indexedMainText(html: string): string | undefined {
  const main = /<main[^>]*data-pagefind-body[^>]*>([\s\S]*?)<\/main>/.exec(html);
  if (!main?.[1]) return undefined;
  return decodeEntities(main[1].replace(/<[^>]+>/g, ' '));
}
