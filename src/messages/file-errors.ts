/**
 * What the command line says when it cannot open its input (a missing, unreadable or
 * unsupported file, an unknown sheet or range, an .xlsx that is not a workbook) or cannot make
 * the chord diagram's files, in English or Ukrainian. A code with its parameters each, as the
 * other coded messages beside this module. A system's or a library's own explanation (`why`)
 * is quoted as it came.
 */
import type { Lang } from "./lang";

/** Why an .xlsx could not be opened, when the reader can tell (else its own words, `why`); `part`: the workbook part looked for. */
export type XlsxTrouble = "notZip" | "truncated" | "notWorkbook";

/** What each failure to open the input names, by code. */
export interface FileErrorParams {
  readonly oldXls: { readonly file: string };
  readonly ods: { readonly file: string };
  readonly isFolder: { readonly path: string };
  readonly noSuchFile: { readonly path: string };
  readonly permissionDenied: { readonly path: string };
  /** Any other failure of the system to read the file, in its words. */
  readonly cannotRead: { readonly path: string; readonly why: string };
  readonly empty: { readonly path: string };
  /** Not A1 notation. */
  readonly badRange: { readonly range: string };
  readonly rangeBeyondSheet: { readonly range: string };
  readonly sheetNoData: { readonly sheet: string };
  /** An .xlsx the reader cannot open: a known trouble, or the reader's own words. */
  readonly notXlsx: { readonly file: string; readonly trouble: XlsxTrouble; readonly part?: string } | { readonly file: string; readonly why: string };
  readonly noSheets: { readonly file: string };
  readonly sheetAndRange: { readonly sheet: string; readonly range: string };
  readonly noSheet: { readonly sheet: string; readonly file: string; readonly sheets: readonly string[] };
  /** A CSV file's one sheet is called `csvSheet`; another was asked for. */
  readonly csvOneSheet: { readonly sheet: string; readonly file: string; readonly csvSheet: string };
  readonly notText: { readonly file: string };
  /** --distances or --populations names neither a range nor a file. */
  readonly notRangeNorFile: { readonly spec: string };
}

/** What keeps the data from being drawn: a country table, no flow between two regions, cells that are not counts. */
export type DrawProblem = "table" | "noFlows" | "badCell";

/** What each failure of --chart names, by code. */
export interface ChartErrorParams {
  readonly withStocks: Record<string, never>;
  readonly isInputOrReport: { readonly file: string };
  readonly isFolder: { readonly file: string };
  readonly exists: { readonly file: string };
  readonly noFolder: { readonly file: string; readonly folder: string };
  readonly sameFile: Record<string, never>;
  /**
   * The diagram cannot be drawn: `why` in the drawing's (English) words; `problem`, when the
   * drawing names one, words it in every language (`cells`: the first cells at fault).
   */
  readonly cannotDraw: { readonly why: string; readonly problem?: DrawProblem; readonly cells?: readonly string[] };
  readonly cannotWrite: { readonly file: string; readonly why: string };
}

export type FileErrorCode = keyof FileErrorParams;
export type FileError = { [C in FileErrorCode]: { readonly code: C; readonly params: FileErrorParams[C] } }[FileErrorCode];
export type ChartErrorCode = keyof ChartErrorParams;
export type ChartError = { [C in ChartErrorCode]: { readonly code: C; readonly params: ChartErrorParams[C] } }[ChartErrorCode];

type Texts<P> = { readonly [C in keyof P]: (p: P[C]) => string };

type Troubles = { readonly [T in XlsxTrouble]: (part: string | undefined) => string };
const part = (p: string | undefined) => (p !== undefined ? ` (${p})` : "");
const TROUBLE_EN: Troubles = {
  notZip: () => "not a zip file: the file is damaged or is not an .xlsx workbook",
  truncated: () => "the zip file is truncated",
  notWorkbook: (p) => `no workbook part${part(p)} in the zip: not an .xlsx workbook`,
};
const TROUBLE_UK: Troubles = {
  notZip: () => "це не zip-архів: файл пошкоджено або це не книга .xlsx",
  truncated: () => "zip-архів обрізано",
  notWorkbook: (p) => `у zip-архіві немає частини книги${part(p)}: це не книга .xlsx`,
};
const troubleOf = (p: FileErrorParams["notXlsx"], words: Troubles) => ("trouble" in p ? words[p.trouble](p.part) : p.why);

const FILE_EN: Texts<FileErrorParams> = {
  oldXls: (p) => `${p.file}: old binary .xls workbooks cannot be read; save it as .xlsx or .csv`,
  ods: (p) => `${p.file}: .ods workbooks cannot be read; save it as .xlsx or .csv`,
  isFolder: (p) => `${p.path} is a folder, not a file`,
  noSuchFile: (p) => `no such file: ${p.path}`,
  permissionDenied: (p) => `cannot read ${p.path}: permission denied`,
  cannotRead: (p) => `cannot read ${p.path}: ${p.why}`,
  empty: (p) => `${p.path} is empty`,
  badRange: (p) => `bad range '${p.range}': expected A1 notation such as A1:D20`,
  rangeBeyondSheet: (p) => `bad range '${p.range}': beyond the last row or column of a sheet`,
  sheetNoData: (p) => `sheet '${p.sheet}' has no data`,
  notXlsx: (p) => `cannot read ${p.file} as an .xlsx workbook (${troubleOf(p, TROUBLE_EN)})`,
  noSheets: (p) => `${p.file} has no sheets`,
  sheetAndRange: (p) => `--sheet '${p.sheet}' and --range '${p.range}' name different sheets`,
  noSheet: (p) => `no sheet '${p.sheet}' in ${p.file} (sheets: ${p.sheets.map((s) => `'${s}'`).join(", ")})`,
  csvOneSheet: (p) => `no sheet '${p.sheet}' in ${p.file}: a CSV file has one sheet, read as '${p.csvSheet}'`,
  notText: (p) => `cannot read ${p.file}: it is neither an .xlsx workbook nor a text (CSV) file`,
  notRangeNorFile: (p) => `'${p.spec}' is neither a range such as Distances!B2:R18 nor a file`,
};

