/** Reads `data/<id>.json`: aggregated, anonymised datasets, parsed against their schema. */
import fs from 'node:fs';
import path from 'node:path';
import { bi, type Problem } from '../core/errors';
import { datasetSchema, type Dataset } from '../schemas/dataset';
import { parseWith } from './parse';
import { displayPath } from './root';
import { isRefused, readContentText, type ContentTree } from './read';
import { isProblem, parseJsonSource, type SourceFile } from './source';

export interface DatasetSource {
  id: string;
  abs: string;
  source: SourceFile;
  data: Dataset;
}

export function loadDatasets(root: string, tree: ContentTree, problems: Problem[]): DatasetSource[] {
  const dir = path.join(root, 'data');
  if (!fs.existsSync(dir)) return [];
  const out: DatasetSource[] = [];
  for (const file of fs.readdirSync(dir).sort()) {
    const abs = path.join(dir, file);
    if (isRefused(tree, abs)) continue;
    if (!file.endsWith('.json') || fs.statSync(abs).isDirectory()) {
      problems.push({
        file: displayPath(abs),
        code: 'dataset/file-name',
        what: bi('data/ 目录中只能放数据集 JSON 文件', 'only dataset JSON files belong in data/'),
        fix: bi('原始记录不得放入仓库；请用 npm run aggregate 生成汇总数据', 'raw records never enter the repository; generate aggregates with npm run aggregate'),
      });
      continue;
    }
    const text = readContentText(tree, abs, displayPath(abs));
    if (text === undefined) continue;
    const source = isProblem(text) ? text : parseJsonSource(text, displayPath(abs));
    if (isProblem(source)) {
      problems.push(source);
      continue;
    }
    const { data, problems: p } = parseWith(datasetSchema, source);
    problems.push(...p);
    if (data) out.push({ id: file.replace(/\.json$/, ''), abs, source, data });
  }
  return out;
}
