import { MeasureError } from "./types";

/**
 * The Poisson model with origin and destination effects and one covariate,
 *   log E[y_ij] = a_i + b_j + γ · x_ij   over the cells i ≠ j,
 * fitted by maximum likelihood with iteratively reweighted least squares (Fisher scoring, the
 * method of R's glm; McCullagh P., Nelder J.A. (1989), Generalized Linear Models, 2nd ed.,
 * Chapman & Hall, section 2.5). Each step solves the weighted least-squares problem for the
 * working response z = η + (y − μ)/μ with weights μ. The origin effects are eliminated first
 * (their block of the normal equations is diagonal), which leaves a dense system of the
 * destination effects and γ only: O(n³) a step instead of O(n⁴) for the full design matrix.
 *
 * A region with no flows out (in) has a_i (b_j) = −∞ at the optimum, its cells fitted as 0 and
 * no say in γ, so its row (column) is left out, as a fitted value of 0 would be.
 */

/** The coefficient of x and the number of steps the fit took. */
export interface PoissonFit {
  readonly gamma: number;
  readonly iterations: number;
}

const MAX_ITERATIONS = 100;
/** |Δdeviance| / (|deviance| + 0.1) below this stops the fit (R's glm uses 1e-8) */
const TOLERANCE = 1e-12;

/**
 * Fits the model to the counts y (n × n; the diagonal ignored) with covariate x (same shape).
 * Errors (`outOfDomain`): too few cells to identify γ, a covariate that does not vary within
 * the flows (so γ cannot be told from the origin and destination effects), or no convergence.
 */
export function fitOriginDestinationPoisson(y: readonly (readonly number[])[], x: readonly (readonly number[])[]): PoissonFit {
  const n = y.length;
  const rows: number[] = [];
  const cols: number[] = [];
  for (let i = 0; i < n; i++) {
    let out = 0;
    let inn = 0;
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      out += y[i][j];
      inn += y[j][i];
    }
    if (out > 0) rows.push(i);
    if (inn > 0) cols.push(i);
  }
  const R = rows.length;
  const C = cols.length;
  if (R === 0 || C === 0) throw new MeasureError("zeroDenominator", "there are no flows to fit");
  // Parameters after eliminating the origins: b for cols[1..C-1] (cols[0] is the reference) and γ.
  const p = C; // unknowns after eliminating the origins: (C − 1) destination effects and γ
  // Cells in use: (r, c) with rows[r] ≠ cols[c].
  const yy = new Float64Array(R * C);
  const xx = new Float64Array(R * C);
  const use = new Uint8Array(R * C);
  let cells = 0;
  for (let r = 0; r < R; r++) {
    for (let c = 0; c < C; c++) {
      const i = rows[r];
      const j = cols[c];
      if (i === j) continue;
      use[r * C + c] = 1;
      yy[r * C + c] = y[i][j];
      xx[r * C + c] = x[i][j];
      cells++;
    }
  }
  if (cells <= R + p) throw new MeasureError("outOfDomain", "too few flows to fit origin and destination effects and a distance effect (at least 3 regions with flows are needed)");

  const fit = new Irls(R, C, yy, xx, use);
  let devOld = fit.deviance();
  for (let it = 1; it <= MAX_ITERATIONS; it++) {
    const gamma = fit.step();
    const dev = fit.deviance();
    if (!Number.isFinite(dev)) break;
    if (Math.abs(dev - devOld) / (Math.abs(dev) + 0.1) < TOLERANCE) return { gamma, iterations: it };
    devOld = dev;
  }
  throw new MeasureError("outOfDomain", `the Poisson model did not converge within ${MAX_ITERATIONS} iterations`);
}

/**
 * The state of the fit over the R × C cells in use. The loops over cells are methods of one row
 * each: V8 optimises a small function called R times a step after a few rows, whereas a
 * whole-table loop is compiled while it runs and that code is dropped at the end of every call,
 * leaving the first calls (a workbook's recalculation) at interpreter speed.
 */
class Irls {
  readonly mu: Float64Array;
  readonly eta: Float64Array;
  readonly z: Float64Array;
  readonly W: Float64Array;
  readonly xbar: Float64Array;
  readonly zbar: Float64Array;
  /** One row's weights by destination (0 where a cell is not used), for the rank-one correction without a test in the inner loop. */
  readonly wrow: Float64Array;
  /** The normal equations of the destination effects and γ (p = C unknowns; γ last), lower triangle. */
  readonly p: number;
  readonly A: Float64Array;
  readonly rhs: Float64Array;

  constructor(
    readonly R: number,
    readonly C: number,
    readonly y: Float64Array,
    readonly x: Float64Array,
    readonly use: Uint8Array,
  ) {
    this.mu = new Float64Array(R * C);
    this.eta = new Float64Array(R * C);
    this.z = new Float64Array(R * C);
    this.W = new Float64Array(R);
    this.xbar = new Float64Array(R);
    this.zbar = new Float64Array(R);
    this.wrow = new Float64Array(C);
    this.p = C;
    this.A = new Float64Array(C * C);
    this.rhs = new Float64Array(C);
    for (let k = 0; k < R * C; k++) {
      if (!use[k]) continue;
      this.mu[k] = y[k] + 0.1; // R's starting values for the Poisson family
      this.eta[k] = Math.log(this.mu[k]);
    }
  }

