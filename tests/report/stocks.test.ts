/**
 * Estimated flows from a long list of migrant stocks for two years:
 * values by hand, the sheets and method stated (LibreOffice computing the live formulas:
 * tests/hosts/stocks-libreoffice.test.ts).
 */
import { stockList } from "../support/stocks";
import { mkdtempSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { detect } from "../../src/report/detect";
import { planReport } from "../../src/report/plan";
import { CellValue, ReportPlan } from "../../src/report/types";

const values: CellValue[][] = stockList(); // tests/support/stocks.ts has the changes and the flows by hand
const block = { sheet: "Stocks", top: 0, left: 0, values, provenance: "stocks test" };

function estimated(plan: ReportPlan): unknown[][] {
  const sheet = plan.sheets.find((s) => s.name === "Estimated Flows")!;
  return sheet.tables[0].rows.map((r) => r.map((c) => c.value));
}

test("method zero: rises in stocks are flows, falls are none", () => {
  const plan = planReport(block, detect(block), { mode: "native", now: new Date(0), stocks: "zero" });
  expect(plan.sheets.map((s) => s.name)).toEqual(["Migration Summary", "Stocks 2010", "Stocks 2015", "Estimated Flows", "Corridors", "Definitions"]);
  expect(estimated(plan)).toEqual([
    ["A", 0, 30, 0],
    ["B", 0, 0, 15],
    ["C", 0, 20, 0],
  ]);
  const definitions = plan.sheets.find((s) => s.name === "Definitions")!;
  const text = JSON.stringify(definitions);
  expect(text).toContain("MIGRATION.FLOWSFROMSTOCKS");
  expect(text).toMatch(/method \\"zero\\"/);
});

test("method return: a fall in the stock born in i living in j is a return flow from j to i", () => {
  const plan = planReport(block, detect(block), { mode: "native", now: new Date(0), stocks: "return" });
  expect(estimated(plan)).toEqual([
    ["A", 0, 30, 5],
    ["B", 0, 0, 15],
    ["C", 10, 20, 0],
  ]);
  expect(plan.headline[0]).toEqual({ code: "estimatedFlows", value: { first: "2010", last: "2015", method: "return" } });
});

test("stocks for one year cannot give flows", () => {
  const oneYear = { ...block, values: values.slice(0, 7) };
  expect(() => planReport(oneYear, detect(oneYear), { mode: "native", now: new Date(0), stocks: "zero" })).toThrow(/two years/);
});

test("the command line: --stocks return writes the Estimated Flows sheet; a bad method is a usage error", async () => {
  const { run } = await import("../../src/cli/main");
  const dir = mkdtempSync(join(tmpdir(), "stocks-cli-"));
  const csv = join(dir, "stocks.csv");
  require("fs").writeFileSync(csv, values.map((r) => r.join(",")).join("\n"));
  const out: string[] = [];
  const io = { stdout: (l: string) => out.push(l), stderr: (l: string) => out.push(l), now: () => new Date(0) };
  expect(await run([csv, "--stocks", "return", "-o", join(dir, "r.xlsx"), "--quiet"], io)).toBe(0);
  expect(out.join("\n")).toMatch(/Estimated Flows/);
  expect(out.join("\n")).toMatch(/estimated flows: 2010–2015, method return/);
  expect(await run([csv, "--stocks", "sideways", "-o", join(dir, "s.xlsx")], io)).toBe(2);
  expect(out.join("\n")).toMatch(/unknown --stocks method 'sideways'/);
});
