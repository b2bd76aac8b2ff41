/**
 * The client side of the Excel test double: RequestContext and proxy objects that behave like
 * Office.js where the add-in's correctness depends on it.
 *
 * - Reading a property throws PropertyNotLoaded unless it was `load`ed AND a `sync` has run since
 *   (or the code set it on this proxy, as Office.js keeps a set value locally).
 * - Setting a property or calling a method queues an operation; nothing changes in the workbook
 *   until `context.sync()`, which applies the queue in order. A failing operation rejects the
 *   sync; the operations before it stay applied (as in Excel), the rest are dropped.
 * - Objects are found when an operation runs (getItem("X") on a missing sheet fails at sync).
 */
import { columnsOf, formatRef, intersect, MAX_COLUMNS, MAX_ROWS, parseRef, quoteSheetName, Rect, rowsOf, splitSheet } from "./address";
import { CalculationMode, ChartModel, DoubleError, NameModel, parseInput, SeriesModel, SheetModel, TableModel, WHOLE, WorkbookModel } from "./model";
import type { Ids, Wire } from "./wire";

/** One queued operation. `wire` is what the request would carry (its JSON is counted). */
export interface Op {
  readonly wire: Wire;
  /** "Range.formulas", "WorksheetCollection.add", "Worksheet.load"… */
  readonly desc: string;
  readonly run: () => void;
  readonly load?: { target: ClientObject; props: string[] };
  /** Filled when the op runs: which sheet and address it touched (for the log and failWhen). */
  touched?: { sheet?: string; address?: string };
  readonly write: boolean;
}

/** What the context needs from the double. */
export interface Engine {
  readonly workbook: WorkbookModel;
  sync(ctx: RequestContext): Promise<void>;
  /** Whether the double offers a requirement set (Office.context.requirements.isSetSupported). */
  supports(set: string, version: string): boolean;
}

type LoadSpec = string | string[] | { select?: string; expand?: string } | undefined;

function parseSpec(spec: LoadSpec): string[] | undefined {
  if (spec === undefined) return undefined;
  if (Array.isArray(spec)) return spec.flatMap((s) => s.split(",")).map((s) => s.trim()).filter(Boolean);
  if (typeof spec === "string") return spec.split(",").map((s) => s.trim()).filter(Boolean);
  return parseSpec([spec.select ?? "", spec.expand ?? ""].filter(Boolean).join(","));
}

function notLoaded(type: string, prop: string): DoubleError {
  return new DoubleError(
    "PropertyNotLoaded",
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    `${type}.${prop}`,
  );
}

export abstract class ClientObject {
  /** Loaded (after a sync) or locally set property values. */
  readonly _loaded = new Map<string, unknown>();
  protected abstract readonly _type: string;
  /** Scalar properties `load()` can fetch, and how to read them from the model. */
  protected abstract _props(): Record<string, (model: never) => unknown>;
  protected _nullable = false;
  private _cached: unknown;

  constructor(
    readonly context: RequestContext,
    readonly _path: string,
    private readonly _find: () => unknown,
  ) {}

  /** The model object, found on first use (then kept, as Office.js keeps an object's id). */
  _model<T>(): T {
    if (this._cached === undefined) {
      const m = this._find();
      if (m === null || m === undefined) throw new DoubleError("ItemNotFound", `The requested resource doesn't exist (${this._path}).`, this._path);
      this._cached = m;
    }
    return this._cached as T;
  }
  _modelOrNull<T>(): T | null {
    try {
      return this._model<T>();
    } catch (e) {
      if (e instanceof DoubleError && e.code === "ItemNotFound") return null;
      throw e;
    }
  }

  get isNullObject(): boolean {
    return this._nullable ? (this._get("isNullObject") as boolean) : false;
  }

  load(spec?: LoadSpec): this {
    const all = Object.keys(this._props());
    const props = parseSpec(spec) ?? all;
    for (const p of props) {
      const head = p.split("/")[0];
      if (!all.includes(head) && head !== "items" && head !== "isNullObject") throw new DoubleError("InvalidArgument", `Cannot load '${p}' on ${this._type}: the double does not model it.`);
    }
    this.context._enqueue({ wire: { p: this._path, l: props }, desc: `${this._type}.load`, run: () => undefined, load: { target: this, props }, write: false });
    return this;
  }

  /** Values for a load (at sync time). */
  _read(props: string[]): Record<string, unknown> {
    const m = this._nullable ? this._modelOrNull<unknown>() : this._model<unknown>();
    const out: Record<string, unknown> = {};
    if (this._nullable) out.isNullObject = m === null;
    const readers = this._props();
    for (const p of props) if (p !== "isNullObject") out[p] = m === null ? null : (readers[p] as (x: unknown) => unknown)(m);
    return out;
  }

  _get(prop: string): unknown {
    if (!this._loaded.has(prop)) throw notLoaded(this._type, prop);
    return this._loaded.get(prop);
  }

  /** Queues a property write (kept locally too, as Office.js does). */
  protected _set(prop: string, value: unknown, apply: () => { sheet?: string; address?: string } | void): void {
    this._loaded.set(prop, value);
    this._op(`${this._type}.${prop}`, { p: this._path, s: prop, v: value }, apply);
  }

  protected _call(method: string, args: unknown[], apply: () => { sheet?: string; address?: string } | void): void {
    this._op(`${this._type}.${method}`, { p: this._path, m: method, a: args.map((a) => (a instanceof ClientObject ? { ref: a._path } : a)) }, apply);
  }

  private _op(desc: string, wire: Wire, apply: () => { sheet?: string; address?: string } | void): void {
    const op: Op = {
      wire,
      desc,
      write: true,
      run: () => {
        if (this._nullable && this._modelOrNull() === null) throw new DoubleError("InvalidObjectPath", `${desc} on a null object.`, this._path);
        const t = apply();
        if (t) op.touched = t;
      },
    };
    this.context._enqueue(op);
  }
}

const str = (s: string) => JSON.stringify(s);

/** A range: a rectangle on a sheet, found when an operation uses it. */
export interface RangeRef {
  readonly sheet: SheetModel;
  readonly rect: Rect;
}

function within(rect: Rect): void {
  if (rect.top < 0 || rect.left < 0 || rect.bottom >= MAX_ROWS || rect.right >= MAX_COLUMNS || rect.bottom < rect.top || rect.right < rect.left) {
    throw new DoubleError("InvalidArgument", "The argument is invalid or missing or has an incorrect format (the range is outside the sheet).");
  }
}

