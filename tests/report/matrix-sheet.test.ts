/**
 * The per-region table, its totals, the Corridors sheet and the cells of a pivoted or estimated
 * matrix take every value, formula and format from their measure's registry entry: with an
 * entry changed, every cell of its column changes with it, and nothing else does. And the
 * formulas the registry writes, over a small matrix, read as the definitions say.
 */
import { definitionOf } from "../../src/indicators/definitions";
import { detect } from "../../src/report/detect";
import { columnLetters, parseCell } from "../../src/report/address";
import {
  CORRIDOR_COLUMNS,
  CORRIDOR_KEYS,
  CorridorColumn,
  ESTIMATED_FLOW,
  MATRIX_KEY_FIGURES,
  PIVOT,
  REGION_COLUMNS,
  REGION_KEYS,
  RegionColumn,
  regionColumnLetter,
} from "../../src/report/measures";
import { planReport } from "../../src/report/plan";
import type { CellValue, PlannedCell, PlannedTable, ReportPlan, SourceBlock } from "../../src/report/types";
import { samplePlan } from "../support/sample-plans";
import { stockList } from "../support/stocks";

afterEach(() => jest.restoreAllMocks());

const NOW = new Date(0);
const block = (sheet: string, values: CellValue[][]): SourceBlock => ({ sheet, top: 0, left: 0, values, provenance: `${sheet}!A1` });
const labelled = (labels: string[], rows: number[][]): CellValue[][] => [[null, ...labels], ...rows.map((r, i) => [labels[i], ...r])];

function tableOf(plan: ReportPlan, sheet: string): PlannedTable {
  return plan.sheets.find((s) => s.name === sheet)!.tables[0];
}

/** Every per-region entry replaced by one whose value, formulas and format name the entry, the region and the cell asked for. */
function markRegionColumns(): void {
  for (const k of REGION_KEYS) {
    const marked: RegionColumn = {
      ...REGION_COLUMNS[k],
      label: `label ${k}`,
      compute: (m) => m.rows.map((_r, i) => 1000 * (REGION_KEYS.indexOf(k) + 1) + i),
      native: (at) => `native ${k} ${at.index} ${at.cell(k)} ${at.diagonal}`,
      addin: (at) => `addin ${k} ${at.index} ${at.cell(k)}`,
      format: "decimal",
      total: { compute: () => -REGION_KEYS.indexOf(k), formula: (column) => `total ${k} ${column}` },
    };
    jest.replaceProperty(REGION_COLUMNS, k, marked);
  }
}

describe.each(["erasmus", "uk", "stocks"] as const)("%s: the per-region table is laid out from the registry", (name) => {
  test("each column's header, values, formulas, format and total come from its entry", () => {
    markRegionColumns();
    const table = tableOf(samplePlan(name), "Migration Summary");
    expect(table.header).toEqual(["Region", ...REGION_KEYS.map((k) => `label ${k}`)]);
    const n = table.rows.length;
    REGION_KEYS.forEach((k, j) => {
      const letter = regionColumnLetter(k);
      expect(letter).toBe(columnLetters(1 + j));
      table.rows.forEach((row, i) => {
        const sheetRow = table.top + 2 + i;
        expect(row[1 + j].native).toMatch(new RegExp(`^native ${k} ${i + 1} ${letter}${sheetRow} .+!\\$?[A-Z]+\\$?\\d+$`));
        expect(row[1 + j]).toMatchObject({ value: 1000 * (j + 1) + i, addin: `addin ${k} ${i + 1} ${letter}${sheetRow}`, format: "decimal" });
      });
      expect(table.totals![1 + j]).toMatchObject({ value: -j, native: `total ${k} ${letter}${table.top + 2}:${letter}${table.top + 1 + n}`, format: "decimal" });
    });
  });

  test("the key figures' formulas refer to the registry's columns", () => {
    const plain = samplePlan(name);
    const cells = plain.sheets[0].cells.map((c) => c.cell.native ?? "");
    const table = tableOf(plain, "Migration Summary");
    const column = (k: "outflow" | "turnover" | "net") => `${regionColumnLetter(k)}${table.top + 2}:${regionColumnLetter(k)}${table.top + 1 + table.rows.length}`;
    expect(cells).toContain(`SUM(${column("outflow")})`);
    expect(cells).toContain(`SUMPRODUCT(ABS(${column("net")}))/SUM(${column("turnover")})`);
  });
});

test("with an entry's formulas changed, the planned cells change with it and no other column does", () => {
  const before = tableOf(samplePlan("erasmus"), "Migration Summary");
  jest.replaceProperty(REGION_COLUMNS, "circulation", { ...REGION_COLUMNS.circulation, native: () => "CHANGED()", addin: () => "CHANGED()" });
  const after = tableOf(samplePlan("erasmus"), "Migration Summary");
  const at = 1 + REGION_KEYS.indexOf("circulation");
  after.rows.forEach((row, i) => {
    row.forEach((c, j) => {
      if (j === at) expect([c.native, c.addin]).toEqual(["CHANGED()", "CHANGED()"]);
      else expect(c).toEqual(before.rows[i][j]);
    });
  });
});

