/**
 * The contract with Excel: the BUILT dist/functions.js, loaded with a stand-in CustomFunctions
 * global, called by each catalog name with arguments shaped the way dist/functions.json tells
 * Excel to pass them (2-D arrays for range parameters, single values for scalar ones, null
 * for an omitted optional argument).
 */
import { CustomFunctionsError } from "../../scripts/lib/custom-functions-runtime";
import { FunctionMetadata, loadBundle, readMetadata } from "../../scripts/lib/bundle";
import { functions as CATALOG } from "../../src/functions/catalog.json";
import { HYP, BALANCED } from "../support/matrices";

type Args = unknown[];
type Outcome = unknown;

/** A long list with a header row: HYP in 2010, then a period 2000-2005 naming two of its regions (periods, origins, destinations, flows). */
const PERIOD_ROWS: [string | number, string, string, number][] = [
  [2010, "A", "B", 10],
  [2010, "A", "C", 10],
  [2010, "B", "A", 20],
  [2010, "B", "C", 20],
  ["2010", "C", "A", 30],
  [2010, "C", "B", 30],
  ["2000-2005", "A", "B", 5],
  ["2000-2005", "B", "A", 15],
];
const PERIOD_LIST = [0, 1, 2, 3].map((k) => [[["year", "orig", "dest", "flow"][k]], ...PERIOD_ROWS.map((r) => [r[k]])]);

/** A 3-region matrix without any flow. */
const NO_FLOWS = [
  [0, 0, 0],
  [0, 0, 0],
  [0, 0, 0],
];

/** Stocks of people born in the row's place living in the column's place, at the start and the end of a period. */
const STOCKS_START = [
  [0, 50, 20],
  [30, 0, 10],
  [5, 40, 0],
];
const STOCKS_END = [
  [0, 60, 15],
  [30, 0, 25],
  [0, 45, 0],
];

/** MIGRATION.INDICES of HYP, the measures that need the flows only: reported with or without populations and distances. */
const HYP_INDICES = [
  ["connectivity", 1],
  ["inequality (equal)", 1 / 6],
  ["inequality (independence)", 0],
  ["Gini, total flows", 0.26666666666666666],
  ["Gini, origins (standardised)", 0],
  ["Gini, destinations (standardised)", 0.25],
  ["weighted Gini, origins", 0],
  ["weighted Gini, destinations", 11 / 90],
  ["weighted Gini, mean", 11 / 180],
  ["CV", 1 / Math.sqrt(6)],
  ["ACV", 1 / 3],
  ["MEI", 0.25],
];

