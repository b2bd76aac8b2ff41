/**
 * Files in the layouts the main sources publish (tests/fixtures/downloads, built by its
 * build.ts; true figures in truth.json, worked out from the fixtures' own numbers): the command
 * line gives the right numbers, or refuses with exit 5 naming what to do. Never a wrong number
 * with exit 0.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { run } from "../../src/cli/main";
import { EXIT } from "../../src/cli/errors";
import { erasmus, iab, SAMPLES, ukMatrix } from "../support/samples";

jest.setTimeout(60_000);

const FIXTURES = join(__dirname, "..", "fixtures", "downloads");
const TRUTH = JSON.parse(readFileSync(join(FIXTURES, "truth.json"), "utf8")) as Record<string, Record<string, unknown>>;
const DIR = mkdtempSync(join(tmpdir(), "downloads-"));
afterAll(() => rmSync(DIR, { recursive: true, force: true }));

interface Result {
  readonly code: number;
  readonly stdout: string[];
  readonly stderr: string[];
}

let k = 0;
async function cli(file: string, ...options: string[]): Promise<Result> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const out = join(DIR, `report-${k++}.xlsx`);
  const code = await run([file.startsWith("/") ? file : join(FIXTURES, file), "-o", out, ...options], { stdout: (l) => stdout.push(l), stderr: (l) => stderr.push(l), now: () => new Date(Date.UTC(2026, 0, 1)) });
  return { code, stdout, stderr };
}

/** The "total flows" key figure a report printed. */
function totalFlows(r: Result): number {
  const line = r.stdout.find((l) => /^\s+total flows: /.test(l));
  if (!line) throw new Error(`no total flows in:\n${[...r.stdout, ...r.stderr].join("\n")}`);
  return Number(line.replace(/^\s+total flows: /, "").replace(/,/g, ""));
}

/** A key figure the report printed ("  MEI: 0.1607"), as a number. */
function figure(r: Result, label: string): number {
  const line = r.stdout.find((l) => l.startsWith(`  ${label}: `));
  if (!line) throw new Error(`no ${label} in:\n${[...r.stdout, ...r.stderr].join("\n")}`);
  return Number(line.slice(label.length + 4).replace(/,/g, ""));
}

/** The flow figures of a report against a fixture's truth: total, and MEI and circulation index as printed (4 significant digits). */
function expectFlowTruth(r: Result, fixture: string, total = "totalFlows"): void {
  const truth = TRUTH[fixture];
  expect(totalFlows(r)).toBe(truth[total]);
  expect(Math.abs(figure(r, "MEI") - (truth.mei as number))).toBeLessThan(5e-5);
  expect(Math.abs(figure(r, "circulation index") - (truth.circulation as number))).toBeLessThan(5e-5);
}

const refusal = (r: Result) => r.stderr[r.stderr.length - 1];

describe("a square matrix whose columns are alphabetical and rows in the official order", () => {
  test("no options: matched by label, the true total and largest corridor", async () => {
    const r = await cli("matrix-columns-alphabetical.csv");
    expect(r.code).toBe(EXIT.ok);
    expectFlowTruth(r, "matrix-columns-alphabetical.csv");
    expect(r.stdout).toContain(`  largest corridor: ${TRUTH["matrix-columns-alphabetical.csv"].largest}`);
    expect(r.stderr.join("\n")).toMatch(/columns are in another order than its rows: each row is paired with the column of the same label/);
    // the source as it was downloaded, and the copy in the rows' order that the formulas read
    expect(r.stdout.join("\n")).toMatch(/sheets: Data, Migration Summary, Flow Matrix, Corridors, Definitions;/);
  });
});

describe("an .xlsx written by Open XML SDK tools (prefixed elements)", () => {
  test("no options: the true total", async () => {
    const r = await cli("open-xml-sdk.xlsx");
    expect(r.code).toBe(EXIT.ok);
    expectFlowTruth(r, "open-xml-sdk.xlsx");
  });
});

