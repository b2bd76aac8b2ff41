/**
 * The command line as a user runs it: the bin launcher in a child process. Each error path gives
 * one line on stderr, `migration-report: <message>`, no stack trace, and its own exit code.
 */
import { spawnSync } from "child_process";
import { copyFileSync, existsSync, mkdtempSync, readdirSync, statSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import ExcelJS from "exceljs";
import { parseArgs } from "../../src/cli/args";
import { CliError, EXIT } from "../../src/cli/errors";
import { defaultOutput } from "../../src/cli/main";
import { SAMPLES } from "../support/samples";

jest.setTimeout(120_000);

const ROOT = join(__dirname, "..", "..");
const BIN = join(ROOT, "bin", "migration-report.js");
const DIR = mkdtempSync(join(tmpdir(), "cli-test-"));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(...args: string[]): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: DIR, encoding: "utf8", env: { ...process.env, MIGRATION_REPORT_DEBUG: "" } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The run failed with one clear line and the given code. */
function expectFailure(r: Run, code: number, message: RegExp): void {
  const lines = r.stderr.trim().split("\n");
  const last = lines[lines.length - 1];
  expect(last).toMatch(/^migration-report: /);
  expect(last).toMatch(message);
  expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  expect(r.code).toBe(code);
}

let workbook: string;
beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Flows");
  ws.addRow(["origin", "destination", "flow"]);
  ws.addRow(["A", "B", 10]);
  ws.addRow(["B", "A", 4]);
  ws.addRow(["A", "C", 7]);
  ws.addRow(["C", "B", 1]);
  wb.addWorksheet("Notes").getCell("A1").value = "nothing here";
  workbook = join(DIR, "flows.xlsx");
  await wb.xlsx.writeFile(workbook);
});

describe("error paths", () => {
  test("usage: no input, unknown option, bad --mode → 2", () => {
    expectFailure(cli(), EXIT.usage, /no input file/);
    expectFailure(cli("x.csv", "--colour"), EXIT.usage, /unknown option '--colour'/);
    expectFailure(cli("x.csv", "--mode", "live"), EXIT.usage, /unknown --mode 'live'/);
    expectFailure(cli("x.csv", "--map", "bogus=A"), EXIT.usage, /unknown role 'bogus'/);
  });

  test("missing file → 3", () => {
    expectFailure(cli(join(DIR, "nope.xlsx")), EXIT.input, /no such file: .*nope\.xlsx/);
  });

  test("unreadable files → 3", () => {
    const broken = join(DIR, "broken.xlsx");
    writeFileSync(broken, "this is not a zip file at all");
    expectFailure(cli(broken), EXIT.input, /cannot read broken\.xlsx as an \.xlsx workbook/);
    const binary = join(DIR, "binary.csv");
    writeFileSync(binary, Buffer.from([0x00, 0x01, 0x02, 0xff, 0x00, 0x10]));
    expectFailure(cli(binary), EXIT.input, /cannot read binary\.csv: it is neither an \.xlsx workbook nor a text/);
    const empty = join(DIR, "empty.csv");
    writeFileSync(empty, "");
    expectFailure(cli(empty), EXIT.input, /empty\.csv is empty/);
    expectFailure(cli(DIR), EXIT.input, /is a folder/);
  });

  test("unknown sheet → 4, naming the sheets there are", () => {
    expectFailure(cli(workbook, "--sheet", "Sheet9"), EXIT.range, /no sheet 'Sheet9' in flows\.xlsx \(sheets: 'Flows', 'Notes'\)/);
    expectFailure(cli(workbook, "--range", "Sheet9!A1:C5"), EXIT.range, /no sheet 'Sheet9'/);
  });

  test("bad range → 4", () => {
    expectFailure(cli(workbook, "--range", "A1:ZZZZ9"), EXIT.range, /bad range 'A1:ZZZZ9'/);
    expectFailure(cli(workbook, "--range", "1A:C"), EXIT.range, /bad range '1A:C'/);
    expectFailure(cli(workbook, "--range", "A1:C99999999"), EXIT.range, /bad range/);
  });

  test("undetectable data → 5: a CSV of only text, an empty sheet", () => {
    const text = join(DIR, "text.csv");
    writeFileSync(text, "name,label\nfoo,bar\nbaz,qux\n");
    expectFailure(cli(text), EXIT.undetectable, /text/i);
    expect(existsSync(join(DIR, "text-report.xlsx"))).toBe(false);
    expectFailure(cli(workbook, "--sheet", "Notes", "--range", "C3:D9"), EXIT.undetectable, /./);
  });

  test("output exists without --force → 6, and the file is left alone", () => {
    const out = join(DIR, "exists.xlsx");
    writeFileSync(out, "keep me");
    expectFailure(cli(workbook, "-o", out), EXIT.outputExists, /exists\.xlsx already exists; use --force/);
    expect(statSync(out).size).toBe("keep me".length);
  });

  test("the output may not be the input", () => {
    const copy = join(DIR, "self.xlsx");
    copyFileSync(workbook, copy);
    expectFailure(cli(copy, "-o", copy, "--force"), EXIT.usage, /is the input file/);
  });

  test("--map to a column that is not there → 2", () => {
    expectFailure(cli(workbook, "--map", "flow=Amount"), EXIT.usage, /no column 'Amount' \(headers: 'origin', 'destination', 'flow'\)/);
  });
});

