/**
 * Totals and aggregates among regions: a row or column that adds up others (Total, World, All,
 * Sum; Eurostat's TOTAL, EU27_2020, EXT_EU27_2020; the World Bank's "Euro area", "OECD
 * members"; UN location codes from 900) or that is no region at all (unknown origin). Counted
 * as a region, an aggregate counts its members twice, so it is left out with a problem that
 * names it, or the report is refused.
 */
import type { Label } from "./dataset";

/** Why a label is not a region, or undefined when it may be one. */
/** "note": a line of text under or in a table (./note-rows), not a region at all. */
export type AggregateKind = "total" | "aggregate" | "unknown" | "note";

export interface AggregateReason {
  readonly kind: AggregateKind;
  /** A short phrase: "a total", "a Eurostat aggregate (EU27_2020)", "a UN location code of 900 or more". */
  readonly why: string;
  /** Whose code or list marks it: Eurostat's codes, the World Bank's codes or names, the UN's location codes. */
  readonly source?: "eurostat" | "worldBank" | "un";
}

/** Footnote marks publishers put after labels: "Total inflow [note 1]", "World*", "Total (a)". */
function bare(label: string): string {
  return label
    .replace(/\[[^\]]*]|\((?:note\s*)?[a-z0-9]\)|[*†‡§¹²³⁴⁵⁶⁷⁸⁹]+/gi, " ")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
}

/** Totals by wording: "Total", "Total inflow", "Grand total", "Sum", "All", "All countries", "World". */
const TOTAL_WORDS = /^(total|totals|sum|grand total|overall|all|all countries|all regions|all areas|world|world total)$|^(total|sum)\b|\btotals?$|^all (countries|regions|areas|origins|destinations|nationalities|citizenships)\b/;

/** Not a place: unknown or unstated origin or destination. */
const UNKNOWN_WORDS = /^(unknown|not stated|not known|unspecified|stateless and unknown)\b/;

/**
 * Eurostat aggregate codes: TOTAL, WORLD, UNK, the EU and euro-area aggregates in any
 * composition (EU27_2020, EU28, EA20), their complements (EXT_EU27_2020, NEU27_2020_FOR),
 * EFTA, and the continents with their parts and remainders (EUR, AFR, AME, ASI, OCE; AFR_N,
 * AME_C_CRB, EUR_OTH, EUR_NEU27_2020), which partner columns hold beside the countries
 * (https://ec.europa.eu/eurostat/ramon, geo and citizen code lists). Eurostat's countries are
 * two-letter codes, so none of these is one.
 */
const EUROSTAT_CODES = /^(TOTAL|WORLD|UNK|EFTA|EEA\d*|(EXT_|N)?EU\d\d(_\d{4})?(_FOR|_NAT)?|(EXT_)?EA\d\d|FOR|NAT|(EUR|AFR|AME|ASI|OCE)(_[A-Z0-9]+)*)$/;

/**
 * The World Bank's aggregates in WDI downloads: regions, income and lending groups, demographic
 * dividend groups (https://datahelpdesk.worldbank.org, "World Bank country and lending groups").
 */
const WDI_NAMES = new Set(
  [
    "world",
    "euro area",
    "european union",
    "oecd members",
    "arab world",
    "high income",
    "low income",
    "lower middle income",
    "upper middle income",
    "middle income",
    "low & middle income",
    "east asia & pacific",
    "east asia & pacific (excluding high income)",
    "east asia & pacific (ida & ibrd countries)",
    "europe & central asia",
    "europe & central asia (excluding high income)",
    "europe & central asia (ida & ibrd countries)",
    "latin america & caribbean",
    "latin america & caribbean (excluding high income)",
    "latin america & the caribbean (ida & ibrd countries)",
    "middle east & north africa",
    "middle east & north africa (excluding high income)",
    "middle east & north africa (ida & ibrd countries)",
    "middle east, north africa, afghanistan & pakistan",
    "north america",
    "south asia",
    "south asia (ida & ibrd)",
    "sub-saharan africa",
    "sub-saharan africa (excluding high income)",
    "sub-saharan africa (ida & ibrd countries)",
    "africa eastern and southern",
    "africa western and central",
    "central europe and the baltics",
    "fragile and conflict affected situations",
    "heavily indebted poor countries (hipc)",
    "least developed countries: un classification",
    "small states",
    "other small states",
    "pacific island small states",
    "caribbean small states",
    "ibrd only",
    "ida & ibrd total",
    "ida total",
    "ida blend",
    "ida only",
    "not classified",
    "early-demographic dividend",
    "late-demographic dividend",
    "post-demographic dividend",
    "pre-demographic dividend",
  ].map((s) => s.toLowerCase()),
);

