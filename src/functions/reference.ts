/**
 * The function reference: for every catalog function, its definition, source, a worked example
 * and notes on blanks and errors. `scripts/gen-reference.ts` combines these entries with the
 * built metadata (dist/functions.json) and computes each example's result by calling the built
 * function (dist/functions.js), so no result is ever typed in here.
 *
 * Notes may mark code with `backticks`; everything else is plain text (the generator escapes it).
 * Example data come from ../shared/data (see its README for the sources and terms) where the
 * sample has what the function needs; otherwise the numbers are illustrative and say so.
 */

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

export interface ReferenceEntry {
  /** The definition in plain text with Unicode math. */
  readonly formula: string;
  /** Full citation: authors, year, title, venue. */
  readonly source: string;
  readonly example: ReferenceExample;
  /** Blank handling, errors and caveats, one sentence or two each. */
  readonly notes: readonly string[];
}

/** Every function of src/functions/catalog.json. */
export type FunctionName =
  | "BRAINDRAIN.RATE"
  | "BRAINDRAIN.NET"
  | "BRAINDRAIN.SELECTION"
  | "BRAINDRAIN.RELATIVE"
  | "BRAINDRAIN.COST"
  | "CIRCULATION.INDEX"
  | "CIRCULATION.BYREGION"
  | "CIRCULATION.RETURNRATE"
  | "CIRCULATION.STAYRATE"
  | "CIRCULATION.CHANGE"
  | "MIGRATION.NET"
  | "MIGRATION.NETRATE"
  | "MIGRATION.GROSSRATE"
  | "MIGRATION.EFFECTIVENESS"
  | "MIGRATION.MEI"
  | "MIGRATION.INTENSITY"
  | "MIGRATION.COURGEAUK"
  | "MIGRATION.ANMR"
  | "MIGRATION.CONNECTIVITY"
  | "MIGRATION.GINI"
  | "MIGRATION.SUMMARY"
  | "MIGRATION.CORRIDORS"
  | "MIGRATION.MATRIX"
  | "MIGRATION.IPF"
  | "MIGRATION.FLOWSFROMSTOCKS"
  | "MIGRATION.INEQUALITY"
  | "MIGRATION.GINIORIGIN"
  | "MIGRATION.GINIDESTINATION"
  | "MIGRATION.WEIGHTEDGINI"
  | "MIGRATION.CV"
  | "MIGRATION.ACV"
  | "MIGRATION.PREFERENCE"
  | "MIGRATION.VELOCITY"
  | "MIGRATION.MEANDISTANCE"
  | "MIGRATION.MEDIANDISTANCE"
  | "MIGRATION.DISTANCEDECAY"
  | "MIGRATION.AGEINDICES"
  | "MIGRATION.INDICES"
  | "MIGRATION.LUMP"
  | "MIGRATION.PERIODS"
  | "STUDENTS.OUTBOUNDRATIO"
  | "STUDENTS.INBOUNDRATE"
  | "STUDENTS.NETFLOW"
  | "STUDENTS.NETFLOWRATIO"
  | "STUDENTS.GROSSOUTBOUND";

// ---------------------------------------------------------------------------------------------
// Citations, as in the comments beside the measures in src/indicators/.

const DOCQUIER_MARFOUK_2006 =
  "Docquier F., Marfouk A. (2006), “International migration by education attainment, 1990–2000”, in Özden Ç., Schiff M. (eds.), International Migration, Remittances and the Brain Drain, World Bank";
const BRUCKER_2013 =
  "Brücker H., Capuano S., Marfouk A. (2013), “Education, gender and international migration: insights from a panel-dataset 1980–2010”, IAB Brain Drain Data, Institute for Employment Research (IAB)";
const DOCQUIER_RAPOPORT_2012 = "Docquier F., Rapoport H. (2012), “Globalization, brain drain and development”, Journal of Economic Literature 50(3)";
const DOCQUIER_LOWELL_MARFOUK_2009 = "Docquier F., Lowell B.L., Marfouk A. (2009), “A gendered assessment of highly skilled emigration”, Population and Development Review 35(2)";
const MILLS_2011 =
  "Mills E.J. et al. (2011), “The financial cost of doctors emigrating from sub-Saharan Africa: human capital analysis”, BMJ 343:d7031";
