import { CellValue, Role, Shape } from "./types";

/**
 * The header vocabulary: which column names mean which role. Headers are compared after
 * normalising case, spacing, punctuation, accents, camelCase, plurals and units in brackets, so
 * "Population (thousands)", "population_total" and "Population" all read alike.
 */

/** Every role, in the order a user reads them (used in error messages). */
export const ROLES = [
  "region",
  "code",
  "year",
  "group",
  "origin",
  "destination",
  "flow",
  "emigrants",
  "immigrants",
  "skilledEmigrants",
  "skilledResidents",
  "skilledImmigrants",
  "residents",
  "population",
  "returnees",
  "inboundStudents",
  "outboundStudents",
  "tertiaryEnrolment",
  "tertiaryAgePopulation",
  "totalRate",
  "skilledRate",
] as const satisfies readonly Role[];
// Fails to compile if types.ts gains a role this list lacks.
const _allRoles: Exclude<Role, (typeof ROLES)[number]> extends never ? true : never = true;
void _allRoles;

/** Each role's name in English: report column headers and the task pane's English labels. */
export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  region: "Region",
  code: "Code",
  year: "Year",
  group: "Group",
  origin: "Origin",
  destination: "Destination",
  flow: "Flow",
  emigrants: "Emigrants",
  immigrants: "Immigrants",
  skilledEmigrants: "Skilled emigrants",
  skilledResidents: "Skilled residents",
  skilledImmigrants: "Skilled immigrants",
  residents: "Residents",
  population: "Population",
  returnees: "Returnees",
  inboundStudents: "Inbound students",
  outboundStudents: "Outbound students",
  tertiaryEnrolment: "Tertiary enrolment",
  tertiaryAgePopulation: "Tertiary-age population",
  totalRate: "Total emigration rate",
  skilledRate: "Skilled emigration rate",
};

/** Roles whose cells are labels rather than numbers. */
const LABEL_ROLES = ["region", "code", "year", "group", "origin", "destination"] as const satisfies readonly Role[];
export type LabelRole = (typeof LABEL_ROLES)[number];
const LABEL_ROLE_SET: ReadonlySet<Role> = new Set(LABEL_ROLES);
/** A country table's label roles, in the order the report's columns show them. */
export const TABLE_LABEL_ROLES: readonly LabelRole[] = ["region", "code", "group", "year"];
export type NumericRole = Exclude<Role, LabelRole>;

export function isLabelRole(role: Role): role is LabelRole {
  return LABEL_ROLE_SET.has(role);
}

export function isNumericRole(role: Role): role is NumericRole {
  return !LABEL_ROLE_SET.has(role);
}

/** Rates are fractions; every other numeric role counts people and must not be negative. */
export function isRateRole(role: Role): boolean {
  return role === "totalRate" || role === "skilledRate";
}

/** The roles each shape uses: a long list has no country attributes, a table has no flows. */
export function rolesOf(shape: Shape): readonly Role[] {
  if (shape === "matrix") return [];
  if (shape === "long") return ["origin", "destination", "flow", "year", "group"];
  return ROLES.filter((r) => r !== "origin" && r !== "destination" && r !== "flow");
}

export function isRole(name: string): name is Role {
  return (ROLES as readonly string[]).includes(name);
}

/**
 * Names per role, written as a user would type them (normalised when the table is built).
 * The first entries are the role's own names (full confidence); the rest are synonyms.
 */
