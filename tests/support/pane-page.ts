/**
 * What the browser tests of the task pane stand on: the air-gapped build (office.js from the npm
 * package), served by a plain static server on 127.0.0.1, the Excel test
 * double bundled for the browser, axe-core's source, and a headless Chromium.
 */
import { mkdirSync, readFileSync, rmSync, statSync } from "fs";
import http from "http";
import { AddressInfo } from "net";
import { extname, join, normalize, sep } from "path";
import { Browser, chromium } from "playwright-core";
import { CHROMIUM_ARGS, ensureChromium } from "./chromium";
import { airGappedBuild } from "./pane-build";

const ROOT = join(__dirname, "..", "..");
export const ARTIFACTS = join(ROOT, "test-artifacts");

export interface PaneSite {
  /** The built pane's folder. */
  dist: string;
  /** Where the pane is served, e.g. http://127.0.0.1:34567 (no trailing slash). */
  origin: string;
  browser: Browser;
  /** The Excel test double as a browser script that sets `window.ExcelDouble`. */
  doubleBundle: string;
  /** axe-core, to evaluate in a page. */
  axeSource: string;
  /** Closes the browser and the server (and removes the build if the suite made its own). */
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".png": "image/png",
  ".xml": "application/xml; charset=utf-8",
};

/** A plain static server for the built folder, on 127.0.0.1 and a free port. */
function serve(folder: string): Promise<http.Server> {
  const s = http.createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
    const file = normalize(join(folder, path));
    let ok = file.startsWith(folder + sep);
    try {
      ok = ok && statSync(file).isFile();
    } catch {
      ok = false;
    }
    if (!ok) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream", "cache-control": "no-store" }).end(readFileSync(file));
  });
  return new Promise((resolve) => s.listen(0, "127.0.0.1", () => resolve(s)));
}

/**
 * Serves the air-gapped pane build (made once per run and shared by the suites, see
 * pane-build.ts; `prefix` names a suite's own folder outside such a run) and launches Chromium.
 */
export async function startPaneSite(prefix: string): Promise<PaneSite> {
  const executablePath = ensureChromium();
  const { dist, owned } = await airGappedBuild(prefix);
  let server: http.Server | undefined;
  let browser: Browser | undefined;
  const close = async () => {
    await browser?.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    if (owned) rmSync(dist, { recursive: true, force: true });
  };
  try {
    // esbuild comes with tsx; the double is plain browser-safe TypeScript.
    const esbuild = require("esbuild") as typeof import("esbuild");
    const doubleBundle = esbuild.buildSync({
      entryPoints: [join(ROOT, "tests", "support", "excel-double", "index.ts")],
      bundle: true,
      format: "iife",
      globalName: "ExcelDouble",
      platform: "browser",
      target: "es2020",
      write: false,
      // Init scripts run in their own function scope: make the bundle's global a real one.
      footer: { js: "window.ExcelDouble = ExcelDouble;" },
    }).outputFiles[0].text;
    const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
    server = await serve(dist);
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
    mkdirSync(ARTIFACTS, { recursive: true });
    return { dist, origin, browser, doubleBundle, axeSource, close };
  } catch (e) {
    await close();
    throw e;
  }
}

/**
 * The pane site for the calling suite: started in its beforeAll, closed in its afterAll. The
 * object is filled in once beforeAll has run.
 */
export function usePaneSite(prefix: string): PaneSite {
  const site = {} as PaneSite;
  beforeAll(async () => {
    Object.assign(site, await startPaneSite(prefix));
  }, 300_000);
  afterAll(async () => {
    await site.close?.();
  });
  return site;
}
