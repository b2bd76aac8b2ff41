/**
 * The function reference: for every catalog function, a worked example and notes on blanks and
 * errors. Its definition (meaning, formula, citation) is its entry in src/indicators/definitions/.
 * `scripts/gen-reference.ts` combines both with the built metadata (dist/functions.json) and
 * computes each example's result by calling the built function (dist/functions.js), so no
 * result is ever typed in here.
 *
 * A new function has two entries: its definition in the module of its family in
 * src/indicators/definitions/ (name; meaning = its JSDoc description, word for word; formula;
 * citation, built from ./citations), and here its example and notes.
 *
 * Notes may mark code with `backticks`; everything else is plain text (the generator escapes it).
 * Example data come from ../shared/data (see its README for the sources and terms) where the
 * sample has what the function needs; otherwise the numbers are illustrative and say so.
 */
import type { FunctionName } from "../indicators/definitions";

export type { FunctionName } from "../indicators/definitions";

/** The errors a function can put in a cell (../shared/DESIGN.md, "Input rules"). */
export type ExcelErrorCode = "#VALUE!" | "#N/A" | "#DIV/0!" | "#NUM!";

/** One cell as Excel passes it; `null` is a blank cell. */
export type ExampleCell = number | string | boolean | null;

/**
 * One argument as Excel passes it: a 2-D array (rows first) for a range parameter, even a
 * single cell ([[120]]); a plain value for a scalar parameter; `null` for an omitted optional one.
 */
export type ExampleArgument = ExampleCell | ExampleCell[][];

export interface ReferenceExample {
  /** The arguments in parameter order; trailing optional ones may be left out (Excel passes null). */
  readonly args: readonly ExampleArgument[];
  /** One line on what the data are and where they come from. */
  readonly data: string;
  /** The error codes the result is meant to show; absent = the result holds no error. */
  readonly demonstrates?: readonly ExcelErrorCode[];
}

/**
 * What the reference shows of a function beyond its definition (name, meaning, formula and
 * citation are its entry in src/indicators/definitions/, which the Definitions sheet of a
 * report shows too).
 */
export interface ReferenceEntry {
  readonly example: ReferenceExample;
  /** Blank handling, errors and caveats, one sentence or two each. */
  readonly notes: readonly string[];
}

// ---------------------------------------------------------------------------------------------
// Notes shared by families of functions (../shared/DESIGN.md, "Input rules").

const ELEMENTWISE =
  "Element-wise: give ranges of the same size, or single cells against a range; the result has that size and spills. Ranges of two different sizes give #VALUE! for the whole call.";
const CELL_ERRORS =
  "A blank cell is a missing value: that element is #N/A, never a silent 0. Text or TRUE/FALSE gives #VALUE! with a message naming the argument and the cell; an error already in an input cell is passed on. Each bad element carries its own error; the others still compute.";
const BLANK_AS_ZERO =
  "Some Excel desktop builds pass a blank cell as 0, which no function can tell from a real zero: there a blank input is computed as 0 (or gives #DIV/0!) instead of #N/A. Check for blanks with ISBLANK or COUNTBLANK before trusting such a result.";
const MATRIX =
  "`matrix` must be square and hold the numbers only (select it without its labels), otherwise #VALUE!. Rows are origins, columns destinations; a blank cell means no recorded flow (0) and the diagonal is ignored whatever it holds.";
const MATRIX_ERRORS =
  "Off the diagonal, text or TRUE/FALSE gives #VALUE! naming the cell, a negative flow #NUM!; one bad cell makes the whole result that error.";
const MATRIX_BLANK_AS_ZERO =
  "Some Excel desktop builds pass a blank cell as 0, which no function can tell from a real zero; for the matrix that changes nothing, since a blank there already means no flow.";

function negative(what: string): string {
  return `A negative ${what} gives #NUM! (so do NaN and ±infinity).`;
}

function elementwiseNotes(...specific: string[]): string[] {
  return [ELEMENTWISE, CELL_ERRORS, ...specific, BLANK_AS_ZERO];
}

function matrixNotes(...specific: string[]): string[] {
  return [MATRIX, MATRIX_ERRORS, ...specific, MATRIX_BLANK_AS_ZERO];
}

/** Matrix notes for a function with a second argument that a blank-as-0 build does affect. */
function matrixNotesWith(blankAsZero: string, ...specific: string[]): string[] {
  return [MATRIX, MATRIX_ERRORS, ...specific, `${MATRIX_BLANK_AS_ZERO} ${blankAsZero}`];
}

// ---------------------------------------------------------------------------------------------
// Sample data used by several examples (from ../shared/data).

/** Erasmus 2012–13, the top-left 3×3 corner (BE, BG, CZ): students sent by each row country to each column country. */
const ERASMUS_BE_BG_CZ: ExampleCell[][] = [
  [0, 20, 125],
  [87, 0, 107],
  [314, 37, 0],
];
const ERASMUS_CORNER = "Erasmus student mobility 2012–13, the top-left 3×3 corner of the matrix (home BE, BG, CZ × host BE, BG, CZ; European Commission, in ../shared/data)";

/** UK 2018, moves among the first three regions of the list: North East, North West, Yorkshire and The Humber. */
const UK_NE_NW_YH: ExampleCell[][] = [
  [0, 8111, 12388],
  [8054, 0, 26101],
  [13187, 27267, 0],
];
const UK_CORNER =
  "UK interregional moves 2018 among North East, North West and Yorkshire and The Humber (rows = origin, in that order; ONS estimates as tidied in guyabel/migration-in-r, in ../shared/data)";

