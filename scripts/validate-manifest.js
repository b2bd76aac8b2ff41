#!/usr/bin/env node
/**
 * Offline manifest validation. `office-addin-manifest validate manifest.xml` asks Microsoft's
 * web service and fails without a network, so the XML manifest is converted to the unified
 * JSON manifest and that is checked against the schemas bundled with office-addin-manifest.
 * Usage: node scripts/validate-manifest.js [manifest.xml]
 */
const { spawnSync } = require("child_process");
const { mkdtempSync, rmSync } = require("fs");
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

let status = run(bin("office-addin-manifest-converter"), ["convert", manifest, "--output", out]);
if (status === 0) status = run(bin("office-addin-manifest"), ["validate", path.join(out, "manifest.json")]);
rmSync(out, { recursive: true, force: true });
console.log(status === 0 ? `${path.basename(manifest)} is valid (converted to JSON, checked against the bundled schemas).` : `${path.basename(manifest)} is NOT valid.`);
process.exit(status === 0 ? 0 : 1);
