/**
 * LibreOffice headless as a second spreadsheet: reports written to .xlsx are converted by
 * `soffice --convert-to xlsx` with a private profile that forces recalculation on load, and the
 * recalculated copy is read back with exceljs.
 *
 * Without `OOXMLRecalcMode` = 0 ("always recalculate") LibreOffice keeps the cached results
 * stored in the file, and a comparison would only compare our numbers with themselves.
 */
import { spawn } from "child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { basename, join } from "path";
import ExcelJS from "exceljs";
import { ensureInstalled, which } from "./apt";

/** The one command that installs what these tests need (Debian/Ubuntu). */
export const INSTALL_COMMAND = "apt-get update && apt-get install -y --no-install-recommends libreoffice-calc-nogui";

let soffice: string | null = null;

/**
 * The path of `soffice`, installing LibreOffice Calc with apt when it is missing and we are root.
 * Otherwise throws with the command to run: a missing LibreOffice is a failure, never a skip.
 */
export function ensureLibreOffice(): string {
  if (!soffice) soffice = ensureInstalled("LibreOffice (soffice)", () => which("soffice") ?? which("libreoffice"), INSTALL_COMMAND);
  return soffice;
}

/** registrymodifications.xcu of a profile that recalculates every .xlsx on load. */
const RECALC_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

let counter = 0;

/**
 * Opens `xlsxPath` in LibreOffice headless, recalculates every formula and saves a copy as .xlsx.
 * Returns the copy's path (in a fresh temporary folder). Each call has its own profile, so calls
 * may run in parallel and nothing depends on the user's LibreOffice settings.
 */
export async function recalculate(xlsxPath: string, timeoutMs = 120_000): Promise<string> {
  return (await recalculateAll([xlsxPath], timeoutMs))[0];
}

/**
 * `recalculate` for several files in one LibreOffice run (starting soffice costs seconds; the
 * files are converted one after the other). The copies come back in the order of `xlsxPaths`,
 * whose base names must differ.
 */
export async function recalculateAll(xlsxPaths: readonly string[], timeoutMs = 120_000): Promise<string[]> {
  const bin = ensureLibreOffice();
  for (const p of xlsxPaths) if (!existsSync(p)) throw new Error(`recalculate: no such file ${p}`);
  if (new Set(xlsxPaths.map((p) => basename(p))).size !== xlsxPaths.length) throw new Error("recalculateAll: two files share a name");
  const unique = `${process.pid}-${Date.now()}-${++counter}`;
  const profile = join(tmpdir(), `lo-profile-${unique}`);
  mkdirSync(join(profile, "user"), { recursive: true });
  writeFileSync(join(profile, "user", "registrymodifications.xcu"), RECALC_ALWAYS);
  const outDir = mkdtempSync(join(tmpdir(), "lo-out-"));
  const args = [
    `-env:UserInstallation=file://${profile}`,
    "--headless",
    "--norestore",
    "--nolockcheck",
    "--convert-to",
    "xlsx:Calc MS Excel 2007 XML",
    "--outdir",
    outDir,
    ...xlsxPaths,
  ];
  try {
    const { code, output } = await run(bin, args, timeoutMs);
    return xlsxPaths.map((p) => {
      const out = join(outDir, basename(p).replace(/\.[^.]*$/, "") + ".xlsx");
      if (code !== 0 || !existsSync(out)) throw new Error(`soffice failed to convert ${p} (exit ${code}): ${output.trim()}`);
      return out;
    });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

function run(bin: string, args: string[], timeoutMs: number): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`soffice timed out after ${timeoutMs} ms: ${output.trim()}`));
    }, timeoutMs);
    child.on("error", (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

/** One cell as read back: its formula (no leading "="), if any, and its value or cached result. */
export interface ReadCell {
  readonly address: string;
  readonly row: number; // 0-based
  readonly col: number; // 0-based
  readonly formula?: string;
  /** A (single-cell) array formula, entered with Ctrl+Shift+Enter in older Excel. */
  readonly array?: boolean;
  readonly value: string | number | boolean | null | { error: string };
}

/** Every non-empty cell of one sheet of an .xlsx file, keyed by A1 address. */
export async function readSheetCells(xlsxPath: string, sheet: string): Promise<Map<string, ReadCell>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(xlsxPath);
  const ws = wb.getWorksheet(sheet);
  if (!ws) throw new Error(`${xlsxPath} has no sheet '${sheet}' (it has: ${wb.worksheets.map((w) => w.name).join(", ")})`);
  const cells = new Map<string, ReadCell>();
  ws.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      const base = { address: cell.address, row: Number(cell.row) - 1, col: Number(cell.col) - 1 };
      const v = cell.value as unknown;
      if (cell.type === ExcelJS.ValueType.Formula) {
        // cell.value drops a falsy result (0, "", false): read the model's.
        const model = cell.model as { formula?: string; result?: unknown; shareType?: string };
        cells.set(cell.address, { ...base, formula: cell.formula ?? model.formula ?? "", value: plain(model.result), array: model.shareType === "array" });
      } else {
        cells.set(cell.address, { ...base, value: plain(v) });
      }
    });
  });
  return cells;
}

function plain(v: unknown): ReadCell["value"] {
  if (v === undefined || v === null) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  if (v instanceof Date) return v.toISOString();
  if (typeof v === "object") {
    const o = v as { error?: string; richText?: { text: string }[]; text?: string };
    if (o.error) return { error: o.error };
    if (o.richText) return o.richText.map((r) => r.text).join("");
    if (typeof o.text === "string") return o.text;
  }
  return String(v);
}
