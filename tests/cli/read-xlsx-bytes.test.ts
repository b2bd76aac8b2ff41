/**
 * The .xlsx reader's byte-level XML reading (src/cli/xml-bytes.ts) against saxes: on sheets in
 * every regular form spreadsheet writers use, cut into chunks at any byte, both give the same
 * cells; XML outside that form (comments, CDATA, processing instructions) or not well-formed is
 * left to saxes (NotRegularXml), never read differently.
 */
import fc from "fast-check";
import { byteSharedStrings, readSheetXml } from "../../src/cli/read-xlsx";
import { NotRegularXml } from "../../src/cli/xml-bytes";

const STRINGS = ["Origin", "Côte d'Ivoire", "中国", "😀 & <x>"];
const DATE_STYLES = [false, true, false];

interface Piece {
  readonly xml: string;
}

const esc = (t: string) => t.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** One attribute, with either quote and optional spaces around '='. */
const attr = (name: string, value: string) =>
  fc.tuple(fc.constantFrom('"', "'"), fc.constantFrom("=", " = ", "=\n")).map(([q, eq]) => `${name}${eq}${q}${value.replace(q === '"' ? /"/g : /'/g, q === '"' ? "&quot;" : "&apos;")}${q}`);

const text = fc.oneof(
  fc.constantFrom("plain", "a & b", "tab\there", "line\r\nend", "é 中 😀", "_x000D_", " spaced ", ""),
  fc.string({ maxLength: 6 }).filter((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]/.test(s)),
);

/** A <v> value for each cell type. */
const value = fc.oneof(
  fc.record({ t: fc.constant(undefined), v: fc.oneof(fc.integer({ min: -1e9, max: 1e9 }).map(String), fc.double({ noNaN: true, noDefaultInfinity: true }).map(String), fc.constantFrom("0", "-0", "007", "1e3", "1.5E-7", " 12 ", "", "9007199254740993", "123456789012345678")) }),
  fc.record({ t: fc.constant("n"), v: fc.integer({ min: 0, max: 99999 }).map(String) }),
  fc.record({ t: fc.constant("s"), v: fc.constantFrom("0", "1", "2", "3", "4", "-1", "01", "x") }),
  fc.record({ t: fc.constant("str"), v: text.map(esc) }),
  fc.record({ t: fc.constant("b"), v: fc.constantFrom("0", "1") }),
  fc.record({ t: fc.constant("e"), v: fc.constantFrom("#N/A", "#DIV/0!", "#REF!") }),
  fc.record({ t: fc.constant("d"), v: fc.constantFrom("2020-01-31", "2021-06-15T12:30:00Z", "not a date") }),
);

