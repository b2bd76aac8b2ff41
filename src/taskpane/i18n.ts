/**
 * The task pane's words, in English and Ukrainian. Every string the pane shows comes from here;
 * text from the workbook (headers, sheet names, labels) is only ever inserted as text nodes.
 * The engine's coded messages (data problems, reasons, refusals, headline items) are worded by
 * the renderers in src/messages, which the command line shares.
 */
import type { StockDecrease } from "../indicators/estimation";
import type { ProblemKind } from "../report/problem-codes";
import type { Role, Shape, SharingMode } from "../report/types";
import type { LeftOutWhy } from "./left-out";

import { formatNumber, formatPercent, Lang, LANGS, langOf, LOCALE } from "../messages/lang";
import { leftOutWhyText } from "../messages/left-out";
import { ROLE_NAMES } from "../messages/roles";

export { formatNumber, formatPercent, LANGS, langOf, LOCALE };
export type { Lang };

export type { ProblemKind };

export interface Strings {
  readonly languageName: string;
  readonly languageLabel: string;
  readonly title: string;
  readonly subtitle: string;
  readonly loading: string;
  readonly outsideExcelTitle: string;
  readonly outsideExcel: string;
  readonly noOfficeJs: string;

  readonly step1: string;
  readonly step1Hint: string;
  readonly useSelection: string;
  readonly useSelectionAgain: string;
  readonly found: string;
  readonly sheet: string;
  readonly range: string;
  readonly filledPartOf: (selected: string) => string;
  readonly shape: string;
  readonly shapeNames: Record<Shape, string>;
  readonly confidence: (percent: string, level: "high" | "medium" | "low") => string;
  readonly reasons: string;
  readonly mapping: string;
  readonly mappingHint: string;
  readonly column: string;
  readonly role: string;
  readonly roleOf: (column: string, header: string) => string;
  readonly notUsed: string;
  readonly noHeader: string;
  readonly matrixNoColumns: string;
  readonly roleNames: Record<Role, string>;
  readonly match: (percent: string) => string;
  readonly setByYou: string;

  readonly problems: (count: string) => string;
  readonly problemsNone: string;
  readonly problemsCapped: (shown: string) => string;
  readonly problemsBeforeWriting: string;
  readonly problemKinds: Record<ProblemKind, string>;

  /** The periods of the time column, and the period the report is built for. */
  readonly periodsTitle: string;
  readonly periodsFound: (count: number, first: string, last: string) => string;
  readonly periodLabel: string;
  readonly periodLatest: (key: string) => string;
  readonly periodHint: string;
  /** A period asked for that the data do not hold, naming those they do. */
  readonly unknownPeriod: (asked: string, found: string) => string;

  /** Estimating flows from a long list of migrant stocks for two or more years. */
  readonly stocksTitle: string;
  readonly stocksEstimate: (first: string, last: string) => string;
  readonly stocksHint: string;
  readonly stocksMethodLegend: string;
  readonly stocksMethods: Record<StockDecrease, { readonly name: string; readonly desc: string }>;

  readonly step2: string;
  readonly modeLegend: string;
  readonly modes: Record<SharingMode, { readonly name: string; readonly colleague: string }>;

  readonly step3: string;
  readonly build: string;
  readonly buildNeedsSelection: string;
  readonly cancel: string;
  readonly reading: string;
  readonly readingCells: (done: string, total: string) => string;
  /** Detection of the shape, columns and problems in the cells read. */
  readonly detecting: string;
  readonly planning: string;
  readonly planningRows: (done: string, total: string) => string;
  readonly writing: string;
  readonly progressLabel: string;
  readonly steps: Record<string, string>;

  readonly readDone: (rows: string, columns: string, address: string) => string;
  readonly doneTitle: string;
  readonly doneSheets: (count: number) => string;
  readonly activated: (sheet: string) => string;
  readonly modeUsed: (mode: string) => string;
  readonly headline: string;
  readonly written: string;
  /** What the host says about a written report (src/hosts/office-write.ts, WriteNotice). */
  readonly notices: { readonly arrayFormulasAsValues: (cells: number) => string; readonly manualCalculation: string };

