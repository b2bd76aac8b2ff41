import { readFileSync } from "fs";
import { join } from "path";
import { functions as CATALOG } from "../../src/functions/catalog.json";
import { readMetadata } from "../../scripts/lib/bundle";
import { goldenView } from "./golden";

const metadata = readMetadata();
const golden = JSON.parse(readFileSync(join(__dirname, "functions.golden.json"), "utf8"));

test("functions.json matches the golden file (names, argument order, types, dimensionality, optional flags)", () => {
  // After a deliberate change: npx tsx scripts/update-golden.ts
  expect(goldenView(metadata)).toEqual(golden);
});

test("every catalog function is present once, named exactly as in the design", () => {
  const ids = metadata.map((f) => f.id);
  expect(new Set(ids).size).toBe(ids.length);
  expect([...ids].sort()).toEqual([...CATALOG].sort());
  metadata.forEach((f) => expect(f.name).toBe(f.id));
});

test("the argument orders are those of the catalog in ../shared/DESIGN.md", () => {
  const signature = (id: string) => metadata.find((f) => f.id === id)!.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(", ");
  expect(signature("BRAINDRAIN.RATE")).toBe("skilled_emigrants, skilled_residents");
  expect(signature("BRAINDRAIN.NET")).toBe("skilled_emigrants, skilled_immigrants, [base]");
  expect(signature("BRAINDRAIN.RELATIVE")).toBe("skilled_emigrants, total_emigrants, skilled_residents, total_residents");
  expect(signature("BRAINDRAIN.COST")).toBe("emigrants, yearly_costs, [interest_rate]");
  expect(signature("CIRCULATION.INDEX")).toBe("flows, [counterflows]");
  expect(signature("CIRCULATION.CHANGE")).toBe("first_matrix, last_matrix, [by_region]");
  expect(signature("MIGRATION.NETRATE")).toBe("inflow, outflow, population, [per]");
  expect(signature("MIGRATION.COURGEAUK")).toBe("migrants, population, regions");
  expect(signature("MIGRATION.GINI")).toBe("matrix, [corrected]");
  expect(signature("MIGRATION.CORRIDORS")).toBe("matrix, [labels], [top]");
  expect(signature("MIGRATION.MATRIX")).toBe("origins, destinations, flows");
  expect(signature("MIGRATION.IPF")).toBe("seed, row_totals, col_totals, [max_iterations], [tolerance]");
  expect(signature("MIGRATION.FLOWSFROMSTOCKS")).toBe("stocks_start, stocks_end, [method]");
  expect(signature("MIGRATION.INEQUALITY")).toBe("matrix, [expected]");
  expect(signature("MIGRATION.GINIORIGIN")).toBe("matrix");
  expect(signature("MIGRATION.GINIDESTINATION")).toBe("matrix");
  expect(signature("MIGRATION.WEIGHTEDGINI")).toBe("matrix, [side]");
  expect(signature("MIGRATION.CV")).toBe("matrix");
  expect(signature("MIGRATION.ACV")).toBe("matrix");
  expect(signature("MIGRATION.PREFERENCE")).toBe("matrix, populations");
  expect(signature("MIGRATION.VELOCITY")).toBe("matrix, populations");
  expect(signature("MIGRATION.MEANDISTANCE")).toBe("matrix, distances");
  expect(signature("MIGRATION.MEDIANDISTANCE")).toBe("matrix, distances");
  expect(signature("MIGRATION.DISTANCEDECAY")).toBe("matrix, distances");
  expect(signature("MIGRATION.AGEINDICES")).toBe("ages, rates, [age_min], [age_max], [breadth]");
  expect(signature("MIGRATION.INDICES")).toBe("matrix, [populations], [distances]");
  expect(signature("MIGRATION.LUMP")).toBe("matrix, labels, top, [other_label]");
  expect(signature("MIGRATION.PERIODS")).toBe("periods, origins, destinations, flows, [measure]");
  expect(signature("STUDENTS.NETFLOWRATIO")).toBe("inbound_students, outbound_students, tertiary_enrolment");
  expect(signature("STUDENTS.GROSSOUTBOUND")).toBe("outbound_students, tertiary_age_population");
});

test("every function and argument has a description, and a help link to its section of the reference", () => {
  for (const f of metadata) {
    expect(f.description.length).toBeGreaterThan(20);
    expect(f.helpUrl).toBe(`https://localhost:3000/reference.html#${f.id.toLowerCase().replace(".", "-")}`);
    f.parameters.forEach((p) => expect(p.description.length).toBeGreaterThan(5));
  }
});

test("range arguments are declared any[][] so blanks, text and booleans reach the function as they are", () => {
  for (const f of metadata) for (const p of f.parameters) if (p.dimensionality === "matrix") expect(p.type).toBe("any");
});
