/**
 * Headless Chromium for the task pane's browser tests: Debian's `chromium` package, driven by
 * playwright-core (never `npx playwright install`, which downloads browsers from the network).
 * A missing Chromium is installed with apt when we are root; otherwise the tests fail with the
 * command to run. They are never skipped.
 */
import { existsSync } from "fs";
import { ensureInstalled } from "./apt";

export const CHROMIUM = "/usr/bin/chromium";

/** The one command that installs what these tests need (Debian/Ubuntu). */
export const INSTALL_COMMAND = "apt-get update && apt-get install -y chromium";

/** Flags for a quiet, offline headless run (no sandbox: CI runs as root in a container). */
export const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

/** The path of Chromium, installing it with apt when it is missing and we are root. */
export function ensureChromium(): string {
  return ensureInstalled("Chromium", () => (existsSync(CHROMIUM) ? CHROMIUM : null), INSTALL_COMMAND);
}
