import { compoundedSchoolingCost, educationCost, netBrainDrain, relativeSkillShare, selectionRatio, skilledEmigrationRate } from "../indicators/braindrain";
import { isBlank, readOptionalNumber, readVector } from "./cells";
import { elementwise1, elementwise2, elementwise3, elementwise4 } from "./elementwise";
import { guard } from "./errors";

/**
 * Skilled emigration rate (Docquier & Marfouk): skilled emigrants ÷ (skilled emigrants + skilled residents).
 * @customfunction BRAINDRAIN.RATE
 * @helpurl https://localhost:3000/reference.html#braindrain-rate
 * @param skilled_emigrants Tertiary-educated natives living abroad (a cell or a range).
 * @param skilled_residents Tertiary-educated people living in the origin country (same size as skilled_emigrants, or one cell).
 * @returns The share of the skilled who live abroad, as a fraction (format as %).
 */
export function braindrainRate(skilled_emigrants: any[][], skilled_residents: any[][]): any[][] {
  return elementwise2(["skilled_emigrants", "skilled_residents"], skilledEmigrationRate, skilled_emigrants, skilled_residents);
}

/**
 * Net brain drain: skilled emigrants − skilled immigrants (positive = net drain, negative = net gain), divided by base when given.
 * @customfunction BRAINDRAIN.NET
 * @helpurl https://localhost:3000/reference.html#braindrain-net
 * @param skilled_emigrants Skilled natives living abroad (a cell or a range).
 * @param skilled_immigrants Skilled foreign-born living in the country (same size, or one cell).
 * @param [base] Optional divisor, e.g. the skilled population; the result is then a rate.
 * @returns Skilled emigrants minus skilled immigrants, or that difference ÷ base.
 */
export function braindrainNet(skilled_emigrants: any[][], skilled_immigrants: any[][], base?: any[][]): any[][] {
  if (isBlank(base)) return elementwise2(["skilled_emigrants", "skilled_immigrants"], netBrainDrain, skilled_emigrants, skilled_immigrants);
  return elementwise3(["skilled_emigrants", "skilled_immigrants", "base"], netBrainDrain, skilled_emigrants, skilled_immigrants, base);
}

/**
 * Selection ratio: skilled emigration rate ÷ total emigration rate (above 1 = the skilled leave more than everyone).
 * @customfunction BRAINDRAIN.SELECTION
 * @helpurl https://localhost:3000/reference.html#braindrain-selection
 * @param skilled_rate Emigration rate of the tertiary-educated, a fraction 0–1 (a cell or a range).
 * @param total_rate Emigration rate of the whole population, a fraction 0–1 (same size, or one cell).
 * @returns How many times more likely the skilled are to emigrate.
 */
export function braindrainSelection(skilled_rate: any[][], total_rate: any[][]): any[][] {
  return elementwise2(["skilled_rate", "total_rate"], selectionRatio, skilled_rate, total_rate);
}

/**
 * Relative skill share: (skilled emigrants ÷ all emigrants) ÷ (skilled residents ÷ all residents).
 * @customfunction BRAINDRAIN.RELATIVE
 * @helpurl https://localhost:3000/reference.html#braindrain-relative
 * @param skilled_emigrants Tertiary-educated emigrants (a cell or a range).
 * @param total_emigrants All emigrants.
 * @param skilled_residents Tertiary-educated residents.
 * @param total_residents All residents.
 * @returns The skill share abroad over the skill share at home (above 1 = emigrants are more educated).
 */
export function braindrainRelative(skilled_emigrants: any[][], total_emigrants: any[][], skilled_residents: any[][], total_residents: any[][]): any[][] {
  return elementwise4(["skilled_emigrants", "total_emigrants", "skilled_residents", "total_residents"], relativeSkillShare, skilled_emigrants, total_emigrants, skilled_residents, total_residents);
}

/**
 * Public education cost lost with emigrants (Mills et al., BMJ 2011): emigrants × Σ yearly cost compounded to graduation.
 * @customfunction BRAINDRAIN.COST
 * @helpurl https://localhost:3000/reference.html#braindrain-cost
 * @param emigrants Number of emigrants (a cell or a range).
 * @param yearly_costs Public cost of each year of schooling, first year first (a row or a column).
 * @param [interest_rate] Yearly interest rate used to compound each year's cost to graduation, e.g. 0.05; default 0.
 * @returns The compounded cost of the emigrants' education.
 */
export function braindrainCost(emigrants: any[][], yearly_costs: any[][], interest_rate?: any): any[][] {
  return guard(() => {
    const costs = readVector(yearly_costs, "yearly_costs");
    const rate = readOptionalNumber(interest_rate, "interest_rate", 0);
    compoundedSchoolingCost(costs, rate); // bad costs or rate fail the whole call, once
    return elementwise1(["emigrants"], (e) => educationCost(e, costs, rate), emigrants);
  });
}

