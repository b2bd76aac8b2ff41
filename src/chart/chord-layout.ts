/**
 * The geometry of a directed chord diagram (d3-chord's chordDirected): each region an arc whose
 * angle is proportional to its moves out + in (the diagonal, stayers, left out), each flow a
 * ribbon from an end on the origin's arc to an end on the destination's arc, both ends as wide
 * as the flow. This is circlize's chordDiagram with `directional = 1`, as migest's `mig_chord`
 * calls it (Sander, Abel & Bauer 2014). Angles in radians, 0 at twelve o'clock, clockwise.
 */
import { chordDirected } from "d3-chord";
import type { FlowMatrix } from "./lump";

export interface ChordLayoutOptions {
  /** "data": regions in the data's order (default); "size": the largest total first. */
  readonly order?: "data" | "size";
  /** The gap between two arcs, in degrees (mig_chord's gap.degree: 4). */
  readonly gapDegrees?: number;
}

export interface AngleSpan {
  readonly startAngle: number;
  readonly endAngle: number;
}

export interface ChordGroup extends AngleSpan {
  /** Index into the matrix's labels. */
  readonly index: number;
  readonly label: string;
  readonly outflow: number;
  readonly inflow: number;
  /** outflow + inflow: what the arc's angle is proportional to. */
  readonly total: number;
}

export interface ChordRibbon {
  readonly origin: number;
  readonly destination: number;
  readonly flow: number;
  /** The flow the other way (destination → origin), 0 when none. */
  readonly counterflow: number;
  /** The ribbon's end on the origin's arc and on the destination's arc. */
  readonly source: AngleSpan;
  readonly target: AngleSpan;
}

export interface ChordLayout {
  readonly labels: readonly string[];
  /** In drawing order around the circle. */
  readonly groups: readonly ChordGroup[];
  /** Only flows above zero, smallest first (the largest is drawn on top, as mig_chord does). */
  readonly ribbons: readonly ChordRibbon[];
  /** Sum of all flows off the diagonal. */
  readonly total: number;
  /** Radians per unit of flow. */
  readonly radiansPerUnit: number;
  readonly gap: number;
}

/** Checks a matrix a chord diagram can draw and returns its flows with the diagonal set to 0. */
export function drawableFlows(m: FlowMatrix): number[][] {
  const n = m.labels.length;
  if (n < 2) throw new RangeError("a chord diagram needs at least two regions");
  if (m.flows.length !== n || m.flows.some((r) => r.length !== n)) throw new RangeError(`the matrix must be ${n} × ${n}, as many rows and columns as labels`);
  return m.flows.map((row, i) =>
    row.map((v, j) => {
      if (!Number.isFinite(v) || v < 0) throw new RangeError(`the flow ${m.labels[i]} → ${m.labels[j]} is ${v}: flows must be counts of zero or more`);
      return i === j ? 0 : v;
    }),
  );
}

export function chordLayout(m: FlowMatrix, options: ChordLayoutOptions = {}): ChordLayout {
  const flows = drawableFlows(m);
  const n = flows.length;
  const total = flows.reduce((s, r) => s + r.reduce((a, b) => a + b, 0), 0);
  if (!(total > 0)) throw new RangeError("every flow is zero: there is nothing to draw");
  const gap = ((options.gapDegrees ?? 4) * Math.PI) / 180;
  if (!(gap >= 0) || gap * n >= Math.PI) throw new RangeError(`a gap of ${options.gapDegrees}° between ${n} arcs leaves too little of the circle`);

  let layout = chordDirected()
    .padAngle(gap)
    // Within an arc: outgoing ends first, largest first; then incoming ends (values negative).
    .sortSubgroups((a, b) => b - a);
  if (options.order === "size") layout = layout.sortGroups((a, b) => b - a);
  const chords = layout(flows);

  const groups = [...chords.groups]
    .sort((a, b) => a.startAngle - b.startAngle)
    .map((g) => {
      const outflow = flows[g.index].reduce((a, b) => a + b, 0);
      const inflow = flows.reduce((s, r) => s + r[g.index], 0);
      return { index: g.index, label: m.labels[g.index], outflow, inflow, total: outflow + inflow, startAngle: g.startAngle, endAngle: g.endAngle };
    });
  const ribbons = chords
    .filter((c) => c.source.value > 0)
    .map((c) => ({
      origin: c.source.index,
      destination: c.target.index,
      flow: c.source.value,
      counterflow: flows[c.target.index][c.source.index],
      source: { startAngle: c.source.startAngle, endAngle: c.source.endAngle },
      target: { startAngle: c.target.startAngle, endAngle: c.target.endAngle },
    }))
    .sort((a, b) => a.flow - b.flow || a.origin - b.origin || a.destination - b.destination);
  return { labels: m.labels, groups, ribbons, total, radiansPerUnit: (2 * Math.PI - gap * n) / (2 * total), gap };
}
