/**
 * `npm run bench`: runs every benchmark module in turn (each prints its JSON lines), then the
 * process's memory. Add a module here when it is written (e.g. the report engine's).
 */
import { emit, round } from "./lib";
import * as functions from "./functions";

const modules: { run(): void }[] = [functions];

for (const m of modules) m.run();
emit({ name: "memory", figures: { rss: round(process.memoryUsage().rss / 2 ** 20, 1) }, unit: "MB" });
