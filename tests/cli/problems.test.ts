/** The command line prints every data problem with its cell, or the first 20 and how many more, in English or Ukrainian. */
import { problemLines } from "../../src/cli/problems";
import { MAX_PROBLEMS } from "../../src/report/detect-problems";
import { engine } from "../../src/cli/engine";
import type { DataProblem } from "../../src/report/types";

const problem = (k: number): DataProblem => ({ address: `B${k + 2}`, kind: "blank", code: "blankMissing", params: { column: { index: 1, letters: "B", header: "fb", role: "immigrants" } } });

test("no problem, no line", () => {
  expect(problemLines([], MAX_PROBLEMS)).toEqual([]);
});

test("up to 20 problems: a count, then each with its cell", () => {
  const lines = problemLines([problem(0), problem(1)], MAX_PROBLEMS);
  expect(lines).toEqual(["2 data problems:", "  B2: Blank in 'fb' (immigrants): read as missing, not as 0.", "  B3: Blank in 'fb' (immigrants): read as missing, not as 0."]);
  expect(problemLines([problem(0)], MAX_PROBLEMS)[0]).toBe("1 data problem:");
});

test("more than 20: the first 20, then how many more", () => {
  const lines = problemLines(Array.from({ length: 36 }, (_, k) => problem(k)), MAX_PROBLEMS);
  expect(lines).toHaveLength(22);
  expect(lines[0]).toBe("36 data problems:");
  expect(lines[20]).toMatch(/^ {2}B21: /);
  expect(lines[21]).toBe("  ... and 16 more");
});

test("a list detection capped says there may be more; the engine says where the cap is", () => {
  expect(engine.maxProblems).toBe(MAX_PROBLEMS);
  expect(problemLines(Array.from({ length: MAX_PROBLEMS }, (_, k) => problem(k)), engine.maxProblems)[0]).toBe(`${MAX_PROBLEMS} or more data problems (the first ${MAX_PROBLEMS} are kept):`);
});

test("in Ukrainian: the count, each problem and the rest in Ukrainian, cells as on the sheet", () => {
  const lines = problemLines(Array.from({ length: 22 }, (_, k) => problem(k)), MAX_PROBLEMS, "uk");
  expect(lines[0]).toBe("22 проблеми у даних:");
  expect(lines[1]).toBe("  B2: Порожня клітинка у стовпці «fb» (Іммігранти): вважається пропущеним значенням, а не 0.");
  expect(lines[21]).toBe("  ... і ще 2");
  expect(problemLines([problem(0)], MAX_PROBLEMS, "uk")[0]).toBe("1 проблема у даних:");
  expect(problemLines(Array.from({ length: 25 }, (_, k) => problem(k)), MAX_PROBLEMS, "uk")[0]).toBe("25 проблем у даних:");
  expect(problemLines(Array.from({ length: MAX_PROBLEMS }, (_, k) => problem(k)), MAX_PROBLEMS, "uk")[0]).toBe(`${MAX_PROBLEMS} або більше проблем у даних (збережено перші ${MAX_PROBLEMS}):`);
});
