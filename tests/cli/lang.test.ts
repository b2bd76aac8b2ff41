/**
 * --lang en|uk: the command line's messages (usage errors, progress, reasons, refusals, the
 * summary and headline numbers, --help) in English or Ukrainian; by default the locale's
 * language (LC_ALL, then LC_MESSAGES, then LANG), else English. Each test gives the environment
 * explicitly, so the machine's locale cannot change what it sees.
 */
import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { parseArgs, requestedLang } from "../../src/cli/args";
import { CliError, EXIT } from "../../src/cli/errors";
import { run } from "../../src/cli/main";
import { langFromEnv } from "../../src/messages/cli";
import { englishWordsIn } from "../messages/samples";
import { SAMPLES } from "../support/samples";
import { writeXlsx } from "./xlsx-fixtures";

const DIR = mkdtempSync(join(tmpdir(), "cli-lang-"));
const ENGLISH_LOCALE = { LANG: "en_US.UTF-8" };
const UKRAINIAN_LOCALE = { LANG: "uk_UA.UTF-8" };

async function cli(env: Record<string, string>, ...args: string[]): Promise<{ code: number; stdout: string[]; stderr: string[] }> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const io = { stdout: (l: string) => stdout.push(l), stderr: (l: string) => stderr.push(l), now: () => new Date(Date.UTC(2026, 0, 1)) };
  const code = await run(args, io, undefined, env);
  return { code, stdout, stderr };
}

/** Intl writes Ukrainian thousands with a no-break space. */
const plain = (s: string) => s.replace(/\s/g, " ");

describe("which language", () => {
  test("--lang wins; else LC_ALL, LC_MESSAGES, LANG in that order; else English", () => {
    expect(langFromEnv({})).toBe("en");
    expect(langFromEnv({ LANG: "uk_UA.UTF-8" })).toBe("uk");
    expect(langFromEnv({ LC_MESSAGES: "en_GB.UTF-8", LANG: "uk_UA.UTF-8" })).toBe("en");
    expect(langFromEnv({ LC_ALL: "uk_UA.UTF-8", LC_MESSAGES: "en_GB.UTF-8" })).toBe("uk");
    expect(langFromEnv({ LC_ALL: "", LANG: "uk" })).toBe("uk");
    expect(langFromEnv({ LANG: "C.UTF-8" })).toBe("en");
    expect(requestedLang(["in.csv", "--lang", "uk"])).toBe("uk");
    expect(requestedLang(["in.csv", "--lang=EN"])).toBe("en");
    expect(requestedLang(["in.csv", "--lang", "fr"])).toBeUndefined();
    expect(requestedLang(["--", "--lang=uk"])).toBeUndefined();
  });

  test("parseArgs keeps --lang only when given; an unknown language is a usage error", () => {
    const p = parseArgs(["in.csv", "--lang", "UK"]);
    expect(p.kind === "run" && p.options.lang).toBe("uk");
    expect(parseArgs(["in.csv"]).kind === "run" && "lang" in (parseArgs(["in.csv"]) as { options: object }).options).toBe(false);
    expect(() => parseArgs(["in.csv", "--lang", "fr"])).toThrow(new CliError(EXIT.usage, "unknown --lang 'fr': use en or uk (see --help)"));
    expect(() => parseArgs(["in.csv", "--lang", "fr"], "uk")).toThrow(new CliError(EXIT.usage, "невідома --lang 'fr': можливі en або uk (див. --help)"));
  });
});

describe("usage errors", () => {
  test("--lang uk: in Ukrainian, exit code 2", async () => {
    const r = await cli(ENGLISH_LOCALE, "in.csv", "--mode", "live", "--lang", "uk");
    expect(r.code).toBe(EXIT.usage);
    expect(r.stderr).toEqual(["migration-report: невідомий --mode 'live': можливі native, addin або values (див. --help)"]);
  });

  test("a Ukrainian locale without --lang: Ukrainian; --lang en overrides it", async () => {
    expect((await cli(UKRAINIAN_LOCALE)).stderr).toEqual(["migration-report: не вказано вхідного файлу (див. --help)"]);
    expect((await cli(UKRAINIAN_LOCALE, "--lang", "en")).stderr).toEqual(["migration-report: no input file given (see --help)"]);
  });

  test("--help documents --lang in each language", async () => {
    const en = (await cli(ENGLISH_LOCALE, "--help")).stdout.join("\n");
    const uk = (await cli(ENGLISH_LOCALE, "--help", "--lang", "uk")).stdout.join("\n");
    expect(en).toMatch(/^Usage: migration-report/);
    expect(en).toContain("--lang LANG");
    expect(uk).toMatch(/^Використання: migration-report/);
    expect(uk).toContain("--lang МОВА");
    expect(uk.split("\n").length).toBeGreaterThan(40);
  });
});

