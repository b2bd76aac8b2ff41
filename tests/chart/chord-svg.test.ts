import { spawnSync } from "child_process";
import { readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { ChordFigure, chordFigure, labelLines, spreadAngles, textWidth } from "../../src/chart/chord-svg";
import { SvgNode, svgText } from "../../src/chart/svg-node";
import { erasmus, ukMatrix } from "../support/samples";
import { worldMatrix } from "./world";

const GOLDEN = join(__dirname, "golden", "four-regions.svg");
const small = { labels: ["North", "East", "South", "West"], flows: [[0, 100, 30, 0], [50, 0, 50, 5], [10, 40, 7, 40], [20, 0, 20, 0]] };

function all(n: SvgNode, pred: (x: SvgNode) => boolean, out: SvgNode[] = []): SvgNode[] {
  if (pred(n)) out.push(n);
  for (const c of n.children ?? []) all(c, pred, out);
  return out;
}

/** Every region label and every note line lies inside the drawing, and no two labels overlap. */
function checkLabels(f: ChordFigure) {
  for (const l of f.labels) {
    const half = (l.lines.length * l.fontSize * 1.2) / 2;
    // The label's far corners: along the radius to radius + length, half its height either side.
    for (const r of [l.radius, l.radius + l.length])
      for (const side of [-half, half]) {
        const x = f.center.x + r * Math.sin(l.angle) + side * Math.cos(l.angle);
        const y = f.center.y - r * Math.cos(l.angle) + side * Math.sin(l.angle);
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThanOrEqual(f.width);
        expect(y).toBeGreaterThanOrEqual(0);
        expect(y).toBeLessThanOrEqual(f.height);
      }
  }
  const sorted = [...f.labels].sort((a, b) => a.angle - b.angle);
  for (let k = 0; k < sorted.length; k++) {
    const a = sorted[k];
    const b = sorted[(k + 1) % sorted.length];
    const gap = (k + 1 === sorted.length ? b.angle + 2 * Math.PI : b.angle) - a.angle;
    const need = ((a.lines.length + b.lines.length) * a.fontSize * 1.2) / 2 / a.radius;
    if (sorted.length > 1) expect(gap).toBeGreaterThanOrEqual(need - 1e-6);
  }
  // Labels are outside the arcs and their ticks.
  for (const l of f.labels) expect(l.radius).toBeGreaterThan(f.radii.outer + 30);
  const notes = all(f.svg, (x) => x.tag === "text" && x.attrs.x !== undefined && x.attrs["text-anchor"] === undefined);
  for (const t of notes) expect(Number(t.attrs.x) + textWidth(t.text ?? "", 11)).toBeLessThanOrEqual(f.width);
}

describe("chordFigure", () => {
  it("draws a small known matrix exactly as the golden SVG", () => {
    const text = svgText(chordFigure(small, { source: "a worked example", title: "Four regions" }).svg);
    // UPDATE_GOLDEN=1 rewrites it after a deliberate change (look at the figure before committing it).
    if (process.env.UPDATE_GOLDEN === "1") writeFileSync(GOLDEN, text);
    expect(text).toBe(readFileSync(GOLDEN, "utf8"));
  });

  it("draws one ribbon per flow above zero, in the origin's colour, and one arc per region", () => {
    const f = chordFigure(small, { source: "s" });
    const ribbons = all(f.svg, (x) => x.attrs.class === "ribbon");
    expect(ribbons).toHaveLength(10); // 12 off-diagonal pairs, 2 of them zero (North → West, West → East)
    for (const r of ribbons) expect(r.attrs.fill).toBe(f.colors[Number(r.attrs["data-origin"])]);
    expect(all(f.svg, (x) => x.attrs.class === "arc")).toHaveLength(4);
    const first = ribbons.find((r) => r.attrs["data-origin"] === 0 && r.attrs["data-destination"] === 1)!;
    expect(first.children?.[0].text).toBe("North → East: 100; East → North: 50");
    expect(new Set(f.colors).size).toBe(4);
    checkLabels(f);
  });

  it("writes the title, the source and how to read it; ticks in thousands for large totals", () => {
    const e = erasmus();
    const f = chordFigure({ labels: e.labels, flows: e.matrix }, { source: "Erasmus 2012–13, European Commission", title: "Erasmus students" });
    const text = svgText(f.svg);
    expect(f.matrix.labels).toHaveLength(33); // 33 regions: none lumped
    expect(f.tickUnit).toBe(1000);
    expect(text).toContain(">Erasmus students</text>");
    expect(text).toContain("Source: Erasmus 2012–13, European Commission.");
    expect(text).toContain("Ticks: thousands of moves.");
    expect(text).not.toContain("lumped");
    checkLabels(f);
  });

  it("keeps labels apart and inside the drawing for long names (UK regions, Ukrainian words)", () => {
    const f = chordFigure(ukMatrix(), { source: "ONS", lang: "uk" });
    expect(f.labels.find((l) => l.group === 2)?.lines).toEqual(["Yorkshire and", "The Humber"]);
    expect(svgText(f.svg)).toContain("Позначки: тисячі переміщень.");
    checkLabels(f);
  });

  it("lumps a 232-place world matrix to the top 20 and says so on the figure", () => {
    const f = chordFigure(worldMatrix(), { source: "UN DESA 2020 totals, flows modelled by IPF" });
    expect(f.matrix.labels).toHaveLength(21);
    expect(f.matrix.labels[20]).toBe("Other");
    expect(f.tickUnit).toBe(1e6);
    const text = svgText(f.svg);
    expect(text).toMatch(/The 20 regions with the most moves \(in \+ out\) of 232; the other 212 are lumped as &quot;Other&quot; \([\d,]+ moves among them are not drawn\)\./);
    checkLabels(f);
  });

  it("writes text from the data as text, and the document is well-formed XML", () => {
    const f = chordFigure({ labels: ["<b>A&B</b>", "=HYPERLINK(\"x\")", "C"], flows: [[0, 1, 2], [3, 0, 4], [5, 6, 0]] }, { source: "<script>" });
    const text = svgText(f.svg);
    expect(text).not.toContain("<b>");
    expect(text).not.toContain("<script>");
    expect(text).toContain("&lt;b&gt;A&amp;B&lt;/b&gt;");
    const lint = spawnSync("xmllint", ["--noout", "-"], { input: text, encoding: "utf8" });
    expect(lint.stderr).toBe("");
    expect(lint.status).toBe(0);
  });
});

describe("label placement", () => {
  it("splits a long name at the space nearest its middle and shortens very long lines", () => {
    expect(labelLines("Yorkshire and The Humber")).toEqual(["Yorkshire and", "The Humber"]);
    expect(labelLines("ES")).toEqual(["ES"]);
    expect(labelLines("Bosnia and Herzegovina")).toEqual(["Bosnia and", "Herzegovina"]);
    // The full name stays in the arc's tooltip.
    expect(labelLines("Venezuela (Bolivarian Republic of)")).toEqual(["Venezuela (Boliva…", "Republic of)"]);
  });

  it("moves crowded angles apart, keeping their order", () => {
    const a = spreadAngles([1, 1.01, 1.02, 4], [0.05, 0.05, 0.05, 0.05]);
    expect(a[1] - a[0]).toBeGreaterThanOrEqual(0.1 - 1e-6);
    expect(a[2] - a[1]).toBeGreaterThanOrEqual(0.1 - 1e-6);
    expect(a[1]).toBeCloseTo(1.01, 6);
    expect(a[3]).toBe(4);
  });
});
