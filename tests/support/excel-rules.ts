/**
 * Excel's rules beyond the schema, checked on an .xlsx file: what a schema-valid file can still
 * get wrong and Excel then "repairs" (removes) or refuses. Returns one line per violation (none:
 * the file keeps every rule). Read with regular expressions over the parts as this project's
 * writer produces them (flat, one element after another), not as a general SpreadsheetML reader.
 *
 * Limits from Microsoft's "Excel specifications and limits"; the rest from ECMA-376 Part 1
 * (§18.3.1.40 shared formulas, §18.5 tables, §18.4 shared strings, §18.8 styles) and Part 2
 * (content types, relationships).
 */
import { posix } from "path";
import { decodeXmlText, readZip } from "./zip";

export const LIMITS = { rows: 1_048_576, columns: 16_384, cellText: 32_767, formula: 8_192, tableColumnName: 255, sheetName: 31, columnWidth: 255 } as const;

/** The rules checked, as the test names them. */
export const RULES = [
  "content types: every part has one, every override names a part",
  "relationships: unique ids, every target exists, every part is reached, every r:id resolves",
  "sheet names: 1-31 characters, none of []:*?/\\, no leading or trailing apostrophe, unique ignoring case, not History",
  "rows in ascending order within the grid; cells in ascending columns, on their row, within the grid",
  "style indexes and counts (cellXfs, fonts, fills, borders, numFmts) right",
  "shared strings: every index exists, count and uniqueCount right",
  "shared formulas: the master (text and ref) first, inside its range; members inside the master's range",
  "cell text at most 32,767 characters; formulas at most 8,192",
  "formula and chart references: every sheet name quoted correctly and naming a sheet of the workbook",
  "tables: names valid and unique, ids unique, columns = range width, column names non-empty, unique ignoring case, at most 255 characters, header cells equal to them",
  "column widths at most 255; drawing anchors within the grid",
] as const;

function attributes(s: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of s.matchAll(/([\w:]+)="([^"]*)"/g)) out[m[1]] = m[2];
  return out;
}

/** XML entities only (for attributes and references that are not ST_Xstring). */
function entities(s: string): string {
  return s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");
}

function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** "$B$2" → 0-based row and column. */
function cellAt(ref: string): { row: number; col: number } | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref);
  return m ? { row: Number(m[2]) - 1, col: colIndex(m[1]) } : undefined;
}

function rangeAt(ref: string): { top: number; left: number; bottom: number; right: number } | undefined {
  const [a, b = a] = ref.split(":");
  const p = cellAt(a);
  const q = cellAt(b);
  return p && q ? { top: p.row, left: p.col, bottom: q.row, right: q.col } : undefined;
}

const inside = (p: { row: number; col: number }, r: { top: number; left: number; bottom: number; right: number }) => p.row >= r.top && p.row <= r.bottom && p.col >= r.left && p.col <= r.right;

/** A relationships part's source part ("" for the package). */
function relsSource(rels: string): string {
  const m = /^(.*?)_rels\/([^/]+)\.rels$/.exec(rels);
  return m ? `${m[1]}${m[2]}` : "";
}

