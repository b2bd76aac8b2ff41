/**
 * Command-line arguments → options. Pure: no file system, no process; a bad command line is a
 * CliError with exit code 2 (usage).
 */
import type { StockDecrease } from "../indicators/estimation";
import { ROLES } from "../report/roles";
import type { Role, Shape, SharingMode } from "../report/types";
import { CliError, EXIT } from "./errors";
import { cliStrings } from "../messages/cli";
import { Lang, LANGS } from "../messages/lang";

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
  readonly stocks?: StockDecrease;
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
  /** The language of the messages, when --lang gives one (else the locale's). */
  readonly lang?: Lang;
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

/** The help text in English (`--help` prints it in the language of the messages). */
export const USAGE = cliStrings("en").usage;

/** The language asked for with --lang (the last one given), before the rest is parsed: usage errors are said in it. */
export function requestedLang(argv: readonly string[]): Lang | undefined {
  let lang: Lang | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--") break;
    const value = arg === "--lang" ? argv[i + 1] : arg.startsWith("--lang=") ? arg.slice(7) : undefined;
    if (value !== undefined && (LANGS as readonly string[]).includes(value.trim().toLowerCase())) lang = value.trim().toLowerCase() as Lang;
  }
  return lang;
}

/** A role named loosely: "skilled-emigrants", "skilled_emigrants", "SkilledEmigrants". */
export function roleOf(name: string): Role | undefined {
  const key = name.replace(/[-_\s]/g, "").toLowerCase();
  return ROLES.find((r) => r.toLowerCase() === key);
}

/** `lang`: the language of the usage errors (the one --lang asks for, else the locale's). */
export function parseArgs(argv: readonly string[], lang: Lang = "en"): ParsedArgs {
  const s = cliStrings(lang);
  const usage = (message: string) => new CliError(EXIT.usage, s.seeHelp(message));
  const positional: string[] = [];
  let sheet: string | undefined;
  let range: string | undefined;
  let mode: SharingMode = "native";
  let shape: Shape | undefined;
  const map: { role: Role; column: string }[] = [];
  let output: string | undefined;
  let force = false;
  let quiet = false;
  let stocks: StockDecrease | undefined;
  let period: string | undefined;
  const filter: { column: string; value: string }[] = [];
  let distances: string | undefined;
  let populations: string | undefined;
  let chart: { svg?: string; png?: string; top?: number; order?: "data" | "size" } | undefined;
  let chosenLang: Lang | undefined;
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
      if (next === undefined) throw usage(s.needsValue(name));
      i++;
      return next;
    };
    const flag = () => {
      if (inline !== undefined) throw usage(s.takesNoValue(name));
    };
    switch (name) {
      case "-h":
      case "--help":
        return { kind: "help" };
      case "--version":
        return { kind: "version" };
      case "--sheet":
        sheet = value();
        if (sheet === "") throw usage(s.sheetNeedsName);
        break;
      case "--range":
        range = value().trim();
        if (range === "") throw usage(s.rangeNeedsRange);
        break;
      case "--mode": {
        const m = value().toLowerCase();
        if (!MODES.includes(m as SharingMode)) throw usage(s.unknownMode(m));
        mode = m as SharingMode;
        break;
      }
      case "--shape": {
        const sh = value().toLowerCase();
        if (!SHAPES.includes(sh as Shape)) throw usage(s.unknownShape(sh));
        shape = sh as Shape;
        break;
      }
      case "--map": {
        const m = value();
        const k = m.indexOf("=");
        if (k <= 0) throw usage(s.mapForm(m));
        const role = roleOf(m.slice(0, k).trim());
        if (!role) throw usage(s.unknownRole(m.slice(0, k).trim()));
        if (map.some((e) => e.role === role)) throw usage(s.mappedTwice(role));
        map.push({ role, column: m.slice(k + 1).trim() });
        break;
      }
      case "--filter": {
        const m = value();
        const k = m.indexOf("=");
        if (k <= 0) throw usage(s.filterForm(m));
        filter.push({ column: m.slice(0, k).trim(), value: m.slice(k + 1).trim() });
        break;
      }
      case "-o":
      case "--output":
        output = value();
        if (output === "") throw usage(s.needsFileName(name));
        break;
      case "--force":
        flag();
        force = true;
        break;
      case "--stocks": {
        const m = value().toLowerCase();
        if (m !== "zero" && m !== "return") throw usage(s.unknownStocks(m));
        stocks = m;
        break;
      }
      case "--distances":
      case "--populations": {
        const v = value().trim();
        if (v === "") throw usage(s.needsRangeOrFile(name));
        if (name === "--distances") distances = v;
        else populations = v;
        break;
      }
      case "--period":
        period = value().trim();
        if (period === "") throw usage(s.periodNeedsPeriod);
        break;
      case "--chart":
        flag();
        chart = { ...chart };
        break;
      case "--chart-svg":
      case "--chart-png": {
        const file = value();
        if (file === "") throw usage(s.needsFileName(name));
        chart = { ...chart, [name === "--chart-svg" ? "svg" : "png"]: file };
        break;
      }
      case "--chart-top": {
        const v = value().trim();
        if (!/^\d+$/.test(v)) throw usage(s.chartTopNumber(v));
        chart = { ...chart, top: Number(v) === 0 ? Infinity : Number(v) };
        break;
      }
      case "--chart-order": {
        const o = value().toLowerCase();
        if (o !== "data" && o !== "size") throw usage(s.unknownChartOrder(o));
        chart = { ...chart, order: o };
        break;
      }
      case "--lang": {
        const l = value().trim().toLowerCase();
        if (!(LANGS as readonly string[]).includes(l)) throw usage(s.unknownLang(l));
        chosenLang = l as Lang;
        break;
      }
      case "-q":
      case "--quiet":
        flag();
        quiet = true;
        break;
      default:
        throw usage(s.unknownOption(name));
    }
  }
  if (positional.length === 0) throw usage(s.noInput);
  if (positional.length > 1) throw usage(s.oneInput(positional.map((p) => `'${p}'`).join(", ")));
  return { kind: "run", options: { input: positional[0], sheet, range, mode, shape, map, output, force, quiet, stocks, ...(period !== undefined ? { period } : {}), filter, ...(distances !== undefined ? { distances } : {}), ...(populations !== undefined ? { populations } : {}), ...(chart ? { chart } : {}), ...(chosenLang ? { lang: chosenLang } : {}) } };
}