const BELL_2002 =
  "Bell M., Blake M., Boyle P. et al. (2002), “Cross-national comparison of internal migration: issues and measures”, Journal of the Royal Statistical Society Series A 165(3), 435–464";
const SAXENIAN_2005 =
  "Saxenian A. (2005), “From brain drain to brain circulation: transnational communities and regional upgrading in India and China”, Studies in Comparative International Development 40(2)";
const JOHNSON_REGETS_1998 =
  "Johnson J.M., Regets M.C. (1998), “International mobility of scientists and engineers to the United States: brain drain or brain circulation?”, National Science Foundation Issue Brief 98-316";
const OECD_2008 = "OECD (2008), International Migration Outlook 2008, Part III “Return migration: a new perspective”, OECD Publishing, Paris";
const FINN_2014 = "Finn M.G. (2014), “Stay rates of foreign doctorate recipients from U.S. universities, 2011”, Oak Ridge Institute for Science and Education";
const UN_1998 = "United Nations (1998), Recommendations on Statistics of International Migration, Revision 1, Statistical Papers Series M No. 58 (rates per 1,000 population)";
const SHRYOCK_SIEGEL_1976 = "Shryock H.S., Siegel J.S. (1976), The Methods and Materials of Demography (condensed edition), Academic Press";
const COURGEAU_1973 = "Courgeau D. (1973), “Migrations et découpages du territoire”, Population 28(3)";
const ROGERS_RAYMER_1998 = "Rogers A., Raymer J. (1998), “The spatial focus of US interstate migration flows”, International Journal of Population Geography 4(1), 63–80";
const PLANE_MULLIGAN_1997 = "Plane D.A., Mulligan G.F. (1997), “Measuring spatial focusing in a migration system”, Demography 34(2), 251–262";
const DEMING_STEPHAN_1940 =
  "Deming W.E., Stephan F.F. (1940), “On a least squares adjustment of a sampled frequency table when the expected marginal totals are known”, Annals of Mathematical Statistics 11(4), 427–444";
const BISHOP_FIENBERG_HOLLAND_1975 = "Bishop Y.M.M., Fienberg S.E., Holland P.W. (1975), Discrete Multivariate Analysis: Theory and Practice, MIT Press, chapter 3";
const WILLEKENS_1999 =
  "Willekens F. (1999), “Modeling approaches to the indirect estimation of migration flows: from entropy to EM”, Mathematical Population Studies 7(3), 239–278";
const ABEL_2013 = "Abel G.J. (2013), “Estimating global migration flow tables using place of birth data”, Demographic Research 28(18), 505–546";
const ABEL_SANDER_2014 = "Abel G.J., Sander N. (2014), “Quantifying global international migration flows”, Science 343(6178), 1520–1522";
const ABEL_COHEN_2019 = "Abel G.J., Cohen J.E. (2019), “Bilateral international migration flow estimates for 200 countries”, Scientific Data 6, 82";
const MIGEST = "Abel G.J., migest: Methods for the Indirect Estimation of Bilateral Migration, R package 2.0.5";
const MIGRATION_INDICES = "Bálint L., Daróczi G., migration.indices: Migration Indices, R package 0.3.1";
const UN_1970 = "United Nations (1970), Methods of Measuring Internal Migration, Manual VI, Population Studies No. 47";
const FLOWERDEW_AITKIN_1982 = "Flowerdew R., Aitkin M. (1982), “A method of fitting the gravity model based on the Poisson distribution”, Journal of Regional Science 22(2), 191–202";
const ROGERS_1975 = "Rogers A. (1975), Introduction to Multiregional Mathematical Demography, Wiley";
const BELL_MUHIDIN_2009 = "Bell M., Muhidin S. (2009), “Cross-national comparisons of internal migration”, Human Development Research Paper 2009/30, UNDP";
const BERNARD_2014 =
  "Bernard A., Bell M., Charles-Edwards E. (2014), “Improved measures for the cross-national comparison of age profiles of internal migration”, Population Studies 68(2), 179–195";
