/**
 * The .xlsx host draws the Trends sheet's line chart: a DrawingML line chart with a series per
 * figure (the circulation index and the MEI), each a live reference to its column of the Trends
 * table with the periods as categories and the engine's values cached, and a legend; the report
 * is valid against the ECMA-376 schemas and keeps Excel's rules beyond them.
 */
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { writeReportXlsx } from "../../src/hosts/xlsx";
import { applyOverrides, detect } from "../../src/report/detect";
import { planReport } from "../../src/report/plan";
import { excelRuleViolations } from "../support/excel-rules";
import { ensureXmllint, validateXlsx } from "../support/ooxml-schema";
import { flowPanel } from "../support/panels";
import { decodeXmlText, readZip } from "../support/zip";

jest.setTimeout(120_000);
const DIR = mkdtempSync(join(tmpdir(), "xlsx-line-"));
afterAll(() => rmSync(DIR, { recursive: true, force: true }));

test("the Trends chart is a line chart of two live series with a legend, in a valid file", async () => {
  const block = flowPanel();
  const plan = planReport(block, applyOverrides(block, detect(block), { map: { year: "period" } }), { mode: "native", now: new Date(0), hostDrawsCharts: true });
  const path = join(DIR, "panel.xlsx");
  const { sheetNames } = await writeReportXlsx(plan, path, { source: block });
  const zip = readZip(path);
  const trends = sheetNames.indexOf("Trends") + 1;
  const rels = zip.get(`xl/worksheets/_rels/sheet${trends}.xml.rels`) ?? "";
  const drawing = /Target="\.\.\/drawings\/(drawing\d+)\.xml"/.exec(rels)![1];
  const chartPart = /Target="\.\.\/charts\/(chart\d+)\.xml"/.exec(zip.get(`xl/drawings/_rels/${drawing}.xml.rels`) ?? "")![1];
  const xml = zip.get(`xl/charts/${chartPart}.xml`) ?? "";
  expect(xml).toContain('<c:lineChart><c:grouping val="standard"/>');
  expect(xml).not.toContain("<c:barChart>");
  expect(xml).toContain('<c:legend><c:legendPos val="b"/>');
  const series = [...xml.matchAll(/<c:ser>([\s\S]*?)<\/c:ser>/g)].map((m) => ({
    refs: [...m[1].matchAll(/<c:f>([^<]*)<\/c:f>/g)].map((f) => decodeXmlText(f[1])),
    values: [...(/<c:numCache>([\s\S]*?)<\/c:numCache>/.exec(m[1])?.[1] ?? "").matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((v) => Number(v[1])),
  }));
  // Trends table: header in row 4, periods in A5:A7, the circulation index in E, the MEI in D.
  expect(series.map((s) => s.refs)).toEqual([
    ["'Trends'!$E$4", "'Trends'!$A$5:$A$7", "'Trends'!$E$5:$E$7"],
    ["'Trends'!$D$4", "'Trends'!$A$5:$A$7", "'Trends'!$D$5:$D$7"],
  ]);
  [1 - 200 / 520, 1 - 40 / 440, 1 - 250 / 370].forEach((x, k) => expect(series[0].values[k]).toBeCloseTo(x, 12));
  [160 / 520, 40 / 440, 210 / 370].forEach((x, k) => expect(series[1].values[k]).toBeCloseTo(x, 12));

  ensureXmllint();
  expect(validateXlsx([path]).errors).toEqual([]);
  expect(excelRuleViolations(path)).toEqual([]);
});
