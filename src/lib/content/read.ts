/**
 * The one way content files are read, before any parser sees them (issue 17 item 9):
 *
 * - the content root holds plain files and folders only: a symbolic link is refused wherever
 *   it points (inside or outside the root), so nothing outside the root is ever read, nothing
 *   inside is published twice, and what the privacy gate scans is what the build reads;
 * - names are at most `LIMITS.nameBytes` bytes (the build derives longer names from them, and
 *   most file systems stop at 255);
 * - size limits by kind, from the file's size on disk, before a byte is parsed;
 * - text is UTF-8: invalid bytes and NUL bytes are refused with their byte offset and line;
 *   a byte-order mark is dropped and CRLF / CR line ends read as LF, so a file saved by Windows
 *   Notepad or WPS reads exactly like the same file saved on Linux.
 *
 * Every refusal is a Problem naming the file; `scanContentTree` reports the structural ones
 * (links, names, sizes) once for the whole root, and `readContentText` then declines those
 * files without reporting them again.
 */
import fs from 'node:fs';
import path from 'node:path';
import { bi, type Problem } from '../core/errors';

const MiB = 1024 * 1024;

/** Limits of docs/内容规范.md § 文件大小与文件名. */
export const LIMITS = {
  /** A file or folder name, in UTF-8 bytes. */
  nameBytes: 100,
  /** One JSON file (registries, disclosures, datasets, map shapes). */
  json: 10 * MiB,
  /** One Markdown / MDX document. */
  markdown: 1 * MiB,
  /** One CSV file (the importer's and the aggregation's input). */
  csv: 20 * MiB,
  /** One .xlsx file as stored, and what its parts add up to once unzipped. */
  xlsx: 20 * MiB,
  xlsxUnzipped: 100 * MiB,
  /** Any other file in the content root. */
  other: 20 * MiB,
} as const;

export type SizeKind = 'json' | 'markdown' | 'csv' | 'xlsx' | 'xlsxUnzipped' | 'other';

const KIND_NAMES: Record<SizeKind, { zh: string; en: string }> = {
  json: bi('JSON 文件', 'a JSON file'),
  markdown: bi('Markdown/MDX 文件', 'a Markdown/MDX file'),
  csv: bi('CSV 文件', 'a CSV file'),
  xlsx: bi('.xlsx 文件', 'an .xlsx file'),
  xlsxUnzipped: bi('.xlsx 文件解压后', 'an .xlsx file once unzipped'),
  other: bi('文件', 'a file'),
};

/** The limit that applies to a file, by its extension. */
export function sizeKindOf(name: string): SizeKind {
  const ext = path.extname(name).toLowerCase();
  if (ext === '.json' || ext === '.geojson') return 'json';
  if (ext === '.md' || ext === '.mdx') return 'markdown';
  if (ext === '.csv') return 'csv';
  if (ext === '.xlsx') return 'xlsx';
  return 'other';
}

/** 10485760 → "10 MB" (binary megabytes, as file managers on Windows show them). */
export function formatBytes(n: number): string {
  if (n >= MiB) return `${Math.round((n / MiB) * 10) / 10} MB`;
  if (n >= 1024) return `${Math.round((n / 1024) * 10) / 10} KB`;
  return `${n} B`;
}

/** The problem for a file over its limit (also used by the importer and the aggregation). */
export function tooLargeProblem(display: string, kind: SizeKind, size: number): Problem {
  const k = KIND_NAMES[kind];
  const limit = formatBytes(LIMITS[kind]);
  return {
    file: display,
    code: 'file/too-large',
    what: bi(`文件过大：${k.zh}最大 ${limit}，此文件为 ${formatBytes(size)}；未读取其内容`, `file too large: ${k.en} may be at most ${limit}, this one is ${formatBytes(size)}; it was not read`),
    fix: bi(
      '拆分成几个文件（如按月份或按村），或检查是否误放了别的文件',
      'split it into several files (by month or by village, say), or check that the right file was put here',
    ),
  };
}

function lineAt(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      start = i + 1;
    }
  }
  // Column in characters: count the bytes that start a character (not 10xxxxxx continuation bytes).
  let column = 1;
  for (let i = start; i < offset; i++) if ((bytes[i]! & 0xc0) !== 0x80) column++;
  return { line, column };
}

/** Offset of the first byte that is not well-formed UTF-8 (RFC 3629: no overlongs, surrogates, or > U+10FFFF); -1 when all are. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? lo : 0x80) || c > (k === 1 ? hi : 0xbf)) return i;
    }
    i += need + 1;
  }
  return -1;
}

/** BOM dropped, CRLF and lone CR read as LF: the file as the parsers and the build see it. */
export function normaliseText(text: string): string {
  const noBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return noBom.includes('\r') ? noBom.replace(/\r\n?/g, '\n') : noBom;
}

/**
 * Bytes → text, refusing what is not UTF-8 text: invalid UTF-8 (often a file saved as GBK/ANSI)
 * and NUL bytes (a binary file, or text copied from one). Pure.
 */
