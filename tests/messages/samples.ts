/** One sample of each coded message, with parameters a test can look for in the wording. */
import type { RefusalCode, RefusalParams } from "../../src/report/refusal";
import type { ReasonCode, ReasonParams } from "../../src/report/reason";
import type { HeadlineItem } from "../../src/report/headline";
import { Lang, LANGS } from "../../src/messages/lang";

export const REFUSALS: { [C in RefusalCode]: RefusalParams[C] } = {
  unitMismatch: { column: "C", header: "Emigrants (%)", role: "emigrants", roleLabel: "Emigrants", unit: "percent", expects: "count" },
  rateLooksPercent: { column: "B", header: "Skilled emigration rate", role: "skilledRate", roleLabel: "Skilled emigration rate", largest: 35.5, at: "B7" },
  allAggregates: { rows: [{ row: 7, address: "A7", label: "World", role: "region", reason: { kind: "total", why: "a total" } }] },
  matrixLabels: { paired: 1, repeated: false, leftOut: [{ side: "row", label: "Total inflow", at: "A10", reason: { kind: "aggregate", aggregate: { kind: "total", why: "a total" } } }] },
  breakdowns: { pairs: 12, columns: [{ column: "G", header: "sex", values: ["T", "M", "F"] }], examples: ["sex=T"] },
  emptyBlock: {},
  singleValue: { cell: "D4" },
  onlyText: {},
  noHeaderNotSquare: {},
  noNumberColumn: {},
  noHeaderRow: {},
  notSquare: { rows: 3, columns: 5 },
  noDataRows: {},
  matrixNoColumns: {},
  unknownRole: { role: "flows", roles: ["origin", "destination", "flow"] },
  roleNotInShape: { shape: "long", role: "population", roles: ["origin", "destination", "flow"] },
  noColumn: { column: "Moves", headers: [{ header: "from", index: 0 }, { header: "", index: 1 }] },
  ambiguousColumn: { column: "flow", indexes: [2, 3], headers: [{ header: "Flow", index: 2 }, { header: "flow", index: 3 }] },
  noFilteredRows: { filters: [{ column: "G", header: "sex", value: "X" }] },
  repeatedLabels: {
    shape: "table",
    repeats: [
      { what: "country", label: "Ghana", context: [2010], count: 3, addresses: ["A5", "A19", "A33"] },
      { what: "code", label: "GHA", context: [], count: 2, addresses: ["B5", "B19"] },
    ],
    more: 4,
  },
};

/** What each refusal's wording must name, in every language. */
export const REFUSAL_NAMES: { [C in RefusalCode]: readonly string[] } = {
  unitMismatch: ["C", "Emigrants (%)"],
  rateLooksPercent: ["B7", "Skilled emigration rate", "(%)"],
  allAggregates: ["A7", "World"],
  matrixLabels: ["1", "Total inflow", "A10"],
  breakdowns: ["12", "G", "sex", "T, M, F", "sex=T"],
  emptyBlock: [],
  singleValue: ["D4"],
  onlyText: [],
  noHeaderNotSquare: [],
  noNumberColumn: [],
  noHeaderRow: [],
  notSquare: ["3", "5"],
  noDataRows: [],
  matrixNoColumns: [],
  unknownRole: ["flows", "origin, destination, flow"],
  roleNotInShape: ["population", "origin, destination, flow"],
  noColumn: ["Moves", "from", "(0)", "(1)"],
  ambiguousColumn: ["flow", "2, 3", "Flow"],
  noFilteredRows: ["G", "sex", "X"],
  repeatedLabels: ["Ghana", "2010", "A5", "A19", "A33", "GHA", "B5", "B19", "4"],
};

