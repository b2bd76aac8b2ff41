/** The file checks in one call: schema-valid (ooxml-schema.ts) and within Excel's rules (excel-rules.ts). */
import { readdirSync } from "fs";
import { join } from "path";
import { excelRuleViolations } from "./excel-rules";
import { ensureXmllint, validateXlsx } from "./ooxml-schema";

/** Fails the test unless every file is schema-valid and keeps Excel's rules; returns how many parts were validated. */
export function expectExcelOpens(paths: readonly string[]): number {
  ensureXmllint();
  expect(paths.length).toBeGreaterThan(0);
  const result = validateXlsx(paths);
  console.log(`schema: ${result.reports} files, ${result.parts} XML parts, ${result.errors.length} schema errors`);
  expect(result.errors).toEqual([]);
  for (const p of paths) expect({ file: p, violations: excelRuleViolations(p) }).toEqual({ file: p, violations: [] });
  return result.parts;
}

/** The .xlsx files in a folder. */
export function xlsxIn(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".xlsx"))
    .map((f) => join(dir, f));
}
