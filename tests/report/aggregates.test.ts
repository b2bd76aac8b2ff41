import { aggregateCodeReason, aggregateReason, sumsOfOthers } from "../../src/report/aggregates";

describe("aggregateReason: totals and aggregates by name and code", () => {
  test.each([
    ["Total", "total"],
    ["Total inflow [note 1]", "total"],
    ["Total outflow", "total"],
    ["Grand total", "total"],
    ["Sum", "total"],
    ["All", "total"],
    ["All countries", "total"],
    ["World", "total"],
    ["WORLD", "total"],
    ["World*", "total"],
    ["TOTAL", "total"],
    ["EU27_2020", "aggregate"],
    ["EXT_EU27_2020", "aggregate"],
    ["EU28", "aggregate"],
    ["EA20", "aggregate"],
    ["EFTA", "aggregate"],
    ["EUR", "aggregate"],
    ["EUR_OTH", "aggregate"],
    ["EUR_NEU27_2020", "aggregate"],
    ["AFR", "aggregate"],
    ["AFR_N", "aggregate"],
    ["AME_C_CRB", "aggregate"],
    ["ASI", "aggregate"],
    ["OCE", "aggregate"],
    ["UNK", "unknown"],
    ["Unknown", "unknown"],
    ["Not stated", "unknown"],
    ["Euro area", "aggregate"],
    ["OECD members", "aggregate"],
    ["Sub-Saharan Africa", "aggregate"],
    ["High income", "aggregate"],
    ["WLD", "aggregate"],
    ["EMU", "aggregate"],
  ])("%s is a %s", (label, kind) => expect(aggregateReason(label)?.kind).toBe(kind));

  test.each(["Germany", "Austria", "DE", "FR", "AUT", "UA", "EURO", "Europa", "Sumatra", "Allemagne", "Totalia"])("%s is a region", (label) =>
    expect(aggregateReason(label)).toBeUndefined(),
  );
  test("numbers are not judged by name", () => expect(aggregateReason(900)).toBeUndefined());
});

describe("aggregateCodeReason: UN location codes", () => {
  test("900 and above are aggregates (World 900, Europe 908, income groups 1500+)", () => {
    expect(aggregateCodeReason(900)?.why).toBe("a UN location code of 900 or more (900)");
    expect(aggregateCodeReason("1503")?.kind).toBe("aggregate");
  });
  test("country codes are below 900", () => {
    expect(aggregateCodeReason(276)).toBeUndefined();
    expect(aggregateCodeReason("40")).toBeUndefined();
  });
  test("text codes are judged as names", () => expect(aggregateCodeReason("EU27_2020")?.kind).toBe("aggregate"));
});

describe("sumsOfOthers", () => {
  test("a row equal to the sum of the other rows, blanks as 0", () => {
    expect(
      sumsOfOthers([
        [1, 2, null],
        [3, 0, 4],
        [5, 5, 5],
        [9, 7, 9],
      ]),
    ).toEqual([3]);
  });
  test("fewer than three others: never (two equal rows are not a total)", () => expect(sumsOfOthers([[1], [1]])).toEqual([]));
  test("an all-zero row is not a total of all-zero rows", () => expect(sumsOfOthers([[0], [0], [0], [0]])).toEqual([]));
  test("off by one anywhere: not a total", () => expect(sumsOfOthers([[1, 1], [2, 2], [3, 3], [6, 7]])).toEqual([]));
});
