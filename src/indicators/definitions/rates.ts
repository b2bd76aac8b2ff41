import { BELL_2002, COURGEAU_1973, SHRYOCK_SIEGEL_1976, UN_1998 } from "./citations";
import type { MeasureDefinition } from "./definition";

/** The measures of src/indicators/rates.ts, as their catalog functions define them. */
export const RATES = {
  "MIGRATION.NET": {
    name: "Net migration",
    meaning: "Net migration: inflow − outflow.",
    formula: "net = in − out (positive = net gain)",
    citation: `${SHRYOCK_SIEGEL_1976}; ${UN_1998}`,
  },
  "MIGRATION.NETRATE": {
    name: "Net migration rate",
    meaning: "Net migration rate: per × (inflow − outflow) ÷ population.",
    formula: "net rate = per × (in − out) / population; per defaults to 1,000",
    citation: `${SHRYOCK_SIEGEL_1976}; ${UN_1998}`,
  },
  "MIGRATION.GROSSRATE": {
    name: "Gross migration rate",
    meaning: "Gross migration rate: per × (inflow + outflow) ÷ population.",
    formula: "gross rate = per × (in + out) / population; per defaults to 1,000",
    citation: `${SHRYOCK_SIEGEL_1976}; ${UN_1998}`,
  },
  "MIGRATION.EFFECTIVENESS": {
    name: "Migration effectiveness",
    meaning: "Migration effectiveness of a region: (inflow − outflow) ÷ (inflow + outflow), from −1 to 1.",
    formula: "effectiveness = (in − out) / (in + out), from −1 (all out) to 1 (all in)",
    citation: `${BELL_2002}; ${SHRYOCK_SIEGEL_1976}`,
  },
  "MIGRATION.INTENSITY": {
    name: "Crude migration intensity",
    meaning: "Crude migration intensity: migrants ÷ population.",
    formula: "CMI = migrants / population (crude migration intensity, as a fraction; Bell et al. quote it per 100)",
    citation: BELL_2002,
  },
  "MIGRATION.COURGEAUK": {
    name: "Courgeau's k",
    meaning: "Courgeau's k: 100 × migrants ÷ population ÷ ln(regions²), intensity adjusted for how finely the territory is divided.",
    formula: "k = 100 × migrants / population ÷ ln(regions²), as published by Courgeau",
    citation: `${COURGEAU_1973}; used by ${BELL_2002}`,
  },
} satisfies Record<string, MeasureDefinition>;