describe("a refusal", () => {
  test("--lang uk: the engine's refusal worded in Ukrainian, exit code 5", async () => {
    const csv = join(DIR, "text.csv");
    writeFileSync(csv, "country,note\nUkraine,none\nPoland,some\n");
    const r = await cli(ENGLISH_LOCALE, csv, "--lang", "uk", "-o", join(DIR, "text-report.xlsx"));
    expect(r.code).toBe(EXIT.undetectable);
    const last = r.stderr[r.stderr.length - 1];
    expect(last).toMatch(/^migration-report: не вдалося розпізнати дані в .*: У виділених клітинках лише текст, чисел немає: виділіть таблицю країн/);
    expect(englishWordsIn(last, [csv, "migration-report", "text.csv"])).toEqual([]);
    const en = await cli(ENGLISH_LOCALE, csv, "-o", join(DIR, "text-report.xlsx"));
    expect(en.stderr[en.stderr.length - 1]).toMatch(/^migration-report: cannot make out the data in .*: The block holds only text, no numbers: select a country table/);
  });
});

describe("a refusal of the plan", () => {
  test("--lang uk: a unit that does not fit the role, worded in Ukrainian with its column, exit code 5", async () => {
    const csv = join(DIR, "units.csv");
    writeFileSync(csv, "country,Emigrants (%),Immigrants\nUkraine,3.5,1200\nPoland,2.1,900\n");
    const args = [csv, "--map", "emigrants=Emigrants (%)", "-o", join(DIR, "units-report.xlsx")];
    const uk = await cli(ENGLISH_LOCALE, ...args, "--lang", "uk");
    expect(uk.code).toBe(EXIT.undetectable);
    expect(uk.stderr[uk.stderr.length - 1]).toMatch(/^migration-report: не вдалося створити звіт з A1:C3: Стовпець B «Emigrants \(%\)» — у відсотках, а використовується як «Емігранти», що має бути кількістю людей\./);
    const en = await cli(ENGLISH_LOCALE, ...args);
    expect(en.stderr[en.stderr.length - 1]).toMatch(/^migration-report: cannot build a report from A1:C3: Column B 'Emigrants \(%\)' is a percentage, but it is used as Emigrants/);
  });
});

describe("a report built", () => {
  test("--lang uk: progress, reasons, the written line and the headline numbers in Ukrainian", async () => {
    const out = join(DIR, "uk-report.xlsx");
    const r = await cli(ENGLISH_LOCALE, join(SAMPLES, "uk-interregional-flows-2018.csv"), "--lang", "uk", "-o", out);
    expect(r.code).toBe(EXIT.ok);
    expect(r.stdout[0]).toBe(`Звіт: ${out}`);
    expect(r.stdout[1]).toMatch(/^ {2}довгий список, дані з .*; аркуші: Data, Migration Summary, .*; режим: native$/);
    expect(r.stdout.map(plain)).toEqual(expect.arrayContaining(["  регіонів: 12", "  усього переміщень: 1 591 416", "  найбільший коридор: London → South East (124751)"]));
    expect(r.stdout.find((l) => l.startsWith("  індекс ефективності міграції (MEI): "))).toMatch(/: 0,\d+$/);
    expect(r.stderr.map(plain)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^читання .*uk-interregional-flows-2018\.csv \(/),
        expect.stringMatching(/^прочитано аркуш '.*' A1:C145: 145 рядків × 3 стовпці за \d+ мс$/),
        expect.stringMatching(/^розпізнано: довгий список \(упевненість 0,93\) за \d+ мс: Довгий список: 144 потоки між 12 регіонами, заголовок у рядку 1\.$/),
        expect.stringMatching(/^записано \d+,\d КБ за \d+ мс$/),
      ]),
    );
    for (const line of r.stderr) expect(line).not.toMatch(/\b(reading|detected|planned|writing|wrote)\b/);
  });

  test("English by default: the same lines as before --lang", async () => {
    const out = join(DIR, "en-report.xlsx");
    const r = await cli({}, join(SAMPLES, "uk-interregional-flows-2018.csv"), "-o", out);
    expect(r.code).toBe(EXIT.ok);
    expect(r.stdout[0]).toBe(`Report: ${out}`);
    expect(r.stdout).toEqual(expect.arrayContaining(["  regions: 12", "  total flows: 1,591,416", "  largest corridor: London → South East (124751)"]));
    expect(r.stderr).toEqual(expect.arrayContaining([expect.stringMatching(/^detected long \(confidence 0\.93\) in \d+ ms: Long list: 144 flows between 12 regions, header in row 1\.$/)]));
  });
});

