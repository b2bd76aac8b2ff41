import { applyOverrides, detect } from "../../src/report/detect";
import { MAX_PROBLEMS } from "../../src/report/detect-problems";
import type { LongInput, MatrixInput, TableInput } from "../../src/report/input";
import { inputFromBlock } from "../../src/report/input-from-block";
import { matchHeader, normalizeHeader, vocabularyClashes } from "../../src/report/roles";
import { CellValue, Detection, SourceBlock } from "../../src/report/types";
import type { ReasonCode, ReasonParams } from "../../src/report/reason";
import type { ReportRefusal } from "../../src/report/refusal";
import { planReport } from "../../src/report/plan";
import { erasmus, readSample, ukFlows } from "../support/samples";

const IAB = "iab-emigration-rates-1980-2010.csv";
const UNDESA = "undesa-migrant-stock-totals-1990-2020.csv";
const ERASMUS = "erasmus-student-mobility-2012-13.csv";
const UK = "uk-interregional-flows-2018.csv";

function block(values: CellValue[][], top = 0, left = 0): SourceBlock {
  return { sheet: "Data", top, left, values, provenance: "test" };
}

function sample(file: string): SourceBlock {
  return { sheet: "Data", top: 0, left: 0, values: readSample(file), provenance: file };
}

/** role → header of the mapped columns, the way a test reads a mapping. */
function mapping(d: Detection): Record<string, string> {
  return Object.fromEntries(d.columns.filter((c) => c.role !== null).map((c) => [c.role, c.header]));
}

const unmapped = (d: Detection) => d.columns.filter((c) => c.role === null).map((c) => c.header);
const kinds = (d: Detection) => d.problems.map((p) => p.kind);
/** The reason of a code (the first), and the mapped columns as "header → role (how)". */
const reasonOf = <C extends ReasonCode>(d: Detection, code: C) => d.reasons.find((r) => r.code === code)?.params as ReasonParams[C] | undefined;
const mapped = (d: Detection) => (reasonOf(d, "mapped")?.columns ?? []).map((c) => `${c.header} → ${c.role} (${c.how.kind})`);
const notUsed = (d: Detection, why: ReasonParams["notUsed"]["why"]) => d.reasons.flatMap((r) => (r.code === "notUsed" && r.params.why === why ? r.params.columns.map((c) => c.header) : []));

