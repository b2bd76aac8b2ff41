/**
 * The report engine's refusals (src/report/refusal.ts: a code and its parameters) in English
 * and Ukrainian, for the task pane and the command line. The English is also the Error's
 * message. Each language is composed from the parameters, never translated from the other.
 */
import { quoteText } from "../indicators/quote";
import type { Refusal, RefusalParams, RepeatedLabel, ReportRefusal, UnitName } from "../report/refusal";
import { isRole } from "../report/roles";
import { formatNumber, Lang } from "./lang";
import { leftOutWhyOf, leftOutWhyText } from "./left-out";
import { aggregateRowText, SHAPE_NAMES } from "./reasons";
import { repeated, repeatSentence } from "./repeats";
import { ROLE_NAMES } from "./roles";

type Renderers = { readonly [C in keyof RefusalParams]: (p: RefusalParams[C]) => string };

const q = (v: unknown) => quoteText(v, "'");
const HOW_TO_SELECT_EN = "select a country table with a header row, a square origin × destination matrix with labels, or an origin–destination–flow list";
const HOW_TO_SELECT_UK = "виділіть таблицю країн із рядком заголовків, квадратну матрицю «звідки × куди» з підписами або список «звідки — куди — потік»";

export const UNIT_EN: Record<UnitName, string> = {
  thousands: "in thousands",
  millions: "in millions",
  percent: "a percentage",
  perThousand: "per 1,000",
  perHundredThousand: "per 100,000",
};

export const UNIT_UK: Record<UnitName, string> = {
  thousands: "у тисячах",
  millions: "у мільйонах",
  percent: "у відсотках",
  perThousand: "на 1000",
  perHundredThousand: "на 100 000",
};

const WHAT_EN: Record<RepeatedLabel["what"], string> = { country: "Country", code: "Code", rowLabel: "Region", columnLabel: "Region" };
const WHERE_EN: Record<RepeatedLabel["what"], string> = { country: "", code: "", rowLabel: " in the row labels", columnLabel: " in the column labels" };
const WHAT_UK: Record<RepeatedLabel["what"], string> = { country: "Країна", code: "Код", rowLabel: "У підписах рядків регіон", columnLabel: "У підписах стовпців регіон" };

const leftOutEn = (l: RefusalParams["matrixLabels"]["leftOut"][number]) => `${l.side} ${q(l.label)} (${l.at}) is not a region of the matrix: ${leftOutWhyText(leftOutWhyOf(l.side, l.reason), "en", true)}`;