function rectOn(sheet: SheetModel, address: string): Rect {
  const { sheet: named, ref } = splitSheet(address);
  if (named !== undefined && named.toLowerCase() !== sheet.name.toLowerCase()) throw new DoubleError("InvalidArgument", `'${address}' is not on sheet '${sheet.name}'.`);
  const rect = parseRef(ref);
  if (!rect) throw new DoubleError("InvalidArgument", `'${address}' is not a valid range address.`);
  return rect;
}

/** Whole columns or whole rows: Excel answers null for their cell-level properties and refuses writes to them. */
export const unbounded = (rect: Rect) => (rect.top === 0 && rect.bottom === MAX_ROWS - 1) || (rect.left === 0 && rect.right === MAX_COLUMNS - 1);

function refuseUnbounded(r: RangeRef, prop: string): void {
  if (unbounded(r.rect)) throw new DoubleError("InvalidArgument", `${prop} cannot be set on an unbounded range (${formatRef(r.rect)}): the request would be too large.`);
}

const qualified = (r: RangeRef) => `${quoteSheetName(r.sheet.name)}!${formatRef(r.rect)}`;

function grid<T>(r: RangeRef, at: (row: number, col: number) => T): T[][] {
  const out: T[][] = [];
  for (let i = r.rect.top; i <= r.rect.bottom; i++) {
    const row: T[] = new Array(columnsOf(r.rect));
    for (let j = r.rect.left; j <= r.rect.right; j++) row[j - r.rect.left] = at(i, j);
    out.push(row);
  }
  return out;
}

/** Checks a written 2-D array against the range (a single non-array value fills it). */
function eachInput(r: RangeRef, input: unknown, apply: (row: number, col: number, x: unknown) => void): void {
  const rows = rowsOf(r.rect);
  const cols = columnsOf(r.rect);
  if (!Array.isArray(input)) {
    if (rows * cols > 5_000_000) throw new DoubleError("InvalidArgument", "The double does not fill ranges this large with one value.");
    for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) apply(r.rect.top + i, r.rect.left + j, input);
    return;
  }
  if (input.length !== rows || input.some((row) => !Array.isArray(row) || row.length !== cols)) {
    throw new DoubleError("InvalidArgument", `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${rows}×${cols}).`);
  }
  for (let i = 0; i < rows; i++) {
    const row = input[i] as unknown[];
    for (let j = 0; j < cols; j++) apply(r.rect.top + i, r.rect.left + j, row[j]);
  }
}

export class Range extends ClientObject {
  protected readonly _type = "Range";
  constructor(context: RequestContext, path: string, find: () => RangeRef | null, nullable = false) {
    super(context, path, find);
    this._nullable = nullable;
    if (nullable) context._implicitNullCheck(this);
  }
  protected _props() {
    return {
      address: qualified,
      addressLocal: qualified,
      rowCount: (r: RangeRef) => rowsOf(r.rect),
      columnCount: (r: RangeRef) => columnsOf(r.rect),
      cellCount: (r: RangeRef) => rowsOf(r.rect) * columnsOf(r.rect),
      rowIndex: (r: RangeRef) => r.rect.top,
      columnIndex: (r: RangeRef) => r.rect.left,
      values: (r: RangeRef) => (unbounded(r.rect) ? null : grid(r, (i, j) => r.sheet.officeValue(i, j))),
      formulas: (r: RangeRef) => (unbounded(r.rect) ? null : grid(r, (i, j) => r.sheet.officeFormula(i, j))),
      numberFormat: (r: RangeRef) => (unbounded(r.rect) ? null : grid(r, (i, j) => r.sheet.formatAt(i, j))),
      formulaArray: (r: RangeRef) => (unbounded(r.rect) ? null : r.sheet.arrayAt(r.rect.top, r.rect.left) ? (r.sheet.formulaAt(r.rect.top, r.rect.left) ?? null) : null),
    };
  }
  private get _ref(): RangeRef {
    return this._model<RangeRef>();
  }
  get address(): string {
    return this._get("address") as string;
  }
  get rowCount(): number {
    return this._get("rowCount") as number;
  }
  get columnCount(): number {
    return this._get("columnCount") as number;
  }
  get cellCount(): number {
    return this._get("cellCount") as number;
  }
  get rowIndex(): number {
    return this._get("rowIndex") as number;
  }
  get columnIndex(): number {
    return this._get("columnIndex") as number;
  }
  get values(): unknown[][] {
    return this._get("values") as unknown[][];
  }
  set values(v: unknown[][]) {
    this._set("values", v, () => this._write(v));
  }
  get formulas(): unknown[][] {
    return this._get("formulas") as unknown[][];
  }
  set formulas(v: unknown[][]) {
    this._set("formulas", v, () => this._write(v));
  }
  get numberFormat(): unknown[][] {
    return this._get("numberFormat") as unknown[][];
  }
  set numberFormat(v: unknown[][]) {
    this._set("numberFormat", v, () => {
      const r = this._ref;
      refuseUnbounded(r, "numberFormat");
      eachInput(r, v, (i, j, x) => {
        if (x === null || x === undefined) return;
        if (typeof x !== "string") throw new DoubleError("InvalidArgument", "A number format must be text.");
        r.sheet.setFormat(i, j, x);
      });
      return { sheet: r.sheet.name, address: formatRef(r.rect) };
    });
  }
  /** The array formula of the range (ExcelApiDesktop 1.1: Excel on Windows and Mac). */
  get formulaArray(): string | null {
    return this._get("formulaArray") as string | null;
  }
  set formulaArray(f: string | null) {
    this.context._need("ExcelApiDesktop", "1.1", "Range.formulaArray");
    this._set("formulaArray", f, () => {
      const r = this._ref;
      refuseUnbounded(r, "formulaArray");
      if (typeof f !== "string" || !f.startsWith("=")) throw new DoubleError("InvalidArgument", "An array formula must be text starting with =.");
      const p = parseInput(f);
      if (p.kind !== "formula") throw new DoubleError("InvalidArgument", `'${f}' is not a formula.`);
      for (let i = r.rect.top; i <= r.rect.bottom; i++) for (let j = r.rect.left; j <= r.rect.right; j++) r.sheet.put(i, j, { ...p, array: true });
      this.context._formulasWritten(rowsOf(r.rect) * columnsOf(r.rect));
      return { sheet: r.sheet.name, address: formatRef(r.rect) };
    });
  }
  private _write(v: unknown): { sheet: string; address: string } {
    const r = this._ref;
    refuseUnbounded(r, "values/formulas");
    // Parse everything first: a bad element fails the write without a half-written range.
    const parsed: [number, number, ReturnType<typeof parseInput>][] = [];
    eachInput(r, v, (i, j, x) => parsed.push([i, j, parseInput(x)]));
    let formulas = 0;
    for (const [i, j, p] of parsed) {
      r.sheet.put(i, j, p);
      if (p.kind === "formula") formulas++;
    }
    this.context._formulasWritten(formulas);
    return { sheet: r.sheet.name, address: formatRef(r.rect) };
  }