const UIS =
  "UNESCO Institute for Statistics (UIS), Glossary and “Methodology for the international student mobility indicators” (UIS publishes the indicators as percentages; here they are fractions)";

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
    formula: "rate = Mh / (Mh + Nh), where Mh = skilled (tertiary-educated) natives living abroad and Nh = skilled residents of the origin country",
    source: `${DOCQUIER_MARFOUK_2006}; the IAB panel uses the same definition: ${BRUCKER_2013}`,
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
    formula: "net = Mh − Ih, or (Mh − Ih) / base when base is given, where Mh = skilled emigrants and Ih = skilled immigrants; positive = net drain, negative = net gain",
    source: DOCQUIER_RAPOPORT_2012,
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
    formula: "selection = mh / m, where mh = skilled emigration rate and m = total emigration rate; above 1 = the skilled leave more than everyone (positive selection)",
    source: `${DOCQUIER_LOWELL_MARFOUK_2009}; ${BRUCKER_2013}`,
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
    formula: "relative = (Mh / M) ÷ (Nh / N), where Mh, M = skilled and all emigrants, Nh, N = skilled and all residents",
    source: `${DOCQUIER_MARFOUK_2006}; ${DOCQUIER_RAPOPORT_2012}`,
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
    formula: "cost = emigrants × Σt=1..T Ct (1 + r)^(T − t), where Ct = public cost of year t of schooling, T = number of costs given and r = interest_rate (default 0)",
    source: MILLS_2011,
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
    formula: "index = 1 − Σ|f − c| / Σ(f + c) over paired flows f and counterflows c; with one square matrix M, the sums run over the pairs i < j of Mij and Mji. 1 = fully two-way exchange, 0 = one-way drain",
    source: `${BELL_2002} (effectiveness and reciprocity of pairs); the brain-circulation reading follows ${SAXENIAN_2005} and ${JOHNSON_REGETS_1998}`,
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
    formula: "indexi = 1 − Σj≠i |Mij − Mji| / Σj≠i (Mij + Mji), for each region i (row i of the matrix)",
    source: `${BELL_2002}; ${SAXENIAN_2005}`,
    example: {
      args: [ERASMUS_BE_BG_CZ],
      data: `${ERASMUS_CORNER}.`,
    },
    notes: matrixNotes("A region with no flows in either direction gets #DIV/0! in its row; the other rows still compute."),
  },

  "CIRCULATION.RETURNRATE": {
    formula: "return rate = returnees / emigrants (of the same cohort)",
    source: OECD_2008,
    example: {
      args: [[[30], [null], [12]], [[200], [150], [96]]],
      data: "Illustrative numbers with one blank cell, to show a missing value: 30 of 200, (blank) of 150 and 12 of 96 emigrants came back.",
      demonstrates: ["#N/A"],
    },
    notes: elementwiseNotes(`${negative("count")} Returnees are part of the emigrant cohort: more returnees than emigrants gives #NUM! too.`, "An emigrants value of 0 gives #DIV/0!."),
  },

  "CIRCULATION.STAYRATE": {
    formula: "stay rate = stayers / cohort",
    source: FINN_2014,
    example: {
      args: [[[640]], [[1000]]],
      data: "Illustrative numbers: 640 of a cohort of 1,000 foreign doctorate recipients still live in the host country some years after graduating.",
    },
    notes: elementwiseNotes(`${negative("count")} Stayers are part of the cohort: more stayers than the cohort gives #NUM! too.`, "A cohort of 0 gives #DIV/0!."),
  },

  "MIGRATION.NET": {
    formula: "net = in − out (positive = net gain)",
    source: `${SHRYOCK_SIEGEL_1976}; ${UN_1998}`,
    example: { args: [UK_IN, UK_OUT], data: `${UK_IN_OUT}.` },
    notes: elementwiseNotes(negative("inflow or outflow")),
  },

  "MIGRATION.NETRATE": {
    formula: "net rate = per × (in − out) / population; per defaults to 1,000",
    source: `${SHRYOCK_SIEGEL_1976}; ${UN_1998}`,
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
    formula: "gross rate = per × (in + out) / population; per defaults to 1,000",
    source: `${SHRYOCK_SIEGEL_1976}; ${UN_1998}`,
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
    formula: "effectiveness = (in − out) / (in + out), from −1 (all out) to 1 (all in)",
    source: `${BELL_2002}; ${SHRYOCK_SIEGEL_1976}`,
    example: { args: [UK_IN, UK_OUT], data: `${UK_IN_OUT}.` },
    notes: elementwiseNotes(negative("inflow or outflow"), "A region with no inflow and no outflow gives #DIV/0!."),
  },

  "MIGRATION.MEI": {
    formula: "MEI = Σi |Di − Oi| / Σi (Di + Oi), where Oi = Σj≠i Mij (out of region i) and Di = Σj≠i Mji (into region i); 0 = balanced exchange, 1 = one-way redistribution",
    source: BELL_2002,
    example: { args: [UK_NE_NW_YH], data: `${UK_CORNER}.` },
    notes: matrixNotes("A matrix with no flows at all gives #DIV/0!."),
  },

  "MIGRATION.INTENSITY": {
    formula: "CMI = migrants / population (crude migration intensity, as a fraction; Bell et al. quote it per 100)",
    source: BELL_2002,
    example: {
      args: [[[UK_MOVES_2018]], [[UK_POP_2020]]],
      data: "The UK in 2018: all moves between its 12 regions (the 144-row ONS list summed) over the UK population (UN DESA 2020, the nearest year in the sample; both in ../shared/data).",
    },
    notes: elementwiseNotes(negative("count"), "A population of 0 gives #DIV/0!."),
  },

  "MIGRATION.COURGEAUK": {
    formula: "k = 100 × migrants / population ÷ ln(regions²), as published by Courgeau",
    source: `${COURGEAU_1973}; used by ${BELL_2002}`,
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
    formula: "ANMR = ½ Σi |Di − Oi| / Σi Pi, where Oi and Di are the out- and inflows of region i and Pi its population; equals crude intensity × MEI",
    source: BELL_2002,
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
    formula: "connectivity = (number of off-diagonal cells with Mij > 0) / (n(n − 1)), for an n × n matrix",
    source: `${BELL_2002} (index of connectivity); ${ROGERS_RAYMER_1998}`,
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
    formula: "Gini = ΣΣ |Mij − Mkl| / (2 · D · ΣM), the double sum over all ordered pairs of off-diagonal cells, with D = n(n − 1) − 1 when corrected (default, Bell et al.) or n(n − 1) otherwise",
    source: `${PLANE_MULLIGAN_1997}; the corrected denominator is that of ${BELL_2002}`,
    example: { args: [UK_NE_NW_YH], data: `${UK_CORNER}; corrected left out (TRUE).` },
    notes: matrixNotesWith(
      "A `corrected` that refers to a blank cell, though, then arrives as 0 and means FALSE.",
      "A matrix with no flows at all gives #DIV/0!. `corrected` takes TRUE or FALSE (or 1 or 0); blank or omitted is TRUE, anything else #VALUE!.",
    ),
  },

  "MIGRATION.SUMMARY": {
    formula: "per region i: outflow Oi = Σj≠i Mij, inflow Di = Σj≠i Mji, turnover Di + Oi, net Di − Oi, effectiveness (Di − Oi) / (Di + Oi)",
    source: BELL_2002,
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
    formula: "per ordered pair (i, j) with Mij > 0: flow f = Mij, counterflow c = Mji, net f − c, reciprocity 1 − |f − c| / (f + c); largest flow first, ties in matrix order",
    source: `${BELL_2002} (reciprocity = 1 − effectiveness of the pair)`,
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
    formula: "Mij = Σ flow over the rows with origin i and destination j (0 where the list has no such row); regions in order of first appearance",
    source: "None needed: a reshaping of the data, like a PivotTable of Sum of flow with origins as rows and destinations as columns.",
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
    formula:
      "fitted_ij = a_i · b_j · seed_ij, with a_i and b_j such that Σj fitted_ij = row_totals_i and Σi fitted_ij = col_totals_j. Found by iterative proportional fitting: scale each row by row_total ÷ row sum, then each column by col_total ÷ column sum, and repeat until every total is within tolerance × the grand total",
    source: `${DEMING_STEPHAN_1940}; ${BISHOP_FIENBERG_HOLLAND_1975}; for migration tables ${WILLEKENS_1999}`,
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
    formula:
      "With Sbj = people born in b living in j (rows = place of birth, columns = place of residence) and Δbj = end Sbj − start Sbj for b ≠ j: \"zero\": Fij = max(0, Δij); \"return\": Fij = max(0, Δij) + max(0, −Δji). F is an origin × destination table (rows = origins) with a zero diagonal",
    source: `${ABEL_2013}; ${ABEL_SANDER_2014}; the two rules are the stock-differencing estimates (“drop negative”, “reverse negative”) of ${ABEL_COHEN_2019}, and the decrease = "zero" and "return" options of ffs_diff in the R package migest`,
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
    formula:
      "inequality = ½ Σi≠j |Mij / T − Eij / ΣE|, with T = Σi≠j Mij. \"equal\": Eij / ΣE = 1 / (n(n − 1)); \"independence\": E is the Poisson model flow ~ origin + destination fitted to the off-diagonal cells (iterative proportional fitting of a table of ones with a zero diagonal to the out- and in-flows)",
    source: `${BELL_2002} (index of migration inequality); ${BISHOP_FIENBERG_HOLLAND_1975}; ${MIGEST}, index_connectivity (inequality_equal, inequality_sim)`,
    example: { args: [KOREA_4, "independence"], data: `${KOREA_CORNER}.` },
    notes: matrixNotes(
      "A matrix with no flows, or a 1 × 1 matrix, gives #DIV/0!. `expected` is \"equal\" or \"independence\" in any case; blank or omitted is \"equal\"; anything else #VALUE!. An \"independence\" fit that does not converge (zeros that make the margins unreachable) gives #NUM!.",
      "How it differs from migest: migest rounds the flows to whole numbers before its Poisson fit; here the flows are fitted as given, so with whole-number flows the two agree. migration.indices' migration.inequality gives the same sum in persons (× T) rather than as a fraction.",
    ),
  },

  "MIGRATION.GINIORIGIN": {
    formula: "Gini origin = Σi Σj≠i Σh≠i |Mij − Mih| / Σ over all ordered pairs of off-diagonal cells |Mij − Mkl|: the within-row part of the total flows Gini, standardised by the uncorrected total",
    source: `${PLANE_MULLIGAN_1997}; ${BELL_2002}; ${MIGEST}, index_connectivity (gini_orig_standardized) = ${MIGRATION_INDICES}, migration.gini.row.standardized ÷ 100`,
    example: { args: [KOREA_4], data: `${KOREA_CORNER}.` },
    notes: matrixNotes(
      "A fraction from 0 to 1 (migration.indices returns a percentage). Every flow equal (including no flows at all) gives #DIV/0!.",
      "How it differs: migration.indices' own migration.gini() wrapper standardises by the corrected total Gini and so disagrees with its standalone functions; this function, like migest, uses the uncorrected one.",
    ),
  },

  "MIGRATION.GINIDESTINATION": {
    formula: "Gini destination = Σj Σi≠j Σk≠j |Mij − Mkj| / Σ over all ordered pairs of off-diagonal cells |Mij − Mkl|: the within-column part of the total flows Gini, standardised by the uncorrected total",
    source: `${PLANE_MULLIGAN_1997}; ${BELL_2002}; ${MIGEST}, index_connectivity (gini_dest_standardized) = ${MIGRATION_INDICES}, migration.gini.col.standardized ÷ 100`,
    example: { args: [KOREA_4], data: `${KOREA_CORNER}.` },
    notes: matrixNotes("A fraction from 0 to 1 (migration.indices returns a percentage). Every flow equal (including no flows at all) gives #DIV/0!."),
  },

  "MIGRATION.WEIGHTEDGINI": {
    formula:
      "origin: (1/n) Σi Gi · Di / T with the out-field Gini Gi = Σj≠i Σh≠i |Mij − Mih| / (2(n − 2) Oi); destination: (1/n) Σj Gj · Oj / T with the in-field Gini over column j, ÷ 2(n − 2) Dj; mean: their average. Oi = outflow, Di = inflow, T = all flows",
    source: `${BELL_2002} (migration-weighted Gini); ${MIGRATION_INDICES}, migration.weighted.gini.out, .in and .mean; ${MIGEST}, index_connectivity (mwg_orig, mwg_dest, mwg_mean)`,
    example: { args: [KOREA_4, "mean"], data: `${KOREA_CORNER}.` },
    notes: matrixNotes(
      "As migration.indices codes it (its published test values follow the code): each region's out-field Gini is weighted by its inflow share and each in-field Gini by its outflow share.",
      "A region with no outflows (for \"origin\") or no inflows (for \"destination\") has no field Gini and gives #DIV/0!, as do fewer than 3 regions (the field Gini divides by n − 2) and a matrix with no flows. `side` is \"origin\", \"destination\" or \"mean\" in any case; blank or omitted is \"mean\"; anything else #VALUE!.",
    ),
  },

  "MIGRATION.CV": {
    formula: "CV = σ / μ over the n(n − 1) off-diagonal flows, with σ the population standard deviation √(Σ(Mij − μ)² / (n(n − 1))) and μ their mean",
    source: `${ROGERS_RAYMER_1998}; ${BELL_2002}`,
    example: { args: [KOREA_4], data: `${KOREA_CORNER}.` },
    notes: matrixNotes(
      "Scale-free: multiplying every flow by the same number leaves it unchanged. A matrix with no flows, or a 1 × 1 matrix, gives #DIV/0!.",
      "How it differs from migest: migest's cv is √(Σ(M − M̄)² / (N(N − 1))) / M̄ over all N = n² cells, the diagonal included and the square root misplaced, so doubling every flow multiplies it by √2; it is not comparable with this one.",
    ),
  },

  "MIGRATION.ACV": {
    formula:
      "ACV = Σj (Dj / T) · CVin(j) + Σi (Oi / T) · CVout(i), with CVin(j) the population CV of the n − 1 flows into j and CVout(i) of the n − 1 flows out of i; equivalently (n − 1) / T · (Σj σin(j) + Σi σout(i))",
    source: `${ROGERS_RAYMER_1998}; ${MIGRATION_INDICES}, migration.acv; ${MIGEST}, index_connectivity (acv)`,
    example: { args: [KOREA_4], data: `${KOREA_CORNER}.` },
    notes: matrixNotes(
      "The same value as migration.acv. Where a region has no inflows or no outflows, its field has no CV; its weight is 0, so its term is 0 (migration.indices returns NaN there). A matrix with no flows, or a 1 × 1 matrix, gives #DIV/0!.",
    ),
  },

  "MIGRATION.PREFERENCE": {
    formula: "preference = Σi≠j Mij / (T · (Pi / P) · (Pj / P)), with T = Σi≠j Mij, Pi the population of region i and P = Σ Pi",
    source: `${UN_1970}; ${SHRYOCK_SIEGEL_1976}; ${MIGEST}, index_impact (preference)`,
    example: { args: [KOREA_4, KOREA_4_POP], data: `${KOREA_CORNER}, and ${KOREA_POPULATIONS}.` },
    notes: matrixNotesWith(
      "A blank population, though, is then 0 and gives #DIV/0!.",
      "`populations` is one row or column with one value per matrix row, in persons: another count gives #VALUE!, a blank population #N/A, a negative one #NUM!, a population of 0 #DIV/0!. A matrix with no flows gives #DIV/0!.",
      "The same value as migest; it does not depend on the unit of the populations.",
    ),
  },

  "MIGRATION.VELOCITY": {
    formula: "velocity = Σi≠j Mij · P / (Pi · Pj), with Pi the population of region i in persons and P = Σ Pi",
    source: `${UN_1970}; ${SHRYOCK_SIEGEL_1976}; ${MIGEST}, index_impact (velocity)`,
    example: { args: [KOREA_4, KOREA_4_POP], data: `${KOREA_CORNER}, and ${KOREA_POPULATIONS}.` },
    notes: matrixNotesWith(
      "A blank population, though, is then 0 and gives #DIV/0!.",
      "`populations` is one row or column with one value per matrix row, in persons: another count gives #VALUE!, a blank population #N/A, a negative one #NUM!, a population of 0 #DIV/0!.",
      "The value scales with the unit of the populations: migest's example gives them in millions, which multiplies it by 10⁶.",
    ),
  },

  "MIGRATION.MEANDISTANCE": {
    formula: "mean distance = Σi≠j Mij · dij / Σi≠j Mij, with dij the distance from region i to region j",
    source: `${BELL_2002} (Table 6); ${MIGEST}, index_distance (mean)`,
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
    formula:
      "Equal distances are pooled (their flows summed, zero flows left out); the distinct distances x1 < … < xK with flows wk get the cumulative share at their midpoints pk = (Σl≤k wl − wk / 2) / Σw; the median is interpolated linearly between the two midpoints around ½ (x1 below p1, xK above pK)",
    source: `${BELL_2002}; the interpolated weighted median of matrixStats' weightedMedian, applied to the pooled distances; ${MIGEST}, index_distance (median)`,
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
    formula:
      "the coefficient β of log dij in the Poisson model log E[Mij] = ai + bj + β · log dij over the off-diagonal cells (flows rounded to whole numbers first), fitted by maximum likelihood with iteratively reweighted least squares",
    source: `${FLOWERDEW_AITKIN_1982}; ${BELL_2002}; ${MIGEST}, index_distance (decay), which fits the same model with R's glm`,
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
    formula:
      "With rates mx by age x and the study range age_min < x < age_max: gross migraproduction = Σ mx; peak rate = max mx in the study range; peak age = the age of the highest mx overall; peak breadth = Σ mx over peak age − breadth … peak age + breadth, inclusive; peak share = peak breadth / Σ mx; the ages of the largest rise and the largest fall of mx from the previous age within the study range; asymmetry = the first ÷ the second",
    source: `${ROGERS_1975}; ${BELL_2002}; ${BELL_MUHIDIN_2009}; ${BERNARD_2014}; ${MIGEST}, index_age`,
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
    formula:
      "A table (measure, value) of: connectivity, inequality (equal and independence), Gini of the total flows (corrected), origin and destination Gini (standardised), weighted Gini (origins, destinations, mean), CV, ACV, MEI; with populations also ANMR, preference and velocity; with distances also mean and median distance and distance decay. Each is defined on its own function's page",
    source: `${BELL_2002}; ${MIGEST}, index_connectivity, index_impact and index_distance together`,
    example: { args: [KOREA_4, KOREA_4_POP, KOREA_4_KM], data: `${KOREA_CORNER}, ${KOREA_POPULATIONS} and ${KOREA_DISTANCES}.` },
    notes: [
      MATRIX,
      MATRIX_ERRORS,
      "`populations` and `distances` are optional and follow the rules of MIGRATION.PREFERENCE and MIGRATION.MEANDISTANCE; a bad one fails the whole call. An index that cannot be computed for these flows shows its own error in its row (e.g. #DIV/0! for a weighted Gini when a region has no outflows); the others still compute.",
      MATRIX_BLANK_AS_ZERO,
    ],
  },

  "MIGRATION.LUMP": {
    formula:
      "Keep the top regions by turnover Di + Oi (ties to the earlier region), in the matrix's order; merge the rest into one region placed last: its row and column hold the flows from and to the merged regions, its diagonal cell the flows among them, so the total of all flows is unchanged",
    source: `${MIGEST}, sum_lump (lump = "turnover")`,
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
    formula: "outbound mobility ratio = students from the country enrolled abroad / tertiary enrolment in the country",
    source: UIS,
    example: { args: [[[12500]], [[250000]]], data: `${STUDENTS_ILLUSTRATIVE}, 12,500 of its nationals study abroad.` },
    notes: elementwiseNotes(negative("count"), "A tertiary_enrolment of 0 gives #DIV/0!. Students abroad are not part of the domestic enrolment, so the ratio is not capped at 1."),
  },

  "STUDENTS.INBOUNDRATE": {
    formula: "inbound mobility rate = students from abroad enrolled in the country / tertiary enrolment in the country",
    source: UIS,
    example: { args: [[[20000]], [[250000]]], data: `${STUDENTS_ILLUSTRATIVE}, 20,000 of whom came from abroad.` },
    notes: elementwiseNotes(negative("count"), "A tertiary_enrolment of 0 gives #DIV/0!."),
  },

  "STUDENTS.NETFLOW": {
    formula: "net flow = inbound − outbound (positive = net receiver)",
    source: UIS,
    example: {
      args: [ERASMUS_IN, ERASMUS_OUT],
      data: "Belgium, Bulgaria and Czechia: Erasmus students received and sent in 2012–13 (sums over the 33-country matrix; European Commission, in ../shared/data). Erasmus counts credit mobility, not the degree mobility UIS counts.",
    },
    notes: elementwiseNotes(negative("count")),
  },

  "STUDENTS.NETFLOWRATIO": {
    formula: "net flow ratio = (inbound − outbound) / tertiary enrolment",
    source: UIS,
    example: { args: [[[20000]], [[12500]], [[250000]]], data: `${STUDENTS_ILLUSTRATIVE}, 20,000 from abroad and 12,500 nationals abroad.` },
    notes: elementwiseNotes(negative("count"), "A tertiary_enrolment of 0 gives #DIV/0!."),
  },

  "STUDENTS.GROSSOUTBOUND": {
    formula: "gross outbound enrolment ratio = students from the country enrolled abroad / population of tertiary-education age",
    source: UIS,
    example: {
      args: [[[12500]], [[600000]]],
      data: "Illustrative numbers: 12,500 nationals study abroad, and 600,000 people are of tertiary-education age (the five years after secondary school).",
    },
    notes: elementwiseNotes(negative("count"), "A tertiary_age_population of 0 gives #DIV/0!."),
  },
  "CIRCULATION.CHANGE": {
    formula:
      "change = CI(last) − CI(first), CI(M) = 1 − Σi<j |Mij − Mji| / Σi<j (Mij + Mji) as CIRCULATION.INDEX computes it; with by_region TRUE, for each region i: CIi(last) − CIi(first), CIi(M) = 1 − Σj≠i |Mij − Mji| / Σj≠i (Mij + Mji) as CIRCULATION.BYREGION computes it. Positive = towards circulation (more two-way), negative = towards drain",
    source: `${BELL_2002} (effectiveness and reciprocity of pairs); the brain-circulation reading follows ${SAXENIAN_2005} and ${JOHNSON_REGETS_1998}`,
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
    formula:
      "For each period p, in time order: the matrix M(p) of the list's rows of period p, pivoted as MIGRATION.MATRIX pivots; then total flows Σi≠j Mij, MEI Σi|Di − Oi| / Σi(Di + Oi), circulation index 1 − Σi<j|Mij − Mji| / Σi<j(Mij + Mji), connectivity (share of the n(n − 1) possible flows that are not 0) and total Gini ΣΣ|Mij − Mkl| / (2·(n(n − 1) − 1)·ΣM) of M(p), as MIGRATION.SUMMARY's total, MIGRATION.MEI, CIRCULATION.INDEX, MIGRATION.CONNECTIVITY and MIGRATION.GINI compute them",
    source: `${BELL_2002} (MEI, connectivity, the corrected Gini); ${PLANE_MULLIGAN_1997} (Gini); the circulation index as CIRCULATION.INDEX (${SAXENIAN_2005})`,
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
      "A year is returned as a number, a span or an academic year as its text. Each period's matrix holds the regions named in that period's rows only, so connectivity counts the possible flows among them; for the same regions in every period, list each region in every period (a flow of 0 is a row too).",
      "Rows for the same pair in one period are added up; rows whose origin is their destination (moves within a region) are ignored, as every matrix function ignores the diagonal. A blank origin or destination gives #N/A for the whole call; a blank flow gives #N/A in every figure of its period, a text flow #VALUE! and a negative one #NUM!, and the other periods still compute. A period with no flows has #DIV/0! for the figures that divide by the total.",
      BLANK_AS_ZERO,
    ],
  },
};
