/**
 * The command line's words, in English and Ukrainian (`--lang en|uk`; by default the locale's
 * language: LC_ALL, LC_MESSAGES, LANG). Both languages implement CliStrings, so a message
 * missing in one does not compile. Text from the user's files is inserted quoted, never translated.
 */
import { ROLES } from "../report/roles";
import { formatNumber, Lang, langOf } from "./lang";
import { pluralUk, ukForm } from "./plural";

export interface CliStrings {
  readonly usage: string;
  /** A usage error, pointing at --help. */
  readonly seeHelp: (message: string) => string;
  readonly needsValue: (option: string) => string;
  readonly takesNoValue: (option: string) => string;
  readonly sheetNeedsName: string;
  readonly rangeNeedsRange: string;
  readonly unknownMode: (mode: string) => string;
  readonly unknownShape: (shape: string) => string;
  readonly mapForm: (given: string) => string;
  readonly unknownRole: (role: string) => string;
  readonly mappedTwice: (role: string) => string;
  readonly filterForm: (given: string) => string;
  readonly needsFileName: (option: string) => string;
  readonly unknownStocks: (method: string) => string;
  readonly needsRangeOrFile: (option: string) => string;
  readonly periodNeedsPeriod: string;
  readonly chartTopNumber: (given: string) => string;
  readonly unknownChartOrder: (order: string) => string;
  readonly unknownLang: (lang: string) => string;
  readonly unknownOption: (option: string) => string;
  readonly noInput: string;
  readonly oneInput: (given: string) => string;

  readonly outputIsInput: (output: string) => string;
  readonly outputIsFolder: (output: string) => string;
  readonly outputExists: (output: string) => string;
  readonly noFolder: (file: string, folder: string) => string;
  readonly mapOutside: (letter: string, width: number, first: string) => string;
  readonly mapNoColumn: (column: string, headers: string) => string;

  readonly reading: (input: string, size: string) => string;
  readonly readSheet: (sheet: string, address: string, rows: number, columns: number, ms: number) => string;
  readonly moreNotes: (n: number) => string;
  readonly readSide: (option: string, sheet: string, address: string) => string;
  readonly kept: (rows: number, where: string) => string;
  readonly filterWhere: (column: string, value: string) => string;
  readonly and: string;
  readonly cannotMakeOut: (address: string, why: string) => string;
  readonly noData: (address: string, why: string) => string;
  readonly moreAggregates: (n: number) => string;
  readonly detected: (shape: string, confidence: string, ms: number, first: string | undefined) => string;
  readonly unknownPeriod: (asked: string, found: string) => string;
  readonly noPeriodColumn: (asked: string) => string;
  readonly cannotBuild: (address: string, why: string) => string;
  readonly alsoMatrix: (range: string) => string;
  readonly alsoMatrices: (ranges: string) => string;
  readonly planned: (sheets: number, cells: number, mode: string, ms: number) => string;
  readonly drew: (regions: number, flows: number, ms: number) => string;
  readonly writing: (output: string) => string;
  readonly appeared: (output: string) => string;
  readonly cannotWrite: (file: string, why: string) => string;
  readonly wrote: (size: string, ms: number) => string;
  readonly report: (path: string) => string;
  readonly chordFile: (path: string) => string;
  readonly summary: (shape: string, source: string, sheets: string, mode: string) => string;
  readonly unexpected: string;
}

const en$ = (n: number) => formatNumber(n, "en");
const uk$ = (n: number) => formatNumber(n, "uk");

