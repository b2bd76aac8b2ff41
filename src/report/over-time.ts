import { LongInput, TableInput } from "./input";
import { planFlowTrajectories, planTableTrajectories } from "./trajectories-sheet";
import { panelOf, planFlowTrends, planTableTrends } from "./trends-sheet";
import { PlannedSheet } from "./types";

/**
 * The sheets a list or table with two or more periods adds to its report: Trends, Trajectories
 * and, for flows, the Period Flows sheet they read (a working sheet, placed last). None for one period.
 */
export function overTime(input: LongInput | TableInput): { sheets: PlannedSheet[]; working: PlannedSheet[]; notes: string[]; functions: string[] } {
  const panel = panelOf(input);
  if (!panel) return { sheets: [], working: [], notes: [], functions: [] };
  if (input.shape === "long") {
    const { result, flows } = planFlowTrends(input, panel);
    if (!flows) return { ...result, working: [] };
    const [trends, periodFlows] = result.sheets;
    return { ...result, sheets: [trends, planFlowTrajectories(flows)], working: [periodFlows] };
  }
  const trends = planTableTrends(input, panel);
  const trajectories = planTableTrajectories(input, panel);
  return {
    sheets: [...trends.sheets, ...(trajectories.sheet ? [trajectories.sheet] : [])],
    working: [],
    notes: [...trends.notes, trajectories.note],
    functions: [...trends.functions, ...(trajectories.sheet?.tables[0].header.some((h) => h.startsWith("Classification")) ? ["MIGRATION.EFFECTIVENESS"] : [])],
  };
}
