/** ASCII URL slugs from Chinese text, via pinyin (社会治理 → shehuizhili). */
import { pinyin } from 'pinyin-pro';

export function slugify(text: string): string {
  const syllables = pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true });
  // Han syllables of one word run together; spaces and punctuation become dashes.
  const joined = syllables.map((s) => (/^[a-z]+$/i.test(s) ? s.toLowerCase() : `-${s.toLowerCase()}-`)).join('');
  // Syllables of Han text run together (shehuizhili); digits and Latin words stay apart.
  return joined.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'x';
}
