/**
 * Cell suppression for a table of counts and its published margins (totals).
 *
 * 1. Primary suppression (统计法 art. 28 in practice): every cell and every margin with
 *    0 < n < threshold is hidden. Zeros are published: "nothing happened" identifies no one.
 *
 * 2. Secondary suppression, heuristic, in the spirit of τ-Argus's "hypercube" method
 *    (Giessing & Repsilber; τ-Argus manual, § 4.2 "secondary cell suppression") and of
 *    sdcTable's SIMPLEHEURISTIC (Meindl, sdcTable reference manual: "protectTable"):
 *    the table is viewed as a set of linked *lines*: every published margin p and every finer
 *    level H (the cells, or a finer totals grouping) gives the equation
 *        p = Σ { entries of level H inside p }.
 *    A line is *weak* when its parent p is published and its hidden members are exactly one,
 *    or add up to less than the threshold: then each of them is known to lie within less than
 *    the threshold (a singleton is known exactly). For each weak line we hide one more member,
 *    chosen to lose least: one that makes the line safe, then the one that makes fewest new
 *    weak lines elsewhere (minus the weak lines it also mends), weighted against its value
 *    (smaller values preferred, because a small cell carries less information); zeros only
 *    when no non-zero member is left. Repeat until no line is weak.
 *
 * 3. Audit loop: the LP audit (audit-table.ts) looks at the table as a whole, which the line
 *    rule cannot (a cell may be pinned down by several lines together). While any hidden
 *    value's feasible range is narrower than the threshold, hide one more entry in a line
 *    through that value (same preference), repair weak lines again, and re-audit. Every round
 *    hides at least one more entry, so this ends; in the worst case everything is hidden,
 *    which is always safe.
 *
 * The margins are the true margins of the cells, computed here before any suppression.
 * Deterministic: ties are broken by position, never by chance. Pure: no I/O.
 */
import { auditTable } from './audit-table';
import { isSmall, type Margin, type PublishedTable } from './table';

export interface SuppressionInput {
  threshold: number;
  /** Number of values of each dimension. */
  shape: readonly number[];
  /** Cell counts in row-major order of `shape` (last dimension fastest). */
  cells: readonly number[];
  /** Margin groupings to publish, as lists of dimension indices (e.g. [[0], [1], []]). */
  groupings: ReadonlyArray<readonly number[]>;
}

export interface MarginTable {
  /** Dimension indices, ascending. */
  by: number[];
  /** Values in row-major order of the `by` dimensions' sizes. */
  values: number[];
  suppressed: boolean[];
}

export interface SuppressionResult {
  cellSuppressed: boolean[];
  /** One per grouping, in input order. */
  margins: MarginTable[];
  /** For each margin table, the cells each of its entries covers. */
  covers: number[][][];
  stats: { primary: number; secondary: number; auditRounds: number; lps: number };
}

interface Entry {
  value: number;
  suppressed: boolean;
  /** Lines in which this entry is a member. */
  memberOf: number[];
}

interface Line {
  parent: number;
  members: number[];
}

const product = (xs: readonly number[]) => xs.reduce((a, b) => a * b, 1);

/** Row-major coordinates of cell `index` in `shape`. */
export function coordinates(index: number, shape: readonly number[]): number[] {
  const out = new Array<number>(shape.length);
  for (let d = shape.length - 1; d >= 0; d--) {
    const n = shape[d]!;
    out[d] = index % n;
    index = Math.floor(index / n);
  }
  return out;
}

/** Index of the projection of `coords` onto dimensions `by` (row-major in their sizes). */
function project(coords: readonly number[], by: readonly number[], shape: readonly number[]): number {
  let i = 0;
  for (const d of by) i = i * shape[d]! + coords[d]!;
  return i;
}

/**
 * The table as entries (every margin of every grouping, then the cells) and the lines that tie
 * them: `levelStart[g]` is where level g's entries begin; the cells are the last level.
 */
