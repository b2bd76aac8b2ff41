/**
 * The task pane's DOM. Everything is built with dom.ts (text nodes only); the state decides
 * what is shown. Live regions (status, alert) and the activity bar persist across renders so
 * screen readers announce changes once; the rest is rebuilt and focus is put back on the
 * control that had it (by its data-key), or moved where the user's next step is.
 */
import type { StockDecrease } from "../indicators/estimation";
import { columnLetters } from "../report/address";
import { rolesOf } from "../report/roles";
import type { Detection, Role, Shape, SharingMode } from "../report/types";
import type { ChangeCause } from "./controller";
import { append, el, replaceChildren, setText, uid } from "./dom";
import { describeError, PaneMessage } from "./errors";
import { leftOutList } from "./left-out";
import { formatNumber, formatPercent, Lang, LANGS, LOCALE, strings, Strings } from "./i18n";
import { dimensionsOffered } from "./state";
import type { BuildResult, PaneState, Selection } from "./state";
import { blockSize, columnName, confidenceLevel, problemGroups, problemsCapped } from "./summary";
import { renderProblem } from "../messages/problems";
import { reasonsText } from "../messages/reasons";
import { headlineLabel, headlineValue } from "../messages/headline";
import type { HeadlineItem } from "../report/headline";

export interface ViewHandlers {
  useSelection(): void;
  build(): void;
  cancel(): void;
  chooseShape(shape: Shape): void;
  chooseRole(column: number, role: Role | null): void;
  setMode(mode: SharingMode): void;
  setEstimateFlows(estimate: boolean): void;
  setStocksMethod(method: StockDecrease): void;
  setPeriod(period: string | undefined): void;
  setLanguage(lang: Lang): void;
  /** Ticked (leave out) or unticked (keep as a region): a row the engine leaves out as a total or aggregate. */
  keepRow?(row: number, keep: boolean): void;
  /** One value kept of a long list's dimension column (sex, age, indicator), or none. */
  chooseDimension?(dimension: { col: number; header: string; values: readonly string[] }, value: string | null): void;
}

const SHAPES: readonly Shape[] = ["table", "matrix", "long"];
const MODES: readonly SharingMode[] = ["native", "addin", "values"];
const STOCK_METHODS: readonly StockDecrease[] = ["zero", "return"];

export class View {
  private readonly title = el("h1", { class: "title" });
  private readonly subtitle = el("p", { class: "subtitle" });
  private readonly languageLabel = el("label", { class: "visually-hidden", for: "language" });
  private readonly language = el("select", { id: "language", class: "language", "data-key": "language" });
  private readonly activity = el("div", { class: "activity", hidden: true });
  private readonly activityText = el("p", { class: "activity-text", id: "activity-text" });
  private readonly progress = el("progress", { class: "progress", max: 1, "aria-labelledby": "activity-text" });
  private readonly cancelButton = el("button", { type: "button", class: "button", "data-key": "cancel" });
  private readonly alert = el("div", { class: "alert-region", role: "alert", tabindex: -1, "data-key": "alert" });
  private readonly status = el("div", { class: "visually-hidden", role: "status", "aria-live": "polite", "aria-atomic": "true" });
  private readonly content = el("main", { class: "content", id: "content" });
  private readonly footer = el("p", { class: "footer" });
  private lastFailure: unknown;

  constructor(
    private readonly root: HTMLElement,
    private readonly handlers: ViewHandlers,
    /** The chart step (chart-step.ts): its own section after the build step. */
    private readonly chart?: { section(state: PaneState): HTMLElement },
    /** The distances and populations choice (region-step.ts): after step 1, for a matrix or a flow list. */
    private readonly regions?: { section(state: PaneState): HTMLElement | null },
  ) {
    for (const lang of LANGS) this.language.appendChild(el("option", { value: lang, lang: LOCALE[lang] }, strings(lang).languageName));
    this.language.addEventListener("change", () => handlers.setLanguage(this.language.value as Lang));
    this.cancelButton.addEventListener("click", () => handlers.cancel());
    replaceChildren(
      root,
      el("header", { class: "header" }, el("div", { class: "heading" }, this.title, this.subtitle), el("div", { class: "language-box" }, this.languageLabel, this.language)),
      el("div", { class: "activity-wrap" }, this.activity),
      this.alert,
      this.content,
      this.status,
      el("footer", {}, this.footer),
    );
    append(this.activity, this.activityText, el("div", { class: "activity-row" }, this.progress, this.cancelButton));
  }

