import { pictureDrawingXml, pictureSheetParts, pngSize } from "../../src/hosts/picture-xml";
import { SharedStrings } from "../../src/hosts/ooxml";

/** The smallest PNG header: signature, then an IHDR chunk of the given size. */
function pngHeader(width: number, height: number): Buffer {
  const b = Buffer.alloc(33);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(b, 0);
  b.writeUInt32BE(13, 8);
  b.write("IHDR", 12, "latin1");
  b.writeUInt32BE(width, 16);
  b.writeUInt32BE(height, 20);
  return b;
}

describe("picture parts", () => {
  it("reads a PNG's size and refuses other bytes", () => {
    expect(pngSize(pngHeader(1600, 1810))).toEqual({ width: 1600, height: 1810 });
    expect(() => pngSize(Buffer.from("GIF89a................"))).toThrow("the picture is not a PNG");
  });

  it("anchors one picture at a cell with its size in EMU and escaped alternative text", () => {
    const xml = pictureDrawingXml({ name: "A & B", description: 'say "<hi>"', row: 3, col: 0, width: 800, height: 905 });
    expect(xml).toContain("<xdr:from><xdr:col>0</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>3</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>");
    expect(xml).toContain('<xdr:ext cx="7620000" cy="8620125"/>');
    expect(xml).toContain('name="A &amp; B" descr="say &quot;&lt;hi&gt;&quot;"');
    expect(xml).toContain('<a:blip r:embed="rId1"/>');
  });

  it("makes the sheet, drawing, relationships and image parts, text cells above the picture", () => {
    const strings = new SharedStrings();
    const png = pngHeader(10, 10);
    const parts = pictureSheetParts({ sheet: "Chord", png, width: 5, height: 5, description: "d", title: "T", notes: ["n1", "=SUM(A1)"] }, { sheet: 6, drawing: 2, image: 1 }, strings, 1);
    expect(parts.map((p) => p.path)).toEqual(["xl/worksheets/sheet6.xml", "xl/worksheets/_rels/sheet6.xml.rels", "xl/drawings/drawing2.xml", "xl/drawings/_rels/drawing2.xml.rels", "xl/media/image1.png"]);
    const sheet = parts[0].data as string;
    expect(sheet).toContain('<c r="A1" s="1" t="s"><v>0</v></c>');
    // A note that looks like a formula stays text.
    expect(sheet).toContain('<c r="A3" t="s"><v>2</v></c>');
    expect(sheet).not.toContain("<f>");
    expect(sheet).toContain('<drawing r:id="rId1"/>');
    expect(parts[2].data).toContain("<xdr:row>4</xdr:row>");
    expect(parts[3].data).toContain('Target="../media/image1.png"');
    expect(parts[4].data).toBe(png);
    expect(() => pictureSheetParts({ sheet: "x", png: Buffer.from("no"), width: 1, height: 1, description: "", title: "", notes: [] }, { sheet: 1, drawing: 1, image: 1 }, strings, 0)).toThrow("not a PNG");
  });
});