  readonly cancelled: string;
  readonly cancelledRead: string;
  readonly cancelledLeftovers: string;
  readonly errorTitle: string;
  readonly errorUntouched: string;
  readonly errorFromEngine: string;
  readonly officeErrors: Record<string, string>;
  readonly officeErrorOther: (code: string) => string;
  readonly unexpected: string;
  readonly shapeRefused: string;
  readonly roleRefused: string;
  readonly privacy: string;

  /** Rows and columns left out of the regions (left-out.ts). */
  readonly leftOutTitle: (count: string) => string;
  readonly leftOutHint: string;
  readonly leftOutMatrixHint: string;
  readonly rowWord: string;
  /** "World (row 215, A215): an aggregate". */
  readonly leftOutItem: (side: "row" | "column", label: string, where: string, why: string) => string;
  readonly leftOutWhy: (why: LeftOutWhy) => string;
  /** The matrix found inside the selection, under title rows or above notes. */
  readonly matrixFoundAt: (range: string) => string;
  /** A long list's dimension columns, one value of each kept. */
  readonly dimensionsTitle: string;
  readonly dimensionsHint: string;
  readonly dimensionLabel: (letters: string, header: string) => string;
  readonly dimensionNone: string;
  readonly dimensionBlank: string;
}

const ROLE_EN: Record<Role, string> = ROLE_NAMES.en;
const ROLE_UK: Record<Role, string> = ROLE_NAMES.uk;

