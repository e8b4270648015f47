/**
 * The URL path the site is served under: `/` for its own host, or a county portal's
 * sub-path such as `/zl/qingshan/` (DOMAIN.md). Set with BASE_PATH; always begins and ends with `/`.
 */
export function resolveBasePath(value: string | undefined = process.env.BASE_PATH): string {
  const trimmed = (value ?? '').trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}
