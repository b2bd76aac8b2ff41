/**
 * The workbook state behind the Excel test double: what "Excel" holds after each sync. Tests
 * inspect it directly (sheet names, cells, formulas, formats, tables, charts); the proxies in
 * ./proxies.ts only change it from inside `context.sync()`.
 */
import { columnsOf, formatRef, intersect, MAX_COLUMNS, MAX_ROWS, parseRef, quoteSheetName, Rect, rowsOf, splitSheet } from "./address";
import { formulaSyntaxError } from "./formula";

/** A cell's value as the double stores it; errors are `{ error: "#N/A" }`. */
export type Stored = string | number | boolean | null | { readonly error: string };
/** A value the tests put in a sheet to start with (strings are text, even "=SUM(A1)"). */
export type Initial = string | number | boolean | null;

export class DoubleError extends Error {
  override name = "RichApi.Error";
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(
    readonly code: string,
    message: string,
    errorLocation?: string,
  ) {
    super(message);
    this.debugInfo = { code, message, errorLocation };
  }
}

const ERRORS = new Set(["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!", "#CALC!"]);

/** One row's cells, by column (sparse arrays). */
interface Row {
  v: Stored[];
  f?: (string | undefined)[];
  /** Array-entered formulas ({=…}). */
  arr?: boolean[];
  nf?: (string | undefined)[];
  bold?: boolean[];
  quote?: boolean[];
}

/** What a written element does to a cell, as Excel parses typed input. */
type Parsed = { kind: "skip" } | { kind: "clear" } | { kind: "formula"; formula: string; array?: boolean } | { kind: "value"; value: Stored; quote?: boolean };

const NUMBER = /^[+-]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?([eE][+-]?\d+)?%?$/;

/** Excel's reading of typed input (range.values / range.formulas take the same path). */
export function parseInput(x: unknown): Parsed {
  if (x === null || x === undefined) return { kind: "skip" }; // Office.js: null leaves the cell as it is
  if (typeof x === "number") return { kind: "value", value: Number.isFinite(x) ? x : { error: "#NUM!" } };
  if (typeof x === "boolean") return { kind: "value", value: x };
  if (typeof x !== "string") throw new DoubleError("InvalidArgument", `The argument is invalid or missing or has an incorrect format (${typeof x}).`);
  if (x === "") return { kind: "clear" };
  if (x.startsWith("'")) return { kind: "value", value: x.slice(1), quote: true };
  if (x.startsWith("=") && x.length > 1) {
    const wrong = formulaSyntaxError(x);
    if (wrong) throw new DoubleError("InvalidArgument", `The argument is invalid or missing or has an incorrect format: ${x} is not a formula Excel can read (${wrong}).`);
    return { kind: "formula", formula: x };
  }
  const t = x.trim();
  if (t !== "" && /\d/.test(t) && NUMBER.test(t)) {
    const pct = t.endsWith("%");
    const n = Number(t.replace(/[,%]/g, ""));
    if (Number.isFinite(n)) return { kind: "value", value: pct ? n / 100 : n };
  }
  if (/^(true|false)$/i.test(t)) return { kind: "value", value: t.toLowerCase() === "true" };
  if (ERRORS.has(t.toUpperCase())) return { kind: "value", value: { error: t.toUpperCase() } };
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t) ?? /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  if (iso) {
    const [y, m, d] = iso[1].length === 4 ? [+iso[1], +iso[2], +iso[3]] : [+iso[3], +iso[1], +iso[2]];
    const serial = (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;
    if (Number.isFinite(serial) && m >= 1 && m <= 12 && d >= 1 && d <= 31) return { kind: "value", value: serial };
  }
  // Typed "+x", "-x", "@x" start a formula in Excel ("=+x", "=-x", "=@x").
  if (/^[+\-@]/.test(x)) return { kind: "formula", formula: `=${x}` };
  return { kind: "value", value: x };
}

export class TableModel {
  constructor(
    readonly id: string,
    public name: string,
    readonly sheet: SheetModel,
    public rect: Rect,
    public headers: string[],
  ) {}
  get address(): string {
    return `${quoteSheetName(this.sheet.name)}!${formatRef(this.rect)}`;
  }
}

export interface SeriesModel {
  name: string;
  /** Sheet-qualified addresses. */
  values: string;
  categories?: string;
}