  get worksheet(): Worksheet {
    return new Worksheet(this.context, `${this._path}.worksheet`, () => this._ref.sheet);
  }
  get format(): RangeFormat {
    return new RangeFormat(this.context, `${this._path}.format`, () => this._ref);
  }

  private _derived(name: string, args: unknown[], f: (r: RangeRef) => Rect | undefined, nullable = false): Range {
    return new Range(
      this.context,
      `${this._path}.${name}(${args.map((a) => (a instanceof ClientObject ? a._path : JSON.stringify(a))).join(",")})`,
      () => {
        const r = this._ref;
        const rect = f(r);
        if (rect === undefined) {
          if (nullable) return null;
          throw new DoubleError("ItemNotFound", `${name}: no such range.`);
        }
        within(rect);
        return { sheet: r.sheet, rect };
      },
      nullable,
    );
  }
  getCell(row: number, column: number): Range {
    return this._derived("getCell", [row, column], ({ rect }) => ({ top: rect.top + row, left: rect.left + column, bottom: rect.top + row, right: rect.left + column }));
  }
  getResizedRange(deltaRows: number, deltaColumns: number): Range {
    return this._derived("getResizedRange", [deltaRows, deltaColumns], ({ rect }) => ({ ...rect, bottom: rect.bottom + deltaRows, right: rect.right + deltaColumns }));
  }
  getAbsoluteResizedRange(numRows: number, numColumns: number): Range {
    return this._derived("getAbsoluteResizedRange", [numRows, numColumns], ({ rect }) => ({ ...rect, bottom: rect.top + numRows - 1, right: rect.left + numColumns - 1 }));
  }
  getRow(row: number): Range {
    return this._derived("getRow", [row], ({ rect }) => ({ ...rect, top: rect.top + row, bottom: rect.top + row }));
  }
  private _other(r: RangeRef, other: Range | string): Rect {
    if (typeof other === "string") return rectOn(r.sheet, other);
    const o = other._model<RangeRef>();
    if (o.sheet !== r.sheet) throw new DoubleError("InvalidArgument", "The ranges are on different sheets.");
    return o.rect;
  }
  getIntersection(other: Range | string): Range {
    return this._derived("getIntersection", [other], (r) => intersect(r.rect, this._other(r, other)));
  }
  getIntersectionOrNullObject(other: Range | string): Range {
    this.context._need("ExcelApi", "1.4", "Range.getIntersectionOrNullObject");
    return this._derived("getIntersectionOrNullObject", [other], (r) => intersect(r.rect, this._other(r, other)), true);
  }
  getUsedRange(valuesOnly = false): Range {
    return this._derived("getUsedRange", [valuesOnly], (r) => r.sheet.usedRect(r.rect, valuesOnly) ?? { top: r.rect.top, left: r.rect.left, bottom: r.rect.top, right: r.rect.left });
  }
  getUsedRangeOrNullObject(valuesOnly = false): Range {
    this.context._need("ExcelApi", "1.4", "Range.getUsedRangeOrNullObject");
    return this._derived("getUsedRangeOrNullObject", [valuesOnly], (r) => r.sheet.usedRect(r.rect, valuesOnly), true);
  }
  /** Range.merge (ExcelApi 1.2): the range becomes one cell; `across` merges each row on its own (not modelled). */
  merge(across = false): void {
    this.context._need("ExcelApi", "1.2", "Range.merge");
    if (across) throw new DoubleError("NotImplemented", "The double does not model merge(true).");
    this._call("merge", [across], () => {
      const r = this._ref;
      refuseUnbounded(r, "merge");
      const address = formatRef(r.rect);
      const overlaps = r.sheet.merges.some((m) => intersect(parseRef(m)!, r.rect) !== undefined);
      if (overlaps) throw new DoubleError("InvalidArgument", `Cannot merge ${address}: it overlaps a merged range.`);
      r.sheet.merges.push(address);
      return { sheet: r.sheet.name, address };
    });
  }
  select(): void {
    this._call("select", [], () => {
      const r = this._ref;
      this.context._workbook.selection = { sheet: r.sheet, rect: r.rect };
      this.context._workbook.active = r.sheet;
    });
  }
}

export class RangeFormat extends ClientObject {
  protected readonly _type = "RangeFormat";
  protected _props() {
    return {
      columnWidth: (r: RangeRef) => {
        const ws = new Set<number>();
        for (let c = r.rect.left; c <= r.rect.right && ws.size < 2; c++) ws.add(r.sheet.columnWidth(c));
        return ws.size === 1 ? [...ws][0] : null;
      },
    };
  }
  get columnWidth(): number {
    return this._get("columnWidth") as number;
  }
  set columnWidth(points: number) {
    this.context._need("ExcelApi", "1.2", "RangeFormat.columnWidth");
    this._set("columnWidth", points, () => {
      const r = this._model<RangeRef>();
      if (!(points >= 0 && points <= 255 * 7.5)) throw new DoubleError("InvalidArgument", `Column width ${points} is out of range.`);
      for (let c = r.rect.left; c <= r.rect.right; c++) r.sheet.columnWidths.set(c, points);
      return { sheet: r.sheet.name, address: formatRef(r.rect) };
    });
  }
  get font(): RangeFont {
    return new RangeFont(this.context, `${this._path}.font`, () => this._model<RangeRef>());
  }
  get fill(): RangeFill {
    return new RangeFill(this.context, `${this._path}.fill`, () => this._model<RangeRef>());
  }
  get borders(): RangeBorderCollection {
    return new RangeBorderCollection(this.context, `${this._path}.borders`, () => this._model<RangeRef>());
  }
  set wrapText(w: boolean) {
    if (typeof w !== "boolean") throw new DoubleError("InvalidArgument", "wrapText must be true or false.");
    this._set("wrapText", w, () => eachCell(this._model<RangeRef>(), "wrapText", w));
  }
  set verticalAlignment(v: string) {
    if (!["Top", "Center", "Bottom", "Justify", "Distributed"].includes(v)) throw new DoubleError("InvalidArgument", `'${v}' is not a vertical alignment.`);
    this._set("verticalAlignment", v, () => eachCell(this._model<RangeRef>(), "verticalAlignment", v));
  }
  /** The rows' height in points (Excel: 0 to 409). */
  set rowHeight(points: number) {
    this._set("rowHeight", points, () => {
      const r = this._model<RangeRef>();
      if (!(points >= 0 && points <= 409)) throw new DoubleError("InvalidArgument", `Row height ${points} is out of range (0 to 409 points).`);
      refuseUnbounded(r, "rowHeight");
      for (let i = r.rect.top; i <= r.rect.bottom; i++) r.sheet.rowHeights.set(i, points);
      return { sheet: r.sheet.name, address: formatRef(r.rect) };
    });
  }
}

