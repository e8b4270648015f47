/**
 * A record's fingerprint (核对码): the first 8 hex digits of the SHA-256 of its published JSON
 * download, printed on the paper sheet and shown on the web page. A resident compares the two:
 * when they match, the paper on the board says what the web says — one changed figure anywhere
 * in the record changes it. Eight digits are enough to catch a changed sheet (not a forgery
 * made to collide), and short enough to read aloud.
 */
import { createHash } from 'node:crypto';

/** `3F2A 9C01`: upper case, two groups of four, as it is printed. */
export function fingerprint(published: string | Uint8Array): string {
  const hex = createHash('sha256').update(published).digest('hex').slice(0, 8).toUpperCase();
  return `${hex.slice(0, 4)} ${hex.slice(4)}`;
}