const en: Strings = {
  languageName: "English",
  languageLabel: "Language",
  title: "Migration Analytics",
  subtitle: "Summary sheets from the cells you select",
  loading: "Starting…",
  outsideExcelTitle: "Open this pane in Excel",
  outsideExcel: "This task pane works inside Excel (desktop or on the web). Open it from Home → Migration Analytics in Excel; in a plain browser it cannot read or write a workbook.",
  noOfficeJs: "Office's script (office.js) could not be loaded, so the pane cannot talk to Excel. Check the connection and reopen the pane in Excel.",

  step1: "1. Your data",
  step1Hint: "Select the cells with your data in the sheet, headers and labels included, then press Use selection. Nothing is written yet.",
  useSelection: "Use selection",
  useSelectionAgain: "Use the current selection again",
  found: "What the add-in found",
  sheet: "Sheet",
  range: "Range",
  filledPartOf: (sel) => `the filled part of ${sel}`,
  shape: "Shape",
  shapeNames: { table: "Country or region table", matrix: "Origin × destination matrix", long: "Long list of flows" },
  confidence: (p, level) => `Confidence: ${p} (${level})`,
  reasons: "Why",
  mapping: "Columns and their roles",
  mappingHint: "Change a role if a column was read wrongly; the problems below are checked again.",
  column: "Column",
  role: "Role",
  roleOf: (column, header) => `Role of column ${column}${header ? ` “${header}”` : ""}`,
  notUsed: "— not used —",
  noHeader: "(no header)",
  matrixNoColumns: "A matrix has no columns to map: rows are origins, columns are destinations.",
  roleNames: ROLE_EN,
  match: (p) => `match ${p}`,
  setByYou: "set by you",

  problems: (n) => `Problems in the data (${n})`,
  problemsNone: "No problems found in the cells the report uses.",
  problemsCapped: (n) => `The first ${n} are listed.`,
  problemsBeforeWriting: "Check these before building: the report reads blanks and text as missing values, never as 0.",
  problemKinds: {
    text: "Text where a number belongs",
    negative: "Negative counts",
    blank: "Blank cells",
    notFinite: "Numbers that are not finite",
    duplicate: "Duplicates",
    variant: "Labels spelled two ways",
    ragged: "Rows of a different length",
    period: "Not a year or period",
  },

  periodsTitle: "Periods",
  periodsFound: (n, first, last) => (n === 1 ? `1 period, ${first}` : `${n} periods, ${first}–${last}`),
  periodLabel: "Build the report for",
  periodLatest: (key) => `${key} (latest)`,
  periodHint: "The report shows one period: its rows only, the same sheets as for data with one period.",
  unknownPeriod: (asked, found) => (found ? `The data hold no period ${asked}; the periods found are ${found}.` : `There is no period ${asked}: the data have no year or period column.`),

  stocksTitle: "Flows from stocks",
  stocksEstimate: (first, last) => `These are migrant stocks (by place of birth and residence): estimate flows between ${first} and ${last}`,
  stocksHint: "The report then adds the stocks of both years and an Estimated Flows sheet, with the method stated on it and on the Definitions sheet. Deaths, births and onward moves are not modelled.",
  stocksMethodLegend: "How falls in a stock count",
  stocksMethods: {
    zero: { name: "Rises only (“zero”)", desc: "A rise in the number of people born in one place and living in another is a flow between them; a fall counts as no flow." },
    return: { name: "Rises and returns (“return”)", desc: "Rises are flows as above, and a fall also counts as a return flow, from where those people lived back to where they were born." },
  },

  step2: "2. Sharing",
  modeLegend: "How the report keeps its numbers",
  modes: {
    native: {
      name: "Live native formulas",
      colleague: "A colleague without the add-in sees the same live numbers: only classic Excel functions (Excel 2010 and later, also LibreOffice) that recalculate when your data change.",
    },
    addin: {
      name: "Add-in formulas",
      colleague: "A colleague without the add-in sees #NAME? instead of numbers once Excel recalculates; with the add-in, short readable formulas such as BRAINDRAIN.RATE.",
    },
    values: {
      name: "Values only",
      colleague: "A colleague sees the same numbers in any spreadsheet, but they are fixed: they do not follow later changes to your data.",
    },
  },

  step3: "3. Report",
  build: "Build report",
  buildNeedsSelection: "Use a selection first.",
  cancel: "Cancel",
  reading: "Reading the selection…",
  readingCells: (done, total) => `Reading the selection: ${done} of ${total} rows`,
  detecting: "Checking the cells…",
  planning: "Working out the report…",
  planningRows: (done, total) => `Working out the report: ${done} of ${total} rows`,
  writing: "Writing the report…",
  progressLabel: "Progress",
  steps: {
    names: "Choosing names for the new sheets…",
    cells: "Writing the cells…",
    finish: "Adding tables, charts and formats…",
    cleanup: "Removing the sheets begun…",
    done: "Finishing…",
  },

  readDone: (rows, columns, address) => `Read ${rows} rows × ${columns} columns from ${address}.`,
  doneTitle: "Report written",
  doneSheets: (n) => (n === 1 ? "New sheet:" : `${n} new sheets:`),
  activated: (s) => `Now showing: ${s}`,
  modeUsed: (m) => `Sharing mode: ${m}`,
  headline: "Headline numbers",
  written: "The report is written. Your data were not changed.",
  notices: {
    arrayFormulasAsValues: (n) =>
      `This version of Excel cannot compute the circulation formulas correctly, so ${n === 1 ? "1 cell holds its value" : `${n} cells hold their values`} instead of a formula (listed on the Definitions sheet).`,
    manualCalculation: "Excel is set to calculate manually: press F9 to compute the report's formulas.",
  },

  cancelled: "Cancelled. Nothing was left half-written and your data were not changed.",
  cancelledRead: "Reading was cancelled.",
  cancelledLeftovers: "Cancelled, but some of the sheets begun could not be removed.",
  errorTitle: "That did not work",
  errorUntouched: "Your data were not changed.",
  errorFromEngine: "The add-in says:",
  officeErrors: {
    InvalidSelection: "Select a range of cells (not a chart, picture or several separate areas) and try again.",
    UnsupportedSheet: "This kind of sheet cannot be read: select cells on an ordinary worksheet.",
    ItemAlreadyExists: "A sheet or table with one of the report's names appeared meanwhile. Try again; the add-in picks new names.",
    InvalidArgument: "Select a range of cells (not a chart, picture or several separate areas) and try again.",
    AccessDenied: "The workbook or this sheet is protected, or you may not change it. Unprotect it, or save a copy, and try again.",
    InvalidOperationInCellEditMode: "Excel is editing a cell. Press Enter or Esc in the sheet, then try again.",
    RequestPayloadSizeLimitExceeded: "The selection is too large for Excel to send at once. Select fewer rows and try again.",
    PayloadTooLarge: "The selection is too large for Excel to send at once. Select fewer rows and try again.",
    ItemNotFound: "The sheet or range is no longer there. Select the data again and press Use selection.",
    Conflict: "Another sheet or table has the same name. Try again; the add-in picks new names.",
    ActivityLimitReached: "Excel is busy. Wait a moment and try again.",
    RequestAborted: "Excel stopped the request. Try again.",
    ApiNotFound: "This version of Excel lacks a feature the add-in needs. Update Excel, or use Excel on the web.",
  },
  officeErrorOther: (code) => `Excel could not complete the request (${code}). Try again; if it keeps happening, close and reopen the pane.`,
  unexpected: "Something unexpected went wrong inside the add-in. Try again; if it keeps happening, close and reopen the pane.",
  shapeRefused: "That shape does not fit these cells.",
  roleRefused: "That role cannot be given to this column.",
  privacy: "The add-in works inside your workbook and sends no data anywhere.",

  leftOutTitle: (n) => `Left out of the regions (${n})`,
  leftOutHint: "Ticked rows are left out: their labels or codes mark totals or aggregates, which would count their members twice. Untick a row to keep it as a region.",
  leftOutMatrixHint: "A matrix pairs each row with the column of the same label; these are not regions of it and are left out. To use them, select other cells.",
  rowWord: "row",
  leftOutItem: (side, label, where, why) => `${label} (${side === "row" ? "" : "column, "}${where}): ${why}`,
  leftOutWhy: (why) => leftOutWhyText(why, "en"),
  matrixFoundAt: (range) => `The matrix was found at ${range}; the rows above and below it (titles, notes) are not read.`,
  dimensionsTitle: "Breakdowns: keep one value of each",
  dimensionsHint: "Rows of one origin and destination differ in these columns (sex, age, indicator…); adding them up would count people twice. Choose the value whose rows the report reads, such as the total.",
  dimensionLabel: (letters, header) => `Column ${letters}${header ? ` “${header}”` : ""}`,
  dimensionNone: "— choose a value —",
  dimensionBlank: "(blank)",
};

