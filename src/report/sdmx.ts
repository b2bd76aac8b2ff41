/**
 * Eurostat's SDMX-CSV downloads (DATAFLOW, LAST UPDATE, the dimension columns, TIME_PERIOD,
 * OBS_VALUE, OBS_FLAG; in SDMX-CSV 2.0 STRUCTURE, STRUCTURE_ID, ACTION first): which of the two country columns is the origin depends on the data
 * set, so it is read from the DATAFLOW column for the data sets whose definition says it.
 * `geo` is always the reporting country; `partner` is the other end of the flow:
 * - MIGR_IMM5PRV, immigration by country of previous residence: partner → geo;
 * - MIGR_EMI3NXT, emigration by country of next usual residence: geo → partner;
 * - EDUC_UOE_MOBS02, mobile students from abroad by country of origin: partner → geo.
 * (Eurostat's metadata for migr_immi and educ_uoe_mob.) Other data sets are not guessed: the
 * two columns are left for the user to map.
 */
import { cellAt } from "./dataset";
import type { Layout } from "./detect-layout";

/** Dataflow id → the column holding the origin (the other holds the destination). */
const ORIGIN_OF: Readonly<Record<string, "partner" | "geo">> = {
  MIGR_IMM5PRV: "partner",
  MIGR_EMI3NXT: "geo",
  EDUC_UOE_MOBS02: "partner",
};

/** "ESTAT:EDUC_UOE_MOBS02(1.0)" → "EDUC_UOE_MOBS02". */
const dataflowId = (v: unknown): string | undefined => (typeof v === "string" ? /^(?:[A-Z0-9_]+:)?([A-Za-z0-9_]+)(?:\([^)]*\))?$/.exec(v.trim())?.[1]?.toUpperCase() : undefined);

/**
 * The origin and destination columns of an SDMX-CSV download of a known flow data set, or
 * undefined: the header must hold DATAFLOW (or STRUCTURE_ID), OBS_VALUE, partner and geo, and
 * every data row the same known dataflow.
 */
export function sdmxFlowColumns(layout: Layout): { origin: number; destination: number; dataflow: string } | undefined {
  if (layout.headerRow < 0) return undefined;
  const col = (name: string) => [...layout.headers].find(([, h]) => typeof h === "string" && h.trim().toLowerCase() === name.toLowerCase())?.[0];
  // SDMX-CSV 1.0 names the data set in DATAFLOW; 2.0 in STRUCTURE_ID (beside STRUCTURE = dataflow)
  const dataflow = col("DATAFLOW") ?? col("STRUCTURE_ID");
  const partner = col("partner");
  const geo = col("geo");
  if (dataflow === undefined || partner === undefined || geo === undefined || col("OBS_VALUE") === undefined) return undefined;
  const ids = new Set(layout.rows.map((r) => dataflowId(cellAt(layout.block, r, dataflow))));
  if (ids.size !== 1) return undefined;
  const id = [...ids][0];
  const origin = id === undefined ? undefined : ORIGIN_OF[id];
  if (!origin) return undefined;
  return origin === "partner" ? { origin: partner, destination: geo, dataflow: id! } : { origin: geo, destination: partner, dataflow: id! };
}