/** Worked examples, computed by hand (see tests/indicators for the derivations). */
const EXAMPLES: Record<string, [Args, Outcome][]> = {
  "BRAINDRAIN.RATE": [
    [[[[120]], [[880]]], [[0.12]]],
    [[[[120], [50]], [[880], [50]]], [[0.12], [0.5]]],
    [[[[120], [0]], [[880]]], [[0.12], [0]]],
  ],
  "BRAINDRAIN.NET": [
    [[[[500]], [[200]], null], [[300]]],
    [[[[500]], [[200]], [[1000]]], [[0.3]]],
    [[[[200, 500]], [[500, 200]], null], [[-300, 300]]],
  ],
  // IAB 2010, Ghana: high_rate 27.26%, tot_rate 2.27%.
  "BRAINDRAIN.SELECTION": [[[[[0.272562772035599]], [[0.0227448008954525]]], [[11.98351980694164]]]],
  "BRAINDRAIN.RELATIVE": [[[[[300]], [[1000]], [[2000]], [[10000]]], [[1.5]]]],
  "BRAINDRAIN.COST": [
    [[[[2], [1]], [[100, 100, 100]], 0.1], [[662], [331]]],
    [[[[3]], [[10], [20], [30]], null], [[180]]],
  ],
  "CIRCULATION.INDEX": [
    [[[[100], [50]], [[100], [0]]], 0.8],
    [[HYP, null], 2 / 3],
  ],
  "CIRCULATION.BYREGION": [[[HYP], [[4 / 7], [0.75], [2 / 3]]]],
  // HYP's index 2/3 and regional indices 4/7, 3/4, 2/3, against a system where every flow is matched (index 1).
  "CIRCULATION.CHANGE": [
    [[HYP, BALANCED, null], [[1 / 3]]],
    [[HYP, BALANCED, true], [[3 / 7], [0.25], [1 / 3]]],
  ],
  "CIRCULATION.RETURNRATE": [[[[[150]], [[600]]], [[0.25]]]],
  "CIRCULATION.STAYRATE": [[[[[420]], [[600]]], [[0.7]]]],
  "MIGRATION.NET": [[[[[1200]], [[800]]], [[400]]]],
  "MIGRATION.NETRATE": [
    [[[[1200]], [[800]], [[50000]], null], [[8]]],
    [[[[1200]], [[800]], [[50000]], 100], [[0.8]]],
  ],
  "MIGRATION.GROSSRATE": [[[[[1200]], [[800]], [[50000]], null], [[40]]]],
  "MIGRATION.EFFECTIVENESS": [[[[[1200]], [[800]]], [[0.2]]]],
  "MIGRATION.MEI": [[[HYP], 0.25]],
  "MIGRATION.INTENSITY": [[[[[2000]], [[50000]]], [[0.04]]]],
  "MIGRATION.COURGEAUK": [[[[[2000]], [[50000]], [[10]]], [[0.8685889638065035]]]],
  "MIGRATION.ANMR": [[[HYP, [[100], [200], [300]]], 0.05]],
  "MIGRATION.CONNECTIVITY": [[[[[0, 10, null], [20, 0, 20], [30, 30, 0]]], 5 / 6]],
  "MIGRATION.GINI": [
    [[HYP, null], 0.26666666666666666],
    [[HYP, false], 0.2222222222222222],
  ],
  "MIGRATION.SUMMARY": [
    [
      [HYP, [["A"], ["B"], ["C"]]],
      [
        ["region", "outflow", "inflow", "turnover", "net", "effectiveness"],
        ["A", 20, 50, 70, 30, 30 / 70],
        ["B", 40, 40, 80, 0, 0],
        ["C", 60, 30, 90, -30, -30 / 90],
      ],
    ],
  ],
  "MIGRATION.CORRIDORS": [
    [
      [HYP, [["A", "B", "C"]], 2],
      [
        ["origin", "destination", "flow", "counterflow", "net", "reciprocity"],
        ["C", "A", 30, 10, 20, 0.5],
        ["C", "B", 30, 20, 10, 0.8],
      ],
    ],
  ],
  "MIGRATION.MATRIX": [
    [
      [[["A"], ["A"], ["B"]], [["B"], ["C"], ["A"]], [[5], [2], [3]]],
      [
        ["origin \\ destination", "A", "B", "C"],
        ["A", 0, 5, 2],
        ["B", 3, 0, 0],
        ["C", 0, 0, 0],
      ],
    ],
  ],
  // Fitted = a_i · seed_ij · b_j with the requested margins (derivations in tests/indicators/estimation.test.ts);
  // a tolerance of 1e-14 makes the fit match the hand-computed table to 12 decimals.
  "MIGRATION.IPF": [
    [
      [[[0, 2, 1], [1, 0, 1], [3, 1, 0]], [[5], [10], [7]], [[10, 3, 9]], null, 1e-14],
      [
        [0, 2, 3],
        [4, 0, 6],
        [6, 1, 0],
      ],
    ],
    // A blank seed cell is a structural zero; totals may be a row or a column.
    [
      [[[null, 3], [5, ""]], [[10, 20]], [[20], [10]], null, null],
      [
        [0, 10],
        [20, 0],
      ],
    ],
    [
      [[[1, 1, 1], [1, 1, 1]], [[40], [60]], [[50, 30, 20]], 50, 1e-12],
      [
        [20, 12, 8],
        [30, 18, 12],
      ],
    ],
  ],
  // Rows = place of birth, columns = place of residence; Δ12 = +10, Δ13 = −5, Δ23 = +15, Δ31 = −5, Δ32 = +5.
  "MIGRATION.FLOWSFROMSTOCKS": [
    [
      [STOCKS_START, STOCKS_END, null],
      [
        [0, 10, 0],
        [0, 0, 15],
        [0, 5, 0],
      ],
    ],
    [
      [STOCKS_START, STOCKS_END, "return"],
      [
        [0, 10, 5],
        [0, 0, 15],
        [5, 5, 0],
      ],
    ],
    [
      [STOCKS_START, STOCKS_END, " Return "],
      [
        [0, 10, 5],
        [0, 0, 15],
        [5, 5, 0],
      ],
    ],
    [
      [STOCKS_START, STOCKS_END, "ZERO"],
      [
        [0, 10, 0],
        [0, 0, 15],
        [0, 5, 0],
      ],
    ],
  ],
  // HYP is quasi-independent (Mij = 10 · i off the diagonal), so the independence fit is HYP itself.
  // Its cells sorted, 10, 10, 20, 20, 30, 30, differ by 320 over all ordered pairs; within the
  // columns (20, 30), (10, 30), (10, 20) by 20 + 40 + 20 = 80, within the rows by 0.
  "MIGRATION.INEQUALITY": [
    [[HYP, null], 1 / 6],
    [[HYP, "independence"], 0],
  ],
  "MIGRATION.GINIORIGIN": [[[HYP], 0]],
  "MIGRATION.GINIDESTINATION": [[[HYP], 0.25]],
  // In-field Gini of column j = pairs / (2(n − 2) Dj): 20/100, 40/80, 20/60, weighted by Oj/T = 1/6, 1/3, 1/2, ÷ n.
  "MIGRATION.WEIGHTEDGINI": [
    [[HYP, "destination"], 11 / 90],
    [[HYP, "origin"], 0],
    [[HYP, null], 11 / 180],
  ],
  "MIGRATION.CV": [[[HYP], 1 / Math.sqrt(6)]],
  // (n − 1)/T · Σ SDs: the rows have SD 0, the columns (20, 30), (10, 30), (10, 20) SDs 5, 10, 5.
  "MIGRATION.ACV": [[[HYP], 1 / 3]],
  // Population shares 1/6, 1/3, 1/2: Σ M / (si sj) = 1320, ÷ T = 120.
  "MIGRATION.PREFERENCE": [[[HYP, [[100], [200], [300]]], 11]],
  "MIGRATION.VELOCITY": [[[HYP, [[100, 200, 300]]], 2.2]],
  "MIGRATION.MEANDISTANCE": [[[HYP, [[0, 1, 2], [1, 0, 3], [2, 3, 0]]], 260 / 120]],
  // Pooled: distance 1 carries 30, 2 carries 40, 3 carries 50; midpoints at 15, 50, 95 of 120; ½ lies 2/9 of the way from 2 to 3.
  "MIGRATION.MEDIANDISTANCE": [[[HYP, [[0, 1, 2], [1, 0, 3], [2, 3, 0]]], 2 + 2 / 9]],
  // Flows exactly ai · dij^−2 on a ring of distances 1 and 2: the fit recovers −2.
  "MIGRATION.DISTANCEDECAY": [
    [
      [
        [
          [0, 4, 1, 4],
          [8, 0, 8, 2],
          [3, 12, 0, 12],
          [16, 4, 16, 0],
        ],
        [
          [0, 1, 2, 1],
          [1, 0, 1, 2],
          [2, 1, 0, 1],
          [1, 2, 1, 0],
        ],
      ],
      -2,
    ],
  ],
  // Study range 1–8; the changes from the previous age are +.01, +.03, +.04, +.01, −.02, −.02, −.03, −.01.
  "MIGRATION.AGEINDICES": [
    [
      [[[0], [1], [2], [3], [4], [5], [6], [7], [8], [9]], [[0.01], [0.02], [0.05], [0.09], [0.1], [0.08], [0.06], [0.03], [0.02], [0.01]], 0, 9, 1],
      [
        ["measure", "value"],
        ["gross migraproduction rate", 0.47],
        ["peak rate", 0.1],
        ["peak age", 4],
        ["peak breadth", 0.27],
        ["peak share", 0.27 / 0.47],
        ["age of maximum upward rate of change", 3],
        ["age of maximum downward rate of change", 7],
        ["asymmetry", 3 / 7],
      ],
    ],
  ],
  "MIGRATION.INDICES": [
    [
      [HYP, null, null],
      [
        ["measure", "value"],
        ...HYP_INDICES,
      ],
    ],
    [
      [HYP, [[100], [200], [300]], [[0, 1, 2], [1, 0, 3], [2, 3, 0]]],
      [
        ["measure", "value"],
        ...HYP_INDICES,
        ["ANMR", 0.05],
        ["preference", 11],
        ["velocity", 2.2],
        ["mean distance", 260 / 120],
        ["median distance", 2 + 2 / 9],
        // 3 regions: too few flows for origin, destination and distance effects.
        ["distance decay", { code: "#NUM!" }],
      ],
    ],
  ],
  // Turnover A 70, B 80, C 90: B and C stay, A becomes "Other".
  "MIGRATION.LUMP": [
    [
      [HYP, [["A"], ["B"], ["C"]], 2, null],
      [
        ["origin \\ destination", "B", "C", "Other"],
        ["B", 0, 20, 20],
        ["C", 30, 0, 30],
        ["Other", 10, 10, 0],
      ],
    ],
    [
      [HYP, [["A"], ["B"], ["C"]], 5, "rest"],
      [
        ["origin \\ destination", "A", "B", "C"],
        ["A", 0, 10, 10],
        ["B", 20, 0, 20],
        ["C", 30, 30, 0],
      ],
    ],
  ],
  // HYP as 2010 and a period naming two regions, A → B 5, B → A 15, listed after it: the result is
  // in time order. The period's matrix has all three regions of the list (C has no flows then):
  // total 20, MEI 20/40, circulation 1 − 10/20, connectivity 2 of 6 flows, Gini over the six
  // flows 5, 15, 0, 0, 0, 0: ΣΣ|x − y| = 2·10 + 2·4·5 + 2·4·15 = 180, ÷ (2·(6 − 1)·20) = 0.9.
  "MIGRATION.PERIODS": [
    [
      [...PERIOD_LIST, null],
      [
        ["period", "total flows", "MEI", "circulation index", "connectivity", "total Gini"],
        ["2000-2005", 20, 0.5, 0.5, 1 / 3, 0.9],
        [2010, 120, 0.25, 2 / 3, 1, 0.26666666666666666],
      ],
    ],
    [
      [...PERIOD_LIST, "MEI"],
      [
        ["2000-2005", 0.5],
        [2010, 0.25],
      ],
    ],
  ],
  "STUDENTS.OUTBOUNDRATIO": [[[[[5000]], [[100000]]], [[0.05]]]],
  "STUDENTS.INBOUNDRATE": [[[[[8000]], [[100000]]], [[0.08]]]],
  "STUDENTS.NETFLOW": [[[[[8000]], [[5000]]], [[3000]]]],
  "STUDENTS.NETFLOWRATIO": [[[[[8000]], [[5000]], [[100000]]], [[0.03]]]],
  "STUDENTS.GROSSOUTBOUND": [[[[[5000]], [[400000]]], [[0.0125]]]],
};