/** Sets a format property on every cell of a bounded range. */
function eachCell(r: RangeRef, prop: string, value: unknown): { sheet: string; address: string } {
  refuseUnbounded(r, prop);
  if (rowsOf(r.rect) * columnsOf(r.rect) > 5_000_000) throw new DoubleError("NotImplemented", "The double does not format ranges this large.");
  for (let i = r.rect.top; i <= r.rect.bottom; i++) for (let j = r.rect.left; j <= r.rect.right; j++) r.sheet.setLook(i, j, prop, value);
  return { sheet: r.sheet.name, address: formatRef(r.rect) };
}

/** A colour as Office.js takes it: "#RRGGBB" or a colour name (the double knows a few). */
function checkColor(c: unknown): string {
  if (typeof c !== "string" || !(/^#[0-9A-Fa-f]{6}$/.test(c) || ["Black", "White", "Red", "Blue", "Green", "Yellow"].includes(c))) throw new DoubleError("InvalidArgument", `'${String(c)}' is not a colour.`);
  return c;
}

export class RangeFill extends ClientObject {
  protected readonly _type = "RangeFill";
  protected _props() {
    return {};
  }
  set color(c: string) {
    this._set("color", c, () => eachCell(this._model<RangeRef>(), "fill.color", checkColor(c)));
  }
}

export class RangeBorderCollection extends ClientObject {
  protected readonly _type = "RangeBorderCollection";
  protected _props() {
    return {};
  }
  getItem(index: string): RangeBorder {
    if (!["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical", "InsideHorizontal", "DiagonalDown", "DiagonalUp"].includes(index)) throw new DoubleError("InvalidArgument", `'${index}' is not a border.`);
    return new RangeBorder(this.context, `${this._path}.getItem(${JSON.stringify(index)})`, () => ({ ref: this._model<RangeRef>(), index }));
  }
}

export class RangeBorder extends ClientObject {
  protected readonly _type = "RangeBorder";
  protected _props() {
    return {};
  }
  set style(v: string) {
    if (!["None", "Continuous", "Dash", "DashDot", "DashDotDot", "Dot", "Double", "SlantDashDot"].includes(v)) throw new DoubleError("InvalidArgument", `'${v}' is not a border line style.`);
    this._set("style", v, () => {
      const { ref, index } = this._model<{ ref: RangeRef; index: string }>();
      return eachCell(ref, `borders.${index}.style`, v);
    });
  }
  set color(c: string) {
    this._set("color", c, () => {
      const { ref, index } = this._model<{ ref: RangeRef; index: string }>();
      return eachCell(ref, `borders.${index}.color`, checkColor(c));
    });
  }
}

export class RangeFont extends ClientObject {
  protected readonly _type = "RangeFont";
  protected _props() {
    return {
      bold: (r: RangeRef) => {
        const all = grid(r, (i, j) => r.sheet.boldAt(i, j)).flat();
        return all.every(Boolean) ? true : all.some(Boolean) ? null : false;
      },
    };
  }
  get bold(): boolean {
    return this._get("bold") as boolean;
  }
  set bold(b: boolean) {
    this._set("bold", b, () => {
      const r = this._model<RangeRef>();
      if (rowsOf(r.rect) * columnsOf(r.rect) > 5_000_000) throw new DoubleError("NotImplemented", "The double does not format ranges this large.");
      for (let i = r.rect.top; i <= r.rect.bottom; i++) for (let j = r.rect.left; j <= r.rect.right; j++) r.sheet.setBold(i, j, b);
      return { sheet: r.sheet.name, address: formatRef(r.rect) };
    });
  }
  set italic(b: boolean) {
    this._set("italic", b, () => eachCell(this._model<RangeRef>(), "font.italic", b));
  }
  /** Font size in points (Excel: 1 to 409). */
  set size(points: number) {
    if (!(points >= 1 && points <= 409)) throw new DoubleError("InvalidArgument", `Font size ${points} is out of range.`);
    this._set("size", points, () => eachCell(this._model<RangeRef>(), "font.size", points));
  }
  set color(c: string) {
    this._set("color", c, () => eachCell(this._model<RangeRef>(), "font.color", checkColor(c)));
  }
}

export class Worksheet extends ClientObject {
  protected readonly _type = "Worksheet";
  constructor(context: RequestContext, path: string, find: () => SheetModel | null, nullable = false) {
    super(context, path, find);
    this._nullable = nullable;
    if (nullable) context._implicitNullCheck(this);
  }
  protected _props() {
    return {
      name: (s: SheetModel) => s.name,
      id: (s: SheetModel) => s.id,
      position: (s: SheetModel) => this.context._workbook.sheets.indexOf(s),
      visibility: (s: SheetModel) => s.visibility,
    };
  }
  private get _sheet(): SheetModel {
    const s = this._model<SheetModel>();
    if (!this.context._workbook.sheets.includes(s)) throw new DoubleError("ItemNotFound", `The sheet '${s.name}' was deleted.`, this._path);
    return s;
  }
  get name(): string {
    return this._get("name") as string;
  }
  set name(n: string) {
    this._set("name", n, () => {
      const s = this._sheet;
      const old = s.name;
      this.context._workbook.renameSheet(s, n);
      return { sheet: old };
    });
  }
  get id(): string {
    return this._get("id") as string;
  }
  get position(): number {
    return this._get("position") as number;
  }
  private _range(path: string, rect: (s: SheetModel) => Rect): Range {
    return new Range(this.context, `${this._path}.${path}`, () => {
      const s = this._sheet;
      const r = rect(s);
      within(r);
      return { sheet: s, rect: r };
    });
  }
  getRange(address?: string): Range {
    return this._range(`getRange(${address === undefined ? "" : str(address)})`, (s) => (address === undefined ? WHOLE : rectOn(s, address)));
  }
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): Range {
    this.context._need("ExcelApi", "1.7", "Worksheet.getRangeByIndexes");
    return this._range(`getRangeByIndexes(${startRow},${startColumn},${rowCount},${columnCount})`, () => ({ top: startRow, left: startColumn, bottom: startRow + rowCount - 1, right: startColumn + columnCount - 1 }));
  }
  getCell(row: number, column: number): Range {
    return this._range(`getCell(${row},${column})`, () => ({ top: row, left: column, bottom: row, right: column }));
  }
  getUsedRange(valuesOnly = false): Range {
    return this._range(`getUsedRange(${valuesOnly})`, (s) => s.usedRect(WHOLE, valuesOnly) ?? { top: 0, left: 0, bottom: 0, right: 0 });
  }
  getUsedRangeOrNullObject(valuesOnly = false): Range {
    this.context._need("ExcelApi", "1.4", "Worksheet.getUsedRangeOrNullObject");
    return new Range(
      this.context,
      `${this._path}.getUsedRangeOrNullObject(${valuesOnly})`,
      () => {
        const s = this._sheet;
        const r = s.usedRect(WHOLE, valuesOnly);
        return r ? { sheet: s, rect: r } : null;
      },
      true,
    );
  }
  activate(): void {
    this._call("activate", [], () => {
      const s = this._sheet;
      if (s.visibility !== "Visible") throw new DoubleError("InvalidOperation", "A hidden sheet can't be activated.");
      this.context._workbook.active = s;
      return { sheet: s.name };
    });
  }
  delete(): void {
    this._call("delete", [], () => {
      const s = this._sheet;
      this.context._workbook.deleteSheet(s);
      return { sheet: s.name };
    });
  }
  get tables(): TableCollection {
    return new TableCollection(this.context, `${this._path}.tables`, () => this._sheet);
  }
  get charts(): ChartCollection {
    return new ChartCollection(this.context, `${this._path}.charts`, () => this._sheet);
  }
  /** The sheet's own (sheet-scoped) names (ExcelApi 1.4). */
  get names(): NamedItemCollection {
    this.context._need("ExcelApi", "1.4", "Worksheet.names");
    return new NamedItemCollection(this.context, `${this._path}.names`, () => this._sheet);
  }
  get freezePanes(): WorksheetFreezePanes {
    this.context._need("ExcelApi", "1.7", "Worksheet.freezePanes");
    return new WorksheetFreezePanes(this.context, `${this._path}.freezePanes`, () => this._sheet);
  }
  get pageLayout(): PageLayout {
    this.context._need("ExcelApi", "1.9", "Worksheet.pageLayout");
    return new PageLayout(this.context, `${this._path}.pageLayout`, () => this._sheet);
  }
}

/** Worksheet.pageLayout (ExcelApi 1.9): what the double records of a sheet's page set-up. */
export class PageLayout extends ClientObject {
  protected readonly _type = "PageLayout";
  protected _props() {
    return {};
  }
  private _put(prop: string, value: unknown): void {
    this._set(prop, value, () => {
      const s = this._model<SheetModel>();
      s.pageLayout[prop] = value;
      return { sheet: s.name };
    });
  }
  set orientation(v: string) {
    if (v !== "Portrait" && v !== "Landscape") throw new DoubleError("InvalidArgument", `'${v}' is not a page orientation.`);
    this._put("orientation", v);
  }
  /** PageLayoutZoomOptions: a scale (10 to 400 %), or pages wide and tall to fit (0 or absent: no limit). */
  set zoom(z: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number }) {
    const pages = (n: number | undefined) => n === undefined || (Number.isInteger(n) && n >= 0 && n <= 32767);
    const fit = z.horizontalFitToPages !== undefined || z.verticalFitToPages !== undefined;
    if ((z.scale !== undefined && (fit || !(z.scale >= 10 && z.scale <= 400))) || !pages(z.horizontalFitToPages) || !pages(z.verticalFitToPages)) throw new DoubleError("InvalidArgument", `The zoom ${JSON.stringify(z)} is not valid.`);
    this._put("zoom", { ...z });
  }
  private _margin(prop: string, points: number): void {
    if (!(points >= 0 && points < 1000)) throw new DoubleError("InvalidArgument", `The margin ${points} is out of range.`);
    this._put(prop, points);
  }
  set leftMargin(p: number) {
    this._margin("leftMargin", p);
  }
  set rightMargin(p: number) {
    this._margin("rightMargin", p);
  }
  set topMargin(p: number) {
    this._margin("topMargin", p);
  }
  set bottomMargin(p: number) {
    this._margin("bottomMargin", p);
  }
  set headerMargin(p: number) {
    this._margin("headerMargin", p);
  }
  set footerMargin(p: number) {
    this._margin("footerMargin", p);
  }
  /** Rows repeated at the top of each printed page: a range or an address of whole rows ("$8:$8"). */
  setPrintTitleRows(rows: string): void {
    if (!/^\$?\d+:\$?\d+$/.test(rows)) throw new DoubleError("InvalidArgument", `'${rows}' is not a range of whole rows.`);
    this._call("setPrintTitleRows", [rows], () => {
      const s = this._model<SheetModel>();
      s.pageLayout.printTitleRows = rows;
      return { sheet: s.name };
    });
  }
  get headersFooters(): HeaderFooterGroup {
    return new HeaderFooterGroup(this.context, `${this._path}.headersFooters`, () => this._model<SheetModel>());
  }
}