  render(state: PaneState, cause: ChangeCause): void {
    const s = strings(state.lang);
    document.documentElement.lang = LOCALE[state.lang];
    this.renderActivity(state, s);
    if (cause === "progress") return;

    const focusedKey = (document.activeElement as HTMLElement | null)?.dataset?.key;
    setText(this.title, s.title);
    setText(this.subtitle, s.subtitle);
    setText(this.languageLabel, `${strings("en").languageLabel} / ${strings("uk").languageLabel}`);
    this.language.value = state.lang;
    setText(this.cancelButton, s.cancel);
    setText(this.footer, s.privacy);
    this.renderAlert(state, cause);
    this.renderStatus(state, cause, s);
    replaceChildren(this.content, ...this.sections(state, s));

    // Where focus goes next: to the user's next step after something finished, else back.
    const target =
      cause === "busy" ? "cancel" : cause === "read" ? "found" : cause === "built" ? "result" : cause === "failed" && state.failure?.during !== "choice" ? "alert" : focusedKey;
    if (target) {
      const node = this.root.querySelector<HTMLElement>(`[data-key="${target}"]`);
      if (node && document.activeElement !== node && !(node as HTMLButtonElement).disabled) node.focus();
    }
    if (cause === "failed" && state.failure?.during !== "choice") this.alert.scrollIntoView({ block: "nearest" });
  }

  // -------------------------------------------------------------------------------------------
  // Persistent regions

  private renderActivity(state: PaneState, s: Strings): void {
    const busy = state.busy;
    this.activity.hidden = !busy;
    if (!busy) return;
    let text = s.reading;
    let fraction: number | undefined;
    if (busy.kind === "reading") {
      if (busy.total > 0) {
        text = s.readingCells(formatNumber(busy.done, state.lang), formatNumber(busy.total, state.lang));
        fraction = busy.done / busy.total;
      }
    } else if (busy.kind === "planning") {
      text = s.planning;
      if (busy.total > 0) {
        text = s.planningRows(formatNumber(busy.done, state.lang), formatNumber(busy.total, state.lang));
        fraction = busy.done / busy.total;
      }
    } else if (busy.kind === "detecting") {
      text = s.detecting;
      if (busy.total > 0) fraction = busy.done / busy.total;
    } else {
      text = s.steps[busy.step] ?? (state.lang === "en" && busy.step ? busy.step : s.writing);
      fraction = busy.fraction;
    }
    setText(this.activityText, fraction === undefined ? text : `${text} ${formatPercent(Math.min(1, Math.max(0, fraction)), state.lang)}`);
    if (fraction === undefined) this.progress.removeAttribute("value");
    else this.progress.value = Math.min(1, Math.max(0, fraction));
  }

  private renderAlert(state: PaneState, cause: ChangeCause): void {
    const failure = state.failure;
    if (!failure) {
      if (this.alert.firstChild) replaceChildren(this.alert);
      this.alert.className = "alert-region";
      this.lastFailure = undefined;
      return;
    }
    // Re-word only when the failure or the language changed, so it is announced once.
    if (failure === this.lastFailure && cause !== "language") return;
    this.lastFailure = failure;
    const message: PaneMessage = describeError(failure.error, state.lang, failure.cancelled, failure.during);
    const s = strings(state.lang);
    this.alert.className = `alert-region message ${message.kind}`;
    replaceChildren(
      this.alert,
      message.kind === "error" ? el("p", { class: "message-title" }, s.errorTitle) : null,
      el("p", {}, message.text),
      message.detail ? el("p", { class: "message-detail", lang: "en" }, message.detail) : null,
    );
  }