/** Cases that must give #DIV/0! (a zero denominator). */
const ZERO_DENOMINATOR: Record<string, Args> = {
  "BRAINDRAIN.RATE": [[[0]], [[0]]],
  "BRAINDRAIN.NET": [[[5]], [[1]], [[0]]],
  "BRAINDRAIN.SELECTION": [[[0.1]], [[0]]],
  "BRAINDRAIN.RELATIVE": [[[1]], [[10]], [[0]], [[100]]],
  "CIRCULATION.INDEX": [[[0]], [[0]]],
  "CIRCULATION.BYREGION": [[[0, 0], [0, 0]]],
  "CIRCULATION.RETURNRATE": [[[0]], [[0]]],
  "CIRCULATION.STAYRATE": [[[0]], [[0]]],
  "CIRCULATION.CHANGE": [NO_FLOWS, HYP, null],
  "MIGRATION.NETRATE": [[[1]], [[1]], [[0]], null],
  "MIGRATION.GROSSRATE": [[[1]], [[1]], [[0]], null],
  "MIGRATION.EFFECTIVENESS": [[[0]], [[0]]],
  "MIGRATION.MEI": [[[0, 0], [0, 0]]],
  "MIGRATION.INTENSITY": [[[1]], [[0]]],
  "MIGRATION.COURGEAUK": [[[1]], [[10]], [[1]]],
  "MIGRATION.ANMR": [HYP, [[0], [0], [0]]],
  "MIGRATION.CONNECTIVITY": [[[0]]],
  "MIGRATION.GINI": [[[0, 0], [0, 0]], null],
  "MIGRATION.SUMMARY": [[[0, 0], [0, 0]], null],
  "MIGRATION.INEQUALITY": [NO_FLOWS, null],
  "MIGRATION.GINIORIGIN": [NO_FLOWS],
  "MIGRATION.GINIDESTINATION": [NO_FLOWS],
  "MIGRATION.WEIGHTEDGINI": [NO_FLOWS, null],
  "MIGRATION.CV": [NO_FLOWS],
  "MIGRATION.ACV": [NO_FLOWS],
  "MIGRATION.PREFERENCE": [HYP, [[100], [0], [300]]],
  "MIGRATION.VELOCITY": [HYP, [[100], [0], [300]]],
  "MIGRATION.MEANDISTANCE": [NO_FLOWS, [[0, 1, 2], [1, 0, 3], [2, 3, 0]]],
  "MIGRATION.MEDIANDISTANCE": [NO_FLOWS, [[0, 1, 2], [1, 0, 3], [2, 3, 0]]],
  "MIGRATION.PERIODS": [[[2010], [2010]], [["A"], ["B"]], [["B"], ["A"]], [[0], [0]], "mei"],
  "STUDENTS.OUTBOUNDRATIO": [[[1]], [[0]]],
  "STUDENTS.INBOUNDRATE": [[[1]], [[0]]],
  "STUDENTS.NETFLOWRATIO": [[[1]], [[1]], [[0]]],
  "STUDENTS.GROSSOUTBOUND": [[[1]], [[0]]],
};

