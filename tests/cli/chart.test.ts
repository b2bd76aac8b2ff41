/**
 * The chord diagram through the command line: --chart adds a Chord sheet carrying the diagram
 * as a picture (a schema-valid DrawingML pic, its PNG part, relationships and content type);
 * --chart-svg and --chart-png also write it beside the report; shapes and files it cannot draw
 * or write are refused with one line and an exit code.
 */
import { spawnSync } from "child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { parseArgs } from "../../src/cli/args";
import { EXIT } from "../../src/cli/errors";
import { SAMPLES } from "../support/samples";
import { readZip } from "../support/zip";

jest.setTimeout(180_000);

const ROOT = join(__dirname, "..", "..");
const BIN = join(ROOT, "bin", "migration-report.js");
const VALIDATE = join(ROOT, "..", "shared", "ooxml", "validate.sh");
const DIR = mkdtempSync(join(tmpdir(), "cli-chart-"));

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: DIR, encoding: "utf8", env: { ...process.env, MIGRATION_REPORT_DEBUG: "" } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function lastError(stderr: string): string {
  const lines = stderr.trim().split("\n");
  return lines[lines.length - 1];
}

/** The bytes of one zip entry (the support reader gives text). */
function entryBytes(xlsx: string, name: string): Buffer {
  const r = spawnSync("unzip", ["-p", xlsx, name], { maxBuffer: 64 * 1024 * 1024 });
  return r.stdout;
}