export const REASONS: { [C in ReasonCode]: ReasonParams[C] } = {
  table: { rows: 1645, regions: 235, periods: 7, headerRow: 1 },
  long: { flows: 144, regions: 12, headerRow: 3 },
  matrix: { n: 33, labelRow: 1, labelColumn: "A", corner: "home\\host" },
  matrixLabelOrder: { n: 33, order: "same" },
  matrixBlanks: {},
  mapped: { columns: [{ column: "E", header: "fb", role: "immigrants", how: { kind: "synonym" } }, { column: "H", header: "Jahr", role: "year", how: { kind: "periods" } }] },
  nothingMapped: {},
  beaten: { columns: [{ column: "F", header: "imm", role: "immigrants", kind: "beaten", winner: { column: "E", header: "fb" } }] },
  notUsed: { why: "share", columns: [{ column: "D", header: "fb_share" }] },
  percentValues: { column: "G", header: "Skilled rate", max: 35.5 },
  shapeByUser: { shape: "long" },
  problems: { total: 614, byKind: [{ kind: "text", count: 578 }, { kind: "blank", count: 36 }], listed: 50 },
  matrixFound: { range: "'Table 1'!A5:F10", rowsAround: true },
  matrixAligned: { reordered: true, leftOut: [{ side: "column", label: "Total", at: "H4", reason: { kind: "sumOfOthers" } }] },
  aggregatesLeftOut: { count: 3, rows: [{ row: 5, address: "A5", label: "WORLD", role: "region", reason: { kind: "total", why: "a total" } }] },
};

export const REASON_NAMES: { [C in ReasonCode]: readonly string[] } = {
  table: ["645", "235", "7", "1"],
  long: ["144", "12", "3"],
  matrix: ["33", "1", "A", "home\\host"],
  matrixLabelOrder: ["33"],
  matrixBlanks: ["0"],
  mapped: ["fb", "Jahr"],
  nothingMapped: [],
  beaten: ["imm", "fb"],
  notUsed: ["fb_share"],
  percentValues: ["Skilled rate", "35"],
  shapeByUser: [],
  problems: ["614", "578", "36", "50"],
  matrixFound: ["'Table 1'!A5:F10"],
  matrixAligned: ["Total", "H4"],
  aggregatesLeftOut: ["3", "A5", "WORLD"],
};

export const HEADLINE: readonly HeadlineItem[] = [
  { code: "period", value: "2010" },
  { code: "estimatedFlows", value: { first: "2010", last: "2015", method: "return" } },
  { code: "regions", value: 33 },
  { code: "totalFlows", value: 268142 },
  { code: "mei", value: 0.1515 },
  { code: "circulationIndex", value: 0.7166 },
  { code: "largestCorridor", value: { origin: "IT", destination: "ES", flow: 8040 } },
  { code: "rows", value: 585 },
  { code: "median", measure: "Selection ratio (skilled ÷ total emigration rate)", value: 1.2 },
];

/**
 * Latin words of three or more letters left in Ukrainian text once the parameters' own text,
 * option names, keywords and abbreviations are taken out.
 */
export function englishWordsIn(text: string, allowed: readonly string[]): string[] {
  let rest = text;
  for (const a of [...allowed].sort((x, y) => y.length - x.length)) rest = rest.split(a).join(" ");
  rest = rest.replace(/--[a-z-]+(?:[ =]\S+)?/g, " ").replace(/\b[A-Z]{2,}\b/g, " ");
  const KEYWORDS = new Set(["flow", "return", "zero", "COLUMN"]);
  return (rest.match(/[A-Za-z]{3,}/g) ?? []).filter((w) => !KEYWORDS.has(w));
}

/**
 * A message worded in both languages: one line, no "undefined", every name in it; the
 * Ukrainian in Cyrillic with no English word left but the names and the `allowed` ones.
 */
export function expectBothLanguages(render: (lang: Lang) => string, names: readonly string[], allowed: readonly string[] = []): void {
  for (const lang of LANGS) {
    const text = render(lang);
    expect(text).toMatch(/\S/);
    expect(text).not.toMatch(/\n|undefined|\[object/);
    for (const name of names) expect(text).toContain(name);
  }
  const uk = render("uk");
  expect(uk).toMatch(/[а-яіїєґ]{4}/);
  expect(englishWordsIn(uk, [...names, ...allowed])).toEqual([]);
}
