/**
 * The side-by-side comparison with the R packages of the field: one entry per measure. An entry
 * names our Excel function(s), the R function that computes the same thing, how each is called
 * on the shared inputs (a `PeerCase`), and how to read one comparable number out of each result,
 * which is checked to agree before any timing counts. Add a measure by adding an entry.
 */
import { prng } from "../lib";

/** The inputs of one size, drawn once and given to both sides (R reads them as JSON). */
export interface PeerCase {
  n: number;
  /** An origin × destination flow matrix: whole counts, zero diagonal. */
  m: number[][];
  /** A population per region, larger than its flows. */
  p: number[];
  /** IPF: the seed is `m`; the totals are the margins of another matrix with the same zeros. */
  rowTotals: number[];
  colTotals: number[];
  /** That other matrix (R: `m2`): the end of a period whose start is `m`, for flows from stocks. */
  m2: number[][];
}

export function peerCase(n: number): PeerCase {
  const rand = prng(20261205 + n);
  const draw = () => Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 0 : Math.floor(rand() * 10000))));
  const m = draw();
  const other = draw();
  const p = Array.from({ length: n }, () => 1e6 + Math.floor(rand() * 1e7));
  const rowTotals = other.map((row) => row.reduce((a, b) => a + b, 0));
  const colTotals = other[0].map((_, j) => other.reduce((a, row) => a + row[j], 0));
  return { n, m, p, rowTotals, colTotals, m2: other };
}

type Fn = (...args: unknown[]) => any;

export interface PeerMeasure {
  /** Short name used on the command line and in the table. */
  id: string;
  /** Our Excel function(s) called for one call of the peer. */
  ours: string;
  /** The R function (package::name). */
  peer: string;
  /**
   * Our call on the case, as Excel makes it (2-D arrays in): the timed part. Returns the
   * comparable number, or (with `read`) the result as our function returns it.
   */
  call(fn: (id: string) => Fn, c: PeerCase): () => unknown;
  /**
   * The comparable number from a whole result, read after the timing as R's `value` is: adding up
   * a table of results is the harness's work, not the measure's.
   */
  read?(result: any): number;
  /** R: statements run once before timing (the case's fields are bound: m, m2, p, row_tot, col_tot, r = region names). */
  setup?: string;
  /** R: the timed expression; its value is `x`. */
  r: string;
  /** R: the comparable number from `x`. */
  value: string;
}

/** The distances of the index families' cases: 1 + |i − j| between regions i and j. */
function distances(n: number): number[][] {
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => 1 + Math.abs(i - j)));
}
/** The same in R, as a matrix `d` and as the long table `dl` (with the flows) index_distance reads. */
const DISTANCES_R =
  "d <- 1 + abs(outer(seq_len(nrow(m)), seq_len(nrow(m)), '-')); dimnames(d) <- dimnames(m); " +
  "dl <- as.data.frame(as.table(d), responseName = 'dist', stringsAsFactors = FALSE); names(dl)[1:2] <- c('orig', 'dest'); dl$flow <- as.vector(m)";

/** The sums of a matrix's rows (outflows) and columns (inflows), as one-cell rows: a column of a sheet. */
function marginColumns(m: number[][]): { outflows: number[][]; inflows: number[][] } {
  return { outflows: m.map((row) => [row.reduce((a, b) => a + b, 0)]), inflows: m[0].map((_, j) => [m.reduce((a, row) => a + row[j], 0)]) };
}
const total = (m: number[][]): number => m.reduce((a, row) => a + row.reduce((x, y) => x + y, 0), 0);
const sum = (p: number[]): number => p.reduce((a, b) => a + b, 0);
/** The sum of every cell of a result table (for results of many numbers: one figure that checks them all). */
const tableSum = (t: any[][]): number => {
  let s = 0;
  for (const row of t) for (const v of row) s += v;
  return s;
};

/** Our functions' first cell (a whole-call error is thrown, so it cannot pass for a number). */
const first = (v: any): number => (Array.isArray(v) ? v[0][0] : v);

