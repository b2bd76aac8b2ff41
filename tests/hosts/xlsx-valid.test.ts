/**
 * Files Excel opens without a word: every report the suites write (every sample in every
 * sharing mode, the sample workbook's sheets, flows from stocks, awkward sheet names and labels)
 * has every XML part valid against the ECMA-376 Transitional schemas (../shared/ooxml) and keeps
 * Excel's rules beyond the schema (tests/support/excel-rules.ts). The large reports are in
 * xlsx-valid-large.test.ts.
 */
import { createWriteStream, mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { ZipWriter } from "../../src/hosts/zip-writer";
import { excelRuleViolations, RULES, sheetReferences } from "../support/excel-rules";
import { ensureXmllint, validateWithScript, validateXlsx } from "../support/ooxml-schema";
import { AWKWARD_SHEETS, MODES, SAMPLE_CSVS, WORKBOOK_SHEETS, writeCorpus } from "../support/report-corpus";
import { readZip } from "../support/zip";

jest.setTimeout(600_000);
const DIR = mkdtempSync(join(tmpdir(), "xlsx-valid-"));
afterAll(() => rmSync(DIR, { recursive: true, force: true }));

let reports: string[] = [];
beforeAll(async () => {
  ensureXmllint();
  reports = await writeCorpus(DIR);
});

test("the corpus: every sample, workbook sheet, stock method, awkward sheet name and the awkward labels, in every mode", () => {
  const expected = (SAMPLE_CSVS.length + WORKBOOK_SHEETS.length + 2 + AWKWARD_SHEETS.length + 1) * MODES.length;
  expect(reports).toHaveLength(expected);
});

test("every XML part of every report is valid against the ECMA-376 Transitional schemas", () => {
  const result = validateXlsx(reports);
  console.log(`schema: ${result.reports} reports, ${result.parts} XML parts, ${result.errors.length} schema errors (${result.filtered} xml:space-on-<t> false positives filtered, as validate.sh does)`);
  expect(result.errors).toEqual([]);
  expect(result.parts).toBeGreaterThan(result.reports * 15);
});

test("every report keeps Excel's rules beyond the schema", () => {
  const broken = reports.map((p) => ({ p: p.replace(/^.*\//, ""), v: excelRuleViolations(p) })).filter((x) => x.v.length > 0);
  console.log(`Excel's rules: ${reports.length} reports, ${RULES.length} rules:\n- ${RULES.join("\n- ")}`);
  expect(broken).toEqual([]);
});

test("every report has a theme part, related from the workbook, for the styles' theme colours and minor font", () => {
  for (const p of reports.slice(0, 3)) {
    const zip = readZip(p, (n) => /theme|workbook\.xml\.rels|Content_Types|styles/.test(n));
    expect(zip.get("xl/styles.xml")).toMatch(/<color theme="1"\/>[\s\S]*<scheme val="minor"\/>/);
    expect(zip.get("xl/theme/theme1.xml")).toMatch(/<a:minorFont><a:latin typeface="Calibri"/);
    expect(zip.get("xl/_rels/workbook.xml.rels")).toMatch(/relationships\/theme" Target="theme\/theme1.xml"/);
    expect(zip.get("[Content_Types].xml")).toContain('PartName="/xl/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"');
  }
});

describe("the checks themselves", () => {
  /** A copy of `from` with some parts' text changed. */
  async function tamper(from: string, to: string, changes: Record<string, (xml: string) => string>): Promise<void> {
    const entries = readZip(from);
    const out = createWriteStream(to);
    const zip = new ZipWriter(out, { date: new Date(0) });
    for (const [name, text] of entries) await zip.add(name, changes[name] ? changes[name](text) : text);
    await zip.finish();
  }

  test("the batch validator finds the same schema errors as validate.sh, streaming or not, and none where it finds none", async () => {
    const good = reports[0];
    const bad = join(DIR, "planted.xlsx");
    await tamper(good, bad, {
      "xl/worksheets/sheet2.xml": (xml) => xml.replace(' t="s">', ' t="bogus">'),
      "xl/workbook.xml": (xml) => xml.replace("<workbookPr/>", '<workbookPr date1904="maybe"/>'),
    });
    const ours = validateXlsx([good, bad]);
    const script = validateWithScript([good, bad]);
    expect(script.status).toBe(1); // one file with errors
    const parts = (errors: string[]) => errors.map((e) => /^([^:]+:[^:]+):/.exec(e)?.[1]).sort();
    expect(parts(ours.errors)).toEqual(["planted.xlsx:xl/workbook.xml", "planted.xlsx:xl/worksheets/sheet2.xml"]);
    expect(parts(script.errors)).toEqual(parts(ours.errors));
    // Streaming validation (used for parts over 8 MB) finds the same.
    expect(parts(validateXlsx([good, bad], { streamAbove: 0 }).errors)).toEqual(parts(ours.errors));
    expect(ours.errors.join("\n")).toMatch(/'bogus'[\s\S]*'maybe'|'maybe'[\s\S]*'bogus'/);
  });

  test("the rules catch a header cell that is not its column name, a member before its master, rows out of order and an unquoted sheet", async () => {
    const source = reports.find((p) => /uk-interregional-flows-2018\.csv-native/.test(p))!;
    const bad = join(DIR, "rules.xlsx");
    await tamper(source, bad, {
      "xl/worksheets/sheet2.xml": (xml) => {
        const rows = [...xml.matchAll(/<row r="\d+">[\s\S]*?<\/row>/g)].map((m) => m[0]);
        return xml.replace(rows[1] + rows[2], rows[2] + rows[1]).replace(/<f t="shared" ref="[^"]+" si="0">/, '<f t="shared" si="0">');
      },
    });
    const v = excelRuleViolations(bad).join("\n");
    expect(v).toMatch(/after row/);
    expect(v).toMatch(/used before its master/);
    const header = join(DIR, "header.xlsx");
    await tamper(source, header, { "xl/tables/table1.xml": (xml) => xml.replace(/(<tableColumn id="1" name=")/, "$1Not ") });
    expect(excelRuleViolations(header).join("\n")).toMatch(/header cell "[^"]*" is not the column name "Not /);
    expect(sheetReferences("SUM('It''s'!A1,Data!B2,\"'x'!A1\")").sheets).toEqual(["It's", "Data"]);
    expect(sheetReferences("'Data '2020''!A2").problems.length).toBeGreaterThan(0);
    expect(sheetReferences("IF(ISTEXT(Data!B2),#VALUE!,#NUM!)").sheets).toEqual(["Data"]);
    expect(sheetReferences("{{Flow Matrix}}!A1").problems).toEqual([expect.stringMatching(/placeholder/)]);
  });
});
