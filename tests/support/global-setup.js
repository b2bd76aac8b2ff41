/**
 * Once per jest run, before any worker starts: a folder for the air-gapped pane build that the
 * browser suites share (built by the first suite that needs it, see pane-build.ts). Workers
 * inherit the environment variable; a run with no browser suite builds nothing.
 */
const { mkdtempSync } = require("fs");
const { tmpdir } = require("os");
const { join } = require("path");

module.exports = function globalSetup() {
  process.env.PANE_BUILD_ROOT = mkdtempSync(join(tmpdir(), "pane-build-"));
};
