import { count } from "../indicators/guards";
import { Cell } from "../cells/kind";
import { periodsIn, readPeriod } from "../cells/period";
import { Label, pivotFlows } from "../indicators/longformat";
import { aggregateNetMigrationRate, connectivity, giniIndex, listCorridors, migrationEffectivenessIndex, regionSummary } from "../indicators/matrix";
import { courgeauK, grossMigrationRate, migrationEffectiveness, migrationIntensity, netMigration, netMigrationRate } from "../indicators/rates";
import { FLOW_KEY_FIGURES, FlowKeyFigureName, flowKeyFiguresByPeriod } from "../indicators/periods";
import { quoteText } from "../indicators/quote";
import { MeasureError } from "../indicators/types";
import { CellValue, isBlank, isHeaderText, readFlowCount, readGrid, readFlowSums, readLabels, readMatrix, readNumber, readOptionalBoolean, readOptionalNumber, readVector, ResultCell } from "./cells";
import { elementwise2, elementwise3 } from "./elementwise";
import { guard, guardFinite, measureErrorOf, toExcelError } from "./errors";

/**
 * Net migration: inflow − outflow.
 * @customfunction MIGRATION.NET
 * @helpurl https://localhost:3000/reference.html#migration-net
 * @param inflow People who moved in (a cell or a range).
 * @param outflow People who moved out (same size, or one cell).
 * @returns Inflow minus outflow (positive = net gain).
 */
export function migrationNet(inflow: any[][], outflow: any[][]): any[][] {
  return elementwise2(["inflow", "outflow"], netMigration, inflow, outflow);
}

/**
 * Net migration rate: per × (inflow − outflow) ÷ population.
 * @customfunction MIGRATION.NETRATE
 * @helpurl https://localhost:3000/reference.html#migration-netrate
 * @param inflow People who moved in (a cell or a range).
 * @param outflow People who moved out (same size, or one cell).
 * @param population Population at risk, e.g. mid-year population (same size, or one cell).
 * @param [per] Rate base; default 1000 (per 1,000 population).
 * @returns Net migrants per `per` people.
 */
export function migrationNetRate(inflow: any[][], outflow: any[][], population: any[][], per?: any): any[][] {
  return guard(() => {
    const base = readOptionalNumber(per, "per", 1000);
    return elementwise3(["inflow", "outflow", "population"], (i, o, p) => netMigrationRate(i, o, p, base), inflow, outflow, population);
  });
}

/**
 * Gross migration rate: per × (inflow + outflow) ÷ population.
 * @customfunction MIGRATION.GROSSRATE
 * @helpurl https://localhost:3000/reference.html#migration-grossrate
 * @param inflow People who moved in (a cell or a range).
 * @param outflow People who moved out (same size, or one cell).
 * @param population Population at risk (same size, or one cell).
 * @param [per] Rate base; default 1000 (per 1,000 population).
 * @returns Moves in and out per `per` people.
 */
export function migrationGrossRate(inflow: any[][], outflow: any[][], population: any[][], per?: any): any[][] {
  return guard(() => {
    const base = readOptionalNumber(per, "per", 1000);
    return elementwise3(["inflow", "outflow", "population"], (i, o, p) => grossMigrationRate(i, o, p, base), inflow, outflow, population);
  });
}

/**
 * Migration effectiveness of a region: (inflow − outflow) ÷ (inflow + outflow), from −1 to 1.
 * @customfunction MIGRATION.EFFECTIVENESS
 * @helpurl https://localhost:3000/reference.html#migration-effectiveness
 * @param inflow People who moved in (a cell or a range).
 * @param outflow People who moved out (same size, or one cell).
 * @returns Net migration as a share of turnover.
 */
export function migrationEffectivenessFn(inflow: any[][], outflow: any[][]): any[][] {
  return elementwise2(["inflow", "outflow"], migrationEffectiveness, inflow, outflow);
}

