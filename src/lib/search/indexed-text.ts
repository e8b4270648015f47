/** The text of a built page's indexed <main data-pagefind-body>, or undefined when it is not indexed. */
const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };

export function indexedMainText(html: string): string | undefined {
  const main = /<main[^>]*data-pagefind-body[^>]*>([\s\S]*?)<\/main>/.exec(html);
  if (!main?.[1]) return undefined;
  return main[1].replace(/<[^>]+>/g, ' ').replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, e: string) => ENTITY[e] ?? '');
}
