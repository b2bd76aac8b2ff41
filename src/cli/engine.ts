/**
 * The report engine as the CLI uses it: detection, overrides and planning. Kept apart so tests
 * (and a changed engine API) touch one small file.
 */
import type { StockDecrease } from "../indicators/estimation";
import { applyOverrides, detect } from "../report/detect";
import { MAX_PROBLEMS } from "../report/detect-problems";
import { planReport } from "../report/plan";
import type { RegionDataRequest } from "../report/region-data";
import type { Detection, Overrides, ReportPlan, SharingMode, SourceBlock } from "../report/types";

export interface Engine {
  /** How many data problems detection keeps. */
  readonly maxProblems: number;
  detect(block: SourceBlock): Detection;
  applyOverrides(block: SourceBlock, detection: Detection, overrides: Overrides): Detection;
  plan(block: SourceBlock, detection: Detection, options: { mode: SharingMode; source: string; now: Date; stocks?: StockDecrease; regionData?: RegionDataRequest; period?: string }): ReportPlan;
}

export const engine: Engine = {
  maxProblems: MAX_PROBLEMS,
  detect: (block) => detect(block),
  applyOverrides: (block, detection, overrides) => applyOverrides(block, detection, overrides),
  // The .xlsx host draws the planned charts (src/hosts/chart-xml.ts).
  plan: (block, detection, options) => planReport(block, detection, { ...options, hostDrawsCharts: true }),
};
