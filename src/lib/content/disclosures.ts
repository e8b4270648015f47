/**
 * Reads `disclosures/<villageCode>/*`: ledgers, list tables and text notices, each parsed
 * against its schema with positions kept.
 */
import fs from 'node:fs';
import path from 'node:path';
import { bi, type Problem } from '../core/errors';
import {
  financeDisclosureSchema,
  listDisclosureSchema,
  noticeDisclosureSchema,
  type FinanceDisclosure,
  type ListDisclosure,
  type NoticeDisclosure,
} from '../schemas/disclosure';
import { parseWith } from './parse';
import { disclosureFileNameProblem, parseDisclosureFileName } from './file-names';
import { displayPath } from './root';
import { isRefused, readContentText, type ContentTree } from './read';
import { isProblem, parseFrontmatterSource, parseJsonSource, type FrontmatterSource, type SourceFile } from './source';


interface Base {
  /** Absolute path of the file. */
  abs: string;
  /** Folder name: the village code the file is filed under. */
  folder: string;
  /** `<period>-<kind>` or `<period>-notice-<slug>`: the page's URL segment. */
  id: string;
  /** Period as written in the file name. */
  namePeriod: string;
}

export type DisclosureSource =
  | (Base & { kind: 'finance'; source: SourceFile; data: FinanceDisclosure })
  | (Base & { kind: 'affairs' | 'party'; source: SourceFile; data: ListDisclosure })
  | (Base & { kind: 'notice'; source: FrontmatterSource; data: NoticeDisclosure });

export function loadDisclosures(root: string, tree: ContentTree, problems: Problem[]): DisclosureSource[] {
  const dir = path.join(root, 'disclosures');
  if (!fs.existsSync(dir)) return [];
  const out: DisclosureSource[] = [];
  for (const folder of fs.readdirSync(dir).sort()) {
    const folderAbs = path.join(dir, folder);
    if (isRefused(tree, folderAbs)) continue;
    if (!fs.statSync(folderAbs).isDirectory()) {
      problems.push({
        file: displayPath(folderAbs),
        code: 'disclosure/misplaced',
        what: bi('村务公开文件必须放在以村（社区）代码命名的文件夹中', 'disclosure files belong in a folder named by the village code'),
        fix: bi('移到 disclosures/<12位区划代码>/ 下', 'move it into disclosures/<12-digit code>/'),
      });
      continue;
    }
    for (const file of fs.readdirSync(folderAbs).sort()) {
      const abs = path.join(folderAbs, file);
      if (isRefused(tree, abs)) continue;
      const display = displayPath(abs);
      const name = parseDisclosureFileName(file);
      if (!name) {
        problems.push(disclosureFileNameProblem(file, display)!);
        continue;
      }
      const { period: namePeriod, kind: fileKind, slug: noticeSlug } = name;
      const kind = fileKind === 'notice' ? undefined : fileKind;
      const base: Base = { abs, folder, id: file.replace(/\.(json|mdx?)$/, ''), namePeriod };
      const text = readContentText(tree, abs, display);
      if (text === undefined) continue;
      if (isProblem(text)) {
        problems.push(text);
        continue;
      }
      if (noticeSlug !== undefined) {
        const source = parseFrontmatterSource(text, display);
        if (isProblem(source)) {
          problems.push(source);
          continue;
        }
        const { data, problems: p } = parseWith(noticeDisclosureSchema, source);
        problems.push(...p);
        if (data) out.push({ ...base, kind: 'notice', source, data });
        continue;
      }
      const source = parseJsonSource(text, display);
      if (isProblem(source)) {
        problems.push(source);
        continue;
      }
      if (kind === 'finance') {
        const { data, problems: p } = parseWith(financeDisclosureSchema, source);
        problems.push(...p);
        if (data) out.push({ ...base, kind, source, data });
      } else if (kind) {
        const { data, problems: p } = parseWith(listDisclosureSchema, source);
        problems.push(...p);
        if (data) out.push({ ...base, kind, source, data });
      }
    }
  }
  return out;
}
