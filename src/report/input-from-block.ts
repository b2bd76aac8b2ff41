import { readGeometry } from "./dataset";
import { ReportInput, SourceColumn } from "./input";
import { refuseRepeatedLabels } from "./repeats";
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
    const cells = Array.from({ length: data.n }, (_, i) => Array.from({ length: data.n }, (_, j) => raw(data.firstRow + i, data.firstCol + j)));
    return { shape: "matrix", sheet: block.sheet, labels: data.labels, cells, top: block.top + data.firstRow, left: block.left + data.firstCol };
  }
  const rowsAt = data.rowIndex.map((r) => block.top + r);
  const column = (c: number): SourceColumn => ({ col: block.left + c, values: data.rowIndex.map((r) => raw(r, c)) });
  if (data.shape === "long") {
    const ci = data.columnIndex;
    return {
      shape: "long",
      sheet: block.sheet,
      rowsAt,
      rows: data.rowIndex.length,
      origin: column(ci.origin),
      destination: column(ci.destination),
      flow: column(ci.flow),
      year: ci.year === undefined ? undefined : column(ci.year),
    };
  }
  const columns: Partial<Record<Role, SourceColumn>> = {};
  for (const [role, c] of Object.entries(data.columnIndex) as [Role, number | undefined][]) if (c !== undefined) columns[role] = column(c);
  return { shape: "table", sheet: block.sheet, rowsAt, rows: data.rowIndex.length, columns };
}
