import { compoundedSchoolingCost, educationCost, netBrainDrain, relativeSkillShare, selectionRatio, skilledEmigrationRate } from "../../src/indicators/braindrain";
import { MeasureError } from "../../src/indicators/types";
import { iab } from "../support/samples";

function failsWith(kind: MeasureError["kind"], f: () => unknown) {
  expect(f).toThrow(MeasureError);
  try {
    f();
  } catch (e) {
    expect((e as MeasureError).kind).toBe(kind);
  }
}

describe("skilledEmigrationRate (Docquier & Marfouk)", () => {
  test("120 skilled abroad and 880 at home give 12%", () => {
    expect(skilledEmigrationRate(120, 880)).toBeCloseTo(0.12, 15);
  });
  test("nobody skilled at home or abroad has no rate (#DIV/0!)", () => failsWith("zeroDenominator", () => skilledEmigrationRate(0, 0)));
  test("a negative count is out of domain", () => failsWith("outOfDomain", () => skilledEmigrationRate(-1, 10)));
  test("NaN and Infinity from upstream are out of domain", () => {
    failsWith("outOfDomain", () => skilledEmigrationRate(NaN, 10));
    failsWith("outOfDomain", () => skilledEmigrationRate(10, Infinity));
  });
});

describe("netBrainDrain", () => {
  test("500 skilled leave and 200 arrive: a net drain of 300", () => expect(netBrainDrain(500, 200)).toBe(300));
  test("more skilled arrive than leave: a net gain, negative", () => expect(netBrainDrain(200, 500)).toBe(-300));
  test("divided by a base of 1,000 it is 0.3", () => expect(netBrainDrain(500, 200, 1000)).toBeCloseTo(0.3, 15));
  test("a zero base has no rate", () => failsWith("zeroDenominator", () => netBrainDrain(500, 200, 0)));
  test("a negative base is out of domain", () => failsWith("outOfDomain", () => netBrainDrain(500, 200, -5)));
});

describe("selectionRatio on the IAB panel (Brücker, Capuano & Marfouk 2013)", () => {
  const rows = iab();
  const ghana2010 = rows.find((r) => r.origin === "Ghana" && r.year === 2010 && r.gender === "Male and Female")!;
  test("Ghana 2010: the skilled emigrate about 12 times as often as everyone (27.3% vs 2.27%)", () => {
    expect(selectionRatio(ghana2010.high_rate as number, ghana2010.tot_rate as number)).toBeCloseTo(11.9835, 3);
  });
  test("every IAB row with a positive total rate gives a finite ratio, and the skilled are positively selected on average", () => {
    const ratios = rows.filter((r) => (r.tot_rate as number) > 0 && r.high_rate !== null).map((r) => selectionRatio(r.high_rate as number, r.tot_rate as number));
    expect(ratios.length).toBeGreaterThan(3000);
    ratios.forEach((x) => expect(Number.isFinite(x)).toBe(true));
    const median = [...ratios].sort((a, b) => a - b)[Math.floor(ratios.length / 2)];
    expect(median).toBeGreaterThan(1);
  });
  test("a rate above 1 is not a rate", () => failsWith("outOfDomain", () => selectionRatio(1.2, 0.1)));
  test("a zero total rate has no ratio", () => failsWith("zeroDenominator", () => selectionRatio(0.1, 0)));
});

describe("relativeSkillShare", () => {
  test("30% skilled abroad over 20% at home is 1.5", () => expect(relativeSkillShare(300, 1000, 2000, 10000)).toBeCloseTo(1.5, 15));
  test("more skilled emigrants than emigrants is a data error", () => failsWith("outOfDomain", () => relativeSkillShare(300, 200, 2000, 10000)));
  test("no skilled residents has no ratio", () => failsWith("zeroDenominator", () => relativeSkillShare(300, 1000, 0, 10000)));
  test("no emigrants has no ratio", () => failsWith("zeroDenominator", () => relativeSkillShare(0, 0, 10, 100)));
});

describe("educationCost (Mills et al., BMJ 2011)", () => {
  test("three years at 100 compounded at 10%: 121 + 110 + 100 = 331 per person", () => {
    expect(compoundedSchoolingCost([100, 100, 100], 0.1)).toBeCloseTo(331, 10);
    expect(educationCost(2, [100, 100, 100], 0.1)).toBeCloseTo(662, 10);
  });
  test("without interest it is the plain sum of the yearly costs", () => expect(educationCost(3, [10, 20, 30])).toBe(180));
  test("the first year is compounded most: order matters", () => {
    expect(compoundedSchoolingCost([100, 0], 0.5)).toBeCloseTo(150, 12);
    expect(compoundedSchoolingCost([0, 100], 0.5)).toBeCloseTo(100, 12);
  });
  test("no costs, a negative cost or an interest rate of −100% or below are errors", () => {
    failsWith("invalid", () => educationCost(1, []));
    failsWith("outOfDomain", () => educationCost(1, [100, -1]));
    failsWith("outOfDomain", () => educationCost(1, [100], -1));
  });
});
