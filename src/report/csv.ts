/**
 * CSV text to rows of cell values, as a spreadsheet would read it: RFC 4180 quoting (commas,
 * quotes and line breaks inside quoted fields), numbers become numbers, empty fields and `NA`
 * become blanks (null). Quoted fields stay text even when they look like numbers, as in Excel.
 */

export type CsvCell = string | number | null;

export function parseCsv(text: string): CsvCell[][] {
  const rows: CsvCell[][] = [];
  let row: CsvCell[] = [];
  let field = "";
  let quoted = false;
  let wasQuoted = false;
  const endField = () => {
    row.push(wasQuoted ? field : cellOf(field));
    field = "";
    wasQuoted = false;
  };
  const endRow = () => {
    endField();
    if (!(row.length === 1 && row[0] === null)) rows.push(row); // skip empty lines
    row = [];
  };
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text; // byte-order mark
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field === "") {
      quoted = true;
      wasQuoted = true;
    } else if (ch === ",") endField();
    else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && src[i + 1] === "\n") i++;
      endRow();
    } else field += ch;
  }
  if (field !== "" || wasQuoted || row.length > 0) endRow();
  return rows;
}

function cellOf(raw: string): CsvCell {
  const t = raw.trim();
  if (t === "" || t === "NA") return null;
  const n = Number(t);
  return Number.isFinite(n) && /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t) ? n : raw;
}
