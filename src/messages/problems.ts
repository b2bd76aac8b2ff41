/**
 * Data problems (src/report/problem-codes.ts) in words, in English or Ukrainian: one renderer
 * for the command line and the task pane. Each language's table has a sentence for every code
 * (the types say so), built from the code's parameters alone.
 */
import type { DataProblem, ProblemCode, ProblemParams } from "../report/problem-codes";
import type { Lang } from "./lang";
import { PROBLEMS_EN, PROBLEM_LIST_EN } from "./problems-en";
import { PROBLEMS_UK, PROBLEM_LIST_UK } from "./problems-uk";

/** A sentence for each problem code, from its parameters. */
export type ProblemTexts = { readonly [C in ProblemCode]: (params: ProblemParams[C]) => string };

/** The words around a printed list of problems (the command line's). */
export interface ProblemListTexts {
  /** "12 data problems": the count of problems found. */
  readonly count: (n: number) => string;
  /** Detection kept the first `kept` and stopped counting: there may be more. */
  readonly capped: (kept: number) => string;
  /** The line after the first problems printed: how many more there are. */
  readonly more: (n: number) => string;
}

export const PROBLEM_TEXTS: Readonly<Record<Lang, ProblemTexts>> = { en: PROBLEMS_EN, uk: PROBLEMS_UK };
export const PROBLEM_LIST_TEXTS: Readonly<Record<Lang, ProblemListTexts>> = { en: PROBLEM_LIST_EN, uk: PROBLEM_LIST_UK };

/** A problem as one sentence in `lang` (without its cell address, which is shown beside it). */
export function renderProblem(problem: DataProblem, lang: Lang): string {
  const text = PROBLEM_TEXTS[lang][problem.code] as (params: DataProblem["params"]) => string;
  return text(problem.params);
}
