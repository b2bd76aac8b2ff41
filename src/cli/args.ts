/**
 * Command-line arguments → options. Pure: no file system, no process; a bad command line is a
 * CliError with exit code 2 (usage).
 */
import { ROLES } from "../report/roles";
import type { Role, Shape, SharingMode } from "../report/types";
import { CliError, EXIT } from "./errors";

export interface CliOptions {
  readonly input: string;
  readonly sheet?: string;
  readonly range?: string;
  readonly mode: SharingMode;
  readonly shape?: Shape;
  /** Role → column as given: a header name or a column letter ("" unmaps the role). */
  readonly map: ReadonlyArray<{ readonly role: Role; readonly column: string }>;
  readonly output?: string;
  readonly force: boolean;
  readonly quiet: boolean;
  /** The list holds migrant stocks for several years: estimate flows with this method. */
  readonly stocks?: "zero" | "return";
  /** The period to report on (a year such as 2005, or 1990-1995); default: the latest. */
  readonly period?: string;
  /** Rows kept: those whose cell in COLUMN (header name or letter) is VALUE; all must hold. */
  readonly filter: ReadonlyArray<{ readonly column: string; readonly value: string }>;
  /**
   * Distances between the matrix's regions (n × n) and their populations (n values): a range of
   * the input workbook ("Distances!B2:R18"; without a sheet, on the sheet read) or a file.
   */
  readonly distances?: string;
  readonly populations?: string;
  /** The chord diagram: on a Chord sheet of the report, and as files when given. */
  readonly chart?: ChartOptions;
}

export interface ChartOptions {
  readonly svg?: string;
  readonly png?: string;
  /** Regions that keep their own arc (the rest lumped as Other); undefined: the figure's default. */
  readonly top?: number;
  /** Arcs in the data's order (default) or the largest first. */
  readonly order?: "data" | "size";
}

export type ParsedArgs = { readonly kind: "run"; readonly options: CliOptions } | { readonly kind: "help" } | { readonly kind: "version" };


const MODES: readonly SharingMode[] = ["native", "addin", "values"];
const SHAPES: readonly Shape[] = ["table", "matrix", "long"];

export const USAGE = `Usage: migration-report <input.xlsx|input.csv> [options]

Builds a migration report workbook from a country table, an origin x destination matrix or a
long origin-destination-flow list.

Options:
  --sheet NAME          sheet to read (default: the first sheet if it holds a table of numbers,
                        else the one sheet that does; several: they are listed)
  --range A1:D20        cells to read (default: the sheet's used range)
  --mode MODE           native (live Excel formulas, default), addin (BRAINDRAIN.* functions)
                        or values (numbers only)
  --shape SHAPE         table, matrix or long (default: detected)
  --map ROLE=COLUMN     give a column a role, by header name or column letter; repeatable
                        (ROLE= with nothing after '=' unmaps the role)
  --filter COLUMN=VALUE keep only the rows whose COLUMN (header name or letter) holds VALUE, e.g.
                        --filter sex=T for one row per pair in a download with breakdowns;
                        repeatable (every filter must hold)
  --period PERIOD       with a year or period column: the report for this period (e.g. 2005,
                        1990-1995 or 2012/13; default: the latest); unknown periods are refused
                        naming those found
  --stocks METHOD       the long list holds migrant stocks (origin = place of birth, destination =
                        residence) for several years: estimate flows between the first and last
                        year, METHOD zero or return (MIGRATION.FLOWSFROMSTOCKS)
  --distances RANGE     distances between the matrix's regions, for the distance key figures
                        (mean and median migration distance, distance decay): a range of the
                        input workbook, e.g. "Distances!B2:R18" (without a sheet: the sheet read),
                        or a file (.csv or .xlsx, its used range); n x n numbers in the matrix's
                        order, or with the regions' labels in its first row and column (matched
                        by label)
  --populations RANGE   populations of the matrix's regions, for the impact key figures (ANMR,
                        index of preference, index of velocity): a range or file as for
                        --distances; one column or row of n values in the matrix's order, or
                        the regions' labels beside their populations (matched by label)
  --chart               add a Chord sheet: the chord diagram of the flows (matrix or long list)
  --chart-svg FILE      also write the diagram as SVG (implies --chart)
  --chart-png FILE      also write the diagram as PNG (implies --chart)
  --chart-top N         keep the N regions with the most moves, lump the rest as "Other"
                        (default: all up to 40 regions, else 20; 0 keeps all; implies --chart)
  --chart-order ORDER   arcs in the data's order (data, default) or the largest first (size;
                        implies --chart)
  -o, --output FILE     report to write (default: <input>-report.xlsx beside the input)
  --force               overwrite the output if it exists
  -q, --quiet           no progress lines
  -h, --help            this text
  --version             the version

Roles: ${ROLES.join(", ")}

Exit codes: 0 ok, 1 other error, 2 usage, 3 missing or unreadable input, 4 unknown sheet or
bad range, 5 no detectable data, 6 output exists (use --force).
`;

function usage(message: string): CliError {
  return new CliError(EXIT.usage, `${message} (see --help)`);
}