describe("what the reader says about the file, and a repeated label", () => {
  test("--lang uk: a semicolon-separated file with a missing-value marker, a country listed twice: the notes and the refusal in Ukrainian", async () => {
    const csv = join(DIR, "twice.csv");
    writeFileSync(csv, "country;skilled emigrants;skilled residents\nGhana;10;100\nTogo;..;50\nGhana;12;120\nBenin;3;30\n");
    const args = [csv, "-o", join(DIR, "twice-report.xlsx")];
    const uk = await cli(ENGLISH_LOCALE, ...args, "--lang", "uk");
    expect(uk.code).toBe(EXIT.undetectable);
    expect(uk.stderr).toEqual(
      expect.arrayContaining([
        "  прочитано як текст UTF-8, роздільник — крапка з комою",
        "  1 клітинка містила позначку пропущеного значення (як-от '..', ':', '-', 'x', 'NA') і прочитана як порожня",
      ]),
    );
    const last = uk.stderr[uk.stderr.length - 1];
    expect(last).toMatch(/^migration-report: не вдалося створити звіт з A1:C5: Країна «Ghana» трапляється двічі: A2 і A4\. Кожній країні потрібен один рядок/);
    expect(englishWordsIn(last, [csv, "migration-report", "twice.csv", "Ghana"])).toEqual([]);
    const en = await cli(ENGLISH_LOCALE, ...args);
    expect(en.stderr).toEqual(expect.arrayContaining(["  read as UTF-8 text, semicolon-separated"]));
    expect(en.stderr[en.stderr.length - 1]).toMatch(/^migration-report: cannot build a report from A1:C5: Country "Ghana" appears twice: A2 and A4\. Each country needs one row/);
  });
});

describe("a distances or populations range that cannot be used", () => {
  test("--lang uk: worded in Ukrainian after its option, exit code 2", async () => {
    const csv = join(DIR, "matrix.csv");
    writeFileSync(csv, ",A,B,C\nA,0,10,20\nB,30,0,40\nC,50,60,0\n");
    const pop = join(DIR, "pop.csv");
    writeFileSync(pop, "100\n200\n");
    const args = [csv, "--populations", pop, "-o", join(DIR, "matrix-report.xlsx")];
    const uk = await cli(ENGLISH_LOCALE, ...args, "--lang", "uk");
    expect(uk.code).toBe(EXIT.usage);
    expect(uk.stderr[uk.stderr.length - 1]).toBe(`migration-report: --populations ${pop}: Діапазон населення на аркуші «Data» має 2 значення, а в матриці 3 регіони: дайте одне значення населення на регіон у порядку матриці або назви регіонів поруч.`);
    const en = await cli(ENGLISH_LOCALE, ...args);
    expect(en.stderr[en.stderr.length - 1]).toBe(`migration-report: --populations ${pop}: the populations range on sheet 'Data' has 2 values but the matrix has 3 regions: give one population per region in the matrix's order, or the regions' labels beside them.`);
  });
});

