/**
 * The report engine's refusals (src/report/refusal.ts: a code and its parameters) in the pane's
 * language. English shows the engine's own sentence; the other languages are composed here from
 * the parameters, never translated from the English text.
 */
import type { RefusalParams, ReportRefusal, UnitName } from "../report/refusal";
import { isRole } from "../report/roles";
import { formatNumber, Lang, strings } from "./i18n";

const UNIT_UK: Record<UnitName, string> = {
  thousands: "у тисячах",
  millions: "у мільйонах",
  percent: "у відсотках",
  perThousand: "на 1000",
  perHundredThousand: "на 100 000",
};

const roleUk = (role: string, fallback: string): string => (isRole(role) ? strings("uk").roleNames[role] : fallback);

const uk: { [C in keyof RefusalParams]: (p: RefusalParams[C]) => string } = {
  unitMismatch: (p) =>
    `Стовпець ${p.column} «${p.header}» — ${UNIT_UK[p.unit]}, а використовується як «${roleUk(p.role, p.roleLabel)}», що має бути ${p.expects === "rate" ? "часткою від 0 до 1" : "кількістю людей"}. ` +
    `Призначте цю роль іншому стовпцю або залиште її без стовпця.`,
  rateLooksPercent: (p) =>
    `Стовпець ${p.column} «${p.header}» використовується як «${roleUk(p.role, p.roleLabel)}» — частка від 0 до 1, але містить значення до ${formatNumber(p.largest, "uk")} (${p.at}): схоже, це відсотки, а заголовок цього не каже. ` +
    `Якщо це відсотки, додайте до заголовка «(%)», і їх буде поділено на 100; інакше призначте цю роль іншому стовпцю.`,
  allAggregates: (p) => `Кожен рядок — підсумок або агрегат, а не регіон (рядки ${p.rows.join(", ")}…). Виділіть рядки країн чи регіонів.`,
  matrixLabels: (p) => {
    const parts: string[] = [p.repeated ? "назва трапляється двічі з одного боку, якщо не зважати на регістр, пробіли й позначки приміток" : `лише ${p.paired} з рядків мають стовпець із тією самою назвою`];
    for (const l of p.leftOut) {
      const why = strings("uk").leftOutWhy(l.reason.kind === "aggregate" ? { kind: "label", reason: l.reason.aggregate } : l.reason.kind === "sumOfOthers" ? { kind: "sumOfOthers", side: l.side } : { kind: "oneSide", side: l.side });
      parts.push(`${l.side === "row" ? "рядок" : "стовпець"} «${l.label}» (${l.at}) не є регіоном матриці: ${why}`);
    }
    return `Рядки й стовпці матриці не збігаються за назвами: ${parts.join("; ")}. Дайте кожному регіону один рядок і один стовпець з однаковою назвою і не виділяйте підсумків та назв, яких немає з іншого боку.`;
  },
  breakdowns: (p) =>
    `Пар «звідки — куди» з кількома рядками, що різняться в інших стовпцях: ${formatNumber(p.pairs, "uk")} (${p.columns.map((c) => `стовпець ${c.column}${c.header ? ` «${c.header}»` : ""}: ${c.values.join(", ")}`).join("; ")}). ` +
    `Це розбивки або різні показники, і їхня сума порахувала б людей двічі. Виділіть лише рядки з одним значенням кожного такого стовпця (у командному рядку --filter '${p.example}').`,
};

/** The refusal in `lang`; undefined for English, which shows the engine's own sentence. */
export function refusalText(refusal: ReportRefusal, lang: Lang): string | undefined {
  if (lang === "en") return undefined;
  const word = uk[refusal.code] as (p: unknown) => string;
  return word(refusal.params);
}
