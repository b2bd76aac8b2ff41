/**
 * The chord diagram as SVG (a SvgNode tree), after migest's `mig_chord`: a gap between arcs,
 * a colour per region with each ribbon in its origin's colour, ribbons flush with the origin's
 * arc and ending in an arrow set back from the destination's arc (circlize's `directional`,
 * `diffHeight` and `big.arrow`), the largest ribbon on top, ticks in sensible units, region
 * labels outside the ticks written along the radius (never overlapping: moved apart with a
 * leader line when arcs are narrow), a title, and the source line with how to read the figure
 * and what was lumped.
 */
import { ribbonArrow } from "d3-chord";
import { interpolateRainbow, schemeTableau10 } from "d3-scale-chromatic";
import { path } from "d3-path";
import { ChartLang, CHORD_WORDS, formatCount, formatTick, TickUnit } from "./chord-text";
import { ChordLayout, chordLayout, ChordLayoutOptions } from "./chord-layout";
import { FlowMatrix, LumpedMatrix, lumpTop } from "./lump";
import { node, SvgNode } from "./svg-node";

export interface ChordFigureOptions extends ChordLayoutOptions {
  readonly title?: string;
  /** Where the numbers come from (file and range, or sheet and range). */
  readonly source: string;
  /** Keep the N regions with the most moves and lump the rest (default: defaultTop; Infinity: none). */
  readonly top?: number;
  readonly lang?: ChartLang;
  /** Width of the drawing in px (default 800); the height follows. */
  readonly width?: number;
}

/** Where each label went, for the tests and the pane. */
export interface PlacedLabel {
  readonly group: number;
  readonly lines: readonly string[];
  /** The arc's middle and where the label was put (radians), its radius and font size. */
  readonly arcAngle: number;
  readonly angle: number;
  readonly radius: number;
  readonly fontSize: number;
  /** Estimated extent along the radius (px). */
  readonly length: number;
}

export interface ChordFigure {
  readonly svg: SvgNode;
  readonly width: number;
  readonly height: number;
  readonly matrix: LumpedMatrix;
  readonly layout: ChordLayout;
  readonly colors: readonly string[];
  readonly labels: readonly PlacedLabel[];
  readonly center: { readonly x: number; readonly y: number };
  readonly radii: { readonly inner: number; readonly outer: number; readonly ribbonTarget: number };
  readonly tickUnit: TickUnit;
}

export const FONT_FAMILY = "DejaVu Sans, Liberation Sans, Arial, sans-serif";
const LABEL_MAX_LINE = 18;
const LABEL_FONT = 12;
const TICK_FONT = 8;
const TICK_BAND = 34;
const LEADER = 14;
const MARGIN = 8;
const TITLE_BAND = 44;
/** circlize's diffHeight in mig_chord: the destination end sits 5% of the radius inside the arc. */
const DIFF_HEIGHT = 0.05;
const OTHER_COLOR = "#9e9e9e";

/**
 * Width of text in DejaVu Sans (the widest of the fonts asked for), in em: classes of glyphs
 * from its metrics, rounded up so that an estimate is never short.
 */
