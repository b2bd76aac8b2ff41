import { columnLetters } from "./address";
import { aggregateRows } from "./aggregate-rows";
import { frameOf, readGeometry } from "./dataset";
import { dimensionColumns, dimensionRefusal, filteredRows, repeatedPairs } from "./dimensions";
import { ReportInput, SourceColumn } from "./input";
import { alignmentReasons, matrixInPlace, matrixLabelMismatch, matrixLabelsOf } from "./matrix-block";
import { reasonText } from "../messages/reasons";
import { refuseRepeatedLabels } from "./repeats";
import { ReportRefusal } from "./refusal";
import { flowUnitNote, tableUnits, unitNote } from "./units";
import { CellValue, Detection, Role, SourceBlock } from "./types";

/**
 * The planner's input from a block of cells and what the reader detected in it (after the
 * user's overrides). The detection's geometry says which rows are data (title rows, blank
 * rows and rows without an origin are skipped) and where a matrix's numbers are; the values
 * are taken from the block as they are, so text stays text and gives the same error in the
 * report as in the add-in's functions.
 */
export function inputFromBlock(block: SourceBlock, detection: Detection): ReportInput {
  const data = readGeometry(block, detection);
  refuseRepeatedLabels(block, detection, data);
  const raw = (r: number, c: number): CellValue => block.values[r]?.[c] ?? null;
  if (data.shape === "matrix") {
    // rows and columns pair up by label; fewer than two pairs is refused, naming the labels
    const mismatch = matrixLabelMismatch(block, detection);
    if (mismatch) throw mismatch;
    const found = matrixLabelsOf(block, detection);
    const run = found ? matrixInPlace(found) : { first: 0, n: data.n };
    const notes = found ? alignmentReasons(found).map((r) => reasonText(r, "en")) : [];
    if (found && !run) {
      // columns in another order than the rows, or totals between the regions: each region's
      // row and the column of its label, wherever they are (read through a copy: matrix-copy.ts)
      const { rows, columns } = found.alignment;
      const placed = { rows: rows.map((i) => block.top + data.firstRow + i), columns: columns.map((j) => block.left + data.firstCol + j) };
      const cells = rows.map((i) => columns.map((j) => raw(data.firstRow + i, data.firstCol + j)));
      return { shape: "matrix", sheet: block.sheet, labels: rows.map((i) => data.labels[i]), cells, top: placed.rows[0], left: placed.columns[0], placed, ...(notes.length > 0 ? { notes } : {}) };
    }
    // totals or unmatched labels before or after the regions are left out where they are
    const at = run ?? { first: 0, n: data.n };
    const r0 = data.firstRow + at.first;
    const c0 = data.firstCol + at.first;
    const cells = Array.from({ length: at.n }, (_, i) => Array.from({ length: at.n }, (_, j) => raw(r0 + i, c0 + j)));
    const labels = data.labels.slice(at.first, at.first + at.n);
    return { shape: "matrix", sheet: block.sheet, labels, cells, top: block.top + r0, left: block.left + c0, ...(notes.length > 0 ? { notes } : {}) };
  }
  // totals and aggregates ("World", TOTAL, a UN code of 900 or more) are not regions: left out
  const aggregates = aggregateRows(block, detection, data);
  const unfiltered = aggregates.count > 0 ? data.rowIndex.filter((r) => !aggregates.rows.has(r)) : data.rowIndex;
  // one value chosen in a dimension column (sex T, one indicator): only its rows are read
  const rowIndex = data.shape === "long" ? filteredRows(block, unfiltered, detection.dimensionFilters) : unfiltered;
  if (rowIndex.length === 0 && unfiltered.length > 0) {
    const filters = (detection.dimensionFilters ?? []).map((f) => ({ column: columnLetters(block.left + f.col), header: detection.columns.find((m) => m.index === f.col)?.header ?? "", value: f.value }));
    throw new ReportRefusal("noFilteredRows", { filters });
  }
  if (rowIndex.length === 0 && data.rowIndex.length > 0) {
    throw new ReportRefusal("allAggregates", { rows: aggregates.items.slice(0, 3).map((a) => ({ row: block.top + a.row + 1, address: a.address, label: a.label, role: a.role, reason: a.reason })) });
  }
  const rowsAt = rowIndex.map((r) => block.top + r);
  const headerOf = (c: number): string => detection.columns.find((m) => m.index === c)?.header ?? "";
  const column = (c: number): SourceColumn => ({ col: block.left + c, values: rowIndex.map((r) => raw(r, c)) });
  if (data.shape === "long") {
    // rows of one pair that differ in an unmapped column are breakdowns, not flows to add up
    const dims = dimensionColumns(block, data, detection.headerRow, rowIndex, frameOf(block) ?? { left: 0, right: -1 });
    if (dims.length > 0) throw dimensionRefusal(block, dims, repeatedPairs(block, data, rowIndex));
    const ci = data.columnIndex;
    const flowUnit = flowUnitNote(block, ci.flow, headerOf(ci.flow));
    return {
      shape: "long",
      ...(flowUnit ? { notes: [flowUnit] } : {}),
      sheet: block.sheet,
      rowsAt,
      rows: rowIndex.length,
      origin: column(ci.origin),
      destination: column(ci.destination),
      flow: column(ci.flow),
      year: ci.year === undefined ? undefined : column(ci.year),
      ...(detection.dimensionFilters && detection.dimensionFilters.length > 0 ? { filters: detection.dimensionFilters.map((f) => ({ col: block.left + f.col, value: f.value })) } : {}),
    };
  }
  // units stated in headers ("Population (thousands)", "Rate (%)") are applied, or refused where they do not fit
  const mapped = (Object.entries(data.columnIndex) as [Role, number | undefined][]).filter((e): e is [Role, number] => e[1] !== undefined);
  const units = tableUnits(block, mapped.map(([role, col]) => ({ role, col, header: headerOf(col) })), rowIndex);
  const columns: Partial<Record<Role, SourceColumn>> = {};
  for (const [role, c] of mapped) {
    const unit = units.find((u) => u.role === role);
    columns[role] = unit ? { ...column(c), factor: unit.factor } : column(c);
  }
  const notes = units.map((u) => unitNote(block, u));
  return { shape: "table", sheet: block.sheet, rowsAt, rows: rowIndex.length, columns, ...(notes.length > 0 ? { notes } : {}) };
}
