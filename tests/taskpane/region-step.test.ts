/**
 * @jest-environment jsdom
 */
/**
 * Distances and populations in the task pane: offered once step 1 has read a matrix or a flow
 * list (not a country table), chosen with "Read distances (populations) from the selection" through
 * the host's read, shown with their address and removable, and passed to the same engine path
 * as the command line's --distances and --populations (the report's copies referencing the
 * chosen cells). English and Ukrainian words.
 */
import { readFileSync } from "fs";
import { join } from "path";
import type { ReportPlan, SourceBlock } from "../../src/report/types";
import { Controller, PaneHost } from "../../src/taskpane/controller";
import { RegionStep, regionStrings } from "../../src/taskpane/region-step";
import { View } from "../../src/taskpane/view";

const korea = JSON.parse(readFileSync(join(__dirname, "..", "fixtures", "peer-indices.json"), "utf8")).korea as {
  labels: string[];
  matrix: number[][];
  distances: number[][];
  populations: number[];
  impact: Record<string, number>;
  distance: Record<string, number>;
};
const labelled = (rows: number[][]) => [[null, ...korea.labels], ...rows.map((r, i) => [korea.labels[i], ...r])];
const flows: SourceBlock = { sheet: "Flows", top: 0, left: 0, values: labelled(korea.matrix), provenance: "Flows!A1:R18" };
const distances: SourceBlock = { sheet: "Km", top: 1, left: 1, values: labelled(korea.distances), provenance: "Km!B2:S19" };
const populations: SourceBlock = { sheet: "Pop", top: 0, left: 3, values: korea.populations.map((p) => [p]), provenance: "Pop!D1:D17" };
const table: SourceBlock = { sheet: "T", top: 0, left: 0, values: [["country", "emigrants", "immigrants"], ["A", 1, 2], ["B", 3, 4], ["C", 5, 6]], provenance: "T!A1:C4" };

// jsdom lays nothing out, so it has no scrollIntoView (the view scrolls the alert into sight).
Element.prototype.scrollIntoView = function scrollIntoView() {};

/** A host whose reads hand over the blocks in turn, keeping the plans it is asked to write. */
function fakeHost(reads: SourceBlock[]): PaneHost & { plans: ReportPlan[] } {
  const plans: ReportPlan[] = [];
  const queue = [...reads];
  return {
    plans,
    readSelection: async () => {
      const block = queue.shift()!;
      return { block, address: `${block.sheet}!${block.provenance.split("!")[1]}`, sheet: block.sheet };
    },
    writeReport: async (plan) => {
      plans.push(plan);
      return { sheets: plan.sheets.map((s) => s.name), activated: plan.sheets[0].name, syncs: 1, largestRequestBytes: 1 };
    },
  };
}

function pane(reads: SourceBlock[], lang: "en" | "uk" = "en") {
  const host = fakeHost(reads);
  const controller = new Controller(host, lang, () => new Date(0));
  document.body.innerHTML = '<div id="app"></div>';
  const root = document.getElementById("app")!;
  const view = new View(
    root,
    {
      useSelection: () => void controller.useSelection(),
      build: () => void controller.build(),
      cancel: () => controller.cancel(),
      chooseShape: (s) => controller.chooseShape(s),
      chooseRole: (c, r) => controller.chooseRole(c, r),
      setMode: (m) => controller.setMode(m),
      setEstimateFlows: (e) => controller.setEstimateFlows(e),
      setStocksMethod: (m) => controller.setStocksMethod(m),
      setPeriod: (p) => controller.setPeriod(p),
      setLanguage: (l) => controller.setLanguage(l),
    },
    undefined,
    new RegionStep({ useSelectionFor: (k) => void controller.useSelectionFor(k), clearRegionRange: (k) => controller.clearRegionRange(k) }),
  );
  controller.subscribe((state, cause) => view.render(state, cause));
  controller.setEnvironment("excel");
  const button = (key: string) => root.querySelector<HTMLButtonElement>(`[data-key="${key}"]`);
  const settle = () => new Promise((r) => setTimeout(r, 0));
  const click = async (key: string) => {
    const b = button(key);
    if (!b) throw new Error(`no ${key}`);
    b.click();
    for (let k = 0; k < 20 && controller.state.busy; k++) await settle();
    await settle();
  };
  return { host, controller, root, button, click };
}

