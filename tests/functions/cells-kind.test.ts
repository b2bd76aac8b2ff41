import { cellKind, Cell, CellKind, hostCellKind, HostCellKind } from "../../src/cells/kind";
import { isBlank, isHeaderText, readLabels, readMatrix, readNumber, readOptionalBoolean, readOptionalNumber } from "../../src/functions/cells";
import { elementwise2 } from "../../src/functions/elementwise";
import { migrationMatrix } from "../../src/functions/migration";
import { MeasureError } from "../../src/indicators/types";
import { numberIn } from "../../src/report/input";
import { isExcelError } from "../../scripts/lib/custom-functions-runtime";
import { BadInputClass, CLASSES } from "../reliability/bad-input";

/**
 * One reading of a cell: for every class of cell, the functions' readers answer as the class
 * says, and the class is the one the report engine gives the cell (cellKind).
 */

/** The bad-input catalog's classes of a single cell, and the kind each is. */
const CATALOG_KIND: Partial<Record<BadInputClass, CellKind>> = {
  text: "text",
  thousands: "numberText",
  decimalComma: "numberText",
  boolean: "boolean",
  blank: "blank",
  notFinite: "notFinite",
};
/** The catalog's classes that are about ranges, shapes or values in range, not about one cell's kind. */
const NOT_A_CELL_CLASS: BadInputClass[] = ["negative", "rateOutOfRange", "mismatchedShapes", "nonSquare", "empty", "singleCell", "millionCells", "duplicateLabels", "missingLabels", "mixedYears"];

const ERROR_VALUE = new CustomFunctions.Error("#N/A" as CustomFunctions.ErrorCode.notAvailable, "from upstream");

/** Cells of each kind: those of the catalogs (tests/reliability/bad-input*.ts), and the kinds they do not name. */
const SAMPLES: Record<HostCellKind, unknown[]> = {
  number: [3, 2.5, 1e300], // not 1 or 0 (an optional TRUE/FALSE reads them as TRUE and FALSE), nor negative (a class of value, not of cell)
  notFinite: [NaN, Infinity, -Infinity],
  blank: [null, undefined, ""],
  spaces: [" ", "  ", "\u00a0"],
  numberText: ["12,610", "12 610", "12 000", "0,25", "0,07", "42", " 2000 ", "1.234,5"],
  missingMarker: ["..", ":", "n/a", "-", "…"],
  text: ["abc", "two", "soon", "2010s", "a very long label that goes on and on and on"],
  boolean: [true, false],
  error: [ERROR_VALUE],
};

/** What a reader did with a cell, comparable across cells of one kind. */
type Outcome = "number" | "missing" | "invalid" | "passedOn" | "fallback" | "zero" | "outOfDomain" | "kept" | "empty label" | "shown";

function outcome(body: () => unknown, cell: unknown): Outcome {
  try {
    const v = body();
    if (v === "fallback") return "fallback";
    if (typeof v === "number") return Object.is(v, cell) ? "number" : v === 0 ? "zero" : "kept";
    return "kept";
  } catch (e) {
    if (e === cell) return "passedOn";
    if (e instanceof MeasureError) return e.kind === "outOfDomain" ? "outOfDomain" : e.kind === "missing" ? "missing" : "invalid";
    throw e;
  }
}

/** The expected answer of each reader for each kind of cell. */
const EXPECTED: Record<HostCellKind, { readNumber: Outcome; matrix: Outcome; optional: Outcome; boolean: Outcome; label: Outcome; engine: Outcome }> = {
  number: { readNumber: "number", matrix: "number", optional: "number", boolean: "invalid", label: "kept", engine: "number" },
  notFinite: { readNumber: "number", matrix: "outOfDomain", optional: "number", boolean: "invalid", label: "kept", engine: "number" },
  blank: { readNumber: "missing", matrix: "zero", optional: "fallback", boolean: "fallback", label: "empty label", engine: "missing" },
  spaces: { readNumber: "invalid", matrix: "invalid", optional: "invalid", boolean: "invalid", label: "kept", engine: "invalid" },
  numberText: { readNumber: "invalid", matrix: "invalid", optional: "invalid", boolean: "invalid", label: "kept", engine: "invalid" },
  missingMarker: { readNumber: "invalid", matrix: "invalid", optional: "invalid", boolean: "invalid", label: "kept", engine: "invalid" },
  text: { readNumber: "invalid", matrix: "invalid", optional: "invalid", boolean: "invalid", label: "kept", engine: "invalid" },
  boolean: { readNumber: "invalid", matrix: "invalid", optional: "invalid", boolean: "kept", label: "shown", engine: "invalid" },
  error: { readNumber: "passedOn", matrix: "passedOn", optional: "passedOn", boolean: "passedOn", label: "kept", engine: "invalid" },
};

