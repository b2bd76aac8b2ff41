/**
 * What the report leaves out of the regions, as the pane lists it: rows of a table or list whose
 * label or code marks a total or aggregate (each with a box: ticked, it is left out; unticked,
 * kept as a region), and a matrix's rows and columns that are not regions of it (a matrix pairs
 * each row with the column of the same label, so these cannot be put back). Worked out by the
 * engine's own functions, the ones the report and the command line use.
 */
import { aggregateRows } from "../report/aggregate-rows";
import { matrixLabelsOf } from "../report/matrix-block";
import type { Detection, SourceBlock } from "../report/types";
import { Lang, strings } from "./i18n";

import type { LeftOutWhy } from "../messages/left-out";
export type { LeftOutWhy };

export interface LeftOutEntry {
  /** Block row of a table's or list's row (a box puts it back); undefined for a matrix's row or column. */
  readonly row?: number;
  /** Ticked: left out. Unticked: the user keeps it as a region. */
  readonly leftOut: boolean;
  /** The sentence beside the box, in the pane's language. */
  readonly text: string;
}

export interface LeftOutList {
  readonly shape: "matrix" | "rows";
  readonly entries: readonly LeftOutEntry[];
}

/** The rows and columns left out of this detection's regions, in the pane's language; undefined when none. */
export function leftOutList(block: SourceBlock, detection: Detection, lang: Lang): LeftOutList | undefined {
  const s = strings(lang);
  if (detection.shape === "matrix") {
    const found = matrixLabelsOf(block, detection);
    if (!found || found.alignment.leftOut.length === 0) return undefined;
    const entries = found.alignment.leftOut.map((l) => {
      const why: LeftOutWhy = l.reason.kind === "aggregate" ? { kind: "label", reason: l.reason.aggregate } : l.reason.kind === "sumOfOthers" ? { kind: "sumOfOthers", side: l.side } : { kind: "oneSide", side: l.side };
      const at = l.side === "row" ? found.rowLabelAt(l.index) : found.columnLabelAt(l.index);
      return { leftOut: true, text: s.leftOutItem(l.side, String(l.label), at, s.leftOutWhy(why)) };
    });
    return { shape: "matrix", entries };
  }
  const a = aggregateRows(block, detection);
  if (a.items.length === 0 && a.kept.length === 0) return undefined;
  const entry = (leftOut: boolean) => (item: (typeof a.items)[number]) => ({
    row: item.row,
    leftOut,
    text: s.leftOutItem("row", item.name, `${s.rowWord} ${block.top + item.row + 1}, ${item.address}`, s.leftOutWhy({ kind: "label", reason: item.reason })),
  });
  const entries = [...a.items.map(entry(true)), ...a.kept.map(entry(false))].sort((x, y) => x.row - y.row);
  return { shape: "rows", entries };
}