export function textWidth(s: string, fontSize: number): number {
  let em = 0;
  for (const ch of s) {
    if (/[iljI.,:;'|!]/.test(ch)) em += 0.32;
    else if (/[ ftr()-]/.test(ch)) em += 0.42;
    else if (/[mwMW]/.test(ch)) em += 0.98;
    else if (/[A-ZА-ЯІЇЄҐ]/.test(ch)) em += 0.78;
    else if (/[ШЩЖЮшщжю@%]/.test(ch)) em += 0.98;
    else em += 0.64;
  }
  return em * fontSize;
}

/** A label on one line, or two split at the space nearest the middle; each line at most 18 characters. */
export function labelLines(label: string): string[] {
  const cut = (s: string) => (s.length > LABEL_MAX_LINE ? `${s.slice(0, LABEL_MAX_LINE - 1).trimEnd()}…` : s);
  const text = label.replace(/\s+/g, " ").trim();
  if (text.length <= 14 || !text.includes(" ")) return [cut(text)];
  let best = -1;
  for (let i = text.indexOf(" "); i >= 0; i = text.indexOf(" ", i + 1)) if (best < 0 || Math.abs(i - text.length / 2) < Math.abs(best - text.length / 2)) best = i;
  return [cut(text.slice(0, best)), cut(text.slice(best + 1))];
}

/**
 * The colour of each region: Tableau 10 for up to ten; else hues around the colour wheel taken
 * in golden-ratio steps, so that neighbouring arcs never get near hues; "Other" grey.
 */
export function regionColors(n: number, otherLast: boolean): string[] {
  const m = otherLast ? n - 1 : n;
  const golden = (Math.sqrt(5) - 1) / 2;
  const colors = Array.from({ length: m }, (_, i) => (m <= 10 ? schemeTableau10[i] : interpolateRainbow((i * golden) % 1)));
  if (otherLast) colors.push(OTHER_COLOR);
  return colors;
}

/**
 * An arc of the ring between radii r0 < r1 from angle a0 to a1 (d3's convention: 0 at twelve
 * o'clock, clockwise). With d3-path rather than d3-shape's arc(), which would add 18 KB to the
 * task pane's bundle for this one shape.
 */
function ringPath(a0: number, a1: number, r0: number, r1: number): string {
  const p = path();
  const t0 = a0 - Math.PI / 2;
  const t1 = a1 - Math.PI / 2;
  p.moveTo(r1 * Math.cos(t0), r1 * Math.sin(t0));
  p.arc(0, 0, r1, t0, t1);
  p.lineTo(r0 * Math.cos(t1), r0 * Math.sin(t1));
  p.arc(0, 0, r0, t1, t0, true);
  p.closePath();
  return p.toString();
}

/** Path data with coordinates to 2 decimals: stable text, no visible difference. */
function round(d: string | null): string {
  return (d ?? "").replace(/-?\d*\.?\d+(?:e[-+]?\d+)?/gi, (n) => String(Math.round(Number(n) * 100) / 100 || 0));
}

const r2 = (v: number) => Math.round(v * 100) / 100 || 0;
const deg = (a: number) => (a * 180) / Math.PI;
/** A point at angle a (0 at twelve o'clock, clockwise) and radius r from the centre. */
const at = (a: number, r: number) => ({ x: r * Math.sin(a), y: -r * Math.cos(a) });

/** The smallest 1, 2 or 5 × 10^k at least v. */
function niceStep(v: number): number {
  const e = Math.pow(10, Math.floor(Math.log10(v)));
  for (const m of [1, 2, 5, 10]) if (m * e >= v) return m * e;
  return 10 * e;
}

/**
 * Label angles moved apart until neighbours are at least their half-heights apart (angles on a
 * circle, so the last and the first are neighbours too). Keeps the order.
 */
export function spreadAngles(angles: readonly number[], halfWidths: readonly number[]): number[] {
  const n = angles.length;
  const a = [...angles];
  if (n < 2) return a;
  for (let pass = 0; pass < 500; pass++) {
    let moved = false;
    for (let i = 0; i < n; i++) {
      const j = (i + 1) % n;
      const next = j === 0 ? a[0] + 2 * Math.PI : a[j];
      const need = halfWidths[i] + halfWidths[j];
      const gap = next - a[i];
      if (gap < need - 1e-9) {
        const push = (need - gap) / 2 + 1e-6;
        a[i] -= push;
        if (j === 0) a[0] += push;
        else a[j] += push;
        moved = true;
      }
    }
    if (!moved) break;
  }
  return a;
}

/**
 * How many regions keep their own arc when the caller does not say: all of them up to 40 (the
 * 33 Erasmus countries stay readable), the top 20 above that (a world matrix).
 */
export function defaultTop(regions: number): number {
  return regions > 40 ? 20 : Infinity;
}

export function chordFigure(input: FlowMatrix, options: ChordFigureOptions): ChordFigure {
  const lang = options.lang ?? "en";
  const words = CHORD_WORDS[lang];
  const top = options.top ?? defaultTop(input.labels.length);
  const matrix = Number.isFinite(top) ? lumpTop(input, top, words.other) : { ...input, regions: input.labels.length, lumped: [], hiddenWithinOther: 0 };
  const layout = chordLayout(matrix, options);
  const n = matrix.labels.length;
  const colors = regionColors(n, matrix.otherLabel !== undefined);
  const W = options.width ?? 800;

  // Labels: lines and their estimated size; a smaller font when many regions share the circle.
  const lines = matrix.labels.map(labelLines);
  const longest = (fs: number) => Math.max(...lines.map((ls) => Math.max(...ls.map((l) => textWidth(l, fs)))));
  let fontSize = LABEL_FONT;
  const radiusFor = (fs: number) => W / 2 - MARGIN - longest(fs) - TICK_BAND - LEADER;
  const heightOf = (g: number, fs: number) => lines[g].length * fs * 1.2;
  const fits = (fs: number, shown: readonly number[]) => shown.reduce((s, g) => s + heightOf(g, fs), 0) <= 2 * Math.PI * (radiusFor(fs) + TICK_BAND + LEADER) * 0.92;
  let shown = layout.groups.map((g) => g.index);
  while (fontSize > 7 && !fits(fontSize, shown)) fontSize -= 0.5;
  // Still too many: the labels of the narrowest arcs go (said on the figure).
  if (!fits(fontSize, shown)) {
    const bySize = [...layout.groups].sort((a, b) => a.total - b.total || b.index - a.index).map((g) => g.index);
    while (shown.length > 1 && !fits(fontSize, shown)) {
      const drop = bySize.shift()!;
      shown = shown.filter((g) => g !== drop);
    }
  }
  const outer = r2(radiusFor(fontSize));
  const inner = r2(outer - Math.max(8, outer * 0.05));
  const ribbonTarget = r2(inner * (1 - DIFF_HEIGHT));
  const labelRadius = outer + TICK_BAND + LEADER;
  const cx = W / 2;
  const cy = TITLE_BAND + W / 2;

  const groupById = new Map(layout.groups.map((g) => [g.index, g]));
  const shownGroups = layout.groups.filter((g) => shown.includes(g.index));
  const mids = shownGroups.map((g) => (g.startAngle + g.endAngle) / 2);
  const spread = spreadAngles(
    mids,
    shownGroups.map((g) => heightOf(g.index, fontSize) / 2 / labelRadius),
  );
  const labels: PlacedLabel[] = shownGroups.map((g, k) => ({
    group: g.index,
    lines: lines[g.index],
    arcAngle: mids[k],
    angle: spread[k],
    radius: labelRadius,
    fontSize,
    length: Math.max(...lines[g.index].map((l) => textWidth(l, fontSize))),
  }));

  // Ticks: a unit that keeps tick labels short, a step that leaves room between ticks.
  const maxTotal = Math.max(...layout.groups.map((g) => g.total));
  const tickUnit: TickUnit = maxTotal >= 1e6 ? 1e6 : maxTotal >= 1e4 ? 1e3 : 1;
  const pxPerUnit = layout.radiansPerUnit * outer;
  const step = niceStep(4 / pxPerUnit);
  let labelStep = step;
  for (const m of [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000]) {
    labelStep = step * m;
    if (labelStep * pxPerUnit >= TICK_FONT * 1.9) break;
  }

  const fmt = (v: number) => formatCount(v, lang);
  const ribbonPath = ribbonArrow<unknown, { startAngle: number; endAngle: number; radius: number }>()
    .headRadius(Math.max(3, inner * 0.04))
    .sourceRadius(inner)
    .targetRadius(ribbonTarget);

  const ribbons = layout.ribbons.map((r, k) =>
    node(
      "path",
      {
        class: "ribbon",
        "data-ribbon": k,
        "data-origin": r.origin,
        "data-destination": r.destination,
        d: round(ribbonPath({ source: { ...r.source, radius: inner }, target: { ...r.target, radius: ribbonTarget } } as never) as unknown as string),
        fill: colors[r.origin],
        "fill-opacity": 0.72,
        stroke: colors[r.origin],
        "stroke-width": 0.5,
      },
      [node("title", {}, words.flow(matrix.labels[r.origin], matrix.labels[r.destination], fmt(r.flow), fmt(r.counterflow)))],
    ),
  );

  const arcs = layout.groups.map((g) =>
    node("path", { class: "arc", "data-group": g.index, d: round(ringPath(g.startAngle, g.endAngle, inner, outer)), fill: colors[g.index], stroke: "#ffffff", "stroke-width": 0.5 }, [
      node("title", {}, words.region(g.label, fmt(g.outflow), fmt(g.inflow))),
    ]),
  );

  const ticks: SvgNode[] = [];
  for (const g of layout.groups) {
    for (let v = 0, i = 0; v <= g.total + 1e-9 * g.total; v = ++i * step) {
      const a = g.startAngle + v * layout.radiansPerUnit;
      const major = Math.abs(v / labelStep - Math.round(v / labelStep)) < 1e-9;
      const p0 = at(a, outer + 1);
      const p1 = at(a, outer + (major ? 5 : 3));
      ticks.push(node("line", { x1: r2(p0.x), y1: r2(p0.y), x2: r2(p1.x), y2: r2(p1.y), stroke: "#555555", "stroke-width": 0.6 }));
      if (major) ticks.push(radialText(formatTick(v, tickUnit, lang), a, outer + 7, TICK_FONT, "#444444"));
    }
  }

  const labelNodes: SvgNode[] = [];
  for (const l of labels) {
    if (Math.abs(l.angle - l.arcAngle) * labelRadius > 1.5) {
      const p0 = at(l.arcAngle, outer + TICK_BAND - 4);
      const p1 = at(l.angle, labelRadius - 3);
      labelNodes.push(node("polyline", { points: `${r2(p0.x)},${r2(p0.y)} ${r2(p1.x)},${r2(p1.y)}`, fill: "none", stroke: "#888888", "stroke-width": 0.6 }));
    }
    labelNodes.push(radialText(l.lines, l.angle, labelRadius, fontSize, "#222222", groupById.get(l.group)!.index));
  }

  // Footer: source, how to read, lumping, ticks; wrapped to the width.
  const notes = [
    words.source(options.source),
    words.reading(layout.ribbons.length),
    ...(matrix.lumped.length > 0 ? [words.lumped(top, matrix.regions, matrix.lumped.length, matrix.otherLabel ?? words.other, fmt(matrix.hiddenWithinOther))] : []),
    words.ticks(tickUnit) + (shown.length < n ? ` ${words.omittedLabels(n - shown.length)}` : ""),
  ];
  const footLines = notes.flatMap((t) => wrap(t, W - 2 * MARGIN - 8, 11));
  const footTop = cy + W / 2 + 8;
  const H = Math.ceil(footTop + footLines.length * 15 + MARGIN);
  const title = options.title ?? words.defaultTitle;

  const svg = node("svg", { xmlns: "http://www.w3.org/2000/svg", width: W, height: H, viewBox: `0 0 ${W} ${H}`, role: "img", "aria-labelledby": "chord-title chord-desc", "font-family": FONT_FAMILY }, [
    node("title", { id: "chord-title" }, title),
    node("desc", { id: "chord-desc" }, `${words.description(n, fmt(layout.total))} ${notes.join(" ")}`),
    node("rect", { x: 0, y: 0, width: W, height: H, fill: "#ffffff" }),
    node("text", { x: W / 2, y: 28, "text-anchor": "middle", "font-size": 18, "font-weight": "bold", fill: "#222222" }, title),
    node("g", { class: "chord", transform: `translate(${cx},${cy})` }, [
      node("g", { class: "ribbons" }, ribbons),
      node("g", { class: "arcs" }, arcs),
      node("g", { class: "ticks" }, ticks),
      node("g", { class: "labels" }, labelNodes),
    ]),
    node(
      "g",
      { class: "notes", "font-size": 11, fill: "#444444" },
      footLines.map((t, i) => node("text", { x: MARGIN + 4, y: r2(footTop + 11 + i * 15) }, t)),
    ),
  ]);
  return { svg, width: W, height: H, matrix, layout, colors, labels, center: { x: cx, y: cy }, radii: { inner, outer, ribbonTarget }, tickUnit };
}

/**
 * Text along the radius at angle a, starting at radius r and reading outwards; on the left half
 * it is turned round so that it is never upside down. Several lines sit side by side.
 */
function radialText(text: string | readonly string[], a: number, r: number, fontSize: number, fill: string, group?: number): SvgNode {
  const lines = typeof text === "string" ? [text] : text;
  const left = a % (2 * Math.PI) > Math.PI || (a < 0 && a % (2 * Math.PI) > -Math.PI);
  const rotate = `rotate(${r2(deg(a) - 90)}) translate(${r2(r)},0)${left ? " rotate(180)" : ""}`;
  const attrs: Record<string, string | number> = { transform: rotate, "text-anchor": left ? "end" : "start", "font-size": fontSize, fill };
  if (group !== undefined) attrs["data-label"] = group;
  const lh = fontSize * 1.2;
  const first = -((lines.length - 1) * lh) / 2 + fontSize * 0.35;
  if (lines.length === 1) return node("text", { ...attrs, dy: r2(first) }, lines[0]);
  return node(
    "text",
    attrs,
    lines.map((l, i) => node("tspan", { x: 0, y: r2(first + i * lh) }, l)),
  );
}

/** Greedy word wrap by estimated width. */
function wrap(text: string, width: number, fontSize: number): string[] {
  const out: string[] = [];
  let line = "";
  for (const w of text.split(" ")) {
    const next = line ? `${line} ${w}` : w;
    if (line && textWidth(next, fontSize) > width) {
      out.push(line);
      line = w;
    } else line = next;
  }
  if (line) out.push(line);
  return out;
}