export class ChartModel {
  title = "";
  legendVisible = true;
  position?: { start: string; end?: string };
  constructor(
    readonly id: string,
    public name: string,
    readonly sheet: SheetModel,
    readonly type: string,
    readonly source: string,
    readonly seriesBy: string,
    readonly series: SeriesModel[],
  ) {}
}

export class SheetModel {
  readonly rows: (Row | undefined)[] = [];
  readonly tables: TableModel[] = [];
  readonly charts: ChartModel[] = [];
  /** Column widths in points, by 0-based column (only those set). */
  readonly columnWidths = new Map<number, number>();
  freezeRows = 0;
  freezeColumns = 0;
  visibility = "Visible";
  /** Cell formats besides bold and number formats ("font.size", "fill.color", "wrapText", "borders.EdgeBottom.style"…), by "row,col". */
  readonly looks = new Map<string, Record<string, unknown>>();
  /** Row heights in points, by 0-based row (only those set). */
  readonly rowHeights = new Map<number, number>();
  /** Merged ranges, as addresses ("A6:C6"). */
  readonly merges: string[] = [];
  /** The page set-up (Worksheet.pageLayout): "orientation", "zoom", "leftMargin", "printTitleRows", "leftFooter"…. */
  readonly pageLayout: Record<string, unknown> = {};
  constructor(
    readonly id: string,
    public name: string,
  ) {}

  private row(r: number, create: true): Row;
  private row(r: number, create: false): Row | undefined;
  private row(r: number, create: boolean): Row | undefined {
    let row = this.rows[r];
    if (!row && create) row = this.rows[r] = { v: [] };
    return row;
  }

  /** Puts a parsed input into a cell (Office.js write semantics). */
  put(r: number, c: number, p: Parsed): void {
    if (p.kind === "skip") return;
    if (p.kind === "clear" && !this.rows[r]) return;
    const row = this.row(r, true);
    if (row.f) row.f[c] = undefined;
    if (row.arr) row.arr[c] = false;
    if (row.quote) row.quote[c] = false;
    if (p.kind === "clear") row.v[c] = null;
    else if (p.kind === "formula") {
      (row.f ??= [])[c] = p.formula;
      if (p.array) (row.arr ??= [])[c] = true;
      row.v[c] = null; // the double does not calculate
    } else {
      row.v[c] = p.value;
      if (p.quote) (row.quote ??= [])[c] = true;
    }
  }

  setFormat(r: number, c: number, format: string): void {
    (this.row(r, true).nf ??= [])[c] = format;
  }

  setLook(r: number, c: number, prop: string, value: unknown): void {
    const key = `${r},${c}`;
    const look = this.looks.get(key) ?? {};
    look[prop] = value;
    this.looks.set(key, look);
  }
  /** The formats set on one cell (besides bold and its number format). */
  lookAt(address: string): Record<string, unknown> {
    const { top, left } = this.rect(address);
    return this.looks.get(`${top},${left}`) ?? {};
  }

  setBold(r: number, c: number, bold: boolean): void {
    (this.row(r, true).bold ??= [])[c] = bold;
  }

  // ---- reading, as Office.js returns things (blank = "") and as tests inspect them ----

  stored(r: number, c: number): Stored {
    const v = this.rows[r]?.v[c];
    return v === undefined ? null : v;
  }
  formulaAt(r: number, c: number): string | undefined {
    return this.rows[r]?.f?.[c];
  }
  formatAt(r: number, c: number): string {
    return this.rows[r]?.nf?.[c] ?? "General";
  }
  boldAt(r: number, c: number): boolean {
    return this.rows[r]?.bold?.[c] ?? false;
  }
  arrayAt(r: number, c: number): boolean {
    return this.rows[r]?.arr?.[c] ?? false;
  }
  quotePrefixAt(r: number, c: number): boolean {
    return this.rows[r]?.quote?.[c] ?? false;
  }
  isBlank(r: number, c: number, valuesOnly: boolean): boolean {
    const row = this.rows[r];
    if (!row) return true;
    const v = row.v[c];
    if ((v !== undefined && v !== null && v !== "") || row.f?.[c] !== undefined) return false;
    return valuesOnly || (row.nf?.[c] === undefined && !row.bold?.[c]);
  }

  /** Office.js `values`: blanks are "", errors their text, formulas the (not calculated) "". */
  officeValue(r: number, c: number): string | number | boolean {
    const v = this.stored(r, c);
    if (v === null) return "";
    return typeof v === "object" ? v.error : v;
  }
  /** Office.js `formulas`: the formula, else the value as `values` gives it. */
  officeFormula(r: number, c: number): string | number | boolean {
    return this.formulaAt(r, c) ?? this.officeValue(r, c);
  }