const USAGE_EN = `Usage: migration-report <input.xlsx|input.csv> [options]

Builds a migration report workbook from a country table, an origin x destination matrix or a
long origin-destination-flow list.

Options:
  --sheet NAME          sheet to read (default: the first sheet if it holds a table of numbers,
                        else the one sheet that does; several: they are listed)
  --range A1:D20        cells to read (default: the sheet's used range)
  --mode MODE           native (live Excel formulas, default), addin (BRAINDRAIN.* functions)
                        or values (numbers only)
  --shape SHAPE         table, matrix or long (default: detected)
  --map ROLE=COLUMN     give a column a role, by header name or column letter; repeatable
                        (ROLE= with nothing after '=' unmaps the role)
  --filter COLUMN=VALUE keep only the rows whose COLUMN (header name or letter) holds VALUE, e.g.
                        --filter sex=T for one row per pair in a download with breakdowns;
                        repeatable (every filter must hold)
  --period PERIOD       with a year or period column: the report for this period (e.g. 2005,
                        1990-1995 or 2012/13; default: the latest); unknown periods are refused
                        naming those found
  --stocks METHOD       the long list holds migrant stocks (origin = place of birth, destination =
                        residence) for several years: estimate flows between the first and last
                        year, METHOD zero or return (MIGRATION.FLOWSFROMSTOCKS)
  --distances RANGE     distances between the matrix's regions, for the distance key figures
                        (mean and median migration distance, distance decay): a range of the
                        input workbook, e.g. "Distances!B2:R18" (without a sheet: the sheet read),
                        or a file (.csv or .xlsx, its used range); n x n numbers in the matrix's
                        order, or with the regions' labels in its first row and column (matched
                        by label)
  --populations RANGE   populations of the matrix's regions, for the impact key figures (ANMR,
                        index of preference, index of velocity): a range or file as for
                        --distances; one column or row of n values in the matrix's order, or
                        the regions' labels beside their populations (matched by label)
  --chart               add a Chord sheet: the chord diagram of the flows (matrix or long list)
  --chart-svg FILE      also write the diagram as SVG (implies --chart)
  --chart-png FILE      also write the diagram as PNG (implies --chart)
  --chart-top N         keep the N regions with the most moves, lump the rest as "Other"
                        (default: all up to 40 regions, else 20; 0 keeps all; implies --chart)
  --chart-order ORDER   arcs in the data's order (data, default) or the largest first (size;
                        implies --chart)
  -o, --output FILE     report to write (default: <input>-report.xlsx beside the input)
  --force               overwrite the output if it exists
  -q, --quiet           no progress lines
  --lang LANG           language of the messages: en (English) or uk (Ukrainian); default: the
                        locale's (LC_ALL, LC_MESSAGES, LANG: uk_* is Ukrainian), else English.
                        The report's sheets are in English either way
  -h, --help            this text
  --version             the version

Roles: ${ROLES.join(", ")}

Exit codes: 0 ok, 1 other error, 2 usage, 3 missing or unreadable input, 4 unknown sheet or
bad range, 5 no detectable data, 6 output exists (use --force).
`;

const USAGE_UK = `Використання: migration-report <вхід.xlsx|вхід.csv> [параметри]

Створює книгу зі звітом про міграцію з таблиці країн, матриці «звідки × куди» або довгого
списку «звідки — куди — потік».

Параметри:
  --sheet НАЗВА         аркуш для читання (типово: перший аркуш, якщо на ньому таблиця чисел,
                        інакше єдиний такий аркуш; якщо їх кілька, їх буде перелічено)
  --range A1:D20        клітинки для читання (типово: використаний діапазон аркуша)
  --mode РЕЖИМ          native (живі формули Excel, типово), addin (функції BRAINDRAIN.*)
                        або values (лише числа)
  --shape ФОРМА         table (таблиця), matrix (матриця) або long (довгий список); типово:
                        визначається
  --map РОЛЬ=СТОВПЕЦЬ   дати стовпцю роль за назвою заголовка або буквою стовпця; можна
                        повторювати (РОЛЬ= без нічого після «=» знімає роль)
  --filter СТОВПЕЦЬ=ЗНАЧЕННЯ
                        лишити тільки рядки, у яких СТОВПЕЦЬ (назва заголовка або буква) містить
                        ЗНАЧЕННЯ, напр. --filter sex=T, щоб мати один рядок на пару в даних із
                        розбивками; можна повторювати (мають виконуватися всі)
  --period ПЕРІОД       якщо є стовпець року чи періоду: звіт за цей період (напр. 2005,
                        1990-1995 або 2012/13; типово: останній); невідомий період відхиляється
                        з переліком наявних
  --stocks МЕТОД        довгий список містить запаси мігрантів (звідки = місце народження,
                        куди = місце проживання) за кілька років: оцінити потоки між першим і
                        останнім роком, МЕТОД zero або return (MIGRATION.FLOWSFROMSTOCKS)
  --distances ДІАПАЗОН  відстані між регіонами матриці для показників відстані (середня й
                        медіанна відстань міграції, спад із відстанню): діапазон вхідної книги,
                        напр. "Distances!B2:R18" (без аркуша: прочитаний аркуш), або файл (.csv
                        чи .xlsx, його використаний діапазон); n x n чисел у порядку матриці або
                        з підписами регіонів у першому рядку й стовпці (зіставляються за назвою)
  --populations ДІАПАЗОН
                        населення регіонів матриці для показників впливу (ANMR, індекс
                        переваги, індекс швидкості): діапазон або файл, як для --distances;
                        один стовпець чи рядок із n значень у порядку матриці або підписи
                        регіонів поруч із населенням (зіставляються за назвою)
  --chart               додати аркуш Chord: хордову діаграму потоків (матриця або довгий список)
  --chart-svg ФАЙЛ      також записати діаграму як SVG (означає --chart)
  --chart-png ФАЙЛ      також записати діаграму як PNG (означає --chart)
  --chart-top N         лишити N регіонів із найбільшою кількістю переміщень, решту об'єднати
                        як "Other" (типово: усі до 40 регіонів, інакше 20; 0 лишає всі;
                        означає --chart)
  --chart-order ПОРЯДОК дуги в порядку даних (data, типово) або від найбільшої (size; означає
                        --chart)
  -o, --output ФАЙЛ     файл звіту (типово: <вхід>-report.xlsx поруч із вхідним файлом)
  --force               перезаписати файл звіту, якщо він є
  -q, --quiet           без рядків про перебіг роботи
  --lang МОВА           мова повідомлень: en (англійська) або uk (українська); типово: мова
                        локалі (LC_ALL, LC_MESSAGES, LANG: uk_* — українська), інакше англійська.
                        Аркуші звіту в будь-якому разі англійською
  -h, --help            цей текст
  --version             версія

Ролі: ${ROLES.join(", ")}

Коди виходу: 0 успіх, 1 інша помилка, 2 неправильний виклик, 3 вхідного файлу немає або його
не прочитати, 4 невідомий аркуш чи хибний діапазон, 5 даних не розпізнано, 6 файл звіту вже є
(додайте --force).
`;