export class HeaderFooterGroup extends ClientObject {
  protected readonly _type = "HeaderFooterGroup";
  protected _props() {
    return {};
  }
  get defaultForAllPages(): HeaderFooter {
    return new HeaderFooter(this.context, `${this._path}.defaultForAllPages`, () => this._model<SheetModel>());
  }
}

/** One header/footer set; Excel holds at most 255 characters in each part. */
export class HeaderFooter extends ClientObject {
  protected readonly _type = "HeaderFooter";
  protected _props() {
    return {};
  }
  private _put(prop: string, text: string): void {
    if (typeof text !== "string" || text.length > 255) throw new DoubleError("InvalidArgument", `The ${prop} is not text of at most 255 characters.`);
    this._set(prop, text, () => {
      const s = this._model<SheetModel>();
      s.pageLayout[prop] = text;
      return { sheet: s.name };
    });
  }
  set leftFooter(t: string) {
    this._put("leftFooter", t);
  }
  set centerFooter(t: string) {
    this._put("centerFooter", t);
  }
  set rightFooter(t: string) {
    this._put("rightFooter", t);
  }
}

export class WorksheetFreezePanes extends ClientObject {
  protected readonly _type = "WorksheetFreezePanes";
  protected _props() {
    return {};
  }
  freezeRows(count = 1): void {
    this._call("freezeRows", [count], () => {
      const s = this._model<SheetModel>();
      s.freezeRows = count;
      s.freezeColumns = 0;
      return { sheet: s.name };
    });
  }
  freezeColumns(count = 1): void {
    this._call("freezeColumns", [count], () => {
      const s = this._model<SheetModel>();
      s.freezeColumns = count;
      s.freezeRows = 0;
      return { sheet: s.name };
    });
  }
  unfreeze(): void {
    this._call("unfreeze", [], () => {
      const s = this._model<SheetModel>();
      s.freezeRows = s.freezeColumns = 0;
      return { sheet: s.name };
    });
  }
}