interface Lattice {
  entries: Entry[];
  levelStart: number[];
  cellStart: number;
  /** For each grouping, the cells each of its entries covers. */
  coverOf: number[][][];
  lines: Line[];
  /** For each entry, the lines it is the parent of. */
  parentOf: number[][];
}

/** The groupings as sorted, distinct dimension lists; throws on a table that cannot be suppressed. */
function checkedGroupings(input: SuppressionInput): number[][] {
  const { shape, cells } = input;
  const cellCount = product(shape);
  if (cells.length !== cellCount) throw new Error(`suppressTable: ${cells.length} cells for shape ${shape.join('×')}`);
  const groupings = input.groupings.map((g) => [...new Set(g)].sort((a, b) => a - b));
  for (const g of groupings) {
    if (g.length === shape.length) throw new Error('suppressTable: a margin over every dimension would repeat the cells');
    if (g.some((d) => !Number.isInteger(d) || d < 0 || d >= shape.length)) throw new Error(`suppressTable: no dimension ${g.join(',')}`);
  }
  return groupings;
}

/** Entries: the true margins of every grouping (summed from the cells, before any suppression), then the cells. */
function buildEntries(
  shape: readonly number[],
  cells: readonly number[],
  groupings: readonly number[][],
): Pick<Lattice, 'entries' | 'levelStart' | 'cellStart' | 'coverOf'> {
  const cellCount = product(shape);
  const levelStart: number[] = [];
  const entries: Entry[] = [];
  const coverOf: number[][][] = groupings.map((by) => Array.from({ length: product(by.map((d) => shape[d]!)) }, () => []));
  const cellCoords = Array.from({ length: cellCount }, (_, i) => coordinates(i, shape));
  cellCoords.forEach((c, i) => groupings.forEach((by, g) => coverOf[g]![project(c, by, shape)]!.push(i)));
  groupings.forEach((_, g) => {
    levelStart.push(entries.length);
    for (const covered of coverOf[g]!) {
      let sum = 0;
      for (const i of covered) sum += cells[i]!;
      entries.push({ value: sum, suppressed: false, memberOf: [] });
    }
  });
  const cellStart = entries.length;
  levelStart.push(cellStart);
  for (const v of cells) {
    if (!Number.isInteger(v) || v < 0) throw new Error(`suppressTable: a count must be a whole number ≥ 0, got ${v}`);
    entries.push({ value: v, suppressed: false, memberOf: [] });
  }
  return { entries, levelStart, cellStart, coverOf };
}

/** Lines: published parent margin p (level G) = Σ entries of each finer level H ⊋ G inside p. */
function buildLines(
  shape: readonly number[],
  groupings: readonly number[][],
  part: Pick<Lattice, 'entries' | 'levelStart'>,
): Pick<Lattice, 'lines' | 'parentOf'> {
  const { entries, levelStart } = part;
  const cellCount = product(shape);
  const levels = [...groupings, shape.map((_, d) => d)];
  const lines: Line[] = [];
  const parentOf: number[][] = entries.map(() => []);
  groupings.forEach((G, g) => {
    levels.forEach((H, h) => {
      if (h === g || !G.every((d) => H.includes(d)) || H.length === G.length) return;
      const size = product(G.map((d) => shape[d]!));
      const members: number[][] = Array.from({ length: size }, () => []);
      const hSize = h === levels.length - 1 ? cellCount : product(H.map((d) => shape[d]!));
      for (let k = 0; k < hSize; k++) {
        // Coordinates of entry k of level H, expanded to all dimensions (others 0).
        const sub = coordinates(
          k,
          H.map((d) => shape[d]!),
        );
        const coords = new Array<number>(shape.length).fill(0);
        H.forEach((d, i) => (coords[d] = sub[i]!));
        members[project(coords, G, shape)]!.push(levelStart[h]! + k);
      }
      members.forEach((list, p) => {
        const parent = levelStart[g]! + p;
        const line = lines.length;
        lines.push({ parent, members: list });
        parentOf[parent]!.push(line);
        for (const m of list) entries[m]!.memberOf.push(line);
      });
    });
  });
  return { lines, parentOf };
}

