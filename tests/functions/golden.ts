import { FunctionMetadata } from "../../scripts/lib/bundle";

/**
 * The part of functions.json that is the public interface: names, argument names and order,
 * types, dimensionality and optional flags, result shape. Descriptions may be reworded
 * without touching the golden file; these may not change by accident.
 */
export function goldenView(metadata: FunctionMetadata[]) {
  return metadata.map((f) => ({
    id: f.id,
    name: f.name,
    parameters: f.parameters.map((p) => ({ name: p.name, type: p.type, dimensionality: p.dimensionality ?? "scalar", optional: p.optional ?? false })),
    result: { type: f.result.type ?? "any", dimensionality: f.result.dimensionality ?? "scalar" },
  }));
}