  /** The bounding box of the cells in use within `within`, or undefined when none are. */
  usedRect(within: Rect, valuesOnly: boolean): Rect | undefined {
    let top = Infinity, left = Infinity, bottom = -1, right = -1;
    const last = Math.min(within.bottom, this.rows.length - 1);
    for (let r = within.top; r <= last; r++) {
      const row = this.rows[r];
      if (!row) continue;
      const width = Math.max(row.v.length, row.f?.length ?? 0, valuesOnly ? 0 : Math.max(row.nf?.length ?? 0, row.bold?.length ?? 0));
      for (let c = within.left; c <= Math.min(within.right, width - 1); c++) {
        if (this.isBlank(r, c, valuesOnly)) continue;
        if (r < top) top = r;
        if (r > bottom) bottom = r;
        if (c < left) left = c;
        if (c > right) right = c;
      }
    }
    return bottom < 0 ? undefined : { top, left, bottom, right };
  }

  private grid<T>(address: string | undefined, at: (r: number, c: number) => T): T[][] {
    const rect = address === undefined ? this.usedRect(WHOLE, false) : this.rect(address);
    if (!rect) return [];
    const out: T[][] = [];
    for (let r = rect.top; r <= rect.bottom; r++) {
      const row: T[] = [];
      for (let c = rect.left; c <= rect.right; c++) row.push(at(r, c));
      out.push(row);
    }
    return out;
  }

  rect(address: string): Rect {
    const { ref } = splitSheet(address);
    const rect = parseRef(ref);
    if (!rect) throw new DoubleError("InvalidArgument", `'${address}' is not a range address.`);
    return rect;
  }

  /** Values as stored: blank null, text, numbers, booleans, `{ error }` (default: the used range). */
  values(address?: string): Stored[][] {
    return this.grid(address, (r, c) => this.stored(r, c));
  }
  /** Formulas ("=…") where there are, else the stored value. */
  formulas(address?: string): Stored[][] {
    return this.grid(address, (r, c) => this.formulaAt(r, c) ?? this.stored(r, c));
  }
  numberFormats(address?: string): string[][] {
    return this.grid(address, (r, c) => this.formatAt(r, c));
  }
  bold(address?: string): boolean[][] {
    return this.grid(address, (r, c) => this.boldAt(r, c));
  }
  /** Everything about one cell. */
  cell(address: string): { value: Stored; formula?: string; arrayFormula?: true; numberFormat: string; bold: boolean; quotePrefix: boolean } {
    const { top: r, left: c } = this.rect(address);
    const formula = this.formulaAt(r, c);
    return {
      value: this.stored(r, c),
      ...(formula !== undefined ? { formula } : {}),
      ...(this.arrayAt(r, c) ? { arrayFormula: true as const } : {}),
      numberFormat: this.formatAt(r, c),
      bold: this.boldAt(r, c),
      quotePrefix: this.quotePrefixAt(r, c),
    };
  }
  /** The used range's address ("A1:D40"), or undefined for an empty sheet. */
  usedAddress(): string | undefined {
    const r = this.usedRect(WHOLE, false);
    return r && formatRef(r);
  }
  /** Column width in points, as Office.js reports it (default 48 = 8.43 characters). */
  columnWidth(col: number): number {
    return this.columnWidths.get(col) ?? 48;
  }
  /** A deep copy of the cells, for before/after comparisons. */
  snapshot(): unknown {
    return JSON.parse(JSON.stringify({ rows: this.rows, name: this.name, tables: this.tables.map((t) => t.address), charts: this.charts.length, freeze: this.freezeRows, widths: [...this.columnWidths] }));
  }
}

export const WHOLE: Rect = { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLUMNS - 1 };

/** One operation a sync applied, for tests that check what was touched. */
export interface LogEntry {
  readonly sync: number;
  readonly op: string;
  readonly sheet?: string;
  readonly address?: string;
}

/** A defined name: workbook scope, or one sheet's own. */
export interface NameModel {
  readonly name: string;
  readonly sheet?: SheetModel;
  readonly formula: string;
}

export type CalculationMode = "Automatic" | "AutomaticExceptTables" | "Manual";