  private renderStatus(state: PaneState, cause: ChangeCause, s: Strings): void {
    let text = "";
    if (state.environment === "starting") text = s.loading;
    else if (state.busy) text = state.busy.kind === "reading" ? s.reading : state.busy.kind === "detecting" ? s.detecting : state.busy.kind === "planning" ? s.planning : s.writing;
    else if (cause === "read" && state.selection) {
      const size = blockSize(state.selection.block);
      text = s.readDone(formatNumber(size.rows, state.lang), formatNumber(size.columns, state.lang), `${state.selection.sheet}!${rangeOnly(state.selection.address)}`);
    } else if (cause === "built") text = s.written;
    else if (cause === "language") text = "";
    else return;
    setText(this.status, text);
  }

  // -------------------------------------------------------------------------------------------
  // Content

  private sections(state: PaneState, s: Strings): HTMLElement[] {
    const out: HTMLElement[] = [];
    if (state.environment === "outside" || state.environment === "noOffice") {
      out.push(el("section", { class: "notice", "aria-labelledby": "outside-title" }, el("h2", { id: "outside-title" }, s.outsideExcelTitle), el("p", {}, state.environment === "noOffice" ? s.noOfficeJs : s.outsideExcel)));
    }
    const inExcel = state.environment === "excel";
    const busy = !!state.busy;

    const use = el("button", { type: "button", class: state.selection ? "button" : "button primary", "data-key": "use-selection", disabled: !inExcel || busy }, s.useSelection);
    if (state.selection) use.setAttribute("title", s.useSelectionAgain);
    use.addEventListener("click", () => this.handlers.useSelection());
    out.push(section("step1", s.step1, el("p", { class: "hint" }, s.step1Hint), use, state.selection && state.detection ? this.found(state, state.selection, state.detection, s) : null));

    const regions = inExcel ? this.regions?.section(state) : null;
    if (regions) out.push(regions);

    out.push(section("step2", s.step2, this.modes(state, s)));

    const hintId = uid("build-hint");
    const build = el("button", { type: "button", class: "button primary", "data-key": "build", disabled: !inExcel || busy || !state.detection, "aria-describedby": state.detection ? undefined : hintId }, s.build);
    build.addEventListener("click", () => this.handlers.build());
    out.push(section("step3", s.step3, build, state.detection ? null : el("p", { class: "hint", id: hintId }, s.buildNeedsSelection), state.result ? this.result(state.result, state.lang, s) : null));
    if (this.chart && inExcel) out.push(this.chart.section(state));
    return out;
  }

  /** What was read and detected: where, the shape, how sure, why, the mapping, the problems. */
  private found(state: PaneState, selection: Selection, detection: Detection, s: Strings): HTMLElement {
    const busy = !!state.busy;
    const shapeId = uid("shape");
    const shape = el("select", { id: shapeId, "data-key": "shape", disabled: busy });
    for (const sh of SHAPES) shape.appendChild(el("option", { value: sh, selected: sh === detection.shape }, s.shapeNames[sh]));
    shape.value = detection.shape;
    shape.addEventListener("change", () => this.handlers.chooseShape(shape.value as Shape));

    const level = confidenceLevel(detection.confidence);
    const reasons = el("ul", { class: "reasons" }, reasonsText(detection.reasons, state.lang).map((r) => el("li", {}, r)));

    return el(
      "section",
      { class: "card found", "aria-labelledby": "found-title" },
      el("h3", { id: "found-title", tabindex: -1, "data-key": "found" }, s.found),
      el("dl", { class: "where" }, el("dt", {}, s.sheet), el("dd", {}, selection.sheet), el("dt", {}, s.range), el("dd", {}, rangeOnly(selection.address), selection.selected && rangeOnly(selection.selected) !== rangeOnly(selection.address) ? el("span", { class: "note" }, ` (${s.filledPartOf(rangeOnly(selection.selected))})`) : null)),
      el("div", { class: "field" }, el("label", { for: shapeId }, s.shape), shape),
      el("p", { class: `confidence ${level}` }, el("span", { class: "dot", "aria-hidden": "true" }), s.confidence(formatPercent(detection.confidence, state.lang), level)),
      el("h4", {}, s.reasons),
      reasons,
      detection.shape === "matrix" ? el("p", { class: "hint" }, s.matrixNoColumns) : this.mapping(state, selection, detection, s),
      this.problems(state, detection, s),
      state.periods && state.periods.length > 0 ? this.periods(state, state.periods, s) : null,
      this.dimensions(state, selection, detection, s),
      this.leftOut(state, selection, detection, s),
      state.stockYears ? this.stocks(state, state.stockYears, s) : null,
    );
  }

