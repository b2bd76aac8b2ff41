#!/usr/bin/env node
// Dependency audit of what the add-in ships: `npm audit --omit=dev`.
//
//   node scripts/audit.js
//
// Exit codes: 0 the audit ran and found no high or critical issue; 1 it found one or more;
// 2 no audit could be done (the registry's audit endpoint is unavailable or answered something
// that is not an audit report, npm could not be run). An audit that did not happen is never
// reported as a pass. Not part of `npm test`: it needs the network and the registry.
"use strict";
const { spawnSync } = require("child_process");
const path = require("path");

const ROOT = path.join(__dirname, "..");
const EXIT = { ok: 0, found: 1, unavailable: 2 };
const BLOCKING = ["high", "critical"];

function unavailable(reason) {
  process.stderr.write(`audit: NOT DONE: ${reason}\n`);
  process.stderr.write("audit: no result: this is not a pass. Run `npm audit --omit=dev` where the registry's audit endpoint answers (registry.npmjs.org, or a mirror that serves /-/npm/v1/security/advisories/bulk).\n");
  process.exit(EXIT.unavailable);
}

const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const r = spawnSync(npm, ["audit", "--omit=dev", "--json"], { cwd: ROOT, encoding: "utf8", shell: process.platform === "win32", maxBuffer: 64 * 1024 * 1024 });
if (r.error) unavailable(`could not run npm: ${r.error.message}`);

let report;
try {
  report = JSON.parse(r.stdout);
} catch {
  const said = (r.stderr || r.stdout || "").split("\n").filter((l) => /error|warn/i.test(l) && !/Unknown user config/.test(l)).join(" / ");
  unavailable(`npm audit gave no report (exit ${r.status})${said ? `: ${said}` : ""}`);
}

// npm prints the registry's refusal as JSON too: { message, statusCode, uri, ... } or { error: { code, summary } }.
if (!report || typeof report !== "object" || !report.metadata || !report.metadata.vulnerabilities) {
  const status = report && (report.statusCode || (report.error && report.error.code));
  const message = report && (report.message || (report.error && (report.error.summary || report.error.detail)));
  const why = [status ? `HTTP ${status}` : "", message || ""].filter(Boolean).join(": ") || "an answer that is not an audit report";
  unavailable(`the registry's audit endpoint is unavailable (${why})`);
}

const counts = report.metadata.vulnerabilities;
const deps = report.metadata.dependencies || {};
process.stdout.write(`audit: production dependencies audited: ${deps.prod !== undefined ? deps.prod : deps.total !== undefined ? deps.total : "?"}\n`);
process.stdout.write(`audit: vulnerabilities: ${["critical", "high", "moderate", "low", "info"].map((k) => `${counts[k] || 0} ${k}`).join(", ")} (${counts.total || 0} in all)\n`);
for (const [name, v] of Object.entries(report.vulnerabilities || {})) {
  const via = (v.via || []).map((x) => (typeof x === "string" ? x : x.title || x.url || "")).filter(Boolean).join("; ");
  process.stdout.write(`  ${v.severity.padEnd(8)} ${name} ${v.range || ""}${via ? ` — ${via}` : ""}${v.fixAvailable ? " (fix available)" : ""}\n`);
}
const blocking = BLOCKING.reduce((s, k) => s + (counts[k] || 0), 0);
if (blocking > 0) {
  process.stderr.write(`audit: FAILED: ${blocking} high or critical issue(s) in production dependencies\n`);
  process.exit(EXIT.found);
}
process.stdout.write("audit: passed: no high or critical issue in production dependencies\n");
process.exit(EXIT.ok);
