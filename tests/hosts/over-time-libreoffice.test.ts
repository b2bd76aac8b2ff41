/**
 * The Trends and Trajectories sheets recalculated by LibreOffice headless: every formula cell of
 * the reports of a flow panel (three five-year periods) and of the IAB brain-drain panel (seven
 * years) equals the engine's value; the Trends chart of the flow panel is rendered to
 * test-artifacts/trends-chart-libreoffice.png for a person to look at.
 */
import { spawnSync } from "child_process";
import { mkdirSync, mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { engine } from "../../src/cli/engine";
import { readInput } from "../../src/cli/read-input";
import { writeReportXlsx } from "../../src/hosts/xlsx";
import type { ReportPlan, SourceBlock } from "../../src/report/types";
import { ensurePoppler } from "../support/apt";
import { compareWithFile, plannedFormulaCells } from "../support/compare-plan";
import { ensureLibreOffice, recalculate } from "../support/libreoffice";
import { flowPanel } from "../support/panels";
import { SAMPLES } from "../support/samples";

jest.setTimeout(300_000);

const DIR = mkdtempSync(join(tmpdir(), "lo-over-time-"));
const ARTIFACTS = join(__dirname, "..", "..", "test-artifacts");
const now = new Date("2024-01-01T00:00:00Z");

beforeAll(() => {
  ensureLibreOffice();
});
afterAll(() => rmSync(DIR, { recursive: true, force: true }));

/** Every planned formula of the report (the new sheets' included) compared with LibreOffice's result. */
async function recalculated(plan: ReportPlan, block: SourceBlock, name: string): Promise<{ compared: number; mismatches: unknown[]; onNewSheets: number }> {
  const path = join(DIR, `${name}.xlsx`);
  const { sheetNames } = await writeReportXlsx(plan, path, { source: block });
  const result = await compareWithFile(plan, sheetNames.slice(1), await recalculate(path));
  const onNewSheets = plannedFormulaCells(plan, sheetNames.slice(1)).filter((c) => /^(Trends|Trajectories|Period Flows)$/.test(c.sheet)).length;
  return { ...result, onNewSheets };
}

it("LibreOffice computes the flow panel's Trends, Trajectories and Period Flows as the engine does", async () => {
  const block = flowPanel();
  const detection = engine.applyOverrides(block, engine.detect(block), { map: { year: "period" } });
  for (const mode of ["native", "addin"] as const) {
    const plan = engine.plan(block, detection, { mode, source: "flow panel", now });
    expect(plan.sheets.map((s) => s.name)).toEqual(["Migration Summary", "Trends", "Trajectories", "Flow Matrix", "Corridors", "Period Flows", "Definitions"]);
    if (mode === "addin") continue; // add-in functions do not calculate in LibreOffice; the native mode is the one compared
    const result = await recalculated(plan, block, `flow-panel-${mode}`);
    expect(result.mismatches).toEqual([]);
    // 3 periods × (9 matrix cells + 15 region totals) on Period Flows, 3 × 5 on Trends (the Gini is a value), 3 × 6 on Trajectories
    expect(result.onNewSheets).toBe(3 * 24 + 15 + 18);
  }
});

it("LibreOffice computes the IAB panel's Trends and Trajectories as the engine does", async () => {
  const file = "iab-emigration-rates-1980-2010.csv";
  const { block } = await readInput(join(SAMPLES, file));
  const plan = engine.plan(block, engine.detect(block), { mode: "native", source: file, now });
  expect(plan.sheets.map((s) => s.name).slice(0, 3)).toEqual(["Migration Summary", "Trends", "Trajectories"]);
  const result = await recalculated(plan, block, "iab");
  expect(result.mismatches.slice(0, 10)).toEqual([]);
  // 7 years × (rows, median total and skilled emigration rates, median selection ratio) on Trends;
  // 585 country–gender rows (World left out) × (2 rates, change, direction) on Trajectories
  expect(result.onNewSheets).toBe(7 * 4 + 585 * 4);
});

it("LibreOffice draws the flow panel's Trends chart (rendered to test-artifacts/trends-chart-libreoffice.png)", async () => {
  const soffice = ensureLibreOffice();
  ensurePoppler();
  const block = flowPanel();
  const detection = engine.applyOverrides(block, engine.detect(block), { map: { year: "period" } });
  const full = engine.plan(block, detection, { mode: "native", source: "flow panel", now });
  // The Trends sheet alone, so that its page is the PDF's first.
  const plan: ReportPlan = { ...full, sheets: full.sheets.filter((s) => s.name === "Trends" || s.name === "Period Flows") };
  const xlsx = join(DIR, "trends.xlsx");
  await writeReportXlsx(plan, xlsx, { now });
  const profile = join(DIR, "profile");
  mkdirSync(profile, { recursive: true });
  const conv = spawnSync(soffice, [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", "pdf", "--outdir", DIR, xlsx], { encoding: "utf8", timeout: 180_000 });
  expect(conv.status).toBe(0);
  const pdf = join(DIR, "trends.pdf");
  const pageText = (p: number) => spawnSync("pdftotext", ["-f", String(p), "-l", String(p), pdf, "-"], { encoding: "utf8" }).stdout;
  expect(pageText(1)).toContain("Key figures of the flows in each period");
  // The chart prints on the page of its anchor, right of the table: the page that carries its title.
  const pages = Number(/Pages:\s+(\d+)/.exec(spawnSync("pdfinfo", [pdf], { encoding: "utf8" }).stdout)![1]);
  const title = "Brain circulation index and MEI";
  const page = Array.from({ length: pages }, (_, k) => k + 1).find((p) => pageText(p).includes(title));
  expect(page).toBeDefined();
  // Its axis shows the periods in time order and its legend both series.
  const text = pageText(page!);
  expect(text.indexOf("1990-1995")).toBeLessThan(text.indexOf("2000-2005"));
  expect(text).toContain("Migration effectiveness index (MEI)");
  mkdirSync(ARTIFACTS, { recursive: true });
  const shot = spawnSync("pdftoppm", ["-f", String(page), "-l", String(page), "-r", "80", "-png", "-singlefile", pdf, join(ARTIFACTS, "trends-chart-libreoffice")]);
  expect(shot.status).toBe(0);
});
