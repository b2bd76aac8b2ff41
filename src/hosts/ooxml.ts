/**
 * SpreadsheetML text for the streaming .xlsx writer (ECMA-376 Part 1, §18): escaping, one cell,
 * the cell styles a report uses, and the package's fixed parts. Plain strings, no Node, no
 * exceljs: the writer (xlsx.ts) joins them and the zip writer stores them.
 */
import type { NumberFormat } from "../report/types";
import { quoteSheet } from "../report/address";
import { CellLook, cellText, EXCEL_LIMITS, FOOTER_CENTER, FOOTER_RIGHT, footerLeft, Look, LOOKS, NUMBER_FORMATS, PAGE_MARGINS, Rule } from "./common";

export type { CellLook };

export const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
export const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
export const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/**
 * Text as an .xlsx string stores it (OOXML ST_Xstring, ECMA-376 Part 1, 22.9.2.19): a character
 * XML cannot carry as it is becomes the escape `_xHHHH_`, and text that already reads as such an
 * escape has its underscore escaped (`_x005F_`) so that readers give it back literally. A raw
 * CR would be read back as LF by every XML reader; with this, "\rCR" is stored as "_x000D_CR"
 * and Excel, LibreOffice and exceljs read "\rCR" back. Tab and LF are valid XML characters and
 * stay as they are. The .xlsx host applies it to all text it writes (xmlText, below).
 */
export function xlsxText(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text; // the common case: nothing to escape
  return text.replace(ESCAPED, (c) => (c.length > 1 ? "_x005F_" + c.slice(1) : `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`));
}

/** Control characters XML 1.0 cannot hold (all but tab, LF), CR, U+FFFE/U+FFFF; and a literal `_xHHHH_`. */
const ESCAPED = /_x[0-9A-Fa-f]{4}_|[\u0000-\u0008\u000b-\u001f\ufffe\uffff]/g;
const NEEDS_ESCAPE = /_x[0-9A-Fa-f]{4}_|[\u0000-\u0008\u000b-\u001f\ufffe\uffff]/;

