/**
 * The task pane's choice of the distances between and the populations of the matrix's regions:
 * the user selects a range and presses "Read distances from the selection" (or populations); the
 * report matches it to the regions (src/report/region-data.ts) and adds the distance and impact
 * key figures. Offered for a matrix or a flow list once step 1 has read one.
 */
import { el } from "./dom";
import type { Lang } from "./i18n";
import { offersRegionRanges, PaneState, RegionRangeKind } from "./state";

const KINDS: readonly RegionRangeKind[] = ["distances", "populations"];

export interface RegionStepHandlers {
  useSelectionFor(kind: RegionRangeKind): void;
  clearRegionRange(kind: RegionRangeKind): void;
}

interface RegionStrings {
  readonly title: string;
  readonly hint: string;
  readonly kinds: Readonly<Record<RegionRangeKind, { readonly use: string; readonly what: string; readonly none: string }>>;
  readonly remove: (what: string) => string;
}

const STRINGS: Readonly<Record<Lang, RegionStrings>> = {
  en: {
    title: "Distances and populations (optional)",
    hint: "For the distance and impact key figures: select a range and press a button. Distances: n × n numbers in the matrix's order, or with the regions' names in the first row and column. Populations: one column of n numbers, or the regions' names beside them. Matched by name when the range has names; the report copies them onto a sheet whose cells refer to yours.",
    kinds: {
      distances: { use: "Read distances from the selection", what: "Distances", none: "No distances chosen." },
      populations: { use: "Read populations from the selection", what: "Populations", none: "No populations chosen." },
    },
    remove: (what) => `Remove ${what.toLowerCase()}`,
  },
  uk: {
    title: "Відстані та населення (необов'язково)",
    hint: "Для ключових показників відстані та впливу: виділіть діапазон і натисніть кнопку. Відстані: n × n чисел у порядку матриці або з назвами регіонів у першому рядку й стовпці. Населення: один стовпець із n чисел або назви регіонів поруч із ними. Якщо в діапазоні є назви, дані зіставляються за ними; звіт копіює їх на аркуш, клітинки якого посилаються на ваші.",
    kinds: {
      distances: { use: "Зчитати відстані з виділення", what: "Відстані", none: "Відстані не вибрано." },
      populations: { use: "Зчитати населення з виділення", what: "Населення", none: "Населення не вибрано." },
    },
    remove: (what) => `Прибрати: ${what.toLowerCase()}`,
  },
};

export function regionStrings(lang: Lang): RegionStrings {
  return STRINGS[lang];
}

export class RegionStep {
  constructor(private readonly handlers: RegionStepHandlers) {}

  /** The section, or null when there is nothing to offer (no data read yet, or a country table). */
  section(state: PaneState): HTMLElement | null {
    if (!offersRegionRanges(state)) return null;
    const s = STRINGS[state.lang];
    const busy = !!state.busy;
    const rows = KINDS.map((kind) => {
      const picked = state.regionRanges?.[kind];
      const words = s.kinds[kind];
      const use = el("button", { type: "button", class: "button", "data-key": `use-${kind}`, disabled: busy || state.environment !== "excel" }, words.use);
      use.addEventListener("click", () => this.handlers.useSelectionFor(kind));
      let chosen: HTMLElement;
      if (picked) {
        const remove = el("button", { type: "button", class: "button", "data-key": `clear-${kind}`, disabled: busy }, s.remove(words.what));
        remove.addEventListener("click", () => this.handlers.clearRegionRange(kind));
        chosen = el("p", { class: "picked", "data-key": `picked-${kind}` }, `${words.what}: `, el("span", { class: "address" }, picked.address), " ", remove);
      } else {
        chosen = el("p", { class: "hint", "data-key": `picked-${kind}` }, words.none);
      }
      return el("div", { class: "region-range" }, use, chosen);
    });
    return el("section", { class: "card regions", "aria-labelledby": "regions-title" }, el("h3", { id: "regions-title" }, s.title), el("p", { class: "hint" }, s.hint), ...rows);
  }
}
