/**
 * The figure rendered to PNG in Node (resvg): the Erasmus and UK samples and the world matrix
 * lumped to the top 20, written to test-artifacts/ for a person to look at, and checked here:
 * a PNG of the figure's size whose pixels show each arc in its colour and the ribbons.
 */
import { mkdirSync, writeFileSync } from "fs";
import { join } from "path";
import { svgToPng } from "../../src/chart/chord-png";
import { ChordFigure, chordFigure } from "../../src/chart/chord-svg";
import { svgText } from "../../src/chart/svg-node";
import { erasmus, ukMatrix } from "../support/samples";
import { worldMatrix } from "./world";

const ARTIFACTS = join(__dirname, "..", "..", "test-artifacts");

const hex = (c: string) => [1, 3, 5].map((k) => parseInt(c.slice(k, k + 2), 16));

/** Renders at scale 1 and 2; checks size, signature and that each arc's middle has its colour. */
function renderAndCheck(f: ChordFigure, file: string) {
  const text = svgText(f.svg);
  const one = svgToPng(text, 1);
  expect([one.width, one.height]).toEqual([f.width, f.height]);
  for (const g of f.layout.groups) {
    if ((g.endAngle - g.startAngle) * f.radii.outer < 4) continue; // too thin to hit a pixel's middle
    const a = (g.startAngle + g.endAngle) / 2;
    const r = (f.radii.inner + f.radii.outer) / 2;
    const x = Math.round(f.center.x + r * Math.sin(a));
    const y = Math.round(f.center.y - r * Math.cos(a));
    const p = one.pixels.subarray((y * one.width + x) * 4, (y * one.width + x) * 4 + 3);
    const want = /^#/.test(f.colors[g.index]) ? hex(f.colors[g.index]) : (f.colors[g.index].match(/\d+/g) ?? []).map(Number);
    want.forEach((v, k) => expect(Math.abs(p[k] - v)).toBeLessThanOrEqual(3));
  }
  // Inside the circle some pixels are ribbons (not white).
  let coloured = 0;
  for (let k = 0; k < 400; k++) {
    const a = (k / 400) * 2 * Math.PI;
    const x = Math.round(f.center.x + f.radii.inner * 0.5 * Math.sin(a));
    const y = Math.round(f.center.y - f.radii.inner * 0.5 * Math.cos(a));
    const i = (y * one.width + x) * 4;
    if (one.pixels[i] < 250 || one.pixels[i + 1] < 250 || one.pixels[i + 2] < 250) coloured++;
  }
  expect(coloured).toBeGreaterThan(40);
  const two = svgToPng(text, 2);
  expect(two.png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect([two.width, two.height]).toEqual([f.width * 2, f.height * 2]);
  mkdirSync(ARTIFACTS, { recursive: true });
  writeFileSync(join(ARTIFACTS, file), two.png);
  writeFileSync(join(ARTIFACTS, file.replace(/\.png$/, ".svg")), text);
}

describe("the chord diagram as PNG", () => {
  it("Erasmus 2012–13: 33 countries", () => {
    const e = erasmus();
    renderAndCheck(chordFigure({ labels: e.labels, flows: e.matrix }, { source: "European Commission, Erasmus student mobility 2012–13", title: "Erasmus students, 2012–13: home → host country" }), "chord-erasmus.png");
  });

  it("UK interregional moves 2018: 12 regions and nations, in Ukrainian", () => {
    renderAndCheck(chordFigure(ukMatrix(), { source: "ONS, NHS patient register and HESA, 2018", title: "Переміщення між регіонами Великої Британії, 2018", lang: "uk" }), "chord-uk.png");
  });

  it("a 232-place world matrix lumped to the top 20", () => {
    renderAndCheck(
      chordFigure(worldMatrix(), { source: "UN DESA International Migrant Stock 2020 totals; bilateral flows modelled by IPF from a uniform seed (illustration)", title: "World: migrant stocks by origin and residence (modelled)" }),
      "chord-world-top20.png",
    );
  });
});