function cell(p: string, ref: string | undefined): fc.Arbitrary<Piece> {
  return fc
    .tuple(
      value,
      fc.option(fc.constantFrom("0", "1", "2", "9"), { nil: undefined }),
      fc.option(attr("r", ref ?? ""), { nil: undefined }),
      fc.constantFrom("", " ", "\n  "),
      fc.constantFrom("plain", "selfClosing", "emptyV", "formula", "inline", "charRef"),
      text,
    )
    .chain(([val, s, rAttr, ws, form, t]) => {
      const attrs: fc.Arbitrary<string>[] = [];
      if (ref !== undefined && rAttr !== undefined) attrs.push(attr("r", ref));
      if (s !== undefined) attrs.push(attr("s", s));
      if (val.t !== undefined && form !== "inline") attrs.push(attr("t", val.t));
      if (form === "inline") attrs.push(attr("t", "inlineStr"));
      return fc.tuple(...attrs).chain((as) =>
        fc.shuffledSubarray(as, { minLength: as.length, maxLength: as.length }).map((ordered) => {
          const open = `<${p}c${ordered.map((a) => ` ${a}`).join("")}${ws}`;
          switch (form) {
            case "selfClosing":
              return { xml: `${open}/>` };
            case "emptyV":
              return { xml: `${open}><${p}v/></${p}c>` };
            case "formula":
              return { xml: `${open}><${p}f>SUM(A1:B2)&amp;"x"</${p}f><${p}v>${val.v}</${p}v></${p}c>` };
            case "inline":
              return { xml: `${open}><${p}is><${p}r><${p}t>${esc(t)}</${p}t></${p}r><${p}rPh sb="0" eb="1"><${p}t>ルビ</${p}t></${p}rPh><${p}r><${p}t xml:space="preserve"> two</${p}t></${p}r></${p}is></${p}c>` };
            case "charRef":
              return { xml: `${open}><${p}v>${val.v.replace(/^(.)/, (c) => `&#${c.charCodeAt(0)};`)}</${p}v ></${p}c>` };
            default:
              return { xml: `${open}><${p}v>${val.v}</${p}v></${p}c>` };
          }
        }),
      );
    });
}

const col = (c: number) => String.fromCharCode(65 + c);

/** A worksheet: optional declaration and BOM, a prefix or none, rows with or without r, merges after the data. */
const sheet = fc
  .tuple(
    fc.constantFrom("", "x:"),
    fc.constantFrom("", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n', '\ufeff<?xml version="1.0"?>'),
    fc.integer({ min: 1, max: 5 }),
    fc.integer({ min: 1, max: 4 }),
    fc.boolean(),
    fc.boolean(),
  )
  .chain(([p, decl, nRows, nCols, rowR, merge]) =>
    fc
      .tuple(
        ...Array.from({ length: nRows }, (_x, r) =>
          fc.tuple(...Array.from({ length: nCols }, (_y, c) => cell(p, `${col(c)}${r + 1}`))).map((cells) => {
            const open = rowR ? `<${p}row r="${r + 1}" spans="1:${nCols}" x14ac:dyDescent="0.25">` : `<${p}row>`;
            return `${open}${cells.map((c) => c.xml).join("")}</${p}row>`;
          }),
        ),
      )
      .map((rows) => {
        const ns = p ? `xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"` : `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"`;
        const merges = merge ? `<${p}mergeCells count="1"><${p}mergeCell ref="A1:B2"/></${p}mergeCells>` : "";
        return `${decl}<${p}worksheet ${ns} xmlns:x14ac="urn:x14ac"><${p}dimension ref="A1"/><${p}sheetData>${rows.join("\n")}</${p}sheetData>${merges}</${p}worksheet>`;
      }),
  );

const OPTIONS = { strings: STRINGS, dateStyles: DATE_STYLES };

test("the byte reader gives saxes's cells on sheets in every regular form, cut into chunks anywhere", () => {
  fc.assert(
    fc.property(sheet, fc.constantFrom(1, 2, 3, 7, 64, 1 << 20), fc.boolean(), (xml, chunk, clipped) => {
      const bytes = Buffer.from(xml, "utf8");
      const options = { ...OPTIONS, chunk, clip: clipped ? { top: 1, left: 1, bottom: 2, right: 2 } : undefined };
      expect(readSheetXml(bytes, "bytes", options)).toEqual(readSheetXml(bytes, "saxes", options));
    }),
    { seed: 20261205, numRuns: 400 },
  );
});

test("comments, CDATA and processing instructions are left to saxes, which reads them", () => {
  const body = (extra: string) =>
    Buffer.from(`<?xml version="1.0"?><worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c>${extra}<c r="B1" t="str"><v>b</v></c></row></sheetData></worksheet>`);
  for (const extra of ["<!-- a note -->", '<c r="C1" t="str"><v><![CDATA[<x> & y]]></v></c>', "<?tool data?>"]) {
    expect(() => readSheetXml(body(extra), "bytes")).toThrow(NotRegularXml);
    expect(readSheetXml(body(extra), "saxes")[0][0]).toBe(1);
  }
});

test("XML that is not well-formed is never read by the byte reader: it is left to saxes, which reports it", () => {
  const bad = [
    '<worksheet><sheetData><row r="1"><c r="A1"><v>1</c></row></sheetData></worksheet>',
    '<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>',
    '<worksheet><sheetData><row r="1"><c r=A1><v>1</v></c></row></sheetData></worksheet>',
    '<worksheet><sheetData><row r="1"><c r="A1" r="B1"><v>1</v></c></row></sheetData></worksheet>',
    '<worksheet><sheetData><row r="1"><c r="A<1"><v>1</v></c></row></sheetData></worksheet>',
    '<worksheet><sheetData><row r="1"><c r="A1"><v>&nbsp;</v></c></row></sheetData></worksheet>',
    '<worksheet><sheetData><row r="1"><c r="A1"><v>a & b</v></c></row></sheetData></worksheet>',
    '<worksheet><sheetData><row r="1"><c r="A1" t="str"><v>&#xD800;&#1;</v></c></row></sheetData></worksheet>',
    '<worksheet><sheetData></sheetData></worksheet><worksheet/>',
    'text<worksheet><sheetData></sheetData></worksheet>',
    '<worksheet><sheetData><row r="1"><1c/></row></sheetData></worksheet>',
  ];
  for (const xml of bad) {
    for (const chunk of [1, 5, 1000]) expect(() => readSheetXml(Buffer.from(xml), "bytes", { chunk })).toThrow(NotRegularXml);
    expect(() => readSheetXml(Buffer.from(xml), "saxes")).toThrow(/not well-formed|incomplete/);
  }
});

test("shared strings: plain, rich and phonetic items, prefixed or not, as saxes reads them", () => {
  const sst = (p: string) =>
    Buffer.from(
      `<?xml version="1.0" encoding="UTF-8"?><${p}sst xmlns${p ? ":x" : ""}="urn:s" count="4"><${p}si><${p}t>Origin</${p}t></${p}si><${p}si><${p}r><${p}rPr><${p}b/></${p}rPr><${p}t>Côte </${p}t></${p}r><${p}r><${p}t xml:space="preserve">d'Ivoire &amp; co</${p}t></${p}r></${p}si>` +
        `<${p}si><${p}t>Tokyo</${p}t><${p}rPh sb="0" eb="1"><${p}t>トウキョウ</${p}t></${p}rPh></${p}si><${p}si><${p}t>line_x000D_break&#10;</${p}t></${p}si><${p}si><${p}t/></${p}si></${p}sst>`,
    );
  for (const p of ["", "x:"]) expect(byteSharedStrings(sst(p))).toEqual(["Origin", "Côte d'Ivoire & co", "Tokyo", "line\rbreak\n", ""]);
});
