/**
 * A label found in several cells, in words: shared by the data problem (a repeated row) and the
 * refusal that follows from it, in English and Ukrainian.
 */
import { isEmptyCell } from "../cells/kind";
import { quoteText } from "../indicators/quote";
import type { CellValue } from "../report/types";
import { ukForm } from "./plural";

/** The cells of a repeated label. */
export interface RepeatCells {
  readonly value: CellValue;
  readonly context: readonly CellValue[];
  readonly addresses: readonly string[];
}

const TIMES = ["", "once", "twice"];
const isShown = (v: CellValue) => !isEmptyCell(v);

function listEn(items: readonly string[]): string {
  return items.length <= 2 ? items.join(" and ") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

function listUk(items: readonly string[]): string {
  return items.length <= 2 ? items.join(" і ") : `${items.slice(0, -1).join(", ")} і ${items[items.length - 1]}`;
}

/** `Country "Ghana" appears twice: A5 and A19` (with ` for 2010, men` when a year or group tells entries apart; the first five of many cells). */
export function repeatSentence(what: string, r: RepeatCells, where = ""): string {
  const times = TIMES[r.addresses.length] ?? `${r.addresses.length} times`;
  const context = r.context.filter(isShown);
  const forWhat = context.length ? ` for ${context.map((v) => quoteText(v, "")).join(", ")}` : "";
  const shown = r.addresses.length > 6 ? [...r.addresses.slice(0, 5), `${r.addresses.length - 5} more cells`] : r.addresses;
  return `${what} ${quoteText(r.value)} appears ${times}${where}${forWhat}: ${listEn(shown)}`;
}

/** «Гана» трапляється двічі для 2010: A5 і A19 (the first five of many cells). */
export function repeated(label: CellValue, context: readonly CellValue[], addresses: readonly string[]): string {
  const n = addresses.length;
  const times = n === 2 ? "двічі" : `${n} ${ukForm(n, "раз", "рази", "разів")}`;
  const shown = context.filter(isShown);
  const forWhat = shown.length ? ` для ${shown.map((v) => quoteText(v, "")).join(", ")}` : "";
  const more = n - 5;
  const cells = n > 6 ? [...addresses.slice(0, 5), `ще в ${more} ${ukForm(more, "клітинці", "клітинках", "клітинках")}`] : addresses;
  return `«${quoteText(label, "")}» трапляється ${times}${forWhat}: ${listUk(cells)}`;
}
