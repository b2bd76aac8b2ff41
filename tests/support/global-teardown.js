/** Removes the shared air-gapped pane build made during the run. */
const { rmSync } = require("fs");

module.exports = function globalTeardown() {
  const root = process.env.PANE_BUILD_ROOT;
  if (root) rmSync(root, { recursive: true, force: true });
};