  /** One IRLS step: solves the weighted least-squares problem and updates the fitted values; returns γ. */
  step(): number {
    const { R, p, A, rhs } = this;
    const g = p - 1;
    A.fill(0);
    rhs.fill(0);
    for (let r = 0; r < R; r++) this.working(r);
    for (let r = 0; r < R; r++) this.addRow(r);
    // The Cholesky solve reads the lower triangle only: the destination block's was filled; the γ row is the γ column.
    for (let d = 0; d < g; d++) A[g * p + d] = A[d * p + g];
    const theta = solveSpd(A, rhs, p);
    const gamma = theta[g];
    for (let r = 0; r < R; r++) this.update(r, theta, gamma);
    return gamma;
  }

  /** Row r's working response z = η + (y − μ)/μ and its weighted means (weights μ). */
  private working(r: number): void {
    const { C, use, eta, y, mu, x, z } = this;
    const base = r * C;
    let w = 0;
    let wx = 0;
    let wz = 0;
    for (let c = 0; c < C; c++) {
      const k = base + c;
      if (!use[k]) continue;
      z[k] = eta[k] + (y[k] - mu[k]) / mu[k];
      w += mu[k];
      wx += mu[k] * x[k];
      wz += mu[k] * z[k];
    }
    this.W[r] = w;
    this.xbar[r] = wx / w;
    this.zbar[r] = wz / w;
  }

  /**
   * Row r's part of the normal equations once its origin effect is eliminated:
   * A += Σ_c w u uᵀ − W ū ūᵀ and rhs += Σ_c w u z − W ū z̄, with u = (e_dest, x).
   */
  private addRow(r: number): void {
    const { C, p, A, rhs, use, mu, x, z, wrow } = this;
    const g = p - 1;
    const base = r * C;
    const Wr = this.W[r];
    const xr = this.xbar[r];
    const zr = this.zbar[r];
    for (let c = 1; c < C; c++) wrow[c - 1] = use[base + c] ? mu[base + c] : 0;
    for (let c = 1; c < C; c++) {
      const k = base + c;
      if (!use[k]) continue;
      const w = mu[k];
      const d = c - 1;
      A[d * p + d] += w;
      A[d * p + g] += w * (x[k] - xr);
      rhs[d] += w * (z[k] - zr);
      subtractScaled(A, d * p, wrow, d + 1, w / Wr);
    }
    let agg = 0;
    let arhs = 0;
    for (let c = 0; c < C; c++) {
      const k = base + c;
      if (!use[k]) continue;
      const dx = x[k] - xr;
      agg += mu[k] * dx * dx;
      arhs += mu[k] * dx * (z[k] - zr);
    }
    A[g * p + g] += agg;
    rhs[g] += arhs;
  }

  /** Row r's new linear predictor and fitted values, with a_r = z̄_r − Σ_c (w_rc / W_r) b_c − x̄_r γ. */
  private update(r: number, theta: Float64Array, gamma: number): void {
    const { C, use, mu, eta, x } = this;
    const base = r * C;
    let wb = 0;
    for (let c = 1; c < C; c++) if (use[base + c]) wb += mu[base + c] * theta[c - 1];
    const a = this.zbar[r] - wb / this.W[r] - this.xbar[r] * gamma;
    for (let c = 0; c < C; c++) {
      const k = base + c;
      if (!use[k]) continue;
      eta[k] = a + (c > 0 ? theta[c - 1] : 0) + gamma * x[k];
      mu[k] = Math.exp(eta[k]);
    }
  }

  deviance(): number {
    return deviance(this.y, this.mu, this.use);
  }
}

/** a[at … at + len − 1] −= f · v[0 … len − 1]. */
function subtractScaled(a: Float64Array, at: number, v: Float64Array, len: number, f: number): void {
  for (let k = 0; k < len; k++) a[at + k] -= f * v[k];
}

/** Poisson deviance 2 Σ (y log(y/μ) − (y − μ)). */
function deviance(y: Float64Array, mu: Float64Array, use: Uint8Array): number {
  let d = 0;
  for (let k = 0; k < y.length; k++) {
    if (!use[k]) continue;
    d += (y[k] > 0 ? y[k] * Math.log(y[k] / mu[k]) : 0) - (y[k] - mu[k]);
  }
  return 2 * d;
}

/** Σ_k<len a[i + k] · a[j + k]: the inner product of two rows of L. */
function dot(a: Float64Array, i: number, j: number, len: number): number {
  let s = 0;
  for (let k = 0; k < len; k++) s += a[i + k] * a[j + k];
  return s;
}

/** Solves A θ = b for a symmetric positive definite A (row-major p × p) by Cholesky. */
function solveSpd(A: Float64Array, b: Float64Array, p: number): Float64Array {
  const L = new Float64Array(p * p);
  let scale = 0;
  for (let i = 0; i < p; i++) scale = Math.max(scale, Math.abs(A[i * p + i]));
  for (let i = 0; i < p; i++) {
    for (let j = 0; j <= i; j++) {
      const s = A[i * p + j] - dot(L, i * p, j * p, j);
      if (i === j) {
        if (!(s > 1e-12 * scale)) {
          throw new MeasureError("outOfDomain", "the model cannot be fitted: the distances do not vary enough among the flows to be told apart from the origin and destination effects");
        }
        L[i * p + i] = Math.sqrt(s);
      } else {
        L[i * p + j] = s / L[j * p + j];
      }
    }
  }
  const t = new Float64Array(p);
  for (let i = 0; i < p; i++) {
    let s = b[i];
    for (let k = 0; k < i; k++) s -= L[i * p + k] * t[k];
    t[i] = s / L[i * p + i];
  }
  for (let i = p - 1; i >= 0; i--) {
    let s = t[i];
    for (let k = i + 1; k < p; k++) s -= L[k * p + i] * t[k];
    t[i] = s / L[i * p + i];
  }
  return t;
}