describe("the samples are detected with no override", () => {
  test("IAB: a country table; origin is the region, the skilled rate is high_rate", () => {
    const b = sample(IAB);
    const d = detect(b);
    expect(d.shape).toBe("table");
    expect(d.headerRow).toBe(0);
    expect(mapping(d)).toEqual({ region: "origin", code: "ccode_origin", group: "gender", year: "year", totalRate: "tot_rate", skilledRate: "high_rate" });
    expect(unmapped(d)).toEqual(["low_rate", "med_rate"]);
    expect(d.problems).toEqual([]);
    expect(d.confidence).toBeGreaterThan(0.8);
    expect(d.reasons[0]).toEqual({ code: "table", params: { rows: 4116, regions: 196, periods: 7, headerRow: 1 } });

    const ds = inputFromBlock(b, d) as TableInput;
    expect(ds.shape).toBe("table");
    // The 21 "World" rows are an aggregate, not a region: left out of the report's input.
    expect(ds.rows).toBe(4095);
    expect(ds.rowsAt[0]).toBe(1);
    expect(ds.columns.region?.values[0]).toBe("Afghanistan");
    expect(ds.columns.year?.values[0]).toBe(1980);
    expect(ds.columns.group?.values[0]).toBe("Male and Female");
    expect(ds.columns.totalRate?.values[0]).toBeCloseTo(0.000660470977891237, 15);
    expect(ds.columns.skilledRate?.values).toHaveLength(4095);
    expect(Object.fromEntries(Object.entries(ds.columns).map(([role, c]) => [role, c.col]))).toEqual({ region: 0, code: 1, group: 2, year: 3, totalRate: 4, skilledRate: 7 });
  });

  test("UN DESA: fb, disp and pop are counts; the shares and the empty imm column are left out", () => {
    const b = sample(UNDESA);
    const d = detect(b);
    expect(d.shape).toBe("table");
    expect(mapping(d)).toEqual({ region: "name", code: "alpha3", year: "year", immigrants: "fb", emigrants: "disp", population: "pop" });
    expect(unmapped(d)).toEqual(["country_code", "fb_share", "refugee", "pob_code", "imm", "disp_share"]);
    expect(d.reasons[0]).toEqual({ code: "table", params: { rows: 1645, regions: 235, periods: 7, headerRow: 1 } });
    expect(mapped(d)).toContain("fb → immigrants (synonym)");
    expect(notUsed(d, "empty")).toContain("imm");
    // 36 rows have no foreign-born figure: blanks in a numeric column are missing, not 0
    expect(d.problems).toHaveLength(36);
    expect(d.problems.every((p) => p.kind === "blank" && p.address.startsWith("E"))).toBe(true);

    const ds = inputFromBlock(b, d) as TableInput;
    expect(ds.columns.immigrants?.values.filter((v) => v === null)).toHaveLength(36);
    expect(ds.columns.population?.values.every((v) => typeof v === "number")).toBe(true);
    expect(ds.columns.code?.values[0]).toBe("BDI");
  });

  test("Erasmus: a 33 × 33 matrix with labels on both sides and a 'home\\host' corner", () => {
    const b = sample(ERASMUS);
    const d = detect(b);
    expect(d.shape).toBe("matrix");
    expect(d.matrixLabels).toEqual({ row: true, column: true });
    expect(d.headerRow).toBe(0);
    expect(d.columns).toEqual([]);
    expect(d.problems).toEqual([]);
    expect(d.confidence).toBeGreaterThanOrEqual(0.9);
    expect(d.reasons[0]).toEqual({ code: "matrix", params: { n: 33, labelRow: 1, labelColumn: "A", corner: "home\\host" } });

    const ds = inputFromBlock(b, d) as MatrixInput;
    const expected = erasmus();
    expect(ds).toMatchObject({ shape: "matrix", sheet: "Data", top: 1, left: 1 });
    expect(ds.labels).toEqual(expected.labels);
    expect(ds.cells).toEqual(expected.matrix);
    expect(ds.cells.flat().reduce((s: number, x) => s + (x as number), 0)).toBe(268142);
  });

  test("UK: a long list orig, dest, flow", () => {
    const b = sample(UK);
    const d = detect(b);
    expect(d.shape).toBe("long");
    expect(mapping(d)).toEqual({ origin: "orig", destination: "dest", flow: "flow" });
    expect(d.problems).toEqual([]);
    expect(d.reasons[0]).toEqual({ code: "long", params: { flows: 144, regions: 12, headerRow: 1 } });

    const ds = inputFromBlock(b, d) as LongInput;
    const expected = ukFlows();
    expect(ds.rows).toBe(144);
    expect(ds.origin.values).toEqual(expected.orig);
    expect(ds.destination.values).toEqual(expected.dest);
    expect(ds.flow.values).toEqual(expected.flow);
    expect(ds.rowsAt.slice(0, 2)).toEqual([1, 2]);
    expect([ds.origin.col, ds.destination.col, ds.flow.col]).toEqual([0, 1, 2]);
    expect(ds.year).toBeUndefined();
  });
});

