/**
 * The catalog functions a report's Definitions sheet lists: those of the registry entries its
 * sheets write, in the order the sheets show them, each once.
 */
export function functionsOf(entries: readonly { readonly fn: string }[]): string[] {
  return [...new Set(entries.map((e) => e.fn))];
}
