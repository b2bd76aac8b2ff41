import { MeasureError } from "../indicators/types";
import { cell, onSheet, columnLetters } from "./address";
import { computed, errorOf, evaluate, flat, value } from "./cells";
import { numberIn, TableInput } from "./input";
import { labelKey } from "./labels";
import { textCell } from "./layout";
import { BALANCE_THRESHOLD, classify, classifyFormula, EFFECTIVENESS, guardedFormula, measuresFor, nativeFormula, addinFormula } from "./measures";
import { BALANCE_PAIRS } from "./table-sheet";
import { PERIOD_FLOWS_SHEET, PeriodFlows, PeriodPanel } from "./trends-sheet";
import { NumberFormat, PlannedCell, PlannedError, PlannedSheet, Role } from "./types";

/**
 * The Trajectories sheet: for each region, a measure in the first and the last period, the
 * change, and, for migration effectiveness, the region's classification in each (net drain,
 * balanced circulation, net gain: the summary's classification and thresholds) with the
 * transition between them ("drain → circulation"). A sortable Excel table of live formulas.
 */

const TOP = 4; // the table's header row
const NOT_COMPARABLE = "not comparable";

/** "net drain" → "drain", "balanced circulation" → "circulation", "net gain" → "gain". */
function short(c: string): string {
  return c.replace("net ", "").replace("balanced ", "");
}

/** The transition between two classifications, as its formula computes it. */
export function transition(first: string | PlannedError, last: string | PlannedError): string {
  if (typeof first !== "string" || typeof last !== "string") return NOT_COMPARABLE;
  return first === last ? "unchanged" : `${short(first)} → ${short(last)}`;
}

function transitionFormula(first: string, last: string): string {
  const s = (c: string) => `SUBSTITUTE(SUBSTITUTE(${c},"net ",""),"balanced ","")`;
  return `IF(OR(ISERROR(${first}),ISERROR(${last})),"${NOT_COMPARABLE}",IF(${first}=${last},"unchanged",${s(first)}&" → "&${s(last)}))`;
}

/** last − first, or the error the formula shows (the left operand's first). */
function change(first: number | PlannedError, last: number | PlannedError): number | PlannedError {
  if (typeof last !== "number") return last;
  if (typeof first !== "number") return first;
  return last - first;
}

/** The change from the first period's cell to the last's: its value and its formula, last − first. */
function changeCell(first: number | PlannedError, last: number | PlannedError, firstRef: string, lastRef: string, format: NumberFormat): PlannedCell {
  const f = `${lastRef}-${firstRef}`;
  return computed(change(first, last), f, f, format);
}

function classified(v: number | PlannedError, ref: string): PlannedCell {
  const f = classifyFormula(ref);
  return { value: typeof v === "number" ? classify(v) : v, native: flat(f), addin: flat(f), format: "text" };
}

const thresholdsNote = `Classification by migration effectiveness (in − out) ÷ (in + out): above +${BALANCE_THRESHOLD} = net gain, below −${BALANCE_THRESHOLD} = net drain, otherwise balanced circulation (as on the summary). Transition: the classification in the first period → in the last; "unchanged" when they agree, "${NOT_COMPARABLE}" when either has no value.`;

/** Trajectories of a long list's regions: effectiveness in each region's flows of the first and last period. */
export function planFlowTrajectories(flows: PeriodFlows): PlannedSheet {
  const { panel, labels } = flows;
  const k0 = 0;
  const k1 = panel.periods.length - 1;
  const [p0, p1] = [panel.periods[k0].key, panel.periods[k1].key];
  const rows = labels.map((l, i) => {
    const r = TOP + 2 + i; // 1-based sheet row
    const e0 = flows.effectiveness[k0][i];
    const e1 = flows.effectiveness[k1][i];
    const c0 = typeof e0 === "number" ? classify(e0) : e0;
    const c1 = typeof e1 === "number" ? classify(e1) : e1;
    const a = flows.effectivenessRef(k0, i);
    const b = flows.effectivenessRef(k1, i);
    return [
      value(l, "text"),
      computed(e0, a, a, EFFECTIVENESS.format),
      computed(e1, b, b, EFFECTIVENESS.format),
      changeCell(e0, e1, `B${r}`, `C${r}`, EFFECTIVENESS.format),
      classified(e0, `B${r}`),
      classified(e1, `C${r}`),
      { value: transition(c0, c1), native: transitionFormula(`E${r}`, `F${r}`), addin: transitionFormula(`E${r}`, `F${r}`), format: "text" as const },
    ];
  });
  return sheetOf(
    `Each region's migration effectiveness in the first (${p0}) and the last (${p1}) period, from the ${PERIOD_FLOWS_SHEET} sheet`,
    thresholdsNote,
    ["Region", `Effectiveness ${p0}`, `Effectiveness ${p1}`, "Change", `Classification ${p0}`, `Classification ${p1}`, "Transition"],
    rows,
  );
}

