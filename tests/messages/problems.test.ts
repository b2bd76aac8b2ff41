/**
 * The data problems' words: every code has a sentence in English and in Ukrainian, built from
 * its parameters (the cells, column, value it names appear in it), one line each, the Ukrainian
 * with no English left in it.
 */
import { LANGS } from "../../src/messages/lang";
import { PROBLEM_TEXTS, renderProblem } from "../../src/messages/problems";
import { pluralUk } from "../../src/messages/problems-uk";
import { dataProblem, PROBLEM_CODES, ProblemCode, ProblemColumn, ProblemParams } from "../../src/report/problem-codes";

const FB: ProblemColumn = { index: 4, letters: "E", header: "fb", role: "immigrants" };
const NO_HEADER: ProblemColumn = { index: 2, letters: "C", header: "", role: "emigrants" };

/** One or more parameter sets per code, each with what both languages must show of it. */
const SAMPLES: { readonly [C in ProblemCode]: readonly { readonly params: ProblemParams[C]; readonly shows: readonly string[] }[] } = {
  numberStoredAsText: [{ params: { column: FB, outcome: "missing", value: "42" }, shows: ["42", "fb"] }],
  thousands: [
    { params: { column: FB, outcome: "missing", value: "12,610" }, shows: ["12,610", "fb"] },
    { params: { outcome: "refused", value: "1 200" }, shows: ["1 200"] },
  ],
  decimalComma: [{ params: { column: NO_HEADER, outcome: "missing", value: "0,25", number: "0.25" }, shows: ["0,25"] }],
  spacesOnly: [{ params: { column: FB, outcome: "missing" }, shows: ["fb"] }],
  missingMarker: [
    { params: { column: FB, outcome: "missing", value: ".." }, shows: ["..", "fb"] },
    { params: { outcome: "refused", value: ":" }, shows: [":"] },
  ],
  text: [{ params: { column: FB, outcome: "refused", value: "Київ" }, shows: ["Київ", "fb"] }],
  boolean: [{ params: { column: FB, outcome: "missing", value: true }, shows: ["fb"] }],
  notFinite: [
    { params: { column: FB, outcome: "missing", value: NaN }, shows: ["fb"] },
    { params: { outcome: "refused", value: -Infinity }, shows: [] },
  ],
  negative: [
    { params: { column: FB, outcome: "missing", value: -5, rate: false }, shows: ["5", "fb"] },
    { params: { outcome: "refused", value: -0.5, rate: true }, shows: ["5"] },
  ],
  blankMissing: [{ params: { column: FB }, shows: ["fb"] }],
  blankRefused: [{ params: { column: { index: 2, letters: "C", header: "потік", role: "flow" } }, shows: ["потік"] }],
  blankRow: [{ params: { row: 14 }, shows: ["14"] }],
  missingLabel: [
    { params: { role: "region", row: 3, skipped: false }, shows: ["3"] },
    { params: { role: "origin", row: 7, skipped: true }, shows: ["7"] },
  ],
  period: [{ params: { value: "н.д.", column: { index: 1, letters: "B", header: "рік", role: "year" } }, shows: ["н.д.", "рік"] }],
  duplicateHeader: [{ params: { header: "рік", firstAt: "B1", index: 3 }, shows: ["рік", "B1", "3"] }],
  duplicatePair: [{ params: { origin: "Київ", destination: "Львів", context: ["2010", "жінки"], firstRow: 2 }, shows: ["Київ", "Львів", "2010", "жінки", "2"] }],
  duplicateLabel: [{ params: { label: "Гана", firstAt: "B1" }, shows: ["Гана", "B1"] }],
  repeatedRow: [
    { params: { what: "country", label: "Гана", context: [], addresses: ["A5", "A19"], contextMapped: false }, shows: ["Гана", "A5", "A19"] },
    { params: { what: "code", label: "GH", context: [2010], addresses: ["A2", "A4", "A6", "A8", "A10", "A12", "A14"], contextMapped: true }, shows: ["GH", "2010", "A2", "A10", "2"] },
  ],
  labelVariant: [{ params: { label: "київ", countedAs: "Київ", firstAt: "A2" }, shows: ["київ", "Київ", "A2"] }],
  ragged: [{ params: { row: 5, cells: 2, firstRow: 1, width: 3 }, shows: ["5", "2", "1", "3"] }],
};

const samples = PROBLEM_CODES.flatMap((code) => SAMPLES[code].map((s) => ({ code, problem: dataProblem("D9", code, s.params as never), shows: s.shows })));

/** Latin words a Ukrainian sentence may hold: the product's name for the spreadsheet. */
const ALLOWED_LATIN = /\bExcel\b/g;

