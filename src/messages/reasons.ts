/**
 * What detection found and why (src/report/reason.ts: a code and its parameters) in English and
 * Ukrainian, for the task pane, the command line and (in English) the report's Definitions
 * sheet. Each language is composed from the parameters, never translated from the other.
 */
import { quoteText } from "../indicators/quote";
import type { MappedHow, Reason, ReasonColumn, ReasonParams } from "../report/reason";
import type { DataProblem, Shape } from "../report/types";
import { formatNumber, Lang } from "./lang";
import { leftOutWhyOf, leftOutWhyText } from "./left-out";
import { pluralEn, pluralUk, ukForm } from "./plural";
import { ROLE_NAMES } from "./roles";

type Renderers = { readonly [C in keyof ReasonParams]: (p: ReasonParams[C]) => string };

const q = (v: unknown) => quoteText(v, "'");
const en$ = (x: number) => formatNumber(x, "en");
const uk$ = (x: number) => formatNumber(x, "uk");

export const SHAPE_NAMES: Record<Lang, Record<Shape, string>> = {
  en: { table: "country table", matrix: "origin × destination matrix", long: "long origin–destination–flow list" },
  uk: { table: "таблиця країн", matrix: "матриця «звідки × куди»", long: "довгий список «звідки — куди — потік»" },
};

const PROBLEM_KINDS_UK: Record<DataProblem["kind"], string> = {
  text: "текст замість числа",
  negative: "від'ємні",
  blank: "порожні",
  notFinite: "нескінченні",
  duplicate: "повтори",
  variant: "різне написання",
  ragged: "рядки іншої довжини",
  period: "не період",
};

// English ------------------------------------------------------------------------------------

const nameEn = (c: ReasonColumn) => (c.header === "" ? `column ${c.column}` : q(c.header));
const headerEn = (row: number | null) => (row === null ? "no header row" : `header in row ${row}`);

function howEn(how: MappedHow): string {
  switch (how.kind) {
    case "user":
      return "your choice";
    case "periods":
      return "its values are periods";
    case "content":
      return "guessed from the content";
    case "asRegion":
      return `an ${how.named} name, read as the region`;
    case "partial":
      return "partial name match";
    default:
      return how.kind;
  }
}

const NOT_USED_EN = { share: "shares or rates the report has no role for", empty: "no values", unknown: "name not recognised; map it if it matters" } as const;

const en: Renderers = {
  table: (p) => `Country table: ${pluralEn(p.rows, "row")}${p.regions !== undefined ? `, ${pluralEn(p.regions, "region")}` : ""}${p.periods !== undefined ? `, ${pluralEn(p.periods, "period")}` : ""}, ${headerEn(p.headerRow)}.`,
  long: (p) => `Long list: ${pluralEn(p.flows, "flow")} between ${pluralEn(p.regions, "region")}${p.periods !== undefined ? `, ${pluralEn(p.periods, "period")}` : ""}, ${headerEn(p.headerRow)}.`,
  matrix: (p) => {
    const where = [p.labelRow !== undefined ? `row ${p.labelRow}` : "", p.labelColumn !== undefined ? `column ${p.labelColumn}` : ""].filter((s) => s !== "");
    const labels = where.length ? `with labels in ${where.join(" and ")}` : "without labels (regions are numbered)";
    return `Matrix: ${p.n} × ${p.n} flows ${labels}; rows are origins, columns destinations${p.corner !== undefined ? ` (the corner ${q(p.corner)} is ignored)` : ""}.`;
  },
  matrixLabelOrder: (p) =>
    p.order === "same"
      ? `Row and column labels name the same ${p.n} regions in the same order.`
      : p.order === "reordered"
        ? "Row and column labels name mostly the same regions but not in the same order: each row is paired with the column of the same label."
        : "Row and column labels differ: check that the matrix is origin × destination.",
  matrixBlanks: () => "Blank cells are read as no flow (0); the diagonal is kept as given and ignored by the measures.",
  mapped: (p) => `Mapped ${p.columns.map((c) => `${nameEn(c)} → ${c.role} (${howEn(c.how)})`).join(", ")}.`,
  nothingMapped: () => "No column could be mapped to a role: map them yourself.",
  beaten: (p) =>
    `${p.columns
      .map((c) =>
        c.kind === "cleared"
          ? `${nameEn(c)} looks like ${c.role}, which you unmapped`
          : `${nameEn(c)} (column ${c.column}) also looks like ${c.role}, but ${c.winner ? `${nameEn(c.winner)} (column ${c.winner.column})` : "another column"} fits better`,
      )
      .join("; ")}.`,
  notUsed: (p) => `Not used: ${p.columns.map(nameEn).join(", ")} (${NOT_USED_EN[p.why]}).`,
  percentValues: (p) => `${q(p.header)} has values above 1 (up to ${en$(p.max)}): rates are read as fractions, so these look like percentages.`,
  shapeByUser: (p) => `Shape set by you: ${SHAPE_NAMES.en[p.shape]}.`,
  problems: (p) => {
    if (p.total === 0) return "No problems found in the cells used.";
    const kinds = p.byKind.map((k) => `${en$(k.count)} ${k.kind}`).join(", ");
    const listed = p.listed !== undefined ? `; the first ${p.listed} are listed` : "";
    return `${pluralEn(p.total, "problem")} in the cells used (${kinds})${listed}.`;
  },
  matrixFound: (p) => `Read the matrix with its labels at ${p.range}${p.rowsAround ? ": the rows above and below it (titles, notes) are not read" : ""}`,
  matrixAligned: (p) =>
    [
      ...(p.reordered ? ["The matrix's columns are in another order than its rows: each row is paired with the column of the same label"] : []),
      ...p.leftOut.map((l) => `${l.side === "row" ? "Row" : "Column"} ${q(l.label)} (${l.at}) is not a region of the matrix: ${leftOutWhyText(leftOutWhyOf(l.side, l.reason), "en", true)}; left out`),
    ].join(". ") + ".",
  aggregatesLeftOut: (p) => `${p.count} row(s) are totals or aggregates, not regions, and are left out: ${p.rows.map((r) => aggregateRowText(r, "en")).join("; ")}${p.count > p.rows.length ? "; …" : ""}`,
};

