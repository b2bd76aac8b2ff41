/**
 * Every measure's definition, one entry per catalog function: name, meaning, formula and
 * citation. The function reference (src/functions/reference.ts, scripts/gen-reference.ts) and
 * the Definitions sheet of a report (src/report/definitions-sheet.ts) read them from here.
 * Adding a function means adding its entry to the module of its indicator family.
 */
import { AGE } from "./age";
import { BRAINDRAIN } from "./braindrain";
import { CIRCULATION } from "./circulation";
import { CONNECTIVITY } from "./connectivity";
import type { MeasureDefinition } from "./definition";
import { DISTANCE } from "./distance";
import { ESTIMATION } from "./estimation";
import { IMPACT } from "./impact";
import { MATRIX } from "./matrix";
import { RATES } from "./rates";
import { STUDENTS } from "./students";

export type { MeasureDefinition } from "./definition";

export const DEFINITIONS = { ...BRAINDRAIN, ...CIRCULATION, ...RATES, ...MATRIX, ...CONNECTIVITY, ...IMPACT, ...DISTANCE, ...AGE, ...ESTIMATION, ...STUDENTS };

/** A catalog function (src/functions/catalog.json); each has exactly one definition. */
export type FunctionName = keyof typeof DEFINITIONS;

/** The definition of a catalog function, or undefined for a name that is none. */
export function definitionOf(fn: string): MeasureDefinition | undefined {
  return Object.prototype.hasOwnProperty.call(DEFINITIONS, fn) ? DEFINITIONS[fn as FunctionName] : undefined;
}
