/**
 * LibreOffice shows the report's chord diagram: the report with a Chord sheet, converted to PDF
 * by LibreOffice headless, has the picture at its full size on a page after the sheet's title;
 * that page is rendered to test-artifacts/chord-report-libreoffice.png for a person to look at.
 */
import { spawnSync } from "child_process";
import { mkdirSync, mkdtempSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { reportChart } from "../../src/chart/report-chart";
import { writeReportXlsx } from "../../src/hosts/xlsx";
import { detect } from "../../src/report/detect";
import { planReport } from "../../src/report/plan";
import type { SourceBlock } from "../../src/report/types";
import { ensurePoppler } from "../support/apt";
import { ensureLibreOffice } from "../support/libreoffice";
import { readSample } from "../support/samples";

jest.setTimeout(240_000);

const ARTIFACTS = join(__dirname, "..", "..", "test-artifacts");

it("LibreOffice places the chord diagram picture on the Chord sheet", async () => {
  const soffice = ensureLibreOffice();
  ensurePoppler();
  const dir = mkdtempSync(join(tmpdir(), "chord-lo-"));
  const block: SourceBlock = { sheet: "Flows", top: 0, left: 0, values: readSample("uk-interregional-flows-2018.csv"), provenance: "uk-interregional-flows-2018.csv" };
  const detection = detect(block);
  const now = new Date(Date.UTC(2026, 0, 2, 3, 4, 5));
  const plan = planReport(block, detection, { mode: "values", now });
  const chart = reportChart(block, detection, { source: block.provenance, now });
  const xlsx = join(dir, "report.xlsx");
  const { sheetNames } = await writeReportXlsx(plan, xlsx, { now, pictures: [chart.picture] });
  expect(sheetNames[sheetNames.length - 1]).toBe("Chord");

  const profile = join(dir, "profile");
  mkdirSync(profile);
  const conv = spawnSync(soffice, [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", "pdf", "--outdir", dir, xlsx], { encoding: "utf8", timeout: 180_000 });
  expect(conv.status).toBe(0);
  const pdf = join(dir, "report.pdf");
  // The picture is in the PDF at the PNG's own pixel size (1600 × height: drawn at twice 800 px).
  const list = spawnSync("pdfimages", ["-list", pdf], { encoding: "utf8" }).stdout;
  const images = list
    .split("\n")
    .slice(2)
    .map((l) => l.trim().split(/\s+/))
    .filter((c) => c[2] === "image");
  expect(images.length).toBeGreaterThan(0);
  const [page, , , width, height] = images[0];
  expect([Number(width), Number(height)]).toEqual([chart.figure.width * 2, chart.figure.height * 2]);
  // The page that carries it starts with the Chord sheet's title.
  const text = spawnSync("pdftotext", ["-f", page, "-l", page, pdf, "-"], { encoding: "utf8" }).stdout;
  expect(text).toContain("Migration flows between regions");
  expect(text).toContain("A picture of the data as it was when the report was built");
  mkdirSync(ARTIFACTS, { recursive: true });
  const shot = spawnSync("pdftoppm", ["-f", page, "-l", page, "-r", "60", "-png", "-singlefile", pdf, join(ARTIFACTS, "chord-report-libreoffice")]);
  expect(shot.status).toBe(0);
});
