import { count, divide, finite, fraction, notAbove } from "./guards";
import { Amount, Count, MeasureError, Rate } from "./types";

/**
 * Skilled (tertiary-educated) emigration rate: Mh / (Mh + Nh), the share of a country's
 * skilled natives who live abroad.
 * Definition and source: BRAINDRAIN.RATE in ./definitions/braindrain.ts.
 */
export function skilledEmigrationRate(skilledEmigrants: Count, skilledResidents: Count): Rate {
  count(skilledEmigrants, "skilled_emigrants");
  count(skilledResidents, "skilled_residents");
  return divide(skilledEmigrants, skilledEmigrants + skilledResidents, "skilled_emigrants + skilled_residents");
}

/**
 * Net brain drain: Mh − Ih (skilled emigrants minus skilled immigrants). Positive = net drain,
 * negative = net gain; divided by `base` (e.g. skilled population) when one is given.
 * Definition and source: BRAINDRAIN.NET in ./definitions/braindrain.ts.
 */
export function netBrainDrain(skilledEmigrants: Count, skilledImmigrants: Count, base?: number): number {
  const net = count(skilledEmigrants, "skilled_emigrants") - count(skilledImmigrants, "skilled_immigrants");
  if (base === undefined) return net;
  return divide(net, count(base, "base"), "base");
}

/**
 * Selection ratio: mh / m, the skilled emigration rate over the total emigration rate. Above 1,
 * the skilled leave more than everyone else (positive selection).
 * Definition and source: BRAINDRAIN.SELECTION in ./definitions/braindrain.ts.
 */
export function selectionRatio(skilledRate: Rate, totalRate: Rate): number {
  fraction(skilledRate, "skilled_rate");
  fraction(totalRate, "total_rate");
  return divide(skilledRate, totalRate, "total_rate");
}

/**
 * Relative skill share: (Mh / M) ÷ (Nh / N), the skilled share among emigrants over the
 * skilled share among residents (emigrants' educational over-representation).
 * Definition and source: BRAINDRAIN.RELATIVE in ./definitions/braindrain.ts.
 */
export function relativeSkillShare(skilledEmigrants: Count, totalEmigrants: Count, skilledResidents: Count, totalResidents: Count): number {
  count(skilledEmigrants, "skilled_emigrants");
  count(totalEmigrants, "total_emigrants");
  count(skilledResidents, "skilled_residents");
  count(totalResidents, "total_residents");
  notAbove(skilledEmigrants, totalEmigrants, "skilled_emigrants", "total_emigrants");
  notAbove(skilledResidents, totalResidents, "skilled_residents", "total_residents");
  const abroad = divide(skilledEmigrants, totalEmigrants, "total_emigrants");
  const home = divide(skilledResidents, totalResidents, "total_residents");
  return divide(abroad, home, "skilled_residents");
}

/**
 * Education cost lost with emigrants: emigrants × Σ_{t=1..T} C_t (1 + r)^(T − t), where C_t is
 * the public cost of year t of schooling and T the number of years; each year's spending is
 * compounded to the year of graduation at the interest rate r.
 * Definition and source: BRAINDRAIN.COST in ./definitions/braindrain.ts.
 */
export function educationCost(emigrants: Count, yearlyCosts: readonly Amount[], interestRate: Rate = 0): Amount {
  count(emigrants, "emigrants");
  return emigrants * compoundedSchoolingCost(yearlyCosts, interestRate);
}

/** Σ_{t=1..T} C_t (1 + r)^(T − t): the per-person part of `educationCost`, computed once per range. */
export function compoundedSchoolingCost(yearlyCosts: readonly Amount[], interestRate: Rate = 0): Amount {
  finite(interestRate, "interest_rate");
  if (interestRate <= -1) throw new MeasureError("outOfDomain", `interest_rate must be greater than -1 (got ${interestRate})`);
  if (yearlyCosts.length === 0) throw new MeasureError("invalid", "yearly_costs is empty");
  // Horner's rule: ((C1(1+r) + C2)(1+r) + C3)... equals Σ C_t (1+r)^(T−t).
  let total = 0;
  for (let t = 0; t < yearlyCosts.length; t++) total = total * (1 + interestRate) + count(yearlyCosts[t], "yearly_costs");
  return total;
}
