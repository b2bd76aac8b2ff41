/**
 * Schema validation of .xlsx files against the ECMA-376 Transitional schemas in
 * ../shared/ooxml (see its validate.sh and schemas/SOURCES.md), with Debian's xmllint.
 *
 * validate.sh formats each part and starts one xmllint per file, which takes about a second a
 * report and 2.4 GB for a 1,000,000-cell one. Here the XML parts of many reports go to ONE
 * xmllint run (the schemas compiled once, a few hundred parts a run); a part over 8 MB is
 * validated in streaming mode (`--stream`: flat memory; xmllint compiles the schemas again for
 * each file in that mode, so small parts are not). Same schemas, catalog and single filtered
 * false positive as validate.sh; a test checks that both find the same errors. validate.sh
 * stays the tool to read an error in context.
 */
import { spawnSync } from "child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { dirname, join } from "path";
import { ensureInstalled, which } from "./apt";
import { readZip } from "./zip";

export const OOXML = join(__dirname, "..", "..", "..", "shared", "ooxml");
export const VALIDATE_SH = join(OOXML, "validate.sh");
const SCHEMA = join(OOXML, "schemas", "all.xsd");
const CATALOG = join(OOXML, "schemas", "catalog.xml");

/** The one command that installs xmllint (Debian/Ubuntu). */
export const XMLLINT_INSTALL = "apt-get update && apt-get install -y --no-install-recommends libxml2-utils";

/**
 * validate.sh's one filtered message: the schema types `<t>` as a simple type, so
 * xml:space="preserve" on it (which Excel itself writes) is reported as not allowed.
 */
const SPACE_FP = "attribute '{http://www.w3.org/XML/1998/namespace}space': The attribute '{http://www.w3.org/XML/1998/namespace}space' is not allowed";

let xmllintPath: string | null = null;

/** xmllint, installed with apt when missing and we are root; otherwise a failure naming the command. */
export function ensureXmllint(): string {
  if (!xmllintPath) xmllintPath = ensureInstalled("xmllint (libxml2-utils)", () => which("xmllint"), XMLLINT_INSTALL);
  return xmllintPath;
}

export interface SchemaReport {
  /** Reports and XML parts validated. */
  readonly reports: number;
  readonly parts: number;
  /** `file.xlsx:part: message`, one per schema error (none: all valid). */
  readonly errors: string[];
  /** Parts with the known xml:space-on-<t> false positive, counted as validate.sh counts them. */
  readonly filtered: number;
}

/** Parts per xmllint run: well under the command line's limit. */
const PARTS_PER_RUN = 400;
/** Parts larger than this are validated streaming (a DOM of an 80 MB sheet takes gigabytes). */
const STREAM_BYTES = 8 << 20;

/**
 * Validates every XML part (*.xml, *.rels) of each .xlsx in `paths`; parts larger than
 * `streamAbove` characters are validated streaming.
 */
export function validateXlsx(paths: readonly string[], options: { streamAbove?: number } = {}): SchemaReport {
  const streamAbove = options.streamAbove ?? STREAM_BYTES;
  const xmllint = ensureXmllint();
  const tmp = mkdtempSync(join(tmpdir(), "ooxml-schema-"));
  try {
    const files: { file: string; label: string; big: boolean }[] = [];
    paths.forEach((path, k) => {
      for (const [part, text] of readZip(path, (name) => /\.(xml|rels|vml)$/i.test(name))) {
        const file = join(tmp, String(k), part);
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, text);
        files.push({ file, label: `${path.replace(/^.*\//, "")}:${part}`, big: text.length > streamAbove });
      }
    });
    const labels = new Map(files.map((f) => [f.file, f.label]));
    const errors: string[] = [];
    let filtered = 0;
    const runs: { stream: boolean; files: string[] }[] = [];
    const small = files.filter((f) => !f.big).map((f) => f.file);
    for (let i = 0; i < small.length; i += PARTS_PER_RUN) runs.push({ stream: false, files: small.slice(i, i + PARTS_PER_RUN) });
    const big = files.filter((f) => f.big).map((f) => f.file);
    if (big.length) runs.push({ stream: true, files: big });
    for (const { stream, files: batch } of runs) {
      const r = spawnSync(xmllint, ["--nonet", "--noout", "--huge", ...(stream ? ["--stream"] : []), "--schema", SCHEMA, ...batch], {
        encoding: "utf8",
        env: { ...process.env, XML_CATALOG_FILES: CATALOG },
        maxBuffer: 1 << 30,
      });
      if (r.error) throw r.error;
      if (/failed to compile/.test(r.stderr)) throw new Error(`the schemas in ${OOXML} did not compile:\n${r.stderr.slice(0, 2000)}`);
      for (const line of r.stderr.split("\n")) {
        if (!line || / validates$/.test(line) || / fails to validate$/.test(line) || /Schemas parser warning|Skipping import of schema/.test(line)) continue;
        if (line.includes(SPACE_FP)) {
          filtered++;
          continue;
        }
        const file = batch.find((f) => line.startsWith(`${f}:`));
        if (file) errors.push(`${labels.get(file)}${line.slice(file.length)}`);
        else if (errors.length) errors[errors.length - 1] += ` ${line.trim()}`; // a parser error's context lines
        else errors.push(line);
      }
    }
    return { reports: paths.length, parts: files.length, errors, filtered };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** validate.sh itself on `paths`: its schema-error lines and its exit status. */
export function validateWithScript(paths: readonly string[]): { errors: string[]; status: number | null } {
  ensureXmllint();
  ensureInstalled("unzip", () => which("unzip"), "apt-get update && apt-get install -y --no-install-recommends unzip");
  const r = spawnSync("bash", [VALIDATE_SH, ...paths], { encoding: "utf8", maxBuffer: 1 << 28 });
  const errors = r.stdout.split("\n").filter((l) => l && !l.startsWith("==") && !/^\s+>/.test(l) && !/^\s+parts kept/.test(l));
  return { errors, status: r.status };
}
