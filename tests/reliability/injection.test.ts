/**
 * Formula and script injection. Text from a CSV or a workbook that starts
 * with "=", "+", "-", "@", a tab or a CR is written as text — never as a formula — by both hosts:
 * (a) the .xlsx the CLI writes (source sheet and report sheets, read back from the zip's XML),
 * (b) the Office.js host (through the Excel test double: an apostrophe-prefixed value, no formula).
 * (c) The task pane: the built page's Content-Security-Policy allows scripts only from the
 * add-in's origin and Office's CDN; the manifest trusts no other domain; the sources never turn a
 * string into markup or code and make no network calls.
 */
import { spawnSync } from "child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import ExcelJS from "exceljs";
import { parseRange, cell as cellAddress } from "../../src/report/address";
import { detect } from "../../src/report/detect";
import { planReport } from "../../src/report/plan";
import type { CellValue, SharingMode } from "../../src/report/types";
import { xlsxText } from "../../src/hosts/ooxml";
import { readSelection, writeReport } from "../../src/hosts/office";
import { ExcelDouble, installExcelDouble, SheetModel } from "../support/excel-double";
import { readZip, sheetXml } from "../support/zip";

jest.setTimeout(180_000);

const ROOT = join(__dirname, "..", "..");
const BIN = join(ROOT, "bin", "migration-report.js");
const NOW = new Date(Date.UTC(2024, 0, 2, 3, 4));

/** Labels a careless writer would turn into formulas (each distinct, to find it again). */
export const TRICKY = ["=1+1", "+44", "-x", "@x", "\tTAB", "\rCR", '=HYPERLINK("http://x","y")', "=cmd|' /C calc'!A0", "@SUM(A1)", "-2+3"];
/** Pieces of the labels that must never appear inside a written formula. */
const PAYLOADS = ["1+1", "HYPERLINK", "cmd|", "TAB", "@x", "@SUM", "-2+3", "+44"];

const table: CellValue[][] = [["Region", "Immigrants", "Emigrants", "Population"], ...TRICKY.map((l, i) => [l, 100 + i, 50 + i, 1000 + 10 * i])];
const long: CellValue[][] = [["origin", "destination", "flow"], ...TRICKY.map((l, i) => [l, TRICKY[(i + 1) % TRICKY.length], 10 + i]), ...TRICKY.map((l, i) => [l, TRICKY[(i + 3) % TRICKY.length], 2 + i])];
const n = 5;
const matrix: CellValue[][] = [[null, ...TRICKY.slice(0, n)], ...TRICKY.slice(0, n).map((l, i) => [l, ...Array.from({ length: n }, (_, j) => (i === j ? 0 : 1 + i + j))])];
const INPUTS = { table, long, matrix } as const;

// ---------------------------------------------------------------------------------------------
// (a) the CLI's .xlsx