const MARKUP = /[&<>"]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text with each lone surrogate (which UTF-8 cannot hold) replaced by U+FFFD, as the file will hold it. */
export function wellFormed(s: string): string {
  return /[\uD800-\uDFFF]/.test(s) ? s.replace(LONE_SURROGATE, "\uFFFD") : s;
}

/**
 * Text as an element or attribute value: OOXML's `_xHHHH_` escapes first (xlsxText: a raw CR
 * would be read back as LF), then markup; a lone surrogate (not well-formed XML) becomes U+FFFD.
 */
export function xmlText(s: string): string {
  let t = xlsxText(s);
  if (/[\uD800-\uDFFF]/.test(t)) t = t.replace(LONE_SURROGATE, "\uFFFD");
  return MARKUP.test(t) ? t.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;") : t;
}

/** Markup escaped (`&`, `<`, `>`), as a chart's `<c:f>` reference needs. */
export function xmlMarkup(f: string): string {
  return /[&<>]/.test(f) ? f.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;") : f;
}

/**
 * Formula text in `<f>`: an ST_Xstring like cell text, so a sheet name or a literal that reads as
 * an `_xHHHH_` escape is escaped first (xlsxText), then markup. Formulas come from the planner.
 */
export function xmlFormula(f: string): string {
  return xmlMarkup(xlsxText(f));
}

/** A number as `<v>` holds it: the shortest round-trip form (xsd:double). */
export function xmlNumber(v: number): string {
  return String(v);
}

/** What a cell shows before any recalculation. */
export type StoredValue = string | number | boolean | { readonly error: string } | null;

/** How a formula is stored: on its own, array-entered, or as a member of a shared formula. */
export type FormulaForm =
  | { readonly kind: "plain"; readonly text: string }
  | { readonly kind: "array"; readonly text: string }
  /** The first cell of a shared formula (§18.3.1.40) holds its text and the range that shares it. */
  | { readonly kind: "sharedMaster"; readonly text: string; readonly si: number; readonly ref: string }
  | { readonly kind: "sharedMember"; readonly si: number };

// Per-cell pieces that repeat (a shared formula's member, a style attribute), made once each.
const sharedMemberXml: string[] = [];
const styleAttr: string[] = [""];

function formulaXml(ref: string, f: FormulaForm): string {
  switch (f.kind) {
    case "plain":
      return `<f>${xmlFormula(f.text)}</f>`;
    case "array":
      return `<f t="array" ref="${ref}">${xmlFormula(f.text)}</f>`;
    case "sharedMaster":
      return `<f t="shared" ref="${f.ref}" si="${f.si}">${xmlFormula(f.text)}</f>`;
    case "sharedMember":
      return sharedMemberXml[f.si] ?? (sharedMemberXml[f.si] = `<f t="shared" si="${f.si}"/>`);
  }
}

/**
 * The workbook's shared string table (§18.4): each distinct text once, cells refer to it by
 * index. Excel writes text this way, every reader reads it (exceljs, for one, does not decode
 * `_xHHHH_` in inline strings), and a label repeated on 100 rows is stored once.
 */
export class SharedStrings {
  private readonly index = new Map<string, number>();
  private count = 0;

  /** The index of `text` (cut at Excel's limit), added on first use. */
  id(text: string): number {
    if (text.length > EXCEL_LIMITS.cellText) text = cellText(text);
    let i = this.index.get(text);
    if (i === undefined) this.index.set(text, (i = this.index.size));
    this.count++;
    return i;
  }

  get size(): number {
    return this.index.size;
  }

  /** xl/sharedStrings.xml */
  *xml(): Generator<string> {
    yield `${XML_DECL}<sst xmlns="${MAIN_NS}" count="${this.count}" uniqueCount="${this.index.size}">`;
    let batch = "";
    for (const text of this.index.keys()) {
      batch += `<si><t xml:space="preserve">${xmlText(text)}</t></si>`;
      if (batch.length > 1 << 20) {
        yield batch;
        batch = "";
      }
    }
    yield `${batch}</sst>`;
  }
}

/** `<c>` for a value, or for a formula with `value` as its cached result; `ref` its address. */
export function cellXml(ref: string, value: StoredValue, style: number, strings: SharedStrings, formula?: FormulaForm): string {
  const s = styleAttr[style] ?? (styleAttr[style] = ` s="${style}"`);
  const f = formula === undefined ? "" : formulaXml(ref, formula);
  if (value === null) return f ? `<c r="${ref}"${s}>${f}</c>` : s ? `<c r="${ref}"${s}/>` : "";
  switch (typeof value) {
    case "number":
      return Number.isFinite(value) ? `<c r="${ref}"${s}>${f}<v>${xmlNumber(value)}</v></c>` : `<c r="${ref}"${s} t="e">${f}<v>#NUM!</v></c>`;
    case "boolean":
      return `<c r="${ref}"${s} t="b">${f}<v>${value ? 1 : 0}</v></c>`;
    case "string":
      // A formula's text result is t="str"; a plain string is a shared string, never parsed.
      return f ? `<c r="${ref}"${s} t="str">${f}<v>${xmlText(cellText(value))}</v></c>` : `<c r="${ref}"${s} t="s"><v>${strings.id(value)}</v></c>`;
    default:
      return `<c r="${ref}"${s} t="e">${f}<v>${xmlText(value.error)}</v></c>`;
  }
}

// Built-in number formats (§18.8.30) need no <numFmt>; the others get ids from 164.
const BUILT_IN_FORMATS: Readonly<Record<string, number>> = { "0": 1, "0.00": 2, "#,##0": 3, "@": 49 };

const FORMAT_KEYS: Readonly<Record<NumberFormat, number>> = { count: 1, percent: 2, perThousand: 3, ratio: 4, decimal: 5, year: 6, text: 7 };

const LOOK_NAMES = Object.keys(LOOKS) as CellLook[];
const LOOK_KEYS = new Map(LOOK_NAMES.map((l, k) => [l, k]));

const fontXml = (o: Look) =>
  `<font>${o.bold ? "<b/>" : ""}${o.italic ? "<i/>" : ""}<sz val="${o.size ?? 11}"/>${o.color ? `<color rgb="FF${o.color}"/>` : '<color theme="1"/>'}<name val="Calibri"/><family val="2"/><scheme val="minor"/></font>`;
const fillXml = (rgb: string) => `<fill><patternFill patternType="solid"><fgColor rgb="FF${rgb}"/><bgColor indexed="64"/></patternFill></fill>`;
const ruleXml = (side: string, r: Rule | undefined) => (r ? `<${side} style="${r.style}">${r.color ? `<color rgb="FF${r.color}"/>` : '<color auto="1"/>'}</${side}>` : `<${side}/>`);
const borderXml = (o: Look) => `<border><left/><right/>${ruleXml("top", o.top)}${ruleXml("bottom", o.bottom)}<diagonal/></border>`;

/** styles.xml's fonts, fills and borders (each once), and each look's indexes into them. */
const PARTS = (() => {
  const fonts = [fontXml({})];
  const fills = ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>'];
  const borders = [borderXml({})];
  const index = (list: string[], xml: string) => {
    let k = list.indexOf(xml);
    if (k < 0) k = list.push(xml) - 1;
    return k;
  };
  const looks = {} as Record<CellLook, { font: number; fill: number; border: number }>;
  for (const name of LOOK_NAMES) {
    const o = LOOKS[name];
    looks[name] = { font: index(fonts, fontXml(o)), fill: o.fill ? index(fills, fillXml(o.fill)) : 0, border: index(borders, borderXml(o)) };
  }
  return { fonts, fills, borders, looks };
})();

/** Cell styles (cellXfs) by number format, look, and wrapping; index 0 is plain. */
export class CellStyles {
  // Looked up once per cell (1,300,000 times for a large report): a number key, no strings.
  private readonly byKey: number[] = [0];
  private readonly xfs: { format?: NumberFormat; look: CellLook; wrap: boolean }[] = [{ look: "plain", wrap: false }];

  /** The style index for a cell: its number format, its look, whether its text wraps (top-aligned). */
  id(format: NumberFormat | undefined, look: CellLook = "plain", wrap = false): number {
    const key = (format === undefined ? 0 : FORMAT_KEYS[format]) * 32 + (LOOK_KEYS.get(look) ?? 0) * 2 + (wrap ? 1 : 0);
    let id = this.byKey[key];
    if (id === undefined) {
      id = this.xfs.length;
      this.xfs.push({ format, look, wrap });
      this.byKey[key] = id;
    }
    return id;
  }

  /** xl/styles.xml */
  xml(): string {
    const custom = new Map<string, number>();
    for (const { format } of this.xfs) {
      const code = format ? NUMBER_FORMATS[format] : undefined;
      if (code !== undefined && BUILT_IN_FORMATS[code] === undefined && !custom.has(code)) custom.set(code, 164 + custom.size);
    }
    const numFmts = custom.size ? `<numFmts count="${custom.size}">${[...custom].map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${xmlText(code)}"/>`).join("")}</numFmts>` : "";
    const xfs = this.xfs
      .map(({ format, look, wrap }) => {
        const code = format ? NUMBER_FORMATS[format] : undefined;
        const numFmtId = code === undefined ? 0 : (BUILT_IN_FORMATS[code] ?? custom.get(code) ?? 0);
        const { font, fill, border } = PARTS.looks[look];
        // Header cells wrap (a long header takes two lines), centred vertically; other wrapped text starts at the top of its row.
        const align = look === "header" ? '<alignment vertical="center" wrapText="1"/>' : wrap ? '<alignment vertical="top" wrapText="1"/>' : "";
        const apply = `${numFmtId ? ' applyNumberFormat="1"' : ""}${font ? ' applyFont="1"' : ""}${fill ? ' applyFill="1"' : ""}${border ? ' applyBorder="1"' : ""}${align ? ' applyAlignment="1"' : ""}`;
        return `<xf numFmtId="${numFmtId}" fontId="${font}" fillId="${fill}" borderId="${border}" xfId="0"${apply}${align ? `>${align}</xf>` : "/>"}`;
      })
      .join("");
    return (
      `${XML_DECL}<styleSheet xmlns="${MAIN_NS}">${numFmts}` +
      `<fonts count="${PARTS.fonts.length}">${PARTS.fonts.join("")}</fonts>` +
      `<fills count="${PARTS.fills.length}">${PARTS.fills.join("")}</fills>` +
      `<borders count="${PARTS.borders.length}">${PARTS.borders.join("")}</borders>` +
      `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
      `<cellXfs count="${this.xfs.length}">${xfs}</cellXfs>` +
      `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>` +
      `<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/></styleSheet>`
    );
  }
}

