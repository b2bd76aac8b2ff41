import type { DataProblem } from "../report/types";

/** How many problems the command line prints one per line before it counts the rest. */
export const PRINTED_PROBLEMS = 20;

/**
 * The data problems as the command line prints them: a count, then each problem with its cell,
 * the first `limit` of them, then how many more there are. Detection keeps the first `kept`
 * (the engine's MAX_PROBLEMS); a list that long says there may be more. (No import of the
 * engine here: the command line loads it only once the input is read.)
 */
export function problemLines(problems: readonly DataProblem[], kept: number, limit = PRINTED_PROBLEMS): string[] {
  if (problems.length === 0) return [];
  const n = problems.length;
  const count = n >= kept ? `${kept} or more data problems (the first ${kept} are kept)` : `${n} data problem${n === 1 ? "" : "s"}`;
  const shown = problems.slice(0, limit).map((p) => `  ${p.address}: ${p.message}`);
  return [`${count}:`, ...shown, ...(n > limit ? [`  ... and ${n - limit} more`] : [])];
}
