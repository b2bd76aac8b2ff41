/**
 * A picture on a sheet of the .xlsx report (ECMA-376 Part 1, §20.5 SpreadsheetML drawing,
 * §20.1 DrawingML): a sheet whose drawing part holds one `xdr:pic` anchored at a cell with the
 * picture's own size, the PNG as an image part (xl/media/imageN.png) reached through the
 * drawing's relationships, and a few text cells above it (title and notes, so the sheet can be
 * read and searched without the picture). The picture does not recalculate: the notes say when
 * it was drawn.
 */
import { cellXml, REL, relsXml, SharedStrings, worksheetEnd, worksheetStart, XML_DECL, xmlText } from "./ooxml";

const XDR_NS = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
const A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main";
const R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
export const REL_IMAGE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image";
/** English Metric Units per CSS pixel at 96 dpi (§20.1.2.1: 914,400 EMU an inch). */
const EMU_PER_PX = 9525;

/** A PNG to put on a sheet of its own. */
export interface ReportPicture {
  /** The sheet's name (made unique and valid by the writer). */
  readonly sheet: string;
  readonly png: Buffer;
  /** Size on the sheet in pixels at 100% zoom (the PNG may have more pixels, for sharpness). */
  readonly width: number;
  readonly height: number;
  /** Alternative text for screen readers (Excel's "Alt Text"). */
  readonly description: string;
  /** Text cells above the picture: a title, then notes. */
  readonly title: string;
  readonly notes: readonly string[];
}

/** The pixel size a PNG declares in its IHDR chunk; throws for bytes that are not a PNG. */
export function pngSize(png: Buffer): { width: number; height: number } {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (png.length < 24 || !png.subarray(0, 8).equals(signature) || png.toString("latin1", 12, 16) !== "IHDR") throw new Error("the picture is not a PNG");
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** The drawing part: one picture anchored at a cell, `size` in pixels, its image behind `rId1`. */
export function pictureDrawingXml(p: { name: string; description: string; row: number; col: number; width: number; height: number }): string {
  const cx = Math.round(p.width * EMU_PER_PX);
  const cy = Math.round(p.height * EMU_PER_PX);
  return (
    `${XML_DECL}<xdr:wsDr xmlns:xdr="${XDR_NS}" xmlns:a="${A_NS}" xmlns:r="${R_NS}">` +
    `<xdr:oneCellAnchor><xdr:from><xdr:col>${p.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${p.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:ext cx="${cx}" cy="${cy}"/>` +
    `<xdr:pic><xdr:nvPicPr><xdr:cNvPr id="2" name="${xmlText(p.name)}" descr="${xmlText(p.description)}"/><xdr:cNvPicPr><a:picLocks noChangeAspect="1"/></xdr:cNvPicPr></xdr:nvPicPr>` +
    `<xdr:blipFill><a:blip r:embed="rId1"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill>` +
    `<xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic>` +
    `<xdr:clientData/></xdr:oneCellAnchor></xdr:wsDr>`
  );
}

/**
 * Every part of a picture sheet, by path: the worksheet (sheetN), its relationships, the
 * drawing (drawingD) and its relationships, the image (imageK.png). The content types need a
 * Default for png and an Override for the drawing (contentTypesXml).
 */
export function pictureSheetParts(p: ReportPicture, ids: { sheet: number; drawing: number; image: number }, strings: SharedStrings, bold: number): { path: string; data: string | Buffer }[] {
  pngSize(p.png);
  const lines = [p.title, ...p.notes];
  const rows = lines.map((t, i) => `<row r="${i + 1}">${cellXml(`A${i + 1}`, t, i === 0 ? bold : 0, strings)}</row>`).join("");
  const sheet = `${worksheetStart({ freezeRows: 0, widths: [] })}${rows}${worksheetEnd({ tables: 0, drawing: true })}`;
  return [
    { path: `xl/worksheets/sheet${ids.sheet}.xml`, data: sheet },
    { path: `xl/worksheets/_rels/sheet${ids.sheet}.xml.rels`, data: relsXml([{ id: "rId1", type: REL.drawing, target: `../drawings/drawing${ids.drawing}.xml` }]) },
    { path: `xl/drawings/drawing${ids.drawing}.xml`, data: pictureDrawingXml({ name: p.title, description: p.description, row: lines.length + 1, col: 0, width: p.width, height: p.height }) },
    { path: `xl/drawings/_rels/drawing${ids.drawing}.xml.rels`, data: relsXml([{ id: "rId1", type: REL_IMAGE, target: `../media/image${ids.image}.png` }]) },
    { path: `xl/media/image${ids.image}.png`, data: p.png },
  ];
}