/** The start of a worksheet part, up to and including `<sheetData>`; `fitToPage` when it has a print set-up. */
export function worksheetStart(options: { freezeRows: number; widths: readonly (number | undefined)[]; fitToPage?: boolean }): string {
  const { freezeRows, widths } = options;
  const pr = options.fitToPage ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : "";
  const pane = freezeRows > 0 ? `<pane ySplit="${freezeRows}" topLeftCell="A${freezeRows + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/>` : "";
  const col = widths.map((w, j) => (w === undefined || !(w > 0) ? "" : `<col min="${j + 1}" max="${j + 1}" width="${Math.min(w, EXCEL_LIMITS.columnWidth)}" customWidth="1"/>`)).join("");
  const cols = col ? `<cols>${col}</cols>` : "";
  return `${XML_DECL}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">${pr}<sheetViews><sheetView workbookViewId="0">${pane}</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>${cols}<sheetData>`;
}

/**
 * A footer in header/footer codes (§18.3.1.39): `left` on the left, the sheet's name (&A) in the
 * centre, "Page n of m" (&P, &N) on the right; at most 255 characters, as Excel holds.
 */
export function footerCodes(left: string): string {
  const rest = `&C${FOOTER_CENTER}&R${FOOTER_RIGHT}`;
  return `&L${footerLeft(left, 255 - rest.length - 2)}${rest}`;
}

