/**
 * A built page as its templates wrote it: without the classes (`astro-…`) that scope each
 * component's <style> (astro.config.ts scopedStyleStrategy 'where'), so that tests can look
 * for markup word for word.
 */
export function withoutScopeClasses(html: string): string {
  return html.replace(/ class="astro-[a-z0-9]+"| astro-[a-z0-9]+(?=")/g, '');
}