describe("migration-report --chart", () => {
  it("adds a Chord sheet with the diagram as a picture and writes the SVG and PNG beside the report (Erasmus)", () => {
    const out = join(DIR, "erasmus-report.xlsx");
    const svg = join(DIR, "erasmus-chord.svg");
    const png = join(DIR, "erasmus-chord.png");
    const r = cli(join(SAMPLES, "erasmus-student-mobility-2012-13.csv"), "-o", out, "--chart-svg", svg, "--chart-png", png);
    expect(r.stderr).toMatch(/drew the chord diagram \(33 regions, 935 flows\) in \d+ ms/);
    expect(r.code).toBe(EXIT.ok);
    expect(r.stdout).toContain(`Chord diagram: ${svg}`);
    expect(r.stdout).toContain(`Chord diagram: ${png}`);
    expect(r.stdout).toMatch(/sheets: Data, Migration Summary, Corridors, Definitions, Chord;/);
    expect(readFileSync(svg, "utf8")).toContain("Source: erasmus-student-mobility-2012-13.csv");

    const parts = readZip(out, (n) => !n.endsWith(".png"));
    const sheetNo = 5; // the fifth sheet
    expect(parts.get("xl/workbook.xml")).toContain(`<sheet name="Chord" sheetId="${sheetNo}" r:id="rId${sheetNo}"/>`);
    const sheetRels = parts.get(`xl/worksheets/_rels/sheet${sheetNo}.xml.rels`)!;
    const drawing = /Target="\.\.\/drawings\/(drawing\d+\.xml)"/.exec(sheetRels)![1];
    expect(parts.get(`xl/worksheets/sheet${sheetNo}.xml`)).toContain('<drawing r:id="rId1"/>');
    const drawingXml = parts.get(`xl/drawings/${drawing}`)!;
    expect(drawingXml).toContain("<xdr:pic>");
    expect(drawingXml).toContain('<a:blip r:embed="rId1"/>');
    // 800 px wide at 96 dpi: 800 × 9525 EMU.
    expect(drawingXml).toContain('<xdr:ext cx="7620000"');
    expect(drawingXml).toMatch(/descr="Chord diagram of 268,142 moves between 33 regions\./);
    const image = /Target="\.\.\/media\/(image\d+\.png)"/.exec(parts.get(`xl/drawings/_rels/${drawing}.rels`)!)![1];
    expect(parts.get("[Content_Types].xml")).toContain('<Default Extension="png" ContentType="image/png"/>');
    expect(parts.get("[Content_Types].xml")).toContain(`<Override PartName="/xl/drawings/${drawing}"`);
    // The picture in the report is the PNG written beside it.
    expect(entryBytes(out, `xl/media/${image}`).equals(readFileSync(png))).toBe(true);

    const v = spawnSync("bash", [VALIDATE, out], { encoding: "utf8" });
    expect(v.stdout).toMatch(/0 schema error\(s\)/);
    expect(v.status).toBe(0);
  });

  it("draws a long list (UK 2018) and lumps to --chart-top", () => {
    const out = join(DIR, "uk-report.xlsx");
    const svg = join(DIR, "uk.svg");
    const r = cli(join(SAMPLES, "uk-interregional-flows-2018.csv"), "-o", out, "--chart-top", "5", "--chart-order", "size", "--chart-svg", svg);
    expect(r.code).toBe(EXIT.ok);
    expect(r.stderr).toMatch(/drew the chord diagram \(6 regions, 30 flows\)/);
    // Largest first, from twelve o'clock: the seven lumped regions together, then London, the South East.
    const labels = [...readFileSync(svg, "utf8").matchAll(/data-label="\d+"[^>]*>([^<]+)</g)].map((m) => m[1]);
    expect(labels.slice(0, 3)).toEqual(["Other", "London", "South East"]);
    const parts = readZip(out);
    const shared = parts.get("xl/sharedStrings.xml")!;
    expect(shared).toMatch(/Lumped as &quot;Other&quot;: /);
    expect(shared).toContain("it does not change when the data does");
    const v = spawnSync("bash", [VALIDATE, out], { encoding: "utf8" });
    expect(v.status).toBe(0);
  });

  it("refuses a country table, stocks, and chart files it would overwrite", () => {
    const iab = join(SAMPLES, "iab-emigration-rates-1980-2010.csv");
    const t = cli(iab, "-o", join(DIR, "iab.xlsx"), "--chart");
    expect(lastError(t.stderr)).toMatch(/^migration-report: cannot draw the chord diagram: a chord diagram draws flows: it needs an origin × destination matrix or a long origin–destination–flow list, not a country table$/);
    expect(t.code).toBe(EXIT.usage);
    expect(existsSync(join(DIR, "iab.xlsx"))).toBe(false);

    const uk = join(SAMPLES, "uk-interregional-flows-2018.csv");
    const s = cli(uk, "-o", join(DIR, "s.xlsx"), "--stocks", "zero", "--chart");
    expect(lastError(s.stderr)).toMatch(/--chart draws flows; with --stocks the list holds migrant stocks/);
    expect(s.code).toBe(EXIT.usage);

    const taken = join(DIR, "taken.png");
    writeFileSync(taken, "mine");
    const e = cli(uk, "-o", join(DIR, "e.xlsx"), "--chart-png", taken);
    expect(lastError(e.stderr)).toBe(`migration-report: ${taken} already exists; use --force to overwrite it`);
    expect(e.code).toBe(EXIT.outputExists);
    expect(readFileSync(taken, "utf8")).toBe("mine");
    expect(existsSync(join(DIR, "e.xlsx"))).toBe(false);
  });
});

describe("chart options", () => {
  const run = (...a: string[]) => parseArgs(["in.csv", ...a]);
  it("parses --chart, --chart-svg, --chart-png and --chart-top", () => {
    expect(run()).toMatchObject({ kind: "run", options: { input: "in.csv" } });
    expect((run() as { options: object }).options).not.toHaveProperty("chart");
    expect(run("--chart")).toMatchObject({ options: { chart: {} } });
    expect(run("--chart-svg", "a.svg", "--chart-png=b.png", "--chart-top", "0")).toMatchObject({ options: { chart: { svg: "a.svg", png: "b.png", top: Infinity } } });
    expect(run("--chart-top", "12")).toMatchObject({ options: { chart: { top: 12 } } });
    expect(run("--chart-order", "size")).toMatchObject({ options: { chart: { order: "size" } } });
  });
  it("refuses bad values", () => {
    expect(() => run("--chart-top", "ten")).toThrow(/--chart-top takes a whole number/);
    expect(() => run("--chart-svg", "")).toThrow(/--chart-svg needs a file name/);
    expect(() => run("--chart=yes")).toThrow(/--chart takes no value/);
    expect(() => run("--chart-order", "alpha")).toThrow(/unknown --chart-order 'alpha': use data or size/);
  });
});