export const measures: PeerMeasure[] = [
  {
    id: "effectiveness",
    ours: "MIGRATION.MEI",
    peer: "migration.indices::migration.effectiveness",
    call: (fn, c) => () => fn("MIGRATION.MEI")(c.m),
    r: "migration.effectiveness(m)",
    value: "x / 100",
  },
  {
    id: "anmr",
    ours: "MIGRATION.ANMR",
    peer: "migration.indices::migration.rate",
    call: (fn, c) => {
      const pop = c.p.map((x) => [x]);
      return () => fn("MIGRATION.ANMR")(c.m, pop);
    },
    r: "migration.rate(m, p)",
    value: "x / 100",
  },
  {
    id: "connectivity",
    ours: "MIGRATION.CONNECTIVITY",
    peer: "migration.indices::migration.connectivity",
    call: (fn, c) => () => fn("MIGRATION.CONNECTIVITY")(c.m),
    r: "migration.connectivity(m)",
    value: "x",
  },
  {
    id: "gini.total",
    ours: "MIGRATION.GINI",
    peer: "migration.indices::migration.gini.total",
    call: (fn, c) => () => fn("MIGRATION.GINI")(c.m),
    r: "migration.gini.total(m)",
    value: "x",
  },
  {
    id: "sum_region",
    ours: "MIGRATION.SUMMARY",
    peer: "migest::sum_region",
    // The last region's net migration: its row and column must both be summed right.
    call: (fn, c) => () => {
      const t = fn("MIGRATION.SUMMARY")(c.m);
      return t[c.n][4];
    },
    r: "sum_region(m)",
    value: "x$net[x$region == r[length(r)]]",
  },
  {
    id: "ipf2",
    ours: "MIGRATION.IPF",
    peer: "migest::ipf2",
    // Same stopping rule: every margin within 1e-10 of the grand total (ipf2's tol is absolute).
    call: (fn, c) => {
      const rows = c.rowTotals.map((x) => [x]);
      const cols = [c.colTotals];
      return () => first(fn("MIGRATION.IPF")(c.m, rows, cols, null, null).slice(1));
    },
    r: "ipf2(row_tot = row_tot, col_tot = col_tot, m = m, tol = 1e-10 * sum(row_tot), maxit = 1000)",
    value: "x$mu[2, 1]",
  },
  {
    id: "index_impact",
    ours: "MIGRATION.MEI + MIGRATION.ANMR",
    peer: "migest::index_impact",
    call: (fn, c) => {
      const pop = c.p.map((x) => [x]);
      return () => fn("MIGRATION.MEI")(c.m) + fn("MIGRATION.ANMR")(c.m, pop);
    },
    setup: "pd <- data.frame(region = r, pop = p)",
    r: "index_impact(m, pd)",
    value: "(x$value[x$measure == 'effectivness'] + x$value[x$measure == 'anmr']) / 100",
  },
  {
    id: "index_connectivity",
    ours: "MIGRATION.CONNECTIVITY + MIGRATION.GINI",
    peer: "migest::index_connectivity",
    call: (fn, c) => () => fn("MIGRATION.CONNECTIVITY")(c.m) + fn("MIGRATION.GINI")(c.m),
    r: "index_connectivity(m)",
    value: "x$value[x$measure == 'connectivity'] + x$value[x$measure == 'gini_total']",
  },
  // The index families. Distances: 1 + |i − j| between regions i and j (symmetric, varied);
  // an age profile: ages 0 … n − 1 with rates (the first row's flows + 1) ÷ 10⁴.
  {
    id: "inequality_sim",
    ours: "MIGRATION.INEQUALITY",
    peer: "migest::index_connectivity",
    call: (fn, c) => () => fn("MIGRATION.INEQUALITY")(c.m, "independence"),
    r: "index_connectivity(m)",
    value: "x$value[x$measure == 'inequality_sim']",
  },
  {
    id: "gini.row.standardized",
    ours: "MIGRATION.GINIORIGIN",
    peer: "migration.indices::migration.gini.row.standardized",
    call: (fn, c) => () => fn("MIGRATION.GINIORIGIN")(c.m),
    r: "migration.gini.row.standardized(m)",
    value: "x / 100",
  },
  {
    id: "gini.col.standardized",
    ours: "MIGRATION.GINIDESTINATION",
    peer: "migration.indices::migration.gini.col.standardized",
    call: (fn, c) => () => fn("MIGRATION.GINIDESTINATION")(c.m),
    r: "migration.gini.col.standardized(m)",
    value: "x / 100",
  },
  {
    id: "weighted.gini.mean",
    ours: "MIGRATION.WEIGHTEDGINI",
    peer: "migration.indices::migration.weighted.gini.mean",
    call: (fn, c) => () => fn("MIGRATION.WEIGHTEDGINI")(c.m, null),
    r: "migration.weighted.gini.mean(m)",
    value: "x",
  },
  {
    // migest's cv is another (scale-dependent) quantity: the value checked is ours, computed in R.
    id: "cv",
    ours: "MIGRATION.CV",
    peer: "migest::index_connectivity",
    call: (fn, c) => () => fn("MIGRATION.CV")(c.m),
    r: "index_connectivity(m)",
    value: "{ o <- m[row(m) != col(m)]; sqrt(mean((o - mean(o))^2)) / mean(o) }",
  },
  {
    id: "acv",
    ours: "MIGRATION.ACV",
    peer: "migration.indices::migration.acv",
    call: (fn, c) => () => fn("MIGRATION.ACV")(c.m),
    r: "migration.acv(m)",
    value: "x",
  },
  {
    id: "preference",
    ours: "MIGRATION.PREFERENCE",
    peer: "migest::index_impact",
    call: (fn, c) => {
      const pop = c.p.map((x) => [x]);
      return () => fn("MIGRATION.PREFERENCE")(c.m, pop);
    },
    setup: "pd <- data.frame(region = r, pop = p)",
    r: "index_impact(m, pd)",
    value: "x$value[x$measure == 'preference']",
  },
  {
    id: "velocity",
    ours: "MIGRATION.VELOCITY",
    peer: "migest::index_impact",
    call: (fn, c) => {
      const pop = c.p.map((x) => [x]);
      return () => fn("MIGRATION.VELOCITY")(c.m, pop);
    },
    setup: "pd <- data.frame(region = r, pop = p)",
    r: "index_impact(m, pd)",
    value: "x$value[x$measure == 'velocity']",
  },
  {
    id: "distance.mean",
    ours: "MIGRATION.MEANDISTANCE",
    peer: "migest::index_distance",
    call: (fn, c) => {
      const d = distances(c.n);
      return () => fn("MIGRATION.MEANDISTANCE")(c.m, d);
    },
    setup: DISTANCES_R,
    r: "index_distance(m = m, d = dl, dist = 'dist')",
    value: "x$value[x$measure == 'mean']",
  },
  {
    // migest's median depends on the order of the cells: the value checked is ours (the pooled
    // distances' interpolated weighted median), computed in R with matrixStats.
    id: "distance.median",
    ours: "MIGRATION.MEDIANDISTANCE",
    peer: "migest::index_distance",
    call: (fn, c) => {
      const d = distances(c.n);
      return () => fn("MIGRATION.MEDIANDISTANCE")(c.m, d);
    },
    setup: DISTANCES_R,
    r: "index_distance(m = m, d = dl, dist = 'dist')",
    value: "{ o <- row(m) != col(m); w <- tapply(m[o], d[o], sum); w <- w[w > 0]; matrixStats::weightedMedian(as.numeric(names(w)), as.vector(w), interpolate = TRUE) }",
  },
  {
    id: "distance.decay",
    ours: "MIGRATION.DISTANCEDECAY",
    peer: "migest::index_distance",
    call: (fn, c) => {
      const d = distances(c.n);
      return () => fn("MIGRATION.DISTANCEDECAY")(c.m, d);
    },
    setup: DISTANCES_R,
    r: "index_distance(m = m, d = dl, dist = 'dist')",
    value: "x$value[x$measure == 'decay']",
  },
  {
    id: "index_age",
    ours: "MIGRATION.AGEINDICES",
    peer: "migest::index_age",
    // The gross migraproduction rate, the table's first value.
    call: (fn, c) => {
      const ages = c.m.map((_, k) => [k]);
      const rates = c.m[0].map((v) => [(v + 1) / 1e4]);
      return () => fn("MIGRATION.AGEINDICES")(ages, rates, null, null, null)[1][1];
    },
    setup: "ag <- data.frame(age = seq_len(nrow(m)) - 1, mi = (m[1, ] + 1) / 1e4)",
    r: "index_age(d = ag)",
    value: "x$value[x$measure == 'gmr']",
  },
  {
    id: "index_all",
    ours: "MIGRATION.INDICES",
    peer: "migest::index_connectivity + index_impact + index_distance",
    // The last row: the distance decay.
    call: (fn, c) => {
      const pop = c.p.map((x) => [x]);
      const d = distances(c.n);
      return () => {
        const t = fn("MIGRATION.INDICES")(c.m, pop, d);
        return t[t.length - 1][1];
      };
    },
    setup: `pd <- data.frame(region = r, pop = p); ${DISTANCES_R}`,
    r: "list(index_connectivity(m), index_impact(m, pd), index_distance(m = m, d = dl, dist = 'dist'))",
    value: "x[[3]]$value[x[[3]]$measure == 'decay']",
  },
  {
    id: "sum_lump",
    ours: "MIGRATION.LUMP",
    peer: "migest::sum_lump",
    // The top 10 regions by turnover kept: the flows among the others (the "Other" diagonal cell).
    call: (fn, c) => () => {
      const t = fn("MIGRATION.LUMP")(c.m, null, 10, null);
      return t[11][11];
    },
    setup: "threshold <- sort(rowSums(m) + colSums(m), decreasing = TRUE)[10]",
    r: "sum_lump(m, threshold = threshold, lump = 'turnover', other_level = 'Other')",
    value: "x$flow[x$orig == 'Other' & x$dest == 'Other']",
  },
  // The intensity family: the system's totals, as a sheet holds them (=SUM of the matrix, of the populations).
  {
    id: "index_intensity.cmp",
    ours: "MIGRATION.INTENSITY",
    peer: "migest::index_intensity",
    call: (fn, c) => {
      const migrants = [[total(c.m)]];
      const population = [[sum(c.p)]];
      return () => first(fn("MIGRATION.INTENSITY")(migrants, population));
    },
    setup: "mig_total <- sum(m); pop_total <- sum(p)",
    r: "index_intensity(mig_total = mig_total, pop_total = pop_total, n = nrow(m))",
    value: "x$value[x$measure == 'cmp'] / 100",
  },
  {
    // migration.cmr adds up the matrix itself; ours is given the total, as a sheet's =SUM gives it.
    id: "cmr",
    ours: "MIGRATION.INTENSITY",
    peer: "migration.indices::migration.cmr",
    call: (fn, c) => {
      const migrants = [[total(c.m)]];
      const population = [[sum(c.p)]];
      return () => first(fn("MIGRATION.INTENSITY")(migrants, population));
    },
    setup: "pop_total <- sum(p)",
    r: "migration.cmr(m, pop_total)",
    value: "x / 100",
  },
  {
    id: "index_intensity.courgeau_k",
    ours: "MIGRATION.COURGEAUK",
    peer: "migest::index_intensity",
    call: (fn, c) => {
      const migrants = [[total(c.m)]];
      const population = [[sum(c.p)]];
      const regions = [[c.n]];
      return () => first(fn("MIGRATION.COURGEAUK")(migrants, population, regions));
    },
    setup: "mig_total <- sum(m); pop_total <- sum(p)",
    r: "index_intensity(mig_total = mig_total, pop_total = pop_total, n = nrow(m))",
    value: "x$value[x$measure == 'courgeau_k']",
  },
  {
    // sum_net adds up the matrix's margins itself; ours is given them, as columns of a sheet.
    id: "sum_net",
    ours: "MIGRATION.NET",
    peer: "migest::sum_net",
    // The last region's net migration.
    call: (fn, c) => {
      const { outflows, inflows } = marginColumns(c.m);
      return () => fn("MIGRATION.NET")(inflows, outflows)[c.n - 1][0];
    },
    r: "sum_net(m)",
    value: "x[length(x)]",
  },
  {
    id: "sum_bilat",
    ours: "MIGRATION.CORRIDORS",
    peer: "migest::sum_bilat",
    // Σ flow × net over the corridors: each flow paired with its own counterflow (a corridor of no
    // flow, which ours leaves out and sum_bilat lists, adds 0).
    call: (fn, c) => () => fn("MIGRATION.CORRIDORS")(c.m, null, null),
    read: (t: any[][]) => {
      let s = 0;
      for (let k = 1; k < t.length; k++) s += t[k][2] * t[k][4];
      return s;
    },
    r: "sum_bilat(m)",
    value: "sum(x$flow * x$net_flow)",
  },
  {
    id: "ffs_diff.zero",
    ours: "MIGRATION.FLOWSFROMSTOCKS",
    peer: "migest::ffs_diff",
    // The sum of all the flows.
    call: (fn, c) => () => fn("MIGRATION.FLOWSFROMSTOCKS")(c.m, c.m2, "zero"),
    read: tableSum,
    r: "ffs_diff(stock_start = m, stock_end = m2, decrease = 'zero')",
    value: "sum(x)",
  },
  {
    id: "ffs_diff.return",
    ours: "MIGRATION.FLOWSFROMSTOCKS",
    peer: "migest::ffs_diff",
    call: (fn, c) => () => fn("MIGRATION.FLOWSFROMSTOCKS")(c.m, c.m2, "return"),
    read: tableSum,
    r: "ffs_diff(stock_start = m, stock_end = m2, decrease = 'return')",
    value: "sum(x)",
  },
  {
    id: "inequality_equal",
    ours: "MIGRATION.INEQUALITY",
    peer: "migest::index_connectivity",
    call: (fn, c) => () => fn("MIGRATION.INEQUALITY")(c.m, "equal"),
    r: "index_connectivity(m)",
    value: "x$value[x$measure == 'inequality_equal']",
  },
  {
    id: "weighted.gini.out",
    ours: "MIGRATION.WEIGHTEDGINI",
    peer: "migration.indices::migration.weighted.gini.out",
    call: (fn, c) => () => fn("MIGRATION.WEIGHTEDGINI")(c.m, "origin"),
    r: "migration.weighted.gini.out(m)",
    value: "x",
  },
  {
    id: "weighted.gini.in",
    ours: "MIGRATION.WEIGHTEDGINI",
    peer: "migration.indices::migration.weighted.gini.in",
    call: (fn, c) => () => fn("MIGRATION.WEIGHTEDGINI")(c.m, "destination"),
    r: "migration.weighted.gini.in(m)",
    value: "x",
  },
];

