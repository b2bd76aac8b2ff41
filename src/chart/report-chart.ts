/**
 * The chord diagram of a report's data, for the command line: the flows as the report reads
 * them, the figure, its SVG text and the PNG (resvg), and the picture for the report's Chord
 * sheet.
 */
import type { ReportPicture } from "../hosts/picture-xml";
import type { Detection, SourceBlock } from "../report/types";
import { chartFlows } from "./chord-data";
import { svgToPng } from "./chord-png";
import { ChordFigure, chordFigure } from "./chord-svg";
import { ChartLang, CHORD_WORDS } from "./chord-text";
import { svgText } from "./svg-node";

export interface ReportChartOptions {
  /** Where the data comes from, for the source line. */
  readonly source: string;
  readonly top?: number;
  readonly order?: "data" | "size";
  readonly lang?: ChartLang;
  /** When the report was built: the Chord sheet says the picture is of the data then. */
  readonly now: Date;
  /** The period of a long list drawn, as the report's (default: the latest). */
  readonly period?: string;
}

export interface ReportChart {
  readonly figure: ChordFigure;
  readonly svg: string;
  readonly png: Buffer;
  readonly picture: ReportPicture;
}

export function reportChart(block: SourceBlock, detection: Detection, options: ReportChartOptions): ReportChart {
  const lang = options.lang ?? "en";
  const words = CHORD_WORDS[lang];
  const flows = chartFlows(block, detection, options.period);
  const title = flows.year !== undefined && flows.year !== null ? `${words.defaultTitle}, ${String(flows.year)}` : words.defaultTitle;
  const figure = chordFigure(flows, { source: options.source, title, lang, ...(options.top !== undefined ? { top: options.top } : {}), ...(options.order ? { order: options.order } : {}) });
  const svg = svgText(figure.svg);
  const { png } = svgToPng(svg, 2);
  const when = options.now.toISOString().replace(/\.\d{3}Z$/, "Z").replace("T", " ");
  const picture: ReportPicture = {
    sheet: "Chord",
    png,
    width: figure.width,
    height: figure.height,
    title,
    description: `${words.description(figure.matrix.labels.length, figure.layout.total.toLocaleString("en-US"))} ${words.source(options.source)}`,
    notes: [
      `A picture of the data as it was when the report was built (${when}); it does not change when the data does.`,
      `Each arc is a region, sized by its moves out + moves in; each ribbon a flow, from its origin (wide end, in the origin's colour) to its destination (arrow). ${figure.layout.ribbons.length} flows drawn.`,
      ...(figure.matrix.lumped.length > 0 ? [`Lumped as "${figure.matrix.otherLabel}": ${figure.matrix.lumped.join(", ")}.`] : []),
    ],
  };
  return { figure, svg, png, picture };
}
