import { execSync } from "child_process";
import { existsSync, readFileSync } from "fs";
import { join } from "path";
import { runInNewContext } from "vm";
import { CustomFunctionsStandIn, makeCustomFunctions } from "./custom-functions-runtime";

export const ROOT = join(__dirname, "..", "..");
export const DIST = join(ROOT, "dist");

/** One function's entry in dist/functions.json. */
export interface FunctionMetadata {
  id: string;
  name: string;
  description: string;
  helpUrl: string;
  parameters: { name: string; description: string; type: string; dimensionality?: string; optional?: boolean }[];
  result: { type?: string; dimensionality?: string };
}

/** Builds dist/ once if a suite runs without `npm test` having built it. */
export function ensureBuilt(): void {
  if (!existsSync(join(DIST, "functions.js")) || !existsSync(join(DIST, "functions.json"))) {
    execSync("npx webpack --mode production", { cwd: ROOT, stdio: "inherit" });
  }
}

export function readMetadata(): FunctionMetadata[] {
  ensureBuilt();
  return JSON.parse(readFileSync(join(DIST, "functions.json"), "utf8")).functions;
}

/**
 * Loads the built dist/functions.js as Excel's JavaScript-only runtime does: a fresh global
 * scope holding `CustomFunctions`, in which the bundle registers its functions.
 */
export function loadBundle(): CustomFunctionsStandIn {
  ensureBuilt();
  const cf = makeCustomFunctions();
  runInNewContext(readFileSync(join(DIST, "functions.js"), "utf8"), { CustomFunctions: cf, console }, { filename: "functions.js" });
  return cf;
}