const cf = loadBundle();
const metadata = readMetadata();
const byId = new Map(metadata.map((f) => [f.id, f]));

function call(id: string, args: Args): { value?: unknown; thrown?: unknown } {
  const fn = cf.registered.get(id);
  if (!fn) throw new Error(`${id} is not registered by dist/functions.js`);
  try {
    return { value: fn(...args) };
  } catch (thrown) {
    return { thrown };
  }
}

/** The Excel error a call produced: thrown, or the first error cell of its result. */
function errorOf(r: { value?: unknown; thrown?: unknown }): CustomFunctionsError | undefined {
  if (r.thrown !== undefined) return r.thrown instanceof CustomFunctionsError ? r.thrown : undefined;
  const cells = Array.isArray(r.value) ? (r.value as unknown[]).flat() : [r.value];
  return cells.find((c): c is CustomFunctionsError => c instanceof CustomFunctionsError);
}

function codeOf(r: { value?: unknown; thrown?: unknown }): string {
  if (r.thrown !== undefined && !(r.thrown instanceof CustomFunctionsError)) throw new Error(`threw a non-Excel error: ${String(r.thrown)}`);
  const e = errorOf(r);
  return e ? e.code : "no error";
}

/** Arguments must be shaped as the metadata says Excel passes them. */
function checkShapes(f: FunctionMetadata, args: Args): void {
  expect(args.length).toBe(f.parameters.length);
  f.parameters.forEach((p, k) => {
    const a = args[k];
    if (a === null) expect(p.optional).toBe(true);
    else if (p.dimensionality === "matrix") expect(Array.isArray(a) && (a as unknown[]).every(Array.isArray)).toBe(true);
    else expect(Array.isArray(a)).toBe(false);
  });
}

function expectClose(actual: unknown, expected: unknown): void {
  if (typeof expected === "number") {
    expect(typeof actual).toBe("number");
    expect(actual as number).toBeCloseTo(expected, 12);
  } else if (Array.isArray(expected)) {
    expect(Array.isArray(actual)).toBe(true);
    expect((actual as unknown[]).length).toBe(expected.length);
    expected.forEach((e, k) => expectClose((actual as unknown[])[k], e));
  } else expect(actual).toEqual(expected);
}

test("the bundle registers exactly the catalog functions, under their Excel names", () => {
  expect([...cf.registered.keys()].sort()).toEqual([...CATALOG].sort());
  expect(metadata.map((f) => f.id).sort()).toEqual([...CATALOG].sort());
});

describe.each(CATALOG)("%s", (id) => {
  const f = byId.get(id)!;
  const examples = EXAMPLES[id];
  const elementwise = f.result.dimensionality === "matrix" && f.parameters.filter((p) => !p.optional).every((p) => p.dimensionality === "matrix") && !/^(MIGRATION\.(SUMMARY|CORRIDORS|MATRIX|IPF|FLOWSFROMSTOCKS|AGEINDICES|INDICES|LUMP|PERIODS)|CIRCULATION\.(BYREGION|CHANGE))$/.test(id);

  test("worked examples give the hand-computed results", () => {
    expect(examples).toBeDefined();
    for (const [args, expected] of examples) {
      checkShapes(f, args);
      const r = call(id, args);
      expect(r.thrown).toBeUndefined();
      expectClose(r.value, expected);
    }
  });

  if (ZERO_DENOMINATOR[id]) {
    test("a zero denominator gives #DIV/0!", () => {
      checkShapes(f, ZERO_DENOMINATOR[id]);
      expect(codeOf(call(id, ZERO_DENOMINATOR[id]))).toBe("#DIV/0!");
    });
  }

  if (elementwise) {
    const [valid] = examples[0];
    const required = f.parameters.map((p, k) => (p.optional ? -1 : k)).filter((k) => k >= 0 && f.parameters[k].dimensionality === "matrix");
    const withArg = (k: number, v: unknown) => valid.map((a, j) => (j === k ? v : a));
    test.each(required.map((k) => [f.parameters[k].name, k]))("bad cells in %s: text and TRUE are #VALUE! naming it, blanks #N/A, negatives and NaN #NUM!", (name, k) => {
      const text = errorOf(call(id, withArg(k as number, [["abc"]])));
      expect(text?.code).toBe("#VALUE!");
      expect(text?.message).toContain(name as string);
      expect(codeOf(call(id, withArg(k as number, [[true]])))).toBe("#VALUE!");
      expect(codeOf(call(id, withArg(k as number, [[null]])))).toBe("#N/A");
      expect(codeOf(call(id, withArg(k as number, [[""]])))).toBe("#N/A");
      expect(codeOf(call(id, withArg(k as number, [[-1]])))).toBe("#NUM!");
      expect(codeOf(call(id, withArg(k as number, [[NaN]])))).toBe("#NUM!");
      expect(codeOf(call(id, withArg(k as number, [[Infinity]])))).toBe("#NUM!");
      expect(codeOf(call(id, withArg(k as number, [])))).toBe("#VALUE!");
    });
    test("in a spilled result a bad cell carries its own error and the rest still compute", () => {
      const k = required[0];
      const goodCell = (valid[k] as unknown[][])[0][0];
      const r = call(id, withArg(k, [[goodCell], ["abc"], [null]]));
      const out = r.value as unknown[][];
      expect(out).toHaveLength(3);
      expectClose(out[0], (examples[0][1] as unknown[][])[0]);
      expect((out[1][0] as CustomFunctionsError).code).toBe("#VALUE!");
      expect((out[2][0] as CustomFunctionsError).code).toBe("#N/A");
    });
    // BRAINDRAIN.COST goes cell by cell over emigrants only; yearly_costs is one list for all.
    const broadcast = required.filter((k) => !(id === "BRAINDRAIN.COST" && f.parameters[k].name === "yearly_costs"));
    if (broadcast.length >= 2) {
      test("ranges of different sizes are #VALUE! for the whole call, naming both arguments", () => {
        const [a, b] = broadcast;
        const args = valid.map((v, j) => (j === a ? [[1], [2]] : j === b ? [[1], [2], [3]] : v));
        const r = call(id, args);
        expect((r.thrown as CustomFunctionsError).code).toBe("#VALUE!");
        expect((r.thrown as CustomFunctionsError).message).toMatch(new RegExp(`${f.parameters[a].name}.*${f.parameters[b].name}`));
      });
    }
  }
});

