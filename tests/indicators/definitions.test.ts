/**
 * Each catalog function has exactly one definition (name, meaning, formula, citation), in the
 * module of its indicator family; every cited work is cited by some definition; and the
 * meaning, which is the function's tooltip, has its Ukrainian translation.
 */
import { readdirSync, readFileSync } from "fs";
import { join } from "path";
import { functions as CATALOG } from "../../src/functions/catalog.json";
import * as CITATIONS from "../../src/indicators/definitions/citations";
import { DEFINITIONS, definitionOf, MeasureDefinition } from "../../src/indicators/definitions";

const DIR = join(__dirname, "..", "..", "src", "indicators", "definitions");
const FAMILY_MODULES = readdirSync(DIR).filter((f) => f.endsWith(".ts") && !["index.ts", "definition.ts", "citations.ts"].includes(f));
// Each family module, found on disk, so that none is left out of the count.
const families = FAMILY_MODULES.map((f) => Object.values(require(join(DIR, f)) as Record<string, Record<string, MeasureDefinition>>)[0]);
const UK: Record<string, { description: string }> = JSON.parse(readFileSync(join(__dirname, "..", "..", "src", "functions", "metadata.uk.json"), "utf8"));

test("every catalog function has exactly one definition, across the family modules", () => {
  const keys = families.flatMap((f) => Object.keys(f));
  const counts = new Map<string, number>();
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  expect([...counts].filter(([, n]) => n !== 1)).toEqual([]);
  expect([...keys].sort()).toEqual([...CATALOG].sort());
  expect(Object.keys(DEFINITIONS).sort()).toEqual([...CATALOG].sort());
});

test("a name that is not a catalog function has no definition", () => {
  expect(definitionOf("MIGRATION.MEI")?.name).toBe("Migration effectiveness index (MEI)");
  expect(definitionOf("MIGRATION.NOPE")).toBeUndefined();
  expect(definitionOf("toString")).toBeUndefined();
});

describe.each(CATALOG)("%s", (id) => {
  const d = definitionOf(id)!;

  test("has a name, a one-sentence meaning, a formula and a citation, in plain text", () => {
    for (const text of [d.name, d.meaning, d.formula, d.citation]) {
      expect(text.trim()).toBe(text);
      expect(text.length).toBeGreaterThan(0);
      expect(text).not.toMatch(/[`\n]/);
    }
    expect(d.name).not.toBe(id);
    expect(d.meaning).toMatch(/[.)]$/);
  });

  test("its meaning has a Ukrainian translation (the function's description in metadata.uk.json)", () => {
    expect(UK[id]?.description?.trim()).toBeTruthy();
  });
});

test("every cited work is cited by some definition", () => {
  const all = Object.values(DEFINITIONS).map((d) => d.citation).join("\n");
  const unused = Object.entries(CITATIONS).filter(([, text]) => !all.includes(text)).map(([name]) => name);
  expect(unused).toEqual([]);
});
