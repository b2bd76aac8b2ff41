/** The command line prints every data problem with its cell, or the first 20 and how many more. */
import { problemLines } from "../../src/cli/problems";
import { MAX_PROBLEMS } from "../../src/report/detect-problems";
import { engine } from "../../src/cli/engine";
import type { DataProblem } from "../../src/report/types";

const problem = (k: number): DataProblem => ({ address: `B${k + 2}`, kind: "blank", message: `Blank in 'fb' (immigrants): read as missing, not as 0.` });

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