const FILE_UK: Texts<FileErrorParams> = {
  oldXls: (p) => `${p.file}: старі двійкові книги .xls не читаються; збережіть файл як .xlsx або .csv`,
  ods: (p) => `${p.file}: книги .ods не читаються; збережіть файл як .xlsx або .csv`,
  isFolder: (p) => `${p.path} — це тека, а не файл`,
  noSuchFile: (p) => `файлу немає: ${p.path}`,
  permissionDenied: (p) => `не вдалося прочитати ${p.path}: доступ заборонено`,
  cannotRead: (p) => `не вдалося прочитати ${p.path}: ${p.why}`,
  empty: (p) => `${p.path} порожній`,
  badRange: (p) => `хибний діапазон '${p.range}': очікується запис A1, напр. A1:D20`,
  rangeBeyondSheet: (p) => `хибний діапазон '${p.range}': виходить за останній рядок чи стовпець аркуша`,
  sheetNoData: (p) => `на аркуші '${p.sheet}' немає даних`,
  notXlsx: (p) => `не вдалося прочитати ${p.file} як книгу .xlsx (${troubleOf(p, TROUBLE_UK)})`,
  noSheets: (p) => `у ${p.file} немає аркушів`,
  sheetAndRange: (p) => `--sheet '${p.sheet}' і --range '${p.range}' називають різні аркуші`,
  noSheet: (p) => `у ${p.file} немає аркуша '${p.sheet}' (аркуші: ${p.sheets.map((s) => `'${s}'`).join(", ")})`,
  csvOneSheet: (p) => `у ${p.file} немає аркуша '${p.sheet}': файл CSV має один аркуш, прочитаний як '${p.csvSheet}'`,
  notText: (p) => `не вдалося прочитати ${p.file}: це ні книга .xlsx, ні текстовий файл (CSV)`,
  notRangeNorFile: (p) => `'${p.spec}' — це ні діапазон на кшталт Distances!B2:R18, ні файл`,
};

const CHART_EN: Texts<ChartErrorParams> = {
  withStocks: () => "--chart draws flows; with --stocks the list holds migrant stocks (draw the Estimated Flows sheet's matrix instead)",
  isInputOrReport: (p) => `the chart file ${p.file} is the input or the report; choose another name`,
  isFolder: (p) => `${p.file} is a folder; give a file name`,
  exists: (p) => `${p.file} already exists; use --force to overwrite it`,
  noFolder: (p) => `cannot write ${p.file}: folder ${p.folder} does not exist`,
  sameFile: () => "--chart-svg and --chart-png name the same file",
  cannotDraw: (p) => `cannot draw the chord diagram: ${p.why}`,
  cannotWrite: (p) => `cannot write ${p.file}: ${p.why}`,
};

const DRAW_UK: { readonly [D in DrawProblem]: (cells: readonly string[]) => string } = {
  table: () => "хордова діаграма показує потоки: їй потрібна матриця «звідки × куди» або довгий список «звідки — куди — потік», а не таблиця країн",
  noFlows: () => "немає потоків між двома різними регіонами",
  badCell: (cells) => `потоки мають бути невід'ємними числами; ці клітинки — ні: ${cells.join(", ")}`,
};

const CHART_UK: Texts<ChartErrorParams> = {
  withStocks: () => "--chart креслить потоки; із --stocks список містить запаси мігрантів (натомість накресліть матрицю аркуша Estimated Flows)",
  isInputOrReport: (p) => `файл діаграми ${p.file} — це вхідний файл або звіт; виберіть іншу назву`,
  isFolder: (p) => `${p.file} — це тека; вкажіть назву файлу`,
  exists: (p) => `${p.file} вже існує; додайте --force, щоб перезаписати`,
  noFolder: (p) => `не вдалося записати ${p.file}: теки ${p.folder} не існує`,
  sameFile: () => "--chart-svg і --chart-png називають той самий файл",
  cannotDraw: (p) => `не вдалося накреслити хордову діаграму: ${p.problem !== undefined ? DRAW_UK[p.problem](p.cells ?? []) : p.why}`,
  cannotWrite: (p) => `не вдалося записати ${p.file}: ${p.why}`,
};

const FILE: Readonly<Record<Lang, Texts<FileErrorParams>>> = { en: FILE_EN, uk: FILE_UK };
const CHART: Readonly<Record<Lang, Texts<ChartErrorParams>>> = { en: CHART_EN, uk: CHART_UK };

/** A failure to open the input, as one line in `lang`. */
export function renderFileError(error: FileError, lang: Lang): string {
  const text = FILE[lang][error.code] as (p: FileError["params"]) => string;
  return text(error.params);
}

/** A failure of --chart, as one line in `lang`. */
export function renderChartError(error: ChartError, lang: Lang): string {
  const text = CHART[lang][error.code] as (p: ChartError["params"]) => string;
  return text(error.params);
}