/** Phase 1, primary suppression: every entry with 0 < n < threshold is hidden. Returns how many. */
function suppressPrimary(entries: readonly Entry[], threshold: number): number {
  let primary = 0;
  for (const e of entries) {
    if (isSmall(e.value, threshold)) {
      e.suppressed = true;
      primary++;
    }
  }
  return primary;
}

/** Phases 2 and 3 work on one lattice: which member to hide next, and hiding it. */
class SecondarySuppression {
  /** Entries hidden so far beyond the primary ones. */
  secondary = 0;

  constructor(
    private readonly lattice: Lattice,
    private readonly threshold: number,
  ) {}

  private hiddenSum(l: Line) {
    let n = 0;
    let sum = 0;
    for (const m of l.members) {
      const e = this.lattice.entries[m]!;
      if (e.suppressed) {
        n++;
        sum += e.value;
      }
    }
    return { n, sum };
  }

  private weak(l: Line): boolean {
    if (this.lattice.entries[l.parent]!.suppressed) return false;
    const { n, sum } = this.hiddenSum(l);
    return n > 0 && (n === 1 || sum < this.threshold);
  }

  /** Cost of hiding candidate c to mend `mending` lines (lower is better). */
  private cost(c: number, mending: readonly number[]): readonly [number, number] {
    const { entries, lines } = this.lattice;
    const threshold = this.threshold;
    const e = entries[c]!;
    let created = 0;
    let mended = 0;
    for (const li of e.memberOf) {
      const l = lines[li]!;
      if (entries[l.parent]!.suppressed) continue;
      const { n, sum } = this.hiddenSum(l);
      const after = n + 1 === 1 || sum + e.value < threshold;
      if (n === 0) created++;
      else if ((n === 1 || sum < threshold) && !after && !mending.includes(li)) mended++;
    }
    const mendsTarget = mending.some((li) => {
      const { n, sum } = this.hiddenSum(lines[li]!);
      return n + 1 >= 2 && sum + e.value >= threshold;
    });
    // First prefer a cell that actually mends a weak line; then the least information lost
    // (its value), where every line it opens up costs one threshold and every line it mends
    // saves one.
    return [mendsTarget ? 0 : 1, e.value + threshold * (created - mended)] as const;
  }

  /** Best published member of the given lines (non-zero ones first, zeros as a last resort). */
  pickMember(lineIds: readonly number[], exclude: number): number | undefined {
    const { entries, lines } = this.lattice;
    for (const zeros of [false, true]) {
      let best: number | undefined;
      let bestCost: readonly [number, number] | undefined;
      for (const li of lineIds) {
        for (const m of lines[li]!.members) {
          const e = entries[m]!;
          if (m === exclude || e.suppressed || (e.value === 0) !== zeros) continue;
          const c = this.cost(m, lineIds);
          if (bestCost === undefined || better(c, bestCost) || (c[0] === bestCost[0] && c[1] === bestCost[1] && m < best!)) {
            best = m;
            bestCost = c;
          }
        }
      }
      if (best !== undefined) return best;
    }
    return undefined;
  }

  hide(i: number): void {
    this.lattice.entries[i]!.suppressed = true;
    this.secondary++;
  }

  /** Phase 2, weak lines: hide one more member of each, until none is left. */
  mendLines(): void {
    const { lines } = this.lattice;
    let changed = true;
    while (changed) {
      changed = false;
      for (let li = 0; li < lines.length; li++) {
        const l = lines[li]!;
        if (!this.weak(l)) continue;
        const c = this.pickMember([li], -1);
        // Nothing left to hide inside: hide the margin itself (it equals what is hidden).
        this.hide(c ?? l.parent);
        changed = true;
      }
    }
  }