/** How a sheet prints: one page wide, as many tall as needed. */
export interface SheetPrint {
  readonly orientation: "portrait" | "landscape";
  readonly footer: string;
}

/**
 * The end of a worksheet part: merged cells, the print set-up, the drawing holding the sheet's
 * charts, if any, and the table parts, in the order CT_Worksheet (§18.3.1.99) requires.
 * Relationship ids: tables rId1…rIdN, then the drawing.
 */
export function worksheetEnd(options: { tables: number; drawing?: boolean; merges?: readonly string[]; print?: SheetPrint }): string {
  const merges = options.merges?.length ? `<mergeCells count="${options.merges.length}">${options.merges.map((m) => `<mergeCell ref="${m}"/>`).join("")}</mergeCells>` : "";
  const p = options.print;
  // Margins (inches) that leave room for a footer and suit both A4 and Letter paper.
  const margins = p
    ? `<printOptions horizontalCentered="1"/><pageMargins left="${PAGE_MARGINS.left}" right="${PAGE_MARGINS.right}" top="${PAGE_MARGINS.top}" bottom="${PAGE_MARGINS.bottom}" header="${PAGE_MARGINS.header}" footer="${PAGE_MARGINS.footer}"/>` +
      `<pageSetup orientation="${p.orientation}" fitToWidth="1" fitToHeight="0"/><headerFooter><oddFooter>${xmlText(footerCodes(p.footer))}</oddFooter></headerFooter>`
    : `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>`;
  const drawing = options.drawing ? `<drawing r:id="rId${options.tables + 1}"/>` : "";
  const parts = options.tables ? `<tableParts count="${options.tables}">${Array.from({ length: options.tables }, (_, k) => `<tablePart r:id="rId${k + 1}"/>`).join("")}</tableParts>` : "";
  return `</sheetData>${merges}${margins}${drawing}${parts}</worksheet>`;
}