/**
 * What is selected: one block of cells (`rect`), several areas (Ctrl+click: `areas`), or an
 * object that is not cells at all (a chart or a picture).
 */
export interface Selection {
  readonly sheet: SheetModel;
  readonly rect: Rect;
  readonly areas?: readonly Rect[];
  readonly object?: "chart" | "picture";
}

export class WorkbookModel {
  readonly sheets: SheetModel[] = [];
  active!: SheetModel;
  selection!: Selection;
  /** Defined names; tables share their namespace (a table's name is a defined name too). */
  readonly names: NameModel[] = [];
  /** The user's calculation mode (Application.calculationMode). */
  calculationMode: CalculationMode = "Automatic";
  /** Times the calculation mode was set through the API (the add-in must leave it alone). */
  calculationModeChanges = 0;
  /** Formula cells written while calculation was suspended and not calculated since. */
  uncalculated = 0;
  /** Application.calculate calls. */
  calculations = 0;
  /** Every applied write or structural change (loads are not logged). */
  readonly log: LogEntry[] = [];
  private ids = 0;
  private tableCount = 0;

  nextId(prefix: string): string {
    return `{${prefix}-${++this.ids}}`;
  }

  get sheetNames(): string[] {
    return this.sheets.map((s) => s.name);
  }
  get activeSheet(): string {
    return this.active.name;
  }
  sheet(name: string): SheetModel | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }
  /** All tables of the workbook, in sheet order. */
  get tables(): TableModel[] {
    return this.sheets.flatMap((s) => s.tables);
  }
  get charts(): ChartModel[] {
    return this.sheets.flatMap((s) => s.charts);
  }

  addSheet(name: string | undefined): SheetModel {
    if (name === undefined) {
      let k = this.sheets.length + 1;
      while (this.sheet(`Sheet${k}`)) k++;
      name = `Sheet${k}`;
    }
    if (name.length === 0 || name.length > 31 || /[[\]:*?/\\]/.test(name) || /^'|'$/.test(name) || name.toLowerCase() === "history") {
      throw new DoubleError("InvalidArgument", `The sheet name '${name}' is not valid.`);
    }
    if (this.sheet(name)) throw new DoubleError("ItemAlreadyExists", `A sheet named '${name}' already exists.`);
    const s = new SheetModel(this.nextId("sheet"), name);
    this.sheets.push(s);
    return s;
  }

  deleteSheet(s: SheetModel): void {
    const i = this.sheets.indexOf(s);
    if (i < 0) throw new DoubleError("ItemNotFound", `The sheet '${s.name}' does not exist.`);
    if (this.sheets.length === 1) throw new DoubleError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
    this.sheets.splice(i, 1);
    for (let k = this.names.length - 1; k >= 0; k--) if (this.names[k].sheet === s) this.names.splice(k, 1);
    if (this.active === s) this.active = this.sheets[Math.max(0, i - 1)];
    if (this.selection.sheet === s) this.selection = { sheet: this.active, rect: { top: 0, left: 0, bottom: 0, right: 0 } };
  }

  renameSheet(s: SheetModel, name: string): void {
    const other = this.sheet(name);
    if (other && other !== s) throw new DoubleError("ItemAlreadyExists", `A sheet named '${name}' already exists.`);
    if (name.length === 0 || name.length > 31 || /[[\]:*?/\\]/.test(name)) throw new DoubleError("InvalidArgument", `The sheet name '${name}' is not valid.`);
    s.name = name;
  }

  addTable(sheet: SheetModel, rect: Rect, hasHeaders: boolean): TableModel {
    if (rowsOf(rect) < (hasHeaders ? 2 : 1)) throw new DoubleError("InvalidArgument", "A table needs at least one data row.");
    for (const t of sheet.tables) if (intersect(t.rect, rect)) throw new DoubleError("InvalidOperation", "A table can't overlap another table.");
    const headers: string[] = [];
    const seen = new Set<string>();
    for (let j = 0; j < columnsOf(rect); j++) {
      const v = hasHeaders ? sheet.stored(rect.top, rect.left + j) : null;
      let h = v === null || v === "" || sheet.formulaAt(rect.top, rect.left + j) !== undefined ? `Column${j + 1}` : typeof v === "object" ? v.error : String(v);
      for (let k = 2; seen.has(h.toLowerCase()); k++) h = `${h}${k}`;
      seen.add(h.toLowerCase());
      headers.push(h);
    }
    if (!hasHeaders) throw new DoubleError("NotImplemented", "The double only models tables with a header row.");
    // Excel makes header cells static text (text already there stays as it is).
    headers.forEach((h, j) => {
      if (sheet.stored(rect.top, rect.left + j) !== h || sheet.formulaAt(rect.top, rect.left + j) !== undefined) sheet.put(rect.top, rect.left + j, { kind: "value", value: h });
    });
    let name: string;
    do name = `Table${++this.tableCount}`;
    while (this.tables.some((t) => t.name.toLowerCase() === name.toLowerCase()) || this.names.some((n) => n.name.toLowerCase() === name.toLowerCase()));
    const t = new TableModel(this.nextId("table"), name, sheet, rect, headers);
    sheet.tables.push(t);
    return t;
  }

  renameTable(t: TableModel, name: string): void {
    if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name) || /^[RrCc]$/.test(name) || name.length > 255) {
      throw new DoubleError("InvalidArgument", `'${name}' is not a valid table name.`);
    }
    if (this.tables.some((o) => o !== t && o.name.toLowerCase() === name.toLowerCase())) throw new DoubleError("InvalidArgument", `A table named '${name}' already exists.`);
    // One namespace: a defined name of either scope blocks a table of that name.
    if (this.names.some((n) => n.name.toLowerCase() === name.toLowerCase())) throw new DoubleError("InvalidArgument", `The name '${name}' is already a defined name.`);
    t.name = name;
  }

  addName(name: string, formula: string, sheet?: SheetModel): NameModel {
    if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name) || /^[RrCc]$/.test(name)) throw new DoubleError("InvalidArgument", `'${name}' is not a valid name.`);
    const lower = name.toLowerCase();
    if (this.tables.some((t) => t.name.toLowerCase() === lower)) throw new DoubleError("InvalidArgument", `'${name}' is already the name of a table.`);
    if (this.names.some((n) => n.name.toLowerCase() === lower && n.sheet === sheet)) throw new DoubleError("ItemAlreadyExists", `The name '${name}' already exists.`);
    const n: NameModel = { name, formula, ...(sheet ? { sheet } : {}) };
    this.names.push(n);
    return n;
  }
}