  /** What to hide for an unsafe entry e the audit found: a member of a published line through it, else a parent, else anything. */
  pickForUnsafe(e: number): number | undefined {
    const { entries, lines, parentOf } = this.lattice;
    const through = entries[e]!.memberOf.filter((li) => !entries[lines[li]!.parent]!.suppressed);
    let c = this.pickMember(through, e);
    // No member left: hide a published parent (smallest first), then a member of its own lines.
    if (c === undefined) {
      const parents = through.map((li) => lines[li]!.parent).sort((a, b) => entries[a]!.value - entries[b]!.value || a - b);
      c = parents[0];
    }
    if (c === undefined) c = this.pickMember(parentOf[e]!, e);
    if (c === undefined) {
      // Last resort (cannot normally happen): the smallest published entry anywhere.
      let best: number | undefined;
      entries.forEach((x, i) => {
        if (!x.suppressed && (best === undefined || x.value < entries[best]!.value)) best = i;
      });
      c = best;
    }
    return c;
  }
}

const better = (a: readonly [number, number], b: readonly [number, number]) => a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);

/** The table as published now: hidden cells and margins are null. */
function publishedTable(lattice: Lattice, cells: readonly number[], margins: readonly Margin[], threshold: number): PublishedTable {
  const { entries, cellStart } = lattice;
  return {
    threshold,
    cells: cells.map((v, i) => (entries[cellStart + i]!.suppressed ? null : v)),
    margins: margins.map((m, k) => ({ cells: m.cells, value: entries[k]!.suppressed ? null : entries[k]!.value })),
  };
}

/**
 * Phase 3, the LP audit loop: while any hidden value is pinned down to less than the threshold,
 * hide one more entry beside it and mend the lines again. Returns the rounds and LPs it took.
 */
function auditLoop(lattice: Lattice, work: SecondarySuppression, cells: readonly number[], threshold: number): { auditRounds: number; lps: number } {
  const { entries, lines, parentOf, cellStart, coverOf } = lattice;
  const margins: Margin[] = [];
  coverOf.forEach((level) => level.forEach((covered) => margins.push({ cells: covered, value: 0 })));
  let auditRounds = 0;
  let lps = 0;
  for (;;) {
    auditRounds++;
    const audit = auditTable(publishedTable(lattice, cells, margins, threshold));
    lps += audit.lps;
    if (audit.infeasible) throw new Error('suppressTable: the true table is infeasible (internal error)');
    if (audit.unsafe.length === 0) break;
    const handled = new Set<number>();
    for (const r of audit.unsafe) {
      const e = r.kind === 'cell' ? cellStart + r.index : r.index;
      if (handled.has(e)) continue;
      const c = work.pickForUnsafe(e);
      if (c === undefined) break;
      work.hide(c);
      // Values sharing a line with the new hidden entry are looked at again after re-auditing.
      for (const li of entries[c]!.memberOf) for (const m of lines[li]!.members) handled.add(m);
      for (const li of parentOf[c]!) for (const m of lines[li]!.members) handled.add(m);
      handled.add(c);
    }
    work.mendLines();
  }
  return { auditRounds, lps };
}

export function suppressTable(input: SuppressionInput): SuppressionResult {
  const { threshold, shape, cells } = input;
  const groupings = checkedGroupings(input);
  const part = buildEntries(shape, cells, groupings);
  const lattice: Lattice = { ...part, ...buildLines(shape, groupings, part) };
  const { entries, levelStart, cellStart, coverOf } = lattice;

  const primary = suppressPrimary(entries, threshold);
  const work = new SecondarySuppression(lattice, threshold);
  work.mendLines();
  const { auditRounds, lps } = auditLoop(lattice, work, cells, threshold);

  const marginTables: MarginTable[] = groupings.map((by, g) => {
    const start = levelStart[g]!;
    const n = coverOf[g]!.length;
    return {
      by,
      values: entries.slice(start, start + n).map((e) => e.value),
      suppressed: entries.slice(start, start + n).map((e) => e.suppressed),
    };
  });
  return {
    cellSuppressed: entries.slice(cellStart).map((e) => e.suppressed),
    margins: marginTables,
    covers: coverOf,
    stats: { primary, secondary: work.secondary, auditRounds, lps },
  };
}