export function decodeContentText(bytes: Uint8Array, display: string): { text: string } | { problem: Problem } {
  const bad = firstInvalidUtf8(bytes);
  if (bad >= 0) {
    return {
      problem: {
        file: display,
        ...lineAt(bytes, bad),
        code: 'file/not-utf8',
        what: bi(
          `文件不是 UTF-8 编码：第 ${bad} 字节（0x${bytes[bad]!.toString(16).padStart(2, '0')}）不是有效的 UTF-8`,
          `the file is not UTF-8: byte ${bad} (0x${bytes[bad]!.toString(16).padStart(2, '0')}) is not valid UTF-8`,
        ),
        fix: bi(
          '用编辑器“另存为”UTF-8 编码（WPS/记事本中选择“UTF-8”）；通常是按 GBK/ANSI 保存造成的',
          'save the file as UTF-8 (choose "UTF-8" in the editor\'s Save As); this usually comes from saving as GBK/ANSI',
        ),
      },
    };
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    return {
      problem: {
        file: display,
        ...lineAt(bytes, nul),
        code: 'file/nul-byte',
        what: bi(`文件第 ${nul} 字节是空字符（NUL），不是纯文本`, `byte ${nul} of the file is a NUL character: this is not plain text`),
        fix: bi('删除该字符（常由从二进制文件复制粘贴带来）；图片等二进制文件不能改名为文本文件', 'delete it (it usually comes from copying out of a binary file); a binary file cannot be renamed into a text file'),
      },
    };
  }
  return { text: normaliseText(new TextDecoder('utf-8').decode(bytes)) };
}

export interface ContentTree {
  /** Absolute paths refused by the scan (a refused folder refuses everything under it). */
  refused: ReadonlySet<string>;
  problems: Problem[];
}

/** Folders that are not content (a content root may be its own git checkout). */
const NOT_CONTENT = new Set(['.git']);

function nameProblem(display: string, name: string): Problem {
  const bytes = Buffer.byteLength(name, 'utf8');
  return {
    file: display,
    code: 'file/name-too-long',
    what: bi(`文件名过长：${bytes} 字节，最多 ${LIMITS.nameBytes} 字节（一个汉字占 3 字节）`, `the name is too long: ${bytes} bytes, at most ${LIMITS.nameBytes} (a Chinese character takes 3)`),
    fix: bi('改用更短的文件名（网址中的拼音可以缩写）', 'give it a shorter name (pinyin in a URL may be abbreviated)'),
  };
}

function linkProblem(display: string): Problem {
  return {
    file: display,
    code: 'file/symlink',
    what: bi('这是一个符号链接（快捷方式），内容目录中只能放普通文件和文件夹', 'this is a symbolic link: a content root holds plain files and folders only'),
    fix: bi('删除链接，把要发布的文件本身复制到这里', 'delete the link and copy the file itself here'),
  };
}

/**
 * Walks the content root without following links: refuses links, over-long names and files
 * over their size limit, each once. The root itself may be reached through a link.
 */
export function scanContentTree(root: string, display: (abs: string) => string): ContentTree {
  const refused = new Set<string>();
  const problems: Problem[] = [];
  const refuse = (abs: string, p: Problem) => {
    refused.add(abs);
    problems.push(p);
  };
  const walk = (dir: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return; // an unreadable folder: the loaders report what they miss
    }
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const abs = path.join(dir, e.name);
      if (dir === root && NOT_CONTENT.has(e.name)) continue;
      if (e.isSymbolicLink()) {
        refuse(abs, linkProblem(display(abs)));
        continue;
      }
      if (Buffer.byteLength(e.name, 'utf8') > LIMITS.nameBytes) {
        refuse(abs, nameProblem(display(abs), e.name));
        continue;
      }
      if (e.isDirectory()) {
        walk(abs);
        continue;
      }
      const kind = sizeKindOf(e.name);
      let size: number;
      try {
        size = fs.lstatSync(abs).size;
      } catch {
        continue;
      }
      if (size > LIMITS[kind]) refuse(abs, tooLargeProblem(display(abs), kind, size));
    }
  };
  if (fs.existsSync(root)) walk(root);
  return { refused, problems };
}

/** True when the scan refused `abs` or a folder above it. */
export function isRefused(tree: ContentTree, abs: string): boolean {
  for (let p = abs; ; ) {
    if (tree.refused.has(p)) return true;
    const parent = path.dirname(p);
    if (parent === p) return false;
    p = parent;
  }
}

/**
 * A content file's text, normalised; a Problem when it is not UTF-8 text; undefined when the
 * tree scan already refused it (that problem is reported once, by the scan). The file is opened
 * without following a link (O_NOFOLLOW), so a link put in place after the scan is refused too.
 */
export function readContentText(tree: ContentTree, abs: string, display: string): string | Problem | undefined {
  if (isRefused(tree, abs)) return undefined;
  let bytes: Uint8Array;
  try {
    const fd = fs.openSync(abs, fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0));
    try {
      const size = fs.fstatSync(fd).size;
      const kind = sizeKindOf(abs);
      if (size > LIMITS[kind]) return tooLargeProblem(display, kind, size);
      bytes = new Uint8Array(fs.readFileSync(fd));
    } finally {
      fs.closeSync(fd);
    }
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') return linkProblem(display);
    return {
      file: display,
      code: 'file/unreadable',
      what: bi(`无法读取该文件（${code ?? String(err)}）`, `the file cannot be read (${code ?? String(err)})`),
      fix: bi('检查文件是否存在、是否有读取权限', 'check that the file exists and can be read'),
    };
  }
  const decoded = decodeContentText(bytes, display);
  return 'problem' in decoded ? decoded.problem : decoded.text;
}
