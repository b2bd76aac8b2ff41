import type { Lang } from "../messages/lang";
import { PROBLEM_LIST_TEXTS, renderProblem } from "../messages/problems";
import type { DataProblem } from "../report/types";

/** How many problems the command line prints one per line before it counts the rest. */
export const PRINTED_PROBLEMS = 20;

/**
 * The data problems as the command line prints them, in `lang`: a count, then each problem with
 * its cell, the first `limit` of them, then how many more there are. Detection keeps the first
 * `kept` (the engine's MAX_PROBLEMS); a list that long says there may be more.
 */
export function problemLines(problems: readonly DataProblem[], kept: number, lang: Lang = "en", limit = PRINTED_PROBLEMS): string[] {
  if (problems.length === 0) return [];
  const t = PROBLEM_LIST_TEXTS[lang];
  const n = problems.length;
  const count = n >= kept ? t.capped(kept) : t.count(n);
  const shown = problems.slice(0, limit).map((p) => `  ${p.address}: ${renderProblem(p, lang)}`);
  return [`${count}:`, ...shown, ...(n > limit ? [`  ${t.more(n - limit)}`] : [])];
}