/** A collection's `items` load: child proxies with the requested properties. */
function readItems<M>(ctx: RequestContext, props: string[], models: M[], child: (m: M, i: number) => ClientObject): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const itemProps = props.filter((p) => p === "items" || p.startsWith("items/")).map((p) => p.slice(6)).filter(Boolean);
  if (props.some((p) => p === "items" || p.startsWith("items/"))) {
    out.items = models.map((m, i) => {
      const c = child(m, i);
      const sub = itemProps.length ? itemProps : Object.keys((c as unknown as { _props(): object })._props());
      return { proxy: c, values: c._read(sub) };
    });
  }
  if (props.includes("count")) out.count = models.length;
  void ctx;
  return out;
}

abstract class Collection<P extends ClientObject> extends ClientObject {
  protected _props() {
    return { count: () => this._models().length };
  }
  protected abstract _models(): unknown[];
  protected abstract _child(m: unknown, i: number): P;
  override _read(props: string[]): Record<string, unknown> {
    return readItems(this.context, props, this._models(), (m, i) => this._child(m, i));
  }
  get items(): P[] {
    return this._get("items") as P[];
  }
  get count(): number {
    return this._get("count") as number;
  }
}

export class WorksheetCollection extends Collection<Worksheet> {
  protected readonly _type = "WorksheetCollection";
  protected _models() {
    return this.context._workbook.sheets;
  }
  protected _child(m: unknown): Worksheet {
    const s = m as SheetModel;
    return new Worksheet(this.context, `ws(${str(s.id)})`, () => s);
  }
  add(name?: string): Worksheet {
    const slot: { sheet?: SheetModel } = {};
    this._call("add", name === undefined ? [] : [name], () => {
      slot.sheet = this.context._workbook.addSheet(name);
      return { sheet: slot.sheet.name };
    });
    return new Worksheet(this.context, `${this._path}.add(${name === undefined ? "" : str(name)})`, () => {
      if (!slot.sheet) throw new DoubleError("InvalidObjectPath", "The sheet was never added (its add failed or has not run).");
      return slot.sheet;
    });
  }
  getItem(key: string): Worksheet {
    return new Worksheet(this.context, `${this._path}.getItem(${str(key)})`, () => this._byKey(key) ?? null);
  }
  getItemOrNullObject(key: string): Worksheet {
    this.context._need("ExcelApi", "1.4", "WorksheetCollection.getItemOrNullObject");
    return new Worksheet(this.context, `${this._path}.getItemOrNullObject(${str(key)})`, () => this._byKey(key) ?? null, true);
  }
  getActiveWorksheet(): Worksheet {
    return new Worksheet(this.context, `${this._path}.getActiveWorksheet()`, () => this.context._workbook.active);
  }
  private _byKey(key: string): SheetModel | undefined {
    const wb = this.context._workbook;
    return wb.sheet(key) ?? wb.sheets.find((s) => s.id === key);
  }
}

export class Table extends ClientObject {
  protected readonly _type = "Table";
  protected _props() {
    return { name: (t: TableModel) => t.name, id: (t: TableModel) => t.id };
  }
  get name(): string {
    return this._get("name") as string;
  }
  set name(n: string) {
    this._set("name", n, () => {
      const t = this._model<TableModel>();
      this.context._workbook.renameTable(t, n);
      return { sheet: t.sheet.name, address: formatRef(t.rect) };
    });
  }
  get id(): string {
    return this._get("id") as string;
  }
}

export class TableCollection extends Collection<Table> {
  protected readonly _type = "TableCollection";
  /** `sheet` undefined: the workbook's collection (all tables). */
  constructor(context: RequestContext, path: string, private readonly _sheetOf?: () => SheetModel) {
    super(context, path, () => true);
  }
  protected _models() {
    return this._sheetOf ? this._sheetOf().tables : this.context._workbook.tables;
  }
  protected _child(m: unknown): Table {
    const t = m as TableModel;
    return new Table(this.context, `table(${str(t.id)})`, () => t);
  }
  add(address: Range | string, hasHeaders: boolean): Table {
    const slot: { table?: TableModel } = {};
    this._call("add", [address, hasHeaders], () => {
      let ref: RangeRef;
      if (typeof address === "string") {
        const { sheet } = splitSheet(address);
        const s = this._sheetOf ? this._sheetOf() : sheet !== undefined ? this.context._workbook.sheet(sheet) : this.context._workbook.active;
        if (!s) throw new DoubleError("ItemNotFound", `No sheet for '${address}'.`);
        ref = { sheet: s, rect: rectOn(s, address) };
      } else ref = address._model<RangeRef>();
      if (this._sheetOf && ref.sheet !== this._sheetOf()) throw new DoubleError("InvalidArgument", "The range is not on this sheet.");
      slot.table = this.context._workbook.addTable(ref.sheet, ref.rect, hasHeaders);
      return { sheet: ref.sheet.name, address: formatRef(ref.rect) };
    });
    return new Table(this.context, `${this._path}.add(${typeof address === "string" ? str(address) : address._path})`, () => {
      if (!slot.table) throw new DoubleError("InvalidObjectPath", "The table was never added.");
      return slot.table;
    });
  }
}

export class ChartTitle extends ClientObject {
  protected readonly _type = "ChartTitle";
  protected _props() {
    return { text: (c: ChartModel) => c.title };
  }
  get text(): string {
    return this._get("text") as string;
  }
  set text(t: string) {
    this._set("text", t, () => {
      const c = this._model<ChartModel>();
      c.title = t;
      return { sheet: c.sheet.name };
    });
  }
}