describe("an Erasmus+ export: semicolons, decimal commas, Windows-1252", () => {
  test("no options: refused, two numeric columns could be the flow", async () => {
    const r = await cli("erasmus-semicolon.csv");
    expect(r.code).toBe(EXIT.undetectable);
    expect(refusal(r)).toMatch(/no flow column: map one/);
    expect(r.stderr).toContain("  read as WINDOWS-1252 text, semicolon-separated, with decimal commas");
  });
  test("--map flow=Participants: the true total, Österreich read", async () => {
    const r = await cli("erasmus-semicolon.csv", "--map", "flow=Participants");
    expect(r.code).toBe(EXIT.ok);
    expectFlowTruth(r, "erasmus-semicolon.csv");
    expect(r.stdout).toContain("  largest corridor: Germany → France (7000)");
  });
});

describe("a national-statistics matrix sheet: Contents first, title, merged header, totals row and column, notes", () => {
  test("no options: the data sheet is chosen and named, the matrix found under its title rows, totals left out, the true total", async () => {
    const r = await cli("national-matrix-totals.xlsx");
    expect(r.code).toBe(EXIT.ok);
    expect(r.stderr).toContain("  read sheet 'Table 1', the one sheet holding a table of numbers; not read: 'Contents', 'Notes'");
    expect(r.stderr).toContain("  Read the matrix with its labels at 'Table 1'!A5:F10: the rows above and below it (titles, notes) are not read");
    expectFlowTruth(r, "national-matrix-totals.xlsx");
    expect(r.stdout).toContain(`  largest corridor: ${TRUTH["national-matrix-totals.xlsx"].largest}`);
    expect(r.stderr.join("\n")).toMatch(/Row 'Total inflow \[note 1\]' \(A10\) is not a region of the matrix: a total; left out/);
  });
  test("two such matrices on one sheet: refused, naming both ranges", async () => {
    const file = join(DIR, "two-matrices.csv");
    const matrix = (title: string) => [title, "", "Origin,North,South,East", "North,0,5,7", "South,3,0,2", "East,4,1,0", "Total inflow,7,6,9", ""];
    writeFileSync(file, [...matrix("Table 1: moves in 2021"), ...matrix("Table 2: moves in 2022"), "Source: register"].join("\n"));
    const r = await cli(file);
    expect(r.code).toBe(EXIT.undetectable);
    expect(refusal(r)).toMatch(/several places hold a matrix \(Data!A3:D7, Data!A11:D15\): give one with --range$/);
  });
  test("the --range the refusal names, over the matrix with its totals: totals named and left out, the true total", async () => {
    const r = await cli("national-matrix-totals.xlsx", "--range", "'Table 1'!A5:F10");
    expect(r.code).toBe(EXIT.ok);
    expectFlowTruth(r, "national-matrix-totals.xlsx");
    const said = r.stderr.join("\n");
    expect(said).toMatch(/Row 'Total inflow \[note 1\]' \(A10\) is not a region of the matrix: a total; left out/);
    expect(said).toMatch(/Column 'Total outflow' \(F5\) is not a region of the matrix: a total; left out/);
  });
});

describe("Eurostat SDMX-CSV (migr_imm5prv): dimension columns, aggregate partner codes, sex T/M/F", () => {
  test("no options: read as flows partner → geo (the data set's definition), refused naming the sex column, its values and the --filter", async () => {
    const r = await cli("eurostat-sdmx-migr_imm5prv.csv");
    expect(r.code).toBe(EXIT.undetectable);
    expect(refusal(r)).toMatch(/differ in column G 'sex' \(T, M, F\): .*--filter 'sex=T'\)/);
  });
  test("--filter sex=T alone: the true total", async () => {
    const r = await cli("eurostat-sdmx-migr_imm5prv.csv", "--filter", "sex=T");
    expect(r.code).toBe(EXIT.ok);
    expectFlowTruth(r, "eurostat-sdmx-migr_imm5prv.csv");
    expect(r.stdout).toContain("  largest corridor: DE → FR (7000)");
  });
  test("mapped as a long list without a filter: refused, naming the sex column and its values", async () => {
    const r = await cli("eurostat-sdmx-migr_imm5prv.csv", "--shape", "long", "--map", "origin=partner", "--map", "destination=geo", "--map", "flow=OBS_VALUE");
    expect(r.code).toBe(EXIT.undetectable);
    expect(refusal(r)).toMatch(/differ in column G 'sex' \(T, M, F\).*--filter 'sex=T'/);
  });
  test("--filter sex=T and the mapping: aggregates (TOTAL, EU27_2020, EXT_EU27_2020, UNK) left out, the true total", async () => {
    const r = await cli("eurostat-sdmx-migr_imm5prv.csv", "--filter", "sex=T", "--shape", "long", "--map", "origin=partner", "--map", "destination=geo", "--map", "flow=OBS_VALUE");
    expect(r.code).toBe(EXIT.ok);
    expectFlowTruth(r, "eurostat-sdmx-migr_imm5prv.csv");
    const said = r.stderr.join("\n");
    for (const code of ["TOTAL", "EU27_2020", "EXT_EU27_2020", "UNK"]) expect(said).toContain(`'${code}') is left out`);
  });
});