/** What a table's trajectory measures: the balance of an inflow and an outflow, or a skilled emigration rate. */
type TableTrajectory =
  | { readonly kind: "balance"; readonly inflow: Role; readonly outflow: Role; readonly what: string }
  | { readonly kind: "rate"; readonly roles: readonly Role[] };

function trajectoryOf(roles: ReadonlySet<Role>): TableTrajectory | undefined {
  const pair = BALANCE_PAIRS.find((p) => roles.has(p.inflow) && roles.has(p.outflow));
  if (pair) return { kind: "balance", ...pair };
  if (roles.has("skilledEmigrants") && roles.has("skilledResidents")) return { kind: "rate", roles: ["skilledEmigrants", "skilledResidents"] };
  if (roles.has("skilledRate")) return { kind: "rate", roles: ["skilledRate"] };
  return undefined;
}

/**
 * Trajectories of a country table's regions (by region, and group where the table has one):
 * their effectiveness where the table has an inflow and an outflow, else their skilled
 * emigration rate, each a live formula over the region's row of the first and last period.
 * Undefined (with the reason) when the table allows none or a region has several rows in a period.
 */
export function planTableTrajectories(input: TableInput, panel: PeriodPanel): { sheet?: PlannedSheet; note: string } {
  const roles = new Set(Object.keys(input.columns) as Role[]);
  const t = trajectoryOf(roles);
  if (!t) return { note: "No Trajectories sheet: the table has neither an inflow and outflow pair nor skilled emigrants with skilled residents or a skilled emigration rate." };
  const region = input.columns.region ?? input.columns.code;
  if (!region) return { note: "No Trajectories sheet: the table has no region column." };
  const group = input.columns.group;
  const [first, last] = [panel.periods[0], panel.periods[panel.periods.length - 1]];

  // One row per region (and group) in each period, in the order first listed.
  const keys: string[] = [];
  const at = new Map<string, { region: number; first?: number; last?: number }>();
  const twice: string[] = [];
  for (const [p, slot] of [
    [first, "first"],
    [last, "last"],
  ] as const) {
    for (const r of panel.rows.get(p.key)!) {
      const key = `${labelKey(region.values[r])}\u0000${group ? labelKey(group.values[r]) : ""}`;
      let e = at.get(key);
      if (!e) at.set(key, (e = { region: r }));
      if (e[slot] !== undefined) twice.push(`${cell(input.rowsAt[e[slot]!], region.col)} and ${cell(input.rowsAt[r], region.col)}`);
      e[slot] = r;
    }
  }
  if (twice.length > 0) return { note: `No Trajectories sheet: a region${group ? " and group" : ""} has several rows in one period (${twice.slice(0, 3).join("; ")}), so its value in the period is not one number.` };
  // Regions in the table's order.
  const ordered = [...at.entries()].sort((a, b) => a[1].region - b[1].region);
  for (const [k] of ordered) keys.push(k);

  const src = (role: Role, r: number) => onSheet(input.sheet, `${columnLetters(input.columns[role]!.col)}${input.rowsAt[r] + 1}`);
  const rate = t.kind === "rate" ? measuresFor(new Set(t.roles)).find((m) => m.fn === "BRAINDRAIN.RATE") : undefined;
  const valueAt = (r: number | undefined): PlannedCell => {
    if (r === undefined) return computed({ error: "#N/A" }, "NA()", "NA()", t.kind === "balance" ? EFFECTIVENESS.format : "percent");
    if (t.kind === "balance") {
      const a = src(t.inflow, r);
      const b = src(t.outflow, r);
      const i = numberIn(input.columns[t.inflow]!.values[r]);
      const o = numberIn(input.columns[t.outflow]!.values[r]);
      const v = i instanceof MeasureError ? errorOf(i) : o instanceof MeasureError ? errorOf(o) : evaluate(() => EFFECTIVENESS.compute(i, o));
      return computed(v, nativeFormula(EFFECTIVENESS, [a, b]), addinFormula(EFFECTIVENESS, [a, b]), EFFECTIVENESS.format);
    }
    if (rate) {
      const refs = rate.inputs.map((role) => src(role, r));
      const xs = rate.inputs.map((role) => numberIn(input.columns[role]!.values[r]));
      const bad = xs.find((x): x is MeasureError => x instanceof MeasureError);
      return computed(bad ? errorOf(bad) : evaluate(() => rate.compute(...(xs as number[]))), nativeFormula(rate, refs), addinFormula(rate, refs), rate.format);
    }
    // The skilled emigration rate as given: a fraction from 0 to 1, checked as the measures check a rate input.
    const a = src("skilledRate", r);
    const x = numberIn(input.columns.skilledRate!.values[r]);
    const v = x instanceof MeasureError ? errorOf(x) : x >= 0 && x <= 1 ? x : ({ error: "#NUM!" } as PlannedError);
    const f = guardedFormula([a], ["fraction"], [], a);
    return computed(v, f, f, "percent");
  };

  const labelCols = group ? 2 : 1;
  const rows = ordered.map(([, e], i) => {
    const r = TOP + 2 + i;
    const L = (k: number) => columnLetters(labelCols + k);
    const v0 = valueAt(e.first);
    const v1 = valueAt(e.last);
    const a = v0.value as number | PlannedError;
    const b = v1.value as number | PlannedError;
    const line: PlannedCell[] = [value(region.values[e.region], "text")];
    if (group) line.push(value(group.values[e.region], "text"));
    line.push(v0, v1, changeCell(a, b, `${L(0)}${r}`, `${L(1)}${r}`, v0.format ?? EFFECTIVENESS.format));
    if (t.kind === "balance") {
      const c0 = classified(a, `${L(0)}${r}`);
      const c1 = classified(b, `${L(1)}${r}`);
      const tf = transitionFormula(`${L(3)}${r}`, `${L(4)}${r}`);
      line.push(c0, c1, { value: transition(c0.value as string | PlannedError, c1.value as string | PlannedError), native: tf, addin: tf, format: "text" });
    } else {
      const d = change(a, b);
      const f = `IF(${L(2)}${r}>0,"rose",IF(${L(2)}${r}<0,"fell","unchanged"))`;
      line.push({ value: typeof d === "number" ? (d > 0 ? "rose" : d < 0 ? "fell" : "unchanged") : d, native: f, addin: f, format: "text" });
    }
    return line;
  });

  const labelHeaders = group ? ["Region", "Group"] : ["Region"];
  if (t.kind === "balance") {
    return {
      sheet: sheetOf(
        `Each region's migration effectiveness (${t.what}) in the first (${first.key}) and the last (${last.key}) period`,
        thresholdsNote,
        [...labelHeaders, `Effectiveness ${first.key}`, `Effectiveness ${last.key}`, "Change", `Classification ${first.key}`, `Classification ${last.key}`, "Transition"],
        rows,
      ),
      note: `The Trajectories sheet compares each region's migration effectiveness (${t.what}) in ${first.key} and ${last.key}, classified as on the summary; #N/A where a region has no row in the period.`,
    };
  }
  const what = "skilled emigration rate";
  return {
    sheet: sheetOf(
      `Each region's ${what} in the first (${first.key}) and the last (${last.key}) period`,
      `The table has no inflow and outflow pair, so regions are not classified as net drain, balanced circulation or net gain (that needs immigrants and emigrants); Direction says whether the ${what} rose or fell.`,
      [...labelHeaders, `Skilled emigration rate ${first.key}`, `Skilled emigration rate ${last.key}`, "Change", "Direction"],
      rows,
    ),
    note: `The Trajectories sheet compares each region's ${what} in ${first.key} and ${last.key}; without inflows and outflows there is no classification. #N/A where a region has no row in the period.`,
  };
}

function sheetOf(title: string, note: string, header: string[], rows: PlannedCell[][]): PlannedSheet {
  const widths = header.map((h, k) => (k === 0 ? 24 : Math.max(12, Math.min(28, h.length + 2))));
  return {
    name: "Trajectories",
    cells: [textCell(0, 0, title, "title", widths, header.length), textCell(1, 0, note, "note", widths, header.length)],
    tables: [{ name: "Trajectories", top: TOP, left: 0, header, rows }],
    charts: [],
    widths,
    freezeRows: TOP + 1,
  };
}
