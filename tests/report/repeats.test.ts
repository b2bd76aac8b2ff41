import { engine } from "../../src/cli/engine";
import { detect } from "../../src/report/detect";
import { planReport } from "../../src/report/plan";
import { refusalText } from "../../src/messages/refusals";
import { repeatSentence } from "../../src/messages/repeats";
import { ReportRefusal } from "../../src/report/refusal";
import { repeatsOf } from "../../src/report/repeats";
import { CellValue, SourceBlock } from "../../src/report/types";

const NOW = new Date(0);

function block(values: CellValue[][], top = 0, left = 0): SourceBlock {
  return { sheet: "Data", top, left, values, provenance: "test" };
}

/** What planning refuses the block with, or undefined when it plans. */
function refusalOf(b: SourceBlock): unknown {
  try {
    planReport(b, detect(b), { mode: "native", now: NOW });
    return undefined;
  } catch (e) {
    return e;
  }
}

/** The English message planning refuses the block with, or undefined when it plans. */
const refusal = (b: SourceBlock): string | undefined => (refusalOf(b) as Error | undefined)?.message;

const HEADER: CellValue[] = ["country", "skilled emigrants", "skilled residents"];
const rows = (n: number): CellValue[][] => Array.from({ length: n }, (_, i) => [`Country ${i + 1}`, 10 + i, 100 + i]);

describe("repeatsOf and repeatSentence", () => {
  test("labels compare trimmed and case-insensitively; blanks never repeat", () => {
    const cells = [
      { address: "A2", value: "Ghana" },
      { address: "A3", value: null },
      { address: "A4", value: " ghana" },
      { address: "A5", value: "" },
      { address: "A6", value: null },
    ];
    expect(repeatsOf(cells)).toEqual([{ value: "Ghana", context: [], addresses: ["A2", "A4"] }]);
  });
  test("rows for different years are different entries", () => {
    const cells = [
      { address: "A2", value: "Ghana", context: [2010] },
      { address: "A3", value: "Ghana", context: [2011] },
    ];
    expect(repeatsOf(cells)).toEqual([]);
  });
  test("the sentence names every cell (twice, n times, the year)", () => {
    expect(repeatSentence("Country", { value: "Ghana", context: [], addresses: ["A5", "A19"] })).toBe('Country "Ghana" appears twice: A5 and A19');
    expect(repeatSentence("Country", { value: "Togo", context: [2010], addresses: ["A2", "A3", "A9"] })).toBe('Country "Togo" appears 3 times for 2010: A2, A3 and A9');
  });
  test("a label with a line break is quoted on one line", () => {
    expect(repeatSentence("Region", { value: "Côte\r\nd'Ivoire", context: [], addresses: ["A2", "A3"] }, " in the row labels")).toBe(
      "Region \"Côte↵d'Ivoire\" appears twice in the row labels: A2 and A3",
    );
  });
});

describe("a country listed twice in a country table is refused, naming both cells", () => {
  const twice = (): CellValue[][] => {
    const r = [HEADER, ...rows(20)];
    r[18][0] = "Ghana";
    r[4][0] = "Ghana"; // rows 5 and 19 of the sheet
    return r;
  };

  test("the refusal is a code naming the label, its count and its cells", () => {
    const e = refusalOf(block(twice()));
    expect(e).toBeInstanceOf(ReportRefusal);
    expect((e as ReportRefusal).code).toBe("repeatedLabels");
    expect((e as ReportRefusal<"repeatedLabels">).params).toEqual({ shape: "table", repeats: [{ what: "country", label: "Ghana", context: [], count: 2, addresses: ["A5", "A19"] }], more: 0 });
    expect(refusalText(e as ReportRefusal, "uk")).toBe(
      "Країна «Ghana» трапляється двічі: A5 і A19. Кожній країні потрібен один рядок (кілька років чи груп потребують стовпця року чи групи, що розрізняє рядки); інакше підсумки врахують її двічі.",
    );
  });

  test("the report (task pane and CLI alike) says which country and where", () => {
    const message = refusal(block(twice()));
    expect(message).toBe(
      'Country "Ghana" appears twice: A5 and A19. Each country needs one row (several years or groups need a year or group column that tells the rows apart); as it is, totals would count it twice.',
    );
    const b = block(twice());
    expect(() => engine.plan(b, engine.detect(b), { mode: "values", source: "t.csv", now: NOW })).toThrow(message!);
  });

  test("detection lists it as a problem before anything is built", () => {
    const d = detect(block(twice()));
    expect(d.shape).toBe("table");
    expect(d.problems).toEqual([{ address: "A19", kind: "duplicate", code: "repeatedRow", params: { what: "country", label: "Ghana", context: [], addresses: ["A5", "A19"], contextMapped: false } }]);
  });

  test("addresses are the user's sheet cells, wherever the block starts", () => {
    // The block starts at C10: its rows 5 and 19 are sheet rows 14 and 28.
    expect(refusal(block(twice(), 9, 2))).toMatch(/^Country "Ghana" appears twice: C14 and C28\./);
  });

  test("the same country in different years is not a repeat: the report is built", () => {
    const b = block([["country", "year", "skilled emigrants", "skilled residents"], ["Ghana", 2010, 5, 50], ["Ghana", 2011, 6, 60], ["Togo", 2010, 1, 10]]);
    expect(detect(b).problems).toEqual([]);
    expect(refusal(b)).toBeUndefined();
  });

  test("a table of distinct countries is built", () => {
    expect(refusal(block([HEADER, ...rows(5)]))).toBeUndefined();
  });
});

describe("a label used twice in a labelled matrix is refused, naming both cells", () => {
  const MATRIX: CellValue[][] = [
    ["", "A", "B", "C"],
    ["A", 0, 10, 10],
    ["B", 20, 0, 20],
    ["C", 30, 30, 0],
  ];
  const withLabel = (r: number, c: number, v: CellValue) => MATRIX.map((row, i) => row.map((x, j) => (i === r && j === c ? v : x)));

  test("in the column labels", () => {
    const e = refusalOf(block(withLabel(0, 3, "a"))) as ReportRefusal<"repeatedLabels">;
    expect([e.code, e.params]).toEqual(["repeatedLabels", { shape: "matrix", repeats: [{ what: "columnLabel", label: "A", context: [], count: 2, addresses: ["B1", "D1"] }], more: 0 }]);
    expect(refusal(block(withLabel(0, 3, "a")))).toBe('Region "A" appears twice in the column labels: B1 and D1. Each region must appear once across the top and once down the side.');
  });
  test("in the row labels", () => {
    expect(refusal(block(withLabel(3, 0, "B")))).toBe('Region "B" appears twice in the row labels: A3 and A4. Each region must appear once across the top and once down the side.');
  });
  test("distinct labels: the report is built", () => {
    expect(refusal(block(MATRIX))).toBeUndefined();
  });
});