/**
 * Migration effectiveness index of a system (Bell et al. 2002): Σ|inflow − outflow| ÷ Σ(inflow + outflow).
 * @customfunction MIGRATION.MEI
 * @helpurl https://localhost:3000/reference.html#migration-mei
 * @param matrix Square origin × destination matrix (rows = origins), numbers only; blanks are no flow; the diagonal is ignored.
 * @returns A number from 0 (balanced exchange) to 1 (one-way redistribution).
 */
export function migrationMei(matrix: any[][]): number {
  return guard(() => migrationEffectivenessIndex(readFlowSums(matrix, "matrix")));
}

/**
 * Crude migration intensity: migrants ÷ population.
 * @customfunction MIGRATION.INTENSITY
 * @helpurl https://localhost:3000/reference.html#migration-intensity
 * @param migrants Number of migrants (a cell or a range).
 * @param population Population at risk (same size, or one cell).
 * @returns Migrants as a fraction of the population.
 */
export function migrationIntensityFn(migrants: any[][], population: any[][]): any[][] {
  return elementwise2(["migrants", "population"], migrationIntensity, migrants, population);
}

/**
 * Courgeau's k: 100 × migrants ÷ population ÷ ln(regions²), intensity adjusted for how finely the territory is divided.
 * @customfunction MIGRATION.COURGEAUK
 * @helpurl https://localhost:3000/reference.html#migration-courgeauk
 * @param migrants Number of migrants between the regions (a cell or a range).
 * @param population Population at risk (same size, or one cell).
 * @param regions Number of regions the territory is divided into, a whole number (same size, or one cell).
 * @returns Courgeau's k, as published.
 */
export function migrationCourgeauK(migrants: any[][], population: any[][], regions: any[][]): any[][] {
  return elementwise3(["migrants", "population", "regions"], courgeauK, migrants, population, regions);
}

/**
 * Aggregate net migration rate: ½ Σ|inflow − outflow| ÷ Σ population (= intensity × MEI).
 * @customfunction MIGRATION.ANMR
 * @helpurl https://localhost:3000/reference.html#migration-anmr
 * @param matrix Square origin × destination matrix (rows = origins), numbers only; blanks are no flow; the diagonal is ignored.
 * @param populations Population of each region, in the order of the matrix rows (a row or a column).
 * @returns The net redistribution as a fraction of the total population.
 */
export function migrationAnmr(matrix: any[][], populations: any[][]): number {
  return guard(() => aggregateNetMigrationRate(readFlowSums(matrix, "matrix"), readVector(populations, "populations")));
}

/**
 * Connectivity: the share of off-diagonal flows that are not zero.
 * @customfunction MIGRATION.CONNECTIVITY
 * @helpurl https://localhost:3000/reference.html#migration-connectivity
 * @param matrix Square origin × destination matrix (rows = origins), numbers only; blanks are no flow; the diagonal is ignored.
 * @returns A fraction from 0 to 1.
 */
export function migrationConnectivity(matrix: any[][]): number {
  return guard(() => connectivity(readFlowCount(matrix, "matrix")));
}

/**
 * Total flows Gini index (Plane & Mulligan 1997): how unevenly migration is spread over the possible flows.
 * @customfunction MIGRATION.GINI
 * @helpurl https://localhost:3000/reference.html#migration-gini
 * @param matrix Square origin × destination matrix (rows = origins), numbers only; blanks are no flow; the diagonal is ignored.
 * @param [corrected] TRUE (default) divides by n(n−1)−1 as Bell et al. (2002); FALSE by n(n−1) as Plane & Mulligan.
 * @returns A number from 0 (all flows equal) towards 1 (all migration in one flow).
 */
export function migrationGini(matrix: any[][], corrected?: any): number {
  return guard(() => giniIndex(readMatrix(matrix, "matrix"), readOptionalBoolean(corrected, "corrected", true)));
}

