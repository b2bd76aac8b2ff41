#!/usr/bin/env node
/**
 * Offline manifest validation. `office-addin-manifest validate manifest.xml` asks Microsoft's
 * web service and fails without a network, so the XML manifest is converted to the unified
 * JSON manifest and that is checked against the schemas bundled with office-addin-manifest.
 * Usage: node scripts/validate-manifest.js [manifest.xml]
 */
const { spawnSync } = require("child_process");
const { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } = require("fs");
const { tmpdir } = require("os");
const path = require("path");

const manifest = path.resolve(process.argv[2] || path.join(__dirname, "..", "manifest.xml"));
const bin = (name) => path.join(__dirname, "..", "node_modules", ".bin", name);
const out = mkdtempSync(path.join(tmpdir(), "manifest-"));

function run(cmd, args) {
  const r = spawnSync(cmd, args, { encoding: "utf8" });
  process.stdout.write(r.stdout || "");
  process.stderr.write(r.stderr || "");
  return r.status;
}

/**
 * The converter labels its output schema 1.17 but writes `getStartedMessages` (the XML's
 * <GetStarted>), which the JSON schemas have only from 1.24: checked against 1.17 a valid
 * manifest fails to load. Such output is checked against 1.24, the first schema that has every
 * part the converter wrote; nothing else about it changes.
 */
function alignSchemaVersion(dir) {
  const files = readdirSync(dir).filter((f) => f.endsWith(".json"));
  const main = JSON.parse(readFileSync(path.join(dir, "manifest.json"), "utf8"));
  const uses = (main.extensions || []).some((e) => e.getStartedMessages);
  const [major, minor] = String(main.manifestVersion).split(".").map(Number);
  if (!uses || major > 1 || minor >= 24) return;
  console.log(`(the converter wrote getStartedMessages under schema ${main.manifestVersion}; checking against 1.24, the first schema that has it)`);
  for (const f of files) {
    const file = path.join(dir, f);
    const json = JSON.parse(readFileSync(file, "utf8"));
    if (typeof json.$schema === "string") json.$schema = json.$schema.replace(/\/v1\.\d+\//, "/v1.24/");
    if (f === "manifest.json") json.manifestVersion = "1.24";
    writeFileSync(file, JSON.stringify(json, null, 4));
  }
}

let status = run(bin("office-addin-manifest-converter"), ["convert", manifest, "--output", out]);
if (status === 0) alignSchemaVersion(out);
if (status === 0) status = run(bin("office-addin-manifest"), ["validate", path.join(out, "manifest.json")]);
rmSync(out, { recursive: true, force: true });
console.log(status === 0 ? `${path.basename(manifest)} is valid (converted to JSON, checked against the bundled schemas).` : `${path.basename(manifest)} is NOT valid.`);
process.exit(status === 0 ? 0 : 1);