function readersOn(cell: unknown) {
  // A cell off the diagonal of a 2×2 matrix, as a flow.
  const matrix = () => readMatrix([[0, cell], [1, 0]], "matrix").rows[0][1];
  const optional = () => {
    const v = readOptionalNumber(cell, "per", 1000);
    return v === 1000 && (cell as unknown) !== 1000 ? "fallback" : v;
  };
  const boolean = () => {
    const fallback = readOptionalBoolean(cell, "corrected", true) && !readOptionalBoolean(cell, "corrected", false);
    return fallback ? "fallback" : readOptionalBoolean(cell, "corrected", true);
  };
  const label = (): Outcome => {
    const [got] = readLabels([[cell]], "labels", 1);
    if (got === "") return "empty label";
    return Object.is(got, cell) ? "kept" : got === (cell ? "TRUE" : "FALSE") ? "shown" : ("changed" as Outcome);
  };
  const engine = (): Outcome => {
    if (typeof cell === "object" && cell !== null) return "invalid"; // the engine's cells are never objects
    const v = numberIn(cell as Exclude<Cell, undefined>);
    if (v instanceof MeasureError) return v.kind === "missing" ? "missing" : "invalid";
    return Object.is(v, cell) ? "number" : "kept";
  };
  return {
    readNumber: outcome(() => readNumber(cell, "x"), cell),
    matrix: outcome(matrix, cell),
    optional: outcome(optional, cell),
    boolean: outcome(boolean, cell),
    label: label(),
    engine: engine(),
  };
}

describe("the functions' readers and the report engine read a cell as one kind", () => {
  test("every class of cell of the bad-input catalog is a kind here; the others are not about one cell", () => {
    for (const cls of Object.keys(CLASSES) as BadInputClass[]) expect([cls, CATALOG_KIND[cls] !== undefined || NOT_A_CELL_CLASS.includes(cls)]).toEqual([cls, true]);
  });

  test.each(Object.keys(SAMPLES) as HostCellKind[])("a cell of kind %s: cellKind names it so and every reader answers as for that kind", (kind) => {
    for (const cell of SAMPLES[kind]) {
      expect([cell, hostCellKind(cell)]).toEqual([cell, kind]);
      if (kind !== "error") expect([cell, cellKind(cell as Cell)]).toEqual([cell, kind]);
      expect([cell, isBlank(cell)]).toEqual([cell, kind === "blank"]);
      expect([cell, readersOn(cell)]).toEqual([cell, EXPECTED[kind]]);
    }
  });

  test("the catalog's classes of cell hold cells of their kind", () => {
    for (const [cls, kind] of Object.entries(CATALOG_KIND)) expect([cls, SAMPLES[kind as CellKind].length > 0]).toEqual([cls, true]);
  });
});

describe("the message of a cell that is not a number names the cell and what it holds", () => {
  const messageOf = (cell: unknown) => {
    try {
      readNumber(cell, "x (row 2)");
    } catch (e) {
      return e instanceof MeasureError ? e.message : e;
    }
    return undefined;
  };
  test.each([
    [" ", 'x (row 2) is text (" "), not a number'],
    ["12,610", 'x (row 2) is text ("12,610"), not a number'],
    ["..", 'x (row 2) is text (".."), not a number'],
    [false, "x (row 2) is FALSE, not a number"],
    [null, "x (row 2) is blank"],
    [{}, "x (row 2) is not a number"],
  ])("%p", (cell, message) => expect(messageOf(cell)).toBe(message));
});

describe("an element-wise range reads its cells by the same kinds", () => {
  const rate = (a: unknown, b: unknown) => elementwise2(["a", "b"], (x, y) => x / (x + y), a, b);
  test("one column holding a cell of each kind: each bad cell's error is its kind's", () => {
    const kinds = Object.keys(SAMPLES) as HostCellKind[];
    const column = kinds.map((k) => [SAMPLES[k][0]]);
    const out = rate(column, [[1]]);
    kinds.forEach((kind, r) => {
      const cell = out[r][0];
      const want = EXPECTED[kind].readNumber;
      if (want === "number") {
        if (kind === "number") expect(cell).toBe(rate([[SAMPLES[kind][0]]], [[1]])[0][0]);
        else expect(isExcelError(cell, "#NUM!")).toBe(true); // NaN or ±Infinity reaches the measure, which cannot give a number
      } else if (want === "passedOn") expect(cell).toBe(ERROR_VALUE);
      else expect([kind, isExcelError(cell, want === "missing" ? "#N/A" : "#VALUE!")]).toEqual([kind, true]);
    });
  });
});

describe("a list's first row is a header only when its flow cell is text of words", () => {
  const flows = (first: unknown) => migrationMatrix([["A"], ["B"]], [["B"], ["A"]], [[first], [7]]);
  test("a word is a header: its row is skipped and names the corner", () => {
    expect(isHeaderText("flow")).toBe(true);
    expect(migrationMatrix([["from"], ["A"], ["B"]], [["to"], ["B"], ["A"]], [["flow"], [5], [7]])[0][0]).toBe("from \\ to");
  });
  test.each(["12,610", "..", " "])("%p is data, not a header: the row is read and its pair's cell shows its error", (first) => {
    expect(isHeaderText(first)).toBe(false);
    const out = flows(first);
    expect(out[0]).toEqual(["origin \\ destination", "A", "B"]);
    const ab = out[1][2]; // A → B, the first row's pair
    expect(isExcelError(ab, "#VALUE!") && ab.message).toBe(`flows (row 1) is text (${JSON.stringify(first)}), not a number`);
    expect(out[2][1]).toBe(7);
  });
});
