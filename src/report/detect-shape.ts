import { cellAt } from "./dataset";
import { labelKey } from "./labels";
import { isNumericRole, matchHeader, RoleMatch, rolesOf } from "./roles";
import { CellValue, ColumnMapping, Role, Shape } from "./types";
import { ReportRefusal } from "./refusal";
import { sdmxFlowColumns } from "./sdmx";
import { Layout, MatrixFit, isNumericColumn, isTextColumn, range } from "./detect-layout";

/** Which of the three shapes a block is, and how sure detection is of it. */
// ---------------------------------------------------------------------------------------------
// The shape

/** The roles a header stands for in a shape; in a table, an origin or destination is the region. */
export function matchesIn(shape: Shape, header: CellValue): RoleMatch[] {
  const allowed = rolesOf(shape);
  return matchHeader(header).flatMap((m): RoleMatch[] => {
    if (shape === "table" && (m.role === "origin" || m.role === "destination")) return [{ ...m, role: "region", score: m.score * 0.9 }];
    return allowed.includes(m.role) ? [m] : [];
  });
}

export function columnsOf(layout: Layout): number[] {
  return range(layout.frame.right - layout.frame.left + 1, (i) => layout.frame.left + i);
}

/** The best role each header names, whatever the shape. */
function topRole(layout: Layout, c: number): Role | undefined {
  return matchHeader(layout.headers.get(c) ?? null)[0]?.role;
}

export function chooseShape(layout: Layout): Shape {
  const { matrix, headerRow } = layout;
  const cols = columnsOf(layout);
  const numeric = cols.filter((c) => isNumericColumn(layout.profiles.get(c)!));
  if (matrix && (headerRow < 0 || (matrix.row && matrix.column && matrix.overlap >= 0.5) || !headersNameRoles(layout, matrix))) return "matrix";
  if (headerRow < 0 && !textPair(layout)) throw new ReportRefusal("noHeaderNotSquare", {});
  if (numeric.length === 0) throw new ReportRefusal("noNumberColumn", {});
  if (sdmxFlowColumns(layout)) return "long";
  const origin = cols.some((c) => topRole(layout, c) === "origin");
  const destination = cols.some((c) => topRole(layout, c) === "destination");
  if (origin && destination) return "long";
  const tableNumbers = numeric.some((c) => matchesIn("table", layout.headers.get(c) ?? null).some((m) => isNumericRole(m.role)));
  if (!origin && !destination && !tableNumbers && textPair(layout)) return "long";
  if (headerRow < 0) throw new ReportRefusal("noHeaderRow", {});
  return "table";
}

/** A square block whose headers are mostly role names is a table that happens to be square. */
function headersNameRoles(layout: Layout, fit: MatrixFit): boolean {
  if (layout.headerRow < 0) return false;
  const named = range(fit.n, (j) => fit.firstCol + j).filter((c) => matchHeader(layout.headers.get(c) ?? null).length > 0);
  return named.length * 2 >= fit.n;
}

/** Two text columns sharing most of their values: origins and destinations of a list without names. */
export function textPair(layout: Layout): [number, number] | undefined {
  const text = columnsOf(layout)
    .filter((c) => isTextColumn(layout.profiles.get(c)!))
    .slice(0, 6);
  const sample = layout.rows.slice(0, 5000);
  const sets = new Map(text.map((c) => [c, new Set(sample.map((r) => labelKey(cellAt(layout.block, r, c))))]));
  for (let i = 0; i < text.length; i++) {
    for (let j = i + 1; j < text.length; j++) {
      const a = sets.get(text[i])!;
      const b = sets.get(text[j])!;
      let shared = 0;
      for (const v of a) if (b.has(v)) shared++;
      if (a.size > 1 && shared >= 0.5 * a.size) return [text[i], text[j]];
    }
  }
  return undefined;
}

export function tableConfidence(columns: readonly ColumnMapping[]): number {
  const mapped = columns.filter((c) => c.role !== null);
  if (mapped.length === 0) return 0.2;
  const mean = mapped.reduce((s, c) => s + c.confidence, 0) / mapped.length;
  const region = mapped.some((c) => c.role === "region") ? 1 : 0.8;
  const numbers = mapped.some((c) => isNumericRole(c.role!)) ? 1 : 0.5;
  return mean * region * numbers;
}

export function longConfidence(columns: readonly ColumnMapping[]): number {
  const of = (role: Role) => columns.find((c) => c.role === role)?.confidence ?? 0;
  return (of("origin") + of("destination") + of("flow")) / 3;
}

export function matrixConfidence(fit: MatrixFit): number {
  if (fit.row && fit.column) return fit.sameOrder ? 0.95 : fit.overlap >= 0.5 ? 0.85 : 0.7;
  return fit.row || fit.column ? 0.75 : 0.5;
}

/** Problems, reasons and confidence for a shape and mapping: detect and applyOverrides end here. */