/**
 * Summary table per region: region, outflow, inflow, turnover, net, effectiveness.
 * @customfunction MIGRATION.SUMMARY
 * @helpurl https://localhost:3000/reference.html#migration-summary
 * @param matrix Square origin × destination matrix (rows = origins), numbers only; blanks are no flow; the diagonal is ignored.
 * @param [labels] Region names in the order of the matrix rows (a row or a column); default 1, 2, 3…
 * @returns A table with a header row and one row per region.
 */
export function migrationSummary(matrix: any[][], labels?: any[][]): any[][] {
  return guard(() => {
    const m = readMatrix(matrix, "matrix");
    const names = readLabels(labels, "labels", m.n);
    const table: ResultCell[][] = [["region", "outflow", "inflow", "turnover", "net", "effectiveness"]];
    regionSummary(m).forEach((s, i) => {
      table.push([names[i], s.outflow, s.inflow, s.turnover, s.net, s.effectiveness instanceof MeasureError ? toExcelError(s.effectiveness) : s.effectiveness]);
    });
    return table;
  });
}

/**
 * Corridors (ordered pairs of regions), largest flow first: origin, destination, flow, counterflow, net, reciprocity.
 * @customfunction MIGRATION.CORRIDORS
 * @helpurl https://localhost:3000/reference.html#migration-corridors
 * @param matrix Square origin × destination matrix (rows = origins), numbers only; blanks are no flow; the diagonal is ignored.
 * @param [labels] Region names in the order of the matrix rows (a row or a column); default 1, 2, 3…
 * @param [top] How many corridors to list; default all with a flow.
 * @returns A table with a header row and one row per corridor.
 */
export function migrationCorridors(matrix: any[][], labels?: any[][], top?: any): any[][] {
  return guardFinite(() => {
    const m = readMatrix(matrix, "matrix");
    const names = readLabels(labels, "labels", m.n);
    const limit = readOptionalNumber(top, "top", Infinity);
    if (limit !== Infinity && !(Number.isInteger(limit) && limit >= 1)) throw new MeasureError("outOfDomain", `top must be a whole number of at least 1 (got ${limit})`);
    const table: ResultCell[][] = [["origin", "destination", "flow", "counterflow", "net", "reciprocity"]];
    return listCorridors(m, limit, table, (origin, destination, flow, counterflow, net, reciprocity): ResultCell[] => [names[origin], names[destination], flow, counterflow, net, reciprocity]);
  });
}

/**
 * Pivots a long origin–destination–flow list into a square matrix with labels; repeated pairs are added up, missing pairs are 0.
 * @customfunction MIGRATION.MATRIX
 * @helpurl https://localhost:3000/reference.html#migration-matrix
 * @param origins Origin of each flow (a column or a row); a header row is skipped.
 * @param destinations Destination of each flow, same size as origins.
 * @param flows Number of people in each flow, same size as origins.
 * @returns A square matrix with region labels in its first row and first column.
 */
export function migrationMatrix(origins: any[][], destinations: any[][], flows: any[][]): any[][] {
  return guard(() => {
    const o = columnCells(origins, "origins");
    const d = columnCells(destinations, "destinations");
    const f = columnCells(flows, "flows");
    if (o.length !== f.length || d.length !== f.length) {
      throw new MeasureError("invalid", `origins (${o.length}), destinations (${d.length}) and flows (${f.length}) must be the same size`);
    }
    let corner = "origin \\ destination";
    let first = 0;
    // A selection that includes the header row: text where the first flow should be.
    if (f.length > 0 && isHeaderText(f[0]) && typeof o[0] === "string" && typeof d[0] === "string") {
      corner = `${o[0]} \\ ${d[0]}`;
      first = 1;
    }
    const os: Label[] = [];
    const ds: Label[] = [];
    const fs: (number | MeasureError)[] = [];
    for (let r = first; r < f.length; r++) {
      if (isBlank(o[r]) && isBlank(d[r]) && isBlank(f[r])) continue; // trailing blank rows of a whole-column selection
      os.push(readLabel(o[r], "origins", r));
      ds.push(readLabel(d[r], "destinations", r));
      fs.push(flowOrError(f[r], r));
    }
    if (fs.length === 0) throw new MeasureError("missing", "the list has no flows");
    const { labels, matrix } = pivotFlows(os, ds, fs);
    const out: ResultCell[][] = [[corner, ...labels]];
    matrix.forEach((row, i) => out.push([labels[i], ...row.map((v) => (v instanceof MeasureError ? toExcelError(v) : v))]));
    return out;
  });
}