describe("an input file that cannot be opened", () => {
  test("--lang uk: a --populations value that is neither a range nor a file, in Ukrainian after its option, exit code 4", async () => {
    const csv = join(DIR, "matrix-side.csv");
    writeFileSync(csv, ",A,B,C\nA,0,10,20\nB,30,0,40\nC,50,60,0\n");
    const args = [csv, "--populations", "no such range", "-o", join(DIR, "matrix-side-report.xlsx")];
    const uk = await cli(ENGLISH_LOCALE, ...args, "--lang", "uk");
    expect(uk.code).toBe(EXIT.range);
    expect(uk.stderr[uk.stderr.length - 1]).toBe("migration-report: --populations no such range: 'no such range' — це ні діапазон на кшталт Distances!B2:R18, ні файл");
    const en = await cli(ENGLISH_LOCALE, ...args);
    expect(en.stderr[en.stderr.length - 1]).toBe("migration-report: --populations no such range: 'no such range' is neither a range such as Distances!B2:R18 nor a file");
  });


  test("--lang uk: a missing file, in Ukrainian, exit code 3", async () => {
    const missing = join(DIR, "nowhere.csv");
    const uk = await cli(ENGLISH_LOCALE, missing, "--lang", "uk");
    expect(uk.code).toBe(EXIT.input);
    expect(uk.stderr).toEqual([`migration-report: файлу немає: ${missing}`]);
    const en = await cli(ENGLISH_LOCALE, missing);
    expect(en.stderr).toEqual([`migration-report: no such file: ${missing}`]);
  });

  test("--lang uk: an unknown sheet, naming the sheets there are, in Ukrainian, exit code 4", async () => {
    const book = join(DIR, "two-sheets.xlsx");
    writeXlsx(book, [
      { name: "Flows", rows: '<row r="1"><c r="A1"><v>1</v></c></row>' },
      { name: "Notes", rows: '<row r="1"><c r="A1" t="s"><v>0</v></c></row>' },
    ], { sharedStrings: ["about"] });
    const uk = await cli(ENGLISH_LOCALE, book, "--sheet", "Stocks", "--lang", "uk");
    expect(uk.code).toBe(EXIT.range);
    const last = uk.stderr[uk.stderr.length - 1];
    expect(last).toBe("migration-report: у two-sheets.xlsx немає аркуша 'Stocks' (аркуші: 'Flows', 'Notes')");
    expect(englishWordsIn(last, ["migration-report", "two-sheets.xlsx", "Stocks", "Flows", "Notes"])).toEqual([]);
    const en = await cli(ENGLISH_LOCALE, book, "--sheet", "Stocks");
    expect(en.stderr[en.stderr.length - 1]).toBe("migration-report: no sheet 'Stocks' in two-sheets.xlsx (sheets: 'Flows', 'Notes')");
  });

  test("--lang uk: a file that is not a zip, named .xlsx, in Ukrainian, exit code 3", async () => {
    const fake = join(DIR, "fake.xlsx");
    writeFileSync(fake, "origin,destination,flow\nA,B,1\n");
    const uk = await cli(ENGLISH_LOCALE, fake, "--lang", "uk");
    expect(uk.code).toBe(EXIT.input);
    expect(uk.stderr[uk.stderr.length - 1]).toBe("migration-report: не вдалося прочитати fake.xlsx як книгу .xlsx (це не zip-архів: файл пошкоджено або це не книга .xlsx)");
    const en = await cli(ENGLISH_LOCALE, fake);
    expect(en.stderr[en.stderr.length - 1]).toBe("migration-report: cannot read fake.xlsx as an .xlsx workbook (not a zip file: the file is damaged or is not an .xlsx workbook)");
  });
});

describe("--chart that cannot be done", () => {
  const flows = join(SAMPLES, "uk-interregional-flows-2018.csv");

  test("--lang uk: a chart file that is the report, in Ukrainian, exit code 2", async () => {
    const out = join(DIR, "chart-clash.xlsx");
    const uk = await cli(ENGLISH_LOCALE, flows, "-o", out, "--chart-svg", out, "--lang", "uk");
    expect(uk.code).toBe(EXIT.usage);
    expect(uk.stderr).toEqual([`migration-report: файл діаграми ${out} — це вхідний файл або звіт; виберіть іншу назву`]);
    const en = await cli(ENGLISH_LOCALE, flows, "-o", out, "--chart-svg", out);
    expect(en.stderr).toEqual([`migration-report: the chart file ${out} is the input or the report; choose another name`]);
  });

  test("--lang uk: a bad --chart-top value, in Ukrainian, exit code 2", async () => {
    const uk = await cli(ENGLISH_LOCALE, flows, "--chart-top", "many", "--lang", "uk");
    expect(uk.code).toBe(EXIT.usage);
    expect(uk.stderr).toEqual(["migration-report: --chart-top приймає ціле число (0 лишає всі регіони), а не 'many' (див. --help)"]);
  });

  test("--lang uk: a country table cannot be drawn, said in Ukrainian, exit code 2", async () => {
    const table = join(DIR, "countries.csv");
    writeFileSync(table, "Country,Emigrants,Population\nGhana,100,1000\nKenya,200,3000\nPeru,150,2000\nChile,120,1800\n");
    const uk = await cli(ENGLISH_LOCALE, table, "--shape", "table", "--chart", "-o", join(DIR, "countries-report.xlsx"), "--lang", "uk");
    expect(uk.code).toBe(EXIT.usage);
    const last = uk.stderr[uk.stderr.length - 1];
    expect(last).toBe("migration-report: не вдалося накреслити хордову діаграму: хордова діаграма показує потоки: їй потрібна матриця «звідки × куди» або довгий список «звідки — куди — потік», а не таблиця країн");
    const en = await cli(ENGLISH_LOCALE, table, "--shape", "table", "--chart", "-o", join(DIR, "countries-report.xlsx"));
    expect(en.stderr[en.stderr.length - 1]).toMatch(/^migration-report: cannot draw the chord diagram: a chord diagram draws flows/);
  });
});