const en: Renderers = {
  unitMismatch: (p) =>
    p.role === "flow"
      ? `Column ${p.column} ${q(p.header)} is ${UNIT_EN[p.unit]}, but it is used as the flow, which must be a number of people: map the flow to a column of counts (on the command line --map flow=COLUMN).`
      : `Column ${p.column} ${q(p.header)} is ${UNIT_EN[p.unit]}, but it is used as ${p.roleLabel}, which must be ${p.expects === "rate" ? "a rate between 0 and 1" : "a number of people"}: ` +
        `map ${p.roleLabel} to another column (on the command line --map ${p.role}=COLUMN) or leave it unmapped (--map ${p.role}=).`,
  rateLooksPercent: (p) =>
    `Column ${p.column} ${q(p.header)} is used as ${p.roleLabel}, a rate between 0 and 1, but holds values up to ${p.largest} (${p.at}): percentages, it seems, and its header does not say so. ` +
    `If they are percentages, add "(%)" to its header and they are divided by 100; otherwise map ${p.roleLabel} to another column (on the command line --map ${p.role}=COLUMN).`,
  allAggregates: (p) => `Every row is a total or an aggregate, not a region: ${p.rows.map((r) => aggregateRowText(r, "en")).join("; ")}.`,
  matrixLabels: (p) => {
    const parts = [p.repeated ? "a label appears twice on one side once case, spaces and footnote marks are set aside" : `only ${p.paired} of its rows ${p.paired === 1 ? "pairs" : "pair"} with a column of the same label`, ...p.leftOut.map(leftOutEn)];
    return `The matrix's rows and columns do not pair up by label: ${parts.join("; ")}. Give each region one row and one column with the same label, and leave totals and unmatched labels out of the cells read.`;
  },
  breakdowns: (p) => {
    const named = p.columns.map((c) => `column ${c.column}${c.header ? ` ${q(c.header)}` : ""} (${c.values.map((v) => (v === "" ? "blank" : quoteText(v, ""))).join(", ")})`).join(", ");
    return (
      `${p.pairs} origin–destination pair(s) have several rows that differ in ${named}: these are breakdowns or indicators, and adding them up would count people twice. ` +
      `Choose one value of each such column (on the command line ${p.examples.map((e) => `--filter ${q(e)}`).join(" ")}), or select only those rows.`
    );
  },
  emptyBlock: () => `The block is empty: ${HOW_TO_SELECT_EN}.`,
  singleValue: (p) => `The block holds a single value (${p.cell}): ${HOW_TO_SELECT_EN}.`,
  onlyText: () => `The block holds only text, no numbers: ${HOW_TO_SELECT_EN}.`,
  noHeaderNotSquare: () => `No header row was found, and the block is not a square matrix: ${HOW_TO_SELECT_EN}.`,
  noNumberColumn: () => `No column holds numbers below the header: ${HOW_TO_SELECT_EN}.`,
  noHeaderRow: () => `No header row was found: ${HOW_TO_SELECT_EN}.`,
  notSquare: (p) => `The block is not a square matrix: it has ${p.rows} rows and ${p.columns} columns, and no labels make the numbers square.`,
  noDataRows: () => `There are no data rows below the header: ${HOW_TO_SELECT_EN}.`,
  matrixNoColumns: () => "A matrix has no columns to map: role overrides apply to a country table or a long list.",
  unknownRole: (p) => `Unknown role ${q(p.role)}. Roles: ${p.roles.join(", ")}.`,
  roleNotInShape: (p) => `A ${SHAPE_NAMES.en[p.shape]} has no ${q(p.role)} column. Its roles: ${p.roles.join(", ")}.`,
  noColumn: (p) => `There is no column ${typeof p.column === "number" ? p.column : q(p.column)}. Available headers: ${headersEn(p.headers)}.`,
  repeatedLabels: (p) => {
    const found = p.repeats.map((r) => repeatSentence(WHAT_EN[r.what], { value: r.label, context: r.context, addresses: r.addresses }, WHERE_EN[r.what]));
    const shown = p.more > 0 ? [...found, `and ${p.more} more`] : found;
    const advice =
      p.shape === "table"
        ? "Each country needs one row (several years or groups need a year or group column that tells the rows apart); as it is, totals would count it twice"
        : "Each region must appear once across the top and once down the side";
    return `${shown.join("; ")}. ${advice}.`;
  },
  noFilteredRows: (p) =>
    `No row holds the values chosen in the dimension columns (${p.filters.map((f) => `column ${f.column}${f.header ? ` ${q(f.header)}` : ""} = ${q(f.value)}`).join(", ")}): choose other values (on the command line --filter).`,
  ambiguousColumn: (p) => `${q(p.column)} names more than one column (${p.indexes.join(", ")}): map it by column index. Available headers: ${headersEn(p.headers)}.`,
};

const roleUk = (role: string, fallback: string): string => (isRole(role) ? ROLE_NAMES.uk[role] : fallback);
const n = (x: number) => formatNumber(x, "uk");

