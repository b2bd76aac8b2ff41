/**
 * The task pane's chart step in headless Chromium: the air-gapped build served locally, the
 * Excel test double as `Excel`, any request leaving localhost blocked. Read the Erasmus matrix,
 * draw its chord diagram before anything is written, read flows by hovering and by keyboard,
 * build the report, then insert: in an Excel without ExcelApi 1.9 the pane says so and offers
 * the PNG, which is drawn from the SVG on a canvas (checked here, and written to
 * test-artifacts/chord-pane.png). English and Ukrainian; axe-core with the diagram shown.
 */
import { readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { Page } from "playwright-core";
import { ARTIFACTS, usePaneSite } from "../support/pane-page";
import { readSample } from "../support/samples";

const site = usePaneSite("chart-pane-dist-");

/** The pane over the Erasmus matrix; Excel reports the requirement sets up to ExcelApi 1.8 only. */
async function openPane() {
  const context = await site.browser.newContext({ viewport: { width: 320, height: 900 }, locale: "en-US", deviceScaleFactor: 1, acceptDownloads: true });
  const page = await context.newPage();
  const external: string[] = [];
  const errors: string[] = [];
  await page.route("**/*", (route) => (route.request().url().startsWith(`${site.origin}/`) ? route.continue() : (external.push(route.request().url()), route.abort("blockedbyclient"))));
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  await page.addInitScript({ content: site.doubleBundle });
  const values = readSample("erasmus-student-mobility-2012-13.csv");
  await page.addInitScript(
    ({ values }) => {
      const w = window as unknown as { ExcelDouble: { createExcelDouble(i: unknown): { Excel: unknown } }; Excel: unknown; __double: unknown };
      const double = w.ExcelDouble.createExcelDouble({ sheets: [{ name: "Erasmus", values }], selection: "Erasmus!A1:AH34" });
      w.__double = double;
      w.Excel = double.Excel;
      // office.js builds Office.context while it initialises: once onReady resolves, the
      // context answers requirement-set questions as an Excel with ExcelApi up to 1.8 would.
      document.addEventListener("readystatechange", () => {
        const office = (window as unknown as { Office?: { onReady: (cb?: (i: unknown) => void) => Promise<unknown>; context: object } }).Office;
        if (document.readyState !== "interactive" || !office) return;
        const onReady = office.onReady;
        office.onReady = (cb) =>
          onReady.call(office).then((info) => {
            Object.defineProperty(office.context, "requirements", { configurable: true, get: () => ({ isSetSupported: (name: string, v?: string) => name === "ExcelApi" && Number(v ?? "1.1") <= 1.8 }) });
            if (cb) cb(info);
            return info;
          });
      });
    },
    { values },
  );
  await page.goto(`${site.origin}/taskpane.html`);
  await page.locator('[data-key="use-selection"]').waitFor({ state: "visible", timeout: 15_000 });
  return { page, context, external, errors };
}

async function expectAccessible(page: Page, when: string): Promise<void> {
  await page.evaluate(site.axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const r = await axe.run(document, { resultTypes: ["violations"] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => n.target.join(" ")).slice(0, 5) }));
  });
  expect({ when, serious: violations.filter((v) => v.impact === "serious" || v.impact === "critical") }).toEqual({ when, serious: [] });
}