const en: CliStrings = {
  usage: USAGE_EN,
  seeHelp: (m) => `${m} (see --help)`,
  needsValue: (o) => `${o} needs a value`,
  takesNoValue: (o) => `${o} takes no value`,
  sheetNeedsName: "--sheet needs a sheet name",
  rangeNeedsRange: "--range needs a range such as A1:D20",
  unknownMode: (m) => `unknown --mode '${m}': use native, addin or values`,
  unknownShape: (s) => `unknown --shape '${s}': use table, matrix or long`,
  mapForm: (m) => `--map takes ROLE=COLUMN, not '${m}'`,
  unknownRole: (r) => `unknown role '${r}' in --map`,
  mappedTwice: (r) => `role '${r}' is mapped twice`,
  filterForm: (m) => `--filter takes COLUMN=VALUE, not '${m}'`,
  needsFileName: (o) => `${o} needs a file name`,
  unknownStocks: (m) => `unknown --stocks method '${m}': use zero or return`,
  needsRangeOrFile: (o) => `${o} needs a range such as "Distances!B2:R18" or a file`,
  periodNeedsPeriod: "--period needs a period such as 2005 or 1990-1995",
  chartTopNumber: (v) => `--chart-top takes a whole number (0 keeps every region), not '${v}'`,
  unknownChartOrder: (o) => `unknown --chart-order '${o}': use data or size`,
  unknownLang: (l) => `unknown --lang '${l}': use en or uk`,
  unknownOption: (o) => `unknown option '${o}'`,
  noInput: "no input file given",
  oneInput: (g) => `one input file at a time (got ${g})`,

  outputIsInput: (o) => `the output ${o} is the input file; a report never overwrites its data (choose another -o)`,
  outputIsFolder: (o) => `${o} is a folder; give a file name with -o`,
  outputExists: (o) => `${o} already exists; use --force to overwrite it or -o to choose another file`,
  noFolder: (f, d) => `cannot write ${f}: folder ${d} does not exist`,
  mapOutside: (l, w, first) => `--map: column ${l} is outside the data read (${w} columns from column ${first})`,
  mapNoColumn: (c, h) => `--map: no column ${c}${h ? ` (headers: ${h})` : ""}; give a header name or a column letter`,

  reading: (i, s) => `reading ${i} (${s})`,
  readSheet: (sheet, a, r, c, ms) => `read sheet '${sheet}' ${a}: ${en$(r)} rows x ${c} columns in ${ms} ms`,
  moreNotes: (n) => `… and ${n} more note(s) on the cells read`,
  readSide: (o, sheet, a) => `read ${o} from sheet '${sheet}' ${a}`,
  kept: (n, w) => `kept ${en$(n)} row(s) where ${w}`,
  filterWhere: (c, v) => `${c} = ${v}`,
  and: " and ",
  cannotMakeOut: (a, why) => `cannot make out the data in ${a}: ${why}`,
  noData: (a, why) => `no country table, matrix or flow list found in ${a}${why ? `: ${why}` : ""}; try --range, --shape or --map`,
  moreAggregates: (n) => `… and ${n} more total or aggregate row(s) left out`,
  detected: (shape, conf, ms, first) => `detected ${shape} (confidence ${conf}) in ${ms} ms${first ? `: ${first}` : ""}`,
  unknownPeriod: (asked, found) => `--period: the data hold no period ${asked}; the periods found are ${found}`,
  noPeriodColumn: (asked) => `--period: there is no period ${asked} to report on: the data have no year or period column (map one, e.g. year=<header>)`,
  cannotBuild: (a, why) => `cannot build a report from ${a}: ${why}`,
  alsoMatrix: (r) => `; the header row's labels are also the first column's, so this may be a matrix: give --range "${r}"`,
  alsoMatrices: (r) => `; several places hold a matrix (${r}): give one with --range`,
  planned: (s, c, mode, ms) => `planned ${s} sheet(s), ${en$(c)} cells, in ${mode} mode in ${ms} ms`,
  drew: (r, f, ms) => `drew the chord diagram (${r} regions, ${f} flows) in ${ms} ms`,
  writing: (o) => `writing ${o}`,
  appeared: (o) => `${o} appeared while the report was built; use --force to overwrite it`,
  cannotWrite: (f, why) => `cannot write ${f}: ${why}`,
  wrote: (s, ms) => `wrote ${s} in ${ms} ms`,
  report: (p) => `Report: ${p}`,
  chordFile: (p) => `Chord diagram: ${p}`,
  summary: (shape, source, sheets, mode) => `${shape} data from ${source}; sheets: ${sheets}; mode: ${mode}`,
  unexpected: "unexpected error",
};

