import { detect } from "../../src/report/detect";
import { planFromInput, planReport } from "../../src/report/plan";
import { ReportPlan } from "../../src/report/types";
import { sampleInput } from "./inputs";
import { stockList } from "./stocks";

/** The source names the sample plans are built from (the title is "Migration summary: <source>"). */
export const SAMPLE_PLAN_NAMES = ["erasmus", "uk", "undesa", "iab", "stocks"] as const;

/** A report plan of each bundled sample (and of the stocks list, estimated flows), as the hosts that draw charts get it. */
export function samplePlan(name: (typeof SAMPLE_PLAN_NAMES)[number]): ReportPlan {
  const options = { mode: "native" as const, source: name, now: new Date(0), hostDrawsCharts: true };
  if (name === "stocks") {
    const block = { sheet: "Stocks", top: 0, left: 0, values: stockList(), provenance: name };
    return planReport(block, detect(block), { ...options, stocks: "zero" });
  }
  return planFromInput(sampleInput(name), options);
}
