/**
 * A planned chart as DrawingML for the .xlsx host (ECMA-376 Part 1, §21.2 charts, §20.5
 * spreadsheet drawings): a clustered bar or column chart of one series, or a line chart of one
 * or more series (with a legend when several), its references live on
 * the table's cells and its caches holding the engine's values, so a viewer that does not
 * recalculate still draws it. One drawing part per sheet anchors its charts to cells.
 */
import { columnLetters, quoteSheet } from "../report/address";
import type { CellValue, PlannedChart, PlannedError } from "../report/types";
import { xmlMarkup, xmlText } from "./ooxml";

const C_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main";
const R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const XDR_NS = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** What a chart shows: its plan, the sheet it reads, and the cells of its series. */
export interface ChartData {
  readonly chart: PlannedChart;
  /** The final name of the sheet holding the table. */
  readonly sheet: string;
  /** 0-based rows of the data, and the columns of categories and values; the header row names the series. */
  readonly first: number;
  readonly last: number;
  readonly categoryCol: number;
  readonly valueCol: number;
  readonly headerRow: number;
  readonly seriesName: string;
  readonly categories: readonly (CellValue | PlannedError)[];
  readonly values: readonly (CellValue | PlannedError)[];
  /** Number format of the values, for the value axis. */
  readonly formatCode: string;
  /** Series after the first (a line chart of several figures), on the same rows and categories. */
  readonly moreSeries?: readonly SeriesData[];
}

const abs = (row: number, col: number) => `$${columnLetters(col)}$${row + 1}`;

/** A further series of a chart (a line chart's other lines): its column, name and values. */
export interface SeriesData {
  readonly valueCol: number;
  readonly seriesName: string;
  readonly values: readonly (CellValue | PlannedError)[];
}

/** xl/charts/chartN.xml */
export function chartXml(d: ChartData): string {
  // A reference, escaped as markup: a sheet may be called "R&D <2020>".
  const sheet = xmlMarkup(quoteSheet(d.sheet));
  const n = d.last - d.first + 1;
  const catPts = d.categories.map((v, i) => (v === null || typeof v === "object" ? "" : `<c:pt idx="${i}"><c:v>${xmlText(String(v))}</c:v></c:pt>`)).join("");
  const line = d.chart.kind === "line";
  const series = [d, ...(d.moreSeries ?? [])].map((s, k) => {
    // An error or blank is no point: the bar is missing (the line has a gap), as Excel draws an #N/A.
    const valPts = s.values.map((v, i) => (typeof v === "number" && Number.isFinite(v) ? `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>` : "")).join("");
    return (
      `<c:ser><c:idx val="${k}"/><c:order val="${k}"/>` +
      `<c:tx><c:strRef><c:f>${sheet}!${abs(d.headerRow, s.valueCol)}</c:f><c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>${xmlText(s.seriesName)}</c:v></c:pt></c:strCache></c:strRef></c:tx>` +
      (line ? `<c:marker><c:symbol val="circle"/><c:size val="6"/></c:marker>` : `<c:invertIfNegative val="0"/>`) +
      `<c:cat><c:strRef><c:f>${sheet}!${abs(d.first, d.categoryCol)}:${abs(d.last, d.categoryCol)}</c:f><c:strCache><c:ptCount val="${n}"/>${catPts}</c:strCache></c:strRef></c:cat>` +
      `<c:val><c:numRef><c:f>${sheet}!${abs(d.first, s.valueCol)}:${abs(d.last, s.valueCol)}</c:f><c:numCache><c:formatCode>${xmlText(d.formatCode)}</c:formatCode><c:ptCount val="${n}"/>${valPts}</c:numCache></c:numRef></c:val>` +
      (line ? `<c:smooth val="0"/>` : "") +
      `</c:ser>`
    );
  });
  const bar = d.chart.kind === "bar";
  const plot = line
    ? `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series.join("")}<c:marker val="1"/><c:axId val="500000001"/><c:axId val="500000002"/></c:lineChart>`
    : `<c:barChart><c:barDir val="${bar ? "bar" : "col"}"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series.join("")}<c:gapWidth val="60"/><c:axId val="500000001"/><c:axId val="500000002"/></c:barChart>`;
  // Several series need a legend to tell them apart; one is named by the title.
  const legend = series.length > 1 ? `<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>` : "";
  return (
    `${DECL}<c:chartSpace xmlns:c="${C_NS}" xmlns:a="${A_NS}" xmlns:r="${R_NS}"><c:roundedCorners val="0"/><c:chart>` +
    `<c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>${xmlText(d.chart.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>` +
    `<c:plotArea><c:layout/>${plot}` +
    `<c:catAx><c:axId val="500000001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="${bar ? "l" : "b"}"/><c:numFmt formatCode="General" sourceLinked="0"/>` +
    `<c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="low"/><c:crossAx val="500000002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="500000002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="${bar ? "b" : "l"}"/><c:majorGridlines/><c:numFmt formatCode="${xmlText(d.formatCode)}" sourceLinked="1"/>` +
    `<c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="500000001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>` +
    `</c:plotArea>${legend}<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
}

/** xl/drawings/drawingN.xml: each chart anchored between two cells; `rIds[k]` relates chart k. */
export function drawingXml(anchors: readonly { from: { row: number; col: number }; to: { row: number; col: number }; name: string }[], rIds: readonly string[]): string {
  const cellPos = (tag: string, p: { row: number; col: number }) => `<xdr:${tag}><xdr:col>${p.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${p.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  const frames = anchors
    .map(
      (a, k) =>
        `<xdr:twoCellAnchor editAs="oneCell">${cellPos("from", a.from)}${cellPos("to", a.to)}` +
        `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${k + 2}" name="${xmlText(a.name)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
        `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="${C_NS}"><c:chart xmlns:c="${C_NS}" r:id="${rIds[k]}"/></a:graphicData></a:graphic></xdr:graphicFrame>` +
        `<xdr:clientData/></xdr:twoCellAnchor>`,
    )
    .join("");
  return `${DECL}<xdr:wsDr xmlns:xdr="${XDR_NS}" xmlns:a="${A_NS}" xmlns:r="${R_NS}">${frames}</xdr:wsDr>`;
}