export class ChartLegend extends ClientObject {
  protected readonly _type = "ChartLegend";
  protected _props() {
    return { visible: (c: ChartModel) => c.legendVisible };
  }
  get visible(): boolean {
    return this._get("visible") as boolean;
  }
  set visible(v: boolean) {
    this._set("visible", v, () => {
      const c = this._model<ChartModel>();
      c.legendVisible = v;
      return { sheet: c.sheet.name };
    });
  }
}

export class ChartSeries extends ClientObject {
  protected readonly _type = "ChartSeries";
  protected _props() {
    return { name: (s: SeriesModel) => s.name };
  }
  get name(): string {
    return this._get("name") as string;
  }
  set name(n: string) {
    this._set("name", n, () => void (this._model<SeriesModel>().name = n));
  }
  setXAxisValues(source: Range): void {
    this.context._need("ExcelApi", "1.7", "ChartSeries.setXAxisValues");
    this._call("setXAxisValues", [source], () => void (this._model<SeriesModel>().categories = qualified(source._model<RangeRef>())));
  }
  setValues(source: Range): void {
    this.context._need("ExcelApi", "1.7", "ChartSeries.setValues");
    this._call("setValues", [source], () => void (this._model<SeriesModel>().values = qualified(source._model<RangeRef>())));
  }
}

export class ChartSeriesCollection extends Collection<ChartSeries> {
  protected readonly _type = "ChartSeriesCollection";
  protected _models() {
    return this._model<ChartModel>().series;
  }
  protected _child(m: unknown, i: number): ChartSeries {
    return new ChartSeries(this.context, `${this._path}.getItemAt(${i})`, () => m);
  }
  getItemAt(index: number): ChartSeries {
    return new ChartSeries(this.context, `${this._path}.getItemAt(${index})`, () => this._model<ChartModel>().series[index] ?? null);
  }
  /** A new series with no values yet (ExcelApi 1.7); setValues gives it some. */
  add(name?: string): ChartSeries {
    this.context._need("ExcelApi", "1.7", "ChartSeriesCollection.add");
    const slot: { series?: SeriesModel } = {};
    this._call("add", name === undefined ? [] : [name], () => {
      const c = this._model<ChartModel>();
      slot.series = { name: name ?? `Series${c.series.length + 1}`, values: "" };
      c.series.push(slot.series);
      return { sheet: c.sheet.name };
    });
    return new ChartSeries(this.context, `${this._path}.add()`, () => slot.series ?? null);
  }
}

export class Chart extends ClientObject {
  protected readonly _type = "Chart";
  protected _props() {
    return { name: (c: ChartModel) => c.name, id: (c: ChartModel) => c.id };
  }
  get name(): string {
    return this._get("name") as string;
  }
  set name(n: string) {
    this._set("name", n, () => void (this._model<ChartModel>().name = n));
  }
  get title(): ChartTitle {
    return new ChartTitle(this.context, `${this._path}.title`, () => this._model<ChartModel>());
  }
  get legend(): ChartLegend {
    return new ChartLegend(this.context, `${this._path}.legend`, () => this._model<ChartModel>());
  }
  get series(): ChartSeriesCollection {
    return new ChartSeriesCollection(this.context, `${this._path}.series`, () => this._model<ChartModel>());
  }
  setPosition(startCell: Range | string, endCell?: Range | string): void {
    this._call("setPosition", endCell === undefined ? [startCell] : [startCell, endCell], () => {
      const c = this._model<ChartModel>();
      const at = (x: Range | string) => (typeof x === "string" ? formatRef(rectOn(c.sheet, x)) : formatRef(x._model<RangeRef>().rect));
      c.position = { start: at(startCell), ...(endCell !== undefined ? { end: at(endCell) } : {}) };
      return { sheet: c.sheet.name };
    });
  }
}

const CHART_TYPES = new Set(["BarClustered", "ColumnClustered", "Line", "Pie", "XYScatter", "BarStacked", "ColumnStacked"]);

export class ChartCollection extends Collection<Chart> {
  protected readonly _type = "ChartCollection";
  protected _models() {
    return this._model<SheetModel>().charts;
  }
  protected _child(m: unknown): Chart {
    const c = m as ChartModel;
    return new Chart(this.context, `chart(${str(c.id)})`, () => c);
  }
  add(type: string, sourceData: Range, seriesBy: string = "Auto"): Chart {
    const slot: { chart?: ChartModel } = {};
    this._call("add", [type, sourceData, seriesBy], () => {
      if (!CHART_TYPES.has(type)) throw new DoubleError("InvalidArgument", `Chart type '${type}' is not modelled.`);
      const sheet = this._model<SheetModel>();
      const src = sourceData._model<RangeRef>();
      const wb = this.context._workbook;
      slot.chart = new ChartModel(wb.nextId("chart"), `Chart ${wb.charts.length + 1}`, sheet, type, qualified(src), seriesBy, seriesOf(src, seriesBy));
      sheet.charts.push(slot.chart);
      return { sheet: sheet.name, address: formatRef(src.rect) };
    });
    return new Chart(this.context, `${this._path}.add(${str(type)})`, () => {
      if (!slot.chart) throw new DoubleError("InvalidObjectPath", "The chart was never added.");
      return slot.chart;
    });
  }
}

/**
 * The series Excel makes from a source range, by columns (Auto = by columns when there are at
 * least as many rows as columns): a text first row names the series; a text first column (with
 * more columns after it) gives the categories.
 */
function seriesOf(src: RangeRef, seriesBy: string): SeriesModel[] {
  const { sheet, rect } = src;
  const byColumns = seriesBy === "Columns" || (seriesBy !== "Rows" && rowsOf(rect) >= columnsOf(rect));
  if (!byColumns) throw new DoubleError("NotImplemented", "The double only models series by columns.");
  const isText = (r: number, c: number) => typeof sheet.stored(r, c) === "string";
  const header = rowsOf(rect) > 1 && isText(rect.top, rect.right);
  const cats = columnsOf(rect) > 1 && isText(rect.bottom, rect.left);
  const top = header ? rect.top + 1 : rect.top;
  const addr = (c: number) => `${quoteSheetName(sheet.name)}!${formatRef({ top, bottom: rect.bottom, left: c, right: c })}`;
  const out: SeriesModel[] = [];
  for (let c = cats ? rect.left + 1 : rect.left; c <= rect.right; c++) {
    out.push({ name: header ? String(sheet.stored(rect.top, c)) : `Series${out.length + 1}`, values: addr(c), ...(cats ? { categories: addr(rect.left) } : {}) });
  }
  return out;
}

