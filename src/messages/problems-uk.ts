/** Data problems in Ukrainian: the same content as problems-en.ts, for the pane and the command line. */
import { quoteText } from "../indicators/quote";
import type { BadCellOutcome, LabelRole, ProblemColumn } from "../report/problem-codes";
import type { ProblemListTexts, ProblemTexts } from "./problems";
import { repeated } from "./repeats";
import { ROLE_NAMES } from "./roles";

const quoted = (v: unknown) => `«${quoteText(v, "")}»`;

/** Ukrainian plural: 1 клітинка, 2–4 клітинки, 5–20 клітинок, 21 клітинка… */
export function pluralUk(n: number, one: string, few: string, many: string): string {
  const mod10 = n % 10;
  const mod100 = n % 100;
  if (!Number.isInteger(n)) return few;
  if (mod10 === 1 && mod100 !== 11) return one;
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return few;
  return many;
}

/** A number as the user typed it, with the decimal comma Ukrainian writes (never rounded: it names a cell's value). */
const exact = (n: number) => String(n).replace(".", ",");

/** Where a cell is: in a column (header and role, or letters), or in the matrix. */
function where(column: ProblemColumn | undefined): string {
  if (!column) return "у матриці";
  return column.header === "" ? `у стовпці ${column.letters}` : `у стовпці ${quoted(column.header)} (${ROLE_NAMES.uk[column.role]})`;
}

const then = (outcome: BadCellOutcome) => (outcome === "missing" ? "клітинка вважається пропущеним значенням" : "звіт не можна побудувати (виправте або очистьте клітинку)");

/** Whose label is missing, in the genitive ("немає регіону"). */
const LABEL_GENITIVE: Record<LabelRole, string> = { region: "регіону", origin: "місця походження", destination: "місця призначення" };

export const PROBLEMS_UK: ProblemTexts = {
  numberStoredAsText: (p) => `${quoted(p.value)} ${where(p.column)} — число, збережене як текст: перетворіть його на число; доти ${then(p.outcome)}.`,
  thousands: (p) =>
    `${quoted(p.value)} ${where(p.column)} — число, збережене як текст із розділювачами тисяч: перетворіть його на число (приберіть розділювачі або скористайтеся командою «Дані ▸ Текст за стовпцями»); доти ${then(p.outcome)}.`,
  decimalComma: (p) => `${quoted(p.value)} ${where(p.column)} — число, збережене як текст із десятковою комою: перетворіть його на число (${quoteText(p.number, "")}); доти ${then(p.outcome)}.`,
  spacesOnly: (p) => `Клітинка лише з пробілів ${where(p.column)} — це текст, а не порожня клітинка: очистьте її; доти ${then(p.outcome)}.`,
  missingMarker: (p) => `${quoted(p.value)} ${where(p.column)} позначає пропущене значення: ${then(p.outcome)}${p.outcome === "missing" ? " (очистьте клітинку, щоб це повідомлення зникло)" : ""}.`,
  text: (p) => `${quoted(p.value)} ${where(p.column)} — текст, а не число: ${then(p.outcome)}.`,
  boolean: (p) => `${p.value ? "ІСТИНА" : "ХИБНІСТЬ"} ${where(p.column)} — логічне значення, а не число: ${then(p.outcome)}.`,
  notFinite: (p) => `${Number.isNaN(p.value) ? "Нечислове значення" : p.value > 0 ? "Нескінченність (+∞)" : "Нескінченність (−∞)"} ${where(p.column)} — не скінченне число: ${then(p.outcome)}.`,
  negative: (p) =>
    `${exact(p.value)} ${where(p.column)} — від'ємне число: ${p.rate ? "рівень еміграції не буває від'ємним" : "кількість людей не буває від'ємною"}, тому ${p.outcome === "missing" ? "показники з цією клітинкою показують #ЧИСЛО!" : then(p.outcome)}.`,
  blankMissing: (p) => `Порожня клітинка ${where(p.column)}: вважається пропущеним значенням, а не 0.`,
  blankRefused: (p) => `Порожня клітинка ${where(p.column)}: звіт не можна побудувати (введіть потік; 0, якщо його не було).`,
  blankRow: (p) => `Рядок ${p.row} порожній (об'єднані клітинки?): його пропущено.`,
  missingLabel: (p) =>
    `У рядку ${p.row} немає ${LABEL_GENITIVE[p.role]}: якщо мітка була в об'єднаній клітинці, роз'єднайте її та заповніть мітку вниз; ${p.skipped ? "рядок пропущено" : "рядок позначено його номером"}.`,
  period: (p) =>
    `${quoted(p.value)} ${where(p.column)} — не період (рік, як-от 2010, або 1990-1995, 2012/13): невідомо, до якого періоду належить рядок, тому звіт не буде побудовано, доки ви не виправите клітинку або не скасуєте зіставлення стовпця з роком.`,
  duplicateHeader: (p) => `Заголовок ${quoted(p.header)} є також у ${p.firstAt}: назвіть стовпці по-різному або зіставте цей стовпець за номером (${p.index}).`,
  duplicatePair: (p) => `${quoted(p.origin)} → ${quoted(p.destination)}${p.context.length ? ` (${p.context.join(", ")})` : ""} трапляється знову (уперше в рядку ${p.firstRow}): потоки додаються.`,
  duplicateLabel: (p) => `Мітка ${quoted(p.label)} є також у ${p.firstAt}: кожен регіон має траплятися лише раз.`,
  repeatedRow: (p) =>
    `${p.what === "country" ? "Країна" : "Код"} ${repeated(p.label, p.context, p.addresses)}. Підсумки врахували б ці рядки двічі, тому звіт не буде побудовано: залиште один рядок на ${p.what === "country" ? "країну" : "код"}${p.contextMapped ? "" : " або зіставте стовпець року чи групи, що розрізняє рядки"}.`,
  labelVariant: (p) => `${quoted(p.label)} вважається регіоном ${quoted(p.countedAs)} (уперше в ${p.firstAt}): мітки, що різняться лише регістром чи пробілами, — це один регіон, як їх порівнює Excel.`,
  ragged: (p) =>
    `Рядок ${p.row} має ${p.cells} ${pluralUk(p.cells, "клітинку", "клітинки", "клітинок")}, а рядок ${p.firstRow} — ${p.width}: клітинки могли зсунутися; перевірте рядок (відсутні клітинки вважаються порожніми).`,
};

export const PROBLEM_LIST_UK: ProblemListTexts = {
  count: (n) => `${n} ${pluralUk(n, "проблема", "проблеми", "проблем")} у даних`,
  capped: (kept) => `${kept} або більше проблем у даних (збережено перші ${kept})`,
  more: (n) => `... і ще ${n}`,
};