  /**
   * A long list's dimension columns (sex T/M/F, age, indicator): one value of each must be kept,
   * or adding the rows up would count people twice; one drop-down per column.
   */
  private dimensions(state: PaneState, selection: Selection, detection: Detection, s: Strings): HTMLElement | null {
    const offered = dimensionsOffered(selection, state.choices, detection);
    if (offered.length === 0) return null;
    const items = offered.map((d) => {
      const id = `dimension-${d.col}`;
      const letters = columnLetters(selection.block.left + d.col);
      const select = el("select", { id, "data-key": id, disabled: !!state.busy || !this.handlers.chooseDimension });
      select.appendChild(el("option", { value: "" }, s.dimensionNone));
      for (const v of d.values) select.appendChild(el("option", { value: v, selected: v === d.value }, v === "" ? s.dimensionBlank : v));
      select.value = d.value ?? "";
      select.addEventListener("change", () => this.handlers.chooseDimension?.(d, select.value === "" ? null : select.value));
      return el("div", { class: "field" }, el("label", { for: id }, s.dimensionLabel(letters, d.header)), select);
    });
    return el("section", { class: "dimensions", "aria-labelledby": "dimensions-title" }, el("h4", { id: "dimensions-title" }, s.dimensionsTitle), el("p", { class: "hint" }, s.dimensionsHint), ...items);
  }

  /**
   * The rows (and a matrix's rows and columns) left out of the regions, and why; a table's or
   * list's rows each with a box that, unticked, keeps the row as a region.
   */
  private leftOut(state: PaneState, selection: Selection, detection: Detection, s: Strings): HTMLElement | null {
    const list = leftOutList(selection.block, detection, state.lang);
    if (!list && !selection.matrixAt) return null;
    const box = el("section", { class: "left-out", "aria-labelledby": "left-out-title" });
    if (selection.matrixAt) box.appendChild(el("p", { class: "hint", "data-key": "matrix-found" }, s.matrixFoundAt(selection.matrixAt)));
    if (!list) return box;
    const out = list.entries.filter((e) => e.leftOut).length;
    append(box, el("h4", { id: "left-out-title" }, s.leftOutTitle(formatNumber(out, state.lang))), el("p", { class: "hint" }, list.shape === "matrix" ? s.leftOutMatrixHint : s.leftOutHint));
    const items = list.entries.map((e) => {
      if (e.row === undefined) return el("li", {}, e.text);
      const id = `left-out-${e.row}`;
      const check = el("input", { type: "checkbox", id, checked: e.leftOut, "data-key": id, disabled: !!state.busy || !this.handlers.keepRow });
      check.checked = e.leftOut;
      const row = e.row;
      check.addEventListener("change", () => this.handlers.keepRow?.(row, !check.checked));
      return el("li", { class: "check" }, check, el("label", { for: id }, e.text));
    });
    box.appendChild(el("ul", { class: "left-out-list" }, items));
    return box;
  }

