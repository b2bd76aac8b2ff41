/**
 * The task pane in headless Chromium, as a user drives it: the air-gapped build (office.js from
 * the npm package) served from a local HTTP server, the Excel test double bundled for the
 * browser and installed as the global `Excel`, every request that leaves localhost blocked and
 * counted as a failure. Select a sample, check what the pane understood, change a role, build,
 * then check the sheets the double received and what the pane says; in English and Ukrainian,
 * with axe-core before and after, and screenshots at 320 px in test-artifacts/.
 */
import { stockList } from "../support/stocks";
import { readFileSync, statSync } from "fs";
import { join } from "path";
import { BrowserContext, Page } from "playwright-core";
import { applyOverrides, detect } from "../../src/report/detect";
import { planReport } from "../../src/report/plan";
import type { SourceBlock } from "../../src/report/types";
import { formatNumber } from "../../src/taskpane/i18n";
import { ARTIFACTS, usePaneSite } from "../support/pane-page";
import { NATIONAL_SHEET, NATIONAL_TOTAL } from "../support/matrices";
import { readSample } from "../support/samples";

type Cells = (string | number | boolean | null)[][];
interface InitialWorkbook {
  sheets: { name: string; values: Cells }[];
  activeSheet?: string;
  selection?: string;
}

const sample = (file: string) => readSample(file) as Cells;

const site = usePaneSite("taskpane-dist-");

// ---------------------------------------------------------------------------------------------
// Opening the pane

interface Pane {
  page: Page;
  context: BrowserContext;
  /** Requests that tried to leave localhost (blocked). */
  external: string[];
  /** Uncaught exceptions and console errors in the page. */
  errors: string[];
  close(): Promise<void>;
}

/**
 * Opens the built pane at 320 px. `workbook`: the double's contents and selection (none: plain
 * Chromium, no Excel). `displayLanguage`: what Office.context.displayLanguage says once
 * office.js is ready (outside Excel it says nothing, so the test supplies it).
 */