/** A role named loosely: "skilled-emigrants", "skilled_emigrants", "SkilledEmigrants". */
export function roleOf(name: string): Role | undefined {
  const key = name.replace(/[-_\s]/g, "").toLowerCase();
  return ROLES.find((r) => r.toLowerCase() === key);
}

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const positional: string[] = [];
  let sheet: string | undefined;
  let range: string | undefined;
  let mode: SharingMode = "native";
  let shape: Shape | undefined;
  const map: { role: Role; column: string }[] = [];
  let output: string | undefined;
  let force = false;
  let quiet = false;
  let stocks: "zero" | "return" | undefined;
  let period: string | undefined;
  const filter: { column: string; value: string }[] = [];
  let distances: string | undefined;
  let populations: string | undefined;
  let chart: { svg?: string; png?: string; top?: number; order?: "data" | "size" } | undefined;
  let optionsEnded = false;

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (optionsEnded || arg === "-" || !arg.startsWith("-")) {
      positional.push(arg);
      continue;
    }
    if (arg === "--") {
      optionsEnded = true;
      continue;
    }
    // --name=value or --name value
    const eq = arg.startsWith("--") ? arg.indexOf("=") : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const inline = eq > 0 ? arg.slice(eq + 1) : undefined;
    const value = (): string => {
      if (inline !== undefined) return inline;
      const next = argv[i + 1];
      if (next === undefined) throw usage(`${name} needs a value`);
      i++;
      return next;
    };
    const flag = () => {
      if (inline !== undefined) throw usage(`${name} takes no value`);
    };
    switch (name) {
      case "-h":
      case "--help":
        return { kind: "help" };
      case "--version":
        return { kind: "version" };
      case "--sheet":
        sheet = value();
        if (sheet === "") throw usage("--sheet needs a sheet name");
        break;
      case "--range":
        range = value().trim();
        if (range === "") throw usage("--range needs a range such as A1:D20");
        break;
      case "--mode": {
        const m = value().toLowerCase();
        if (!MODES.includes(m as SharingMode)) throw usage(`unknown --mode '${m}': use native, addin or values`);
        mode = m as SharingMode;
        break;
      }
      case "--shape": {
        const s = value().toLowerCase();
        if (!SHAPES.includes(s as Shape)) throw usage(`unknown --shape '${s}': use table, matrix or long`);
        shape = s as Shape;
        break;
      }
      case "--map": {
        const m = value();
        const k = m.indexOf("=");
        if (k <= 0) throw usage(`--map takes ROLE=COLUMN, not '${m}'`);
        const role = roleOf(m.slice(0, k).trim());
        if (!role) throw usage(`unknown role '${m.slice(0, k).trim()}' in --map`);
        if (map.some((e) => e.role === role)) throw usage(`role '${role}' is mapped twice`);
        map.push({ role, column: m.slice(k + 1).trim() });
        break;
      }
      case "--filter": {
        const m = value();
        const k = m.indexOf("=");
        if (k <= 0) throw usage(`--filter takes COLUMN=VALUE, not '${m}'`);
        filter.push({ column: m.slice(0, k).trim(), value: m.slice(k + 1).trim() });
        break;
      }
      case "-o":
      case "--output":
        output = value();
        if (output === "") throw usage(`${name} needs a file name`);
        break;
      case "--force":
        flag();
        force = true;
        break;
      case "--stocks": {
        const m = value().toLowerCase();
        if (m !== "zero" && m !== "return") throw usage(`unknown --stocks method '${m}': use zero or return`);
        stocks = m;
        break;
      }
      case "--distances":
      case "--populations": {
        const v = value().trim();
        if (v === "") throw usage(`${name} needs a range such as "Distances!B2:R18" or a file`);
        if (name === "--distances") distances = v;
        else populations = v;
        break;
      }
      case "--period":
        period = value().trim();
        if (period === "") throw usage("--period needs a period such as 2005 or 1990-1995");
        break;
      case "--chart":
        flag();
        chart = { ...chart };
        break;
      case "--chart-svg":
      case "--chart-png": {
        const file = value();
        if (file === "") throw usage(`${name} needs a file name`);
        chart = { ...chart, [name === "--chart-svg" ? "svg" : "png"]: file };
        break;
      }
      case "--chart-top": {
        const v = value().trim();
        if (!/^\d+$/.test(v)) throw usage(`--chart-top takes a whole number (0 keeps every region), not '${v}'`);
        chart = { ...chart, top: Number(v) === 0 ? Infinity : Number(v) };
        break;
      }
      case "--chart-order": {
        const o = value().toLowerCase();
        if (o !== "data" && o !== "size") throw usage(`unknown --chart-order '${o}': use data or size`);
        chart = { ...chart, order: o };
        break;
      }
      case "-q":
      case "--quiet":
        flag();
        quiet = true;
        break;
      default:
        throw usage(`unknown option '${name}'`);
    }
  }
  if (positional.length === 0) throw usage("no input file given");
  if (positional.length > 1) throw usage(`one input file at a time (got ${positional.map((p) => `'${p}'`).join(", ")})`);
  return { kind: "run", options: { input: positional[0], sheet, range, mode, shape, map, output, force, quiet, stocks, ...(period !== undefined ? { period } : {}), filter, ...(distances !== undefined ? { distances } : {}), ...(populations !== undefined ? { populations } : {}), ...(chart ? { chart } : {}) } };
}
