/**
 * Fuzzing the .xlsx writer with awkward sheet names and labels (quotes, braces, brackets, &<>,
 * leading =+-@, control characters, 300-character and non-Latin text; tests/support/awkward-text.ts),
 * fixed seeds: every file is valid against the ECMA-376 schemas and keeps Excel's rules, and
 * every label arrives as text. Through a hand-made plan (every sheet, table, chart and formula
 * kind the writer has) and through the engine (a flow list between awkward regions).
 * `FUZZ_SEED=$RANDOM FUZZ_RUNS=500 npx jest tests/hosts/xlsx-fuzz` explores other seeds (not part of npm test).
 */
import fc from "fast-check";
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { engine } from "../../src/cli/engine";
import { uniqueSheetName } from "../../src/hosts/common";
import { wellFormed } from "../../src/hosts/ooxml";
import { writeReportXlsx } from "../../src/hosts/xlsx";
import { onSheet, reportSheet } from "../../src/report/address";
import type { CellValue, PlannedCell, ReportPlan, SharingMode } from "../../src/report/types";
import { awkwardText, formulaLike } from "../support/awkward-text";
import { excelRuleViolations } from "../support/excel-rules";
import { ensureXmllint, validateXlsx } from "../support/ooxml-schema";
import { readZip, stringCells } from "../support/zip";

jest.setTimeout(600_000);
const DIR = mkdtempSync(join(tmpdir(), "xlsx-fuzz-"));
afterAll(() => rmSync(DIR, { recursive: true, force: true }));

/** Seed and runs: fixed for npm test; FUZZ_SEED / FUZZ_RUNS for exploration. */
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : 20_261_205;
const RUNS = process.env.FUZZ_RUNS ? Number(process.env.FUZZ_RUNS) : 60;
let n = 0;

const mode = fc.constantFrom<SharingMode>("native", "addin", "values");
const label = fc.oneof(awkwardText, formulaLike);

/** Every file written, with what it was written from (shown when the batch validation fails). */
const written = new Map<string, string>();

test("hand-made plans with awkward sheet names and labels: valid files, labels as text", async () => {
  const input = fc.record({
    source: awkwardText,
    sheets: fc.array(awkwardText, { minLength: 2, maxLength: 3 }),
    labels: fc.uniqueArray(label, { minLength: 2, maxLength: 4, selector: (s) => s.replace(/\s+/g, " ").trim().toLowerCase() }),
    title: awkwardText,
    mode,
  });
  await fc.assert(
    fc.asyncProperty(input, async ({ source: wanted, sheets, labels, title, mode }) => {
      const source = uniqueSheetName(wellFormed(wanted), []);
      const src = (r: number, c: string) => onSheet(source, `${c}${r}`);
      const rows: PlannedCell[][] = labels.map((l, i) => [
        { value: l, format: "text" },
        { value: i + 1, native: `${src(2, String.fromCharCode(65 + i))}*1`, addin: `MIGRATION.NET(${src(2, String.fromCharCode(65 + i))},0)`, format: "count" },
        { value: 0, native: `${reportSheet(sheets[1], "A1")}*0`, addin: `${reportSheet(sheets[1], "A1")}*0` },
      ]);
      const plan: ReportPlan = {
        mode,
        shape: "long",
        sourceSheet: source,
        headline: [],
        sheets: [
          {
            name: sheets[0],
            freezeRows: 1,
            widths: [],
            cells: [{ row: 0, col: 0, cell: { value: title } }, ...labels.map((l, k) => ({ row: 1, col: k, cell: { value: l } }))],
            tables: [{ name: labels[0], top: 3, left: 0, header: [labels[1], labels[0], `${labels[0]} `], rows, totals: [{ value: "Total" }, { value: labels.length, native: "SUM(B5:B9)", format: "count" }] }],
            charts: [{ kind: "bar", title, table: labels[0], categoryColumn: labels[1], valueColumn: labels[0], top: 3, left: 5, rows: 15, cols: 7 }],
          },
          ...sheets.slice(1).map((name) => ({ name, freezeRows: 0, widths: [], tables: [], charts: [], cells: [{ row: 0, col: 0, cell: { value: 7, native: src(2, "A") } }] })),
        ],
      };
      const values: CellValue[][] = [labels, labels.map((_, i) => i + 1)];
      const path = join(DIR, `plan-${++n}.xlsx`);
      await writeReportXlsx(plan, path, { source: { sheet: source, top: 0, left: 0, values } });
      written.set(path, JSON.stringify({ source, sheets, labels, title, mode }));
      expect(excelRuleViolations(path)).toEqual([]);
      // Labels arrive as text, never as formulas, in the source copy and on the report.
      const zip = readZip(path);
      const texts = stringCells(zip, source);
      // (A lone surrogate cannot be stored in UTF-8: it arrives as U+FFFD, as Buffer.from makes it;
      // an empty label is a blank cell.)
      labels.forEach((l, k) => expect(texts.get(`${String.fromCharCode(65 + k)}1`)).toBe(l === "" ? undefined : Buffer.from(l, "utf8").toString("utf8")));
    }),
    { seed: SEED, numRuns: RUNS },
  );
});

test("flow lists between awkward regions through the engine: valid files", async () => {
  let reports = 0;
  const input = fc.record({ sheet: awkwardText, regions: fc.uniqueArray(awkwardText.filter((s) => s.trim() !== ""), { minLength: 3, maxLength: 4, selector: (s) => s.trim().toLowerCase() }), mode });
  await fc.assert(
    fc.asyncProperty(input, async ({ sheet: wanted, regions, mode }) => {
      const sheet = uniqueSheetName(wellFormed(wanted), []);
      const values: CellValue[][] = [["origin", "destination", "flow"]];
      regions.forEach((o, i) => regions.forEach((d, j) => i !== j && values.push([o, d, 10 + i * 3 + j])));
      const block = { sheet, top: 0, left: 0, values, provenance: "fuzz" };
      let detection = engine.detect(block);
      if (detection.shape !== "long") detection = engine.applyOverrides(block, detection, { shape: "long" });
      let plan: ReportPlan;
      try {
        plan = engine.plan(block, detection, { mode, source: "fuzz", now: new Date(0) });
      } catch {
        return; // the engine refused the data (it names the cells); nothing is written
      }
      const path = join(DIR, `engine-${++n}.xlsx`);
      await writeReportXlsx(plan, path, { source: block });
      written.set(path, JSON.stringify({ sheet, regions, mode }));
      reports++;
      expect(excelRuleViolations(path)).toEqual([]);
    }),
    { seed: SEED + 1, numRuns: Math.ceil(RUNS / 2) },
  );
  expect(reports).toBeGreaterThan(RUNS / 4);
});

test("every file the properties wrote is valid against the ECMA-376 Transitional schemas", () => {
  ensureXmllint();
  const result = validateXlsx([...written.keys()]);
  const failing = result.errors.map((e) => `${e}\n  from ${written.get(join(DIR, e.split(":")[0]))}`);
  console.log(`fuzz: ${result.reports} files, ${result.parts} XML parts, ${result.errors.length} schema errors (seed ${SEED})`);
  expect(result.reports).toBeGreaterThan(RUNS);
  expect(failing).toEqual([]);
});
