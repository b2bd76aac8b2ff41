/**
 * Korea's internal moves among its 17 regions, 2012–2020, as a shuffled long list, with the
 * figures R computed on it (tests/fixtures/peer-periods.json, made by
 * scripts/peer-reference/periods.R with migest and base R).
 */
import { readFileSync } from "fs";
import { join } from "path";

export interface PeriodsFixture {
  regions: string[];
  list: { year: number[]; orig: string[]; dest: string[]; flow: number[] };
  years: {
    year: number;
    total: number;
    migest: { effectiveness_percent: number; connectivity: number; gini_total: number };
    independent: { mei: number; circulation: number; circulation_by_region: number[] };
  }[];
  change: { first: number; last: number; first_matrix: number[][]; last_matrix: number[][]; circulation: number; circulation_by_region: number[] };
}
export const KOREA: PeriodsFixture = JSON.parse(readFileSync(join(__dirname, "..", "fixtures", "peer-periods.json"), "utf8"));