async function openPane(options: { workbook?: InitialWorkbook; displayLanguage?: string; slowSyncMs?: number }): Promise<Pane> {
  const context = await site.browser.newContext({ viewport: { width: 320, height: 900 }, locale: "en-US", deviceScaleFactor: 1 });
  const page = await context.newPage();
  const external: string[] = [];
  const errors: string[] = [];
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(`${site.origin}/`)) return route.continue();
    external.push(url);
    return route.abort("blockedbyclient");
  });
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(`console: ${m.text()}`);
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI} from ${e.sourceFile}`));
  });
  if (options.workbook) {
    await page.addInitScript({ content: site.doubleBundle });
    await page.addInitScript(
      ({ workbook, slowSyncMs }) => {
        const w = window as unknown as { ExcelDouble: { createExcelDouble(i: unknown): { Excel: { RequestContext: { prototype: { sync(): Promise<void> } } } } }; __double: unknown; Excel: unknown };
        const double = w.ExcelDouble.createExcelDouble(workbook);
        if (slowSyncMs) {
          // Latency, so that a cancel lands while the host is still writing.
          const proto = double.Excel.RequestContext.prototype;
          const sync = proto.sync;
          proto.sync = async function (this: unknown) {
            await new Promise((r) => setTimeout(r, slowSyncMs));
            return sync.call(this);
          };
        }
        w.__double = double;
        w.Excel = double.Excel;
      },
      { workbook: options.workbook, slowSyncMs: options.slowSyncMs ?? 0 },
    );
  }
  if (options.displayLanguage) {
    // office.js builds Office.context during initialisation; the pane reads the language once
    // onReady resolves. After parsing (office.js has run, the deferred pane script has not),
    // wrap onReady so the context reports the language before the pane asks.
    await page.addInitScript((lang) => {
      document.addEventListener("readystatechange", () => {
        const office = (window as unknown as { Office?: { onReady: (cb?: (i: unknown) => void) => Promise<unknown>; context: object } }).Office;
        if (document.readyState !== "interactive" || !office) return;
        const onReady = office.onReady;
        office.onReady = (cb) =>
          onReady.call(office).then((info) => {
            Object.defineProperty(office.context, "displayLanguage", { configurable: true, get: () => lang });
            if (cb) cb(info);
            return info;
          });
      });
    }, options.displayLanguage);
  }
  await page.goto(`${site.origin}/taskpane.html`);
  await page.locator('[data-key="use-selection"]').waitFor({ state: "visible", timeout: 15_000 });
  return { page, context, external, errors, close: () => context.close() };
}

/** axe-core on the pane: no serious or critical violations. */
async function expectAccessible(page: Page, when: string): Promise<void> {
  await page.evaluate(site.axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const r = await axe.run(document, { resultTypes: ["violations"] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(" ")).slice(0, 5) }));
  });
  const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect({ when, serious }).toEqual({ when, serious: [] });
}

/**
 * office.js, loaded outside Office, sooner or later adds a hidden telemetry iframe
 * (telemetryservice.firstpartyapps.oaspapps.com) with an inline style: the pane's CSP blocks
 * both, as it should (the add-in sends nothing anywhere). Those two, from office.js's own files,
 * are expected; any other violation, or any from the pane's code, fails.
 */
const OFFICE_TELEMETRY = /^(frame-src https:\/\/telemetryservice\.firstpartyapps\.oaspapps\.com|style-src-attr inline) from http:\/\/127\.0\.0\.1:\d+\/office-js\//;

/** A console error Chromium prints for a CSP violation (its event carries the source file). */
const CSP_CONSOLE = /Content Security Policy/;

/**
 * Nothing left localhost, no CSP violation of ours, no uncaught error. Chromium prints a CSP
 * violation to the console before it dispatches the violation's event, so first wait until
 * every violation printed so far has been recorded with its source file; then the console
 * lines are judged by those records, whichever arrived first.
 */
async function expectClean(pane: Pane): Promise<void> {
  const printed = pane.errors.filter((e) => CSP_CONSOLE.test(e)).length;
  await pane.page.waitForFunction((n) => (window as unknown as { __csp: string[] }).__csp.length >= n, printed, { timeout: 10_000 });
  const all = await pane.page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
  const csp = all.filter((v) => !OFFICE_TELEMETRY.test(v));
  const errors = pane.errors.filter((e) => !(CSP_CONSOLE.test(e) && /telemetryservice|inline style/.test(e)));
  expect({ external: pane.external, csp, errors }).toEqual({ external: [], csp: [], errors: [] });
}

/** The double's workbook as plain data. */
function workbookState(page: Page) {
  return page.evaluate(() => {
    type Sheet = { name: string; values(a?: string): unknown[][]; formulas(a?: string): unknown[][]; tables: { name: string }[]; charts: { title: string }[] };
    const wb = (window as unknown as { __double: { workbook: { sheets: Sheet[]; activeSheet: string; log: unknown[] } } }).__double.workbook;
    return {
      names: wb.sheets.map((s) => s.name),
      active: wb.activeSheet,
      writes: wb.log.length,
      sheets: Object.fromEntries(
        wb.sheets.map((s) => [s.name, { values: s.values(), formulas: s.formulas(), tables: s.tables.map((t) => t.name), charts: s.charts.length }]),
      ),
    };
  });
}

function found(page: Page) {
  return page.locator("section.found");
}

async function dd(page: Page, term: string): Promise<string> {
  return (await found(page).locator(`dl.where dt:text-is("${term}") + dd`).textContent()) ?? "";
}

async function mapping(page: Page): Promise<{ column: string; role: string; note: string }[]> {
  return page.locator("ul.mapping li").evaluateAll((rows) =>
    rows.map((r) => ({
      column: `${r.querySelector(".letters")?.textContent} ${r.querySelector(".header-text")?.textContent}`,
      role: (r.querySelector("select") as HTMLSelectElement).value,
      note: r.querySelector(".note")?.textContent ?? "",
    })),
  );
}

/** Presses the pane's build button (its label in the pane's language) and waits for the result. */
async function buildReport(page: Page, button = "Build report"): Promise<void> {
  await page.getByRole("button", { name: button }).click();
  await page.locator("section.result").waitFor({ timeout: 30_000 });
}

async function headline(page: Page): Promise<Record<string, string>> {
  return page.locator("dl.headline").evaluate((dl) => {
    const out: Record<string, string> = {};
    dl.querySelectorAll("dt").forEach((dt) => (out[dt.textContent ?? ""] = dt.nextElementSibling?.textContent ?? ""));
    return out;
  });
}

/** Ukrainian groups digits with a no-break space (U+00A0 or U+202F, by ICU version). */
const norm = (s: string | null | undefined) => (s ?? "").replace(/[\u00a0\u202f]/g, " ");

// ---------------------------------------------------------------------------------------------
// The tests

const ukRows = sample("uk-interregional-flows-2018.csv");
const erasmusRows = sample("erasmus-student-mobility-2012-13.csv");
const iabRows = sample("iab-emigration-rates-1980-2010.csv");

test("English: a long list is read, two roles are swapped from the drop-downs, and the report is built", async () => {
  const workbook: InitialWorkbook = {
    sheets: [
      { name: "Erasmus", values: erasmusRows },
      { name: "UK flows", values: ukRows },
    ],
    activeSheet: "UK flows",
    selection: "'UK flows'!A1:C145",
  };
  const pane = await openPane({ workbook });
  const { page } = pane;
  try {
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("en-US");
    expect(await page.locator("h1").textContent()).toBe("Migration Analytics");
    await expect(page.locator('[data-key="build"]').isDisabled()).resolves.toBe(true);
    await expectAccessible(page, "English, before reading");

    await page.getByRole("button", { name: "Use selection" }).click();
    await found(page).waitFor();
    // Focus moves to what was found, for keyboard and screen-reader users.
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.key)).toBe("found");
    expect(await dd(page, "Sheet")).toBe("UK flows");
    expect(await dd(page, "Range")).toBe("A1:C145");
    expect(await page.getByLabel("Shape").inputValue()).toBe("long");
    expect(await page.locator("p.confidence").textContent()).toBe("Confidence: 93% (high)");
    expect(await found(page).locator("ul.reasons li").first().textContent()).toBe("Long list: 144 flows between 12 regions, header in row 1.");
    expect(await mapping(page)).toEqual([
      { column: "A orig", role: "origin", note: "match 90%" },
      { column: "B dest", role: "destination", note: "match 90%" },
      { column: "C flow", role: "flow", note: "match 100%" },
    ]);
    // The drop-downs offer the long list's roles and "not used".
    const options = await page.getByLabel("Role of column A “orig”").locator("option").allTextContents();
    expect(options).toEqual(["— not used —", "Origin", "Destination", "Flow", "Year", "Group"]);
    expect(await page.locator("section.problems").textContent()).toContain("No problems found in the cells the report uses.");
    // Nothing is written before the user builds.
    expect((await workbookState(page)).writes).toBe(0);

    // The user says the columns run the other way: A is the destination, B the origin.
    // As a user does: focus the drop-down, pick a role.
    await page.getByLabel("Role of column A “orig”").focus();
    await page.getByLabel("Role of column A “orig”").selectOption("destination");
    expect((await mapping(page)).map((m) => m.role)).toEqual(["destination", "", "flow"]);
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.key)).toBe("role-0"); // focus stays put
    await page.getByLabel("Role of column B “dest”").focus();
    await page.getByLabel("Role of column B “dest”").selectOption("origin");
    expect(await mapping(page)).toEqual([
      { column: "A orig", role: "destination", note: "set by you" },
      { column: "B dest", role: "origin", note: "set by you" },
      { column: "C flow", role: "flow", note: "match 100%" },
    ]);

    // Sharing modes, each with what a colleague without the add-in sees.
    expect(await page.getByLabel("Live native formulas").isChecked()).toBe(true);
    for (const name of ["Live native formulas", "Add-in formulas", "Values only"]) {
      const describedBy = await page.getByLabel(name).getAttribute("aria-describedby");
      expect(await page.locator(`#${describedBy}`).textContent()).toMatch(/colleague/i);
    }

    await buildReport(page);
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.key)).toBe("result");

    // What the double received: new sheets beside the untouched source, the summary active.
    const wb = await workbookState(page);
    const created = ["Migration Summary", "Flow Matrix", "Corridors", "Definitions"];
    expect(wb.names.slice(0, 2)).toEqual(["Erasmus", "UK flows"]);
    expect([...wb.names.slice(2)].sort()).toEqual([...created].sort());
    expect(wb.active).toBe("Migration Summary");
    expect(wb.sheets["UK flows"].values.slice(0, 145).map((r) => r.slice(0, 3))).toEqual(ukRows.map((r) => r.map((v) => (v === null ? "" : v))));
    expect(wb.sheets["UK flows"].formulas.flat().some((f) => typeof f === "string" && f.startsWith("="))).toBe(false);
    // Live native formulas referencing the source; a table and a native chart on the summary.
    const summaryFormulas = wb.sheets["Migration Summary"].formulas.flat().filter((f): f is string => typeof f === "string" && f.startsWith("="));
    expect(summaryFormulas.length).toBeGreaterThan(20);
    expect(summaryFormulas.some((f) => f.includes("'Flow Matrix'!"))).toBe(true);
    // The flow matrix pivots the source with live formulas; after the swap, origins come from column B.
    const pivot = wb.sheets["Flow Matrix"].formulas.flat().filter((f): f is string => typeof f === "string" && f.startsWith("="));
    expect(pivot.length).toBe(144);
    // Each pair's formula matches origins (column B) and destinations (column A) with the row labels, as Excel compares labels.
    expect(pivot.every((f) => /^=IF\(SUMPRODUCT\(\(TRIM\('UK flows'!\$B\$2:\$B\$145&""\)=\(\$A\$\d+&""\)\)\*\(TRIM\('UK flows'!\$A\$2:\$A\$145&""\)=\(\$A\$\d+&""\)\)/.test(f))).toBe(true);
    expect(pivot.some((f) => f.includes(`(TRIM('UK flows'!$B$2:$B$145&"")=($A$4&""))`))).toBe(true);
    expect(summaryFormulas.some((f) => /BRAINDRAIN\.|MIGRATION\.|CIRCULATION\./.test(f))).toBe(false);
    expect(wb.sheets["Migration Summary"].tables.length).toBeGreaterThan(0);
    expect(wb.sheets["Migration Summary"].charts).toBeGreaterThan(0);
    // The swap reached the report: the largest corridor now runs South East → London (the
    // flows themselves are formulas on the flow matrix, which the double does not calculate).
    const corridors = wb.sheets["Corridors"].values.map((r) => r.slice(0, 2).join(" → "));
    const header = corridors.indexOf("Origin → Destination");
    expect(header).toBeGreaterThan(-1);
    expect(corridors.slice(header + 1, header + 3)).toEqual(["South East → London", "East → London"]);

    // What the pane says.
    expect(await page.locator("section.result h3").textContent()).toBe("Report written");
    expect([...(await page.locator("ul.sheets li").allTextContents())].sort()).toEqual([...created].sort());
    expect(await page.locator("section.result").textContent()).toContain("Now showing: Migration Summary");
    const h = await headline(page);
    expect(h["Regions"]).toBe("12");
    expect(h["Total flows"]).toBe("1,591,416");
    expect(h["Largest corridor"]).toBe("South East → London (124751)");
    expect(await page.locator('[role="status"]').textContent()).toBe("The report is written. Your data were not changed.");
    expect(await page.locator('[role="alert"]').textContent()).toBe("");

    await expectAccessible(page, "English, after building");
    await page.screenshot({ path: join(ARTIFACTS, "taskpane-en.png"), fullPage: true });
    await expectClean(pane);
  } finally {
    await pane.close();
  }
}, 60_000);