describe("header variants", () => {
  test("case, spacing, underscores, punctuation and camelCase", () => {
    const d = detect(block([["  ORIGIN ", "Destination_Region", "FLOW"], ["A", "B", 1], ["B", "A", 2]]));
    expect(d.shape).toBe("long");
    expect(mapping(d)).toEqual({ origin: "  ORIGIN ", destination: "Destination_Region", flow: "FLOW" });
    expect(matchHeader("skilledEmigrants")[0]).toMatchObject({ role: "skilledEmigrants", kind: "name" });
    expect(matchHeader("Tertiary-age population")[0]?.role).toBe("tertiaryAgePopulation");
  });

  test("units in brackets are ignored, but a percentage is never a count", () => {
    const d = detect(
      block([
        ["Country", "Population (thousands)", "Emigrants [persons]", "Total emigration rate (%)", "Emigrants (%)"],
        ["A", 100, 5, 0.05, 5],
        ["B", 200, 8, 0.04, 4],
      ]),
    );
    expect(mapping(d)).toEqual({ region: "Country", population: "Population (thousands)", emigrants: "Emigrants [persons]", totalRate: "Total emigration rate (%)" });
    expect(unmapped(d)).toEqual(["Emigrants (%)"]);
    expect(notUsed(d, "share")).toEqual(["Emigrants (%)"]);
    expect(normalizeHeader("Population (thousands)")).toEqual({ key: "population", words: ["population"], share: false });
  });

  test("every role by a common name or synonym", () => {
    const headers = [
      "Country name", "ISO-3", "Foreign-born", "Diaspora", "Pop.", "Total emigration rate", "Skilled emigrants", "Tertiary residents",
      "Skilled immigrants", "Residents", "Returnees", "Inbound students", "Outbound students", "Tertiary enrolment", "Tertiary-age population",
      "High-skilled rate", "Sex", "Period",
    ];
    const row = (name: string): CellValue[] => [name, name.slice(0, 3).toUpperCase(), 1, 2, 3, 0.1, 4, 5, 6, 7, 8, 9, 10, 11, 12, 0.2, "F", "2010-2015"];
    const d = detect(block([headers, row("Alpha"), row("Beta")]));
    expect(d.shape).toBe("table");
    expect(mapping(d)).toEqual({
      region: "Country name", code: "ISO-3", immigrants: "Foreign-born", emigrants: "Diaspora", population: "Pop.", totalRate: "Total emigration rate",
      skilledEmigrants: "Skilled emigrants", skilledResidents: "Tertiary residents", skilledImmigrants: "Skilled immigrants", residents: "Residents",
      returnees: "Returnees", inboundStudents: "Inbound students", outboundStudents: "Outbound students", tertiaryEnrolment: "Tertiary enrolment",
      tertiaryAgePopulation: "Tertiary-age population", skilledRate: "High-skilled rate", group: "Sex", year: "Period",
    });
  });

  test("long-list synonyms: from/to/moves, home/host/migrants, source/dest/n", () => {
    for (const [o, dname, f] of [["from", "to", "moves"], ["Home", "Host", "Migrants"], ["source", "dest", "n"]]) {
      const d = detect(block([[o, dname, f], ["A", "B", 1], ["B", "A", 2]]));
      expect(d.shape).toBe("long");
      expect(mapping(d)).toEqual({ origin: o, destination: dname, flow: f });
    }
  });

  test("a matrix without a corner label", () => {
    const d = detect(block([[null, "A", "B", "C"], ["A", 0, 1, 2], ["B", 3, 0, null], ["C", 5, 6, 0]]));
    expect(d.shape).toBe("matrix");
    expect(d.matrixLabels).toEqual({ row: true, column: true });
    expect(d.problems).toEqual([]); // a blank in a matrix is no flow
    // The cells as they are: the planner reads the blank as no flow.
    expect((inputFromBlock(block([[null, "A", "B"], ["A", 0, null], ["B", 3, 0]]), d) as MatrixInput).cells).toEqual([[0, null], [3, 0]]);
  });

  test("a matrix with labels above only, or to the left only", () => {
    const above = detect(block([["A", "B", "C"], [0, 1, 2], [3, 0, 4], [5, 6, 0]]));
    expect(above).toMatchObject({ shape: "matrix", matrixLabels: { row: true, column: false }, headerRow: 0 });
    const left = detect(block([["A", 0, 1, 2], ["B", 3, 0, 4], ["C", 5, 6, 0]]));
    expect(left).toMatchObject({ shape: "matrix", matrixLabels: { row: false, column: true }, headerRow: -1 });
    const ds = inputFromBlock(block([["A", 0, 1, 2], ["B", 3, 0, 4], ["C", 5, 6, 0]]), left) as MatrixInput;
    expect(ds).toMatchObject({ labels: ["A", "B", "C"], top: 0, left: 1 });
  });

  test("matrix labels in a different order lower the confidence and say why", () => {
    const d = detect(block([["", "A", "B", "C"], ["B", 0, 1, 2], ["A", 3, 0, 4], ["C", 5, 6, 0]]));
    expect(d.shape).toBe("matrix");
    expect(d.confidence).toBeLessThan(0.9);
    expect(reasonOf(d, "matrixLabelOrder")?.order).toBe("reordered");
  });

  test("a square table is still a table when its headers name roles", () => {
    const d = detect(block([["Country", "Emigrants", "Immigrants"], ["A", 1, 2], ["B", 3, 4]]));
    expect(d.shape).toBe("table");
    expect(mapping(d)).toEqual({ region: "Country", emigrants: "Emigrants", immigrants: "Immigrants" });
  });

  test("a long list with a year column: pairs repeat across years without being duplicates", () => {
    const b = block([["From", "To", "Year", "Moves"], ["A", "B", 2019, 5], ["B", "A", 2019, 3], ["A", "B", 2020, 7]]);
    const d = detect(b);
    expect(mapping(d)).toEqual({ origin: "From", destination: "To", year: "Year", flow: "Moves" });
    expect(d.problems).toEqual([]);
    const ds = inputFromBlock(b, d) as LongInput;
    expect(ds.year?.values).toEqual([2019, 2019, 2020]);
    expect([ds.origin.col, ds.destination.col, ds.flow.col, ds.year?.col]).toEqual([0, 1, 3, 2]);
  });

  test("shuffled columns map by name, wherever they are", () => {
    const rows = readSample(IAB).slice(0, 50);
    const order = [7, 3, 0, 5, 2, 6, 1, 4];
    const d = detect(block(rows.map((r) => order.map((k) => r[k]))));
    expect(mapping(d)).toEqual({ region: "origin", code: "ccode_origin", group: "gender", year: "year", totalRate: "tot_rate", skilledRate: "high_rate" });
    const flipped = detect(block([["count", "Destination ", "ORIGIN"], [5, "B", "A"], [3, "A", "B"]]));
    expect(mapping(flipped)).toEqual({ flow: "count", destination: "Destination ", origin: "ORIGIN" });
  });

  test("titles above the header are skipped, and addresses are on the source sheet", () => {
    const b = block([["Table 1. Emigrants", null, null], [null, null, null], ["Country", "Emigrants", "Population"], ["A", -1, 10], ["B", 2, 20]], 3, 1);
    const d = detect(b);
    expect(d).toMatchObject({ shape: "table", headerRow: 2 });
    expect(d.reasons[0]).toEqual({ code: "table", params: { rows: 2, regions: 2, headerRow: 6 } });
    expect(d.problems).toEqual([expect.objectContaining({ address: "C7", kind: "negative" })]);
  });

  test("a list with unknown names or no header is guessed from its content, with low confidence", () => {
    const rows: CellValue[][] = [["A", "B", 5], ["B", "A", 3], ["A", "C", 2], ["C", "A", 1]];
    for (const d of [detect(block([["Herkunft", "Ziel", "Anzahl"], ...rows])), detect(block(rows))]) {
      expect(d.shape).toBe("long");
      expect(d.columns.map((c) => c.role)).toEqual(["origin", "destination", "flow"]);
      expect(d.confidence).toBe(0.5);
      expect(mapped(d).some((m) => m.endsWith("(content)"))).toBe(true);
    }
  });

  test("the vocabulary names no phrase twice", () => expect(vocabularyClashes()).toEqual([]));
});