const ZERO3 = [
  [0, 0, 0],
  [0, 0, 0],
  [0, 0, 0],
];

describe("matrix functions: the input rules of an origin × destination matrix", () => {
  const MATRIX_FUNCTIONS: [string, (m: unknown[][]) => Args][] = [
    ["CIRCULATION.INDEX", (m) => [m, null]],
    ["CIRCULATION.BYREGION", (m) => [m]],
    ["CIRCULATION.CHANGE", (m) => [m, m, null]],
    ["CIRCULATION.CHANGE", (m) => [m, m, true]],
    ["MIGRATION.MEI", (m) => [m]],
    ["MIGRATION.ANMR", (m) => [m, m.map(() => [100])]],
    ["MIGRATION.CONNECTIVITY", (m) => [m]],
    ["MIGRATION.GINI", (m) => [m, null]],
    ["MIGRATION.SUMMARY", (m) => [m, null]],
    ["MIGRATION.CORRIDORS", (m) => [m, null, null]],
    ["MIGRATION.INEQUALITY", (m) => [m, "independence"]],
    ["MIGRATION.GINIORIGIN", (m) => [m]],
    ["MIGRATION.GINIDESTINATION", (m) => [m]],
    ["MIGRATION.WEIGHTEDGINI", (m) => [m, null]],
    ["MIGRATION.CV", (m) => [m]],
    ["MIGRATION.ACV", (m) => [m]],
    ["MIGRATION.PREFERENCE", (m) => [m, m.map(() => [100])]],
    ["MIGRATION.VELOCITY", (m) => [m, m.map(() => [100])]],
    ["MIGRATION.MEANDISTANCE", (m) => [m, m.map((row) => row.map(() => 5))]],
    ["MIGRATION.MEDIANDISTANCE", (m) => [m, m.map((row) => row.map(() => 5))]],
    ["MIGRATION.DISTANCEDECAY", (m) => [m, m.map((row, i) => row.map((_, j) => 1 + i + j))]],
    ["MIGRATION.INDICES", (m) => [m, null, null]],
    ["MIGRATION.LUMP", (m) => [m, null, 2, null]],
    // The stock tables follow the same rules (a blank is 0, the diagonal is ignored).
    ["MIGRATION.FLOWSFROMSTOCKS", (m) => [ZERO3, m, null]],
  ];
  const withCell = (v: unknown) => HYP.map((row, i) => row.map((x, j) => (i === 0 && j === 1 ? v : x)));
  test.each(MATRIX_FUNCTIONS)("%s: text or TRUE in a flow is #VALUE! naming the cell; a negative flow #NUM!; non-square and empty #VALUE!", (id, args) => {
    const text = call(id, args(withCell("n/a")));
    expect((text.thrown as CustomFunctionsError).code).toBe("#VALUE!");
    expect((text.thrown as CustomFunctionsError).message).toMatch(/row 1, column 2/);
    expect(codeOf(call(id, args(withCell(false))))).toBe("#VALUE!");
    expect(codeOf(call(id, args(withCell(-5))))).toBe("#NUM!");
    const nonSquare = call(id, args([[0, 1, 2], [1, 0, 2]]));
    expect((nonSquare.thrown as CustomFunctionsError).code).toBe("#VALUE!");
    expect((nonSquare.thrown as CustomFunctionsError).message).toMatch(/square/);
    expect(codeOf(call(id, args([])))).toBe("#VALUE!");
  });
  test.each(MATRIX_FUNCTIONS)("%s: a blank flow is no flow (0) and the diagonal is ignored", (id, args) => {
    const blanks = HYP.map((row, i) => row.map((x, j) => (i === j ? "total" : x === 0 ? null : x)));
    const zeroed = call(id, args(HYP));
    expect(call(id, args(blanks))).toEqual(zeroed);
    const withZeroFlow = call(id, args(withCell(0)));
    expect(call(id, args(withCell(null)))).toEqual(withZeroFlow);
  });
});