test("Ukrainian (Office's display language uk-UA): a country table, a role changed, values only", async () => {
  const workbook: InitialWorkbook = { sheets: [{ name: "IAB", values: iabRows }], selection: "IAB!A1:H4117" };
  const pane = await openPane({ workbook, displayLanguage: "uk-UA" });
  const { page } = pane;
  try {
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("uk-UA");
    expect(await page.getByLabel("Language / Мова").inputValue()).toBe("uk");
    await expectAccessible(page, "Ukrainian, before reading");

    await page.getByRole("button", { name: "Використати виділення" }).click();
    await found(page).waitFor({ timeout: 30_000 });
    expect(await found(page).locator("h3").textContent()).toBe("Що знайшла надбудова");
    expect(await dd(page, "Аркуш")).toBe("IAB");
    expect(await dd(page, "Діапазон")).toBe("A1:H4117");
    const shape = page.getByLabel("Форма даних");
    expect(await shape.inputValue()).toBe("table");
    expect(await shape.locator("option:checked").textContent()).toBe("Таблиця країн або регіонів");
    expect(norm(await found(page).locator("ul.reasons li").first().textContent())).toBe("Таблиця країн: 4 116 рядків, 196 регіонів, 7 періодів, заголовок у рядку 1.");

    // The periods found, and the picker: the latest by default, every period offered, latest first.
    const periods = page.locator("section.periods");
    expect(await periods.locator("h4").textContent()).toBe("Періоди");
    expect(await periods.locator('[data-key="periods-found"]').textContent()).toBe("Періодів: 7, 1980–2010");
    const picker = page.getByLabel("Побудувати звіт за");
    expect(await picker.inputValue()).toBe("2010");
    expect(await picker.locator("option").allTextContents()).toEqual(["2010 (останній)", "2005", "2000", "1995", "1990", "1985", "1980"]);
    // The first period: Afghanistan's 1980 row is then in the report (checked below).
    await picker.selectOption("1980");
    expect(await page.getByLabel("Побудувати звіт за").inputValue()).toBe("1980");
    await expectAccessible(page, "Ukrainian, the period picker");
    expect(await mapping(page)).toEqual([
      { column: "A origin", role: "region", note: "збіг 90%" },
      { column: "B ccode_origin", role: "code", note: "збіг 70%" },
      { column: "C gender", role: "group", note: "збіг 90%" },
      { column: "D year", role: "year", note: "збіг 100%" },
      { column: "E tot_rate", role: "totalRate", note: "збіг 90%" },
      { column: "F low_rate", role: "", note: "" },
      { column: "G med_rate", role: "", note: "" },
      { column: "H high_rate", role: "skilledRate", note: "збіг 90%" },
    ]);
    const roleG = page.getByLabel("Роль стовпця G «med_rate»");
    expect(await roleG.locator("option").first().textContent()).toBe("— не використовується —");

    // The user wants the selection ratio of the medium-skilled: G takes the skilled rate from H.
    await roleG.selectOption({ label: "Рівень еміграції кваліфікованих" });
    expect((await mapping(page)).map((m) => m.role)).toEqual(["region", "code", "group", "year", "totalRate", "", "skilledRate", ""]);
    await page.getByLabel("Лише значення").check();
    expect(await page.locator(`#${await page.getByLabel("Лише значення").getAttribute("aria-describedby")}`).textContent()).toMatch(/^Колега бачить ті самі числа/);

    await buildReport(page, "Побудувати звіт");
    expect(await page.locator("section.result h3").textContent()).toBe("Звіт записано");

    // The same choices in the engine, in Node, give the numbers the pane must show.
    const block: SourceBlock = { sheet: "IAB", top: 0, left: 0, values: iabRows, provenance: "IAB!A1:H4117" };
    const plan = planReport(block, applyOverrides(block, detect(block), { map: { skilledRate: 6 } }), { mode: "values", now: new Date(), hostDrawsCharts: true, period: "1980" });
    const median = plan.headline.find((x) => x.code === "median" && x.measure.startsWith("Selection ratio"))!.value as number;
    const h = await headline(page);
    expect(norm(h["Період"])).toBe("1980");
    expect(norm(h["Рядків"])).toBe("585"); // 1980's 588 rows less its 3 "World" rows, an aggregate left out
    expect(norm(h["Медіана: коефіцієнт відбору (кваліфіковані ÷ загальний рівень еміграції)"])).toBe(norm(formatNumber(median, "uk")));
    expect(await page.locator("section.result").textContent()).toContain("Спільний доступ: Лише значення");

    // Values only: numbers in the sheets, no formula anywhere; the ratio is med_rate ÷ tot_rate.
    const wb = await workbookState(page);
    expect(wb.names[0]).toBe("IAB");
    expect([...wb.names.slice(1)].sort()).toEqual(["Definitions", "Migration Summary", "Trajectories", "Trends"]);
    for (const name of wb.names.slice(1)) expect(wb.sheets[name].formulas.flat().filter((f) => typeof f === "string" && f.startsWith("="))).toEqual([]);
    const afghanistan1980 = (iabRows[1][6] as number) / (iabRows[1][4] as number);
    expect(wb.sheets["Migration Summary"].values.flat().some((v) => typeof v === "number" && Math.abs(v - afghanistan1980) < 1e-9)).toBe(true);

    await expectAccessible(page, "Ukrainian, after building");
    await page.screenshot({ path: join(ARTIFACTS, "taskpane-uk.png"), fullPage: true });
    await expectClean(pane);
  } finally {
    await pane.close();
  }
}, 90_000);

