/**
 * `personName` list columns (CONTENT.md): with `privacy.maskNames` on, every name must
 * already be masked (`张*华`, `李*`, `张某某`). An unmasked name is reported as an error
 * and never silently rewritten — the official must fix the source, so what is reviewed
 * in git is what is published (DOMAIN.md: masking practice `张*华` / `张某`).
 */

import { isMaskedName } from './identifiers';

export type PersonNameCheck = { ok: true } | { ok: false; reason: 'unmasked' | 'empty' };

/**
 * Checks one `personName` cell. Blank (or whitespace-only) is `empty`; a masked name in
 * the sense of {@link isMaskedName} is fine; anything else — a full name like `张三华`,
 * a name with a note (`张三（户主）`), a masked given name with no surname (`*华`) — is
 * `unmasked`, because it cannot be shown to be safe.
 */
export function checkPersonName(value: string): PersonNameCheck {
  if (value.trim() === '') return { ok: false, reason: 'empty' };
  if (isMaskedName(value)) return { ok: true };
  return { ok: false, reason: 'unmasked' };
}