describe.each(["erasmus", "uk", "stocks"] as const)("%s: the Corridors sheet is laid out from the registry", (name) => {
  test("each column's header, values, formulas and format come from its entry", () => {
    const plain = tableOf(samplePlan(name), "Corridors");
    for (const k of CORRIDOR_KEYS) {
      const marked: CorridorColumn = {
        ...CORRIDOR_COLUMNS[k],
        label: `label ${k}`,
        compute: (c) => 1000 * (CORRIDOR_KEYS.indexOf(k) + 1) + c.origin * 10 + c.destination,
        native: (at) => `native ${k} ${at.cell(k)}|${at.pair}|${at.reverse}`,
        addin: (at) => `addin ${k} ${at.cell(k)}`,
        format: "decimal",
      };
      jest.replaceProperty(CORRIDOR_COLUMNS, k, marked);
    }
    const table = tableOf(samplePlan(name), "Corridors");
    expect(table.header).toEqual(["Origin", "Destination", ...CORRIDOR_KEYS.map((k) => `label ${k}`)]);
    expect(table.rows.length).toBe(plain.rows.length);
    expect(table.rows.length).toBeGreaterThan(0);
    table.rows.forEach((row, r) => {
      const sheetRow = table.top + 2 + r;
      CORRIDOR_KEYS.forEach((k, j) => {
        const c = row[2 + j];
        const [head, pair, reverse] = c.native!.split("|");
        expect(head).toBe(`native ${k} ${columnLetters(2 + j)}${sheetRow}`);
        // the pair and its reverse are the matrix cells the unchanged flow and counterflow read
        expect([pair, reverse]).toEqual([plain.rows[r][2].native, plain.rows[r][3].native]);
        expect(c).toMatchObject({ addin: `addin ${k} ${columnLetters(2 + j)}${sheetRow}`, format: "decimal" });
        expect(typeof c.value).toBe("number");
        expect(Math.floor((c.value as number) / 1000)).toBe(j + 1);
      });
    });
  });
});

describe("the cells of a pivoted or estimated matrix come from their entries", () => {
  test("Flow Matrix: the engine's pivot and PIVOT's formulas, over the row and column labels", () => {
    const compute = jest.spyOn(PIVOT, "compute");
    jest.spyOn(PIVOT, "native").mockImplementation((at) => `native ${at.origin} ${at.destination}${at.selection}`);
    jest.spyOn(PIVOT, "addin").mockImplementation((at) => `addin ${at.flows}`);
    jest.replaceProperty(PIVOT, "format", "decimal");
    const plan = samplePlan("uk");
    const table = tableOf(plan, "Flow Matrix");
    expect(compute).toHaveBeenCalled();
    const pivot = compute.mock.results[compute.mock.results.length - 1].value as { matrix: number[][] };
    table.rows.forEach((row, i) =>
      row.slice(1).forEach((c, j) => {
        expect(c).toMatchObject({ value: pivot.matrix[i][j], native: `native ($A$${table.top + 2 + i}&"") ($A$${table.top + 2 + j}&"")`, format: "decimal" });
        expect(c.addin).toMatch(/^addin 'Data'!\$C\$2:\$C\$\d+$/);
      }),
    );
  });

  test("Estimated Flows: ESTIMATED_FLOW's formulas for each pair, with the period's rows selected on the stock sheets", () => {
    jest.spyOn(ESTIMATED_FLOW, "native").mockImplementation((at) => `native ${at.row} ${at.column} ${at.method} ${at.end}-${at.start}`);
    jest.spyOn(ESTIMATED_FLOW, "addin").mockImplementation((at) => `addin ${at.row} ${at.column} ${at.starts} ${at.ends}`);
    jest.spyOn(PIVOT, "native").mockImplementation((at) => `pivot${at.selection}`);
    const source = block("Stocks", stockList());
    const plan = planReport(source, detect(source), { mode: "native", now: NOW, stocks: "return" });
    const table = tableOf(plan, "Estimated Flows");
    table.rows.forEach((row, i) =>
      row.slice(1).forEach((c: PlannedCell, j) => {
        if (i === j) return expect(c.native).toBeUndefined();
        expect(c.native).toBe(`native ${i + 1} ${j + 1} return {{Stocks 2015}}!${columnLetters(1 + j)}${4 + i}-{{Stocks 2010}}!${columnLetters(1 + j)}${4 + i}`);
        expect(c.addin).toMatch(new RegExp(`^addin ${i + 1} ${j + 1} \\{\\{Stocks 2010\\}\\}!\\$B\\$4:\\$D\\$6 \\{\\{Stocks 2015\\}\\}!\\$B\\$4:\\$D\\$6$`));
      }),
    );
    // each stock sheet selects its year's rows of the list
    for (const sheet of ["Stocks 2010", "Stocks 2015"]) expect(tableOf(plan, sheet).rows[0][1].native).toMatch(/^pivot\*\(.+\)$/);
  });
});