test("Ukrainian from the pane's switch: a matrix, its reasons in Ukrainian, and the built report's summary", async () => {
  const pane = await openPane({ workbook: { sheets: [{ name: "Erasmus", values: erasmusRows }], selection: "Erasmus!A1:AH34" } });
  const { page } = pane;
  try {
    await page.getByRole("button", { name: "Use selection" }).click();
    await found(page).waitFor();
    expect(await page.getByLabel("Shape").inputValue()).toBe("matrix");
    expect(await found(page).locator("ul.mapping").count()).toBe(0);
    await page.getByLabel("Language / Мова").selectOption("uk");
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("uk-UA");
    expect(await page.getByLabel("Мова", { exact: false }).inputValue()).toBe("uk");
    expect(await found(page).locator("ul.reasons li").first().textContent()).toBe("Матриця 33 × 33 потоків, підписи у рядку 1 і у стовпці A; рядки — звідки, стовпці — куди (кутова клітинка «home\\host» не враховується).");
    // Every reason is worded in Ukrainian from its code: no English copy is needed beside them.
    expect(await found(page).locator("details.english").count()).toBe(0);
    expect(await found(page).locator("ul.reasons li").nth(2).textContent()).toBe("Порожні клітинки вважаються відсутнім потоком (0); діагональ лишається як є, і показники її не враховують.");
    expect(await found(page).textContent()).toContain("Упевненість: 95");
    await buildReport(page, "Побудувати звіт");
    const h = await headline(page);
    expect(norm(h["Усього переміщень"])).toBe("268 142");
    expect(h["Регіонів"]).toBe("33");
    expect(h["Індекс ефективності міграції (MEI)"]).toBe(formatNumber(0.15150554556913873, "uk"));
    expect(h["Індекс ефективності міграції (MEI)"]).toBe("0,1515");
    // Back to English: the same result, re-worded.
    await page.getByLabel("Language / Мова").selectOption("en");
    expect((await headline(page))["Total flows"]).toBe("268,142");
    await expectAccessible(page, "matrix report, after switching languages");
    await expectClean(pane);
  } finally {
    await pane.close();
  }
}, 60_000);

