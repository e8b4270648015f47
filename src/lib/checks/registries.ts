/** Checks across the registries: ids unique, every village has a map shape (CONTENT.md). */
import { bi } from '../core/errors';
import type { ContentSet } from '../content/set';
import { defineRule, doc, locate, type CodedProblem } from './rule';

const CODES = {
  'units/duplicate-id': doc('units.json 中每个单位的编号唯一', 'every unit id in units.json is unique', '每个单位使用不同的编号', 'give every unit its own id'),
  'villages/duplicate-code': doc(
    'villages.json 中每个村（社区）的区划代码唯一（统计用区划代码）',
    'every division code in villages.json is unique (statistical division codes)',
    '每个村（社区）使用自己的 12 位区划代码',
    'give every village its own 12-digit code',
  ),
  'geo/missing': doc(
    '登记了村（社区）就要有边界文件 geo/villages.topo.json',
    'a town with villages has the shapes file geo/villages.topo.json',
    '提供 TopoJSON 文件，对象名 villages，每个要素 properties.code 为区划代码',
    'add a TopoJSON file with object "villages", each feature carrying properties.code',
    'needs the shapes file removed, which an overlay cannot do; tests/unit/rules.test.ts removes it',
  ),
  'geo/no-shape': doc(
    '每个登记的村（社区）在边界文件中都有形状',
    'every registered village has a shape in the shapes file',
    '在 TopoJSON 中添加该村的要素，properties.code 填此代码',
    'add a feature with properties.code equal to this code',
  ),
  'geo/unknown-code': doc(
    '边界文件中的每个代码都已在 villages.json 中登记',
    'every code in the shapes file is registered in villages.json',
    '修正 properties.code，或在 villages.json 中登记该村',
    'fix properties.code or register the village in villages.json',
  ),
} as const;
type RegistryCode = keyof typeof CODES;

function duplicates<T>(items: readonly T[], key: (t: T) => string): Array<{ index: number; firstIndex: number; value: string }> {
  const first = new Map<string, number>();
  const out: Array<{ index: number; firstIndex: number; value: string }> = [];
  items.forEach((item, index) => {
    const value = key(item);
    const prev = first.get(value);
    if (prev === undefined) first.set(value, index);
    else out.push({ index, firstIndex: prev, value });
  });
  return out;
}

type Found = Array<CodedProblem<RegistryCode>>;

/** Unit ids and village codes unique. */
function uniqueIds(c: ContentSet): Found {
  const problems: Found = [];
  if (c.unitsSource && c.units) {
    for (const d of duplicates(c.units, (u) => u.id)) {
      problems.push(
        locate(c.unitsSource, {
          path: [d.index, 'id'],
          code: 'units/duplicate-id',
          what: bi(`单位编号“${d.value}”重复（第 ${d.firstIndex + 1} 项已使用）`, `unit id "${d.value}" is used twice (first by item ${d.firstIndex + 1})`),
          fix: CODES['units/duplicate-id'].fix,
        }),
      );
    }
  }
  if (c.villagesSource) {
    for (const d of duplicates(c.villages, (v) => v.code)) {
      problems.push(
        locate(c.villagesSource, {
          path: [d.index, 'code'],
          code: 'villages/duplicate-code',
          what: bi(`区划代码“${d.value}”重复`, `division code "${d.value}" is used twice`),
          fix: CODES['villages/duplicate-code'].fix,
        }),
      );
    }
  }
  return problems;
}

/** The shapes file exists, every village has a shape and every shape is a village. */
function shapes(c: ContentSet): Found {
  const problems: Found = [];
  if (c.villages.length > 0 && c.geoCodes === undefined) {
    problems.push({
      file: c.geoDisplay,
      code: 'geo/missing',
      what: bi('缺少村（社区）边界文件 geo/villages.topo.json', 'missing the village shapes file geo/villages.topo.json'),
      fix: CODES['geo/missing'].fix,
    });
  } else if (c.geoCodes && !c.villagesUnread) {
    const registry = new Set(c.villages.map((v) => v.code));
    c.villages.forEach((v, i) => {
      if (!c.geoCodes!.has(v.code) && c.villagesSource) {
        problems.push(
          locate(c.villagesSource, {
            path: [i, 'code'],
            code: 'geo/no-shape',
            what: bi(`${v.name}（${v.code}）在 geo/villages.topo.json 中没有边界形状`, `${v.name} (${v.code}) has no shape in geo/villages.topo.json`),
            fix: CODES['geo/no-shape'].fix,
          }),
        );
      }
    });
    for (const code of c.geoCodes) {
      if (!registry.has(code)) {
        problems.push({
          file: c.geoDisplay,
          code: 'geo/unknown-code',
          what: bi(`边界要素的代码“${code}”不在 villages.json 中`, `shape code "${code}" is not in villages.json`),
          fix: CODES['geo/unknown-code'].fix,
        });
      }
    }
  }
  return problems;
}

/** Ids and codes unique, every village with a shape and every shape a village (CONTENT.md § Registries). */
export const registryRules = defineRule({ name: 'registries', codes: CODES, check: (c) => [...uniqueIds(c), ...shapes(c)] });