const uk: Strings = {
  languageName: "Українська",
  languageLabel: "Мова",
  title: "Migration Analytics",
  subtitle: "Підсумкові аркуші з виділених клітинок",
  loading: "Запуск…",
  outsideExcelTitle: "Відкрийте цю панель в Excel",
  outsideExcel: "Ця панель працює лише в Excel (настільному або в браузері). Відкрийте її в Excel через Основне → Migration Analytics; у звичайному браузері вона не може читати чи записувати книгу.",
  noOfficeJs: "Не вдалося завантажити скрипт Office (office.js), тож панель не може зв'язатися з Excel. Перевірте з'єднання й відкрийте панель в Excel знову.",

  step1: "1. Ваші дані",
  step1Hint: "Виділіть на аркуші клітинки з даними разом із заголовками й підписами та натисніть «Використати виділення». Поки що нічого не записується.",
  useSelection: "Використати виділення",
  useSelectionAgain: "Використати поточне виділення знову",
  found: "Що знайшла надбудова",
  sheet: "Аркуш",
  range: "Діапазон",
  filledPartOf: (sel) => `заповнена частина ${sel}`,
  shape: "Форма даних",
  shapeNames: { table: "Таблиця країн або регіонів", matrix: "Матриця «звідки × куди»", long: "Довгий список потоків" },
  confidence: (p, level) => `Упевненість: ${p} (${level === "high" ? "висока" : level === "medium" ? "середня" : "низька"})`,
  reasons: "Чому",
  mapping: "Стовпці та їхні ролі",
  mappingHint: "Змініть роль, якщо стовпець прочитано неправильно; проблеми нижче буде перевірено знову.",
  column: "Стовпець",
  role: "Роль",
  roleOf: (column, header) => `Роль стовпця ${column}${header ? ` «${header}»` : ""}`,
  notUsed: "— не використовується —",
  noHeader: "(без заголовка)",
  matrixNoColumns: "У матриці немає стовпців для зіставлення: рядки — звідки, стовпці — куди.",
  roleNames: ROLE_UK,
  match: (p) => `збіг ${p}`,
  setByYou: "вибрано вами",

  problems: (n) => `Проблеми в даних (${n})`,
  problemsNone: "У клітинках, які використовує звіт, проблем не знайдено.",
  problemsCapped: (n) => `Показано перші ${n}.`,
  problemsBeforeWriting: "Перевірте їх перед побудовою: звіт вважає порожні клітинки й текст пропущеними значеннями, а не нулем.",
  problemKinds: {
    text: "Текст замість числа",
    negative: "Від'ємні кількості",
    blank: "Порожні клітинки",
    notFinite: "Нескінченні або нечислові значення",
    duplicate: "Повтори",
    variant: "Мітки, написані по-різному",
    ragged: "Рядки іншої довжини",
    period: "Не рік і не період",
  },

  periodsTitle: "Періоди",
  periodsFound: (n, first, last) => (n === 1 ? `1 період, ${first}` : `Періодів: ${n}, ${first}–${last}`),
  periodLabel: "Побудувати звіт за",
  periodLatest: (key) => `${key} (останній)`,
  periodHint: "Звіт показує один період: лише його рядки, ті самі аркуші, що й для даних з одним періодом.",
  unknownPeriod: (asked, found) => (found ? `У даних немає періоду ${asked}; знайдено періоди: ${found}.` : `Періоду ${asked} немає: у даних немає стовпця року чи періоду.`),

  stocksTitle: "Потоки з чисельності мігрантів",
  stocksEstimate: (first, last) => `Це чисельність мігрантів (за місцем народження й місцем проживання): оцінити потоки між ${first} і ${last} роками`,
  stocksHint: "Тоді звіт додасть чисельність за обидва роки й аркуш Estimated Flows, а метод зазначить на ньому й на аркуші Definitions. Смерті, народження й подальші переїзди не враховуються.",
  stocksMethodLegend: "Як рахувати зменшення",
  stocksMethods: {
    zero: { name: "Лише зростання («zero»)", desc: "Зростання кількості людей, народжених в одному місці, які живуть в іншому, — це потік між ними; зменшення не вважається потоком." },
    return: { name: "Зростання й повернення («return»)", desc: "Зростання — це потоки, як вище, а зменшення також вважається зворотним потоком: з місця проживання туди, де ці люди народилися." },
  },

  step2: "2. Спільний доступ",
  modeLegend: "Як звіт зберігає числа",
  modes: {
    native: {
      name: "Живі вбудовані формули",
      colleague: "Колега без надбудови бачить ті самі живі числа: лише класичні функції Excel (Excel 2010 і новіші, а також LibreOffice), що перераховуються, коли змінюються ваші дані.",
    },
    addin: {
      name: "Формули надбудови",
      colleague: "Колега без надбудови після перерахунку бачить #NAME? замість чисел; з надбудовою — короткі зрозумілі формули, як-от BRAINDRAIN.RATE.",
    },
    values: {
      name: "Лише значення",
      colleague: "Колега бачить ті самі числа в будь-якій програмі електронних таблиць, але вони незмінні: не враховують пізніших змін ваших даних.",
    },
  },

  step3: "3. Звіт",
  build: "Побудувати звіт",
  buildNeedsSelection: "Спершу використайте виділення.",
  cancel: "Скасувати",
  reading: "Читання виділення…",
  readingCells: (done, total) => `Читання виділення: ${done} з ${total} рядків`,
  detecting: "Перевірка клітинок…",
  planning: "Підготовка звіту…",
  planningRows: (done, total) => `Підготовка звіту: ${done} з ${total} рядків`,
  writing: "Запис звіту…",
  progressLabel: "Перебіг",
  steps: {
    names: "Добір назв для нових аркушів…",
    cells: "Запис клітинок…",
    finish: "Додавання таблиць, діаграм і форматів…",
    cleanup: "Видалення розпочатих аркушів…",
    done: "Завершення…",
  },

  readDone: (rows, columns, address) => `Прочитано ${rows} рядк. × ${columns} стовп. з ${address}.`,
  doneTitle: "Звіт записано",
  doneSheets: (n) => (n === 1 ? "Новий аркуш:" : `Нові аркуші (${n}):`),
  activated: (s) => `Відкрито аркуш: ${s}`,
  modeUsed: (m) => `Спільний доступ: ${m}`,
  headline: "Основні показники",
  written: "Звіт записано. Ваші дані не змінено.",
  notices: {
    arrayFormulasAsValues: (n) =>
      `Ця версія Excel не може правильно обчислити формули циркуляції, тому ${n === 1 ? "1 клітинка містить значення" : `клітинок зі значеннями замість формул: ${n}`} (перелік на аркуші Definitions).`,
    manualCalculation: "В Excel увімкнено ручне обчислення: натисніть F9, щоб обчислити формули звіту.",
  },

  cancelled: "Скасовано. Нічого не лишилося записаним наполовину, ваші дані не змінено.",
  cancelledRead: "Читання скасовано.",
  cancelledLeftovers: "Скасовано, але деякі розпочаті аркуші не вдалося видалити.",
  errorTitle: "Не вдалося",
  errorUntouched: "Ваші дані не змінено.",
  errorFromEngine: "Повідомлення надбудови (англійською):",
  officeErrors: {
    InvalidSelection: "Виділіть діапазон клітинок (не діаграму, не малюнок і не кілька окремих областей) і спробуйте знову.",
    UnsupportedSheet: "Такий аркуш не можна прочитати: виділіть клітинки на звичайному аркуші.",
    ItemAlreadyExists: "Тим часом з'явився аркуш або таблиця з однією з назв звіту. Спробуйте знову — надбудова добере нові назви.",
    InvalidArgument: "Виділіть діапазон клітинок (не діаграму, не малюнок і не кілька окремих областей) і спробуйте знову.",
    AccessDenied: "Книгу або аркуш захищено, або ви не маєте права їх змінювати. Зніміть захист або збережіть копію і спробуйте знову.",
    InvalidOperationInCellEditMode: "Excel редагує клітинку. Натисніть Enter або Esc на аркуші й спробуйте знову.",
    RequestPayloadSizeLimitExceeded: "Виділення завелике, щоб Excel передав його за раз. Виділіть менше рядків і спробуйте знову.",
    PayloadTooLarge: "Виділення завелике, щоб Excel передав його за раз. Виділіть менше рядків і спробуйте знову.",
    ItemNotFound: "Аркуша або діапазону вже немає. Виділіть дані знову й натисніть «Використати виділення».",
    Conflict: "Аркуш або таблиця з такою назвою вже є. Спробуйте знову — надбудова добере нові назви.",
    ActivityLimitReached: "Excel зайнятий. Зачекайте трохи й спробуйте знову.",
    RequestAborted: "Excel перервав запит. Спробуйте знову.",
    ApiNotFound: "У цій версії Excel немає потрібної надбудові можливості. Оновіть Excel або скористайтеся Excel в браузері.",
  },
  officeErrorOther: (code) => `Excel не зміг виконати запит (${code}). Спробуйте знову; якщо не допоможе, закрийте й знову відкрийте панель.`,
  unexpected: "У надбудові сталася неочікувана помилка. Спробуйте знову; якщо не допоможе, закрийте й знову відкрийте панель.",
  shapeRefused: "Ця форма не підходить до цих клітинок.",
  roleRefused: "Цю роль не можна дати цьому стовпцю.",
  privacy: "Надбудова працює всередині вашої книги й нікуди не надсилає даних.",

  leftOutTitle: (n) => `Не враховано як регіони (${n})`,
  leftOutHint: "Позначені рядки не враховуються: їхні назви чи коди позначають підсумки або агрегати, і їхні складники було б пораховано двічі. Зніміть позначку, щоб урахувати рядок як регіон.",
  leftOutMatrixHint: "Матриця поєднує кожен рядок зі стовпцем із тією самою назвою; ці рядки й стовпці не є її регіонами й не враховуються. Щоб їх використати, виділіть інші клітинки.",
  rowWord: "рядок",
  leftOutItem: (side, label, where, why) => `${label} (${side === "row" ? "" : "стовпець, "}${where}): ${why}`,
  leftOutWhy: (why) => leftOutWhyText(why, "uk"),
  matrixFoundAt: (range) => `Матрицю знайдено в ${range}; рядки над нею й під нею (заголовки, примітки) не читаються.`,
  dimensionsTitle: "Розбивки: залиште одне значення кожної",
  dimensionsHint: "Рядки з тими самими «звідки» й «куди» різняться в цих стовпцях (стать, вік, показник…); їхня сума порахувала б людей двічі. Виберіть значення, рядки якого читатиме звіт, наприклад загальне.",
  dimensionLabel: (letters, header) => `Стовпець ${letters}${header ? ` «${header}»` : ""}`,
  dimensionNone: "— виберіть значення —",
  dimensionBlank: "(порожньо)",
};

export const STRINGS: Record<Lang, Strings> = { en, uk };

export function strings(lang: Lang): Strings {
  return STRINGS[lang];
}