describe("Eurostat SDMX-CSV (educ_uoe_mobs02): mobile students by education level, sex and country of origin", () => {
  const FILE = "eurostat-sdmx-educ_uoe_mobs02.csv";
  const MAP = ["--shape", "long", "--map", "origin=partner", "--map", "destination=geo", "--map", "flow=OBS_VALUE"];
  test("every row added up would over-count many times: the fixture's breakdowns and aggregates are sums", () => {
    expect(TRUTH[FILE].sumOfEveryRow as number).toBeGreaterThan(15 * (TRUTH[FILE].totalFlows as number));
  });
  test("no options: read as flows partner → geo, refused naming both breakdowns with their values and one --filter for each", async () => {
    const r = await cli(FILE);
    expect(r.code).toBe(EXIT.undetectable);
    expect(refusal(r)).toContain("differ in column E 'isced11' (ED5-8, ED5, ED6, ED7, ED8), column F 'sex' (T, M, F)");
    expect(refusal(r)).toContain("--filter 'isced11=ED5-8' --filter 'sex=T'");
  });
  test("the two filters the refusal names, nothing else: the true figures, the partner aggregates left out", async () => {
    const r = await cli(FILE, "--filter", "isced11=ED5-8", "--filter", "sex=T");
    expect(r.code).toBe(EXIT.ok);
    expect(r.stderr).toContain("kept 46 row(s) where isced11 = ED5-8 and sex = T");
    // 5 partner aggregates at each of the 4 countries, and the 10 rows of the EU as the reporter (geo EU27_2020)
    expect(r.stderr).toContain("  … and 25 more total or aggregate row(s) left out");
    expectFlowTruth(r, FILE);
    expect(r.stdout).toContain("  largest corridor: DE → FR (7000)");
    const said = r.stderr.join("\n");
    for (const code of ["WORLD", "EUR", "EU27_2020", "EXT_EU27_2020", "UNK"]) expect(said).toContain(`'${code}') is left out`);
  });
  test("mapped without a filter: refused, naming both breakdowns with their values and one --filter for each", async () => {
    const r = await cli(FILE, ...MAP);
    expect(r.code).toBe(EXIT.undetectable);
    expect(refusal(r)).toContain("differ in column E 'isced11' (ED5-8, ED5, ED6, ED7, ED8), column F 'sex' (T, M, F)");
    expect(refusal(r)).toContain("--filter 'isced11=ED5-8' --filter 'sex=T'");
  });
  test("one filter: refused, naming the breakdown still open", async () => {
    const bySex = await cli(FILE, "--filter", "sex=T", ...MAP);
    expect(bySex.code).toBe(EXIT.undetectable);
    expect(refusal(bySex)).toMatch(/differ in column E 'isced11' \(ED5-8, ED5, ED6, ED7, ED8\): .*--filter 'isced11=ED5-8'\)/);
    const byLevel = await cli(FILE, "--filter", "isced11=ED5-8", ...MAP);
    expect(byLevel.code).toBe(EXIT.undetectable);
    expect(refusal(byLevel)).toMatch(/differ in column F 'sex' \(T, M, F\): .*--filter 'sex=T'\)/);
  });
  test("--filter sex=T --filter isced11=ED5-8 and the mapping: the partner aggregates (WORLD, EUR, EU27_2020, EXT_EU27_2020, UNK) left out, the true figures", async () => {
    const r = await cli(FILE, "--filter", "sex=T", "--filter", "isced11=ED5-8", ...MAP);
    expect(r.code).toBe(EXIT.ok);
    expectFlowTruth(r, FILE);
    expect(r.stdout).toContain("  regions: 5");
    expect(r.stdout).toContain("  largest corridor: DE → FR (7000)");
    const said = r.stderr.join("\n");
    for (const code of ["WORLD", "EUR", "EU27_2020", "EXT_EU27_2020", "UNK"]) expect(said).toContain(`'${code}') is left out`);
  });
});

