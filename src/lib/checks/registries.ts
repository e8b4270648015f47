/** Checks across the registries: ids unique, every village has a map shape (CONTENT.md). */
import { bi, type Problem } from '../core/errors';
import type { ContentSet } from '../content/set';
import { problemAt } from '../content/parse';

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

export function checkRegistries(c: ContentSet): Problem[] {
  const problems: Problem[] = [];
  if (c.unitsSource && c.units) {
    for (const d of duplicates(c.units, (u) => u.id)) {
      problems.push(
        problemAt(c.unitsSource, [d.index, 'id'], {
          code: 'units/duplicate-id',
          what: bi(`单位编号“${d.value}”重复（第 ${d.firstIndex + 1} 项已使用）`, `unit id "${d.value}" is used twice (first by item ${d.firstIndex + 1})`),
          fix: bi('每个单位使用不同的编号', 'give every unit its own id'),
        }),
      );
    }
  }
  if (c.villagesSource) {
    for (const d of duplicates(c.villages, (v) => v.code)) {
      problems.push(
        problemAt(c.villagesSource, [d.index, 'code'], {
          code: 'villages/duplicate-code',
          what: bi(`区划代码“${d.value}”重复`, `division code "${d.value}" is used twice`),
          fix: bi('每个村（社区）使用自己的 12 位区划代码', 'give every village its own 12-digit code'),
        }),
      );
    }
  }
  if (c.villages.length > 0 && c.geoCodes === undefined) {
    problems.push({
      file: c.geoDisplay,
      code: 'geo/missing',
      what: bi('缺少村（社区）边界文件 geo/villages.topo.json', 'missing the village shapes file geo/villages.topo.json'),
      fix: bi(
        '提供 TopoJSON 文件，对象名 villages，每个要素 properties.code 为区划代码',
        'add a TopoJSON file with object "villages", each feature carrying properties.code',
      ),
    });
  } else if (c.geoCodes) {
    const registry = new Set(c.villages.map((v) => v.code));
    c.villages.forEach((v, i) => {
      if (!c.geoCodes!.has(v.code) && c.villagesSource) {
        problems.push(
          problemAt(c.villagesSource, [i, 'code'], {
            code: 'geo/no-shape',
            what: bi(`${v.name}（${v.code}）在 geo/villages.topo.json 中没有边界形状`, `${v.name} (${v.code}) has no shape in geo/villages.topo.json`),
            fix: bi('在 TopoJSON 中添加该村的要素，properties.code 填此代码', 'add a feature with properties.code equal to this code'),
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
          fix: bi('修正 properties.code，或在 villages.json 中登记该村', 'fix properties.code or register the village in villages.json'),
        });
      }
    }
  }
  return problems;
}