test("rows left out as totals or aggregates are listed with why; unticking one keeps it as a region in the report", async () => {
  const values: Cells = [
    ["Country", "Location code", "Immigrants", "Emigrants"],
    ["World", 900, 9000, 9000],
    ["Austria", 40, 100, 50],
    ["Belgium", 56, 200, 70],
    ["Europe", 908, 5000, 4000],
    ["France", 250, 300, 90],
  ];
  const pane = await openPane({ workbook: { sheets: [{ name: "Data", values }], selection: "Data!A1:D6" } });
  const { page } = pane;
  try {
    await page.getByRole("button", { name: "Use selection" }).click();
    await found(page).waitFor();
    const list = found(page).locator("section.left-out");
    expect(await list.locator("h4").textContent()).toBe("Left out of the regions (2)");
    const world = page.getByLabel("World (row 2, A2): a total");
    const europe = page.getByLabel("Europe (row 5, B5): a region or group (UN location code of 900 or more)");
    expect(await world.isChecked()).toBe(true);
    expect(await europe.isChecked()).toBe(true);
    await expectAccessible(page, "rows left out listed");
    await europe.uncheck();
    expect(await list.locator("h4").textContent()).toBe("Left out of the regions (1)");
    expect(await page.getByLabel("Europe (row 5, B5): a region or group (UN location code of 900 or more)").isChecked()).toBe(false);
    await buildReport(page);
    expect((await headline(page))["Rows"]).toBe("4");
    await expectClean(pane);
  } finally {
    await pane.close();
  }
}, 60_000);

test("note and source lines under a country table are listed as left out with a box each; a country with no numbers stays a row", async () => {
  const values: Cells = [
    ["Country", "Immigrants", "Emigrants", "Population"],
    ["Austria", 1797667, 600000, 9006000],
    ["Liechtenstein", null, null, null],
    ["France", 8524876, 2000000, 65274000],
    ["Source: National Statistics Office, 2023", null, null, null],
    ["Note: figures for 2022 are provisional.", null, null, null],
  ];
  const pane = await openPane({ workbook: { sheets: [{ name: "Data", values }], selection: "Data!A1:D6" } });
  const { page } = pane;
  try {
    await page.getByRole("button", { name: "Use selection" }).click();
    await found(page).waitFor();
    const list = found(page).locator("section.left-out");
    expect(await list.locator("h4").textContent()).toBe("Left out of the regions (2)");
    const source = page.getByLabel("Source: National Statistics Office, 2023 (row 5, A5): a note or source line (text, no number)");
    expect(await source.isChecked()).toBe(true);
    expect(await page.getByLabel("Note: figures for 2022 are provisional. (row 6, A6): a note or source line (text, no number)").isChecked()).toBe(true);
    await page.getByLabel("Language / Мова").selectOption("uk");
    expect(await list.locator("li").allTextContents()).toEqual(["Source: National Statistics Office, 2023 (рядок 5, A5): примітка або джерело (текст без чисел)", "Note: figures for 2022 are provisional. (рядок 6, A6): примітка або джерело (текст без чисел)"]);
    await page.getByLabel("Language / Мова").selectOption("en");
    await buildReport(page);
    // Austria, Liechtenstein (no numbers: a row with missing data) and France
    expect((await headline(page))["Rows"]).toBe("3");
    await expectClean(pane);
  } finally {
    await pane.close();
  }
}, 60_000);

test("a national statistics sheet selected whole: the matrix under its title rows is found, its totals listed as left out, in Ukrainian too", async () => {
  const pane = await openPane({ workbook: { sheets: [{ name: "Table 1", values: NATIONAL_SHEET }], selection: "'Table 1'!A1:F12" } });
  const { page } = pane;
  try {
    await page.getByRole("button", { name: "Use selection" }).click();
    await found(page).waitFor();
    expect(await page.getByLabel("Shape").inputValue()).toBe("matrix");
    expect(await page.locator('[data-key="matrix-found"]').textContent()).toBe("The matrix was found at 'Table 1'!A5:F10; the rows above and below it (titles, notes) are not read.");
    expect(await found(page).locator("section.left-out li").allTextContents()).toEqual(["Total inflow [note 1] (A10): a total", "Total outflow (column, F5): a total"]);
    await page.getByLabel("Language / Мова").selectOption("uk");
    expect(await found(page).locator("section.left-out li").allTextContents()).toEqual(["Total inflow [note 1] (A10): підсумок", "Total outflow (стовпець, F5): підсумок"]);
    await buildReport(page, "Побудувати звіт");
    expect(NATIONAL_TOTAL).toBe(3360);
    expect(norm((await headline(page))["Усього переміщень"])).toBe("3 360");
    await expectAccessible(page, "matrix found under title rows");
    await expectClean(pane);
  } finally {
    await pane.close();
  }
}, 60_000);

