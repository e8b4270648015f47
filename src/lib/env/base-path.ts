/**
 * The URL path the site is served under: `/` for its own host, or a county portal's
 * sub-path such as `/zl/qingshan/` (DOMAIN.md). Set with BASE_PATH; always begins and ends with `/`.
 *
 * Every link and asset of every page starts with it, so it must be a plain path: segments of
 * letters, digits and `-._~` (RFC 3986 unreserved characters) joined by single slashes; no
 * spaces, no `.` or `..` segment, no `//`, nothing to escape. The slashes at either end may be
 * left out (`zl/qingshan` means `/zl/qingshan/`).
 */
import { bi, type Problem } from '../core/errors';
import { buildEnvironment } from './environment';

const SEGMENT = /^[A-Za-z0-9._~-]+$/;

/** Why `value` cannot be a base path, or undefined when it can (unset and empty mean `/`). */
export function basePathProblem(value: string | undefined = buildEnvironment().basePath): Problem | undefined {
  if (value === undefined || value === '' || value === '/') return undefined;
  const refuse = (zh: string, en: string): Problem => ({
    file: 'BASE_PATH',
    code: 'env/base-path',
    what: bi(`环境变量 BASE_PATH=${JSON.stringify(value)} 不能用作网址路径：${zh}`, `BASE_PATH=${JSON.stringify(value)} cannot be a URL path: ${en}`),
    fix: bi(
      '写成 /专栏/镇名/ 这样的形式，如 BASE_PATH=/zl/qingshan/：只用字母、数字和 - . _ ~，各段之间一个 /；独立域名部署时不要设置',
      'write it like /zl/qingshan/: letters, digits and - . _ ~ only, one / between segments; leave it unset on a host of its own',
    ),
  });
  if (/\s/.test(value)) return refuse('含有空格或其他空白字符', 'it contains a space or other white space');
  if (value.includes('\\')) return refuse('含有反斜杠 \\', 'it contains a backslash');
  const inner = value.replace(/^\//, '').replace(/\/$/, '');
  const segments = inner.split('/');
  if (segments.some((s) => s === '')) return refuse('含有连续的 //', 'it contains //');
  if (segments.some((s) => s === '.' || s === '..')) return refuse('含有 . 或 .. 路径段', 'it contains a . or .. segment');
  const bad = segments.find((s) => !SEGMENT.test(s));
  if (bad !== undefined) return refuse(`路径段“${bad}”含有不允许的字符`, `the segment "${bad}" contains a character that is not allowed`);
  return undefined;
}

/**
 * The base path in its `/x/y/` form. An invalid value gives `/` here, so that loading the
 * configuration never fails with a stack trace; the content check (src/lib/checks/validate.ts)
 * refuses it with `basePathProblem`'s message before anything is built.
 */
export function resolveBasePath(value: string | undefined = buildEnvironment().basePath): string {
  if (basePathProblem(value)) return '/';
  const trimmed = (value ?? '').replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}