test("not offered before data is read, nor for a country table", async () => {
  const p = pane([table]);
  expect(p.button("use-distances")).toBeNull();
  await p.click("use-selection");
  expect(p.controller.state.detection?.shape).toBe("table");
  expect(p.button("use-distances")).toBeNull();
});

test("a matrix: distances and populations chosen from the selection, shown, and the report gets the key figures over references to them", async () => {
  const p = pane([flows, distances, populations]);
  await p.click("use-selection");
  expect(p.root.querySelector('[data-key="picked-distances"]')!.textContent).toBe("No distances chosen.");
  await p.click("use-distances");
  await p.click("use-populations");
  expect(p.root.querySelector('[data-key="picked-distances"]')!.textContent).toMatch(/^Distances: Km!B2:S19/);
  expect(p.root.querySelector('[data-key="picked-populations"]')!.textContent).toMatch(/^Populations: Pop!D1:D17/);

  await p.click("build");
  const plan = p.host.plans[0];
  expect(plan.sheets.map((s) => s.name)).toEqual(["Migration Summary", "Corridors", "Distances", "Populations", "Definitions"]);
  const cells = plan.sheets[0].cells;
  const figure = (label: string) => cells.find((c) => c.cell.style === "keyValue" && c.row === cells.find((d) => d.col === 0 && d.cell.value === label)!.row)!.cell;
  expect(figure("Index of preference").value).toBeCloseTo(korea.impact.preference, 9);
  expect(figure("Mean migration distance").value).toBeCloseTo(korea.distance.mean, 9);
  // The copies refer to the chosen cells: Seoul → Busan is Km!D3 (the range starts at B2, labels first).
  expect(plan.sheets[2].tables[0].rows[0][2]).toMatchObject({ native: "'Km'!D3" });
  expect(plan.sheets[3].tables[0].rows[0][1]).toMatchObject({ native: "'Pop'!D1" });
});

test("a chosen range can be removed; the report is then built without it", async () => {
  const p = pane([flows, distances]);
  await p.click("use-selection");
  await p.click("use-distances");
  await p.click("clear-distances");
  expect(p.controller.state.regionRanges?.distances).toBeUndefined();
  expect(p.root.querySelector('[data-key="picked-distances"]')!.textContent).toBe("No distances chosen.");
  await p.click("build");
  expect(p.host.plans[0].sheets.map((s) => s.name)).not.toContain("Distances");
});

test("distances that do not pair up with the matrix: the build is refused with the engine's sentence naming the labels", async () => {
  const bad: SourceBlock = { ...distances, values: distances.values.map((r, i) => (i === 3 ? ["Daegu-si", ...r.slice(1)] : r)) };
  const p = pane([flows, bad]);
  await p.click("use-selection");
  await p.click("use-distances");
  await p.click("build");
  expect(p.host.plans).toHaveLength(0);
  expect(p.root.querySelector('[role="alert"]')!.textContent).toMatch(/regions of the matrix missing from its first column: 'Daegu'.*'Daegu-si' \(B5\)/);
});

test("the words exist in English and Ukrainian", async () => {
  for (const lang of ["en", "uk"] as const) {
    const s = regionStrings(lang);
    expect(s.title.length).toBeGreaterThan(0);
    expect(s.kinds.distances.use).not.toBe(s.kinds.populations.use);
  }
  const p = pane([flows], "uk");
  await p.click("use-selection");
  expect(p.button("use-distances")!.textContent).toBe("Зчитати відстані з виділення");
});
