/**
 * The task pane's chart step: the chord diagram of the selection as read and mapped in step 1,
 * drawn in the pane before anything is written. Hovering a ribbon or an arc, or going through
 * the flows with the arrow keys (largest first; Home, End, Escape), shows its origin,
 * destination, flow and counterflow. After the report is built, "Insert into report" puts the
 * diagram on its summary sheet as a picture (Office.js addImage, ExcelApi 1.9, a PNG drawn in
 * the pane); where 1.9 is missing the pane says so and offers the PNG for download.
 */
import { chartFlows, ChartInputError } from "../chart/chord-data";
import { svgElement, svgToPngBase64 } from "../chart/chord-browser";
import { ChordFigure, chordFigure, defaultTop } from "../chart/chord-svg";
import { CHORD_WORDS, formatCount } from "../chart/chord-text";
import type { Detection } from "../report/types";
import type { ChartHost } from "./chart-picture";
import { append, el, replaceChildren, setText } from "./dom";
import type { Lang } from "./i18n";
import { periodFor, PaneState, Selection } from "./state";

type TopChoice = "auto" | "all" | "20" | "10";
const TOP_CHOICES: readonly TopChoice[] = ["auto", "all", "20", "10"];
type OrderChoice = "data" | "size";
const ORDER_CHOICES: readonly OrderChoice[] = ["data", "size"];
/** The figure drawn for the pane's width, and the one made into a picture for the sheet. */
const PANE_WIDTH = 520;
const PICTURE_WIDTH = 800;
/** The picture on the sheet: 800 px at 96 dpi = 600 pt. */
const PICTURE_WIDTH_PT = 600;

interface ChartStrings {
  readonly title: string;
  readonly hint: string;
  readonly needsSelection: string;
  readonly top: string;
  readonly topNames: Readonly<Record<TopChoice, string>>;
  readonly order: string;
  readonly orderNames: Readonly<Record<OrderChoice, string>>;
  readonly draw: string;
  readonly redraw: string;
  readonly figureLabel: (title: string) => string;
  readonly keys: string;
  readonly detailsIdle: string;
  readonly insert: string;
  readonly insertNeedsReport: string;
  readonly download: string;
  readonly rendering: string;
  readonly inserted: (sheet: string) => string;
  readonly noApi19: string;
  readonly insertFailed: (why: string) => string;
  readonly downloaded: string;
  /** Why the diagram cannot be drawn, one text per reason (chosen by problemText). */
  readonly problems: {
    readonly table: string;
    readonly badCell: (cells: string) => string;
    readonly noFlows: string;
    readonly list: (why: string) => string;
    readonly range: (why: string) => string;
    readonly other: string;
  };
  readonly fileName: string;
}

