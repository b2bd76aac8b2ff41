/**
 * Putting the chord diagram on a sheet with Office.js: worksheet.shapes.addImage (ExcelApi 1.9,
 * Excel 2021 or later / Microsoft 365 and Excel on the web), to the right of what the sheet already holds
 * (its cells and its charts), at the top of its used range. Where 1.9 is missing the pane offers
 * the PNG for download instead.
 */

export interface PicturePlacement {
  readonly name: string;
  readonly description: string;
  /** Width on the sheet in points (the height follows the picture's aspect ratio). */
  readonly widthPt: number;
}

/** The Office.js host as the chart step uses it. */
export interface ChartHost {
  canInsertPictures(): boolean;
  insertPicture(sheet: string, pngBase64: string, placement: PicturePlacement): Promise<void>;
}

/** Whether Excel offers ExcelApi 1.9; unknown (no Office, no requirements) counts as no. */
export function hasExcelApi19(): boolean {
  try {
    const office = (globalThis as { Office?: typeof Office }).Office;
    const req = office?.context?.requirements;
    return typeof req?.isSetSupported === "function" && req.isSetSupported("ExcelApi", "1.9") === true;
  } catch {
    return false;
  }
}

/** Points between the sheet's content and the picture. */
const MARGIN_PT = 12;

export async function insertPicture(sheet: string, pngBase64: string, placement: PicturePlacement): Promise<void> {
  await Excel.run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    const used = ws.getUsedRangeOrNullObject(true);
    used.load("isNullObject,left,top,width");
    const charts = ws.charts;
    charts.load("items/left,items/width");
    await context.sync();
    const right = Math.max(used.isNullObject ? 0 : used.left + used.width, ...charts.items.map((c) => c.left + c.width));
    const shape = ws.shapes.addImage(pngBase64);
    shape.name = placement.name;
    shape.altTextTitle = placement.name;
    shape.altTextDescription = placement.description;
    shape.lockAspectRatio = true;
    shape.width = placement.widthPt;
    shape.left = right + MARGIN_PT;
    shape.top = used.isNullObject ? 0 : used.top;
    await context.sync();
  });
}

export const officeChartHost: ChartHost = { canInsertPictures: hasExcelApi19, insertPicture };
