/**
 * The .xlsx host draws the planned charts: a DrawingML bar chart anchored on the summary sheet,
 * its series and categories live references to the table's cells, its caches the values those
 * cells hold; LibreOffice opens it and keeps the chart and its references.
 */
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { engine } from "../../src/cli/engine";
import { readInput } from "../../src/cli/read-input";
import { writeReportXlsx } from "../../src/hosts/xlsx";
import { parseRange } from "../../src/report/address";
import { ReportPlan } from "../../src/report/types";
import { ensureLibreOffice, readSheetCells, recalculate } from "../support/libreoffice";
import { SAMPLES } from "../support/samples";
import { decodeXmlText, readZip, stringCells } from "../support/zip";

jest.setTimeout(180_000);
const DIR = mkdtempSync(join(tmpdir(), "xlsx-charts-"));
afterAll(() => rmSync(DIR, { recursive: true, force: true }));

async function ukReport(): Promise<{ path: string; sheetNames: string[]; plan: ReportPlan }> {
  const { block } = await readInput(join(SAMPLES, "uk-interregional-flows-2018.csv"));
  const plan = engine.plan(block, engine.detect(block), { mode: "native", source: "uk", now: new Date(0) });
  expect(plan.sheets.flatMap((s) => s.charts)).toHaveLength(1);
  const path = join(DIR, "uk.xlsx");
  const { sheetNames } = await writeReportXlsx(plan, path, { source: block });
  return { path, sheetNames, plan };
}

/** The `<c:f>` references of a chart part, and its cached points per reference. */
function chartRefs(xml: string): { f: string; points: string[] }[] {
  return [...xml.matchAll(/<c:f>([^<]*)<\/c:f>\s*<c:(?:str|num)Cache>([\s\S]*?)<\/c:(?:str|num)Cache>/g)].map((m) => ({
    f: decodeXmlText(m[1]),
    points: [...m[2].matchAll(/<c:pt idx="\d+"><c:v>([^<]*)<\/c:v><\/c:pt>/g)].map((p) => decodeXmlText(p[1])),
  }));
}

test("the summary sheet's bar chart reads the table's labels and values, and caches what they hold", async () => {
  const { path, plan } = await ukReport();
  const zip = readZip(path);
  const types = zip.get("[Content_Types].xml") ?? "";
  expect(types).toContain('PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"');
  expect(types).toContain('PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"');
  // Summary sheet → drawing → chart.
  const summaryRels = zip.get("xl/worksheets/_rels/sheet2.xml.rels") ?? "";
  const drawingId = /Id="(rId\d+)" Type="[^"]*\/drawing" Target="\.\.\/drawings\/drawing1\.xml"/.exec(summaryRels)?.[1];
  expect(drawingId).toBeDefined();
  expect(zip.get("xl/worksheets/sheet2.xml")).toContain(`<drawing r:id="${drawingId}"/>`);
  expect(zip.get("xl/drawings/_rels/drawing1.xml.rels")).toContain('Target="../charts/chart1.xml"');

  const chart = zip.get("xl/charts/chart1.xml") ?? "";
  expect(chart).toContain('<c:barDir val="bar"/>');
  expect(chart).toContain("<a:t>Net migration by region</a:t>");
  const [name, categories, values] = chartRefs(chart);
  for (const r of [name, categories, values]) expect(r.f).toMatch(/^'Migration Summary'!\$[A-Z]+\$\d+(:\$[A-Z]+\$\d+)?$/);
  const texts = stringCells(zip, "Migration Summary");
  const cellsOf = (f: string) => {
    const p = parseRange(f.split("!")[1].replace(/\$/g, ""))!;
    return Array.from({ length: p.bottom - p.top + 1 }, (_, i) => `${f.split("!")[1].replace(/\$/g, "").replace(/\d+.*$/, "")}${p.top + 1 + i}`);
  };
  expect(name.points).toEqual(cellsOf(name.f).map((a) => texts.get(a)));
  expect(categories.points).toHaveLength(12);
  expect(categories.points).toEqual(cellsOf(categories.f).map((a) => texts.get(a)));
  expect(categories.points).toContain("London");
  const summary = await readSheetCells(path, "Migration Summary");
  expect(values.points.map(Number)).toEqual(cellsOf(values.f).map((a) => summary.get(a)?.value));
  // Anchored over exactly the planned cells: from its top-left cell to the cell just past its bottom-right.
  const planned = plan.sheets[0].charts[0];
  const anchor = /<xdr:from><xdr:col>(\d+)<\/xdr:col><xdr:colOff>0<\/xdr:colOff><xdr:row>(\d+)<\/xdr:row>[\s\S]*?<xdr:to><xdr:col>(\d+)<\/xdr:col><xdr:colOff>0<\/xdr:colOff><xdr:row>(\d+)<\/xdr:row>/.exec(zip.get("xl/drawings/drawing1.xml") ?? "");
  expect(anchor?.slice(1).map(Number)).toEqual([planned.left, planned.top, planned.left + planned.cols, planned.top + planned.rows]);
  // Sheets without a chart have no drawing.
  expect(zip.get("xl/worksheets/sheet1.xml")).not.toContain("<drawing");
});

test("LibreOffice opens the chart and keeps its references", async () => {
  ensureLibreOffice();
  const { path } = await ukReport();
  const before = chartRefs(readZip(path).get("xl/charts/chart1.xml") ?? "").map((r) => r.f);
  const again = readZip(await recalculate(path));
  const charts = [...again.keys()].filter((k) => /^xl\/charts\/chart\d+\.xml$/.test(k));
  expect(charts).toHaveLength(1);
  expect(chartRefs(again.get(charts[0]) ?? "").map((r) => r.f)).toEqual(before);
});

test("the report no longer says the file has no chart", async () => {
  const { path, sheetNames } = await ukReport();
  const texts = [...stringCells(readZip(path), sheetNames[sheetNames.length - 1]).values()].join("\n");
  expect(texts).not.toMatch(/no chart/i);
});
