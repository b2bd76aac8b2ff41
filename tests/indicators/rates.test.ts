import fc from "fast-check";
import { courgeauK, grossMigrationRate, migrationEffectiveness, migrationIntensity, netMigration, netMigrationRate } from "../../src/indicators/rates";
import { MeasureError } from "../../src/indicators/types";

// A region of 50,000 people with 1,200 moving in and 800 moving out.
describe("rates of one region", () => {
  test("net migration: 1,200 − 800 = 400", () => expect(netMigration(1200, 800)).toBe(400));
  test("net migration rate: 8 per 1,000 by default, 0.8 per 100", () => {
    expect(netMigrationRate(1200, 800, 50000)).toBeCloseTo(8, 12);
    expect(netMigrationRate(1200, 800, 50000, 100)).toBeCloseTo(0.8, 12);
  });
  test("gross migration rate: 40 per 1,000", () => expect(grossMigrationRate(1200, 800, 50000)).toBeCloseTo(40, 12));
  test("effectiveness: 400 / 2,000 = 0.2", () => expect(migrationEffectiveness(1200, 800)).toBeCloseTo(0.2, 15));
  test("intensity: 2,000 / 50,000 = 0.04", () => expect(migrationIntensity(2000, 50000)).toBeCloseTo(0.04, 15));
  test("Courgeau's k with 10 regions: 100 × 0.04 ÷ ln(100) = 0.8686", () => expect(courgeauK(2000, 50000, 10)).toBeCloseTo(0.8685889638065035, 14));
  test("zero population, zero turnover and a single region have no value", () => {
    expect(() => netMigrationRate(1, 1, 0)).toThrow(/population is 0/);
    expect(() => migrationEffectiveness(0, 0)).toThrow(/inflow \+ outflow is 0/);
    expect(() => courgeauK(10, 100, 1)).toThrow(/ln\(regions²\) is 0/);
  });
  test("a zero or negative per, a fractional number of regions and negative counts are out of domain", () => {
    for (const f of [() => netMigrationRate(1, 1, 10, 0), () => grossMigrationRate(1, 1, 10, -5), () => courgeauK(1, 10, 2.5), () => netMigration(-1, 0), () => migrationIntensity(1, -10)]) {
      expect(f).toThrow(MeasureError);
      try {
        f();
      } catch (e) {
        expect((e as MeasureError).kind).toBe("outOfDomain");
      }
    }
  });
  test("properties: effectiveness within [−1, 1] and net rate = per × effectiveness × gross rate ÷ per", () => {
    const c = fc.integer({ min: 0, max: 1e7 });
    fc.assert(
      fc.property(c, c, fc.integer({ min: 1, max: 1e8 }), (i, o, p) => {
        if (i + o === 0) return;
        const e = migrationEffectiveness(i, o);
        expect(Math.abs(e)).toBeLessThanOrEqual(1);
        expect(netMigrationRate(i, o, p)).toBeCloseTo(e * grossMigrationRate(i, o, p), 6);
      }),
    );
  });
});