describe("argument rules of particular functions", () => {
  test("CIRCULATION.INDEX: flows and counterflows of different sizes are #VALUE!; a blank pair is #N/A", () => {
    expect(codeOf(call("CIRCULATION.INDEX", [[[1], [2]], [[1]]]))).toBe("#VALUE!");
    expect(codeOf(call("CIRCULATION.INDEX", [[[1], [null]], [[1], [2]]]))).toBe("#N/A");
  });
  test("MIGRATION.ANMR: populations of the wrong length are #VALUE!", () => {
    expect(codeOf(call("MIGRATION.ANMR", [HYP, [[1], [2]]]))).toBe("#VALUE!");
  });
  test("MIGRATION.GINI: corrected must be TRUE or FALSE", () => {
    expect(codeOf(call("MIGRATION.GINI", [HYP, "yes"]))).toBe("#VALUE!");
    expect(call("MIGRATION.GINI", [HYP, 0]).value).toBeCloseTo(0.2222222222222222, 12);
  });
  test("MIGRATION.CORRIDORS: top must be a whole number of at least 1; labels must match the regions", () => {
    expect(codeOf(call("MIGRATION.CORRIDORS", [HYP, null, 0]))).toBe("#NUM!");
    expect(codeOf(call("MIGRATION.CORRIDORS", [HYP, null, 1.5]))).toBe("#NUM!");
    expect(codeOf(call("MIGRATION.CORRIDORS", [HYP, [["A"], ["B"]], null]))).toBe("#VALUE!");
  });
  test("MIGRATION.NETRATE and GROSSRATE: per must be positive; text per is #VALUE!", () => {
    expect(codeOf(call("MIGRATION.NETRATE", [[[1]], [[1]], [[10]], 0]))).toBe("#NUM!");
    expect(codeOf(call("MIGRATION.GROSSRATE", [[[1]], [[1]], [[10]], "x"]))).toBe("#VALUE!");
  });
  test("BRAINDRAIN.COST: a blank or negative yearly cost fails the whole call; interest must exceed −100%", () => {
    expect(codeOf(call("BRAINDRAIN.COST", [[[1]], [[100, null]], null]))).toBe("#N/A");
    expect(codeOf(call("BRAINDRAIN.COST", [[[1]], [[100, -1]], null]))).toBe("#NUM!");
    expect(codeOf(call("BRAINDRAIN.COST", [[[1]], [[100]], -1]))).toBe("#NUM!");
    expect(codeOf(call("BRAINDRAIN.COST", [[[1]], [[1, 2], [3, 4]], null]))).toBe("#VALUE!");
  });
  test("MIGRATION.MATRIX: a header row is skipped and names the corner; whole-column blanks are ignored", () => {
    const r = call("MIGRATION.MATRIX", [[["orig"], ["A"], ["B"], [null]], [["dest"], ["B"], ["A"], [null]], [["flow"], [4], [6], [null]]]).value as unknown[][];
    expect(r).toEqual([
      ["orig \\ dest", "A", "B"],
      ["A", 0, 4],
      ["B", 6, 0],
    ]);
  });
  test("MIGRATION.MATRIX: a blank flow is #N/A in its cell, a negative one #NUM!; a blank origin fails the call", () => {
    const r = call("MIGRATION.MATRIX", [[["A"], ["B"]], [["B"], ["A"]], [[null], [-3]]]).value as unknown[][];
    expect((r[1][2] as CustomFunctionsError).code).toBe("#N/A");
    expect((r[2][1] as CustomFunctionsError).code).toBe("#NUM!");
    expect(codeOf(call("MIGRATION.MATRIX", [[["A"], [null]], [["B"], ["A"]], [[1], [2]]]))).toBe("#N/A");
    expect(codeOf(call("MIGRATION.MATRIX", [[["A"]], [["B"], ["A"]], [[1], [2]]]))).toBe("#VALUE!");
  });
  describe("MIGRATION.IPF", () => {
    const SEED = [
      [5, 2],
      [1, 7],
    ];
    const ROWS = [[18], [20]];
    const COLS = [[16, 22]];
    /** #NUM! carries no message in Excel (CustomFunctionsRuntime 1.3): the stand-in would throw if one were given. */
    const expectNum = (args: Args) => {
      const e = call("MIGRATION.IPF", args).thrown as CustomFunctionsError;
      expect(e).toBeInstanceOf(CustomFunctionsError);
      expect(e.code).toBe("#NUM!");
      expect(e.message).toBeUndefined();
    };
    const expectValue = (args: Args, message: RegExp) => {
      const e = call("MIGRATION.IPF", args).thrown as CustomFunctionsError;
      expect(e.code).toBe("#VALUE!");
      expect(e.message).toMatch(message);
    };
    test("Willekens' example: the fitted table has the requested margins and keeps the cross-product ratio", () => {
      const m = call("MIGRATION.IPF", [SEED, ROWS, COLS, null, null]).value as number[][];
      const t = (599 - Math.sqrt(26161)) / 33;
      expect(m[0][0]).toBeCloseTo(t, 8);
      expect(m[0][0] + m[0][1]).toBeCloseTo(18, 8);
      expect(m[0][0] + m[1][0]).toBeCloseTo(16, 8);
      expect((m[0][0] * m[1][1]) / (m[0][1] * m[1][0])).toBeCloseTo(17.5, 8);
    });
    test("no fit is #NUM!: totals with different sums, a zero seed row with a positive total, no convergence", () => {
      expectNum([SEED, ROWS, [[16, 23]], null, null]);
      expectNum([[[1, 2], [0, 0]], [[3], [4]], [[3, 4]], null, null]);
      expectNum([[[0, 1], [1, 0]], [[10], [20]], [[15, 15]], null, null]);
      expectNum([SEED, ROWS, COLS, 1, null]);
    });
    test("a negative seed cell or total is #NUM!; max_iterations outside 1..100,000 and tolerance outside (0, 1) too", () => {
      expectNum([[[5, -2], [1, 7]], ROWS, COLS, null, null]);
      expectNum([SEED, [[18], [-20]], COLS, null, null]);
      expectNum([SEED, ROWS, COLS, 0, null]);
      expectNum([SEED, ROWS, COLS, 100001, null]);
      expectNum([SEED, ROWS, COLS, 2.5, null]);
      expectNum([SEED, ROWS, COLS, null, 0]);
      expectNum([SEED, ROWS, COLS, null, 1]);
    });
    test("text is #VALUE! naming the argument and cell; a blank total #N/A; totals of the wrong length #VALUE!", () => {
      expectValue([[[5, "x"], [1, 7]], ROWS, COLS, null, null], /seed \(row 1, column 2\) is text/);
      expectValue([[[5, true], [1, 7]], ROWS, COLS, null, null], /seed \(row 1, column 2\) is TRUE/);
      expectValue([SEED, [["18"], [20]], COLS, null, null], /row_totals \(item 1\) is text/);
      expectValue([SEED, ROWS, [[16, 22, 0]], null, null], /col_totals has 3 values but the seed has 2 columns/);
      expectValue([SEED, [[18, 1], [20, 1]], COLS, null, null], /row_totals must be a single row or column/);
      expectValue([SEED, ROWS, COLS, "many", null], /max_iterations is text/);
      expectValue([SEED, ROWS, COLS, null, "small"], /tolerance is text/);
      expect(codeOf(call("MIGRATION.IPF", [SEED, [[18], [null]], COLS, null, null]))).toBe("#N/A");
      expect(codeOf(call("MIGRATION.IPF", [[], ROWS, COLS, null, null]))).toBe("#VALUE!");
    });
    test("a 200×200 fit returns in time, as a 200×200 array", () => {
      const n = 200;
      const seed = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 0 : ((i * 7 + j * 13) % 50) + 1)));
      const rows = seed.map((row) => [row.reduce((a, b) => a + b, 0) * (1 + (row.length % 3))]);
      const grand = rows.reduce((a, r) => a + r[0], 0);
      const cols = [Array.from({ length: n }, () => grand / n)];
      const m = call("MIGRATION.IPF", [seed, rows, cols, null, null]).value as number[][];
      expect(m).toHaveLength(n);
      expect(m.every((row, i) => row.length === n && row[i] === 0)).toBe(true);
    });
  });

  describe("MIGRATION.FLOWSFROMSTOCKS", () => {
    test("stock tables of different shapes are #VALUE! naming both arguments", () => {
      const e = call("MIGRATION.FLOWSFROMSTOCKS", [STOCKS_START, [[0, 1], [1, 0]], null]).thrown as CustomFunctionsError;
      expect(e.code).toBe("#VALUE!");
      expect(e.message).toMatch(/stocks_start is 3×3 but stocks_end is 2×2/);
      const nonSquare = call("MIGRATION.FLOWSFROMSTOCKS", [[[0, 1, 2], [1, 0, 2]], STOCKS_END, null]).thrown as CustomFunctionsError;
      expect(nonSquare.message).toMatch(/stocks_start must be a square place of birth × place of residence table; it is 2×3/);
    });
    test("method must be \"zero\" or \"return\": anything else is #VALUE! naming it", () => {
      for (const bad of ["net", "returns", 1, true]) {
        const e = call("MIGRATION.FLOWSFROMSTOCKS", [STOCKS_START, STOCKS_END, bad]).thrown as CustomFunctionsError;
        expect(e.code).toBe("#VALUE!");
        expect(e.message).toMatch(/method must be "zero" or "return"/);
      }
      expect(call("MIGRATION.FLOWSFROMSTOCKS", [STOCKS_START, STOCKS_END, ""]).value).toEqual(call("MIGRATION.FLOWSFROMSTOCKS", [STOCKS_START, STOCKS_END, "zero"]).value);
    });
    test("a negative stock is #NUM! (without a message); the diagonal is ignored", () => {
      const withCell = (v: unknown) => STOCKS_END.map((row, i) => row.map((x, j) => (i === 2 && j === 0 ? v : x)));
      const e = call("MIGRATION.FLOWSFROMSTOCKS", [STOCKS_START, withCell(-1), null]).thrown as CustomFunctionsError;
      expect(e.code).toBe("#NUM!");
      expect(e.message).toBeUndefined();
      const natives = STOCKS_END.map((row, i) => row.map((x, j) => (i === j ? 1e6 : x)));
      expect(call("MIGRATION.FLOWSFROMSTOCKS", [STOCKS_START, natives, "return"]).value).toEqual(call("MIGRATION.FLOWSFROMSTOCKS", [STOCKS_START, STOCKS_END, "return"]).value);
    });
  });
  describe("MIGRATION.PERIODS", () => {
    const [P, O, D, F] = PERIOD_LIST;
    const periods = (p: unknown[][], measure: unknown = null, f: unknown[][] = F) => call("MIGRATION.PERIODS", [p, O, D, f, measure]);
    const withPeriod = (k: number, v: unknown) => P.map((row, r) => (r === k ? [v] : row));
    const expectValue = (r: { thrown?: unknown }, message: RegExp) => {
      const e = r.thrown as CustomFunctionsError;
      expect(e.code).toBe("#VALUE!");
      expect(e.message).toMatch(message);
    };
    test("measure names one key figure, in any case, by its name or its heading; anything else is #VALUE! listing the names", () => {
      const total = [
        ["2000-2005", 20],
        [2010, 120],
      ];
      for (const word of ["total", "TOTAL", " Total Flows "]) expect(periods(P, word).value).toEqual(total);
      expect(periods(P, "circulation index").value).toEqual(periods(P, "Circulation").value);
      expect(periods(P, "gini").value).toEqual(periods(P, "total Gini").value);
      expect(periods(P, "").value).toEqual(periods(P, null).value);
      for (const bad of ["median", "ginis", 3, true]) expectValue(periods(P, bad), /measure must be "total", "mei", "circulation", "connectivity", "gini" or left out/);
    });
    test("spans, academic years and years are periods, in time order; a year comes back as a number, the others as text", () => {
      const p = [["period"], ["2012/13"], ["2012/13"], ["2012"], ["2012"], ["1990–1995"], ["1990–1995"], [" 2012-13 "], ["2012-13"]];
      const o = [["o"], ["A"], ["B"], ["A"], ["B"], ["A"], ["B"], ["A"], ["B"]];
      const d = [["d"], ["B"], ["A"], ["B"], ["A"], ["B"], ["A"], ["B"], ["A"]];
      const f = [["f"], [1], [1], [2], [0], [3], [1], [5], [5]];
      const r = call("MIGRATION.PERIODS", [p, o, d, f, "total"]).value;
      expect(r).toEqual([
        ["1990–1995", 4],
        [2012, 2],
        ["2012-13", 10],
        ["2012/13", 2],
      ]);
    });
    test("a value that is not a period is #VALUE! naming its row; a blank period #N/A; NaN #NUM!; an error in the cell is passed on", () => {
      expectValue(periods(withPeriod(3, "next year")), /periods \(row 4\) is text \("next year"\), not a period/);
      expectValue(periods(withPeriod(3, "   ")), /periods \(row 4\) is text/);
      expectValue(periods(withPeriod(3, true)), /periods \(row 4\) is TRUE, not a period/);
      expectValue(periods(withPeriod(3, 12)), /periods \(row 4\) is 12, not a period/);
      expect(codeOf(periods(withPeriod(3, null)))).toBe("#N/A");
      expect(codeOf(periods(withPeriod(3, "")))).toBe("#N/A");
      expect(codeOf(periods(withPeriod(3, NaN)))).toBe("#NUM!");
      expect(codeOf(periods(withPeriod(3, new cf.Error("#DIV/0!" as never))))).toBe("#DIV/0!");
    });
    test("columns of different sizes or wider than one column are #VALUE!; rows blank in all four are skipped", () => {
      expectValue(periods(P.slice(0, 4)), /periods \(4\), origins \(9\), destinations \(9\) and flows \(9\) must be the same size/);
      expectValue(periods(P.map((row) => [row[0], row[0]])), /periods must be a single column or row/);
      const blankRow = (col: unknown[][]) => [...col, [null], [""]];
      expect(call("MIGRATION.PERIODS", [blankRow(P), blankRow(O), blankRow(D), blankRow(F), null]).value).toEqual(periods(P).value);
      expect(codeOf(call("MIGRATION.PERIODS", [[["year"]], [["orig"]], [["dest"]], [["flow"]], null]))).toBe("#N/A");
    });
    test("a bad flow spoils the figures of its own period only; a blank origin fails the call", () => {
      const withFlow = (v: unknown) => F.map((row, r) => (r === 8 ? [v] : row));
      const r = periods(P, null, withFlow(-1)).value as unknown[][];
      expect(r[1].slice(1).every((c) => (c as CustomFunctionsError).code === "#NUM!")).toBe(true);
      expectClose(r[2], [2010, 120, 0.25, 2 / 3, 1, 0.26666666666666666]);
      const text = (periods(P, null, withFlow("many")).value as unknown[][])[1][1] as CustomFunctionsError;
      expect(text.code).toBe("#VALUE!");
      expect(text.message).toBe('flows (row 9) is text ("many"), not a number');
      expect(codeOf(call("MIGRATION.PERIODS", [P, O.map((row, k) => (k === 2 ? [null] : row)), D, F, null]))).toBe("#N/A");
    });
  });
  test("CIRCULATION.CHANGE: matrices of different sizes are #VALUE! naming both; by_region must be TRUE or FALSE", () => {
    const e = call("CIRCULATION.CHANGE", [HYP, [[0, 1], [1, 0]], null]).thrown as CustomFunctionsError;
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toBe("first_matrix is 3×3 but last_matrix is 2×2: give matrices of the same regions, in the same order");
    expect(codeOf(call("CIRCULATION.CHANGE", [HYP, BALANCED, "yes"]))).toBe("#VALUE!");
    expect(call("CIRCULATION.CHANGE", [HYP, BALANCED, 1]).value).toEqual(call("CIRCULATION.CHANGE", [HYP, BALANCED, true]).value);
    expect(call("CIRCULATION.CHANGE", [HYP, BALANCED, false]).value).toEqual(call("CIRCULATION.CHANGE", [HYP, BALANCED, null]).value);
    const last = (call("CIRCULATION.CHANGE", [HYP, [[0, 0, 0], [0, 0, 5], [0, 5, 0]], true]).value as unknown[][]).map((row) => row[0]);
    expect((last[0] as CustomFunctionsError).code).toBe("#DIV/0!");
    expect(last[1]).toBeCloseTo(0.25, 15);
  });
  test("labels that look like formulas come back as the same text", () => {
    const r = call("MIGRATION.SUMMARY", [[[0, 1], [2, 0]], [["=SUM(A1)"], ["@x"]]]).value as unknown[][];
    expect(r[1][0]).toBe("=SUM(A1)");
    expect(r[2][0]).toBe("@x");
  });
  test("an Excel error inside a range is passed on as it is", () => {
    const na = new cf.Error("#N/A" as never);
    expect(codeOf(call("BRAINDRAIN.RATE", [[[na]], [[1]]]))).toBe("#N/A");
  });
});