function csvOf(rows: CellValue[][]): string {
  const field = (v: CellValue) => (v === null ? "" : /[",\r\n\t]|^[\s=+\-@]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
  return rows.map((r) => r.map(field).join(",")).join("\n") + "\n";
}

const unescapeXml = (s: string) =>
  s
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
    .replace(/&#x([0-9A-Fa-f]+);/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCharCode(Number(d)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

/** The text of each shared string (rich runs joined). */
function sharedStrings(entries: Map<string, string>): string[] {
  const xml = entries.get("xl/sharedStrings.xml") ?? "";
  return [...xml.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => [...m[1].matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((t) => unescapeXml(t[1])).join(""));
}

interface XmlCell {
  readonly address: string;
  readonly type: string | undefined;
  /** The text a string cell shows (shared, inline or formula result). */
  readonly text: string | undefined;
  readonly formula: string | undefined;
}

/** Every `<c>` of a sheet's XML, with its text and formula. */
function cellsOf(xml: string, strings: string[]): XmlCell[] {
  const out: XmlCell[] = [];
  for (const m of xml.matchAll(/<c r="([A-Z]+\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    const [, address, attrs, body = ""] = m;
    const type = /\bt="([^"]+)"/.exec(attrs)?.[1];
    const f = /<f(?:\s[^>]*)?>([\s\S]*?)<\/f>|<f(?:\s[^>]*)?\/>/.exec(body);
    const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
    let text: string | undefined;
    if (type === "s" && v !== undefined) text = strings[Number(v)];
    else if (type === "inlineStr") text = [...body.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((t) => unescapeXml(t[1])).join("");
    else if (type === "str" && v !== undefined) text = unescapeXml(v);
    out.push({ address, type, text, formula: f ? unescapeXml(f[1] ?? "") : undefined });
  }
  return out;
}

/**
 * Whether a written cell shows a label: exactly (a CR included, stored as _x000D_), or as a table
 * header shows it, spaces collapsed and trimmed (Excel tables need it: "\tTAB" heads a column as "TAB").
 */
const sameText = (a: string | undefined, b: string) => a !== undefined && (a === b || a === b.replace(/\s+/g, " ").trim());

describe("(a) the CLI writes text from the data as text, in the source copy and in the report", () => {
  const dir = mkdtempSync(join(tmpdir(), "injection-cli-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function cli(...args: string[]) {
    const r = spawnSync(process.execPath, [BIN, ...args, "--quiet", "--force"], { cwd: dir, encoding: "utf8", env: { ...process.env, MIGRATION_REPORT_DEBUG: "" } });
    if (r.status !== 0) throw new Error(`migration-report ${args.join(" ")} → ${r.status}: ${r.stderr}`);
    return r;
  }

  /** Checks a written report: every cell showing a tricky label is text with no formula. */
  function checkReport(path: string, sourceSheet: string, reportSheets: number, labels: readonly string[]): void {
    const entries = readZip(path);
    const strings = sharedStrings(entries);
    const names = [...(entries.get("xl/workbook.xml") ?? "").matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => unescapeXml(m[1]));
    expect(names[0]).toBe(sourceSheet);
    expect(names.length).toBeGreaterThanOrEqual(1 + reportSheets);
    for (const name of names) {
      const cells = cellsOf(sheetXml(entries, name), strings);
      for (const c of cells) {
        if (c.formula !== undefined) for (const p of PAYLOADS) expect([name, c.address, c.formula.includes(p)]).toEqual([name, c.address, false]);
        const label = TRICKY.find((t) => sameText(c.text, t));
        if (label === undefined) continue;
        // Text: a shared or inline string, never a formula (t="str" is a formula's result).
        expect([name, c.address, c.type, c.formula]).toEqual([name, c.address, expect.stringMatching(/^(s|inlineStr)$/), undefined]);
      }
      if (name === sourceSheet) {
        expect(cells.every((c) => c.formula === undefined)).toBe(true);
        const texts = cells.map((c) => c.text);
        for (const t of labels) expect([t, texts.some((x) => sameText(x, t))]).toEqual([t, true]);
      }
    }
  }

  const labelsInReport = (path: string, sourceSheet: string) => {
    const entries = readZip(path);
    const strings = sharedStrings(entries);
    const names = [...(entries.get("xl/workbook.xml") ?? "").matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => unescapeXml(m[1])).filter((s) => s !== sourceSheet);
    const texts = names.flatMap((name) => cellsOf(sheetXml(entries, name), strings).map((c) => c.text));
    return TRICKY.filter((t) => texts.some((x) => sameText(x, t)));
  };

  for (const [shape, rows] of Object.entries(INPUTS)) {
    for (const mode of ["native", "addin", "values"] as SharingMode[]) {
      test(`${shape} from a CSV, ${mode} mode`, () => {
        const input = join(dir, `${shape}.csv`);
        writeFileSync(input, csvOf(rows));
        const out = join(dir, `${shape}-${mode}.xlsx`);
        cli(input, "--mode", mode, "-o", out);
        const used = rows.flat().filter((v): v is string => typeof v === "string" && TRICKY.includes(v));
        checkReport(out, "Data", { table: 2, long: 4, matrix: 3 }[shape as keyof typeof INPUTS], used);
        // The labels reach the report (summary table, matrix, corridors), not only the source copy.
        expect(labelsInReport(out, "Data").sort()).toEqual([...new Set(used)].sort());
      });
    }
  }

  // A CR is not an XML character an XML reader keeps (it reads back as LF): the .xlsx stores it
  // as OOXML's escape _x000D_ (src/hosts/ooxml.ts, xlsxText), which Excel, LibreOffice and exceljs decode.
  test("a CR at the start of a label survives the .xlsx: stored as _x000D_, read back as CR", async () => {
    const input = join(dir, "cr.csv");
    writeFileSync(input, csvOf(table));
    const out = join(dir, "cr.xlsx");
    cli(input, "-o", out);
    const xml = [...readZip(out).values()].join("\n");
    expect(xml).not.toContain("\rCR");
    expect(xml).not.toContain("\nCR");
    expect(xml).toMatch(/<t(?: [^>]*)?>_x000D_CR<\/t>/);
    // And through a reader: the source copy and the summary's region column hold "\rCR" exactly.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const holding = (text: string) =>
      wb.worksheets.flatMap((ws) => {
        const at: string[] = [];
        ws.eachRow((row) => row.eachCell((c) => c.value === text && at.push(`${ws.name}!${c.address}`)));
        return at;
      });
    expect(holding("\rCR")).toEqual(["Data!A7", expect.stringMatching(/^Migration Summary!A\d+$/)]);
    expect(holding("\nCR")).toEqual([]);
  });

  test("a workbook: text cells (not formulas) starting with = + - @ tab CR stay text", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Flows & <more>");
    // As Excel stores text: a CR as _x000D_ (exceljs itself would write it raw, and it would read back as LF).
    long.forEach((r) => ws.addRow(r.map((v) => (typeof v === "string" ? xlsxText(v) : v))));
    const input = join(dir, "long.xlsx");
    await wb.xlsx.writeFile(input);
    // exceljs wrote them as strings: the input holds no formula.
    expect(cellsOf(sheetXml(readZip(input), "Flows & <more>"), sharedStrings(readZip(input))).every((c) => c.formula === undefined)).toBe(true);
    const out = join(dir, "long-from-xlsx.xlsx");
    cli(input, "-o", out);
    checkReport(out, "Flows & <more>", 4, TRICKY);
    expect(labelsInReport(out, "Flows & <more>").sort()).toEqual([...TRICKY].sort());
  });
});

// ---------------------------------------------------------------------------------------------
// (b) the Office.js host

describe("(b) the Office host writes text from the data as text", () => {
  let double: (ExcelDouble & { uninstall(): void }) | undefined;
  afterEach(() => {
    double?.uninstall();
    double = undefined;
  });

  /** Every non-blank cell of a sheet, with its address. */
  function cellsOfSheet(ws: SheetModel) {
    const used = ws.usedAddress();
    if (!used) return [];
    const r = parseRange(used.includes("!") ? used.slice(used.lastIndexOf("!") + 1) : used)!;
    const out: { address: string; got: ReturnType<SheetModel["cell"]> }[] = [];
    for (let i = r.top; i <= r.bottom; i++) for (let j = r.left; j <= r.right; j++) out.push({ address: cellAddress(i, j), got: ws.cell(cellAddress(i, j)) });
    return out;
  }

  for (const [shape, rows] of Object.entries(INPUTS)) {
    for (const mode of ["native", "addin", "values"] as SharingMode[]) {
      test(`${shape}, ${mode} mode: every label arrives as an apostrophe-prefixed value, never a formula`, async () => {
        const cols = rows.reduce((m, r) => Math.max(m, r.length), 0);
        double = installExcelDouble({ sheets: [{ name: "Data", values: rows }], selection: `Data!A1:${String.fromCharCode(64 + cols)}${rows.length}` });
        const before = double.workbook.sheet("Data")!.snapshot();
        const read = await readSelection();
        expect(read.block.values.flat().filter((v) => typeof v === "string" && TRICKY.includes(v)).length).toBeGreaterThan(0);
        const plan = planReport(read.block, detect(read.block), { mode, now: NOW, hostDrawsCharts: true });
        const written = await writeReport(plan);
        const seen = new Set<string>();
        for (const name of written.sheets) {
          for (const { address, got } of cellsOfSheet(double.workbook.sheet(name)!)) {
            if (got.formula !== undefined) for (const p of PAYLOADS) expect([name, address, got.formula.includes(p)]).toEqual([name, address, false]);
            const label = TRICKY.find((t) => sameText(typeof got.value === "string" ? got.value : undefined, t));
            if (label === undefined) continue;
            expect([name, address, got.formula, got.quotePrefix]).toEqual([name, address, undefined, true]);
            seen.add(label);
          }
        }
        const used = rows.flat().filter((v): v is string => typeof v === "string" && TRICKY.includes(v));
        expect([...seen].sort()).toEqual([...new Set(used)].sort());
        // The user's data is left as it was.
        expect(double.workbook.sheet("Data")!.snapshot()).toEqual(before);
      });
    }
  }
});

// ---------------------------------------------------------------------------------------------
// (c) the task pane: CSP, AppDomains, no markup from strings, no network

/** Parses a CSP into directive → sources. */
function parseCsp(csp: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of csp.split(";")) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) out.set(name.toLowerCase(), sources);
  }
  return out;
}

const OFFICE_CDN = "https://appsforoffice.microsoft.com";

describe("(c) the task pane", () => {
  let dist = "";
  let built: { status: number | null; output: string } = { status: null, output: "" };
  beforeAll(() => {
    dist = mkdtempSync(join(tmpdir(), "dist-csp-"));
    const r = spawnSync("npx", ["webpack", "--mode", "production"], { cwd: ROOT, env: { ...process.env, DIST_DIR: dist, OFFICE_JS: "", ADDIN_ORIGIN: "https://addin.example.org/" }, encoding: "utf8" });
    built = { status: r.status, output: r.stdout + r.stderr };
  });
  afterAll(() => rmSync(dist, { recursive: true, force: true }));

  test("the built page's CSP: scripts only from 'self' and Office's CDN, no inline script or eval, no other origin", () => {
    if (built.status !== 0) console.log(built.output);
    expect(built.status).toBe(0);
    const html = readFileSync(join(dist, "taskpane.html"), "utf8");
    const metas = [...html.matchAll(/<meta[^>]*http-equiv="?Content-Security-Policy"?[^>]*>/gi)].map((m) => m[0]);
    expect(metas).toHaveLength(1);
    const csp = /content="([^"]*)"/.exec(metas[0])?.[1] ?? "";
    const d = parseCsp(csp.replace(/&#39;/g, "'").replace(/&quot;/g, '"'));
    expect(d.get("default-src")).toEqual(["'self'"]);
    expect([...(d.get("script-src") ?? [])].sort()).toEqual(["'self'", OFFICE_CDN].sort());
    for (const name of ["script-src-elem", "script-src-attr", "worker-src"]) expect(d.has(name)).toBe(false); // nothing that widens script-src
    expect(d.get("object-src")).toEqual(["'none'"]);
    expect(d.get("base-uri")).toEqual(["'none'"]);
    for (const [name, sources] of d) {
      for (const s of sources) {
        // No other origin anywhere; no inline code, eval, wildcard or scheme-wide source.
        expect([name, s]).toEqual([name, expect.stringMatching(/^('self'|'none'|data:|https:\/\/appsforoffice\.microsoft\.com)$/)]);
        if (s === "data:") expect(["img-src", "font-src"]).toContain(name);
      }
    }
    // Scripts the page loads are its own or Office's, and none is inline.
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      expect(body.trim()).toBe("");
      const src = /src="?([^"\s>]+)/.exec(attrs)?.[1] ?? "";
      expect(src.startsWith(`${OFFICE_CDN}/`) || !/^[a-z]+:|^\/\//i.test(src)).toBe(true);
    }
    expect(html).not.toMatch(/\son[a-z]+\s*=/i); // no inline event handlers
  });

  test("the built task pane script never evaluates strings", () => {
    expect(built.status).toBe(0);
    const js = readFileSync(join(dist, "taskpane.js"), "utf8");
    expect(js).not.toMatch(/\beval\(|new Function\(|\.innerHTML\s*=|\.outerHTML\s*=|insertAdjacentHTML|document\.write/);
  });

  test("the manifest trusts no other domain: <AppDomains /> is empty", () => {
    for (const file of [join(ROOT, "manifest.xml"), join(dist, "manifest.xml")]) {
      const xml = readFileSync(file, "utf8");
      expect(xml).toMatch(/<AppDomains\s*\/>/);
      expect(xml).not.toMatch(/<AppDomain>/);
    }
  });

  /** Every .ts file under src/, comments removed (they may name what the code avoids). */
  function sources(): { file: string; code: string }[] {
    const out: { file: string; code: string }[] = [];
    const walk = (dir: string) => {
      for (const e of readdirSync(dir)) {
        const p = join(dir, e);
        if (statSync(p).isDirectory()) walk(p);
        else if (/\.(ts|js|html)$/.test(e)) out.push({ file: p.slice(ROOT.length + 1), code: stripComments(readFileSync(p, "utf8")) });
      }
    };
    walk(join(ROOT, "src"));
    return out;
  }
  const stripComments = (s: string) => s.replace(/\/\*[\s\S]*?\*\//g, "").replace(/<!--[\s\S]*?-->/g, "").replace(/(^|[^:"'`\\])\/\/.*$/gm, "$1");

  test("src/ never turns a string into markup or code", () => {
    const files = sources();
    expect(files.length).toBeGreaterThan(20);
    const bad = /\.innerHTML\b|\.outerHTML\b|insertAdjacentHTML|document\.write|\beval\s*\(|\bnew\s+Function\b|\bFunction\s*\(|setTimeout\s*\(\s*["'`]|setInterval\s*\(\s*["'`]|javascript:|DOMParser|createContextualFragment|srcdoc/;
    expect(files.filter((f) => bad.test(f.code)).map((f) => `${f.file}: ${bad.exec(f.code)![0]}`)).toEqual([]);
    // No inline event-handler attributes set through el(…, { onclick: "…" }).
    const handlers = /[{,]\s*["']?on[a-z]+["']?\s*:\s*["'`]/;
    expect(files.filter((f) => f.file.startsWith("src/taskpane") && handlers.test(f.code)).map((f) => f.file)).toEqual([]);
  });

  test("src/ makes no network calls", () => {
    const net = /\bfetch\s*\(|XMLHttpRequest|\bWebSocket\b|sendBeacon|EventSource|\bimportScripts\b|RTCPeerConnection|navigator\.serviceWorker|\bwindow\.open\s*\(|new\s+Image\s*\(|\brequire\(\s*["'](?:node:)?(?:https?|net|tls|dgram|http2)["']\s*\)|from\s+["'](?:node:)?(?:https?|net|tls|dgram|http2)["']/;
    const files = sources();
    expect(files.filter((f) => net.test(f.code)).map((f) => `${f.file}: ${net.exec(f.code)![0]}`)).toEqual([]);
    // The pane's code references no origin but Office's CDN (in its HTML) and documentation links.
    const urls = files.flatMap((f) => [...f.code.matchAll(/https?:\/\/[^\s"'`)<>]+/g)].map((m) => `${f.file}: ${m[0]}`));
    expect(urls.filter((u) => /\.ts: /.test(u) && !/localhost|example\.|learn\.microsoft\.com|docs\.microsoft\.com|aka\.ms|schemas\.|www\.w3\.org|purl\.org\/dc/.test(u))).toEqual([]);
  });
});