describe("the registry's formulas over a 3-region matrix", () => {
  // A: 5 to B; B: 3 to A; C: no flows at all.
  const source = block("Flows", labelled(["A", "B", "C"], [[0, 5, 0], [3, 0, 0], [0, 0, 0]]));
  const plan = planReport(source, detect(source), { mode: "native", now: NOW });
  const table = tableOf(plan, "Migration Summary");
  const r = table.top + 2; // region A's sheet row

  test("per-region cells: off-diagonal sums, turnover and net from them, effectiveness and circulation as the gap over the gross", () => {
    const a = Object.fromEntries(REGION_KEYS.map((k, j) => [k, table.rows[0][1 + j]]));
    expect(a.outflow).toMatchObject({ value: 5, native: "SUM('Flows'!B2:D2)-SUM('Flows'!B2)" });
    expect(a.inflow).toMatchObject({ value: 3, native: "SUM('Flows'!B2:B4)-SUM('Flows'!B2)" });
    expect(a.turnover).toMatchObject({ value: 8, native: `B${r}+C${r}` });
    expect(a.net).toMatchObject({ value: -2, native: `C${r}-B${r}` });
    expect(a.effectiveness).toMatchObject({ value: -0.25, native: `E${r}/D${r}`, addin: `MIGRATION.EFFECTIVENESS(C${r},B${r})` });
    expect(a.circulation).toMatchObject({ value: 0.75, native: `1-SUMPRODUCT(ABS('Flows'!B2:D2-TRANSPOSE('Flows'!B2:B4)))/D${r}`, addin: "INDEX(CIRCULATION.BYREGION('Flows'!$B$2:$D$4),1)", nativeArray: true });
    expect(a.classification).toMatchObject({ value: "net drain", native: `IF(F${r}>0.1,"net gain",IF(F${r}<-0.1,"net drain","balanced circulation"))`, format: "text" });
    // a region without flows: the engine's #DIV/0!, as the formula computes it
    expect(table.rows[2].slice(5).map((c) => c.value)).toEqual([{ error: "#DIV/0!" }, { error: "#DIV/0!" }, { error: "#DIV/0!" }]);
    expect(table.totals!.map((c) => c.value)).toEqual(["Total", 8, 8, 16, 0, null, null, null]);
  });

  test("corridors: flow and counterflow read the matrix, net and reciprocity the row", () => {
    const corridors = tableOf(plan, "Corridors");
    expect(corridors.rows[0].map((c) => c.native ?? c.value)).toEqual(["A", "B", "'Flows'!C2", "'Flows'!B3", "C5-D5", "1-ABS(C5-D5)/(C5+D5)"]);
    expect(corridors.rows[0][5].value).toBeCloseTo(0.75, 12);
  });

  test("the circulation index key figure: the same gap over the gross as the regions'", () => {
    const circulation = MATRIX_KEY_FIGURES.find((k) => k.fn === "CIRCULATION.INDEX")!;
    const cell = plan.sheets[0].cells.find((c) => c.cell.native?.startsWith("1-SUMPRODUCT(ABS('Flows'!$B$2:$D$4-TRANSPOSE("))!;
    expect(cell.cell).toMatchObject({ value: 0.75, format: circulation.format });
    const total = /^1-SUMPRODUCT\(ABS\('Flows'!\$B\$2:\$D\$4-TRANSPOSE\('Flows'!\$B\$2:\$D\$4\)\)\)\/\(2\*([A-Z]+\d+)\)$/.exec(cell.cell.native!);
    expect(total).not.toBeNull();
    // over twice the "Total flows" key figure
    const at = parseCell(total![1])!;
    expect(plan.sheets[0].cells.find((c) => c.row === at.row && c.col === at.col)?.cell.value).toBe(8);
  });
});

describe("each entry names the catalog function whose definition and source the Definitions sheet shows", () => {
  const listed = (plan: ReportPlan) => tableOf(plan, "Definitions").rows.map((r) => r[1].value);
  test.each([
    ["erasmus", [...Object.values(REGION_COLUMNS), ...Object.values(CORRIDOR_COLUMNS)].map((c) => c.fn)],
    ["uk", [PIVOT.fn]],
    ["stocks", [PIVOT.fn, ESTIMATED_FLOW.fn]],
  ] as const)("%s", (name, fns) => {
    const shown = listed(samplePlan(name));
    for (const fn of fns) {
      expect(definitionOf(fn)).toBeDefined();
      expect(shown).toContain(fn);
    }
  });
});
