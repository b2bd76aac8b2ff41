/**
 * Why a row or column is not a region (a total, an aggregate, the sum of the others, a label on
 * one side only), in either language: for the pane's list, the reasons and the refusals.
 */
import type { AggregateReason } from "../report/aggregates";
import type { Lang } from "./lang";

export type LeftOutWhy =
  | { readonly kind: "label"; readonly reason: AggregateReason }
  | { readonly kind: "sumOfOthers"; readonly side: "row" | "column" }
  | { readonly kind: "oneSide"; readonly side: "row" | "column" };

/** A matrix's left-out entry (src/report/matrix-alignment.ts LeftOut["reason"]) as a LeftOutWhy. */
export function leftOutWhyOf(side: "row" | "column", reason: { readonly kind: "aggregate"; readonly aggregate: AggregateReason } | { readonly kind: "sumOfOthers" } | { readonly kind: "oneSide" }): LeftOutWhy {
  return reason.kind === "aggregate" ? { kind: "label", reason: reason.aggregate } : { kind: reason.kind, side };
}

const en = (why: LeftOutWhy): string => {
  if (why.kind === "sumOfOthers") return why.side === "row" ? "the sum of the other rows" : "the sum of the other columns";
  if (why.kind === "oneSide") return why.side === "row" ? "found only among the rows" : "found only among the columns";
  const r = why.reason;
  if (r.kind === "note") return "a note or source line (text, no number)";
  if (r.kind === "unknown") return "not a place (unknown)";
  if (r.kind === "total") return r.source === "eurostat" ? "a total (Eurostat code)" : "a total";
  return r.source === "eurostat" ? "an aggregate (Eurostat code)" : r.source === "worldBank" ? "a World Bank aggregate" : r.source === "un" ? "a region or group (UN location code of 900 or more)" : "an aggregate";
};

const uk = (why: LeftOutWhy): string => {
  if (why.kind === "sumOfOthers") return why.side === "row" ? "сума інших рядків" : "сума інших стовпців";
  if (why.kind === "oneSide") return why.side === "row" ? "є лише серед рядків" : "є лише серед стовпців";
  const r = why.reason;
  if (r.kind === "note") return "примітка або джерело (текст без чисел)";
  if (r.kind === "unknown") return "не місце (невідомо)";
  if (r.kind === "total") return r.source === "eurostat" ? "підсумок (код Євростату)" : "підсумок";
  return r.source === "eurostat" ? "агрегат (код Євростату)" : r.source === "worldBank" ? "агрегат Світового банку" : r.source === "un" ? "регіон або група (код території ООН 900 або більше)" : "агрегат";
};

/**
 * Why, in `lang`. English states an aggregate label in the engine's own words ("a Eurostat
 * aggregate (EU27_2020)") when `engineWords` is set, as the engine's messages always have.
 */
export function leftOutWhyText(why: LeftOutWhy, lang: Lang, engineWords = false): string {
  if (lang === "en") return engineWords && why.kind === "label" ? why.reason.why : en(why);
  return uk(why);
}
