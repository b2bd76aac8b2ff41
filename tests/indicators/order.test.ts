import fc from "fast-check";
import { ascendingOrder } from "../../src/indicators/order";

const options = { seed: 20261205, numRuns: 300 };

/** Checks that `order` is a permutation of the positions of `xs` that lists them by ascending value, ties in position order. */
function expectAscending(xs: number[], order: Uint32Array): void {
  expect(order.length).toBe(xs.length);
  expect(new Set(order).size).toBe(xs.length);
  for (let k = 1; k < order.length; k++) {
    const a = xs[order[k - 1]];
    const b = xs[order[k]];
    expect(a).toBeLessThanOrEqual(b);
    if (a === b) expect(order[k - 1]).toBeLessThan(order[k]);
  }
}

describe("ascendingOrder", () => {
  test("orders whole numbers, fractions, zeros and very large and very small numbers, ties in position order", () => {
    const value = fc.oneof(
      fc.integer({ min: 0, max: 4 }),
      fc.integer({ min: 0, max: 2 ** 40 }),
      fc.double({ min: 0, max: 1e6, noNaN: true }),
      fc.double({ min: 0, max: Number.MAX_VALUE, noNaN: true, noDefaultInfinity: true }),
      fc.double({ min: 0, max: 1e-300, noNaN: true }),
    );
    fc.assert(
      fc.property(fc.array(value, { maxLength: 400 }), (xs) => {
        const values = Float64Array.from(xs);
        expectAscending(xs, ascendingOrder(values));
        expect(Array.from(values)).toEqual(xs); // the values are left as they were
      }),
      options,
    );
  });

  test("sorts −0 as 0, in position order among the zeros", () => {
    const xs = [3, -0, 0, 1, -0, 2];
    expect(Array.from(ascendingOrder(Float64Array.from(xs)))).toEqual([1, 2, 4, 3, 5, 0]);
  });

  test("an empty list and a list of one", () => {
    expect(Array.from(ascendingOrder(new Float64Array(0)))).toEqual([]);
    expect(Array.from(ascendingOrder(Float64Array.of(7)))).toEqual([0]);
  });

  test("a part of a larger buffer is read where it lies", () => {
    const whole = Float64Array.of(9, 5, 1, 3, 0);
    expect(Array.from(ascendingOrder(whole.subarray(1, 4)))).toEqual([1, 2, 0]);
  });
});
