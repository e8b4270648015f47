/**
 * What a content file may be called (CONTENT.md): a plan's or an article's name is its address, so
 * lower-case pinyin, digits and dashes; a village disclosure's name says its period and kind. The
 * loaders refuse other names, and the publishing desk refuses them before it saves
 * (src/lib/desk/gate.ts): one rule, one message. No file system here.
 */
import { bi, type Problem } from '../core/errors';

/** The rule of a URL segment typed by an official (../schemas/common.ts slugId says the same). */
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Slugs /legal/ pages use for themselves (audience/, topic/, page/), so no article may take them. */
export const RESERVED_LEGAL_SLUGS = ['audience', 'topic', 'page'] as const;

/** `2026-10-finance.json`, `2026-Q3-affairs.json`, `2026-11-notice-yishiyiyi.mdx` */
const DISCLOSURE_FILE = /^(\d{4}(?:-(?:0[1-9]|1[0-2])|-Q[1-4])?)-(?:(finance|affairs|party)\.json|notice-([a-z0-9]+(?:-[a-z0-9]+)*)\.mdx?)$/;

export interface DisclosureFileName {
  /** Period as written in the file name. */
  period: string;
  kind: 'finance' | 'affairs' | 'party' | 'notice';
  /** A notice's own slug. */
  slug?: string;
}

/** A plan file's name (`plans/<slug>.mdx`), or the problem with it. */
export function planFileNameProblem(file: string, display: string): Problem | undefined {
  if (SLUG.test(file.replace(/\.mdx?$/, ''))) return undefined;
  return {
    file: display,
    code: 'plan/file-name',
    what: bi(`文件名“${file}”不能用作网址`, `file name "${file}" cannot be used in a URL`),
    fix: bi('文件名只用小写拼音、数字和连字符，如 shehui-zhili-2026.mdx', 'name the file with lower-case pinyin, digits and dashes, e.g. shehui-zhili-2026.mdx'),
  };
}

/** A 普法 article's name (`legal/<slug>.mdx`), or the problem with it. */
export function legalFileNameProblem(file: string, display: string): Problem | undefined {
  const slug = file.replace(/\.mdx?$/, '');
  if (SLUG.test(slug) && !(RESERVED_LEGAL_SLUGS as readonly string[]).includes(slug)) return undefined;
  return {
    file: display,
    code: 'legal/file-name',
    what: bi(`文件名“${file}”不能用作网址`, `file name "${file}" cannot be used in a URL`),
    fix: bi(
      `文件名只用小写拼音、数字和连字符，如 fanzha-laonianren.mdx；不能叫 ${RESERVED_LEGAL_SLUGS.join('、')}`,
      `name the file with lower-case pinyin, digits and dashes, e.g. fanzha-laonianren.mdx; ${RESERVED_LEGAL_SLUGS.join(', ')} are reserved`,
    ),
  };
}

/** What a village disclosure's file name says, or undefined when it follows no naming rule. */
export function parseDisclosureFileName(file: string): DisclosureFileName | undefined {
  const m = DISCLOSURE_FILE.exec(file);
  if (!m) return undefined;
  return { period: m[1]!, kind: (m[2] as DisclosureFileName['kind'] | undefined) ?? 'notice', slug: m[3] };
}

export function disclosureFileNameProblem(file: string, display: string): Problem | undefined {
  if (parseDisclosureFileName(file)) return undefined;
  return {
    file: display,
    code: 'disclosure/file-name',
    what: bi(`文件名“${file}”不符合命名规则`, `file name "${file}" does not follow the naming rule`),
    fix: bi(
      '命名为 <期间>-finance.json、<期间>-affairs.json、<期间>-party.json 或 <期间>-notice-<拼音>.mdx；期间如 2026-10、2026-Q3',
      'name it <period>-finance.json, <period>-affairs.json, <period>-party.json or <period>-notice-<slug>.mdx; period like 2026-10 or 2026-Q3',
    ),
  };
}