function columnCells(v: unknown, arg: string): CellValue[] {
  const grid = readGrid(v, arg);
  if (grid[0].length === 1) return grid.map((row) => row[0]);
  if (grid.length === 1) return grid[0];
  throw new MeasureError("invalid", `${arg} must be a single column or row, not a ${grid.length}×${grid[0].length} range`);
}

/** The label in row r of `arg`; the row is named only in the error of a bad one. */
function readLabel(v: CellValue, arg: string, r: number): Label {
  if (typeof v === "number" || (typeof v === "string" && v !== "")) return v;
  const where = `${arg} (row ${r + 1})`;
  if (isBlank(v)) throw new MeasureError("missing", `${where} is blank`);
  if (typeof v === "boolean") throw new MeasureError("invalid", `${where} is ${v ? "TRUE" : "FALSE"}, not a region name`);
  throw v;
}

/** The flow in row r, or the error that cell gives (the row named only then). */
function flowOrError(v: CellValue, r: number): number | MeasureError {
  if (typeof v === "number" && v >= 0 && v !== Infinity) return v;
  const where = `flows (row ${r + 1})`;
  try {
    return count(readNumber(v, where), where);
  } catch (e) {
    if (e instanceof MeasureError) return e;
    if (e instanceof CustomFunctions.Error) return measureErrorOf(e, where);
    throw e;
  }
}

/**
 * Key figures of a long origin–destination–flow list for each period, in time order: total flows, MEI, circulation index, connectivity, total Gini.
 * @customfunction MIGRATION.PERIODS
 * @helpurl https://localhost:3000/reference.html#migration-periods
 * @param periods Period of each flow (a column or a row): a year such as 2010, a span such as 1990-1995, or an academic year such as 2012/13; a header row is skipped.
 * @param origins Origin of each flow, same size as periods.
 * @param destinations Destination of each flow, same size as periods.
 * @param flows Number of people in each flow, same size as periods.
 * @param [measure] One key figure: "total", "mei", "circulation", "connectivity" or "gini"; left out, all of them with a header row.
 * @returns One row per period: the period and its key figure (or all of them).
 */