/** An Excel table part (§18.5): header row + body at `ref`, columns named as the header cells. */
export function tableXml(id: number, name: string, ref: string, columns: readonly string[]): string {
  return (
    `${XML_DECL}<table xmlns="${MAIN_NS}" id="${id}" name="${xmlText(name)}" displayName="${xmlText(name)}" ref="${ref}" totalsRowShown="0">` +
    `<autoFilter ref="${ref}"/><tableColumns count="${columns.length}">${columns.map((c, j) => `<tableColumn id="${j + 1}" name="${xmlText(c)}"/>`).join("")}</tableColumns>` +
    `<tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`
  );
}

/** A relationships part. */
export function relsXml(rels: readonly { id: string; type: string; target: string }[]): string {
  return `${XML_DECL}<Relationships xmlns="${PKG_REL_NS}">${rels.map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${xmlText(r.target)}"/>`).join("")}</Relationships>`;
}

/**
 * xl/theme/theme1.xml: the Office theme. The styles part uses theme colours (`<color theme="1"/>`)
 * and the theme's minor font (`<scheme val="minor"/>`), which some Excel builds cannot resolve
 * (and refuse the file) without a theme part. Colours and fonts are Office 2013's defaults.
 */
export function themeXml(): string {
  const srgb = (tag: string, rgb: string) => `<a:${tag}><a:srgbClr val="${rgb}"/></a:${tag}>`;
  const fill = `<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>`;
  const line = (w: number) => `<a:ln w="${w}" cap="flat" cmpd="sng" algn="ctr"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:prstDash val="solid"/><a:miter lim="800000"/></a:ln>`;
  const effect = `<a:effectStyle><a:effectLst/></a:effectStyle>`;
  const font = (latin: string) => `<a:latin typeface="${latin}" panose="020F0502020204030204"/><a:ea typeface=""/><a:cs typeface=""/>`;
  return (
    `${XML_DECL}<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Office Theme"><a:themeElements>` +
    `<a:clrScheme name="Office"><a:dk1><a:sysClr val="windowText" lastClr="000000"/></a:dk1><a:lt1><a:sysClr val="window" lastClr="FFFFFF"/></a:lt1>` +
    srgb("dk2", "44546A") + srgb("lt2", "E7E6E6") + srgb("accent1", "4472C4") + srgb("accent2", "ED7D31") + srgb("accent3", "A5A5A5") +
    srgb("accent4", "FFC000") + srgb("accent5", "5B9BD5") + srgb("accent6", "70AD47") + srgb("hlink", "0563C1") + srgb("folHlink", "954F72") +
    `</a:clrScheme><a:fontScheme name="Office"><a:majorFont>${font("Calibri Light")}</a:majorFont><a:minorFont>${font("Calibri")}</a:minorFont></a:fontScheme>` +
    `<a:fmtScheme name="Office"><a:fillStyleLst>${fill}${fill}${fill}</a:fillStyleLst><a:lnStyleLst>${line(6350)}${line(12700)}${line(19050)}</a:lnStyleLst>` +
    `<a:effectStyleLst>${effect}${effect}${effect}</a:effectStyleLst><a:bgFillStyleLst>${fill}${fill}${fill}</a:bgFillStyleLst></a:fmtScheme>` +
    `</a:themeElements><a:objectDefaults/><a:extraClrSchemeLst/></a:theme>`
  );
}