/** The World Bank's aggregate codes (three letters, none an ISO 3166 country code). */
const WDI_CODES = new Set(
  "AFE AFW ARB CEB CSS EAP EAR EAS ECA ECS EMU EUU FCS HIC HPC IBD IBT IDA IDB IDX INX LAC LCN LDC LIC LMC LMY LTE MEA MIC MNA NAC OED OSS PRE PSS PST SAS SSA SSF SST TEA TEC TLA TMN TSA TSS UMC WLD".split(" "),
);

/** Why `label` (a region name or code) is not a region; undefined when it may be one. */
export function aggregateReason(label: Label | null | undefined): AggregateReason | undefined {
  if (label === null || label === undefined) return undefined;
  if (typeof label === "number") return undefined; // a code: see aggregateCodeReason
  const raw = label.trim();
  if (raw === "") return undefined;
  if (EUROSTAT_CODES.test(raw)) {
    if (raw === "UNK") return { kind: "unknown", why: "Eurostat's code for an unknown country (UNK)", source: "eurostat" };
    return { kind: raw === "TOTAL" || raw === "WORLD" ? "total" : "aggregate", why: `a Eurostat aggregate code (${raw})`, source: "eurostat" };
  }
  if (WDI_CODES.has(raw)) return { kind: "aggregate", why: `a World Bank aggregate code (${raw})`, source: "worldBank" };
  const b = bare(raw);
  if (TOTAL_WORDS.test(b)) return { kind: "total", why: "a total" };
  if (WDI_NAMES.has(b)) return { kind: "aggregate", why: "a World Bank aggregate", source: "worldBank" };
  if (UNKNOWN_WORDS.test(b)) return { kind: "unknown", why: "not a place (unknown)" };
  return undefined;
}

/**
 * Why a numeric location code marks an aggregate: the UN's M49 codes for countries are below
 * 900; 900 (World) and above are regions and groups (UN DESA's location codes).
 */
export function aggregateCodeReason(code: Label | null | undefined): AggregateReason | undefined {
  const n = typeof code === "number" ? code : typeof code === "string" && /^\s*\d+\s*$/.test(code) ? Number(code) : NaN;
  if (Number.isInteger(n) && n >= 900) return { kind: "aggregate", why: `a UN location code of 900 or more (${n})`, source: "un" };
  return typeof code === "string" ? aggregateReason(code) : undefined;
}

/**
 * The vectors (rows or columns of numbers) that equal the sum of all the others, element by
 * element within `tolerance` (relative), none zero throughout. At least three others are
 * needed, so two equal rows are not read as a total. Blank (null) elements count as 0.
 */
export function sumsOfOthers(vectors: readonly (readonly (number | null)[])[], tolerance = 1e-9): number[] {
  if (vectors.length < 4) return [];
  const width = Math.max(...vectors.map((v) => v.length));
  const total = new Array<number>(width).fill(0);
  for (const v of vectors) for (let j = 0; j < width; j++) total[j] += v[j] ?? 0;
  const out: number[] = [];
  vectors.forEach((v, i) => {
    let any = false;
    for (let j = 0; j < width; j++) {
      const x = v[j] ?? 0;
      const others = total[j] - x;
      if (Math.abs(x - others) > tolerance * Math.max(1, Math.abs(x))) return;
      if (x !== 0) any = true;
    }
    if (any) out.push(i);
  });
  return out;
}