test("a matrix whose columns are alphabetical, with a totals row and a label on one side: built through live references in the rows' order, what was left out listed", async () => {
  const values: Cells = [
    ["", "Austria", "Belgium", "Elsewhere", "France", "Germany"],
    ["Germany", 5000, 3000, 10, 7000, 0],
    ["Total", 6300, 5400, 35, 11900, 10000],
    ["France", 1000, 2000, 20, 0, 6000],
    ["Austria", 0, 400, 5, 900, 2500],
    ["Belgium", 300, 0, 0, 4000, 1500],
  ];
  const pane = await openPane({ workbook: { sheets: [{ name: "Data", values }], selection: "Data!A1:F6" } });
  const { page } = pane;
  try {
    await page.getByRole("button", { name: "Use selection" }).click();
    await found(page).waitFor();
    expect(await page.getByLabel("Shape").inputValue()).toBe("matrix");
    expect(await found(page).locator("section.left-out li").allTextContents()).toEqual(["Total (A3): a total", "Elsewhere (column, D1): found only among the columns"]);
    await buildReport(page);
    // the true total: the off-diagonal flows between the four regions, added by hand
    expect(norm((await headline(page))["Total flows"])).toBe(formatNumber(7000 + 5000 + 3000 + 6000 + 1000 + 2000 + 2500 + 900 + 400 + 1500 + 4000 + 300, "en"));
    const wb = await workbookState(page);
    // Germany's row on the Flow Matrix: its own column (F) first, then France (E), Austria (B), Belgium (C)
    const copy = wb.sheets["Flow Matrix"].formulas;
    expect(copy[3].slice(0, 5)).toEqual(["Germany", "='Data'!F2", "='Data'!E2", "='Data'!B2", "='Data'!C2"]);
    const summaryFormulas = wb.sheets["Migration Summary"].formulas.flat().filter((f): f is string => typeof f === "string" && f.startsWith("="));
    expect(summaryFormulas.some((f) => f.includes("'Flow Matrix'!"))).toBe(true);
    expect(summaryFormulas.some((f) => f.includes("'Data'!"))).toBe(false);
    await expectClean(pane);
  } finally {
    await pane.close();
  }
}, 60_000);

test("a long list broken down by sex: the column is offered with its values; with T kept, the report has the true total", async () => {
  const values: Cells = [["origin", "destination", "sex", "flow"]];
  for (const [o, d, f] of [["DE", "FR", 7000], ["FR", "DE", 6000], ["DE", "AT", 5000], ["AT", "DE", 2500]] as const) {
    for (const [sex, share] of [["T", 1], ["M", 0.5], ["F", 0.5]] as const) values.push([o, d, sex, f * share]);
  }
  const pane = await openPane({ workbook: { sheets: [{ name: "Data", values }], selection: "Data!A1:D13" } });
  const { page } = pane;
  try {
    await page.getByRole("button", { name: "Use selection" }).click();
    await found(page).waitFor();
    const sex = page.getByLabel("Column C “sex”", { exact: true });
    expect(await sex.locator("option").allTextContents()).toEqual(["— choose a value —", "T", "M", "F"]);
    await expectAccessible(page, "dimension offered");
    await sex.selectOption("T");
    expect(await page.getByLabel("Column C “sex”", { exact: true }).inputValue()).toBe("T");
    await buildReport(page);
    // the true total: the T rows, added by hand
    expect((await headline(page))["Total flows"]).toBe("20,500");
    await expectClean(pane);
  } finally {
    await pane.close();
  }
}, 60_000);

test("flows from stocks: a long list of stocks for two years offers the estimate; checked with “return” (by keyboard), the Estimated Flows sheet is written", async () => {
  const rows: Cells = stockList();
  const pane = await openPane({ workbook: { sheets: [{ name: "Stocks", values: rows }], selection: "Stocks!A1:D13" } });
  const { page } = pane;
  const focused = () => page.evaluate(() => (document.activeElement as HTMLElement).dataset.key);
  try {
    await page.getByRole("button", { name: "Use selection" }).click();
    await found(page).waitFor();
    expect(await page.getByLabel("Shape").inputValue()).toBe("long");
    expect((await mapping(page)).map((m) => m.role)).toEqual(["origin", "destination", "year", "flow"]);

    // Offered, unchecked, with no method until checked.
    const option = page.locator("section.stocks");
    expect(await option.locator("h4").textContent()).toBe("Flows from stocks");
    const box = page.getByLabel("These are migrant stocks (by place of birth and residence): estimate flows between 2010 and 2015");
    expect(await box.isChecked()).toBe(false);
    expect(await page.locator(`#${await box.getAttribute("aria-describedby")}`).textContent()).toMatch(/Estimated Flows sheet, with the method stated on it and on the Definitions sheet/);
    expect(await option.locator("fieldset").count()).toBe(0);

    // With the keyboard: Space checks the box (focus stays on it), Tab reaches the method, an arrow picks "return".
    await box.focus();
    await page.keyboard.press("Space");
    expect(await box.isChecked()).toBe(true);
    expect(await focused()).toBe("stocks-estimate");
    expect(await option.locator("fieldset legend").textContent()).toBe("How falls in a stock count");
    expect(await page.getByLabel("Rises only (“zero”)").isChecked()).toBe(true);
    for (const [name, sentence] of [
      ["Rises only (“zero”)", /^A rise in the number of people born in one place and living in another is a flow between them; a fall counts as no flow\.$/],
      ["Rises and returns (“return”)", /^Rises are flows as above, and a fall also counts as a return flow/],
    ] as const) {
      expect(await page.locator(`#${await page.getByLabel(name).getAttribute("aria-describedby")}`).textContent()).toMatch(sentence);
    }
    await page.keyboard.press("Tab");
    expect(await focused()).toBe("stocks-zero");
    await page.keyboard.press("ArrowDown");
    expect(await focused()).toBe("stocks-return");
    expect(await page.getByLabel("Rises and returns (“return”)").isChecked()).toBe(true);
    await expectAccessible(page, "flows from stocks, method shown");
    await option.screenshot({ path: join(ARTIFACTS, "taskpane-stocks.png") });

    // The same option in Ukrainian, the user's choice kept.
    await page.getByLabel("Language / Мова").selectOption("uk");
    expect(await option.locator("h4").textContent()).toBe("Потоки з чисельності мігрантів");
    expect(await page.getByLabel("Це чисельність мігрантів (за місцем народження й місцем проживання): оцінити потоки між 2010 і 2015 роками").isChecked()).toBe(true);
    expect(await option.locator("fieldset legend").textContent()).toBe("Як рахувати зменшення");
    expect(await option.locator("fieldset label").allTextContents()).toEqual(["Лише зростання («zero»)", "Зростання й повернення («return»)"]);
    expect(await page.getByLabel("Зростання й повернення («return»)").isChecked()).toBe(true);
    await page.getByLabel("Language / Мова").selectOption("en");

    // Values only, so the double holds the numbers; then build.
    await page.getByLabel("Values only").check();
    await buildReport(page);
    expect((await headline(page))["Estimated flows"]).toBe("2010–2015, method return");

    // The same block and choices in the engine, in Node: the sheets and numbers the double must hold.
    const block: SourceBlock = { sheet: "Stocks", top: 0, left: 0, values: rows, provenance: "Stocks!A1:D13" };
    const plan = planReport(block, detect(block), { mode: "values", now: new Date(), hostDrawsCharts: true, stocks: "return" });
    const planned = plan.sheets.find((x) => x.name === "Estimated Flows")!;
    const table = planned.tables[0];
    const expected = [table.header, ...table.rows.map((r) => r.map((c) => c.value))];
    expect(expected.slice(1)).toEqual([
      ["A", 0, 30, 5],
      ["B", 0, 0, 15],
      ["C", 10, 20, 0],
    ]);
    const wb = await workbookState(page);
    expect(wb.names[0]).toBe("Stocks");
    expect([...wb.names.slice(1)].sort()).toEqual(plan.sheets.map((x) => x.name).sort());
    expect(wb.names).toContain("Estimated Flows");
    const flows = wb.sheets["Estimated Flows"];
    expect(flows.values.slice(table.top, table.top + 1 + table.rows.length).map((r) => r.slice(table.left, table.left + table.header.length))).toEqual(expected);
    expect(flows.values[1][0]).toMatch(/^Method "return"/);
    expect(flows.formulas.flat().filter((f) => typeof f === "string" && f.startsWith("="))).toEqual([]);
    expect(JSON.stringify(wb.sheets["Definitions"].values)).toMatch(/MIGRATION\.FLOWSFROMSTOCKS.*method \\"return\\"/);
    expect([...(await page.locator("ul.sheets li").allTextContents())].sort()).toEqual([...wb.names.slice(1)].sort());
    await expectClean(pane);
  } finally {
    await pane.close();
  }
}, 60_000);

