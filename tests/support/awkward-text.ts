/**
 * Arbitrary awkward text for the .xlsx writer's fuzz tests: quotes, braces (the planner's
 * `{{name}}` placeholders), brackets, markup characters, leading formula characters, control
 * characters, OOXML escape look-alikes, non-Latin and astral text, lone surrogates, and text of
 * 300 characters.
 */
import fc from "fast-check";

const PIECES = ["'", "''", '"', "{{", "}}", "{", "}", "[", "]", "&", "<", ">", "&amp;", "=", "+", "-", "@", "!", "$", ":", "*", "?", "/", "\\", " ", "  ", "\t", "\n", "\r", "\u0000", "\u0001", "\u001f", "\u007f", "\ufffe", "_x0041_", "_x000D_", "Дані", "міграція", "数据", "移民", "مهاجرة", "😀", "\ud800", "History", "A1", "R1C1", "Data", "Definitions", "Migration Summary", "Flow Matrix"];

const piece = fc.oneof(fc.constantFrom(...PIECES), fc.string({ minLength: 1, maxLength: 6 }), fc.string({ unit: "binary", minLength: 1, maxLength: 3 }));

/** Mostly short awkward text; sometimes 300 characters of it. */
export const awkwardText: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.array(piece, { minLength: 0, maxLength: 6 }).map((p) => p.join("")) },
  { weight: 1, arbitrary: fc.array(piece, { minLength: 1, maxLength: 6 }).map((p) => p.join("").repeat(300).slice(0, 300)) },
);

/** Text starting with a character that would make a careless writer store a formula. */
export const formulaLike: fc.Arbitrary<string> = fc.tuple(fc.constantFrom("=", "+", "-", "@"), awkwardText).map(([a, b]) => a + b);
