import { count, divide, positive } from "./guards";
import { Count, MeasureError, Rate } from "./types";

/**
 * Element-wise migration rates of one region: inflow, outflow and population.
 * Definitions follow the demographic standard; each measure's definition and sources: its
 * function's entry in ./definitions/rates.ts.
 */

/** Net migration: in − out. */
export function netMigration(inflow: Count, outflow: Count): number {
  return count(inflow, "inflow") - count(outflow, "outflow");
}

/** Net migration rate: per × (in − out) / population; per defaults to 1,000 (UN DESA convention). */
export function netMigrationRate(inflow: Count, outflow: Count, population: Count, per = 1000): number {
  const net = netMigration(inflow, outflow);
  positive(per, "per");
  return divide(per * net, count(population, "population"), "population");
}

/** Gross migration rate: per × (in + out) / population; per defaults to 1,000. */
export function grossMigrationRate(inflow: Count, outflow: Count, population: Count, per = 1000): number {
  const gross = count(inflow, "inflow") + count(outflow, "outflow");
  positive(per, "per");
  return divide(per * gross, count(population, "population"), "population");
}

/**
 * Migration effectiveness ratio of one region: (in − out) / (in + out), in [−1, 1].
 * Definition and source: MIGRATION.EFFECTIVENESS in ./definitions/rates.ts.
 */
export function migrationEffectiveness(inflow: Count, outflow: Count): Rate {
  const net = netMigration(inflow, outflow);
  return divide(net, inflow + outflow, "inflow + outflow");
}

/**
 * Crude migration intensity: migrants / population.
 * Definition and source: MIGRATION.INTENSITY in ./definitions/rates.ts (CMI, there per 100).
 */
export function migrationIntensity(migrants: Count, population: Count): Rate {
  return divide(count(migrants, "migrants"), count(population, "population"), "population");
}

/**
 * Courgeau's k: 100 × migrants / population ÷ ln(regions²), the crude intensity scaled for
 * the number of regions the territory is divided into. Definition and source:
 * MIGRATION.COURGEAUK in ./definitions/rates.ts.
 */
export function courgeauK(migrants: Count, population: Count, regions: Count): number {
  const intensity = 100 * migrationIntensity(migrants, population);
  count(regions, "regions");
  if (!Number.isInteger(regions) || regions < 1) throw new MeasureError("outOfDomain", `regions must be a whole number of at least 1 (got ${regions})`);
  return divide(intensity, Math.log(regions * regions), "ln(regions²)");
}