test("problems in the data are listed with their cells before anything is written; workbook text stays text", async () => {
  const rows = sample("undesa-migrant-stock-totals-1990-2020.csv");
  const hostile = '<img src=x onerror="window.__xss=1">refugee';
  rows[0] = rows[0].map((h) => (h === "refugee" ? hostile : h));
  const pane = await openPane({ workbook: { sheets: [{ name: "Stocks", values: rows }], selection: `Stocks!A1:L${rows.length}` } });
  const { page } = pane;
  try {
    await page.getByRole("button", { name: "Use selection" }).click();
    await found(page).waitFor();
    const problems = page.locator("section.problems");
    expect(await problems.locator("h4").textContent()).toBe("Problems in the data (36)");
    expect(await problems.locator("details[open] summary").textContent()).toBe("Blank cells (36)");
    const first = problems.locator("ul.problem-list li").first();
    expect(await first.locator(".address").textContent()).toBe("E107");
    expect(await first.textContent()).toBe("E107 Blank in 'fb' (immigrants): read as missing, not as 0.");
    // Still nothing written.
    const wb = await workbookState(page);
    expect(wb.names).toEqual(["Stocks"]);
    expect(wb.writes).toBe(0);
    // A header that looks like markup is shown as the text it is.
    expect((await mapping(page)).find((m) => m.column.startsWith("H "))!.column).toBe(`H ${hostile}`);
    expect(await page.locator("img").count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    // In Ukrainian, the same problems in Ukrainian words, with the same cells.
    await page.getByLabel("Language / Мова").selectOption("uk");
    expect(await problems.locator("h4").textContent()).toBe("Проблеми в даних (36)");
    expect(await problems.locator("ul.problem-list li").first().textContent()).toBe("E107 Порожня клітинка у стовпці «fb» (Іммігранти): вважається пропущеним значенням, а не 0.");
    await expectAccessible(page, "problems listed");
    await expectClean(pane);
  } finally {
    await pane.close();
  }
}, 60_000);

test("errors are plain words: cells that are no report, and a write Excel refuses (no sheet left behind)", async () => {
  const pane = await openPane({ workbook: { sheets: [{ name: "UK flows", values: ukRows }], selection: "'UK flows'!E1:F3" } });
  const { page } = pane;
  try {
    await page.getByRole("button", { name: "Use selection" }).click();
    const alert = page.locator('[role="alert"]');
    await alert.locator("p").first().waitFor();
    const text = (await alert.textContent()) ?? "";
    expect(text).toMatch(/^That did not work/);
    expect(text).toMatch(/Your data were not changed\.$/);
    expect(text).not.toMatch(/\bat \S+:\d+|TypeError|undefined|Error:/);
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.key)).toBe("alert");

    // A selection that reads, then Excel fails the first write.
    await page.evaluate(() => {
      const d = (window as unknown as { __double: { workbook: { selection: unknown; sheet(n: string): unknown }; failOnSync(n: number, o?: object): void; stats: { syncs: number } } }).__double;
      d.workbook.selection = { sheet: d.workbook.sheet("UK flows"), rect: { top: 0, left: 0, bottom: 144, right: 2 } };
    });
    await page.getByRole("button", { name: "Use selection" }).click();
    await found(page).waitFor();
    expect(await alert.textContent()).toBe("");
    await page.evaluate(() => {
      const d = (window as unknown as { __double: { failOnSync(n: number, o?: object): void; stats: { syncs: number } } }).__double;
      d.failOnSync(d.stats.syncs + 1, { code: "GeneralException", message: "An internal error has occurred." });
    });
    await page.getByRole("button", { name: "Build report" }).click();
    await alert.locator("p").first().waitFor({ timeout: 30_000 });
    const failed = (await alert.textContent()) ?? "";
    expect(failed).toMatch(/^That did not work/);
    expect(failed).not.toMatch(/\bat \S+:\d+|TypeError|undefined|Error:|debugInfo/);
    expect((await workbookState(page)).names).toEqual(["UK flows"]);
    expect(await page.locator("section.result").count()).toBe(0);
    await expectAccessible(page, "error shown");
    await expectClean(pane);
  } finally {
    await pane.close();
  }
}, 60_000);

