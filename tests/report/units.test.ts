import { applyOverrides, detect } from "../../src/report/detect";
import { planReport } from "../../src/report/plan";
import { isRefusal } from "../../src/report/refusal";
import type { CellValue, PlannedCell, ReportPlan, SourceBlock } from "../../src/report/types";
import { unitOfHeader } from "../../src/report/units";

const NOW = new Date(Date.UTC(2026, 0, 1));
const block = (values: CellValue[][]): SourceBlock => ({ sheet: "Data", top: 0, left: 0, values, provenance: "test" });
const plan = (values: CellValue[][]): ReportPlan => {
  const b = block(values);
  return planReport(b, detect(b), { mode: "native", now: NOW });
};
const summary = (p: ReportPlan) => p.sheets[0].tables[0];
const column = (p: ReportPlan, header: string): PlannedCell[] => {
  const t = summary(p);
  const k = t.header.indexOf(header);
  if (k < 0) throw new Error(`no column ${header} in ${t.header.join(", ")}`);
  return t.rows.map((r) => r[k]);
};
const definitions = (p: ReportPlan): string[] => p.sheets[p.sheets.length - 1].cells.map((c) => String(c.cell.value));
const refusalOf = (f: () => unknown): { code: string; message: string } => {
  try {
    f();
  } catch (e) {
    if (isRefusal(e)) return { code: e.code, message: e.message };
    throw e;
  }
  throw new Error("not refused");
};

test.each([
  ["Total population (thousands)", "thousands", 1000],
  ["Population, in thousands", "thousands", 1000],
  ["Population ('000)", "thousands", 1000],
  ["Population (000)", "thousands", 1000],
  ["Population 000s", "thousands", 1000],
  ["Migrant stock (millions)", "millions", 1e6],
  ["Emigration rate (%)", "percent", 0.01],
  ["Emigration rate, per cent", "percent", 0.01],
  ["Net migration per 1,000 population", "perThousand", 0.001],
  ["Net migration per 1000", "perThousand", 0.001],
  ["Deaths per 100,000", "perHundredThousand", 1e-5],
])("the header %j states %s", (header, name, factor) => {
  expect(unitOfHeader(header)).toEqual({ name, factor });
});

test.each([["Population"], ["Immigrants 2020"], ["Location code"], ["Region, country or area"], ["Stock 1000 Oaks"]])("the header %j states no unit", (header) => {
  expect(unitOfHeader(header)).toBeUndefined();
});

test("a population in thousands beside a migrant stock in persons: the share is stock ÷ (population × 1,000), in the formulas too, and the note names the column", () => {
  const p = plan([
    ["Country", "International migrant stock", "Total population (thousands)"],
    ["Austria", 1_797_667, 9_006],
    ["Germany", 15_762_457, 83_784],
  ]);
  const share = column(p, "Immigrants as share of population");
  expect(share.map((c) => c.value)).toEqual([1_797_667 / (9_006 * 1000), 15_762_457 / (83_784 * 1000)]);
  expect(share[0].native).toContain("('Data'!C2*1000)");
  expect(share[0].native).toContain("ISBLANK('Data'!C2)");
  expect(share[0].addin).toBe("MIGRATION.INTENSITY('Data'!B2,IF(ISNUMBER('Data'!C2),'Data'!C2*1000,'Data'!C2))");
  const pop = column(p, "Population");
  expect(pop.map((c) => c.value)).toEqual([9_006_000, 83_784_000]);
  expect(pop[0].native).toBe("'Data'!C2*1000");
  expect(definitions(p)).toContain("Column C 'Total population (thousands)' is in thousands (as its header says): its values are multiplied by 1,000 to count people, in the report's numbers and in its formulas.");
});

test("the same table without a unit in the header is read as persons (no factor, no note)", () => {
  const p = plan([
    ["Country", "International migrant stock", "Total population"],
    ["Austria", 1_797_667, 9_006_000],
    ["Germany", 15_762_457, 83_784_000],
  ]);
  expect(column(p, "Immigrants as share of population")[0].native).not.toContain("*1000");
  expect(definitions(p).some((l) => l.includes("as its header says"))).toBe(false);
});

test("emigration rates in per cent are divided by 100 before the selection ratio", () => {
  const p = plan([
    ["Country", "Skilled emigration rate (%)", "Total emigration rate (%)"],
    ["A", 20, 5],
    ["B", 9, 3],
  ]);
  const skilled = column(p, "Skilled emigration rate");
  expect(skilled.map((c) => c.value)).toEqual([20 * 0.01, 9 * 0.01]);
  const ratio = column(p, "Selection ratio (skilled ÷ total emigration rate)");
  expect(ratio.map((c) => c.value)).toEqual([(20 * 0.01) / (5 * 0.01), (9 * 0.01) / (3 * 0.01)]);
  expect(ratio[0].native).toContain("('Data'!B2*0.01)<=1");
});

test("a rate column holding percentages without saying so is refused, naming the column, the largest value and what to do", () => {
  const r = refusalOf(() =>
    plan([
      ["Country", "Skilled emigration rate", "Total emigration rate"],
      ["A", 0.5, 5],
      ["B", 9, 3],
    ]),
  );
  expect(r.code).toBe("rateLooksPercent");
  expect(r.message).toMatch(/^Column B 'Skilled emigration rate' is used as Skilled emigration rate, a rate between 0 and 1, but holds values up to 9 \(B3\).*add "\(%\)" to its header.*--map skilledRate=COLUMN/);
});

test("a percentage mapped as a count of people is refused, naming the column and the option", () => {
  const values: CellValue[][] = [
    ["Country", "Immigrants", "Emigrants (%)"],
    ["A", 100, 5],
    ["B", 200, 3],
  ];
  const b = block(values);
  const d = applyOverrides(b, detect(b), { shape: "table", map: { region: 0, immigrants: 1, emigrants: 2 } });
  const r = refusalOf(() => planReport(b, d, { mode: "native", now: NOW }));
  expect(r.code).toBe("unitMismatch");
  expect(r.message).toMatch(/^Column C 'Emigrants \(%\)' is a percentage, but it is used as Emigrants, which must be a number of people: .*--map emigrants=\)/);
});

test("a long list whose flows are in thousands says so on the Definitions sheet; the flows are not scaled", () => {
  const p = plan([
    ["origin", "destination", "flow (thousands)"],
    ["A", "B", 10],
    ["B", "A", 4],
    ["A", "C", 3],
    ["C", "B", 2],
  ]);
  expect(p.headline.find((h) => h.code === "totalFlows")?.value).toBe(19);
  expect(definitions(p)).toContain("Column C 'flow (thousands)' is in thousands (as its header says): the report's flows and totals are in that unit too; the indices do not depend on it.");
});
