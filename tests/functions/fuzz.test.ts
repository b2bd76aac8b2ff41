/**
 * Fuzzing the built bundle: whatever cells Excel hands over, a function returns a number, a
 * rectangular array, or a CustomFunctions.Error — it never throws anything else and never
 * returns NaN or Infinity as if it were a result.
 */
import fc from "fast-check";
import { CustomFunctionsError } from "../../scripts/lib/custom-functions-runtime";
import { loadBundle, readMetadata } from "../../scripts/lib/bundle";

const cf = loadBundle();
const metadata = readMetadata();
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS || 300);

const cell = fc.oneof(
  fc.double({ noNaN: false }),
  fc.integer({ min: -5, max: 1000 }),
  fc.constantFrom(null, "", "abc", "1,000", "=1+1", true, false, 0, 1, NaN, Infinity, -Infinity),
  fc.string({ maxLength: 5 }),
);
const grid = fc.integer({ min: 0, max: 5 }).chain((rows) => fc.integer({ min: 0, max: 5 }).chain((cols) => fc.array(fc.array(cell, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows })));
const ragged = fc.array(fc.array(cell, { maxLength: 4 }), { maxLength: 4 });

function checkOutcome(value: unknown): void {
  if (value instanceof CustomFunctionsError) return;
  if (typeof value === "number") {
    expect(Number.isFinite(value)).toBe(true);
    return;
  }
  expect(Array.isArray(value)).toBe(true);
  const rows = value as unknown[][];
  expect(rows.length).toBeGreaterThan(0);
  const width = rows[0].length;
  for (const row of rows) {
    expect(row.length).toBe(width);
    for (const c of row) {
      if (typeof c === "number") expect(Number.isFinite(c)).toBe(true);
      else expect(typeof c === "string" || c instanceof CustomFunctionsError).toBe(true);
    }
  }
}

describe.each(metadata.map((f) => [f.id, f] as const))("%s under arbitrary cells", (id, f) => {
  test(`${FUZZ_RUNS} runs: a number, an array or an Excel error, nothing else`, () => {
    const args = fc.tuple(
      ...f.parameters.map((p) => (p.dimensionality === "matrix" ? fc.oneof(grid, ragged, ...(p.optional ? [fc.constant(null)] : [])) : fc.oneof(cell, ...(p.optional ? [fc.constant(null)] : [])))),
    );
    fc.assert(
      fc.property(args, (a) => {
        let value: unknown;
        try {
          value = cf.registered.get(id)!(...a);
        } catch (thrown) {
          expect(thrown).toBeInstanceOf(CustomFunctionsError);
          return;
        }
        checkOutcome(value);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
});
