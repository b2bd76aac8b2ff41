/**
 * The task pane's entry: waits for Office.onReady, picks the language from Office's display
 * language, and wires the controller (state, engine, host) to the view (DOM).
 *
 * Outside Excel, office.js still answers onReady (with no host) and there is no `Excel` object:
 * the pane then says plainly that it must run inside Excel. Tests inject a stand-in `Excel`.
 */
import * as officeHost from "../hosts/office";
import { officeChartHost } from "./chart-picture";
import { ChartStep } from "./chart-step";
import { RegionStep } from "./region-step";
import { Controller } from "./controller";
import { langOf } from "./i18n";
import { View } from "./view";

/** How long to wait for office.js before saying it is missing. */
const OFFICE_TIMEOUT_MS = 10_000;

function displayLanguage(): string | undefined {
  try {
    const tag = typeof Office !== "undefined" ? Office.context?.displayLanguage : undefined;
    return typeof tag === "string" && tag !== "" ? tag : undefined;
  } catch {
    return undefined;
  }
}

function excelAvailable(): boolean {
  return typeof Excel !== "undefined" && Excel !== null && typeof (Excel as { run?: unknown }).run === "function";
}

async function officeReady(): Promise<boolean> {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") return false;
  const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), OFFICE_TIMEOUT_MS));
  const ready = Office.onReady().then(
    () => true,
    () => false,
  );
  return Promise.race([ready, timeout]);
}

async function start(): Promise<void> {
  const root = document.getElementById("app");
  if (!root) return;
  const loaded = await officeReady();
  const controller = new Controller(officeHost, langOf(displayLanguage() ?? (typeof navigator !== "undefined" ? navigator.language : undefined)));
  const view = new View(root, {
    useSelection: () => void controller.useSelection(),
    build: () => void controller.build(),
    cancel: () => controller.cancel(),
    chooseShape: (shape) => controller.chooseShape(shape),
    chooseRole: (column, role) => controller.chooseRole(column, role),
    setMode: (mode) => controller.setMode(mode),
    setEstimateFlows: (estimate) => controller.setEstimateFlows(estimate),
    setStocksMethod: (method) => controller.setStocksMethod(method),
    setPeriod: (period) => controller.setPeriod(period),
    setLanguage: (lang) => controller.setLanguage(lang),
    keepRow: (row, keep) => controller.keepRow(row, keep),
    chooseDimension: (dimension, value) => controller.chooseDimension(dimension, value),
  }, new ChartStep(officeChartHost), new RegionStep({
    useSelectionFor: (kind) => void controller.useSelectionFor(kind),
    clearRegionRange: (kind) => controller.clearRegionRange(kind),
  }));
  controller.subscribe((state, cause) => view.render(state, cause));
  controller.setEnvironment(!loaded && !excelAvailable() ? "noOffice" : excelAvailable() ? "excel" : "outside");
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", () => void start());
else void start();
