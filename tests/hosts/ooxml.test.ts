/** SpreadsheetML text: escaping of user text, and the XML of each kind of cell. */
import { CellStyles, cellXml, SharedStrings, xmlText } from "../../src/hosts/ooxml";

describe("xmlText", () => {
  test("markup is escaped", () => {
    expect(xmlText(`a<b>&"c"`)).toBe("a&lt;b&gt;&amp;&quot;c&quot;");
  });
  test("CR and other control characters become _xHHHH_ escapes; tab and LF stay", () => {
    expect(xmlText("\rA\tB\nC\u0001")).toBe("_x000D_A\tB\nC_x0001_");
  });
  test("a literal _xHHHH_ in the text is protected so it is not read as an escape", () => {
    expect(xmlText("_x0041_ and _x12")).toBe("_x005F_x0041_ and _x12");
  });
  test("lone surrogates (not well-formed XML) become U+FFFD; pairs stay", () => {
    expect(xmlText("a\uD800b\uDC00 😀")).toBe("a\uFFFDb\uFFFD 😀");
  });
  test("plain text is returned as is", () => {
    expect(xmlText("Côte d'Ivoire")).toBe("Côte d'Ivoire");
  });
});

describe("cellXml", () => {
  test("strings are shared strings, never formulas, even when they look like one; each text stored once", () => {
    const strings = new SharedStrings();
    expect(cellXml("A1", "=SUM(A2)", 0, strings)).toBe('<c r="A1" t="s"><v>0</v></c>');
    expect(cellXml("A2", "\rx<", 0, strings)).toBe('<c r="A2" t="s"><v>1</v></c>');
    expect(cellXml("A3", "=SUM(A2)", 0, strings)).toBe('<c r="A3" t="s"><v>0</v></c>');
    expect([...strings.xml()].join("")).toContain('count="3" uniqueCount="2"><si><t xml:space="preserve">=SUM(A2)</t></si><si><t xml:space="preserve">_x000D_x&lt;</t></si></sst>');
  });
  test("numbers, booleans, errors and non-finite numbers", () => {
    const strings = new SharedStrings();
    expect(cellXml("B2", 1.5, 3, strings)).toBe('<c r="B2" s="3"><v>1.5</v></c>');
    expect(cellXml("B2", true, 0, strings)).toBe('<c r="B2" t="b"><v>1</v></c>');
    expect(cellXml("B2", { error: "#DIV/0!" }, 0, strings)).toBe('<c r="B2" t="e"><v>#DIV/0!</v></c>');
    expect(cellXml("B2", Infinity, 0, strings)).toBe('<c r="B2" t="e"><v>#NUM!</v></c>');
    expect(cellXml("B2", null, 0, strings)).toBe("");
    expect(strings.size).toBe(0);
  });
  test("formulas carry the engine's value as their cached result", () => {
    const s = new SharedStrings();
    expect(cellXml("C3", 2, 0, s, { kind: "plain", text: "A3>B3" })).toBe('<c r="C3"><f>A3&gt;B3</f><v>2</v></c>');
    expect(cellXml("C3", "x", 0, s, { kind: "plain", text: "T(A3)" })).toBe('<c r="C3" t="str"><f>T(A3)</f><v>x</v></c>');
    expect(cellXml("C3", 1, 0, s, { kind: "array", text: "SUM(A1:A2)" })).toBe('<c r="C3"><f t="array" ref="C3">SUM(A1:A2)</f><v>1</v></c>');
    expect(cellXml("C3", 1, 0, s, { kind: "sharedMaster", text: "A3", si: 0, ref: "C3:C9" })).toBe('<c r="C3"><f t="shared" ref="C3:C9" si="0">A3</f><v>1</v></c>');
    expect(cellXml("C4", 1, 0, s, { kind: "sharedMember", si: 0 })).toBe('<c r="C4"><f t="shared" si="0"/><v>1</v></c>');
  });
});

test("cell styles: one xf per format, look and wrapping; custom formats from id 164", () => {
  const styles = new CellStyles();
  expect(styles.id(undefined)).toBe(0);
  const a = styles.id("percent");
  expect(styles.id("percent")).toBe(a);
  const b = styles.id("count", "total");
  expect(new Set([0, a, b]).size).toBe(3);
  const xml = styles.xml();
  expect(xml).toContain('<numFmt numFmtId="164" formatCode="0.0%"/>');
  // The totals look: bold, a rule above and a double rule below.
  const xf = /<cellXfs count="3">.*<xf numFmtId="3" fontId="(\d+)" fillId="0" borderId="(\d+)" xfId="0" applyNumberFormat="1" applyFont="1" applyBorder="1"\/><\/cellXfs>/.exec(xml);
  expect(xf).not.toBeNull();
  const fonts = [...xml.matchAll(/<font>.*?<\/font>/g)].map((m) => m[0]);
  const borders = [...xml.matchAll(/<border>.*?<\/border>/g)].map((m) => m[0]);
  expect(fonts[Number(xf![1])]).toContain("<b/>");
  expect(borders[Number(xf![2])]).toMatch(/<top style="thin">.*<bottom style="double">/);
  // Wrapped text is top-aligned.
  styles.id(undefined, "note", true);
  expect(styles.xml()).toContain('<alignment vertical="top" wrapText="1"/>');
});