/** Erasmus 2012–13 totals over the whole 33-country matrix: students received (column sums) and sent (row sums) by BE, BG, CZ. */
const ERASMUS_IN: ExampleCell[][] = [[9124], [1056], [6437]];
const ERASMUS_OUT: ExampleCell[][] = [[7741], [1952], [7299]];
/** UN DESA population 2015 of Belgium, Bulgaria, Czechia. */
const POP_2015_BE_BG_CZ: ExampleCell[][] = [[11287931], [7199739], [10601390]];

/** UK 2018 in- and out-moves of London, South West and Scotland, summed over the 144-row list. */
const UK_IN: ExampleCell[][] = [[237270], [169571], [47653]];
const UK_OUT: ExampleCell[][] = [[340498], [140292], [37673]];
const UK_IN_OUT =
  "UK interregional moves 2018 into and out of London, South West and Scotland (each region's rows of the 144-row list summed; ONS estimates as tidied in guyabel/migration-in-r, in ../shared/data)";

/** Total of all 144 flows of the UK 2018 list, and UN DESA's UK population for 2020. */
const UK_MOVES_2018 = 1591416;
const UK_POP_2020 = 67886004;

/** Korea 2020, internal moves among Seoul, Busan, Daegu and Incheon (rows = origin, in that order). */
const KOREA_4: ExampleCell[][] = [
  [0, 20990, 15216, 38409],
  [13209, 0, 5453, 2381],
  [8792, 4674, 0, 1577],
  [39875, 2980, 2112, 0],
];
/** Distances in km between the centroids of the same four regions, to 0.1 km. */
const KOREA_4_KM: ExampleCell[][] = [
  [0, 319.5, 240.8, 44.1],
  [319.5, 0, 78.7, 348.4],
  [240.8, 78.7, 0, 270.2],
  [44.1, 348.4, 270.2, 0],
];
/** Their populations in 2020, in persons. */
const KOREA_4_POP: ExampleCell[][] = [[9668465], [3391946], [2418346], [2942828]];
const KOREA_CORNER =
  "Internal moves in South Korea in 2020 among Seoul, Busan, Daegu and Incheon (rows = origin, in that order; Statistics Korea via KOSIS, as shipped in the R package migest, korea_gravity)";
const KOREA_DISTANCES = "the distances between the regions' centroids in km (korea_gravity's dist_cent, to 0.1 km)";
const KOREA_POPULATIONS = "their 2020 populations in persons (korea_gravity's orig_pop × 10⁶)";

/** One illustrative country for the student indicators (the sample data have no enrolment figures). */
const STUDENTS_ILLUSTRATIVE = "Illustrative numbers (the sample data have no tertiary enrolment): a country with 250,000 tertiary students";

/** Korea 2012, internal moves among the same four regions as KOREA_4 (2020), in the same order. */
const KOREA_4_2012: ExampleCell[][] = [
  [0, 21437, 13838, 32216],
  [16135, 0, 5216, 2691],
  [10135, 5225, 0, 1702],
  [49640, 3180, 1979, 0],
];
const KOREA_4_NAMES = ["Seoul", "Busan", "Daegu", "Incheon"];

/** A long list (header row first) of the off-diagonal flows of each period's matrix: period, origin, destination, flow columns. */
function longListOf(periods: readonly (readonly [ExampleCell, ExampleCell[][]])[], names: readonly string[]): ExampleCell[][][] {
  const columns: ExampleCell[][][] = [[["year"]], [["orig"]], [["dest"]], [["flow"]]];
  for (const [period, m] of periods) {
    m.forEach((row, i) =>
      row.forEach((flow, j) => {
        if (i === j) return;
        [period, names[i], names[j], flow].forEach((v, k) => columns[k].push([v]));
      }),
    );
  }
  return columns;
}

// ---------------------------------------------------------------------------------------------

