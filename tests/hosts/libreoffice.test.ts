/**
 * A native-mode report written by the .xlsx host, recalculated by LibreOffice headless, must show
 * the engine's numbers. LibreOffice is installed by the harness when missing (as root), else the
 * suite fails with the command to run: it is never skipped.
 */
import { mkdtempSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import ExcelJS from "exceljs";
import { writeReportXlsx } from "../../src/hosts/xlsx";
import type { PlannedCell, PlannedSheet, ReportPlan } from "../../src/report/types";
import { compareWithFile } from "../support/compare-plan";
import { ensureLibreOffice, readSheetCells, recalculate } from "../support/libreoffice";

jest.setTimeout(180_000);

const DIR = mkdtempSync(join(tmpdir(), "lo-test-"));

beforeAll(() => {
  ensureLibreOffice();
});

// A small origin x destination matrix with labels, on a sheet whose name needs quoting. It is
// called "Migration Summary", as the report's first sheet is: the report's sheet becomes
// "Migration Summary (2)" and the Definitions sheet's reference to it must follow the rename.
const SHEET = "Migration Summary";
const LABELS = ["North", "=South", "+East"];
const M = [
  [0, 120, 30],
  [80, 0, 45],
  [10, 5, 0],
];
const POP = [1000, 2500, 0];
const q = `'${SHEET}'`;
// Source block at B2: labels in row 2 (C2:E2) and column B (B3:B5), flows C3:E5, population F3:F5.
const SOURCE = {
  sheet: SHEET,
  top: 1,
  left: 1,
  values: [
    ["Origin", ...LABELS, "Population"],
    ...M.map((r, i) => [LABELS[i], ...r, POP[i]]),
  ] as (string | number)[][],
};
const rowRef = (i: number) => `${q}!C${i + 3}:E${i + 3}`;
const colRef = (i: number) => `${q}!${"CDE"[i]}3:${"CDE"[i]}5`;
const out = (i: number) => M[i].reduce((a, b) => a + b, 0);
const inn = (i: number) => M.reduce((a, r) => a + r[i], 0);

function sheet(name: string, extra: Partial<PlannedSheet>): PlannedSheet {
  return { name, cells: [], tables: [], charts: [], widths: [], freezeRows: 0, ...extra };
}

function plan(): ReportPlan {
  const total = M.flat().reduce((a, b) => a + b, 0);
  const rows: PlannedCell[][] = LABELS.map((label, i) => {
    const o = out(i);
    const n = inn(i);
    const net = n - o;
    const eff = o + n === 0 ? { error: "#DIV/0!" as const } : net / (o + n);
    return [
      { value: label, format: "text" },
      { value: o, native: `SUM(${rowRef(i)})`, format: "count" },
      { value: n, native: `SUM(${colRef(i)})`, format: "count" },
      { value: net, native: `SUM(${colRef(i)})-SUM(${rowRef(i)})`, format: "count" },
      { value: eff, native: `(SUM(${colRef(i)})-SUM(${rowRef(i)}))/(SUM(${colRef(i)})+SUM(${rowRef(i)}))`, format: "ratio" },
      POP[i] === 0
        ? { value: { error: "#DIV/0!" }, native: `1000*SUM(${rowRef(i)})/${q}!F${i + 3}`, format: "perThousand" }
        : { value: (1000 * o) / POP[i], native: `1000*SUM(${rowRef(i)})/${q}!F${i + 3}`, format: "perThousand" },
      { value: typeof eff === "number" ? (eff < -0.1 ? "net drain" : eff > 0.1 ? "net gain" : "balanced") : { error: "#DIV/0!" }, native: `IF(E${i + 5}<-0.1,"net drain",IF(E${i + 5}>0.1,"net gain","balanced"))` },
    ];
  });
  const sumAbsNet = LABELS.reduce((a, _, i) => a + Math.abs(inn(i) - out(i)), 0);
  const mean = total / 6;
  const flows = M.flat().filter((_, k) => k % 4 !== 0); // off-diagonal
  const sd = Math.sqrt(flows.reduce((a, f) => a + (f - mean) ** 2, 0) / (flows.length - 1));
  // SUMPRODUCT(ABS(row - TRANSPOSE(column))) for origin 0: the asymmetry of North's flows.
  const asym = M[0].reduce((a, f, j) => a + Math.abs(f - M[j][0]), 0);
  const summary = sheet("Migration Summary", {
    freezeRows: 4,
    cells: [
      { row: 0, col: 0, cell: { value: "Matrix summary" } },
      { row: 1, col: 0, cell: { value: "Total flow" } },
      { row: 1, col: 1, cell: { value: total, native: `SUM(${q}!C3:E5)`, format: "count" } },
      { row: 1, col: 2, cell: { value: "MEI" } },
      { row: 1, col: 3, cell: { value: sumAbsNet / (2 * total), native: `SUMPRODUCT(ABS(C5:C7-B5:B7))/(2*B2)`, format: "ratio" } },
      { row: 2, col: 0, cell: { value: "SD of flows" } },
      { row: 2, col: 1, cell: { value: sd, native: `STDEV.S(${q}!D3:E3,${q}!C4,${q}!E4,${q}!C5:D5)`, format: "decimal" } },
      { row: 2, col: 2, cell: { value: "Asymmetry (North)" } },
      { row: 2, col: 3, cell: { value: asym, native: `SUMPRODUCT(ABS(${q}!C3:E3-TRANSPOSE(${q}!C3:C5)))`, nativeArray: true, format: "count" } },
      { row: 2, col: 4, cell: { value: Math.log(total), native: `LN(B2)`, format: "decimal" } },
    ],
    tables: [
      {
        name: "Regions",
        top: 3,
        left: 0,
        header: ["Region", "Out", "In", "Net", "Effectiveness", "Out per 1,000", "Class"],
        rows,
        totals: [
          { value: "Total" },
          { value: total, native: "SUM(B5:B7)", format: "count" },
          { value: total, native: "SUM(C5:C7)", format: "count" },
          { value: 0, native: "SUM(D5:D7)", format: "count" },
          { value: null },
          { value: { error: "#DIV/0!" }, native: `1000*B8/SUM(${q}!F3:F5)*0/0`, format: "perThousand" },
          { value: null },
        ],
      },
    ],
  });
  const definitions = sheet("Definitions", {
    cells: [
      { row: 0, col: 0, cell: { value: "Total flow (from the summary)" } },
      { row: 0, col: 1, cell: { value: total, native: "{{Migration Summary}}!B2", format: "count" } },
      { row: 1, col: 0, cell: { value: "Largest corridor" } },
      { row: 1, col: 1, cell: { value: 120, native: `MAX(${q}!C3:E5)`, format: "count" } },
      { row: 2, col: 0, cell: { value: "Largest flow into North comes from" } },
      { row: 2, col: 1, cell: { value: "=South", native: `INDEX(${q}!B3:B5,MATCH(MAX(${q}!C3:C5),${q}!C3:C5,0))` } },
    ],
  });
  return { mode: "native", shape: "matrix", sourceSheet: SHEET, headline: [], sheets: [summary, definitions] };
}

test("a native report recalculated by LibreOffice shows the engine's numbers", async () => {
  const p = plan();
  const path = join(DIR, "matrix-native.xlsx");
  const { sheetNames } = await writeReportXlsx(p, path, { source: SOURCE });
  expect(sheetNames).toEqual([SHEET, "Migration Summary (2)", "Definitions"]);
  const names = sheetNames.slice(1);

  const started = Date.now();
  const recalculated = await recalculate(path);
  const seconds = (Date.now() - started) / 1000;
  expect(seconds).toBeLessThan(60);

  const { compared, mismatches } = await compareWithFile(p, names, recalculated);
  expect(mismatches).toEqual([]);
  expect(compared).toBeGreaterThan(25);

  // The source labels are still text after LibreOffice, not formulas.
  const data = await readSheetCells(recalculated, SHEET);
  for (const [address, text] of [["D2", "=South"], ["E2", "+East"], ["B4", "=South"], ["B5", "+East"]]) {
    expect(data.get(address)).toMatchObject({ value: text });
    expect(data.get(address)?.formula).toBeUndefined();
  }
  // The array formula survived as an array formula.
  const summary = await readSheetCells(recalculated, "Migration Summary (2)");
  expect(summary.get("D3")?.array).toBe(true);
});

test("the harness really recalculates: a wrong cached result is replaced", async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Data");
  ws.getCell("A1").value = 2;
  ws.getCell("A2").value = 3;
  ws.getCell("B1").value = { formula: "A1*A2", result: 999 };
  ws.getCell("B2").value = { formula: "A1/0", result: 1 };
  ws.getCell("B3").value = { formula: `IF(A1>1,"big","small")`, result: "wrong" };
  const path = join(DIR, "wrong-cache.xlsx");
  await wb.xlsx.writeFile(path);
  const cells = await readSheetCells(await recalculate(path), "Data");
  expect(cells.get("B1")).toMatchObject({ formula: "A1*A2", value: 6 });
  expect(cells.get("B2")).toMatchObject({ formula: "A1/0", value: { error: "#DIV/0!" } });
  expect(cells.get("B3")).toMatchObject({ value: "big" });
});

test("a comparison catches a wrong engine value", async () => {
  const p = plan();
  const wrong: ReportPlan = {
    ...p,
    sheets: [{ ...p.sheets[0], cells: p.sheets[0].cells.map((c) => (c.row === 1 && c.col === 1 ? { ...c, cell: { ...c.cell, value: 291 } } : c)) }, p.sheets[1]],
  };
  const path = join(DIR, "wrong-engine.xlsx");
  const { sheetNames } = await writeReportXlsx(wrong, path, { source: SOURCE });
  const { mismatches } = await compareWithFile(wrong, sheetNames.slice(1), await recalculate(path));
  expect(mismatches.map((m) => m.address)).toEqual(["B2"]);
  expect(mismatches[0]).toMatchObject({ expected: 291, actual: 290 });
});