describe("bad blocks", () => {
  test("an empty block, or one of blanks only, cannot be read", () => {
    expect(() => detect(block([]))).toThrow(/^The block is empty/);
    expect(() => detect(block([[null, ""], [null, "  "]]))).toThrow(/^The block is empty/);
  });

  test("a single value cannot be read; the message names its cell", () => {
    expect(() => detect(block([[42]], 2, 2))).toThrow("The block holds a single value (C3)");
  });

  test("text only, no numeric column, or no header and not a matrix", () => {
    expect(() => detect(block([["a", "b"], ["c", "d"]]))).toThrow(/only text/);
    expect(() => detect(block([["Country", "Emigrants"], ["A", "many"], ["B", "few"], ["C", 1]]))).toThrow(/No column holds numbers/);
    expect(() => detect(block([[1, 2, 3], [4, 5, 6]]))).toThrow(/No header row/);
  });

  test("error messages are one line", () => {
    for (const values of [[], [[1]], [["a"], ["b"]], [[1, 2, 3], [4, 5, 6]]] as CellValue[][][]) {
      expect(() => detect(block(values))).toThrow(/^[^\n]+$/);
    }
  });

  test("ragged rows are flagged where the row ends or overruns", () => {
    const d = detect(block([["orig", "dest", "flow"], ["A", "B", 1], ["B", "A"], ["A", "C", 3, 9]], 2, 1));
    expect(d.shape).toBe("long");
    expect(d.problems.filter((p) => p.kind === "ragged").map((p) => p.address)).toEqual(["D5", "E6"]);
  });

  test("merged-looking blank rows and blank labels", () => {
    const b = block([["Country", "Gender", "Emigrants"], ["France", "Male", 10], [null, "Female", 12], [null, null, null], ["Spain", "Male", 5]]);
    const d = detect(b);
    expect(d.problems.map((p) => [p.address, p.kind])).toEqual([["A3", "blank"], ["A4", "blank"]]);
    expect(d.problems[0]).toMatchObject({ code: "missingLabel", params: { role: "region", row: 3, skipped: false } });
    expect(d.problems[1]).toMatchObject({ code: "blankRow", params: { row: 4 } });
    const ds = inputFromBlock(b, d) as TableInput;
    expect(ds.rows).toBe(3);
    expect(ds.rowsAt).toEqual([1, 2, 4]);
    expect(ds.columns.region?.values).toEqual(["France", null, "Spain"]);
  });

  test("duplicate headers: flagged, one column mapped, the name is ambiguous for overrides", () => {
    const b = block([["country", "year", "emigrants", "year"], ["A", 2000, 5, 2001], ["B", 2000, 6, 2001]]);
    const d = detect(b);
    expect(d.problems).toEqual([{ address: "D1", kind: "duplicate", code: "duplicateHeader", params: { header: "year", firstAt: "B1", index: 3 } }]);
    expect(d.columns.filter((c) => c.role === "year").map((c) => c.index)).toEqual([1]);
    expect(() => applyOverrides(b, d, { map: { year: "year" } })).toThrow(/more than one column/);
    expect(mapping(applyOverrides(b, d, { map: { year: 3 } })).year).toBe("year");
    expect(applyOverrides(b, d, { map: { year: 3 } }).columns[3].role).toBe("year");
  });

  test("numbers stored as text are problems with advice, never converted", () => {
    const b = block([["Country", "Emigrants", "Population"], ["A", "12,610", "12 610"], ["B", "3,5", 100], ["C", "42", 200]]);
    const d = detect(b);
    expect(mapping(d)).toEqual({ region: "Country", emigrants: "Emigrants", population: "Population" });
    expect(d.problems.map((p) => [p.address, p.kind])).toEqual([["B2", "text"], ["C2", "text"], ["B3", "text"], ["B4", "text"]]);
    const column = (letters: string, header: string, role: string) => ({ index: letters.charCodeAt(0) - 65, letters, header, role });
    const emigrants = column("B", "Emigrants", "emigrants");
    expect(d.problems.map((p) => [p.code, p.params])).toEqual([
      ["thousands", { column: emigrants, outcome: "missing", value: "12,610" }],
      ["thousands", { column: column("C", "Population", "population"), outcome: "missing", value: "12 610" }],
      ["decimalComma", { column: emigrants, outcome: "missing", value: "3,5", number: "3.5" }],
      ["numberStoredAsText", { column: emigrants, outcome: "missing", value: "42" }],
    ]);
    // Never converted: the planner reads them as text (#VALUE!), as the add-in's functions do.
    const ds = inputFromBlock(b, d) as TableInput;
    expect(ds.columns.emigrants?.values).toEqual(["12,610", "3,5", "42"]);
    expect(ds.columns.population?.values).toEqual(["12 610", 100, 200]);
  });

  test("negative counts, non-finite numbers, logical values and blanks in numeric columns", () => {
    const d = detect(block([["Country", "Emigrants", "Population"], ["A", -4, Infinity], ["B", true, null], ["C", 1, 2]]));
    expect(d.problems.map((p) => [p.address, p.kind, p.code])).toEqual([["B2", "negative", "negative"], ["C2", "notFinite", "notFinite"], ["B3", "text", "boolean"], ["C3", "blank", "blankMissing"]]);
    expect(d.problems[0].params).toMatchObject({ value: -4, rate: false, outcome: "missing" });
    expect(d.problems[2].params).toMatchObject({ value: true, outcome: "missing" });
  });

  test("a matrix: text and negative cells are problems, blanks are not", () => {
    const b = block([["", "A", "B", "C"], ["A", 0, "1,200", null], ["B", -3, 0, 4], ["C", 5, 6, 0]]);
    const d = detect(b);
    expect(d.shape).toBe("matrix");
    expect(d.problems).toEqual([
      { address: "C2", kind: "text", code: "thousands", params: { outcome: "refused", value: "1,200" } },
      { address: "B3", kind: "negative", code: "negative", params: { outcome: "refused", value: -3, rate: false } },
    ]);
    expect((inputFromBlock(b, d) as MatrixInput).cells).toEqual([[0, "1,200", null], [-3, 0, 4], [5, 6, 0]]);
  });

  test("duplicate labels in a matrix and duplicate pairs in a long list", () => {
    const m = detect(block([["", "A", "A"], ["A", 0, 1], ["B", 2, 0]]));
    expect(m.problems).toEqual([{ address: "C1", kind: "duplicate", code: "duplicateLabel", params: { label: "A", firstAt: "B1" } }]);
    const l = detect(block([["orig", "dest", "flow"], ["A", "B", 1], ["B", "A", 2], [" A", "B", 3]]));
    expect(l.problems).toEqual([{ address: "A4", kind: "duplicate", code: "duplicatePair", params: { origin: "A", destination: "B", context: [], firstRow: 2 } }]);
  });

  test(`problems are capped at ${MAX_PROBLEMS}, and the reasons give the total`, () => {
    const rows: CellValue[][] = [["Country", "Emigrants"]];
    for (let i = 0; i < 300; i++) rows.push([`R${i}`, i % 2 ? i : "n/a"]);
    const d = detect(block(rows));
    expect(d.problems).toHaveLength(150);
    rows.push(...rows.slice(1).map((r) => [`${r[0]}x`, "n/a"]));
    const big = detect(block(rows));
    expect(big.problems).toHaveLength(MAX_PROBLEMS);
    expect(reasonOf(big, "problems")).toEqual({ total: 450, byKind: [{ kind: "text", count: 450 }], listed: MAX_PROBLEMS });
    expect(big.problems[0]).toMatchObject({ code: "missingMarker", params: { value: "n/a", outcome: "missing" } });
  });

  test("missing-value markers do not stop a column of numbers being mapped", () => {
    const d = detect(block([["Country", "Emigrants", "Immigrants"], ["A", "..", ".."], ["B", "..", 5], ["C", 4, ".."]]));
    expect(mapping(d)).toEqual({ region: "Country", emigrants: "Emigrants", immigrants: "Immigrants" });
    expect(kinds(d)).toEqual(["text", "text", "text", "text"]);
  });

});

