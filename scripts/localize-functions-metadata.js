/**
 * Localized custom-function metadata. Excel loads a per-locale metadata file when the manifest's
 * Functions.Metadata.Url has an <bt:Override Locale="uk-UA" …>; it must list the same functions
 * with the same ids and names (the names stay English: formulas are shared between languages),
 * only the descriptions change. The build writes dist/functions.uk.json from dist/functions.json
 * and the table in src/functions/metadata.uk.json, and fails when a function or an argument has
 * no translation, or the table names one that does not exist (a stale entry).
 */
const path = require("path");
const fs = require("fs");

const TABLE = path.join(__dirname, "..", "src", "functions", "metadata.uk.json");

function readTable(file = TABLE) {
  return JSON.parse(fs.readFileSync(file, "utf8"));
}

/**
 * Returns { json, problems }: the localized metadata (text) and what is missing or stale.
 * `json` is undefined when there are problems.
 */
function localizeFunctionsMetadata(metadataJson, table, locale = "uk") {
  const problems = [];
  const metadata = JSON.parse(metadataJson);
  const seen = new Set();
  const text = (s) => typeof s === "string" && s.trim() !== "";
  const functions = (metadata.functions || []).map((f) => {
    const t = table[f.id];
    seen.add(f.id);
    if (!t || !text(t.description)) {
      problems.push(`${f.id} has no ${locale} description`);
      return f;
    }
    const params = (t && t.parameters) || {};
    for (const name of Object.keys(params)) if (!(f.parameters || []).some((p) => p.name === name)) problems.push(`${f.id}: the ${locale} table describes an argument '${name}' the function does not have`);
    const parameters = (f.parameters || []).map((p) => {
      if (!text(params[p.name])) {
        problems.push(`${f.id} argument ${p.name} has no ${locale} description`);
        return p;
      }
      return { ...p, description: params[p.name] };
    });
    return { ...f, description: t.description, parameters };
  });
  for (const id of Object.keys(table)) if (!seen.has(id)) problems.push(`the ${locale} table has an entry for ${id}, which is not a function`);
  if (problems.length > 0) return { json: undefined, problems };
  return { json: JSON.stringify({ ...metadata, functions }, null, 2), problems };
}

module.exports = { localizeFunctionsMetadata, readTable, TABLE };