// Ukrainian ----------------------------------------------------------------------------------

const nameUk = (c: ReasonColumn) => (c.header === "" ? `стовпець ${c.column}` : `«${quoteText(c.header, "")}» (${c.column})`);
const headerUk = (row: number | null) => (row === null ? "без рядка заголовків" : `заголовок у рядку ${row}`);
const roleUk = (role: keyof typeof ROLE_NAMES.uk) => `«${ROLE_NAMES.uk[role]}»`;

function howUk(how: MappedHow): string {
  switch (how.kind) {
    case "user":
      return "ваш вибір";
    case "periods":
      return "її значення — періоди";
    case "content":
      return "за вмістом";
    case "asRegion":
      return `назва ролі ${roleUk(how.named)}, прочитана як регіон`;
    case "name":
      return "назва";
    case "synonym":
      return "синонім";
    case "partial":
      return "частковий збіг назви";
  }
}

const NOT_USED_UK = { share: "частки чи рівні, для яких у звіті немає ролі", empty: "немає значень", unknown: "назву не розпізнано; призначте роль, якщо стовпець потрібен" } as const;
const periodsUk = (n: number | undefined) => (n === undefined ? "" : `, ${pluralUk(n, "період", "періоди", "періодів")}`);

const uk: Renderers = {
  table: (p) => `Таблиця країн: ${pluralUk(p.rows, "рядок", "рядки", "рядків")}${p.regions !== undefined ? `, ${pluralUk(p.regions, "регіон", "регіони", "регіонів")}` : ""}${periodsUk(p.periods)}, ${headerUk(p.headerRow)}.`,
  long: (p) => `Довгий список: ${pluralUk(p.flows, "потік", "потоки", "потоків")} між ${uk$(p.regions)} ${ukForm(p.regions, "регіоном", "регіонами", "регіонами")}${periodsUk(p.periods)}, ${headerUk(p.headerRow)}.`,
  matrix: (p) => {
    const where = [p.labelRow !== undefined ? `у рядку ${p.labelRow}` : "", p.labelColumn !== undefined ? `у стовпці ${p.labelColumn}` : ""].filter((s) => s !== "");
    const labels = where.length ? `, підписи ${where.join(" і ")}` : ", без підписів (регіони пронумеровано)";
    return `Матриця ${uk$(p.n)} × ${uk$(p.n)} потоків${labels}; рядки — звідки, стовпці — куди${p.corner !== undefined ? ` (кутова клітинка «${quoteText(p.corner, "")}» не враховується)` : ""}.`;
  },
  matrixLabelOrder: (p) =>
    p.order === "same"
      ? `Підписи рядків і стовпців називають ті самі ${pluralUk(p.n, "регіон", "регіони", "регіонів")} у тому самому порядку.`
      : p.order === "reordered"
        ? "Підписи рядків і стовпців називають здебільшого ті самі регіони, але в іншому порядку: кожен рядок зіставлено зі стовпцем тієї самої назви."
        : "Підписи рядків і стовпців різняться: перевірте, що рядки — це звідки, а стовпці — куди.",
  matrixBlanks: () => "Порожні клітинки вважаються відсутнім потоком (0); діагональ лишається як є, і показники її не враховують.",
  mapped: (p) => `Зіставлено: ${p.columns.map((c) => `${nameUk(c)} → ${ROLE_NAMES.uk[c.role]} (${howUk(c.how)})`).join("; ")}.`,
  nothingMapped: () => "Жодному стовпцю не вдалося дати роль: призначте ролі самі.",
  beaten: (p) =>
    `${p.columns
      .map((c) =>
        c.kind === "cleared"
          ? `${nameUk(c)} схожий на ${roleUk(c.role)}, але цю роль ви зняли`
          : `${nameUk(c)} теж схожий на ${roleUk(c.role)}, але ${c.winner ? nameUk(c.winner) : "інший стовпець"} підходить краще`,
      )
      .join("; ")}.`,
  notUsed: (p) => `Не використовується: ${p.columns.map(nameUk).join(", ")} (${NOT_USED_UK[p.why]}).`,
  percentValues: (p) => `${nameUk(p)} має значення понад 1 (до ${uk$(p.max)}): рівні читаються як частки, тож це схоже на відсотки.`,
  shapeByUser: (p) => `Форму задали ви: ${SHAPE_NAMES.uk[p.shape]}.`,
  problems: (p) => {
    if (p.total === 0) return "У клітинках, які використовує звіт, проблем не знайдено.";
    const kinds = p.byKind.map((k) => `${PROBLEM_KINDS_UK[k.kind]}: ${uk$(k.count)}`).join(", ");
    const listed = p.listed !== undefined ? `; перелічено перші ${uk$(p.listed)}` : "";
    return `Проблем у клітинках, які використовує звіт: ${uk$(p.total)} (${kinds})${listed}.`;
  },
  matrixFound: (p) => `Матрицю з підписами прочитано в ${p.range}${p.rowsAround ? ": рядки над нею й під нею (заголовки, примітки) не читаються" : ""}`,
  matrixAligned: (p) =>
    [
      ...(p.reordered ? ["Стовпці матриці йдуть в іншому порядку, ніж рядки: кожен рядок зіставлено зі стовпцем тієї самої назви"] : []),
      ...p.leftOut.map((l) => `${l.side === "row" ? "Рядок" : "Стовпець"} «${quoteText(l.label, "")}» (${l.at}) не є регіоном матриці: ${leftOutWhyText(leftOutWhyOf(l.side, l.reason), "uk")}; не враховано`),
    ].join(". ") + ".",
  aggregatesLeftOut: (p) => `Не враховано як регіони ${pluralUk(p.count, "рядок", "рядки", "рядків")} підсумків чи агрегатів: ${p.rows.map((r) => aggregateRowText(r, "uk")).join("; ")}${p.count > p.rows.length ? "; …" : ""}`,
};