describe("overrides", () => {
  const un = sample(UNDESA);
  const d = detect(un);

  test("a role by header name (loosely) or column index; the previous column is unmapped", () => {
    const byName = applyOverrides(un, d, { map: { immigrants: "FB_SHARE" } });
    expect(mapping(byName).immigrants).toBe("fb_share");
    expect(byName.columns.find((c) => c.header === "fb")?.role).toBeNull();
    expect(byName.columns.find((c) => c.header === "fb_share")?.confidence).toBe(1);
    expect(mapped(byName)).toContain("fb_share → immigrants (user)");
    expect(mapping(applyOverrides(un, d, { map: { population: 2 } })).population).toBe("country_code");
  });

  test("null unmaps a role, and problems are derived again", () => {
    const o = applyOverrides(un, d, { map: { immigrants: null } });
    expect(mapping(o).immigrants).toBeUndefined();
    expect(o.problems).toEqual([]); // the blanks were all in fb
    expect(reasonOf(o, "beaten")?.columns).toContainEqual(expect.objectContaining({ header: "fb", role: "immigrants", kind: "cleared" }));
  });

  test("mapping a column of text brings its problems, capped, with the total in the reasons", () => {
    const o = applyOverrides(un, d, { map: { returnees: "refugee" } });
    expect(o.problems).toHaveLength(MAX_PROBLEMS);
    expect(reasonOf(o, "problems")).toEqual({ total: 614, byKind: [{ kind: "text", count: 578 }, { kind: "blank", count: 36 }], listed: MAX_PROBLEMS });
  });

  test("unknown headers, columns and roles are refused, naming them and the available headers", () => {
    const refused = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return { code: (e as ReportRefusal).code, params: (e as ReportRefusal).params, message: (e as Error).message };
      }
      throw new Error("expected a refusal");
    };
    const foreign = refused(() => applyOverrides(un, d, { map: { immigrants: "foreign" } }));
    expect(foreign).toMatchObject({ code: "noColumn", params: { column: "foreign", headers: expect.arrayContaining([{ header: "alpha3", index: 0 }, { header: "name", index: 1 }]) } });
    expect(foreign.message).toMatch(/^There is no column 'foreign'\. Available headers: 'alpha3' \(0\), 'name' \(1\)/);
    expect(refused(() => applyOverrides(un, d, { map: { immigrants: 40 } }))).toMatchObject({ code: "noColumn", params: { column: 40, headers: expect.arrayContaining([{ header: "disp_share", index: 11 }]) } });
    expect(refused(() => applyOverrides(un, d, { map: { migrants: 4 } as never }))).toMatchObject({ code: "unknownRole", params: { role: "migrants" } });
    expect(refused(() => applyOverrides(un, d, { map: { flow: 4 } }))).toMatchObject({ code: "roleNotInShape", params: { shape: "table", role: "flow" } });
  });

  test("a shape override starts detection again for that shape", () => {
    const uk = sample(UK);
    const table = applyOverrides(uk, detect(uk), { shape: "table" });
    expect(table.shape).toBe("table");
    expect(mapping(table)).toEqual({ region: "orig" });
    expect(reasonOf(table, "shapeByUser")).toEqual({ shape: "table" });
    expect(() => applyOverrides(un, d, { shape: "matrix" })).toThrow(expect.objectContaining({ code: "notSquare" }));
  });

  test("shape and roles together; a matrix has no roles to map", () => {
    const long = applyOverrides(un, d, { shape: "long", map: { origin: "name", destination: "alpha3", flow: "fb" } });
    expect(long.shape).toBe("long");
    expect(mapping(long)).toMatchObject({ origin: "name", destination: "alpha3", flow: "fb", year: "year" });
    const er = sample(ERASMUS);
    expect(() => applyOverrides(er, detect(er), { map: { flow: 1 } })).toThrow(expect.objectContaining({ code: "matrixNoColumns" }));
  });

  test("no override returns the detection as it was", () => {
    expect(applyOverrides(un, d, {})).toBe(d);
    expect(applyOverrides(un, d, { shape: "table" })).toBe(d);
  });

  test("reading a long list without its flow column says which role is missing", () => {
    const uk = sample(UK);
    const o = applyOverrides(uk, detect(uk), { map: { flow: null } });
    expect(() => inputFromBlock(uk, o)).toThrow("The long list has no flow column: map one (e.g. flow=<header>).");
  });
});

