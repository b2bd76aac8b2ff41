/**
 * The Office.js host (src/hosts/office.ts) driven against the Excel test double, as the task
 * pane drives it: install a workbook, select, read, detect, plan, write; and every planned cell
 * compared with what the double received. Shared by the host's suites.
 */
import { cell as cellAddress, columnLetters, resolveSheetRefs } from "../../src/report/address";
import { detect } from "../../src/report/detect";
import { planReport } from "../../src/report/plan";
import type { CellValue, PlannedCell, PlannedSheet, SharingMode } from "../../src/report/types";
import { formulaFor, NUMBER_FORMATS, tableHeaders, tableWidth } from "../../src/hosts/common";
import { readSelection, writeReport } from "../../src/hosts/office";
import type { ArrayEntry } from "../../src/hosts/office-api";
import { EXCEL_DESKTOP, EXCEL_ON_THE_WEB, ExcelDouble, installExcelDouble, InitialWorkbook, SheetModel, Stored } from "./excel-double";

export const NOW = new Date(Date.UTC(2024, 0, 2, 3, 4));
export const MB = 1024 * 1024;

let double: (ExcelDouble & { uninstall(): void }) | undefined;
/** Removes the installed double (each suite calls it after each test). */
export function uninstall(): void {
  double?.uninstall();
  double = undefined;
}

/** The Excel a test runs against: what the manifest declares (the default), the web, or the desktop. */
export const HOSTS = {
  declared: { apiSets: undefined, entry: "value" },
  web: { apiSets: EXCEL_ON_THE_WEB, entry: "formula" },
  desktop: { apiSets: EXCEL_DESKTOP, entry: "formulaArray" },
} as const;
export type Host = keyof typeof HOSTS;
/** How the installed double's Excel takes formulas that need array evaluation. */
let entry: ArrayEntry = "value";

export function install(initial: InitialWorkbook, host: Host = "declared"): ExcelDouble {
  double?.uninstall();
  double = installExcelDouble(initial, HOSTS[host].apiSets ? { apiSets: HOSTS[host].apiSets } : {});
  entry = HOSTS[host].entry;
  return double;
}

/** A double with the given API sets (an Excel older or newer than the manifest declares). */
export function installWithApiSets(initial: InitialWorkbook, apiSets: NonNullable<Parameters<typeof installExcelDouble>[1]>["apiSets"]): ExcelDouble {
  double?.uninstall();
  double = installExcelDouble(initial, { apiSets });
  entry = "value";
  return double;
}

/** A sheet "Data" holding `values` at A1, selected whole. */
export function withData(values: CellValue[][], extra: InitialWorkbook["sheets"] = [], host: Host = "declared", more: Partial<InitialWorkbook> = {}): ExcelDouble {
  const cols = values.reduce((m, r) => Math.max(m, r.length), 0);
  return install({ sheets: [{ name: "Data", values }, ...extra], selection: `Data!A1:${columnLetters(cols - 1)}${values.length}`, ...more }, host);
}

/** selection → detect → plan → write, as the task pane does it; with the syncs each step took. */
export async function build(d: ExcelDouble, mode: SharingMode = "native", writeOptions: Parameters<typeof writeReport>[1] = {}) {
  const s0 = d.stats.syncs;
  const read = await readSelection();
  const readSyncs = d.stats.syncs - s0;
  const plan = planReport(read.block, detect(read.block), { mode, now: NOW, hostDrawsCharts: true });
  const s1 = d.stats.syncs;
  const written = await writeReport(plan, writeOptions);
  return { read, plan, written, readSyncs, writeCallSyncs: d.stats.syncs - s1, requests: d.stats.requests.filter((r) => r.sync > s1) };
}

/** What the double should hold for a planned value written as a value. */
export function stored(v: PlannedCell["value"]): Stored {
  if (v === null || v === undefined || v === "") return null;
  if (typeof v === "object") return { error: v.error };
  if (typeof v === "number" && !Number.isFinite(v)) return { error: "#NUM!" };
  return v;
}

/** Every planned cell of a sheet compared with what the double received; returns the differences. */
export function differences(ws: SheetModel, planned: PlannedSheet, mode: SharingMode, names: ReadonlyMap<string, string>): string[] {
  const out: string[] = [];
  const check = (r: number, c: number, cell: PlannedCell, bold = false) => {
    const got = ws.cell(cellAddress(r, c));
    const at = `${ws.name}!${cellAddress(r, c)}`;
    const f = formulaFor(cell, mode);
    const array = mode === "native" && cell.nativeArray === true && f !== undefined;
    if (f !== undefined && !(array && entry === "value")) {
      const want = `=${resolveSheetRefs(f, names)}`;
      if (got.formula !== want) out.push(`${at}: formula ${got.formula} ≠ ${want}`);
      if ((got.arrayFormula === true) !== (array && entry === "formulaArray")) out.push(`${at}: ${got.arrayFormula ? "array-entered" : "not array-entered"}`);
    } else {
      if (got.formula !== undefined) out.push(`${at}: unexpected formula ${got.formula}`);
      if (JSON.stringify(got.value) !== JSON.stringify(stored(cell.value))) out.push(`${at}: value ${JSON.stringify(got.value)} ≠ ${JSON.stringify(stored(cell.value))}`);
      if (typeof cell.value === "string" && cell.value !== "" && !got.quotePrefix) out.push(`${at}: text without its apostrophe`);
    }
    const fmt = cell.format ? NUMBER_FORMATS[cell.format] : "General";
    if (got.numberFormat !== fmt) out.push(`${at}: format ${got.numberFormat} ≠ ${fmt}`);
    if (bold && !got.bold) out.push(`${at}: not bold`);
  };
  for (const { row, col, cell } of planned.cells) check(row, col, cell);
  for (const t of planned.tables) {
    const width = tableWidth(t);
    tableHeaders(t.header, width).forEach((h, j) => check(t.top, t.left + j, { value: h }, t.rows.length === 0));
    t.rows.forEach((r, i) => r.forEach((cell, j) => check(t.top + 1 + i, t.left + j, cell)));
    t.totals?.forEach((cell, j) => check(t.top + 1 + t.rows.length, t.left + j, cell, true));
  }
  return out;
}