function resolveTarget(source: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  return posix.normalize(posix.join(posix.dirname(source), target)).replace(/^\.\//, "");
}

/**
 * Sheet names referenced by a formula or chart reference, outside string literals; a quote
 * that opens no sheet reference, or a leftover `{{name}}` placeholder, is a problem.
 */
export function sheetReferences(formula: string): { sheets: string[]; problems: string[] } {
  const sheets: string[] = [];
  const problems: string[] = [];
  // One scan, left to right: a string literal, a quoted name (a sheet when "!" follows), or the rest.
  const rest = formula.replace(/"(?:[^"]|"")*"|'((?:[^']|'')*)'(!?)/g, (m: string, name: string | undefined, bang: string | undefined) => {
    if (m.startsWith('"')) return " ";
    if (!bang) problems.push(`a quoted name not followed by "!": '${name}'`);
    else sheets.push((name ?? "").replace(/''/g, "'"));
    return " ";
  });
  if (rest.includes("{{")) problems.push(`a placeholder left in the formula: ${rest.slice(rest.indexOf("{{"), rest.indexOf("{{") + 40)}`);
  if (/['"]/.test(rest)) problems.push(`an unpaired quote in ${JSON.stringify(rest.slice(0, 80))}`);
  // An unquoted sheet name before "!"; error literals (#VALUE!, #NUM!, #NULL!, #REF!) are not sheets.
  for (const m of rest.matchAll(/(?<![\w.#])([A-Za-z_][\w.]*)!/g)) sheets.push(m[1]);
  return { sheets, problems };
}

/** Every rule of RULES that the file at `path` breaks, one line each. */
export function excelRuleViolations(path: string): string[] {
  const zip = readZip(path);
  const out: string[] = [];
  const fail = (msg: string) => {
    if (out.length < 200) out.push(msg);
  };

  // Content types.
  const ct = zip.get("[Content_Types].xml") ?? "";
  if (!ct) fail("no [Content_Types].xml");
  const defaults = new Map<string, string>();
  const overrides = new Map<string, string>();
  for (const m of ct.matchAll(/<Default\b([^>]*)>/g)) {
    const a = attributes(m[1]);
    defaults.set(a.Extension.toLowerCase(), a.ContentType);
  }
  for (const m of ct.matchAll(/<Override\b([^>]*)>/g)) {
    const a = attributes(m[1]);
    overrides.set(entities(a.PartName), a.ContentType);
  }
  for (const part of zip.keys()) {
    if (part === "[Content_Types].xml" || part.endsWith("/")) continue;
    if (!overrides.has(`/${part}`) && !defaults.has(part.slice(part.lastIndexOf(".") + 1).toLowerCase())) fail(`${part}: no content type`);
  }
  for (const name of overrides.keys()) if (!zip.has(name.slice(1))) fail(`[Content_Types].xml: override for ${name}, which is not in the package`);

  // Relationships.
  const reached = new Set<string>();
  const relsByPart = new Map<string, Map<string, { type: string; target: string }>>();
  for (const [part, xml] of zip) {
    if (!part.endsWith(".rels")) continue;
    const source = relsSource(part);
    if (source && !zip.has(source)) fail(`${part}: relationships of ${source}, which is not in the package`);
    const ids = new Map<string, { type: string; target: string }>();
    for (const m of xml.matchAll(/<Relationship\b([^>]*)>/g)) {
      const a = attributes(m[1]);
      if (ids.has(a.Id)) fail(`${part}: relationship id ${a.Id} twice`);
      if (a.TargetMode === "External") continue;
      const target = resolveTarget(source || "x", entities(a.Target));
      ids.set(a.Id, { type: a.Type, target });
      if (!zip.has(target)) fail(`${part}: ${a.Id} targets ${target}, which is not in the package`);
      reached.add(target);
    }
    relsByPart.set(source, ids);
  }
  for (const part of zip.keys()) if (part !== "[Content_Types].xml" && !part.endsWith(".rels") && !reached.has(part)) fail(`${part}: no relationship reaches it`);
  for (const [part, xml] of zip) {
    if (part.endsWith(".rels")) continue;
    const rels = relsByPart.get(part);
    for (const m of xml.matchAll(/\br:(?:id|embed|link)="([^"]*)"/g)) if (!rels?.has(m[1])) fail(`${part}: r:id ${m[1]} has no relationship`);
  }

  // Workbook and sheet names.
  const wb = zip.get("xl/workbook.xml") ?? "";
  const wbRels = relsByPart.get("xl/workbook.xml") ?? new Map();
  const sheets: { name: string; part: string }[] = [];
  const seenNames = new Set<string>();
  for (const m of wb.matchAll(/<sheet\b([^>]*)>/g)) {
    const a = attributes(m[1]);
    const name = decodeXmlText(a.name ?? "");
    if (name.length < 1 || name.length > LIMITS.sheetName) fail(`sheet name '${name}': ${name.length} characters (1 to 31)`);
    if (/[[\]:*?/\\]/.test(name)) fail(`sheet name '${name}': a character Excel forbids`);
    if (/^'|'$/.test(name)) fail(`sheet name '${name}': starts or ends with an apostrophe`);
    if (name.toLowerCase() === "history") fail(`sheet name '${name}': reserved`);
    if (seenNames.has(name.toLowerCase())) fail(`sheet name '${name}' twice (ignoring case)`);
    seenNames.add(name.toLowerCase());
    const rel = wbRels.get(a["r:id"]);
    if (rel) sheets.push({ name, part: rel.target });
  }
  const sheetExists = (name: string) => seenNames.has(name.toLowerCase());
  const checkRefs = (where: string, formula: string) => {
    const { sheets: refs, problems } = sheetReferences(formula);
    for (const p of problems) fail(`${where}: ${p} in ${formula.slice(0, 120)}`);
    for (const s of refs) if (!sheetExists(s)) fail(`${where}: references sheet '${s}', which is not in the workbook: ${formula.slice(0, 120)}`);
  };

  // Styles.
  const styles = zip.get("xl/styles.xml") ?? "";
  const block = (tag: string) => new RegExp(`<${tag}\\b([^>]*)>([\\s\\S]*?)</${tag}>`).exec(styles);
  const counted = (tag: string, item: string): number => {
    const b = block(tag);
    if (!b) return 0;
    const n = [...b[2].matchAll(new RegExp(`<${item}\\b`, "g"))].length;
    const declared = attributes(b[1]).count;
    if (declared !== undefined && Number(declared) !== n) fail(`xl/styles.xml: ${tag} count="${declared}" but ${n} <${item}>`);
    return n;
  };
  const fonts = counted("fonts", "font");
  const fills = counted("fills", "fill");
  const borders = counted("borders", "border");
  counted("numFmts", "numFmt");
  const xfCount = counted("cellXfs", "xf");
  const customFormats = new Set([...styles.matchAll(/<numFmt\b([^>]*)>/g)].map((m) => Number(attributes(m[1]).numFmtId)));
  for (const m of (block("cellXfs")?.[2] ?? "").matchAll(/<xf\b([^>]*)>/g)) {
    const a = attributes(m[1]);
    if (Number(a.fontId) >= fonts || Number(a.fillId) >= fills || Number(a.borderId) >= borders) fail(`xl/styles.xml: xf ${m[1]} refers to a missing font, fill or border`);
    const id = Number(a.numFmtId ?? 0);
    if (id >= 164 && !customFormats.has(id)) fail(`xl/styles.xml: numFmtId ${id} is not defined`);
  }

  // Shared strings.
  const sst = zip.get("xl/sharedStrings.xml") ?? "";
  const items = [...sst.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => decodeXmlText([...m[1].matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join("")));
  const sstAttrs = attributes(/<sst\b([^>]*)>/.exec(sst)?.[1] ?? "");
  if (sst && Number(sstAttrs.uniqueCount) !== items.length) fail(`xl/sharedStrings.xml: uniqueCount="${sstAttrs.uniqueCount}" but ${items.length} items`);
  items.forEach((t, i) => t.length > LIMITS.cellText && fail(`shared string ${i}: ${t.length} characters (at most ${LIMITS.cellText})`));
  let stringCells = 0;

  // Worksheets.
  const tableNames = new Set<string>();
  const tableIds = new Set<string>();
  for (const { name, part } of sheets) {
    const xml = zip.get(part) ?? "";
    const where = (ref: string) => `'${name}'!${ref}`;
    const textAt = new Map<string, string>();
    let lastRow = 0;
    const masters = new Map<string, { top: number; left: number; bottom: number; right: number }>();
    const data = /<sheetData>([\s\S]*)<\/sheetData>/.exec(xml)?.[1] ?? "";
    for (const row of data.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
      const r = Number(attributes(row[1]).r);
      if (!(r > lastRow)) fail(`${part}: row ${r} after row ${lastRow}`);
      if (r > LIMITS.rows) fail(`${part}: row ${r} beyond the grid`);
      lastRow = r;
      let lastCol = -1;
      for (const c of (row[2] ?? "").matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
        const a = attributes(c[1]);
        const at = cellAt(a.r ?? "");
        if (!at) {
          fail(`${part}: a cell without an address in row ${r}`);
          continue;
        }
        if (at.row + 1 !== r) fail(`${part}: cell ${a.r} in row ${r}`);
        if (at.col <= lastCol) fail(`${part}: cell ${a.r} out of column order`);
        if (at.col >= LIMITS.columns) fail(`${part}: cell ${a.r} beyond the grid`);
        lastCol = at.col;
        if (a.s !== undefined && Number(a.s) >= xfCount) fail(`${where(a.r)}: style ${a.s} of ${xfCount}`);
        const inner = c[2] ?? "";
        const v = /<v>([\s\S]*?)<\/v>/.exec(inner)?.[1];
        if (a.t === "s") {
          stringCells++;
          const k = Number(v);
          if (!(k >= 0 && k < items.length)) fail(`${where(a.r)}: shared string ${v} of ${items.length}`);
          else textAt.set(a.r, items[k]);
        } else if ((a.t === "str" || a.t === "e") && v !== undefined) {
          const t = decodeXmlText(v);
          if (t.length > LIMITS.cellText) fail(`${where(a.r)}: ${t.length} characters`);
          textAt.set(a.r, t);
        } else if (a.t === "inlineStr") {
          const t = decodeXmlText([...inner.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((x) => x[1]).join(""));
          if (t.length > LIMITS.cellText) fail(`${where(a.r)}: ${t.length} characters`);
          textAt.set(a.r, t);
        }
        const f = /<f\b([^>]*?)(?:\/>|>([\s\S]*?)<\/f>)/.exec(inner);
        if (f) {
          const fa = attributes(f[1]);
          const text = decodeXmlText(f[2] ?? "");
          if (text.length > LIMITS.formula) fail(`${where(a.r)}: formula of ${text.length} characters`);
          if (text) checkRefs(where(a.r), text);
          if (fa.t === "shared") {
            if (fa.ref !== undefined) {
              const range = rangeAt(fa.ref);
              if (masters.has(fa.si)) fail(`${where(a.r)}: shared formula ${fa.si} has a second master`);
              if (!range || !inside(at, range) || at.row !== range.top || at.col !== range.left) fail(`${where(a.r)}: shared formula master not at the top left of its range ${fa.ref}`);
              if (!text) fail(`${where(a.r)}: shared formula master without text`);
              if (range) masters.set(fa.si, range);
            } else {
              const range = masters.get(fa.si);
              if (!range) fail(`${where(a.r)}: shared formula ${fa.si} used before its master`);
              else if (!inside(at, range)) fail(`${where(a.r)}: outside shared formula ${fa.si}'s range`);
            }
          } else if (fa.t === "array") {
            const range = rangeAt(fa.ref ?? "");
            if (!range || !inside(at, range)) fail(`${where(a.r)}: array formula range ${fa.ref} does not hold the cell`);
          }
        }
      }
    }
    for (const m of xml.matchAll(/<col\b([^>]*)>/g)) {
      const a = attributes(m[1]);
      if (Number(a.max) > LIMITS.columns || Number(a.min) < 1) fail(`${part}: <col min="${a.min}" max="${a.max}"> beyond the grid`);
      if (a.width !== undefined && !(Number(a.width) >= 0 && Number(a.width) <= LIMITS.columnWidth)) fail(`${part}: column width ${a.width} (at most 255)`);
    }

    // Tables of this sheet.
    const rels = relsByPart.get(part) ?? new Map();
    for (const m of xml.matchAll(/<tablePart\b([^>]*)>/g)) {
      const rel = rels.get(attributes(m[1])["r:id"]);
      const table = rel && zip.get(rel.target);
      if (!table) continue;
      const a = attributes(/<table\b([^>]*)>/.exec(table)?.[1] ?? "");
      const tname = entities(a.name ?? "");
      const display = entities(a.displayName ?? "");
      for (const n of new Set([tname, display])) {
        if (!/^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(n) || n.length > 255 || /^[A-Za-z]{1,3}\d+$/.test(n) || /^[RrCc]$/.test(n) || /^[Rr]\d*[Cc]\d*$/.test(n)) fail(`${rel.target}: table name '${n}' is not valid`);
      }
      if (tableNames.has(display.toLowerCase())) fail(`${rel.target}: table name '${display}' twice in the workbook`);
      tableNames.add(display.toLowerCase());
      if (tableIds.has(a.id)) fail(`${rel.target}: table id ${a.id} twice`);
      tableIds.add(a.id);
      const range = rangeAt(a.ref ?? "");
      if (!range || range.bottom >= LIMITS.rows || range.right >= LIMITS.columns) {
        fail(`${rel.target}: ref ${a.ref} is not a range within the grid`);
        continue;
      }
      const filter = /<autoFilter\b([^>]*)>/.exec(table);
      if (filter && attributes(filter[1]).ref !== a.ref) fail(`${rel.target}: autoFilter ${attributes(filter[1]).ref} is not the table's range ${a.ref}`);
      const columns = [...table.matchAll(/<tableColumn\b([^>]*)>/g)].map((c) => decodeXmlText(attributes(c[1]).name ?? ""));
      if (columns.length !== range.right - range.left + 1) fail(`${rel.target}: ${columns.length} columns for the range ${a.ref}`);
      const seen = new Set<string>();
      columns.forEach((c, j) => {
        if (!c) fail(`${rel.target}: column ${j + 1} has no name`);
        if (c.length > LIMITS.tableColumnName) fail(`${rel.target}: column name of ${c.length} characters (at most 255)`);
        if (seen.has(c.toLowerCase())) fail(`${rel.target}: column name '${c.slice(0, 40)}' twice (ignoring case)`);
        seen.add(c.toLowerCase());
        const ref = `${letters(range.left + j)}${range.top + 1}`;
        const header = textAt.get(ref);
        if (header !== c) fail(`${where(ref)}: header cell ${JSON.stringify(header?.slice(0, 60))} is not the column name ${JSON.stringify(c.slice(0, 60))}`);
      });
    }
  }
  if (sst && Number(sstAttrs.count) !== stringCells) fail(`xl/sharedStrings.xml: count="${sstAttrs.count}" but ${stringCells} string cells`);

  // Charts and drawings.
  for (const [part, xml] of zip) {
    if (/^xl\/charts\/chart\d+\.xml$/.test(part)) for (const m of xml.matchAll(/<c:f>([\s\S]*?)<\/c:f>/g)) checkRefs(part, entities(m[1]));
    if (/^xl\/drawings\/drawing\d+\.xml$/.test(part)) {
      for (const m of xml.matchAll(/<xdr:col>(\d+)<\/xdr:col>/g)) if (Number(m[1]) >= LIMITS.columns) fail(`${part}: anchor column ${m[1]} beyond the grid`);
      for (const m of xml.matchAll(/<xdr:row>(\d+)<\/xdr:row>/g)) if (Number(m[1]) >= LIMITS.rows) fail(`${part}: anchor row ${m[1]} beyond the grid`);
    }
  }
  return out;
}

function letters(col: number): string {
  let s = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