const VOCABULARY: Record<Role, { names: string[]; synonyms: string[] }> = {
  region: {
    names: ["region", "country"],
    synonyms: ["name", "area", "country name", "region name", "country or area", "territory", "nation", "economy", "state", "province", "place", "location"],
  },
  code: {
    names: ["code", "country code", "iso3", "alpha3"],
    synonyms: ["ccode", "iso", "iso code", "iso3 code", "iso 3", "alpha 3", "iso alpha3", "iso a3", "iso2", "alpha2", "m49", "region code"],
  },
  // The time column: a year, or a period of years (Abel's flow estimates start each five-year
  // period in `year0`; Erasmus counts by academic year).
  year: {
    names: ["year", "period"],
    synonyms: [
      "year0",
      "year 0",
      "yr",
      "time",
      "time period",
      "date",
      "reference year",
      "reference period",
      "reference date",
      "census year",
      "survey year",
      "academic year",
      "school year",
      "start year",
      "year start",
      "period start",
      "start period",
      "first year",
    ],
  },
  group: { names: ["group"], synonyms: ["gender", "sex", "age group", "education", "education level", "category", "cohort"] },
  origin: {
    names: ["origin"],
    synonyms: ["orig", "from", "source", "home", "origin country", "country of origin", "home country", "origin region", "origin name", "from country", "from region", "sending country", "country of birth", "birthplace", "o"],
  },
  destination: {
    names: ["destination"],
    synonyms: ["dest", "to", "host", "destination country", "country of destination", "host country", "destination region", "destination name", "to country", "to region", "receiving country", "country of residence", "d"],
  },
  flow: {
    names: ["flow"],
    synonyms: ["count", "moves", "migrants", "migration", "movers", "value", "n", "number", "total", "people", "persons", "amount", "frequency", "freq", "estimate"],
  },
  emigrants: {
    names: ["emigrants"],
    synonyms: ["disp", "diaspora", "emigrant stock", "stock of emigrants", "emigration", "emig", "nationals abroad", "total emigrants", "outflow", "out migrants", "outmigrants"],
  },
  immigrants: {
    names: ["immigrants"],
    synonyms: ["fb", "foreign born", "foreign born population", "immigrant stock", "stock of immigrants", "migrant stock", "international migrant stock", "immigration", "imm", "immig", "total immigrants", "inflow", "in migrants", "inmigrants"],
  },
  skilledEmigrants: {
    names: ["skilled emigrants"],
    synonyms: ["high skilled emigrants", "highly skilled emigrants", "tertiary emigrants", "tertiary educated emigrants", "high emigrants", "skilled diaspora", "mh"],
  },
  skilledResidents: {
    names: ["skilled residents"],
    synonyms: ["high skilled residents", "highly skilled residents", "tertiary residents", "tertiary educated residents", "skilled stayers", "nh"],
  },
  skilledImmigrants: {
    names: ["skilled immigrants"],
    synonyms: ["high skilled immigrants", "highly skilled immigrants", "tertiary immigrants", "tertiary educated immigrants", "skilled foreign born", "tertiary foreign born", "ih"],
  },
  residents: { names: ["residents"], synonyms: ["resident population", "natives", "native born", "stayers", "non migrants", "nonmigrants", "total residents"] },
  population: { names: ["population"], synonyms: ["pop", "total population", "pop total", "inhabitants"] },
  returnees: { names: ["returnees"], synonyms: ["return migrants", "returns", "returned migrants", "returning migrants", "return migration", "returners"] },
  inboundStudents: {
    names: ["inbound students"],
    synonyms: ["inbound", "inbound mobile students", "incoming students", "incoming", "international students", "foreign students"],
  },
  outboundStudents: {
    names: ["outbound students"],
    synonyms: ["outbound", "outbound mobile students", "outgoing students", "outgoing", "students abroad"],
  },
  tertiaryEnrolment: {
    names: ["tertiary enrolment", "tertiary enrollment"],
    synonyms: ["enrolment", "enrollment", "total enrolment", "total enrollment", "enrolled students", "tertiary students"],
  },
  tertiaryAgePopulation: {
    names: ["tertiary age population"],
    synonyms: ["tertiary age pop", "population of tertiary age", "tertiary age", "college age population", "university age population"],
  },
  totalRate: {
    names: ["total emigration rate", "total rate"],
    synonyms: ["tot rate", "emigration rate", "emig rate", "overall emigration rate"],
  },
  skilledRate: {
    names: ["skilled emigration rate", "skilled rate"],
    synonyms: ["high rate", "tertiary rate", "tertiary emigration rate", "high skilled emigration rate", "highly skilled emigration rate", "skilled emig rate", "brain drain rate"],
  },
};

/**
 * Synonyms too short or too common to find inside a longer header: "to" in "Moves to London"
 * or "n" in "n (thousands)" would match almost anything.
 */
const WHOLE_HEADER_ONLY = new Set(["n", "o", "d", "to", "from", "fb", "mh", "nh", "ih", "imm", "pop", "total", "value", "number", "time", "name", "area", "state", "home", "host", "source", "count"]);

/** Words that make a column a share or rate, never a count of people. */
const SHARE_WORDS = new Set(["share", "percent", "pct", "perc", "ratio", "proportion", "prop", "rate", "per", "fraction"]);

/** When two roles fit a header equally, the more specific one wins ("ccode_origin" is a code). */
const PRIORITY: readonly Role[] = [
  "code",
  "year",
  "tertiaryAgePopulation",
  "skilledRate",
  "totalRate",
  "skilledEmigrants",
  "skilledResidents",
  "skilledImmigrants",
  "inboundStudents",
  "outboundStudents",
  "tertiaryEnrolment",
  "returnees",
  "emigrants",
  "immigrants",
  "residents",
  "population",
  "origin",
  "destination",
  "region",
  "group",
  "flow",
];