describe("Eurostat TSV: geo\\TIME_PERIOD header, tabs, ':' markers, flags", () => {
  test("no options: refused (the years are read as the header, not as a flow)", async () => {
    const r = await cli("eurostat-migr_imm5prv.tsv");
    expect(r.code).toBe(EXIT.undetectable);
    expect(r.stderr.join("\n")).toMatch(/header in row 1/);
  });
  test("as a long list of 2022: flags noted, aggregates left out, the true total", async () => {
    const r = await cli("eurostat-migr_imm5prv.tsv", "--shape", "long", "--map", "origin=partner", "--map", "destination=geo", "--map", "flow=2022");
    expect(r.code).toBe(EXIT.ok);
    expectFlowTruth(r, "eurostat-migr_imm5prv.tsv", "totalFlows2022");
    expect(r.stderr.join("\n")).toMatch(/I5: '120 e' read as 120; the flag 'e' \(e: estimated\) is not kept/);
  });
});

describe("World Bank WDI CSV: metadata lines, quoted numbers, years as columns, aggregates", () => {
  test("no options: metadata skipped, aggregates named, then refused (one indicator gives no measure)", async () => {
    const r = await cli("wdi-SM.POP.TOTL.csv");
    expect(r.code).toBe(EXIT.undetectable);
    const said = r.stderr.join("\n");
    expect(said).toMatch(/lines 1–4 are metadata above the table/);
    for (const name of TRUTH["wdi-SM.POP.TOTL.csv"].aggregates as string[]) expect(said).toContain(`'${name}') is left out`);
    expect(refusal(r)).toMatch(/allow no indicator/);
  });
});

describe("UN DESA International Migrant Stock workbook: Contents, three tables, numeric year headers", () => {
  test("no options: refused, listing the sheets that hold tables", async () => {
    const r = await cli("undesa-ims-2020.xlsx");
    expect(r.code).toBe(EXIT.undetectable);
    expect(refusal(r)).toMatch(/several sheets hold tables of numbers: 'Table 1' \(\d+ numbers\), 'Table 2' .*'Table 3'.*choose one with --sheet/);
  });
  test("--sheet 'Table 1': the header with numeric years is found; one stock column gives no measure: refused", async () => {
    const r = await cli("undesa-ims-2020.xlsx", "--sheet", "Table 1");
    expect(r.code).toBe(EXIT.undetectable);
    expect(r.stderr.join("\n")).toMatch(/header in row 7/);
    expect(refusal(r)).toMatch(/allow no indicator/);
  });
});

describe("UN DESA's migrant stock (persons) beside its total population (thousands), under title rows", () => {
  test("no options: the population is read as thousands of persons, World and Europe left out, the true immigrant shares", async () => {
    const r = await cli("undesa-stock-and-population.xlsx");
    expect(r.code).toBe(EXIT.ok);
    const truth = TRUTH["undesa-stock-and-population.xlsx"];
    const line = r.stdout.find((l) => l.startsWith("  median immigrants as share of population: "));
    expect(Number(line?.split(": ")[1])).toBeCloseTo(truth.medianShare as number, 4);
    const said = r.stderr.join("\n");
    expect(said).toContain("Row 5 (A5 'WORLD') is left out");
    expect(said).toContain("Row 6 (B6 '908') is left out: its code is a UN location code of 900 or more");
    expect(r.stderr.join("\n")).toContain("Column D 'Total population (thousands)' is in thousands (as its header says)");
  });
});