/** Builds the state from the tests' description: sheets of literal values, selection. */
export function buildWorkbook(initial: {
  sheets: { name: string; values: Initial[][]; top?: number; left?: number }[];
  activeSheet?: string;
  selection?: string;
  selectedObject?: "chart" | "picture";
  names?: { name: string; refersTo: string; sheet?: string }[];
  calculationMode?: CalculationMode;
}): WorkbookModel {
  const wb = new WorkbookModel();
  const sheets = initial.sheets.length > 0 ? initial.sheets : [{ name: "Sheet1", values: [] }];
  for (const s of sheets) {
    const m = wb.addSheet(s.name);
    const top = s.top ?? 0;
    const left = s.left ?? 0;
    s.values.forEach((row, i) =>
      row.forEach((v, j) => {
        if (v === null || v === "") return;
        m.put(top + i, left + j, { kind: "value", value: typeof v === "number" && !Number.isFinite(v) ? { error: "#NUM!" } : v });
      }),
    );
  }
  wb.active = (initial.activeSheet && wb.sheet(initial.activeSheet)) || wb.sheets[0];
  let sel: Selection = { sheet: wb.active, rect: { top: 0, left: 0, bottom: 0, right: 0 } };
  if (initial.selection) {
    const { sheet, ref } = splitSheet(initial.selection);
    const target = sheet ? wb.sheet(sheet) : wb.active;
    const areas = ref.split(",").map((a) => parseRef(a));
    if (!target || areas.some((r) => !r)) throw new Error(`bad selection ${initial.selection}`);
    sel = { sheet: target, rect: areas[0]!, ...(areas.length > 1 ? { areas: areas as Rect[] } : {}) };
    wb.active = target;
  }
  if (initial.selectedObject) sel = { ...sel, object: initial.selectedObject };
  wb.selection = sel;
  for (const n of initial.names ?? []) {
    const scope = n.sheet === undefined ? undefined : wb.sheet(n.sheet);
    if (n.sheet !== undefined && !scope) throw new Error(`no sheet ${n.sheet} for the name ${n.name}`);
    wb.addName(n.name, n.refersTo, scope);
  }
  if (initial.calculationMode) wb.calculationMode = initial.calculationMode;
  return wb;
}