const uk: Renderers = {
  unitMismatch: (p) =>
    `Стовпець ${p.column} «${p.header}» — ${UNIT_UK[p.unit]}, а використовується як «${roleUk(p.role, p.roleLabel)}», що має бути ${p.expects === "rate" ? "часткою від 0 до 1" : "кількістю людей"}. ` +
    (p.role === "flow" ? "Призначте потоком стовпець кількостей (у командному рядку --map flow=СТОВПЕЦЬ)." : `Призначте цю роль іншому стовпцю (у командному рядку --map ${p.role}=СТОВПЕЦЬ) або залиште її без стовпця (--map ${p.role}=).`),
  rateLooksPercent: (p) =>
    `Стовпець ${p.column} «${p.header}» використовується як «${roleUk(p.role, p.roleLabel)}» — частка від 0 до 1, але містить значення до ${n(p.largest)} (${p.at}): схоже, це відсотки, а заголовок цього не каже. ` +
    `Якщо це відсотки, додайте до заголовка «(%)», і їх буде поділено на 100; інакше призначте цю роль іншому стовпцю (у командному рядку --map ${p.role}=СТОВПЕЦЬ).`,
  allAggregates: (p) => `Кожен рядок — підсумок або агрегат, а не регіон: ${p.rows.map((r) => aggregateRowText(r, "uk")).join("; ")}. Виділіть рядки країн чи регіонів.`,
  matrixLabels: (p) => {
    const parts: string[] = [p.repeated ? "назва трапляється двічі з одного боку, якщо не зважати на регістр, пробіли й позначки приміток" : `лише ${n(p.paired)} з рядків мають стовпець із тією самою назвою`];
    for (const l of p.leftOut) parts.push(`${l.side === "row" ? "рядок" : "стовпець"} «${l.label}» (${l.at}) не є регіоном матриці: ${leftOutWhyText(leftOutWhyOf(l.side, l.reason), "uk")}`);
    return `Рядки й стовпці матриці не збігаються за назвами: ${parts.join("; ")}. Дайте кожному регіону один рядок і один стовпець з однаковою назвою і не виділяйте підсумків та назв, яких немає з іншого боку.`;
  },
  breakdowns: (p) =>
    `Пар «звідки — куди» з кількома рядками, що різняться в інших стовпцях: ${n(p.pairs)} (${p.columns.map((c) => `стовпець ${c.column}${c.header ? ` «${c.header}»` : ""}: ${c.values.map((v) => (v === "" ? "порожньо" : v)).join(", ")}`).join("; ")}). ` +
    `Це розбивки або різні показники, і їхня сума порахувала б людей двічі. Виділіть лише рядки з одним значенням кожного такого стовпця (у командному рядку ${p.examples.map((e) => `--filter '${e}'`).join(" ")}).`,
  emptyBlock: () => `Виділені клітинки порожні: ${HOW_TO_SELECT_UK}.`,
  singleValue: (p) => `Виділено лише одне значення (${p.cell}): ${HOW_TO_SELECT_UK}.`,
  onlyText: () => `У виділених клітинках лише текст, чисел немає: ${HOW_TO_SELECT_UK}.`,
  noHeaderNotSquare: () => `Рядка заголовків не знайдено, а числа не утворюють квадратної матриці: ${HOW_TO_SELECT_UK}.`,
  noNumberColumn: () => `Під заголовком немає жодного стовпця з числами: ${HOW_TO_SELECT_UK}.`,
  noHeaderRow: () => `Рядка заголовків не знайдено: ${HOW_TO_SELECT_UK}.`,
  notSquare: (p) => `Це не квадратна матриця: ${n(p.rows)} рядк. і ${n(p.columns)} стовп., і жодні підписи не роблять числа квадратними.`,
  noDataRows: () => `Під заголовком немає рядків даних: ${HOW_TO_SELECT_UK}.`,
  matrixNoColumns: () => "У матриці немає стовпців, яким можна дати роль: ролі призначають стовпцям таблиці країн або довгого списку.",
  unknownRole: (p) => `Невідома роль «${p.role}». Ролі: ${p.roles.join(", ")}.`,
  roleNotInShape: (p) => `У формі «${SHAPE_NAMES.uk[p.shape]}» немає ролі «${p.role}». Її ролі: ${p.roles.join(", ")}.`,
  noColumn: (p) => `Немає стовпця ${typeof p.column === "number" ? p.column : `«${p.column}»`}. Наявні заголовки: ${headersUk(p.headers)}.`,
  repeatedLabels: (p) => {
    const found = p.repeats.map((r) => `${WHAT_UK[r.what]} ${repeated(r.label, r.context, r.addresses)}`);
    const shown = p.more > 0 ? [...found, `і ще ${n(p.more)}`] : found;
    const advice =
      p.shape === "table"
        ? "Кожній країні потрібен один рядок (кілька років чи груп потребують стовпця року чи групи, що розрізняє рядки); інакше підсумки врахують її двічі"
        : "Кожен регіон має бути один раз угорі й один раз збоку";
    return `${shown.join("; ")}. ${advice}.`;
  },
  noFilteredRows: (p) =>
    `Жоден рядок не містить вибраних значень у стовпцях розбивки (${p.filters.map((f) => `стовпець ${f.column}${f.header ? ` «${f.header}»` : ""} = «${f.value}»`).join(", ")}): виберіть інші значення (у командному рядку --filter).`,
  ambiguousColumn: (p) => `«${p.column}» називає кілька стовпців (${p.indexes.join(", ")}): призначте роль за номером стовпця. Наявні заголовки: ${headersUk(p.headers)}.`,
};

const RENDERERS: Record<Lang, Renderers> = { en, uk };

function headersEn(headers: RefusalParams["noColumn"]["headers"]): string {
  return headers.map((h) => `${h.header === "" ? "(no header)" : q(h.header)} (${h.index})`).join(", ");
}

function headersUk(headers: RefusalParams["noColumn"]["headers"]): string {
  return headers.map((h) => `${h.header === "" ? "(без заголовка)" : `«${quoteText(h.header, "")}»`} (${h.index})`).join(", ");
}

/** The refusal in `lang`. */
export function refusalText(refusal: Refusal | ReportRefusal, lang: Lang): string {
  const render = RENDERERS[lang][refusal.code] as (p: unknown) => string;
  return render(refusal.params);
}
