/** The importer's only file I/O: read the spreadsheet, write the JSON (never over a file unless forced). */
import fs from 'node:fs';
import path from 'node:path';
import { bi, type Problem } from '../core/errors';
import { readSpreadsheetBytes } from '../spreadsheet/file';

/** Reads the spreadsheet at `abs` (its size checked first); `display` names it in the problem when it cannot be read. */
export function readSpreadsheetFile(abs: string, display: string = abs): { bytes: Uint8Array } | { problem: Problem } {
  const read = readSpreadsheetBytes(abs, display);
  if (!('failed' in read)) return read;
  const code = read.failed.code;
  return {
    problem: {
      file: display,
      code: 'import/read',
      what:
        code === 'ENOENT'
          ? bi('找不到该文件', 'the file does not exist')
          : bi(`无法读取该文件（${code ?? String(read.failed)}）`, `the file cannot be read (${code ?? String(read.failed)})`),
      fix: bi('检查文件路径；路径含空格时用引号括起来', 'check the path; quote it if it contains spaces'),
    },
  };
}

/** Problem when the target exists and --force was not given. */
export function existingTarget(abs: string, display: string, force: boolean): Problem | undefined {
  if (force || !fs.existsSync(abs)) return undefined;
  return {
    file: display,
    code: 'import/exists',
    what: bi('目标文件已存在，未覆盖', 'the target file already exists; it was not overwritten'),
    fix: bi(
      '确认要替换已公开的内容时加 --force（并在基本信息中写“更正说明”），或用 --out 写到别处',
      'add --force to replace it (and add a 更正说明 row), or write elsewhere with --out',
    ),
  };
}

export function writeOutput(abs: string, text: string): void {
  fs.mkdirSync(path.dirname(abs), { recursive: true });
  fs.writeFileSync(abs, text, 'utf8');
}

/**
 * When the content root has a villages.json, the village must be listed in it (as
 * `npm run check` requires). A missing or unreadable registry is left to `npm run check`.
 */
export function unregisteredVillage(root: string, village: string, display: (abs: string) => string): Problem | undefined {
  const abs = path.join(root, 'villages.json');
  let list: unknown;
  try {
    list = JSON.parse(fs.readFileSync(abs, 'utf8'));
  } catch {
    return undefined;
  }
  if (!Array.isArray(list)) return undefined;
  if (list.some((v: unknown) => typeof v === 'object' && v !== null && (v as { code?: unknown }).code === village)) return undefined;
  return {
    file: '命令参数 (command arguments)',
    field: '--village',
    code: 'import/unknown-village',
    what: bi(`村（社区）代码 ${village} 不在 ${display(abs)} 中`, `village code ${village} is not in ${display(abs)}`),
    fix: bi('检查 --village 是否写错，或先在 villages.json 中登记该村（社区）', 'check --village, or register the village in villages.json first'),
  };
}
