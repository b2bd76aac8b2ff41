import { detect } from "../../src/report/detect";
import type { CellValue, SourceBlock } from "../../src/report/types";

const HEADER = ["DATAFLOW", "LAST UPDATE", "freq", "unit", "sex", "partner", "geo", "TIME_PERIOD", "OBS_VALUE", "OBS_FLAG"];
function download(dataflow: string): SourceBlock {
  const values: CellValue[][] = [HEADER];
  for (const [partner, geo, v] of [["FR", "DE", 10], ["AT", "DE", 4], ["DE", "FR", 7], ["AT", "FR", 2], ["DE", "AT", 3], ["FR", "AT", 1]] as const)
    values.push([dataflow, "07/03/24 23:00:00", "A", "NR", "T", partner, geo, 2022, v, ""]);
  return { sheet: "Data", top: 0, left: 0, values, provenance: "test" };
}
/** Whether detection took partner and geo as the two ends of the flows, in either direction. */
const pairedCountries = (r: Record<string, string>) => [r.origin, r.destination].sort().join(",") === "geo,partner";
const roles = (b: SourceBlock) => Object.fromEntries(detect(b).columns.filter((c) => c.role !== null).map((c) => [c.role, c.header]));

test("immigration by previous residence and mobile students by origin: partner is the origin, geo (the reporting country) the destination", () => {
  for (const flow of ["ESTAT:MIGR_IMM5PRV(1.0)", "ESTAT:EDUC_UOE_MOBS02(1.0)"]) {
    const d = detect(download(flow));
    expect(d.shape).toBe("long");
    expect(roles(download(flow))).toMatchObject({ origin: "partner", destination: "geo", flow: "OBS_VALUE" });
  }
});

test("emigration by next residence: geo is the origin, partner the destination", () => {
  expect(roles(download("ESTAT:MIGR_EMI3NXT(1.0)"))).toMatchObject({ origin: "geo", destination: "partner", flow: "OBS_VALUE" });
});

test("a data set whose direction is not known (shares of mobile students): origin and destination are not taken from the dataflow", () => {
  expect(pairedCountries(roles(download("ESTAT:EDUC_UOE_MOBS03(1.0)")))).toBe(false);
});

test("SDMX-CSV 2.0 (STRUCTURE, STRUCTURE_ID, ACTION): the data set is read from STRUCTURE_ID", () => {
  const v1 = download("ESTAT:MIGR_EMI3NXT(1.0)");
  const values = v1.values.map((row, k) => (k === 0 ? ["STRUCTURE", "STRUCTURE_ID", "ACTION", ...row.slice(1)] : ["dataflow", row[0], "I", ...row.slice(1)]));
  expect(roles({ ...v1, values })).toMatchObject({ origin: "geo", destination: "partner", flow: "OBS_VALUE" });
});

test("a labelled download (codes with their names) or several data sets in one file: not taken from the dataflow", () => {
  const labelled = download("ESTAT:MIGR_EMI3NXT(1.0): Emigration by age group, sex and country of next usual residence");
  expect(pairedCountries(roles(labelled))).toBe(false);
  const mixed = download("ESTAT:MIGR_EMI3NXT(1.0)");
  const values = mixed.values.map((row, k) => (k === 1 ? ["ESTAT:MIGR_IMM5PRV(1.0)", ...row.slice(1)] : row));
  expect(pairedCountries(roles({ ...mixed, values }))).toBe(false);
});