export const REFERENCE: { readonly [name in FunctionName]: ReferenceEntry } = {
  "BRAINDRAIN.RATE": {
    example: {
      args: [[[1683074], [1026108], [4825096]], [[6948445], [10708982], [37846605]]],
      data: "Bulgaria, Czechia and Poland in 2020: nationals living abroad and residents, all education levels (UN DESA International Migrant Stock 2020, in ../shared/data; the sample has no counts by education, and the formula is the same for any group).",
    },
    notes: elementwiseNotes(
      negative("count"),
      "When skilled_emigrants + skilled_residents is 0 the element is #DIV/0!.",
      "The result is a fraction from 0 to 1: format the cell as %.",
    ),
  },

  "BRAINDRAIN.NET": {
    example: {
      args: [[[1683074], [4825096], [3855268]], [[184363], [817254], [15762457]], [[6948445], [37846605], [83783945]]],
      data: "Bulgaria, Poland and Germany in 2020: emigrant stock, immigrant stock and population as base, all education levels (UN DESA International Migrant Stock 2020, in ../shared/data; the sample has no counts by education).",
    },
    notes: elementwiseNotes(
      negative("count or base"),
      "Leave `base` out for the plain difference; a `base` that refers to a blank cell is a missing value (#N/A), and a base of 0 gives #DIV/0!.",
    ),
  },

  "BRAINDRAIN.SELECTION": {
    example: {
      args: [
        [[0.272562772035599], [0.145445004105568], [0.076692596077919]],
        [[0.0227448008954525], [0.0527221597731113], [0.0357325449585915]],
      ],
      data: "Ghana, Poland and Germany in 2010, both sexes: high_rate (tertiary) and tot_rate emigration rates of the IAB brain drain data (Brücker, Capuano & Marfouk 2013, in ../shared/data).",
    },
    notes: elementwiseNotes(
      "Both rates must be fractions from 0 to 1 (not percentages): a value outside gives #NUM!.",
      "A total_rate of 0 gives #DIV/0!.",
    ),
  },

  "BRAINDRAIN.RELATIVE": {
    example: {
      args: [[[120]], [[400]], [[880]], [[8800]]],
      data: "Illustrative numbers (the sample data have no counts by education): 120 of 400 emigrants and 880 of 8,800 residents are tertiary-educated.",
    },
    notes: elementwiseNotes(
      `${negative("count")} A skilled count larger than its total (skilled_emigrants > total_emigrants, or skilled_residents > total_residents) also gives #NUM!.`,
      "A total_emigrants, total_residents or skilled_residents of 0 gives #DIV/0!.",
    ),
  },

  "BRAINDRAIN.COST": {
    example: {
      args: [[[50]], [[4000, 4000, 4000, 5000, 5000, 5000]], 0.05],
      data: "Illustrative numbers: 50 emigrant doctors whose six years of training cost the state 4,000 a year for three years and 5,000 a year for three more, compounded at 5% a year.",
    },
    notes: [
      "Element-wise over `emigrants` (a cell or a range; the result spills to its size); `yearly_costs` is one row or one column, first year first, used for every element.",
      "A blank in `emigrants` gives #N/A for that element; text or TRUE/FALSE gives #VALUE! naming the cell; a negative number of emigrants gives #NUM!.",
      "`yearly_costs` and `interest_rate` apply to the whole call: a blank cost gives #N/A, a text cost #VALUE!, a negative cost or an interest_rate of −1 or less #NUM!, and a yearly_costs range of more than one row and column #VALUE!. A blank or omitted interest_rate is 0.",
      BLANK_AS_ZERO,
    ],
  },

  "CIRCULATION.INDEX": {
    example: {
      args: [[[6373, 5450, 4428]], [[4938, 4218, 2112]]],
      data: "Erasmus 2012–13: students sent from Germany to Spain, France and the UK (flows), and from those countries to Germany (counterflows) (European Commission, in ../shared/data).",
    },
    notes: [
      "Two ranges (flows and counterflows) must have the same size, otherwise #VALUE!; every cell must hold a number: a blank gives #N/A, text or TRUE/FALSE #VALUE!, a negative flow #NUM!, each naming the cell. The result is one number, so one bad cell makes it that error.",
      "With `counterflows` left out, `flows` is read as an origin × destination matrix: square, numbers only, a blank cell is no flow (0) and the diagonal is ignored.",
      "When all flows and counterflows are 0 the result is #DIV/0!.",
      "Some Excel desktop builds pass a blank cell as 0, which no function can tell from a real zero: with two ranges, a blank is then counted as a zero flow instead of giving #N/A. (In the matrix form a blank is a zero flow anyway.)",
    ],
  },

  "CIRCULATION.BYREGION": {
    example: {
      args: [ERASMUS_BE_BG_CZ],
      data: `${ERASMUS_CORNER}.`,
    },
    notes: matrixNotes("A region with no flows in either direction gets #DIV/0! in its row; the other rows still compute."),
  },

  "CIRCULATION.RETURNRATE": {
    example: {
      args: [[[30], [null], [12]], [[200], [150], [96]]],
      data: "Illustrative numbers with one blank cell, to show a missing value: 30 of 200, (blank) of 150 and 12 of 96 emigrants came back.",
      demonstrates: ["#N/A"],
    },
    notes: elementwiseNotes(`${negative("count")} Returnees are part of the emigrant cohort: more returnees than emigrants gives #NUM! too.`, "An emigrants value of 0 gives #DIV/0!."),
  },

  "CIRCULATION.STAYRATE": {
    example: {
      args: [[[640]], [[1000]]],
      data: "Illustrative numbers: 640 of a cohort of 1,000 foreign doctorate recipients still live in the host country some years after graduating.",
    },
    notes: elementwiseNotes(`${negative("count")} Stayers are part of the cohort: more stayers than the cohort gives #NUM! too.`, "A cohort of 0 gives #DIV/0!."),
  },

  "MIGRATION.NET": {
    example: { args: [UK_IN, UK_OUT], data: `${UK_IN_OUT}.` },
    notes: elementwiseNotes(negative("inflow or outflow")),
  },

  "MIGRATION.NETRATE": {
    example: {
      args: [ERASMUS_IN, ERASMUS_OUT, POP_2015_BE_BG_CZ, 100000],
      data: "Belgium, Bulgaria and Czechia: Erasmus students received and sent in 2012–13 (sums over the 33-country matrix; European Commission) per 100,000 population (UN DESA 2015, the nearest year in the sample; both in ../shared/data).",
    },
    notes: elementwiseNotes(
      negative("inflow, outflow or population"),
      "A population of 0 gives #DIV/0!. `per` must be greater than 0 (otherwise #NUM!); a blank or omitted per is 1,000, a text per #VALUE! for the whole call. (Where a build passes a blank `per` cell as 0, the result is #NUM!.)",
    ),
  },

  "MIGRATION.GROSSRATE": {
    example: {
      args: [ERASMUS_IN, ERASMUS_OUT, POP_2015_BE_BG_CZ],
      data: "Belgium, Bulgaria and Czechia: Erasmus students received and sent in 2012–13 (sums over the 33-country matrix; European Commission) per 1,000 population (UN DESA 2015; both in ../shared/data).",
    },
    notes: elementwiseNotes(
      negative("inflow, outflow or population"),
      "A population of 0 gives #DIV/0!. `per` must be greater than 0 (otherwise #NUM!); a blank or omitted per is 1,000, a text per #VALUE! for the whole call. (Where a build passes a blank `per` cell as 0, the result is #NUM!.)",
    ),
  },

  "MIGRATION.EFFECTIVENESS": {
    example: { args: [UK_IN, UK_OUT], data: `${UK_IN_OUT}.` },
    notes: elementwiseNotes(negative("inflow or outflow"), "A region with no inflow and no outflow gives #DIV/0!."),
  },

  "MIGRATION.MEI": {
    example: { args: [UK_NE_NW_YH], data: `${UK_CORNER}.` },
    notes: matrixNotes("A matrix with no flows at all gives #DIV/0!."),
  },

  "MIGRATION.INTENSITY": {
    example: {
      args: [[[UK_MOVES_2018]], [[UK_POP_2020]]],
      data: "The UK in 2018: all moves between its 12 regions (the 144-row ONS list summed) over the UK population (UN DESA 2020, the nearest year in the sample; both in ../shared/data).",
    },
    notes: elementwiseNotes(negative("count"), "A population of 0 gives #DIV/0!."),
  },

  "MIGRATION.COURGEAUK": {
    example: {
      args: [[[UK_MOVES_2018]], [[UK_POP_2020]], [[12]]],
      data: "The UK in 2018: all moves between its 12 regions (the 144-row ONS list summed) over the UK population (UN DESA 2020; both in ../shared/data).",
    },
    notes: elementwiseNotes(
      `${negative("count")} \`regions\` must be a whole number of at least 1, otherwise #NUM!.`,
      "A population of 0 gives #DIV/0!, and so does regions = 1, since ln(1²) = 0.",
    ),
  },

  "MIGRATION.ANMR": {
    example: {
      args: [ERASMUS_BE_BG_CZ, POP_2015_BE_BG_CZ],
      data: `${ERASMUS_CORNER}, with the UN DESA 2015 populations of Belgium, Bulgaria and Czechia (a few hundred students against 29 million people, hence the small rate).`,
    },
    notes: matrixNotesWith(
      "A blank population, though, is then counted as 0 instead of giving #N/A.",
      "`populations` is one row or column with one value per matrix row: another count gives #VALUE!, a blank population #N/A, a negative one #NUM!, and a total population of 0 #DIV/0!.",
    ),
  },

  "MIGRATION.CONNECTIVITY": {
    example: {
      args: [
        [
          [0, 5, 0],
          [3, 0, 7],
          [0, 0, 0],
        ],
      ],
      data: "Erasmus 2012–13 among Luxembourg, Hungary and Malta (rows and columns LU, HU, MT of the matrix; European Commission, in ../shared/data): three of the six possible flows are zero.",
    },
    notes: matrixNotes("A 1 × 1 matrix has no off-diagonal cells and gives #DIV/0!."),
  },

  "MIGRATION.GINI": {
    example: { args: [UK_NE_NW_YH], data: `${UK_CORNER}; corrected left out (TRUE).` },
    notes: matrixNotesWith(
      "A `corrected` that refers to a blank cell, though, then arrives as 0 and means FALSE.",
      "A matrix with no flows at all gives #DIV/0!. `corrected` takes TRUE or FALSE (or 1 or 0); blank or omitted is TRUE, anything else #VALUE!.",
    ),
  },

  "MIGRATION.SUMMARY": {
    example: {
      args: [ERASMUS_BE_BG_CZ, [["BE"], ["BG"], ["CZ"]]],
      data: `${ERASMUS_CORNER}, with the country codes as labels.`,
    },
    notes: matrixNotesWith(
      "A blank label, though, then shows as 0.",
      "`labels` is one row or column with one label per matrix row, otherwise #VALUE!; left out, the regions are numbered 1, 2, 3…",
      "A region with no flows in either direction gets #DIV/0! as its effectiveness; its other columns still show.",
    ),
  },

  "MIGRATION.CORRIDORS": {
    example: {
      args: [ERASMUS_BE_BG_CZ, [["BE", "BG", "CZ"]], 3],
      data: `${ERASMUS_CORNER}, with the country codes as labels; the three largest corridors.`,
    },
    notes: matrixNotesWith(
      "A blank label, though, then shows as 0, and a `top` that refers to a blank cell gives #NUM! instead of listing every corridor.",
      "Pairs with no flow (0 or blank) are left out; with no flows at all the result is the header row alone.",
      "`labels` is one row or column with one label per matrix row, otherwise #VALUE!. `top` must be a whole number of at least 1 (otherwise #NUM!); left out, every corridor is listed.",
    ),
  },

  "MIGRATION.MATRIX": {
    example: {
      args: [
        [["orig"], ["North East"], ["North East"], ["North East"], ["North West"], ["North West"], ["North West"], ["Yorkshire and The Humber"], ["Yorkshire and The Humber"], ["Yorkshire and The Humber"]],
        [["dest"], ["North East"], ["North West"], ["Yorkshire and The Humber"], ["North East"], ["North West"], ["Yorkshire and The Humber"], ["North East"], ["North West"], ["Yorkshire and The Humber"]],
        [["flow"], [0], [8111], [12388], [8054], [0], [26101], [13187], [27267], [0]],
      ],
      data: "The nine rows of the UK 2018 list among North East, North West and Yorkshire and The Humber, header row included (ONS estimates as tidied in guyabel/migration-in-r, in ../shared/data).",
    },
    notes: [
      "`origins`, `destinations` and `flows` are single columns (or rows) of the same size, otherwise #VALUE!. A header row (text in all three) is recognised and its names go in the top-left corner.",
      "Rows for the same pair are added up; pairs not in the list are 0. Labels are matched by their text, so the number 1 and the text \"1\" are one region. Rows blank in all three columns are skipped (a whole-column selection works).",
      "A blank origin or destination gives #N/A for the whole call. A blank flow puts #N/A in its cell of the matrix, a text flow #VALUE! and a negative one #NUM!; the other cells still compute.",
      BLANK_AS_ZERO,
    ],
  },

  "MIGRATION.IPF": {
    example: {
      args: [UK_NE_NW_YH, [[21000], [35000], [41000]], [[22000, 36000, 39000]]],
      data: `${UK_CORNER}, as the seed, fitted to illustrative out-move totals (row_totals) and in-move totals (col_totals) for another year; the zero diagonal stays zero.`,
    },
    notes: [
      "`seed` is a table of numbers only (select it without its labels); it need not be square. Every cell counts, the diagonal too: a 0 or blank cell is a structural zero and stays 0, so a flow table with a zero diagonal keeps it. Text or TRUE/FALSE in the seed gives #VALUE! naming the cell, a negative number #NUM!.",
      "`row_totals` has one value per seed row and `col_totals` one per seed column, each a row or a column, otherwise #VALUE!. A blank total gives #N/A, a text one #VALUE!, a negative one #NUM!.",
      "The fitted table is the one closest to the seed (in the information, or Kullback–Leibler, sense) with these totals: the seed's cross-product ratios are kept. Multiplying the seed by a constant changes nothing.",
      "#NUM! when no fit exists or none was found. Excel shows no message beside #NUM!, so here is what each case means: (1) the row totals and the column totals add up to different grand totals (by more than the tolerance); (2) a seed row or column is all zeros but its total is positive, so no scaling can reach it; (3) the fit did not converge within `max_iterations`: the zeros in the seed make the totals unreachable even though no row or column is all zeros (as when a 2 × 2 seed with a zero diagonal is asked for different totals out of A and into B), or it needs more iterations. Check the sums with SUM, and the seed's zero rows and columns with COUNTIF. The report engine shows these messages, with the two sums, the row, or the residual reached.",
      "`max_iterations` (default 1000) must be a whole number from 1 to 100,000, and `tolerance` (default 1E-10, relative to the grand total) greater than 0 and less than 1, otherwise #NUM!. Totals whose sums differ by no more than the tolerance (rounding) are both scaled to the mean of the two sums before fitting.",
      "Some Excel desktop builds pass a blank cell as 0, which no function can tell from a real zero; for the seed that changes nothing, since a blank there is 0 anyway. A blank total, though, is then 0 instead of giving #N/A.",
    ],
  },

  "MIGRATION.FLOWSFROMSTOCKS": {
    example: {
      args: [
        [
          [100, 10, 10, 0],
          [20, 55, 25, 10],
          [10, 40, 140, 65],
          [20, 25, 20, 200],
        ],
        [
          [75, 25, 5, 15],
          [20, 45, 30, 15],
          [30, 40, 150, 35],
          [10, 50, 5, 200],
        ],
        "return",
      ],
      data: "Illustrative stocks of four places A–D at the start and the end of a period, natives on the diagonal: the example of ffs_diff in the R package migest (Abel), so the result can be compared with R.",
    },
    notes: [
      "A rise in the stock of people born in i living in j is a flow from i to j. With \"zero\" (the default) a fall is ignored; with \"return\" a fall in the stock of people born in j living in i is a return flow from i to j, so \"return\" flows are never smaller. No change gives no flows.",
      "These are net changes of stocks, not counts of moves: deaths and births of migrants, moves on to third places and moves that were reversed within the period are not seen. Abel (2013) and Abel & Sander (2014) estimate flows from the same stocks with a demographic model that accounts for these; stock differencing is the simple baseline.",
      "Both tables must be square (select the numbers only, without labels), list the same places in the same order and be the same size, otherwise #VALUE!. The function takes the numbers only, so it cannot compare labels: check that the two tables' row and column labels match.",
      "A blank cell is 0 (no migrants recorded) and the diagonal (people living where they were born) is ignored whatever it holds. Off the diagonal, text or TRUE/FALSE gives #VALUE! naming the cell and a negative stock #NUM!.",
      "`method` is \"zero\" or \"return\", in any case; blank or left out is \"zero\"; anything else gives #VALUE!.",
      "Some Excel desktop builds pass a blank cell as 0, which no function can tell from a real zero; for the stock tables that changes nothing, since a blank there is 0 anyway.",
    ],
  },

  "MIGRATION.INEQUALITY": {
    example: { args: [KOREA_4, "independence"], data: `${KOREA_CORNER}.` },
    notes: matrixNotes(
      "A matrix with no flows, or a 1 × 1 matrix, gives #DIV/0!. `expected` is \"equal\" or \"independence\" in any case; blank or omitted is \"equal\"; anything else #VALUE!. An \"independence\" fit that does not converge (zeros that make the margins unreachable) gives #NUM!.",
      "How it differs from migest: migest rounds the flows to whole numbers before its Poisson fit; here the flows are fitted as given, so with whole-number flows the two agree. migration.indices' migration.inequality gives the same sum in persons (× T) rather than as a fraction.",
    ),
  },

  "MIGRATION.GINIORIGIN": {
    example: { args: [KOREA_4], data: `${KOREA_CORNER}.` },
    notes: matrixNotes(
      "A fraction from 0 to 1 (migration.indices returns a percentage). Every flow equal (including no flows at all) gives #DIV/0!.",
      "How it differs: migration.indices' own migration.gini() wrapper standardises by the corrected total Gini and so disagrees with its standalone functions; this function, like migest, uses the uncorrected one.",
    ),
  },

  "MIGRATION.GINIDESTINATION": {
    example: { args: [KOREA_4], data: `${KOREA_CORNER}.` },
    notes: matrixNotes("A fraction from 0 to 1 (migration.indices returns a percentage). Every flow equal (including no flows at all) gives #DIV/0!."),
  },

  "MIGRATION.WEIGHTEDGINI": {
    example: { args: [KOREA_4, "mean"], data: `${KOREA_CORNER}.` },
    notes: matrixNotes(
      "As migration.indices codes it (its published test values follow the code): each region's out-field Gini is weighted by its inflow share and each in-field Gini by its outflow share.",
      "A region with no outflows (for \"origin\") or no inflows (for \"destination\") has no field Gini and gives #DIV/0!, as do fewer than 3 regions (the field Gini divides by n − 2) and a matrix with no flows. `side` is \"origin\", \"destination\" or \"mean\" in any case; blank or omitted is \"mean\"; anything else #VALUE!.",
    ),
  },

  "MIGRATION.CV": {
    example: { args: [KOREA_4], data: `${KOREA_CORNER}.` },
    notes: matrixNotes(
      "Scale-free: multiplying every flow by the same number leaves it unchanged. A matrix with no flows, or a 1 × 1 matrix, gives #DIV/0!.",
      "How it differs from migest: migest's cv is √(Σ(M − M̄)² / (N(N − 1))) / M̄ over all N = n² cells, the diagonal included and the square root misplaced, so doubling every flow multiplies it by √2; it is not comparable with this one.",
    ),
  },

  "MIGRATION.ACV": {
    example: { args: [KOREA_4], data: `${KOREA_CORNER}.` },
    notes: matrixNotes(
      "The same value as migration.acv. Where a region has no inflows or no outflows, its field has no CV; its weight is 0, so its term is 0 (migration.indices returns NaN there). A matrix with no flows, or a 1 × 1 matrix, gives #DIV/0!.",
    ),
  },

  "MIGRATION.PREFERENCE": {
    example: { args: [KOREA_4, KOREA_4_POP], data: `${KOREA_CORNER}, and ${KOREA_POPULATIONS}.` },
    notes: matrixNotesWith(
      "A blank population, though, is then 0 and gives #DIV/0!.",
      "`populations` is one row or column with one value per matrix row, in persons: another count gives #VALUE!, a blank population #N/A, a negative one #NUM!, a population of 0 #DIV/0!. A matrix with no flows gives #DIV/0!.",
      "The same value as migest; it does not depend on the unit of the populations.",
    ),
  },

  "MIGRATION.VELOCITY": {
    example: { args: [KOREA_4, KOREA_4_POP], data: `${KOREA_CORNER}, and ${KOREA_POPULATIONS}.` },
    notes: matrixNotesWith(
      "A blank population, though, is then 0 and gives #DIV/0!.",
      "`populations` is one row or column with one value per matrix row, in persons: another count gives #VALUE!, a blank population #N/A, a negative one #NUM!, a population of 0 #DIV/0!.",
      "The value scales with the unit of the populations: migest's example gives them in millions, which multiplies it by 10⁶.",
    ),
  },

  "MIGRATION.MEANDISTANCE": {
    example: { args: [KOREA_4, KOREA_4_KM], data: `${KOREA_CORNER}, with ${KOREA_DISTANCES}.` },
    notes: [
      MATRIX,
      MATRIX_ERRORS,
      "`distances` is a table the size of the matrix, in the same order (select the numbers only); another size gives #VALUE!. Its diagonal is ignored; off it a blank distance gives #N/A, text #VALUE!, a negative distance #NUM!. The result is in the unit of the distances.",
      "A matrix with no flows gives #DIV/0!.",
      "Some Excel desktop builds pass a blank cell as 0, which no function can tell from a real zero: a blank distance is then 0 instead of #N/A.",
    ],
  },

  "MIGRATION.MEDIANDISTANCE": {
    example: { args: [KOREA_4, KOREA_4_KM], data: `${KOREA_CORNER}, with ${KOREA_DISTANCES}.` },
    notes: [
      MATRIX,
      MATRIX_ERRORS,
      "`distances` follows the rules of MIGRATION.MEANDISTANCE. A matrix with no flows gives #DIV/0!.",
      "How it differs from migest: migest interpolates over the cells as they come, so a distance that appears twice (i → j and j → i, as in any symmetric table) is two neighbouring points and the median depends on the order of the rows; pooling equal distances first makes the result independent of that order. On Korea 2020 (17 regions) migest gives 74.7 km and this function 76.5 km.",
      "Some Excel desktop builds pass a blank cell as 0, which no function can tell from a real zero: a blank distance is then 0 instead of #N/A.",
    ],
  },

  "MIGRATION.DISTANCEDECAY": {
    example: { args: [KOREA_4, KOREA_4_KM], data: `${KOREA_CORNER}, with ${KOREA_DISTANCES}.` },
    notes: [
      MATRIX,
      MATRIX_ERRORS,
      "`distances` follows the rules of MIGRATION.MEANDISTANCE, and off the diagonal every distance must be greater than 0 (its logarithm is taken), otherwise #NUM!.",
      "Usually negative: −1 means a flow falls by about 1% for each 1% more distance, the sizes of its origin and destination being equal. Regions with no outflows (inflows) have no say in β and are left out, as R's fit would drive their effects to −∞.",
      "#NUM! when the model cannot be fitted: fewer than 3 regions, too few flows, distances that do not vary apart from the origin and destination effects, or no convergence within 100 iterations. The same value as migest's decay to about 12 digits.",
      "Each step of the fit takes time in proportion to n³ for n regions with flows: a few milliseconds for 17 regions, about a second for 226, and tens of seconds for 1,000.",
      "Some Excel desktop builds pass a blank cell as 0, which no function can tell from a real zero: a blank distance is then 0 and gives #NUM!.",
    ],
  },

  "MIGRATION.AGEINDICES": {
    example: {
      args: [
        [[15], [16], [17], [18], [19], [20], [21], [22], [23], [24], [25], [26], [27], [28], [29], [30], [31], [32], [33], [34], [35]],
        [[0.09558], [0.09968], [0.10411], [0.1117], [0.12125], [0.12746], [0.13591], [0.13895], [0.14127], [0.14279], [0.14058], [0.13984], [0.13706], [0.13474], [0.13117], [0.12653], [0.12633], [0.1199], [0.11797], [0.11424], [0.10886]],
        14,
        36,
      ],
      data: "Brazil 2000, ages 15 to 35: migrants ÷ population at each age, to 5 decimals (IPUMS International census sample, as shipped in the R package migest, ipumsi_age), with the study range 15–35.",
    },
    notes: [
      "`ages` and `rates` are one row or column each, of the same size, otherwise #VALUE!; the ages must increase (#VALUE! otherwise). A blank gives #N/A, text #VALUE!, a negative rate #NUM!.",
      "The result is a table of two columns (measure, value) under a header row, in this order: gross migraproduction rate, peak rate, peak age, peak breadth, peak share, age of maximum upward rate of change, age of maximum downward rate of change, asymmetry. Ties go to the youngest age. The change at the first age listed is 0.",
      "No age strictly between age_min and age_max gives #N/A; every rate 0 #DIV/0!; a largest fall at age 0 makes the asymmetry #DIV/0!.",
      "How it differs from migest: migest multiplies the rates by 100 (here they stay as given, so the rates, breadth and share are fractions); migest takes the breadth over list positions rather than ages, so with ages from 0 its window is one year younger than the ages it names (here the ages themselves, inclusive); and on a tie for the peak migest fails.",
      BLANK_AS_ZERO,
    ],
  },

  "MIGRATION.INDICES": {
    example: { args: [KOREA_4, KOREA_4_POP, KOREA_4_KM], data: `${KOREA_CORNER}, ${KOREA_POPULATIONS} and ${KOREA_DISTANCES}.` },
    notes: [
      MATRIX,
      MATRIX_ERRORS,
      "`populations` and `distances` are optional and follow the rules of MIGRATION.PREFERENCE and MIGRATION.MEANDISTANCE; a bad one fails the whole call. An index that cannot be computed for these flows shows its own error in its row (e.g. #DIV/0! for a weighted Gini when a region has no outflows); the others still compute.",
      MATRIX_BLANK_AS_ZERO,
    ],
  },

  "MIGRATION.LUMP": {
    example: {
      args: [KOREA_4, [["Seoul"], ["Busan"], ["Daegu"], ["Incheon"]], 2],
      data: `${KOREA_CORNER}, with the region names as labels, reduced to the two regions with the largest turnover.`,
    },
    notes: matrixNotesWith(
      "A blank label, though, then shows as 0, and a `top` that refers to a blank cell gives #NUM!.",
      "`labels` is one row or column with one label per matrix row, otherwise #VALUE!. `top` must be a whole number of at least 1 (#NUM! otherwise; blank #N/A); when it is the number of regions or more nothing is merged and there is no other region. `other_label` names the merged region (default \"Other\").",
      "The result carries the labels in its first row and column; select its numbers only to use it as a matrix in the other functions, which ignore the diagonal and so the flows among the merged regions.",
      "How it differs from migest: sum_lump compares each region's turnover with a threshold and returns a long table; here the number of regions to keep is given and the result is a matrix.",
    ),
  },

  "STUDENTS.OUTBOUNDRATIO": {
    example: { args: [[[12500]], [[250000]]], data: `${STUDENTS_ILLUSTRATIVE}, 12,500 of its nationals study abroad.` },
    notes: elementwiseNotes(negative("count"), "A tertiary_enrolment of 0 gives #DIV/0!. Students abroad are not part of the domestic enrolment, so the ratio is not capped at 1."),
  },

  "STUDENTS.INBOUNDRATE": {
    example: { args: [[[20000]], [[250000]]], data: `${STUDENTS_ILLUSTRATIVE}, 20,000 of whom came from abroad.` },
    notes: elementwiseNotes(negative("count"), "A tertiary_enrolment of 0 gives #DIV/0!."),
  },

  "STUDENTS.NETFLOW": {
    example: {
      args: [ERASMUS_IN, ERASMUS_OUT],
      data: "Belgium, Bulgaria and Czechia: Erasmus students received and sent in 2012–13 (sums over the 33-country matrix; European Commission, in ../shared/data). Erasmus counts credit mobility, not the degree mobility UIS counts.",
    },
    notes: elementwiseNotes(negative("count")),
  },

  "STUDENTS.NETFLOWRATIO": {
    example: { args: [[[20000]], [[12500]], [[250000]]], data: `${STUDENTS_ILLUSTRATIVE}, 20,000 from abroad and 12,500 nationals abroad.` },
    notes: elementwiseNotes(negative("count"), "A tertiary_enrolment of 0 gives #DIV/0!."),
  },

  "STUDENTS.GROSSOUTBOUND": {
    example: {
      args: [[[12500]], [[600000]]],
      data: "Illustrative numbers: 12,500 nationals study abroad, and 600,000 people are of tertiary-education age (the five years after secondary school).",
    },
    notes: elementwiseNotes(negative("count"), "A tertiary_age_population of 0 gives #DIV/0!."),
  },
  "CIRCULATION.CHANGE": {
    example: {
      args: [KOREA_4_2012, KOREA_4, true],
      data: `Internal moves in South Korea among Seoul, Busan, Daegu and Incheon (rows = origin, in that order) in 2012 (first_matrix) and 2020 (last_matrix), the change of each region's index (Statistics Korea via KOSIS, as shipped in the R package migest, korea_gravity).`,
    },
    notes: [
      "`first_matrix` and `last_matrix` are square origin × destination matrices of the numbers only (select them without their labels), otherwise #VALUE!; a blank cell is no flow (0) and the diagonal is ignored. Off the diagonal, text or TRUE/FALSE gives #VALUE! naming the cell, a negative flow #NUM!.",
      "The two matrices must hold the same regions in the same order (region i is row i and column i of both): matrices of different sizes give #VALUE!. The order cannot be checked, since the matrices are numbers without labels: compare the labels beside them first. MIGRATION.MATRIX puts regions in order of first appearance, so two lists give matrices in the same order only when their rows name the regions in the same order.",
      "`by_region` FALSE or left out gives one number, the change of the whole system's index; TRUE gives a column with one change per region. When a period has no flows at all the result is #DIV/0!; with by_region TRUE, a region with no flows in either direction in one of the two periods gets #DIV/0! in its row and the others still compute.",
      MATRIX_BLANK_AS_ZERO,
    ],
  },

  "MIGRATION.PERIODS": {
    example: {
      args: longListOf(
        [
          [2012, KOREA_4_2012],
          [2020, KOREA_4],
        ],
        KOREA_4_NAMES,
      ),
      data: "Internal moves in South Korea among Seoul, Busan, Daegu and Incheon in 2012 and 2020, as a long list with a header row (Statistics Korea via KOSIS, as shipped in the R package migest, korea_gravity).",
    },
    notes: [
      "`periods`, `origins`, `destinations` and `flows` are single columns (or rows) of the same size, otherwise #VALUE!. A header row (text in all four, the period heading not a period) is skipped; rows blank in all four are skipped (a whole-column selection works).",
      "A period is a year (2010, as a number or text), a span of years (1990-1995, 1990–1995) or an academic year (2012/13, 2012-13, 2012/2013); rows are grouped by the cell's text with spaces trimmed, so the number 2010 and the text \"2010 \" are one period. Any other value in `periods` (text, TRUE/FALSE, a number that is not a year from 1800 to 2200) gives #VALUE! naming the row; a blank period #N/A.",
      "`measure` names one key figure, in any case: \"total\" (or \"total flows\"), \"mei\", \"circulation\" (or \"circulation index\"), \"connectivity\" or \"gini\" (or \"total Gini\"); the result is then two columns, the period and that figure, one row per period, without a header. Left out, the result has a header row (period, total flows, MEI, circulation index, connectivity, total Gini). Any other word gives #VALUE!.",
      "A year is returned as a number, a span or an academic year as its text. Each period's matrix holds every region the whole list names (a region with no row in a period has no flows then), as the report's Trends sheet counts them, so connectivity's possible flows are the same in every period and periods compare.",
      "Rows for the same pair in one period are added up; rows whose origin is their destination (moves within a region) are ignored, as every matrix function ignores the diagonal. A blank origin or destination gives #N/A for the whole call; a blank flow gives #N/A in every figure of its period, a text flow #VALUE! and a negative one #NUM!, and the other periods still compute. A period with no flows has #DIV/0! for the figures that divide by the total.",
      BLANK_AS_ZERO,
    ],
  },
};
