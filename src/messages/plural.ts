/** Counted words: "1 row", "2 rows"; Ukrainian has three forms ("1 рядок", "2 рядки", "5 рядків"). */
import { formatNumber } from "./lang";

export function pluralEn(n: number, word: string, many = `${word}s`): string {
  return `${formatNumber(n, "en")} ${n === 1 ? word : many}`;
}

/** The Ukrainian form for n: one (1, 21…), few (2–4, 22–24…), many (0, 5–20, 25…); fractions take "few". */
export function ukForm(n: number, one: string, few: string, many: string): string {
  if (!Number.isInteger(n)) return few;
  const d = Math.abs(n) % 10;
  const dd = Math.abs(n) % 100;
  if (d === 1 && dd !== 11) return one;
  if (d >= 2 && d <= 4 && (dd < 12 || dd > 14)) return few;
  return many;
}

export function pluralUk(n: number, one: string, few: string, many: string): string {
  return `${formatNumber(n, "uk")} ${ukForm(n, one, few, many)}`;
}