export function migrationPeriods(periods: any[][], origins: any[][], destinations: any[][], flows: any[][], measure?: any): any[][] {
  return guard(() => {
    const chosen = readKeyFigure(measure);
    const p = columnCells(periods, "periods");
    const o = columnCells(origins, "origins");
    const d = columnCells(destinations, "destinations");
    const f = columnCells(flows, "flows");
    if (p.length !== f.length || o.length !== f.length || d.length !== f.length) {
      throw new MeasureError("invalid", `periods (${p.length}), origins (${o.length}), destinations (${d.length}) and flows (${f.length}) must be the same size`);
    }
    // A selection that includes the header row: text where the first period and flow should be.
    let first = 0;
    if (f.length > 0 && isHeader(f[0]) && isHeader(o[0]) && isHeader(d[0]) && isHeader(p[0]) && readPeriod(p[0] as string) === undefined) first = 1;
    // One pass over the list into arrays of its length (no growing), trimmed to the rows read.
    const size = f.length - first;
    const rows = new Int32Array(size);
    const ps = new Array<Cell>(size);
    const os = new Array<Label>(size);
    const ds = new Array<Label>(size);
    const fs = new Array<number | MeasureError>(size);
    let n = 0;
    for (let r = first; r < f.length; r++) {
      const period = p[r];
      const flow = f[r];
      if (isBlank(period) && isBlank(o[r]) && isBlank(d[r]) && isBlank(flow)) continue; // trailing blank rows of a whole-column selection
      if (period instanceof CustomFunctions.Error) throw period;
      rows[n] = r;
      ps[n] = period === undefined || period === "" ? null : period;
      os[n] = readLabel(o[r], "origins", r);
      ds[n] = readLabel(d[r], "destinations", r);
      fs[n] = typeof flow === "number" && flow >= 0 && flow !== Infinity ? flow : flowOrError(flow, r);
      n++;
    }
    if (n === 0) throw new MeasureError("missing", "the list has no flows");
    ps.length = os.length = ds.length = fs.length = n;
    const column = periodsIn(ps);
    const bad = Math.min(column.blanks[0] ?? Infinity, column.others[0] ?? Infinity);
    if (bad !== Infinity) {
      const v = ps[bad];
      const where = `periods (row ${rows[bad] + 1})`;
      if (v === null) throw new MeasureError("missing", `${where} is blank`);
      if (typeof v === "number" && !Number.isFinite(v)) throw new MeasureError("outOfDomain", `${where} is not a finite number`);
      // A cell of spaces only is text, as in Excel (ISBLANK is FALSE); it holds no period either.
      const shown = typeof v === "string" ? `text (${quoteText(v)})` : typeof v === "boolean" ? (v ? "TRUE" : "FALSE") : String(v);
      throw new MeasureError("invalid", `${where} is ${shown}, not a period (a year such as 2010, a span such as 1990-1995, or an academic year such as 2012/13)`);
    }
    const byPeriod = flowKeyFiguresByPeriod(column, os, ds, fs);
    const cell = (v: number | MeasureError): ResultCell => (v instanceof MeasureError ? toExcelError(v) : v);
    if (chosen !== undefined) {
      const k = FLOW_KEY_FIGURES.findIndex((x) => x.name === chosen);
      return byPeriod.map((q) => [periodLabel(q.key), cell(q.figures[k])]);
    }
    const table: ResultCell[][] = [["period", ...FLOW_KEY_FIGURES.map((k) => k.heading)]];
    for (const q of byPeriod) table.push([periodLabel(q.key), ...q.figures.map(cell)]);
    return table;
  });
}

function isHeader(v: CellValue): boolean {
  return isHeaderText(v);
}

/** A year as the number it is (for lookups and charts); a span or an academic year as its text. */
function periodLabel(key: string): number | string {
  return /^\d{4}$/.test(key) ? Number(key) : key;
}

/**
 * The `measure` argument: a key figure's name or its column heading, in any case, spaces
 * trimmed; blank or omitted means all of them.
 */
function readKeyFigure(v: unknown): FlowKeyFigureName | undefined {
  let cell = v;
  if (Array.isArray(v)) {
    const grid = readGrid(v, "measure");
    if (grid.length !== 1 || grid[0].length !== 1) throw new MeasureError("invalid", `measure must be a single value, not a ${grid.length}×${grid[0].length} range`);
    cell = grid[0][0];
  }
  if (isBlank(cell)) return undefined;
  if (cell instanceof CustomFunctions.Error) throw cell;
  const word = typeof cell === "string" ? cell.trim().toLowerCase() : undefined;
  const match = FLOW_KEY_FIGURES.find((k) => k.name === word || k.heading.toLowerCase() === word);
  if (match) return match.name;
  const got = typeof cell === "string" ? quoteText(cell) : typeof cell === "boolean" ? (cell ? "TRUE" : "FALSE") : String(cell);
  throw new MeasureError("invalid", `measure must be ${FLOW_KEY_FIGURES.map((k) => `"${k.name}"`).join(", ")} or left out (got ${got})`);
}
