import fc from "fast-check";

/** A square flow matrix of order min..max with non-negative integer flows and a zero diagonal. */
export function matrixArb(min: number, max: number, maxFlow = 10000): fc.Arbitrary<number[][]> {
  return fc.integer({ min, max }).chain((n) =>
    fc.array(fc.array(fc.integer({ min: 0, max: maxFlow }), { minLength: n, maxLength: n }), { minLength: n, maxLength: n }).map((m) => m.map((row, i) => row.map((x, j) => (i === j ? 0 : x)))),
  );
}
