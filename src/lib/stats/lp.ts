/**
 * The linear programs of the suppression audit, solved by GLPK (glpk.js: GLPK compiled to
 * WebAssembly, no native code, no install script).
 *
 * Every problem here has the same shape, the one a table with published margins gives:
 *
 *   x_j ≥ 0 for every unknown (suppressed) cell j,
 *   Σ_{j ∈ row i} x_j = rhs_i for every published total i (all coefficients 1),
 *
 * and a linear objective Σ w_j x_j to minimise or maximise.
 *
 * Why GLPK and not javascript-lp-solver: measured on a 9×12×7 table with 475 unknowns and
 * 127 equations, GLPK took 2.6 ms per LP and javascript-lp-solver 1.0.3 took 37 ms, with
 * identical optima (see docs/统计方法.md). The WebAssembly module is instantiated once when
 * this module is first loaded (top-level await), so `optimise` is synchronous. No result is
 * cached between calls.
 *
 * Pure: no file access of our own, no clock, no randomness.
 */
import GLPK from 'glpk.js/node';

const glpk = await GLPK();

export interface EqualityRow {
  /** Indices of the unknowns in this equation (coefficient 1 each). */
  vars: readonly number[];
  rhs: number;
}

export interface LinearSystem {
  /** Number of unknowns x_0 … x_{n-1}, all ≥ 0. */
  size: number;
  rows: readonly EqualityRow[];
}

export type LpOutcome = { status: 'optimal'; value: number; x: Float64Array } | { status: 'unbounded' } | { status: 'infeasible' };

const name = (j: number) => `x${j}`;

/**
 * Optimises Σ w_j x_j (`objective`: pairs [j, w_j]) over the system restricted to `vars` (the
 * unknowns of one connected component, or several) and `rows` (the equations among them).
 * `x` in the result is indexed like the whole system; unknowns outside `vars` are left 0.
 */
export function optimise(
  system: LinearSystem,
  vars: readonly number[],
  rows: readonly number[],
  objective: ReadonlyArray<readonly [number, number]>,
  direction: 'min' | 'max',
): LpOutcome {
  const subjectTo = rows.map((i) => {
    const row = system.rows[i]!;
    return {
      name: `r${i}`,
      vars: row.vars.map((j) => ({ name: name(j), coef: 1 })),
      bnds: { type: glpk.GLP_FX, lb: row.rhs, ub: row.rhs },
    };
  });
  const result = glpk.solve(
    {
      name: 'audit',
      objective: {
        direction: direction === 'max' ? glpk.GLP_MAX : glpk.GLP_MIN,
        name: 'obj',
        vars: objective.map(([j, w]) => ({ name: name(j), coef: w })),
      },
      subjectTo,
      // Declaring every unknown keeps one that appears only in the objective in the problem.
      bounds: vars.map((j) => ({ name: name(j), type: glpk.GLP_LO, lb: 0, ub: 0 })),
    },
    { msglev: glpk.GLP_MSG_OFF, presol: true },
  );
  const { status, z, vars: values } = result.result;
  if (status === glpk.GLP_UNBND) return { status: 'unbounded' };
  if (status !== glpk.GLP_OPT) return { status: 'infeasible' };
  const x = new Float64Array(system.size);
  for (const j of vars) x[j] = values[name(j)] ?? 0;
  return { status: 'optimal', value: z, x };
}
