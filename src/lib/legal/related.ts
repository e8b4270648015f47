/**
 * Related articles by shared topics, in near-linear time.
 *
 * Items come in display order (newest first, slug ties), and that order is the tie-break:
 * for each item, the other items sharing at least one topic, most shared topics first, then
 * lowest index first, at most `max` of them. The topics are indexed once; each item then
 * counts shared topics only over the items that share one with it, and keeps the best `max`
 * as it goes — no sort over the whole collection per item.
 *
 * "Shared" counts like `other.topics.filter((t) => mine.has(t)).length`: a topic repeated in
 * the other item's list counts each time, one repeated in the item's own list counts once.
 */
export function relatedIndices(topicsOf: readonly (readonly string[])[], max: number): number[][] {
  const n = topicsOf.length;
  // Topic → indices of the items listing it, ascending, once per occurrence.
  const byTopic = new Map<string, number[]>();
  for (let i = 0; i < n; i++) {
    for (const t of topicsOf[i]!) {
      const list = byTopic.get(t);
      if (list) list.push(i);
      else byTopic.set(t, [i]);
    }
  }

  const counts = new Int32Array(n);
  const touched: number[] = [];
  const out: number[][] = [];
  for (let i = 0; i < n; i++) {
    touched.length = 0;
    for (const t of new Set(topicsOf[i])) {
      for (const j of byTopic.get(t)!) {
        if (j === i) continue;
        const c = counts[j]!;
        if (c === 0) touched.push(j);
        counts[j] = c + 1;
      }
    }
    // The best `max` so far, kept ordered: more shared first, then lower index.
    const best: number[] = [];
    const better = (j: number, k: number) => counts[j]! > counts[k]! || (counts[j] === counts[k] && j < k);
    if (max > 0) {
      for (const j of touched) {
        if (best.length === max && !better(j, best[max - 1]!)) continue;
        let p = best.length === max ? max - 1 : best.length;
        while (p > 0 && better(j, best[p - 1]!)) {
          best[p] = best[p - 1]!;
          p--;
        }
        best[p] = j;
      }
    }
    for (const j of touched) counts[j] = 0;
    out.push(best);
  }
  return out;
}
