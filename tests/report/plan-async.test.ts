/**
 * The task pane's planner (planReportAsync: chunks of rows, the event loop given a turn between
 * them, progress, cancel) runs the same steps as the CLI's planReport: on every bundled sample
 * the two plans are identical, whatever the chunk size.
 */
import { detect } from "../../src/report/detect";
import { planReport, planReportAsync } from "../../src/report/plan";
import type { StepProgress } from "../../src/report/steps";
import type { Detection, SourceBlock } from "../../src/report/types";
import { readSample } from "../support/samples";
import { stockList } from "../support/stocks";

const FILES = ["erasmus-student-mobility-2012-13.csv", "uk-interregional-flows-2018.csv", "undesa-migrant-stock-totals-1990-2020.csv", "iab-emigration-rates-1980-2010.csv"];
const OPTIONS = { mode: "native" as const, now: new Date(0), hostDrawsCharts: true };

function sample(file: string): { block: SourceBlock; detection: Detection } {
  const block: SourceBlock = { sheet: "Data", top: 0, left: 0, values: readSample(file), provenance: file };
  return { block, detection: detect(block) };
}

/** A pause that counts its calls and does not wait (the structure, not the clock). */
function counting(): { pause: () => Promise<void>; count: () => number } {
  let n = 0;
  return { pause: () => (n++, Promise.resolve()), count: () => n };
}

describe.each(FILES)("%s", (file) => {
  const { block, detection } = sample(file);
  const sync = planReport(block, detection, { ...OPTIONS });

  test.each([undefined, 1, 7])("the async plan (chunks of %p rows) equals the sync plan", async (chunkRows) => {
    expect(await planReportAsync(block, detection, { ...OPTIONS, ...(chunkRows ? { chunkRows } : {}) })).toStrictEqual(sync);
  });

  test("in the other sharing modes too", async () => {
    for (const mode of ["addin", "values"] as const) {
      expect(await planReportAsync(block, detection, { ...OPTIONS, mode, chunkRows: 7 })).toStrictEqual(planReport(block, detection, { ...OPTIONS, mode }));
    }
  });

  test("progress: once the input is built, then after each chunk of a table's rows, never backwards", async () => {
    const seen: StepProgress[] = [];
    const p = counting();
    await planReportAsync(block, detection, { ...OPTIONS, chunkRows: 5 }, { onProgress: (x) => seen.push(x), pause: p.pause });
    expect(seen[0].done).toBe(0);
    expect(p.count()).toBe(seen.length);
    const total = seen[0].total;
    for (const s of seen) expect(s.total).toBe(total);
    for (let k = 1; k < seen.length; k++) expect(seen[k].done).toBeGreaterThan(seen[k - 1].done);
    if (detection.shape === "table") {
      expect(seen.length).toBe(1 + Math.floor((total - 1) / 5));
      expect(seen.map((s) => s.done)).toEqual(Array.from({ length: seen.length }, (_, k) => 5 * k));
    } else expect(seen).toEqual([{ done: 0, total }]);
  });
});

test("flows estimated from stocks: the async plan equals the sync plan", async () => {
  const block: SourceBlock = { sheet: "Stocks", top: 0, left: 0, values: stockList(), provenance: "stocks" };
  const detection = detect(block);
  for (const stocks of ["zero", "return"] as const) {
    expect(await planReportAsync(block, detection, { ...OPTIONS, stocks, chunkRows: 1 })).toStrictEqual(planReport(block, detection, { ...OPTIONS, stocks }));
  }
});

test("a failure is the same error from both", async () => {
  const { block, detection } = sample("iab-emigration-rates-1980-2010.csv");
  const noMeasure: Detection = { ...detection, columns: detection.columns.map((c) => (c.role === "skilledRate" ? { ...c, role: null } : c)) };
  let syncError: unknown;
  try {
    planReport(block, noMeasure, OPTIONS);
  } catch (e) {
    syncError = e;
  }
  expect(syncError).toBeInstanceOf(Error);
  await expect(planReportAsync(block, noMeasure, OPTIONS)).rejects.toEqual(syncError);
});

describe("cancel", () => {
  const { block, detection } = sample("undesa-migrant-stock-totals-1990-2020.csv");

  test("an aborted signal stops the plan before any row is planned", async () => {
    const abort = new AbortController();
    abort.abort();
    const seen: StepProgress[] = [];
    await expect(planReportAsync(block, detection, OPTIONS, { signal: abort.signal, onProgress: (p) => seen.push(p) })).rejects.toMatchObject({ name: "AbortError" });
    expect(seen).toEqual([]);
  });

  test("aborting between chunks stops the plan at the next chunk", async () => {
    const abort = new AbortController();
    const seen: StepProgress[] = [];
    const run = planReportAsync(block, detection, { ...OPTIONS, chunkRows: 10 }, {
      signal: abort.signal,
      onProgress: (p) => {
        seen.push(p);
        if (p.done >= 30) abort.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ name: "AbortError" });
    expect(seen.map((s) => s.done)).toEqual([0, 10, 20, 30]);
    expect(seen[0].total).toBeGreaterThan(100);
  });

  test("the default pause is a macrotask: a timer set before planning fires before it ends", async () => {
    let fired = false;
    let firedDuring = false;
    let planning = true;
    setTimeout(() => {
      fired = true;
      firedDuring = planning;
    }, 0);
    await planReportAsync(block, detection, { ...OPTIONS, chunkRows: 50 });
    planning = false;
    expect(fired).toBe(true);
    expect(firedDuring).toBe(true);
  });
});