describe("success", () => {
  test("a sample CSV: report beside the input, progress on stderr, headline on stdout; --force overwrites", () => {
    const input = join(DIR, "uk.csv");
    copyFileSync(join(SAMPLES, "uk-interregional-flows-2018.csv"), input);
    const r = cli(input);
    expect(r.code).toBe(0);
    const out = join(DIR, "uk-report.xlsx");
    expect(existsSync(out)).toBe(true);
    expect(r.stdout).toContain(`Report: ${out}`);
    expect(r.stdout).toMatch(/MEI: 0\.06/);
    expect(r.stderr).toMatch(/^reading /m);
    expect(r.stderr).toMatch(/^detected long/m);
    expect(r.stderr).toMatch(/^wrote \d/m);
    expectFailure(cli(input), EXIT.outputExists, /already exists/);
    const again = cli(input, "--force", "--quiet", "--mode", "values");
    expect(again.code).toBe(0);
    expect(again.stderr).toBe("");
    expect(readdirSync(DIR).filter((f) => f.includes(".partial"))).toEqual([]);
  });

  test("an .xlsx sheet and range, with overrides", async () => {
    const out = join(DIR, "flows-out.xlsx");
    const r = cli(workbook, "--sheet", "Flows", "--range", "A1:C5", "--shape", "long", "--map", "flow=C", "-o", out);
    expect(r.stderr).not.toMatch(/migration-report:/);
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets[0].name).toBe("Flows");
    expect(wb.getWorksheet("Flows")!.getCell("C2").value).toBe(10);
  });
});

describe("parseArgs", () => {
  test("options and defaults", () => {
    expect(parseArgs(["in.csv"])).toEqual({
      kind: "run",
      options: { input: "in.csv", mode: "native", map: [], filter: [], force: false, quiet: false, sheet: undefined, range: undefined, shape: undefined, output: undefined },
    });
    const p = parseArgs(["--sheet=My data", "--range", "B2:F9", "--mode", "ADDIN", "--map", "skilled-emigrants=Skilled (000s)", "--map", "year=", "--filter", "sex = T", "-o", "r.xlsx", "--force", "-q", "in.xlsx"]);
    expect(p).toEqual({
      kind: "run",
      options: {
        input: "in.xlsx",
        sheet: "My data",
        range: "B2:F9",
        mode: "addin",
        shape: undefined,
        map: [
          { role: "skilledEmigrants", column: "Skilled (000s)" },
          { role: "year", column: "" },
        ],
        filter: [{ column: "sex", value: "T" }],
        output: "r.xlsx",
        force: true,
        quiet: true,
      },
    });
    expect(parseArgs(["-h"])).toEqual({ kind: "help" });
  });
  test("errors are usage errors", () => {
    for (const argv of [[], ["a", "b"], ["a", "--sheet"], ["a", "--shape", "cube"], ["a", "--map", "flow"], ["a", "--map", "flow=A", "--map", "flow=B"], ["a", "--force=yes"]]) {
      expect(() => parseArgs(argv)).toThrow(CliError);
      try {
        parseArgs(argv);
      } catch (e) {
        expect((e as CliError).code).toBe(EXIT.usage);
      }
    }
  });
  test("default output is beside the input", () => {
    expect(defaultOutput(join("data", "iab.csv"))).toBe(join("data", "iab-report.xlsx"));
    expect(defaultOutput("book.xlsx")).toBe("book-report.xlsx");
  });
});