test("Cancel stops a build under way; the workbook is left as it was", async () => {
  const pane = await openPane({ workbook: { sheets: [{ name: "UK flows", values: ukRows }], selection: "'UK flows'!A1:C145" }, slowSyncMs: 400 });
  const { page } = pane;
  try {
    await page.getByRole("button", { name: "Use selection" }).click();
    await found(page).waitFor({ timeout: 20_000 });
    await page.getByRole("button", { name: "Build report" }).click();
    const cancel = page.getByRole("button", { name: "Cancel" });
    await cancel.waitFor({ state: "visible" });
    expect(await page.locator(".activity progress").count()).toBe(1);
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.key)).toBe("cancel");
    await cancel.click();
    const alert = page.locator('[role="alert"]');
    await alert.locator("p").first().waitFor({ timeout: 30_000 });
    expect(await alert.textContent()).toBe("Cancelled. Nothing was left half-written and your data were not changed.");
    expect((await workbookState(page)).names).toEqual(["UK flows"]);
    expect(await page.locator(".activity").isHidden()).toBe(true);
    await expectClean(pane);
  } finally {
    await pane.close();
  }
}, 60_000);

test("keyboard: the pane is used with Tab and Enter alone, in reading order", async () => {
  const pane = await openPane({ workbook: { sheets: [{ name: "UK flows", values: ukRows }], selection: "'UK flows'!A1:C145" } });
  const { page } = pane;
  try {
    const focused = () => page.evaluate(() => (document.activeElement as HTMLElement).dataset.key ?? document.activeElement?.tagName);
    await page.keyboard.press("Tab");
    expect(await focused()).toBe("language");
    await page.keyboard.press("Tab");
    expect(await focused()).toBe("use-selection");
    await page.keyboard.press("Enter");
    await found(page).waitFor();
    expect(await focused()).toBe("found");
    const order: string[] = [];
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press("Tab");
      order.push((await focused()) ?? "");
    }
    expect(order).toEqual(["shape", "role-0", "role-1", "role-2", "use-distances", "use-populations", "mode-native", "build"]);
    // Arrow keys move between the sharing modes, as in any radio group.
    await page.keyboard.down("Shift");
    await page.keyboard.press("Tab");
    await page.keyboard.up("Shift");
    await page.keyboard.press("ArrowDown");
    expect(await focused()).toBe("mode-addin");
    expect(await page.getByLabel("Add-in formulas").isChecked()).toBe(true);
    // A visible focus ring on the focused control.
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
    expect(outline).toBe("solid");
    await page.keyboard.press("Tab");
    expect(await focused()).toBe("build");
    await page.keyboard.press("Enter");
    await page.locator("section.result").waitFor({ timeout: 30_000 });
    expect(await focused()).toBe("result");
    const wb = await workbookState(page);
    const formulas = wb.sheets["Migration Summary"].formulas.flat().filter((f): f is string => typeof f === "string" && f.startsWith("="));
    expect(formulas.some((f) => /MIGRATION\.|CIRCULATION\./.test(f))).toBe(true);
    await expectClean(pane);
  } finally {
    await pane.close();
  }
}, 60_000);

test("outside Excel (plain Chromium, no Excel object) the pane says plainly that it must run inside Excel", async () => {
  const pane = await openPane({});
  const { page } = pane;
  try {
    await page.locator("section.notice").waitFor();
    expect(await page.locator("section.notice h2").textContent()).toBe("Open this pane in Excel");
    expect(await page.locator("section.notice").textContent()).toMatch(/works inside Excel/);
    expect(await page.locator('[data-key="use-selection"]').isDisabled()).toBe(true);
    expect(await page.locator('[data-key="build"]').isDisabled()).toBe(true);
    await expectAccessible(page, "outside Excel");
    await expectClean(pane);
  } finally {
    await pane.close();
  }
}, 30_000);

test("the built page: CSP allows scripts only from the add-in (and Office's CDN in production), no inline script", () => {
  const html = readFileSync(join(site.dist, "taskpane.html"), "utf8");
  const csp = /<meta http-equiv="?Content-Security-Policy"? content="([^"]+)"/.exec(html)?.[1] ?? "";
  expect(csp).toMatch(/script-src 'self'(;|$)/); // air-gapped: not even the CDN
  expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
  expect(html).toMatch(/<script src="?office-js\/office.js"?>/);
  const scripts = [...html.matchAll(/<script\b([^>]*)>([^]*?)<\/script>/g)];
  expect(scripts.length).toBeGreaterThanOrEqual(2);
  for (const [, attrs, body] of scripts) {
    expect(attrs).toMatch(/\bsrc=/);
    expect(body.trim()).toBe("");
  }
  const size = statSync(join(site.dist, "taskpane.js")).size;
  expect(size).toBeLessThan(400 * 1024);
});