const STRINGS: Readonly<Record<Lang, ChartStrings>> = {
  en: {
    title: "4. Chord diagram",
    hint: "Who moves where, drawn from the cells read in step 1: each region an arc sized by its moves out and in, each flow a ribbon from its origin. Nothing is written to the workbook.",
    needsSelection: "Use a selection first (step 1).",
    top: "Regions shown",
    topNames: { auto: "Automatic: all up to 40, else the 20 largest", all: "All regions", "20": "The 20 largest, the rest as Other", "10": "The 10 largest, the rest as Other" },
    order: "Order of the regions",
    orderNames: { data: "As in the data", size: "Largest first" },
    draw: "Draw diagram",
    redraw: "Draw again",
    figureLabel: (t) => `${t}. Use the arrow keys to go through the flows, largest first.`,
    keys: "Hover a ribbon or an arc, or focus the diagram and use the arrow keys (Home: largest flow, End: smallest, Escape: clear).",
    detailsIdle: "Details of a flow appear here.",
    insert: "Insert into report",
    insertNeedsReport: "Build the report first (step 3): the diagram goes on its summary sheet.",
    download: "Download PNG",
    rendering: "Drawing the picture…",
    inserted: (sheet) => `The diagram is on sheet ${sheet}, to the right of the summary.`,
    noApi19: "This version of Excel cannot insert pictures from an add-in (it needs ExcelApi 1.9: Excel 2021 or later, Microsoft 365 or Excel on the web). Download the PNG and insert it with Insert → Pictures.",
    insertFailed: (why) => `The picture could not be inserted: ${why}. You can download the PNG instead.`,
    downloaded: "The PNG was offered for download.",
    problems: {
      table: "A chord diagram draws flows: choose the shape “origin × destination matrix” or “long list of flows” in step 1.",
      badCell: (cells) => `Flows must be counts of zero or more; these cells are not: ${cells}.`,
      noFlows: "There are no flows between two different regions to draw.",
      list: (why) => `The list cannot be drawn: ${why}.`,
      range: (why) => `The diagram cannot be drawn: ${why}.`,
      other: "The diagram could not be drawn.",
    },
    fileName: "chord-diagram.png",
  },
  uk: {
    title: "4. Хордова діаграма",
    hint: "Хто куди переміщується — за клітинками, прочитаними на кроці 1: кожен регіон — дуга, пропорційна вибуттю й прибуттю, кожен потік — стрічка від походження. До книги нічого не записується.",
    needsSelection: "Спочатку використайте виділення (крок 1).",
    top: "Показані регіони",
    topNames: { auto: "Автоматично: усі до 40, інакше 20 найбільших", all: "Усі регіони", "20": "20 найбільших, решта як «Інші»", "10": "10 найбільших, решта як «Інші»" },
    order: "Порядок регіонів",
    orderNames: { data: "Як у даних", size: "Від найбільшого" },
    draw: "Намалювати діаграму",
    redraw: "Намалювати знову",
    figureLabel: (t) => `${t}. Клавіші зі стрілками переходять між потоками, від найбільшого.`,
    keys: "Наведіть на стрічку чи дугу або перейдіть на діаграму й користуйтеся стрілками (Home — найбільший потік, End — найменший, Escape — скинути).",
    detailsIdle: "Тут з'являться подробиці потоку.",
    insert: "Вставити у звіт",
    insertNeedsReport: "Спочатку створіть звіт (крок 3): діаграма додається на аркуш підсумків.",
    download: "Завантажити PNG",
    rendering: "Малюємо зображення…",
    inserted: (sheet) => `Діаграма на аркуші ${sheet}, праворуч від підсумків.`,
    noApi19: "Ця версія Excel не дозволяє надбудовам вставляти зображення (потрібен ExcelApi 1.9: Excel 2021 або новіший, Microsoft 365 або Excel в Інтернеті). Завантажте PNG і вставте його через Вставлення → Зображення.",
    insertFailed: (why) => `Не вдалося вставити зображення: ${why}. Можна завантажити PNG.`,
    downloaded: "PNG запропоновано для завантаження.",
    problems: {
      table: "Хордова діаграма показує потоки: на кроці 1 виберіть форму «матриця походження × призначення» або «довгий список потоків».",
      badCell: (cells) => `Потоки мають бути невід'ємними числами; ці клітинки — ні: ${cells}.`,
      noFlows: "Немає потоків між двома різними регіонами.",
      list: (why) => `Список не вдається намалювати: ${why}.`,
      range: (why) => `Діаграму не вдається намалювати: ${why}.`,
      other: "Діаграму не вдалося намалювати.",
    },
    fileName: "khordova-diahrama.png",
  },
};

/** The message for an error met while drawing, in the strings' language. */
function problemText(s: ChartStrings, e: unknown): string {
  if (e instanceof ChartInputError) {
    if (e.problem === "table") return s.problems.table;
    if (e.problem === "badCell") return s.problems.badCell(e.cells.join(", "));
    if (e.problem === "noFlows") return s.problems.noFlows;
    return s.problems.list(e.message);
  }
  return e instanceof RangeError ? s.problems.range(e.message) : s.problems.other;
}

export class ChartStep {
  private readonly root = el("section", { class: "step chart", "aria-labelledby": "chart-title" });
  private readonly topSelect = el("select", { id: "chart-top", "data-key": "chart-top" });
  private readonly orderSelect = el("select", { id: "chart-order", "data-key": "chart-order" });
  private readonly drawButton = el("button", { type: "button", class: "button", "data-key": "chart-draw" });
  private readonly figureBox = el("div", { class: "chart-figure", tabindex: 0, role: "group", "data-key": "chart-figure", "aria-describedby": "chart-details", hidden: true });
  private readonly details = el("p", { class: "chart-details", id: "chart-details", "aria-live": "polite" });
  private readonly insertButton = el("button", { type: "button", class: "button", "data-key": "chart-insert" });
  private readonly downloadButton = el("button", { type: "button", class: "button", "data-key": "chart-download" });
  private readonly message = el("p", { class: "chart-message", "aria-live": "polite" });
  private state?: PaneState;
  /** What the drawn figure shows; a new selection, mapping or language draws it again. */
  private drawnFor?: { selection: Selection; detection: Detection; lang: Lang; top: TopChoice; period?: string };
  private figure?: ChordFigure;
  private flowOrder: number[] = [];
  private current = -1;

