import { decodeText, detectDelimiter, parseCsv, readCsv } from "../../src/report/csv";
import { readSample } from "../support/samples";

describe("parseCsv", () => {
  test("numbers become numbers, empty fields and missing-value markers become blanks", () => {
    expect(parseCsv("a,b,c,d,e,f\n1,,NA,..,:,x\n-2.5,1e3,x1,-,-3,n.a.\n")).toEqual([
      ["a", "b", "c", "d", "e", "f"],
      [1, null, null, null, null, null],
      [-2.5, 1000, "x1", null, -3, null],
    ]);
  });
  test("quoted fields keep commas, doubled quotes and line breaks; quoted numbers are numbers, as in Excel", () => {
    expect(parseCsv('"China, Hong Kong SAR*","say ""hi""","line\nbreak","42","1,234,567","1960"\r\n')).toEqual([
      ["China, Hong Kong SAR*", 'say "hi"', "line\nbreak", 42, 1234567, 1960],
    ]);
  });
  test("a byte-order mark is ignored; the first line keeps its text; blank lines stay rows so row numbers match a spreadsheet's; a last line without a newline is read", () => {
    expect(parseCsv("\ufeffu,v\n\n1,2")).toEqual([["u", "v"], [], [1, 2]]);
    expect(parseCsv("x,y\n1,2\n\n\n")).toEqual([
      ["x", "y"],
      [1, 2],
    ]);
  });
  test("text that looks like a formula stays text, and so does a number written with a leading +", () =>
    expect(parseCsv('=1+1,@SUM(A1),+3x,"+44",+7')).toEqual([["=1+1", "@SUM(A1)", "+3x", "+44", "+7"]]));
  test("the UN DESA sample: 1,645 rows of 12 fields, quoted names with commas intact", () => {
    const rows = readSample("undesa-migrant-stock-totals-1990-2020.csv");
    expect(rows).toHaveLength(1646);
    rows.forEach((r) => expect(r).toHaveLength(12));
    expect(rows.some((r) => r[1] === "China, Hong Kong SAR*")).toBe(true);
  });
});

describe("readCsv: delimiters and number conventions", () => {
  test("a semicolon file with decimal commas (a European-locale export)", () => {
    const r = readCsv("Land;Studenten;Anteil\nÖsterreich;1.234;12,5\nBelgien;987;0,25\n");
    expect(r.delimiter).toBe(";");
    expect(r.decimalComma).toBe(true);
    expect(r.rows).toEqual([
      ["Land", "Studenten", "Anteil"],
      ["Österreich", 1234, 12.5],
      ["Belgien", 987, 0.25],
    ]);
  });
  test("a semicolon file with decimal points keeps them; grouped numbers it cannot settle stay text with a note", () => {
    const dot = readCsv("a;b\nP;1.5\nQ;2\n");
    expect(dot.decimalComma).toBe(false);
    expect(dot.rows[1]).toEqual(["P", 1.5]);
    const undecided = readCsv("a;b\nP;1.234\nQ;2\n");
    expect(undecided.rows[1]).toEqual(["P", "1.234"]);
    expect(undecided.notes).toEqual([{ row: 1, col: 1, text: "1.234", code: "ambiguousNumber", params: { address: "B2", value: "1.234" } }]);
  });
  test("tab-separated values", () => {
    expect(readCsv("a\tb\tc\nP\t1\t2\n").rows).toEqual([
      ["a", "b", "c"],
      ["P", 1, 2],
    ]);
  });
  test("the delimiter that splits the lines evenly wins, metadata lines above the table notwithstanding", () => {
    const wdi = ['"Data Source","World Development Indicators",', "", '"Last Updated Date","2024-06-28",', "", '"Country Name","Country Code","1960","1961"', '"Aruba","ABW","1","2"', '"Chile","CHL","3","4"'].join("\n");
    expect(detectDelimiter(wdi)).toBe(",");
    expect(detectDelimiter("a;b,c;d\n1;2,5;3\n4;5,5;6\n")).toBe(";");
    expect(detectDelimiter("freq,geo\\TIME_PERIOD\t2021 \t2022 \nA,AT\t1 \t2 \n")).toBe("\t");
    expect(detectDelimiter("just one column\nof text\n")).toBe(",");
    // a tab inside a quoted field of a comma file: splitting on tabs would run the lines together
    expect(detectDelimiter(',"\tTAB","b"\n"\tTAB",0,1\n"b",2,0\n')).toBe(",");
  });
  test("flags after numbers: the number, and a note naming the cell and the flag", () => {
    const r = readCsv("geo,2021,2022\nAT,123 e,45 p\nBE,: c,7\n");
    expect(r.rows).toEqual([
      ["geo", 2021, 2022],
      ["AT", 123, 45],
      ["BE", null, 7],
    ]);
    expect(r.notes.map((n) => [n.code, n.params])).toEqual([
      ["flag", { address: "B2", value: "123 e", number: 123, flags: ["e"] }],
      ["flag", { address: "C2", value: "45 p", number: 45, flags: ["p"] }],
    ]);
    expect(r.markers).toBe(1);
  });
  test("Eurostat TSV: the comma-joined dimension column is split into one column per dimension", () => {
    const r = readCsv("freq,unit,geo\\TIME_PERIOD\t2021 \t2022 \nA,NR,AT\t12 \t: \nA,NR,BE\t3 p\t4 \n");
    expect(r.rows).toEqual([
      ["freq", "unit", "geo", 2021, 2022],
      ["A", "NR", "AT", 12, null],
      ["A", "NR", "BE", 3, 4],
    ]);
  });
});

describe("decodeText", () => {
  const text = "Land;Wert\nÖsterreich;1\n";
  test("UTF-8 with and without a byte-order mark", () => {
    expect(decodeText(Buffer.from(text, "utf8"))).toEqual({ text, encoding: "utf-8" });
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]))?.text).toBe(text); // the decoder drops the mark
  });
  test("UTF-16 little- and big-endian with a byte-order mark, and little-endian without one", () => {
    const le = Buffer.from(text, "utf16le");
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), le]))).toEqual({ text, encoding: "utf-16le" });
    expect(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(le).swap16()]))).toEqual({ text, encoding: "utf-16be" });
    expect(decodeText(le)).toEqual({ text, encoding: "utf-16le" });
  });
  test("Windows-1252 (not valid UTF-8): Ö, € and the curly quotes", () => {
    const bytes = Buffer.from([0xd6, 0x3b, 0x80, 0x3b, 0x93, 0x78, 0x94]);
    expect(decodeText(bytes)).toEqual({ text: "Ö;€;“x”", encoding: "windows-1252" });
  });
  test("binary bytes are not text", () => expect(decodeText(Buffer.from([1, 0, 0, 0, 7, 0, 0, 3]))).toBeUndefined());
});
