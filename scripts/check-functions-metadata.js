/**
 * The build's guard on the metadata Excel loads: custom-functions-metadata reports a bad
 * function by printing errors and writing no file, so the build checks the file itself.
 * Returns a list of problems; empty means every catalog function is there and well formed.
 */
const path = require("path");
const { functions: CATALOG } = require(path.join(__dirname, "..", "src", "functions", "catalog.json"));

function checkFunctionsMetadata(json) {
  if (json === undefined) return ["missing: metadata generation wrote no functions.json (see the errors above)"];
  let metadata;
  try {
    metadata = JSON.parse(json);
  } catch (e) {
    return [`not valid JSON (${e.message})`];
  }
  const problems = [];
  const byId = new Map((metadata.functions || []).map((f) => [f.id, f]));
  for (const id of CATALOG) {
    const f = byId.get(id);
    if (!f) {
      problems.push(`catalog function ${id} is absent`);
      continue;
    }
    if (f.name !== id) problems.push(`${id} is named ${f.name} in Excel`);
    if (!f.description) problems.push(`${id} has no description`);
    if (!f.helpUrl) problems.push(`${id} has no help URL`);
    for (const p of f.parameters || []) if (!p.description) problems.push(`${id} argument ${p.name} has no description`);
  }
  return problems;
}

module.exports = { checkFunctionsMetadata, CATALOG };