  constructor(private readonly host: ChartHost) {
    this.drawButton.addEventListener("click", () => this.draw());
    this.topSelect.addEventListener("change", () => this.drawnFor && this.draw());
    this.orderSelect.addEventListener("change", () => this.drawnFor && this.draw());
    this.insertButton.addEventListener("click", () => void this.insert());
    this.downloadButton.addEventListener("click", () => void this.download());
    this.figureBox.addEventListener("mouseover", (e) => this.hover(e.target as Element));
    this.figureBox.addEventListener("focus", () => this.current < 0 && this.flowOrder.length && this.select(0));
    this.figureBox.addEventListener("keydown", (e) => this.key(e));
  }

  /** The step's section for this state (the same element each time; redrawn only when needed). */
  section(state: PaneState): HTMLElement {
    const s = STRINGS[state.lang];
    const previous = this.state;
    this.state = state;
    const d = this.drawnFor;
    if (d && (d.selection !== state.selection || d.detection !== state.detection)) this.clear();
    else if (d && (d.lang !== state.lang || d.period !== periodFor(state))) this.draw();

    const busy = !!state.busy;
    const chosen = (this.topSelect.value || "auto") as TopChoice;
    replaceChildren(this.topSelect, ...TOP_CHOICES.map((t) => el("option", { value: t, selected: t === chosen }, s.topNames[t])));
    this.topSelect.value = chosen;
    const order = (this.orderSelect.value || "data") as OrderChoice;
    replaceChildren(this.orderSelect, ...ORDER_CHOICES.map((o) => el("option", { value: o, selected: o === order }, s.orderNames[o])));
    this.orderSelect.value = order;
    // Moving a focused control blurs it: the step gives focus back after rebuilding.
    const focused = this.root.contains(document.activeElement) ? (document.activeElement as HTMLElement) : null;
    setText(this.drawButton, this.figure ? s.redraw : s.draw);
    setText(this.insertButton, s.insert);
    setText(this.downloadButton, s.download);
    this.drawButton.disabled = busy || !state.detection;
    this.topSelect.disabled = busy || !state.detection;
    this.orderSelect.disabled = busy || !state.detection;
    this.insertButton.disabled = busy || !this.figure || !state.result;
    this.downloadButton.disabled = busy || !this.figure;
    if (previous && previous.lang !== state.lang) setText(this.message, "");

    replaceChildren(
      this.root,
      el("h2", { id: "chart-title" }, s.title),
      el("p", { class: "hint" }, s.hint),
      state.detection ? el("div", { class: "field" }, el("label", { for: "chart-top" }, s.top), this.topSelect) : el("p", { class: "hint" }, s.needsSelection),
      state.detection ? el("div", { class: "field" }, el("label", { for: "chart-order" }, s.order), this.orderSelect) : null,
      state.detection ? this.drawButton : null,
      this.figureBox,
      this.figure ? el("p", { class: "hint" }, s.keys) : null,
      this.figure ? this.details : null,
      this.figure ? el("div", { class: "chart-actions" }, this.insertButton, this.downloadButton) : null,
      this.figure && !state.result ? el("p", { class: "hint" }, s.insertNeedsReport) : null,
      this.message,
    );
    if (focused && focused.isConnected && document.activeElement !== focused) focused.focus();
    return this.root;
  }

  private clear(): void {
    this.drawnFor = undefined;
    this.figure = undefined;
    this.flowOrder = [];
    this.current = -1;
    this.figureBox.hidden = true;
    replaceChildren(this.figureBox);
    setText(this.message, "");
  }

  private topOf(choice: TopChoice, regions: number): number {
    return choice === "auto" ? defaultTop(regions) : choice === "all" ? Infinity : Number(choice);
  }

  private figureFor(width: number): ChordFigure {
    const state = this.state!;
    const flows = chartFlows(state.selection!.block, state.detection!, periodFor(state));
    const words = CHORD_WORDS[state.lang];
    const title = flows.year !== undefined && flows.year !== null ? `${words.defaultTitle}, ${String(flows.year)}` : words.defaultTitle;
    const source = `${state.selection!.sheet}!${state.selection!.address.slice(state.selection!.address.lastIndexOf("!") + 1)}`;
    return chordFigure(flows, { source, title, lang: state.lang, width, order: this.orderSelect.value as OrderChoice, top: this.topOf(this.topSelect.value as TopChoice, flows.labels.length) });
  }

