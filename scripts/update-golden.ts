/** Rewrites tests/functions/functions.golden.json from dist/functions.json after a deliberate metadata change. */
import { writeFileSync } from "fs";
import { join } from "path";
import { readMetadata } from "./lib/bundle";
import { goldenView } from "../tests/functions/golden";

const file = join(__dirname, "..", "tests", "functions", "functions.golden.json");
writeFileSync(file, JSON.stringify(goldenView(readMetadata()), null, 2) + "\n");
console.log(`wrote ${file}`);