  /** One field per column: its letters, header and how it was matched, and a role drop-down. */
  private mapping(state: PaneState, selection: Selection, detection: Detection, s: Strings): HTMLElement {
    const roles = rolesOf(detection.shape);
    const chosen = new Set(Object.entries(state.choices.roles).filter(([, v]) => v !== null && v !== undefined).map(([, v]) => v as number));
    const items = detection.columns.map((c) => {
      const { letters, header } = columnName(selection.block, c);
      const id = uid("role");
      const select = el("select", { id, "aria-label": s.roleOf(letters, header), "data-key": `role-${c.index}`, disabled: !!state.busy });
      select.appendChild(el("option", { value: "" }, s.notUsed));
      for (const r of roles) select.appendChild(el("option", { value: r, selected: r === c.role }, s.roleNames[r]));
      select.value = c.role ?? "";
      select.addEventListener("change", () => this.handlers.chooseRole(c.index, select.value === "" ? null : (select.value as Role)));
      const note = chosen.has(c.index) ? s.setByYou : c.role ? s.match(formatPercent(c.confidence, state.lang)) : "";
      return el(
        "li",
        { class: c.role ? "mapped" : "unused" },
        el("label", { for: id, class: "column" }, el("span", { class: "letters" }, letters), " ", el("span", { class: "header-text" }, header || s.noHeader), note ? el("span", { class: "note" }, note) : null),
        select,
      );
    });
    return el("section", { class: "mapping-wrap", "aria-labelledby": "mapping-title" }, el("h4", { id: "mapping-title" }, s.mapping), el("p", { class: "hint" }, s.mappingHint), el("ul", { class: "mapping" }, items));
  }

  private problems(state: PaneState, detection: Detection, s: Strings): HTMLElement {
    const list = detection.problems;
    const count = formatNumber(list.length, state.lang) + (problemsCapped(list) ? "+" : "");
    const box = el("section", { class: `problems ${list.length ? "has-problems" : "none"}`, "aria-labelledby": "problems-title" }, el("h4", { id: "problems-title" }, s.problems(count)));
    if (list.length === 0) {
      box.appendChild(el("p", {}, s.problemsNone));
      return box;
    }
    append(box, el("p", { class: "hint" }, s.problemsBeforeWriting), problemsCapped(list) ? el("p", { class: "hint" }, s.problemsCapped(formatNumber(list.length, state.lang))) : null);
    problemGroups(list).forEach((g, i) => {
      const items = g.items.map((p) => el("li", {}, el("span", { class: "address" }, p.address), " ", el("span", {}, renderProblem(p, state.lang))));
      const title = `${s.problemKinds[g.kind]} (${formatNumber(g.items.length, state.lang)})`;
      // A long list scrolls inside its box; the box takes focus so keyboard users can scroll it.
      const list = el("div", { class: "problem-scroll", tabindex: 0, role: "region", "aria-label": title, "data-key": `problems-${g.kind}` }, el("ul", { class: "problem-list" }, items));
      box.appendChild(el("details", { open: i === 0, "data-kind": g.kind }, el("summary", {}, title), list));
    });
    return box;
  }

  /**
   * The periods of the time column ("7 periods, 1980–2010") and, with two or more, a picker of
   * the period the report is built for (the latest by default, as on the command line).
   */
  private periods(state: PaneState, periods: readonly string[], s: Strings): HTMLElement {
    const found = el("p", { "data-key": "periods-found" }, s.periodsFound(periods.length, periods[0], periods[periods.length - 1]));
    if (periods.length < 2) return el("section", { class: "periods", "aria-labelledby": "periods-title" }, el("h4", { id: "periods-title" }, s.periodsTitle), found);
    const id = "period";
    const latest = periods[periods.length - 1];
    const disabled = !!state.busy || !!state.stocks.estimate;
    const select = el("select", { id, "data-key": id, "aria-describedby": `${id}-desc`, disabled });
    for (const key of [...periods].reverse()) select.appendChild(el("option", { value: key, selected: key === (state.period ?? latest) }, key === latest ? s.periodLatest(key) : key));
    select.value = state.period ?? latest;
    select.addEventListener("change", () => this.handlers.setPeriod(select.value === latest ? undefined : select.value));
    return el(
      "section",
      { class: "periods", "aria-labelledby": "periods-title" },
      el("h4", { id: "periods-title" }, s.periodsTitle),
      found,
      el("div", { class: "field" }, el("label", { for: id }, s.periodLabel), select),
      el("p", { id: `${id}-desc`, class: "hint" }, s.periodHint),
    );
  }