test("every code has a sample here and a sentence in each language", () => {
  for (const lang of LANGS) expect(Object.keys(PROBLEM_TEXTS[lang]).sort()).toEqual([...PROBLEM_CODES].sort());
  expect(Object.keys(SAMPLES).sort()).toEqual([...PROBLEM_CODES].sort());
});

describe.each(samples.map((s, i) => [`${s.code} #${i}`, s] as const))("%s", (_, { problem, shows }) => {
  test.each(LANGS)("renders in %s as one sentence on one line, naming what it is about", (lang) => {
    const text = renderProblem(problem, lang);
    expect(text).toMatch(/^\S.*[.!)]$/);
    expect(text).not.toMatch(/[\r\n]/);
    for (const part of shows) expect(text).toContain(part);
  });

  test("the Ukrainian has no English left, the English no Ukrainian", () => {
    const latin = shows.join(" ").match(/[A-Za-z]+/g) ?? [];
    let uk = renderProblem(problem, "uk").replace(ALLOWED_LATIN, "");
    for (const word of latin) uk = uk.split(word).join("");
    expect(uk).not.toMatch(/[A-Za-z]{2,}/);
    const cyrillic = shows.join(" ").match(/[\u0400-\u04ff]+/g) ?? [];
    let en = renderProblem(problem, "en");
    for (const word of cyrillic) en = en.split(word).join("");
    expect(en).not.toMatch(/[\u0400-\u04ff]/);
  });
});

test("a column is named by its header and role, or by its letters when it has no header; a matrix cell by the matrix", () => {
  const blank = (column: ProblemColumn) => dataProblem("E7", "blankMissing", { column });
  expect(renderProblem(blank(FB), "en")).toBe("Blank in 'fb' (immigrants): read as missing, not as 0.");
  expect(renderProblem(blank(FB), "uk")).toBe("Порожня клітинка у стовпці «fb» (Іммігранти): вважається пропущеним значенням, а не 0.");
  expect(renderProblem(blank(NO_HEADER), "en")).toBe("Blank in column 2: read as missing, not as 0.");
  expect(renderProblem(blank(NO_HEADER), "uk")).toBe("Порожня клітинка у стовпці C: вважається пропущеним значенням, а не 0.");
  const inMatrix = dataProblem("C2", "negative", { outcome: "refused", value: -3, rate: false });
  expect(renderProblem(inMatrix, "en")).toBe("-3 in the matrix is negative: a count of people cannot be, so the report cannot be built (fix or clear the cell).");
  expect(renderProblem(inMatrix, "uk")).toBe("-3 у матриці — від'ємне число: кількість людей не буває від'ємною, тому звіт не можна побудувати (виправте або очистьте клітинку).");
});

test("what happens to a bad cell follows its outcome: read as missing, or the report refused", () => {
  const at = (outcome: "missing" | "refused") => dataProblem("B3", "text", { column: FB, outcome, value: "abc" });
  expect(renderProblem(at("missing"), "en")).toBe("'abc' in 'fb' (immigrants) is text, not a number: it is read as missing.");
  expect(renderProblem(at("refused"), "en")).toBe("'abc' in 'fb' (immigrants) is text, not a number: the report cannot be built (fix or clear the cell).");
  expect(renderProblem(at("missing"), "uk")).toMatch(/вважається пропущеним значенням\.$/);
  expect(renderProblem(at("refused"), "uk")).toMatch(/звіт не можна побудувати/);
});

test("a label repeated many times names its first five cells and counts the rest, in both languages", () => {
  const addresses = ["A2", "A4", "A6", "A8", "A10", "A12", "A14"];
  const p = dataProblem("A4", "repeatedRow", { what: "country", label: "Ghana", context: [2010], addresses, contextMapped: true });
  expect(renderProblem(p, "en")).toBe('Country "Ghana" appears 7 times for 2010: A2, A4, A6, A8, A10 and 2 more cells. Totals would count it twice, so the report is refused: keep one row per country.');
  expect(renderProblem(p, "uk")).toBe(
    "Країна «Ghana» трапляється 7 разів для 2010: A2, A4, A6, A8, A10 і ще в 2 клітинках. Підсумки врахували б ці рядки двічі, тому звіт не буде побудовано: залиште один рядок на країну.",
  );
});

test("Ukrainian plurals: one, few, many", () => {
  const form = (n: number) => pluralUk(n, "проблема", "проблеми", "проблем");
  expect([1, 2, 4, 5, 11, 12, 14, 21, 22, 25, 101, 111].map(form)).toEqual(["проблема", "проблеми", "проблеми", "проблем", "проблем", "проблем", "проблем", "проблема", "проблеми", "проблем", "проблема", "проблем"]);
});
