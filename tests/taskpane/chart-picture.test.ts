/**
 * The chord diagram's picture through Office.js: which calls are made (ExcelApi 1.9's
 * shapes.addImage, alt text, aspect ratio kept) and where the picture goes (right of the
 * summary's cells and charts, at the top of its used range), against a small stand-in for the
 * parts of Excel's API the insert uses; and the requirement-set check.
 */
import { hasExcelApi19, insertPicture } from "../../src/taskpane/chart-picture";

interface Shape {
  image: string;
  name?: string;
  altTextTitle?: string;
  altTextDescription?: string;
  lockAspectRatio?: boolean;
  width?: number;
  left?: number;
  top?: number;
}

/** A stand-in Excel: one sheet with a used range and charts; values are readable only after sync. */
function fakeExcel(sheets: Record<string, { used: { left: number; top: number; width: number } | null; charts: { left: number; width: number }[] }>) {
  const shapes: { sheet: string; shape: Shape }[] = [];
  let synced = 0;
  const Excel = {
    run: async (body: (context: unknown) => Promise<void>) => {
      const context = {
        workbook: {
          worksheets: {
            getItem: (name: string) => {
              const s = sheets[name];
              if (!s) throw new Error(`no sheet ${name}`);
              const gate = <T>(v: T) => () => {
                if (synced === 0) throw new Error("PropertyNotLoaded");
                return v;
              };
              const used = { load: () => undefined } as Record<string, unknown>;
              for (const [k, v] of Object.entries({ isNullObject: s.used === null, left: s.used?.left, top: s.used?.top, width: s.used?.width })) Object.defineProperty(used, k, { get: gate(v) });
              const charts = { load: () => undefined } as Record<string, unknown>;
              Object.defineProperty(charts, "items", { get: gate(s.charts) });
              return {
                getUsedRangeOrNullObject: () => used,
                charts,
                shapes: {
                  addImage: (image: string) => {
                    const shape: Shape = { image };
                    shapes.push({ sheet: name, shape });
                    return shape;
                  },
                },
              };
            },
          },
        },
        sync: async () => {
          synced++;
        },
      };
      await body(context);
    },
  };
  return { Excel, shapes, syncs: () => synced };
}

const g = globalThis as unknown as { Excel?: unknown; Office?: unknown };
afterEach(() => {
  delete g.Excel;
  delete g.Office;
});

describe("insertPicture", () => {
  it("adds the PNG right of the summary's cells and charts, with alt text and its aspect ratio kept", async () => {
    const fake = fakeExcel({ "Migration Summary": { used: { left: 0, top: 0, width: 420 }, charts: [{ left: 300, width: 360 }] } });
    g.Excel = fake.Excel;
    await insertPicture("Migration Summary", "iVBORw0KGgo=", { name: "Migration flows between regions", description: "Chord diagram of 10 moves between 3 regions.", widthPt: 600 });
    expect(fake.shapes).toEqual([
      {
        sheet: "Migration Summary",
        shape: { image: "iVBORw0KGgo=", name: "Migration flows between regions", altTextTitle: "Migration flows between regions", altTextDescription: "Chord diagram of 10 moves between 3 regions.", lockAspectRatio: true, width: 600, left: 672, top: 0 },
      },
    ]);
    expect(fake.syncs()).toBe(2);
  });

  it("puts the picture at the top left of an empty sheet", async () => {
    const fake = fakeExcel({ Empty: { used: null, charts: [] } });
    g.Excel = fake.Excel;
    await insertPicture("Empty", "x", { name: "n", description: "d", widthPt: 600 });
    expect(fake.shapes[0].shape).toMatchObject({ left: 12, top: 0 });
  });

  it("fails as Excel fails (a missing sheet), so the pane can offer the PNG instead", async () => {
    g.Excel = fakeExcel({}).Excel;
    await expect(insertPicture("Gone", "x", { name: "n", description: "d", widthPt: 600 })).rejects.toThrow("no sheet Gone");
  });
});

describe("hasExcelApi19", () => {
  it("asks Office for ExcelApi 1.9 and counts an unknown answer as no", () => {
    expect(hasExcelApi19()).toBe(false);
    g.Office = { context: {} };
    expect(hasExcelApi19()).toBe(false);
    const asked: string[] = [];
    g.Office = { context: { requirements: { isSetSupported: (n: string, v: string) => (asked.push(`${n} ${v}`), Number(v) <= 1.9) } } };
    expect(hasExcelApi19()).toBe(true);
    expect(asked).toEqual(["ExcelApi 1.9"]);
    g.Office = { context: { requirements: { isSetSupported: () => false } } };
    expect(hasExcelApi19()).toBe(false);
    g.Office = {
      get context(): never {
        throw new Error("not ready");
      },
    };
    expect(hasExcelApi19()).toBe(false);
  });
});
