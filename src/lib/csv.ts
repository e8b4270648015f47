/**
 * CSV for download (RFC 4180), UTF-8 with a BOM so Excel on Windows opens Chinese text
 * correctly, CRLF line ends as Excel writes them.
 */
const BOM = '\uFEFF';

function field(value: string | number): string {
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  return BOM + [header, ...rows].map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';
}
