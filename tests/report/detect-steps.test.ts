/**
 * The task pane's detection (detectAsync: chunks of cells, the event loop given a turn between
 * them, progress, cancel) runs the same steps as the CLI's detect: on every bundled sample and on
 * the two 1,000,000-cell fixtures the two detections are identical, whatever the chunk size.
 */
import { readdirSync } from "fs";
import { countryTableValues, longListValues } from "../../bench/office-large";
import { applyOverrides, detect, detectAsync, detectSteps } from "../../src/report/detect";
import { runSteps, StepProgress } from "../../src/report/steps";
import type { CellValue, SourceBlock } from "../../src/report/types";
import { readSample, SAMPLES } from "../support/samples";

jest.setTimeout(60_000);

const FILES = readdirSync(SAMPLES).filter((f) => f.endsWith(".csv"));

const blockOf = (values: CellValue[][], provenance: string): SourceBlock => ({ sheet: "Data", top: 3, left: 2, values, provenance });

/** A pause that counts its calls and does not wait (the structure, not the clock). */
function counting(): { pause: () => Promise<void>; count: () => number } {
  let n = 0;
  return { pause: () => (n++, Promise.resolve()), count: () => n };
}

/** What a call gives: its result, or its error's message. */
async function outcome<T>(f: () => T | Promise<T>): Promise<{ ok: T } | { error: string }> {
  try {
    return { ok: await f() };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

test("the bundled samples are all here", () => {
  expect(FILES.length).toBeGreaterThanOrEqual(4);
});

describe.each(FILES)("%s", (file) => {
  const block = blockOf(readSample(file) as CellValue[][], file);
  const sync = detect(block);

  test.each([undefined, 1, 7, 1000])("the async detection (chunks of %p cells) equals the sync one", async (chunkCells) => {
    expect(await detectAsync(block, { pause: counting().pause, ...(chunkCells ? { chunkCells } : {}) })).toStrictEqual(sync);
    expect(runSteps(detectSteps(block, chunkCells))).toStrictEqual(sync);
  });

  test("progress after each chunk, never backwards, one pause each", async () => {
    const seen: StepProgress[] = [];
    const p = counting();
    await detectAsync(block, { chunkCells: 50, onProgress: (x) => seen.push(x), pause: p.pause });
    expect(seen.length).toBeGreaterThan(1);
    expect(p.count()).toBe(seen.length);
    for (let k = 1; k < seen.length; k++) expect(seen[k].done).toBeGreaterThan(seen[k - 1].done);
    for (const s of seen) expect(s.done).toBeLessThanOrEqual(s.total);
  });
});

test("a block detection refuses is the same error from both", async () => {
  for (const values of [[], [["only text", "here"]], [[1]], [["a", "b"], ["c", "d"]]] as CellValue[][][]) {
    const block = blockOf(values, "bad");
    expect(await outcome(() => detectAsync(block, { chunkCells: 1, pause: counting().pause }))).toEqual(await outcome(() => detect(block)));
  }
});

describe.each([
  ["long list, 250,000 rows × 4", longListValues],
  ["country table, 100,000 rows × 10", countryTableValues],
] as const)("1,000,000 cells: %s", (_, values) => {
  const block = blockOf(values(), "large");
  const sync = detect(block);

  test("the async detection equals the sync one, in many chunks with progress", async () => {
    const seen: StepProgress[] = [];
    const p = counting();
    expect(await detectAsync(block, { onProgress: (x) => seen.push(x), pause: p.pause })).toStrictEqual(sync);
    // A chunk is DETECT_CHUNK_CELLS cell visits; detection makes several passes over 1,000,000 cells.
    expect(seen.length).toBeGreaterThanOrEqual(10);
    expect(p.count()).toBe(seen.length);
    for (let k = 1; k < seen.length; k++) expect(seen[k].done).toBeGreaterThan(seen[k - 1].done);
  });

  test("the user's choices give the same as before on it (applyOverrides runs the same steps)", () => {
    const shape = sync.shape === "long" ? "table" : "long";
    const again = applyOverrides(block, sync, { shape });
    expect(again.shape).toBe(shape);
    expect(applyOverrides(block, again, { shape: sync.shape })).toStrictEqual({ ...sync, reasons: [...sync.reasons.slice(0, -1), { code: "shapeByUser", params: { shape: sync.shape } }, sync.reasons[sync.reasons.length - 1]], confidence: expect.any(Number) });
  });
});

test("cancel: an aborted signal stops detection with an AbortError, after no more than one chunk", async () => {
  const block = blockOf(longListValues(20_000), "large");
  const abort = new AbortController();
  let chunks = 0;
  const run = detectAsync(block, {
    chunkCells: 1000,
    signal: abort.signal,
    onProgress: () => {
      if (++chunks === 3) abort.abort();
    },
    pause: counting().pause,
  });
  await expect(run).rejects.toMatchObject({ name: "AbortError" });
  expect(chunks).toBe(3);
});