  /**
   * Offered only for a long list with two or more years: the user says the numbers are migrant
   * stocks, and picks how falls count once the box is checked.
   */
  private stocks(state: PaneState, years: readonly [string, string], s: Strings): HTMLElement {
    const busy = !!state.busy;
    const { estimate, method } = state.stocks;
    const id = "stocks-estimate";
    const check = el("input", { type: "checkbox", id, checked: estimate, "aria-describedby": `${id}-desc`, "data-key": id, disabled: busy });
    check.checked = estimate;
    check.addEventListener("change", () => this.handlers.setEstimateFlows(check.checked));
    let methods: HTMLElement | null = null;
    if (estimate) {
      methods = el("fieldset", { class: "stock-methods" }, el("legend", {}, s.stocksMethodLegend));
      for (const m of STOCK_METHODS) {
        const mid = `stocks-${m}`;
        const input = el("input", { type: "radio", name: "stocks-method", id: mid, value: m, checked: method === m, "aria-describedby": `${mid}-desc`, "data-key": mid, disabled: busy });
        input.checked = method === m;
        input.addEventListener("change", () => input.checked && this.handlers.setStocksMethod(m));
        methods.appendChild(el("div", { class: "radio" }, input, el("label", { for: mid }, s.stocksMethods[m].name), el("p", { id: `${mid}-desc`, class: "desc" }, s.stocksMethods[m].desc)));
      }
    }
    return el(
      "section",
      { class: "stocks", "aria-labelledby": "stocks-title" },
      el("h4", { id: "stocks-title" }, s.stocksTitle),
      el("div", { class: "check" }, check, el("label", { for: id }, s.stocksEstimate(String(years[0]), String(years[1]))), el("p", { id: `${id}-desc`, class: "desc" }, s.stocksHint)),
      methods,
    );
  }

  private modes(state: PaneState, s: Strings): HTMLElement {
    const fieldset = el("fieldset", { class: "modes" }, el("legend", {}, s.modeLegend));
    for (const mode of MODES) {
      const id = `mode-${mode}`;
      const input = el("input", { type: "radio", name: "mode", id, value: mode, checked: state.mode === mode, "aria-describedby": `${id}-desc`, "data-key": id, disabled: !!state.busy });
      input.checked = state.mode === mode;
      input.addEventListener("change", () => input.checked && this.handlers.setMode(mode));
      fieldset.appendChild(el("div", { class: "radio" }, input, el("label", { for: id }, s.modes[mode].name), el("p", { id: `${id}-desc`, class: "desc" }, s.modes[mode].colleague)));
    }
    return fieldset;
  }

  private result(result: BuildResult, lang: Lang, s: Strings): HTMLElement {
    const value = (h: HeadlineItem) => {
      const v = headlineValue(h, lang);
      return typeof v === "number" ? formatNumber(v, lang) : v;
    };
    return el(
      "section",
      { class: "card result", "aria-labelledby": "result-title" },
      el("h3", { id: "result-title", tabindex: -1, "data-key": "result" }, s.doneTitle),
      el("p", {}, s.doneSheets(result.sheets.length)),
      el("ul", { class: "sheets" }, result.sheets.map((name) => el("li", {}, name))),
      el("p", {}, s.activated(result.activated)),
      el("p", { class: "hint" }, s.modeUsed(s.modes[result.mode].name)),
      ...(result.notices ?? []).map((n) =>
        el("p", { class: "hint", "data-key": `notice-${n.kind}` }, n.kind === "arrayFormulasAsValues" ? s.notices.arrayFormulasAsValues(n.cells) : s.notices.manualCalculation),
      ),
      result.headline.length ? el("h4", {}, s.headline) : null,
      result.headline.length ? el("dl", { class: "headline" }, result.headline.flatMap((h) => [el("dt", {}, headlineLabel(h, lang, true)), el("dd", {}, value(h))])) : null,
    );
  }
}

/** "'UK flows'!A1:C145" → "A1:C145": the sheet is shown on its own line. */
function rangeOnly(address: string): string {
  const bang = address.lastIndexOf("!");
  return bang >= 0 ? address.slice(bang + 1) : address;
}

function section(key: string, title: string, ...children: (HTMLElement | null)[]): HTMLElement {
  const id = `${key}-title`;
  return el("section", { class: `step ${key}`, "aria-labelledby": id }, el("h2", { id }, title), ...children);
}

