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
}

export function peerCase(n: number): PeerCase {
  const rand = prng(20261205 + n);
  const draw = () => Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 0 : Math.floor(rand() * 10000))));
  const m = draw();
  const other = draw();
  const p = Array.from({ length: n }, () => 1e6 + Math.floor(rand() * 1e7));
  const rowTotals = other.map((row) => row.reduce((a, b) => a + b, 0));
  const colTotals = other[0].map((_, j) => other.reduce((a, row) => a + row[j], 0));
  return { n, m, p, rowTotals, colTotals };
}

type Fn = (...args: unknown[]) => any;

export interface PeerMeasure {
  /** Short name used on the command line and in the table. */
  id: string;
  /** Our Excel function(s) called for one call of the peer. */
  ours: string;
  /** The R function (package::name). */
  peer: string;
  /** Our call on the case, as Excel makes it (2-D arrays in); returns the comparable number. */
  call(fn: (id: string) => Fn, c: PeerCase): () => number;
  /** R: statements run once before timing (the case's fields are bound: m, p, row_tot, col_tot, r = region names). */
  setup?: string;
  /** R: the timed expression; its value is `x`. */
  r: string;
  /** R: the comparable number from `x`. */
  value: string;
}

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
];
