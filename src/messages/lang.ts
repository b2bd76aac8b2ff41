/**
 * The languages the product speaks and how each writes numbers. The task pane and the command
 * line render the engine's coded messages (problems, reasons, refusals, headline items) in
 * either language with the renderers beside this module.
 */

export type Lang = "en" | "uk";
export const LANGS: readonly Lang[] = ["en", "uk"];

/** A display language tag ("uk-UA", "en-US", "uk_UA.UTF-8"…) → ours; Ukrainian for uk-*, else English. */
export function langOf(tag: string | undefined | null): Lang {
  return typeof tag === "string" && /^uk(\b|[-_])/i.test(tag.trim()) ? "uk" : "en";
}

/** BCP 47 tag for number formatting and the page's lang attribute. */
export const LOCALE: Record<Lang, string> = { en: "en-US", uk: "uk-UA" };

/** Numbers as the language writes them: grouped integers, fractions to four significant places. */
export function formatNumber(value: number, lang: Lang): string {
  if (!Number.isFinite(value)) return String(value);
  const integer = Number.isInteger(value);
  const options: Intl.NumberFormatOptions = integer ? { maximumFractionDigits: 0 } : Math.abs(value) >= 100 ? { maximumFractionDigits: 1 } : { maximumSignificantDigits: 4 };
  return new Intl.NumberFormat(LOCALE[lang], options).format(value);
}

export function formatPercent(fraction: number, lang: Lang): string {
  return new Intl.NumberFormat(LOCALE[lang], { style: "percent", maximumFractionDigits: 0 }).format(fraction);
}