const CALCULATION_MODES = new Set(["Automatic", "AutomaticExceptTables", "Manual"]);

export class Application extends ClientObject {
  protected readonly _type = "Application";
  protected _props() {
    return { calculationMode: () => this.context._workbook.calculationMode };
  }
  get calculationMode(): CalculationMode {
    return this._get("calculationMode") as CalculationMode;
  }
  /** ExcelApi 1.1 to read, 1.8 to set. */
  set calculationMode(mode: CalculationMode) {
    this.context._need("ExcelApi", "1.8", "Application.calculationMode (set)");
    this._set("calculationMode", mode, () => {
      if (!CALCULATION_MODES.has(mode)) throw new DoubleError("InvalidArgument", `'${mode}' is not a calculation mode.`);
      const wb = this.context._workbook;
      wb.calculationMode = mode;
      wb.calculationModeChanges++;
    });
  }
  /** Recalculates (any type): what calculation suspended is computed. */
  calculate(calculationType: string): void {
    this._call("calculate", [calculationType], () => {
      if (!["Recalculate", "Full", "FullRebuild"].includes(calculationType)) throw new DoubleError("InvalidArgument", `'${calculationType}' is not a calculation type.`);
      const wb = this.context._workbook;
      wb.uncalculated = 0;
      wb.calculations++;
    });
  }
  suspendApiCalculationUntilNextSync(): void {
    this.context._need("ExcelApi", "1.6", "Application.suspendApiCalculationUntilNextSync");
    this._call("suspendApiCalculationUntilNextSync", [], () => void this.context._suspended.add("calculation"));
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this.context._need("ExcelApi", "1.9", "Application.suspendScreenUpdatingUntilNextSync");
    this._call("suspendScreenUpdatingUntilNextSync", [], () => void this.context._suspended.add("screen"));
  }
}

export class NamedItem extends ClientObject {
  protected readonly _type = "NamedItem";
  protected _props() {
    return { name: (n: NameModel) => n.name, formula: (n: NameModel) => n.formula, scope: (n: NameModel) => (n.sheet ? "Worksheet" : "Workbook") };
  }
  get name(): string {
    return this._get("name") as string;
  }
}

/** Defined names: the workbook's (workbook scope) or a sheet's own. */
export class NamedItemCollection extends Collection<NamedItem> {
  protected readonly _type = "NamedItemCollection";
  /** `sheetOf` undefined: the workbook's collection. */
  constructor(context: RequestContext, path: string, private readonly _sheetOf?: () => SheetModel) {
    super(context, path, () => true);
  }
  protected _models() {
    const sheet = this._sheetOf?.();
    return this.context._workbook.names.filter((n) => n.sheet === sheet);
  }
  protected _child(m: unknown, i: number): NamedItem {
    return new NamedItem(this.context, `${this._path}.getItemAt(${i})`, () => m);
  }
  add(name: string, reference: string): NamedItem {
    const slot: { item?: NameModel } = {};
    this._call("add", [name, reference], () => void (slot.item = this.context._workbook.addName(name, reference, this._sheetOf?.())));
    return new NamedItem(this.context, `${this._path}.add(${str(name)})`, () => slot.item ?? null);
  }
}

export class Workbook extends ClientObject {
  protected readonly _type = "Workbook";
  protected _props() {
    return {};
  }
  get worksheets(): WorksheetCollection {
    return new WorksheetCollection(this.context, "worksheets", () => true);
  }
  get tables(): TableCollection {
    return new TableCollection(this.context, "tables");
  }
  get application(): Application {
    return this.context.application;
  }
  /** The workbook's (workbook-scoped) names. */
  get names(): NamedItemCollection {
    return new NamedItemCollection(this.context, "names");
  }
  /** One block of cells; several areas, or a chart or picture, fail with InvalidSelection (as in Excel). */
  getSelectedRange(): Range {
    return new Range(this.context, "getSelectedRange()", () => {
      const s = this.context._workbook.selection;
      if (s.object) throw new DoubleError("InvalidSelection", `The current selection is a ${s.object}, not a range of cells.`);
      if (s.areas && s.areas.length > 1) throw new DoubleError("InvalidSelection", "The current selection is invalid for this operation (several areas are selected).");
      return { sheet: s.sheet, rect: s.rect };
    });
  }
  getActiveCell(): Range {
    return new Range(this.context, "getActiveCell()", () => {
      const s = this.context._workbook.selection;
      return { sheet: s.sheet, rect: { top: s.rect.top, left: s.rect.left, bottom: s.rect.top, right: s.rect.left } };
    });
  }
}

export class RequestContext {
  _queue: Op[] = [];
  /** What this batch suspended (reset at each sync). */
  _suspended = new Set<string>();
  _closed = false;
  readonly workbook: Workbook;
  readonly application: Application;
  /** Office.js's tracked objects; the double has nothing to release. */
  readonly trackedObjects = { add: (_: unknown) => undefined, remove: (_: unknown) => undefined };

  /** Office.js's id counter and the ids of the object paths used (wire.ts). */
  readonly _ids: Ids = { paths: new Map(), next: 0 };

  constructor(private readonly _engine: Engine) {
    this.workbook = new Workbook(this, "workbook", () => true);
    this.application = new Application(this, "workbook.application", () => true);
  }
  /** Office.js refuses, when called, a member of a requirement set the host does not offer. */
  _need(set: string, version: string, member: string): void {
    if (!this._engine.supports(set, version)) {
      throw new DoubleError("ApiNotFound", `The API you are trying to use could not be found: ${member} needs ${set} ${version}, which this Excel does not offer.`, member);
    }
  }
  /** Formula cells written: left uncalculated when the batch suspended calculation. */
  _formulasWritten(count: number): void {
    if (count > 0 && this._suspended.has("calculation")) this._workbook.uncalculated += count;
  }
  get _workbook(): WorkbookModel {
    return this._engine.workbook;
  }
  _enqueue(op: Op): void {
    if (this._closed) throw new DoubleError("InvalidRequestContext", "This request context is no longer valid: use objects only inside their Excel.run.");
    this._queue.push(op);
  }
  /** *OrNullObject proxies report isNullObject after the next sync without an explicit load. */
  _implicitNullCheck(obj: ClientObject): void {
    this._queue.push({ wire: { p: obj._path, n: true }, desc: "nullCheck", run: () => undefined, load: { target: obj, props: ["isNullObject"] }, write: false });
  }
  sync(): Promise<void> {
    return this._engine.sync(this);
  }
}
