/**
 * The seed of every fast-check property: fixed for `npm test`, so a run is reproducible and CI
 * cannot fail by chance; `FUZZ_SEED=<n>` (what `npm run fuzz` sets and prints) replays or
 * explores another one. A counterexample found that way becomes a regression test with its
 * inputs written out.
 */
export const FIXED_SEED = 20240102;

export function propertySeed(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.FUZZ_SEED;
  if (raw === undefined || raw === "") return FIXED_SEED;
  const seed = Number(raw);
  if (!Number.isSafeInteger(seed)) throw new Error(`FUZZ_SEED must be an integer, not ${JSON.stringify(raw)}`);
  return seed;
}