/**
 * Not a measure: the floor under the ones that return an n × n table. It builds FLOWSFROMSTOCKS
 * "zero"'s table from the same two matrices by a bare loop, with no cell checked and nothing else
 * done, so its cold calls are what a fresh process pays for creating n rows of n numbers: first
 * compilation and the young generation's fresh pages (about 85 pages a call at 233 × 233). R's
 * ffs_diff divided by it is the most any JavaScript could gain over R on this machine.
 */
export const tableFloor: PeerMeasure = {
  id: "floor.table",
  ours: "a bare loop, no checks",
  peer: "the floor under an n × n result",
  call: (_fn, c) => () => {
    const table: number[][] = new Array(c.n);
    for (let i = 0; i < c.n; i++) table[i] = rises(c.m[i], c.m2[i], i);
    return table;
  },
  read: tableSum,
  r: "",
  value: "",
};

/** One row of the floor's table, a function of its own as in FLOWSFROMSTOCKS: V8 optimises a small function called n times within the first call, a whole-table loop only later. */
function rises(start: number[], end: number[], i: number): number[] {
  const n = start.length;
  const row = new Array<number>(n);
  for (let j = 0; j < n; j++) {
    const d = end[j] - start[j];
    row[j] = d > 0 ? d : 0;
  }
  row[i] = 0;
  return row;
}