/** A header made comparable. */
export interface NormalHeader {
  /** Stemmed words joined by single spaces, e.g. "population" for "Population (thousands)". */
  readonly key: string;
  readonly words: readonly string[];
  /** The header speaks of a share, percentage or rate ("fb_share", "Emigrants (%)"). */
  readonly share: boolean;
}

/** Plural "s" off, so "Emigrant" and "emigrants" read alike; short words ("sex", "pos") kept. */
function stem(word: string): string {
  return word.length > 3 && word.endsWith("s") && !word.endsWith("ss") ? word.slice(0, -1) : word;
}

export function normalizeHeader(raw: CellValue): NormalHeader {
  let s = raw === null ? "" : String(raw);
  s = s.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  s = s.replace(/([a-z])([A-Z])/g, "$1 $2"); // skilledEmigrants → skilled Emigrants
  const units: string[] = [];
  s = s.replace(/[([{]([^)\]}]*)[)\]}]?/g, (_, unit: string) => {
    units.push(unit);
    return " ";
  });
  const wordsOf = (t: string) =>
    t
      .toLowerCase()
      .replace(/%/g, " percent ")
      .split(/[^a-z0-9]+/)
      .filter((w) => w !== "");
  const words = wordsOf(s).map(stem);
  const share = [...words, ...units.flatMap(wordsOf)].some((w) => SHARE_WORDS.has(w) || SHARE_WORDS.has(stem(w)));
  return { key: words.join(" "), words, share };
}

/** How a header was recognised. */
export type MatchKind = "name" | "synonym" | "partial";

/** One role a header may stand for. */
export interface RoleMatch {
  readonly role: Role;
  readonly kind: MatchKind;
  /** 0..1, from the header's name alone (content is judged elsewhere). */
  readonly score: number;
}

interface Phrase {
  readonly role: Role;
  readonly kind: "name" | "synonym";
  readonly key: string;
  readonly words: readonly string[];
}

const PHRASES: readonly Phrase[] = (Object.keys(VOCABULARY) as Role[]).flatMap((role) => {
  const entry = VOCABULARY[role];
  const phrase = (text: string, kind: "name" | "synonym"): Phrase => {
    const n = normalizeHeader(text);
    return { role, kind, key: n.key, words: n.words };
  };
  return [...entry.names.map((t) => phrase(t, "name")), ...entry.synonyms.map((t) => phrase(t, "synonym"))];
});

const BY_KEY = new Map(PHRASES.map((p) => [p.key, p]));

/** Phrases that name the same role twice, or two roles at once: a mistake in the table above. */
export function vocabularyClashes(): string[] {
  const seen = new Map<string, Role>();
  const clashes: string[] = [];
  for (const p of PHRASES) {
    const other = seen.get(p.key);
    if (other !== undefined) clashes.push(`${p.key}: ${other} and ${p.role}`);
    seen.set(p.key, p.role);
  }
  return clashes;
}

const rank = (role: Role) => PRIORITY.indexOf(role);

/**
 * The roles a header may stand for, best first: the whole header is a known name (1) or
 * synonym (0.9); otherwise a known phrase inside it (0.6–0.8, longer phrases first). A header
 * about shares or rates never stands for a count.
 */
export function matchHeader(raw: CellValue): RoleMatch[] {
  const h = normalizeHeader(raw);
  if (h.key === "") return [];
  const countOk = (role: Role) => !h.share || isRateRole(role) || isLabelRole(role);
  const exact = BY_KEY.get(h.key);
  if (exact) return countOk(exact.role) ? [{ role: exact.role, kind: exact.kind, score: exact.kind === "name" ? 1 : 0.9 }] : [];
  const present = new Set(h.words);
  const found = new Map<Role, { words: number; match: RoleMatch }>();
  for (const p of PHRASES) {
    if (WHOLE_HEADER_ONLY.has(p.key) || !countOk(p.role) || !p.words.every((w) => present.has(w))) continue;
    const score = Math.min(0.8, 0.6 + (0.2 * p.words.length) / h.words.length);
    const best = found.get(p.role);
    if (!best || best.words < p.words.length) found.set(p.role, { words: p.words.length, match: { role: p.role, kind: "partial", score } });
  }
  // Each later match scores a little less, so the order survives when scores are compared.
  return [...found.values()]
    .sort((a, b) => b.words - a.words || rank(a.match.role) - rank(b.match.role))
    .map((f, i) => ({ ...f.match, score: f.match.score - 0.02 * i }));
}
