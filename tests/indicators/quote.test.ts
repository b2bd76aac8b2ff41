import { QUOTE_MAX_CHARS, quoteText } from "../../src/indicators/quote";

describe("quoteText: user text on one line in a message", () => {
  test("plain text is quoted as it is", () => {
    expect(quoteText("n/a")).toBe('"n/a"');
    expect(quoteText("Côte d'Ivoire", "'")).toBe("'Côte d'Ivoire'");
    expect(quoteText(12.5, "")).toBe("12.5");
  });
  test("line breaks (CR, LF, CRLF, U+2028) show as ↵", () => {
    expect(quoteText("a\r\nb\rc\nd\u2028e")).toBe('"a↵b↵c↵d↵e"');
    expect(quoteText("\rCR")).toBe('"↵CR"');
  });
  test("tabs, other control characters and bidi overrides become spaces", () => {
    expect(quoteText("a\tb\u0000c\u001bd\u007fe\u202ef")).toBe('"a b c d e f"');
  });
  test("no quote holds a control character, whatever the text", () => {
    const all = Array.from({ length: 0x100 }, (_, i) => String.fromCharCode(i)).join("") + "\u2028\u2029\u202e";
    expect(quoteText(all, "")).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202e]/);
  });
  test(`text over ${QUOTE_MAX_CHARS} characters is cut with …`, () => {
    const long = "a very long label that goes on and on and on";
    const q = quoteText(long);
    expect(q).toBe('"a very long label that goes on and on a…"');
    expect(Array.from(q.slice(1, -1))).toHaveLength(QUOTE_MAX_CHARS);
    expect(quoteText("x".repeat(QUOTE_MAX_CHARS))).toBe(`"${"x".repeat(QUOTE_MAX_CHARS)}"`);
  });
  test("the cut never splits a surrogate pair", () => {
    const q = quoteText("🌍".repeat(50), "");
    expect(q).toBe(`${"🌍".repeat(QUOTE_MAX_CHARS - 1)}…`);
    expect(q).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });
});
