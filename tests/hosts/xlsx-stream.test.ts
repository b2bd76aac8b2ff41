/**
 * The streaming writer (large reports) writes the same numbers and formulas as the in-memory
 * one: samples streamed and recalculated in LibreOffice equal the engine's values; labels stay
 * text; the file never exists half-written.
 */
import { existsSync, mkdtempSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { engine } from "../../src/cli/engine";
import { readInput } from "../../src/cli/read-input";
import { cellCount, STREAM_THRESHOLD_CELLS, streamReportXlsx } from "../../src/hosts/xlsx-stream";
import { compareWithFile } from "../support/compare-plan";
import { ensureLibreOffice, recalculate } from "../support/libreoffice";
import { SAMPLES } from "../support/samples";
import { cellXml, readZip, sheetXml } from "../support/zip";

jest.setTimeout(300_000);
const DIR = mkdtempSync(join(tmpdir(), "lo-stream-"));

beforeAll(() => {
  ensureLibreOffice();
});

test.each(["erasmus-student-mobility-2012-13.csv", "uk-interregional-flows-2018.csv", "iab-emigration-rates-1980-2010.csv"])("%s streamed: LibreOffice computes the engine's numbers", async (file) => {
  const { block } = await readInput(join(SAMPLES, file));
  const plan = engine.plan(block, engine.detect(block), { mode: "native", source: file, now: new Date(0) });
  const path = join(DIR, file.replace(/\.csv$/, ".xlsx"));
  const { sheetNames } = await streamReportXlsx(plan, path, { source: block });
  const { compared, mismatches } = await compareWithFile(plan, sheetNames.slice(1), await recalculate(path));
  expect(mismatches.slice(0, 10)).toEqual([]);
  expect(compared).toBeGreaterThan(50);
});

test("labels that look like formulas are written as text, not formulas", async () => {
  const values = [["orig", "dest", "flow"], ["=SUM(A1)", "@x", 5], ["@x", "=SUM(A1)", 3]];
  const block = { sheet: "Data", top: 0, left: 0, values, provenance: "t" };
  const plan = engine.plan(block, engine.detect(block), { mode: "native", source: "t", now: new Date(0) });
  const path = join(DIR, "labels.xlsx");
  await streamReportXlsx(plan, path, { source: block });
  const zip = readZip(path);
  const data = sheetXml(zip, "Data");
  expect(cellXml(data, "A2")).not.toMatch(/<f>/);
  expect(cellXml(data, "A2")).toMatch(/=SUM\(A1\)/);
  const summary = sheetXml(zip, "Migration Summary");
  const labelCells = [15, 16].map((r) => cellXml(summary, `A${r}`) ?? "");
  labelCells.forEach((x) => expect(x).not.toMatch(/<f>/));
  expect(labelCells.join(" ")).toMatch(/=SUM\(A1\)/);
});

test("an invalid source sheet name fails before anything is written", async () => {
  const { block } = await readInput(join(SAMPLES, "erasmus-student-mobility-2012-13.csv"));
  const plan = engine.plan(block, engine.detect(block), { mode: "native", source: "x", now: new Date(0) });
  const path = join(DIR, "bad.xlsx");
  await expect(streamReportXlsx(plan, path, { source: { ...block, sheet: "bad:name" } })).rejects.toThrow(/not a valid sheet name/);
  expect(existsSync(path)).toBe(false);
  expect(existsSync(`${path}.${process.pid}.partial`)).toBe(false);
});

test("the CLI streams only large reports", async () => {
  const { block } = await readInput(join(SAMPLES, "iab-emigration-rates-1980-2010.csv"));
  const plan = engine.plan(block, engine.detect(block), { mode: "native", source: "x", now: new Date(0) });
  expect(cellCount(plan, block)).toBeLessThan(STREAM_THRESHOLD_CELLS);
});