  private draw(): void {
    const state = this.state;
    if (!state?.selection || !state.detection) return;
    const s = STRINGS[state.lang];
    this.clear();
    try {
      const figure = this.figureFor(PANE_WIDTH);
      const svg = svgElement(figure.svg);
      svg.setAttribute("width", "100%");
      svg.removeAttribute("height");
      svg.setAttribute("aria-hidden", "true");
      this.figureBox.setAttribute("aria-label", s.figureLabel(figure.svg.children?.[0]?.text ?? ""));
      replaceChildren(this.figureBox, svg);
      this.figureBox.hidden = false;
      this.figure = figure;
      this.flowOrder = figure.layout.ribbons.map((_, k) => k).reverse(); // ribbons are smallest first
      this.drawnFor = { selection: state.selection, detection: state.detection, lang: state.lang, top: this.topSelect.value as TopChoice, period: periodFor(state) };
      setText(this.details, s.detailsIdle);
    } catch (e) {
      setText(this.message, problemText(s, e));
    }
    this.section(state);
  }

  private describeFlow(k: number): string {
    const f = this.figure!;
    const r = f.layout.ribbons[k];
    const lang = this.state!.lang;
    return CHORD_WORDS[lang].flow(f.matrix.labels[r.origin], f.matrix.labels[r.destination], formatCount(r.flow, lang), formatCount(r.counterflow, lang));
  }

  /** Shows one flow's details and makes its ribbon stand out. */
  private select(position: number): void {
    if (!this.figure || this.flowOrder.length === 0) return;
    this.current = Math.max(0, Math.min(this.flowOrder.length - 1, position));
    this.highlight(this.flowOrder[this.current]);
    setText(this.details, this.describeFlow(this.flowOrder[this.current]));
  }

  private highlight(ribbon: number | null): void {
    for (const p of Array.from(this.figureBox.querySelectorAll<SVGPathElement>("path.ribbon"))) {
      const on = ribbon === null || Number(p.getAttribute("data-ribbon")) === ribbon;
      p.setAttribute("fill-opacity", ribbon === null ? "0.72" : on ? "0.95" : "0.12");
    }
  }

  private hover(target: Element): void {
    if (!this.figure) return;
    const ribbon = target.closest("[data-ribbon]");
    const arc = target.closest("[data-group]");
    if (ribbon) {
      const k = Number(ribbon.getAttribute("data-ribbon"));
      this.current = this.flowOrder.indexOf(k);
      this.highlight(k);
      setText(this.details, this.describeFlow(k));
    } else if (arc) {
      const g = this.figure.layout.groups.find((x) => x.index === Number(arc.getAttribute("data-group")))!;
      const lang = this.state!.lang;
      this.highlight(null);
      setText(this.details, CHORD_WORDS[lang].region(g.label, formatCount(g.outflow, lang), formatCount(g.inflow, lang)));
    }
  }

  private key(e: KeyboardEvent): void {
    if (!this.figure) return;
    const moves: Record<string, number> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };
    if (e.key in moves) this.select(this.current < 0 ? 0 : this.current + moves[e.key]);
    else if (e.key === "Home") this.select(0);
    else if (e.key === "End") this.select(this.flowOrder.length - 1);
    else if (e.key === "Escape") {
      this.current = -1;
      this.highlight(null);
      setText(this.details, STRINGS[this.state!.lang].detailsIdle);
    } else return;
    e.preventDefault();
  }

  /** The picture: the figure at its full size, as PNG (base64). */
  private async picture(): Promise<{ base64: string; figure: ChordFigure }> {
    const figure = this.figureFor(PICTURE_WIDTH);
    return { base64: await svgToPngBase64(figure.svg, figure.width, figure.height, 2), figure };
  }

  private async insert(): Promise<void> {
    const state = this.state;
    if (!state?.result || !this.figure) return;
    const s = STRINGS[state.lang];
    if (!this.host.canInsertPictures()) {
      setText(this.message, s.noApi19);
      this.downloadButton.focus();
      return;
    }
    setText(this.message, s.rendering);
    try {
      const { base64, figure } = await this.picture();
      const words = CHORD_WORDS[state.lang];
      await this.host.insertPicture(state.result.activated, base64, {
        name: figure.svg.children?.[0]?.text ?? words.defaultTitle,
        description: words.description(figure.matrix.labels.length, formatCount(figure.layout.total, state.lang)),
        widthPt: PICTURE_WIDTH_PT,
      });
      setText(this.message, s.inserted(state.result.activated));
    } catch (e) {
      setText(this.message, s.insertFailed(e instanceof Error ? e.message : String(e)));
    }
  }

  private async download(): Promise<void> {
    const state = this.state;
    if (!state || !this.figure) return;
    const s = STRINGS[state.lang];
    setText(this.message, s.rendering);
    try {
      const { base64 } = await this.picture();
      const link = el("a", { href: `data:image/png;base64,${base64}`, download: s.fileName, hidden: true });
      append(this.root, link);
      link.click();
      link.remove();
      setText(this.message, s.downloaded);
    } catch (e) {
      setText(this.message, s.insertFailed(e instanceof Error ? e.message : String(e)));
    }
  }
}
