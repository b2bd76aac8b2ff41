import { BRUCKER_2013, DOCQUIER_LOWELL_MARFOUK_2009, DOCQUIER_MARFOUK_2006, DOCQUIER_RAPOPORT_2012, MILLS_2011 } from "./citations";
import type { MeasureDefinition } from "./definition";

/** The measures of src/indicators/braindrain.ts, as their catalog functions define them. */
export const BRAINDRAIN = {
  "BRAINDRAIN.RATE": {
    name: "Skilled emigration rate",
    meaning: "Skilled emigration rate (Docquier & Marfouk): skilled emigrants ÷ (skilled emigrants + skilled residents).",
    formula: "rate = Mh / (Mh + Nh), where Mh = skilled (tertiary-educated) natives living abroad and Nh = skilled residents of the origin country",
    citation: `${DOCQUIER_MARFOUK_2006}; the IAB panel uses the same definition: ${BRUCKER_2013}`,
  },
  "BRAINDRAIN.NET": {
    name: "Net skilled emigration",
    meaning: "Net brain drain: skilled emigrants − skilled immigrants (positive = net drain, negative = net gain), divided by base when given.",
    formula: "net = Mh − Ih, or (Mh − Ih) / base when base is given, where Mh = skilled emigrants and Ih = skilled immigrants; positive = net drain, negative = net gain",
    citation: DOCQUIER_RAPOPORT_2012,
  },
  "BRAINDRAIN.SELECTION": {
    name: "Selection ratio (skilled ÷ total emigration rate)",
    meaning: "Selection ratio: skilled emigration rate ÷ total emigration rate (above 1 = the skilled leave more than everyone).",
    formula: "selection = mh / m, where mh = skilled emigration rate and m = total emigration rate; above 1 = the skilled leave more than everyone (positive selection)",
    citation: `${DOCQUIER_LOWELL_MARFOUK_2009}; ${BRUCKER_2013}`,
  },
  "BRAINDRAIN.RELATIVE": {
    name: "Relative skill share",
    meaning: "Relative skill share: (skilled emigrants ÷ all emigrants) ÷ (skilled residents ÷ all residents).",
    formula: "relative = (Mh / M) ÷ (Nh / N), where Mh, M = skilled and all emigrants, Nh, N = skilled and all residents",
    citation: `${DOCQUIER_MARFOUK_2006}; ${DOCQUIER_RAPOPORT_2012}`,
  },
  "BRAINDRAIN.COST": {
    name: "Public education cost lost with emigrants",
    meaning: "Public education cost lost with emigrants (Mills et al., BMJ 2011): emigrants × Σ yearly cost compounded to graduation.",
    formula: "cost = emigrants × Σt=1..T Ct (1 + r)^(T − t), where Ct = public cost of year t of schooling, T = number of costs given and r = interest_rate (default 0)",
    citation: MILLS_2011,
  },
} satisfies Record<string, MeasureDefinition>;