test("the chart step draws the selection, shows flows on hover and by keyboard, and offers the PNG where pictures cannot be inserted", async () => {
  const { page, context, external, errors } = await openPane();
  const timings: Record<string, number> = {};
  try {
    await page.getByRole("button", { name: "Use selection" }).click();
    await page.locator("section.found").waitFor();
    const chart = page.locator("section.chart");
    await expect(chart.locator("h2").textContent()).resolves.toBe("4. Chord diagram");

    // Drawn before anything is written: the double holds only the data sheet.
    const t0 = Date.now();
    await chart.getByRole("button", { name: "Draw diagram" }).click();
    await chart.locator(".chart-figure svg").waitFor();
    timings.paneDrawMs = Date.now() - t0;
    expect(await page.evaluate(() => (window as unknown as { __double: { workbook: { sheets: { name: string }[] } } }).__double.workbook.sheets.map((s) => s.name))).toEqual(["Erasmus"]);
    expect(await chart.locator("path.ribbon").count()).toBe(935);
    expect(await chart.locator("path.arc").count()).toBe(33);
    expect(await chart.locator("svg > title").textContent()).toBe("Migration flows between regions");

    // Every text of the figure lies inside the drawing, as Chromium lays it out with its fonts.
    const outside = await page.evaluate(() => {
      const svg = document.querySelector(".chart-figure svg") as SVGSVGElement;
      const box = svg.getBoundingClientRect();
      return Array.from(svg.querySelectorAll("text"))
        .map((t) => ({ text: t.textContent, r: t.getBoundingClientRect() }))
        .filter(({ r }) => r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5)
        .map(({ text }) => text);
    });
    expect(outside).toEqual([]);
    // Region labels do not overlap each other.
    const overlaps = await page.evaluate(() => {
      const rects = Array.from(document.querySelectorAll(".chart-figure svg text[data-label]")).map((t) => ({ text: t.textContent, r: t.getBoundingClientRect() }));
      const out: string[] = [];
      // Rotated text: compare the glyph boxes of the rendered lines, shrunk a little for rotation slack.
      const area = (a: DOMRect, b: DOMRect) => Math.max(0, Math.min(a.right, b.right) - Math.max(a.left, b.left)) * Math.max(0, Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top));
      for (let i = 0; i < rects.length; i++) for (let j = i + 1; j < rects.length; j++) if (area(rects[i].r, rects[j].r) > 0.35 * Math.min(rects[i].r.width * rects[i].r.height, rects[j].r.width * rects[j].r.height)) out.push(`${rects[i].text}/${rects[j].text}`);
      return out;
    });
    expect(overlaps).toEqual([]);

    // Hover: a ribbon's origin, destination, flow and counterflow.
    const details = chart.locator("#chart-details");
    await chart.locator('path.ribbon[data-origin="10"][data-destination="7"]').dispatchEvent("mouseover");
    await expect(details.textContent()).resolves.toBe("IT → ES: 8,040; ES → IT: 7,425");
    await chart.locator('path.arc[data-group="7"]').dispatchEvent("mouseover");
    await expect(details.textContent()).resolves.toMatch(/^ES: [\d,]+ out, [\d,]+ in$/);

    // Keyboard: focus the diagram, Home is the largest flow, arrows step through, Escape clears.
    await chart.locator(".chart-figure").focus();
    await page.keyboard.press("Home");
    await expect(details.textContent()).resolves.toBe("IT → ES: 8,040; ES → IT: 7,425");
    await page.keyboard.press("ArrowRight");
    const second = await details.textContent();
    expect(second).not.toBe("IT → ES: 8,040; ES → IT: 7,425");
    expect(await chart.locator("path.ribbon[fill-opacity='0.95']").count()).toBe(1);
    await page.keyboard.press("Escape");
    await expect(details.textContent()).resolves.toBe("Details of a flow appear here.");
    await expectAccessible(page, "diagram drawn");

    // Largest first, then back to the data's order; the top setting lumps and says so.
    await chart.getByLabel("Order of the regions").selectOption("size");
    await expect(chart.locator("svg text[data-label]").first().textContent()).resolves.toBe("ES");
    await chart.getByLabel("Order of the regions").selectOption("data");
    await expect(chart.locator("svg text[data-label]").first().textContent()).resolves.toBe("BE");
    await chart.getByLabel("Regions shown").selectOption("10");
    expect(await chart.locator("path.arc").count()).toBe(11);
    await expect(chart.locator("svg .notes").textContent()).resolves.toContain("the other 23 are lumped as");
    await chart.getByLabel("Regions shown").selectOption("auto");
    expect(await chart.locator("path.arc").count()).toBe(33);

    // Insert needs the report; then, without ExcelApi 1.9, the pane says so and offers the PNG.
    expect(await chart.getByRole("button", { name: "Insert into report" }).isDisabled()).toBe(true);
    await page.getByRole("button", { name: "Build report" }).click();
    await page.locator("section.result").waitFor({ timeout: 30_000 });
    // The diagram stays drawn after the build (same selection and mapping).
    expect(await chart.locator("path.ribbon").count()).toBe(935);
    await chart.getByRole("button", { name: "Insert into report" }).click();
    await expect(chart.locator(".chart-message").textContent()).resolves.toMatch(/^This version of Excel cannot insert pictures from an add-in \(it needs ExcelApi 1\.9/);
    await expect(page.evaluate(() => document.activeElement?.getAttribute("data-key"))).resolves.toBe("chart-download");

    const t1 = Date.now();
    const [download] = await Promise.all([page.waitForEvent("download"), chart.getByRole("button", { name: "Download PNG" }).click()]);
    timings.panePngMs = Date.now() - t1;
    expect(download.suggestedFilename()).toBe("chord-diagram.png");
    const png = readFileSync((await download.path())!);
    expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
    expect(png.readUInt32BE(16)).toBe(1600); // the 800 px figure at twice its size
    expect(png.length).toBeGreaterThan(100_000); // a drawing, not a blank canvas
    writeFileSync(join(ARTIFACTS, "chord-pane.png"), png);
    await expect(chart.locator(".chart-message").textContent()).resolves.toBe("The PNG was offered for download.");

    // Ukrainian: the step and the figure are re-worded and drawn again.
    await page.getByLabel("Language / Мова").selectOption("uk");
    await expect(chart.locator("h2").textContent()).resolves.toBe("4. Хордова діаграма");
    await expect(chart.locator("svg > title").textContent()).resolves.toBe("Міграційні потоки між регіонами");
    await chart.locator(".chart-figure").focus();
    await page.keyboard.press("Home");
    await expect(details.textContent()).resolves.toBe("IT → ES: 8 040; ES → IT: 7 425".replace(/ /g, "\u00a0").replace(/\u00a0→\u00a0/g, " → ").replace(/:\u00a0/g, ": ").replace(/;\u00a0/g, "; "));
    await expectAccessible(page, "diagram drawn, Ukrainian");
    await page.screenshot({ path: join(ARTIFACTS, "taskpane-chart.png"), fullPage: true });
    writeFileSync(join(ARTIFACTS, "chord-pane-timings.json"), JSON.stringify(timings, null, 2));
    expect(external).toEqual([]);
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
}, 120_000);