export const REL = {
  officeDocument: `${REL_NS}/officeDocument`,
  coreProperties: "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
  extendedProperties: `${REL_NS}/extended-properties`,
  worksheet: `${REL_NS}/worksheet`,
  styles: `${REL_NS}/styles`,
  theme: `${REL_NS}/theme`,
  table: `${REL_NS}/table`,
  sharedStrings: `${REL_NS}/sharedStrings`,
  drawing: `${REL_NS}/drawing`,
  chart: `${REL_NS}/chart`,
} as const;

/** [Content_Types].xml for the package's numbered parts (and the shared strings). */
export function contentTypesXml(counts: { sheets: number; tables: number; drawings: number; charts: number; pngImages?: number }): string {
  const { sheets, tables, drawings, charts } = counts;
  const sml = "application/vnd.openxmlformats-officedocument.spreadsheetml";
  const over = (part: string, type: string) => `<Override PartName="${part}" ContentType="${type}"/>`;
  return (
    `${XML_DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
    (counts.pngImages ? `<Default Extension="png" ContentType="image/png"/>` : "") +
    over("/xl/workbook.xml", `${sml}.sheet.main+xml`) +
    Array.from({ length: sheets }, (_, k) => over(`/xl/worksheets/sheet${k + 1}.xml`, `${sml}.worksheet+xml`)).join("") +
    Array.from({ length: tables }, (_, k) => over(`/xl/tables/table${k + 1}.xml`, `${sml}.table+xml`)).join("") +
    Array.from({ length: drawings }, (_, k) => over(`/xl/drawings/drawing${k + 1}.xml`, "application/vnd.openxmlformats-officedocument.drawing+xml")).join("") +
    Array.from({ length: charts }, (_, k) => over(`/xl/charts/chart${k + 1}.xml`, "application/vnd.openxmlformats-officedocument.drawingml.chart+xml")).join("") +
    over("/xl/theme/theme1.xml", "application/vnd.openxmlformats-officedocument.theme+xml") +
    over("/xl/styles.xml", `${sml}.styles+xml`) +
    over("/xl/sharedStrings.xml", `${sml}.sharedStrings+xml`) +
    over("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml") +
    over("/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml") +
    `</Types>`
  );
}

/** xl/workbook.xml; `fullCalcOnLoad` makes Excel recalculate everything when it opens the file. */
export function workbookXml(sheetNames: readonly string[], fullCalcOnLoad: boolean, printTitles: readonly { sheet: number; rows: readonly [number, number] }[] = []): string {
  const sheets = sheetNames.map((n, k) => `<sheet name="${xmlText(n)}" sheetId="${k + 1}" r:id="rId${k + 1}"/>`).join("");
  // Rows repeated at the top of each printed page: the built-in name _xlnm.Print_Titles, one per sheet (0-based localSheetId).
  const titles = printTitles.map((t) => `<definedName name="_xlnm.Print_Titles" localSheetId="${t.sheet}">${xmlText(quoteSheet(sheetNames[t.sheet]))}!$${t.rows[0] + 1}:$${t.rows[1] + 1}</definedName>`).join("");
  const names = titles ? `<definedNames>${titles}</definedNames>` : "";
  return `${XML_DECL}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><workbookPr/><bookViews><workbookView/></bookViews><sheets>${sheets}</sheets>${names}<calcPr calcId="191029"${fullCalcOnLoad ? ' fullCalcOnLoad="1"' : ""}/></workbook>`;
}

/** docProps/core.xml and docProps/app.xml. */
export function docPropsXml(creator: string, created: Date): { core: string; app: string } {
  const when = created.toISOString().replace(/\.\d{3}Z$/, "Z");
  return {
    core:
      `${XML_DECL}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
      `<dc:creator>${xmlText(creator)}</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified></cp:coreProperties>`,
    app: `${XML_DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>${xmlText(creator)}</Application></Properties>`,
  };
}