const RENDERERS: Record<Lang, Renderers> = { en, uk };

/** One row left out as a total or aggregate: "Row 7 (A7 'World') is left out: its region is a total, not a region". */
export function aggregateRowText(r: ReasonParams["aggregatesLeftOut"]["rows"][number], lang: Lang): string {
  // a note or source line is a row of text, not a label of some role
  if (lang === "en") return `Row ${r.row} (${r.address} ${q(r.label)}) is left out: ${r.reason.kind === "note" ? "it" : `its ${r.role}`} is ${r.reason.why}, not a region`;
  if (r.reason.kind === "note") return `Рядок ${r.row} (${r.address} «${quoteText(r.label, "")}») не враховано: це ${leftOutWhyText({ kind: "label", reason: r.reason }, "uk")}, а не регіон`;
  return `Рядок ${r.row} (${r.address} «${quoteText(r.label, "")}») не враховано: ${ROLE_WORD_UK[r.role]} — ${leftOutWhyText({ kind: "label", reason: r.reason }, "uk")}, а не регіон`;
}

const ROLE_WORD_UK = { region: "регіон", code: "код", origin: "місце походження", destination: "місце призначення" } as const;

/** One reason in `lang`. */
export function reasonText(reason: Reason, lang: Lang): string {
  const render = RENDERERS[lang][reason.code] as (p: unknown) => string;
  return render(reason.params);
}

export function reasonsText(reasons: readonly Reason[], lang: Lang): string[] {
  return reasons.map((r) => reasonText(r, lang));
}
