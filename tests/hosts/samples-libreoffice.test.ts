/**
 * Every bundled sample, read as the CLI reads it, planned in native mode, written by the .xlsx
 * host, recalculated by LibreOffice headless: every formula cell equals the engine's value
 * (relative tolerance 1e-9).
 */
import { mkdtempSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { engine } from "../../src/cli/engine";
import { readInput } from "../../src/cli/read-input";
import { writeReportXlsx } from "../../src/hosts/xlsx";
import { compareWithFile } from "../support/compare-plan";
import { ensureLibreOffice, recalculate } from "../support/libreoffice";
import { SAMPLES } from "../support/samples";

jest.setTimeout(300_000);

const DIR = mkdtempSync(join(tmpdir(), "lo-samples-"));

beforeAll(() => {
  ensureLibreOffice();
});

const compared: number[] = [];
afterAll(() => console.log(`LibreOffice on the samples: ${compared.length} reports, ${compared.reduce((a, b) => a + b, 0)} formula cells compared, all equal`));

test.each([
  ["erasmus-student-mobility-2012-13.csv", "matrix"],
  ["iab-emigration-rates-1980-2010.csv", "table"],
  ["uk-interregional-flows-2018.csv", "long"],
  ["undesa-migrant-stock-totals-1990-2020.csv", "table"],
])("%s: LibreOffice computes the engine's numbers", async (file, shape) => {
  const { block } = await readInput(join(SAMPLES, file));
  const detection = engine.detect(block);
  expect(detection.shape).toBe(shape);
  const plan = engine.plan(block, detection, { mode: "native", source: file, now: new Date("2024-01-01T00:00:00Z") });
  const path = join(DIR, file.replace(/\.csv$/, ".xlsx"));
  const { sheetNames } = await writeReportXlsx(plan, path, { source: block });
  expect(sheetNames[0]).toBe(block.sheet);
  expect(sheetNames).toHaveLength(plan.sheets.length + 1);
  const result = await compareWithFile(plan, sheetNames.slice(1), await recalculate(path));
  expect(result.mismatches.slice(0, 10)).toEqual([]);
  expect(result.compared).toBeGreaterThan(50);
  compared.push(result.compared);
});