const SHAPE_UK: Record<string, string> = { table: "таблиця", matrix: "матриця", long: "довгий список" };
const rowsUk = (n: number) => pluralUk(n, "рядок", "рядки", "рядків");

const uk: CliStrings = {
  usage: USAGE_UK,
  seeHelp: (m) => `${m} (див. --help)`,
  needsValue: (o) => `${o} потребує значення`,
  takesNoValue: (o) => `${o} не приймає значення`,
  sheetNeedsName: "--sheet потребує назви аркуша",
  rangeNeedsRange: "--range потребує діапазону, напр. A1:D20",
  unknownMode: (m) => `невідомий --mode '${m}': можливі native, addin або values`,
  unknownShape: (s) => `невідома --shape '${s}': можливі table, matrix або long`,
  mapForm: (m) => `--map приймає РОЛЬ=СТОВПЕЦЬ, а не '${m}'`,
  unknownRole: (r) => `невідома роль '${r}' у --map`,
  mappedTwice: (r) => `роль '${r}' призначено двічі`,
  filterForm: (m) => `--filter приймає СТОВПЕЦЬ=ЗНАЧЕННЯ, а не '${m}'`,
  needsFileName: (o) => `${o} потребує назви файлу`,
  unknownStocks: (m) => `невідомий метод --stocks '${m}': можливі zero або return`,
  needsRangeOrFile: (o) => `${o} потребує діапазону, напр. "Distances!B2:R18", або файлу`,
  periodNeedsPeriod: "--period потребує періоду, напр. 2005 або 1990-1995",
  chartTopNumber: (v) => `--chart-top приймає ціле число (0 лишає всі регіони), а не '${v}'`,
  unknownChartOrder: (o) => `невідомий --chart-order '${o}': можливі data або size`,
  unknownLang: (l) => `невідома --lang '${l}': можливі en або uk`,
  unknownOption: (o) => `невідомий параметр '${o}'`,
  noInput: "не вказано вхідного файлу",
  oneInput: (g) => `за раз можна обробити лише один вхідний файл (отримано ${g})`,

  outputIsInput: (o) => `файл звіту ${o} — це вхідний файл; звіт ніколи не перезаписує дані (виберіть інший -o)`,
  outputIsFolder: (o) => `${o} — це тека; вкажіть назву файлу через -o`,
  outputExists: (o) => `${o} вже існує; додайте --force, щоб перезаписати, або виберіть інший файл через -o`,
  noFolder: (f, d) => `не вдалося записати ${f}: теки ${d} не існує`,
  mapOutside: (l, w, first) => `--map: стовпець ${l} поза прочитаними даними (${w} ${ukForm(w, "стовпець", "стовпці", "стовпців")} від стовпця ${first})`,
  mapNoColumn: (c, h) => `--map: немає стовпця ${c}${h ? ` (заголовки: ${h})` : ""}; вкажіть назву заголовка або букву стовпця`,

  reading: (i, s) => `читання ${i} (${s})`,
  readSheet: (sheet, a, r, c, ms) => `прочитано аркуш '${sheet}' ${a}: ${rowsUk(r)} × ${uk$(c)} ${ukForm(c, "стовпець", "стовпці", "стовпців")} за ${ms} мс`,
  moreNotes: (n) => `… і ще приміток про прочитані клітинки: ${uk$(n)}`,
  readSide: (o, sheet, a) => `прочитано ${o === "distances" ? "відстані" : "населення"} з аркуша '${sheet}' ${a}`,
  kept: (n, w) => `лишилося ${rowsUk(n)}, де ${w}`,
  filterWhere: (c, v) => `${c} = ${v}`,
  and: " і ",
  cannotMakeOut: (a, why) => `не вдалося розпізнати дані в ${a}: ${why}`,
  noData: (a, why) => `у ${a} не знайдено таблиці країн, матриці чи списку потоків${why ? `: ${why}` : ""}; спробуйте --range, --shape або --map`,
  moreAggregates: (n) => `… і ще рядків підсумків чи агрегатів не враховано: ${uk$(n)}`,
  detected: (shape, conf, ms, first) => `розпізнано: ${SHAPE_UK[shape] ?? shape} (упевненість ${conf}) за ${ms} мс${first ? `: ${first}` : ""}`,
  unknownPeriod: (asked, found) => `--period: у даних немає періоду ${asked}; знайдено періоди: ${found}`,
  noPeriodColumn: (asked) => `--period: періоду ${asked} немає: у даних немає стовпця року чи періоду (призначте його, напр. year=<заголовок>)`,
  cannotBuild: (a, why) => `не вдалося створити звіт з ${a}: ${why}`,
  alsoMatrix: (r) => `; підписи рядка заголовків повторюють перший стовпець, тож це може бути матриця: вкажіть --range "${r}"`,
  alsoMatrices: (r) => `; матриця може бути в кількох місцях (${r}): вкажіть одне через --range`,
  planned: (s, c, mode, ms) => `сплановано аркушів: ${uk$(s)}, клітинок: ${uk$(c)}, режим ${mode}, за ${ms} мс`,
  drew: (r, f, ms) => `накреслено хордову діаграму (регіонів: ${uk$(r)}, потоків: ${uk$(f)}) за ${ms} мс`,
  writing: (o) => `запис ${o}`,
  appeared: (o) => `${o} з'явився, поки будувався звіт; додайте --force, щоб перезаписати`,
  cannotWrite: (f, why) => `не вдалося записати ${f}: ${why}`,
  wrote: (s, ms) => `записано ${s} за ${ms} мс`,
  report: (p) => `Звіт: ${p}`,
  chordFile: (p) => `Хордова діаграма: ${p}`,
  summary: (shape, source, sheets, mode) => `${SHAPE_UK[shape] ?? shape}, дані з ${source}; аркуші: ${sheets}; режим: ${mode}`,
  unexpected: "неочікувана помилка",
};

const STRINGS: Record<Lang, CliStrings> = { en, uk };

export function cliStrings(lang: Lang): CliStrings {
  return STRINGS[lang];
}

/** The locale's message language (POSIX order: LC_ALL, then LC_MESSAGES, then LANG); English when none is set. */
export function langFromEnv(env: Readonly<Record<string, string | undefined>>): Lang {
  const tag = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== "");
  return langOf(tag);
}