describe("a labelled matrix with a few text cells stays a matrix", () => {
  const labelled = (cells: Record<string, CellValue>): CellValue[][] => {
    const rows: CellValue[][] = [
      ["", "Ghana", "Kenya", "Peru"],
      ["Ghana", 0, 10, 10],
      ["Kenya", 20, 0, 20],
      ["Peru", 30, 30, 0],
    ];
    for (const [at, v] of Object.entries(cells)) rows[Number(at[1]) - 1][at.charCodeAt(0) - 65] = v;
    return rows;
  };

  test.each([
    ["n/a", { D3: "n/a" }],
    ["1,2x", { C2: "1,2x" }],
    ["two text cells", { C2: "x", B4: "?" }],
  ])("%s in a data cell: still a matrix, and the problem names the cell", (_, cells) => {
    const d = detect(block(labelled(cells)));
    expect(d.shape).toBe("matrix");
    expect(d.matrixLabels).toEqual({ row: true, column: true });
    expect(d.problems.map((p) => [p.address, p.kind])).toEqual(Object.keys(cells).map((a) => [a, "text"]));
  });

  test("the report is refused, naming each text cell by its address on the sheet", () => {
    const b = block(labelled({ D3: "n/a", C2: "1,2x" }), 3, 1); // the block starts at B4
    const d = detect(b);
    expect(d.shape).toBe("matrix");
    expect(() => planReport(b, d, { mode: "native", now: new Date(0) })).toThrow(
      'the matrix has cells that are not counts of people: D5 ("1,2x"), E6 ("n/a"). Fix or clear them, or select the numbers only.',
    );
  });

  test("blanks in the data cells are no flow: the report is built", () => {
    const b = block(labelled({ C2: null, D3: "" }));
    const d = detect(b);
    expect(d.shape).toBe("matrix");
    expect(d.problems).toEqual([]);
    expect(planReport(b, d, { mode: "values", now: new Date(0) }).shape).toBe("matrix");
  });

  test("the leniency needs the same labels across the top and down the side", () => {
    const rows = labelled({ D3: "n/a" });
    rows[1][0] = "Chad";
    rows[2][0] = "Iran";
    rows[3][0] = "Oman"; // down the side: other regions than across the top
    let shape: string | undefined;
    try {
      shape = detect(block(rows)).shape;
    } catch {
      shape = undefined; // refused outright: not a matrix either
    }
    expect(shape).not.toBe("matrix");
  });
});