describe("a national statistics office's country table with notes under it (a source line, a sentence, a merged footnote)", () => {
  test("no options: the notes left out, each named; the unpublished country kept as a row with missing data; the true median", async () => {
    const r = await cli("national-table-notes.xlsx");
    expect(r.code).toBe(EXIT.ok);
    const truth = TRUTH["national-table-notes.xlsx"];
    expect(r.stdout).toContain(`  rows: ${truth.rows as number}`);
    // printed to one decimal
    const line = r.stdout.find((l) => l.startsWith("  median net migration per 1,000 population: "));
    expect(Number(line?.split(": ")[1])).toBeCloseTo(truth.medianNetPerThousand as number, 1);
    const said = r.stderr.join("\n");
    for (const at of truth.notes as string[]) expect(said).toMatch(new RegExp(`\\(${at} '[^']+'\\) is left out: it is a note or source line`));
    expect(said).not.toMatch(/Liechtenstein'\) is left out/);
  });
});

describe("UNESCO UIS bulk CSV: many indicators in one long file", () => {
  test("no options: refused, naming the repeated countries", async () => {
    const r = await cli("uis-bulk.csv");
    expect(r.code).toBe(EXIT.undetectable);
    expect(refusal(r)).toMatch(/Country "AUT" appears 3 times/);
  });
  test("--filter indicator_id=26637: one indicator kept; one count gives no measure: refused", async () => {
    const r = await cli("uis-bulk.csv", "--filter", "indicator_id=26637");
    expect(r.code).toBe(EXIT.undetectable);
    expect(r.stderr).toContain("kept 4 row(s) where indicator_id = 26637");
  });
});

/** Total, MEI and circulation index of a square matrix by their definitions (the truth for the bundled samples). */
function matrixTruth(m: readonly (readonly number[])[]): { total: number; mei: number; circulation: number } {
  const n = m.length;
  let total = 0;
  let net = 0;
  let pairDiff = 0;
  for (let i = 0; i < n; i++) {
    let inflow = 0;
    let outflow = 0;
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      outflow += m[i][j];
      inflow += m[j][i];
      if (j > i) pairDiff += Math.abs(m[i][j] - m[j][i]);
    }
    total += outflow;
    net += Math.abs(inflow - outflow);
  }
  return { total, mei: net / (2 * total), circulation: 1 - pairDiff / total };
}

describe("the bundled real data sets, no options", () => {
  const close = (printed: number, truth: number) => expect(Math.abs(printed - truth) / Math.abs(truth)).toBeLessThan(5e-4); // 4 significant digits

  test("the Erasmus 2012–13 matrix: 268,142 students (as published), MEI and circulation by their definitions", async () => {
    const r = await cli(join(SAMPLES, "erasmus-student-mobility-2012-13.csv"));
    expect(r.code).toBe(EXIT.ok);
    const truth = matrixTruth(erasmus().matrix);
    expect(truth.total).toBe(268_142);
    expect(totalFlows(r)).toBe(truth.total);
    close(figure(r, "MEI"), truth.mei);
    close(figure(r, "circulation index"), truth.circulation);
  });

  test("the UK 2018 long list: total, MEI and circulation of its matrix", async () => {
    const r = await cli(join(SAMPLES, "uk-interregional-flows-2018.csv"));
    expect(r.code).toBe(EXIT.ok);
    const truth = matrixTruth(ukMatrix().flows);
    expect(totalFlows(r)).toBe(truth.total);
    close(figure(r, "MEI"), truth.mei);
    close(figure(r, "circulation index"), truth.circulation);
    expect(r.stdout).toContain("  largest corridor: London → South East (124751)");
  });

  test("IAB rates: the latest period, World left out, the median selection ratio of its rows", async () => {
    const r = await cli(join(SAMPLES, "iab-emigration-rates-1980-2010.csv"));
    expect(r.code).toBe(EXIT.ok);
    const rows = iab().filter((x) => x.year === 2010 && x.origin !== "World");
    const ratios = rows.map((x) => (x.high_rate as number) / (x.tot_rate as number)).sort((a, b) => a - b);
    expect(ratios.length % 2).toBe(1); // an odd count: the median is the middle row
    expect(figure(r, "rows")).toBe(rows.length);
    close(figure(r, "median selection ratio (skilled ÷ total emigration rate)"), ratios[(ratios.length - 1) / 2]);
  });
});
