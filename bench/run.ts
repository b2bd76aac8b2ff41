/**
 * `npm run bench`: runs every benchmark module in turn (each prints its JSON lines), then the
 * process's memory. Add a module here when it is written (e.g. the report engine's).
 */
import { emit, round } from "./lib";
import * as estimation from "./estimation";
import * as functions from "./functions";
import * as large from "./large";
import * as largeXlsx from "./large-xlsx";
import * as office from "./office";
import * as report from "./report";

const modules: { run(): void | Promise<void> }[] = [functions, estimation, report, office, large, largeXlsx];

(async () => {
  for (const m of modules) await m.run();
  emit({ name: "memory", figures: { rss: round(process.memoryUsage().rss / 2 ** 20, 1) }, unit: "MB" });
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
