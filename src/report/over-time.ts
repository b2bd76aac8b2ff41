import { LongInput, TableInput } from "./input";
import { planFlowTrajectories, planTableTrajectories } from "./trajectories-sheet";
import { panelOf, planFlowTrends, planTableTrends } from "./trends-sheet";
import { ROLE_LABELS } from "./roles";
import { PlannedSheet, Role } from "./types";

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
  // A column whose header states a unit (thousands, %) is scaled on the summary; the sheets over
  // time read the cells as they are, so rather than show unscaled numbers they are left out.
  const scaled = Object.entries(input.columns).filter(([, c]) => c?.factor !== undefined && c.factor !== 1);
  if (scaled.length > 0) {
    const names = scaled.map(([role]) => ROLE_LABELS[role as Role]).join(", ");
    return { sheets: [], working: [], notes: [`The table holds ${panel.periods.length} periods, but the Trends and Trajectories sheets are left out: ${names} state a unit in the header (thousands, per cent…), which the summary applies and those sheets do not. Remove the unit from the header (with the numbers converted) to get them.`], functions: [] };
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
