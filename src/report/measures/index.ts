/**
 * The registry of the report's measures, one module a family: each entry ties a catalog
 * function, its measure in src/indicators (the engine's value) and its native and add-in
 * formulas, so that every number a report writes has one definition.
 */
export { BALANCE_THRESHOLD, classify, classifyFormula } from "./classify";
export { CORRIDOR_COLUMNS, CORRIDOR_KEYS, type CorridorColumn, type CorridorRefs } from "./corridors";
export { MATRIX_KEY_FIGURES, type MatrixMeasure, type MatrixRefs } from "./matrix";
export { PIVOT, type PivotRefs } from "./pivot";
export { REGION_COLUMNS, REGION_KEYS, type RegionColumn, type RegionColumnKey, regionColumnLetter, type RegionRefs, type RegionValue } from "./regions";
export { FLOW, REGION_COUNT } from "./shown";
export { columnSum, completeSum } from "./formula-text";
export { functionsOf } from "./functions";
export { ESTIMATED_FLOW, type StockChangeRefs } from "./stock-change";
export { addinFormula, type Domain, EFFECTIVENESS, guardedFormula, inputFormat, measuresFor, nativeFormula, scaledRefs, TABLE_MEASURES, type TableMeasure } from "./table";
