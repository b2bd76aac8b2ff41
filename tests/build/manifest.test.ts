import { spawnSync } from "child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { ROOT } from "../../scripts/lib/bundle";
import { DECLARED_EXCEL_API } from "../../src/hosts/office-api";
import { DECLARED_API_SETS } from "../support/excel-double";

const manifest = readFileSync(join(ROOT, "manifest.xml"), "utf8");

test("the manifest validates offline against the bundled schemas (npm run validate)", () => {
  const r = spawnSync("node", [join(ROOT, "scripts", "validate-manifest.js")], { encoding: "utf8" });
  expect(r.stdout).toContain("manifest.xml is valid");
  expect(r.status).toBe(0);
});

test("the validator rejects a broken manifest", () => {
  const dir = mkdtempSync(join(tmpdir(), "bad-manifest-"));
  try {
    const bad = join(dir, "manifest.xml");
    require("fs").writeFileSync(bad, manifest.replace(/<Id>[^<]+<\/Id>/, "<Id>not-a-guid</Id>"));
    const r = spawnSync("node", [join(ROOT, "scripts", "validate-manifest.js"), bad], { encoding: "utf8" });
    expect(r.status).not.toBe(0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("the manifest requires the ExcelApi set the task pane uses unchecked, and the Excel double offers exactly that by default", () => {
  const sets = /<Requirements>\s*<Sets DefaultMinVersion="1.1">([^]*?)<\/Sets>\s*<\/Requirements>/.exec(manifest)?.[1] ?? "";
  expect(sets).toContain(`<Set Name="ExcelApi" MinVersion="${DECLARED_EXCEL_API}" />`);
  expect(sets).toContain('<Set Name="CustomFunctionsRuntime" MinVersion="1.3" />');
  expect(DECLARED_API_SETS).toEqual({ ExcelApi: DECLARED_EXCEL_API });
});

test("custom functions appear without a namespace prefix, and the add-in trusts no other domain", () => {
  expect(manifest).not.toMatch(/<Namespace/);
  expect(manifest).toMatch(/<ExtensionPoint xsi:type="CustomFunctions">/);
  expect(manifest).toMatch(/<AppDomains \/>/);
});

test("a button on the Home tab opens the task pane, which is also the add-in's default page", () => {
  expect(manifest).toMatch(/<DefaultSettings>\s*<SourceLocation DefaultValue="https:\/\/localhost:3000\/taskpane.html" \/>/);
  const desktop = /<DesktopFormFactor>([^]*?)<\/DesktopFormFactor>/.exec(manifest)?.[1] ?? "";
  expect(desktop).toMatch(/<GetStarted>[^]*<Title resid="GetStarted.Title" \/>[^]*<\/GetStarted>/);
  expect(desktop).toMatch(/<ExtensionPoint xsi:type="PrimaryCommandSurface">\s*<OfficeTab id="TabHome">/);
  expect(desktop).toMatch(/<Control xsi:type="Button"[^]*<Action xsi:type="ShowTaskpane">[^]*<SourceLocation resid="Taskpane.Url" \/>/);
  for (const size of [16, 32, 80]) {
    expect(desktop).toContain(`<bt:Image size="${size}" resid="Icon.${size}x${size}" />`);
    expect(existsSync(join(ROOT, "assets", `icon-${size}.png`))).toBe(true);
  }
  expect(manifest).toContain('<bt:Url id="Taskpane.Url" DefaultValue="https://localhost:3000/taskpane.html" />');
  // Every resid used is defined once.
  const used = new Set([...manifest.matchAll(/resid="([^"]+)"/g)].map((m) => m[1]));
  const defined = [...manifest.matchAll(/<bt:(?:Image|Url|String) id="([^"]+)"/g)].map((m) => m[1]);
  expect(new Set(defined).size).toBe(defined.length);
  for (const id of used) expect(defined).toContain(id);
});

describe("builds for production and for air-gapped use", () => {
  const build = (env: Record<string, string>) => {
    const dist = mkdtempSync(join(tmpdir(), "dist-"));
    const r = spawnSync("npx", ["webpack", "--mode", "production"], { cwd: ROOT, env: { ...process.env, ...env, DIST_DIR: dist }, encoding: "utf8" });
    return { dist, status: r.status, output: r.stdout + r.stderr };
  };

  test("production: office scripts from Microsoft's CDN; manifest and help links point at ADDIN_ORIGIN", () => {
    const { dist, status, output } = build({ ADDIN_ORIGIN: "https://addin.example.org/" });
    try {
      expect(status).toBe(0);
      expect(readFileSync(join(dist, "functions.html"), "utf8")).toContain("https://appsforoffice.microsoft.com/lib/1/hosted/custom-functions-runtime.js");
      const pane = readFileSync(join(dist, "taskpane.html"), "utf8");
      expect(pane).toMatch(/<script src="?https:\/\/appsforoffice.microsoft.com\/lib\/1\/hosted\/office.js"?>/);
      expect(pane).toMatch(/Content-Security-Policy"? content="[^"]*script-src 'self' https:\/\/appsforoffice.microsoft.com;/);
      const m = readFileSync(join(dist, "manifest.xml"), "utf8");
      expect(m).not.toContain("localhost");
      expect(m).toContain("https://addin.example.org/functions.json");
      expect(m).toContain("https://addin.example.org/functions.uk.json");
      expect(m).toContain("https://addin.example.org/taskpane.html");
      const uk = JSON.parse(readFileSync(join(dist, "functions.uk.json"), "utf8"));
      for (const f of uk.functions) expect(f.helpUrl.startsWith("https://addin.example.org/reference.html#")).toBe(true);
      const meta = JSON.parse(readFileSync(join(dist, "functions.json"), "utf8"));
      for (const f of meta.functions) expect(f.helpUrl.startsWith("https://addin.example.org/reference.html#")).toBe(true);
    } finally {
      rmSync(dist, { recursive: true, force: true });
      if (status !== 0) console.log(output);
    }
  }, 120000);

  test("air-gapped (OFFICE_JS=local): office.js and the runtime are served from the add-in's own folder", () => {
    const { dist, status } = build({ OFFICE_JS: "local" });
    try {
      expect(status).toBe(0);
      const html = readFileSync(join(dist, "functions.html"), "utf8");
      expect(html).toContain("office-js/custom-functions-runtime.js");
      expect(html).not.toContain("appsforoffice.microsoft.com");
      const pane = readFileSync(join(dist, "taskpane.html"), "utf8");
      expect(pane).toMatch(/<script src="?office-js\/office.js"?>/);
      expect(pane).not.toContain("appsforoffice.microsoft.com");
      expect(existsSync(join(dist, "office-js", "custom-functions-runtime.js"))).toBe(true);
      expect(existsSync(join(dist, "office-js", "office.js"))).toBe(true);
      expect(existsSync(join(dist, "office-js", "en-us", "office_strings.js"))).toBe(true);
      expect(existsSync(join(dist, "office-js", "excel-web-16.00.js"))).toBe(true);
    } finally {
      rmSync(dist, { recursive: true, force: true });
    }
  }, 120000);
});
