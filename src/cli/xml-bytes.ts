/**
 * A byte-level XML tokenizer for the regular form that spreadsheet writers produce: elements
 * (prefixed or not), quoted attributes, text with the five named entities and character
 * references, an XML declaration first. It reads the UTF-8 bytes as they are inflated, builds
 * no string for a name or an attribute the caller does not ask for, and allocates nothing per
 * element: on a 1,000,000-cell sheet saxes, building a tag object and strings for every element,
 * spent about three quarters of the read in parsing and garbage collection.
 *
 * Anything outside that form — comments, CDATA, processing instructions, a DOCTYPE, an unknown
 * entity, and every well-formedness error it checks (mismatched or unclosed tags, bad names,
 * unquoted or repeated attributes, '<' in a value, text outside the root) — throws
 * NotRegularXml, and the caller reads the part again with saxes, the conforming parser, which
 * reads it or reports the error.
 */

/** The part needs the conforming parser (saxes). */
export class NotRegularXml extends Error {
  constructor(why: string) {
    super(why);
    this.name = "NotRegularXml";
  }
}

/** The element names the .xlsx reader acts on, by local name (the prefix dropped). */
export const NAME = {
  other: 0,
  row: 1,
  c: 2,
  v: 3,
  f: 4,
  is: 5,
  t: 6,
  rPh: 7,
  sheetData: 8,
  mergeCell: 9,
  si: 10,
} as const;

export interface ByteXmlHandler {
  /** An element opens; its attributes are read from `x` during the call. */
  open(name: number, x: ByteXml, selfClosing: boolean, buf: Buffer): void;
  close(name: number): void;
  /** Raw text bytes (entities not decoded: see ByteXml.text). */
  text(buf: Buffer, start: number, end: number): void;
}

const LT = 60;
const GT = 62;
const SLASH = 47;
const EQ = 61;

/** The first `b` at or after `from` in buf, or -1: a loop, as the distances are short (Buffer.indexOf costs more per call than it saves). */
function find(buf: Buffer, b: number, from: number): number {
  const n = buf.length;
  for (let i = from; i < n; i++) if (buf[i] === b) return i;
  return -1;
}

/** Per byte: 1 a name character, 2 a name start, 4 white space (XML's, ASCII exactly; every non-ASCII byte a name character, as UTF-8 letters are). */
const CLASS = (() => {
  const t = new Uint8Array(256);
  for (let b = 0; b < 256; b++) {
    const start = (b >= 97 && b <= 122) || (b >= 65 && b <= 90) || b === 95 || b === 58 || b >= 0x80;
    if (start) t[b] = 3;
    else if ((b >= 48 && b <= 57) || b === 45 || b === 46) t[b] = 1;
    else if (b === 32 || b === 10 || b === 9 || b === 13) t[b] = 4;
  }
  return t;
})();

function isSpace(b: number): boolean {
  return (CLASS[b] & 4) !== 0;
}

function isNameStart(b: number): boolean {
  return (CLASS[b] & 2) !== 0;
}

function isNameChar(b: number): boolean {
  return (CLASS[b] & 1) !== 0;
}

const ENTITIES: Readonly<Record<string, string>> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function decodeEntities(s: string): string {
  return s.replace(/&([^;&]*);|&/g, (m, e: string | undefined) => {
    if (e === undefined) throw new NotRegularXml("a bare '&'");
    const named = ENTITIES[e];
    if (named !== undefined) return named;
    const code = /^#x[0-9a-fA-F]+$/.test(e) ? parseInt(e.slice(2), 16) : /^#[0-9]+$/.test(e) ? parseInt(e.slice(1), 10) : NaN;
    // XML's Char: tab, line feed, carriage return, U+0020–U+D7FF, U+E000–U+FFFD, U+10000–U+10FFFF
    const char = code === 9 || code === 10 || code === 13 || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
    if (!char) throw new NotRegularXml(`the character reference ${m}`);
    return String.fromCodePoint(code);
  });
}

/** The local name's id: the bytes after the first ':' compared with the names the reader uses. */
function nameId(buf: Buffer, start: number, end: number): number {
  for (let i = start; i < end; i++) {
    if (buf[i] === 58) {
      start = i + 1;
      break;
    }
  }
  const len = end - start;
  const b0 = buf[start];
  switch (len) {
    case 1:
      return b0 === 99 ? NAME.c : b0 === 118 ? NAME.v : b0 === 102 ? NAME.f : b0 === 116 ? NAME.t : NAME.other;
    case 2:
      if (b0 === 105 && buf[start + 1] === 115) return NAME.is;
      if (b0 === 115 && buf[start + 1] === 105) return NAME.si;
      return NAME.other;
    case 3:
      if (b0 === 114 && buf[start + 1] === 111 && buf[start + 2] === 119) return NAME.row;
      if (b0 === 114 && buf[start + 1] === 80 && buf[start + 2] === 104) return NAME.rPh;
      return NAME.other;
    case 9: {
      const s = buf.toString("latin1", start, end);
      return s === "sheetData" ? NAME.sheetData : s === "mergeCell" ? NAME.mergeCell : NAME.other;
    }
    default:
      return NAME.other;
  }
}

/** Feed it chunks with write(), then end(); it calls the handler as elements open and close. */
export class ByteXml {
  /** The buffer the current element's attributes are in. */
  private buf: Buffer = Buffer.alloc(0);
  /** Per attribute of the current element: name start, name end, value start, value end. */
  private attrs = new Int32Array(64);
  private nAttrs = 0;
  /** Per open element: a hash of its full name (to match its end tag) and its name id. */
  private hashes = new Int32Array(64);
  private ids = new Uint8Array(64);
  private depth = 0;
  private started = false;
  private rootClosed = false;
  private carry: Buffer | undefined;

  constructor(private readonly h: ByteXmlHandler) {
    if (!primed) prime();
  }

  write(chunk: Buffer): void {
    const carry = this.carry;
    this.carry = undefined;
    if (!carry) return this.scan(chunk, false);
    // The token cut at the last chunk's end is completed with this chunk's head, not the whole
    // chunk copied: text up to the first '<', a tag up to the first '>' (the rest copied only if
    // an attribute value holds a '>').
    const lt = find(chunk, LT, 0);
    if (!this.started || lt < 0) return this.scan(Buffer.concat([carry, chunk]), false);
    if (carry[0] !== LT) {
      const text = Buffer.concat([carry, chunk.subarray(0, lt)]);
      this.text(text, 0, text.length);
      return this.scan(chunk.subarray(lt), false);
    }
    const gt = find(chunk, GT, 0);
    if (gt < 0 || gt > lt) return this.scan(Buffer.concat([carry, chunk]), false);
    this.scan(Buffer.concat([carry, chunk.subarray(0, gt + 1)]), false);
    const left = this.carry as Buffer | undefined;
    this.carry = undefined;
    this.scan(left ? Buffer.concat([left, chunk.subarray(gt + 1)]) : chunk.subarray(gt + 1), false);
  }

  private text(buf: Buffer, i: number, j: number): void {
    if (this.depth === 0) {
      for (let k = i; k < j; k++) if (!isSpace(buf[k])) throw new NotRegularXml("text outside the root element");
    } else this.h.text(buf, i, j);
  }

  end(): void {
    this.scan(this.carry ?? Buffer.alloc(0), true);
    this.carry = undefined;
    if (!this.rootClosed) throw new NotRegularXml("the root element is not closed");
  }

  /** Where the value found by the last valueOf ends. */
  valueEnd = 0;

  /**
   * Where the value of the current element's attribute `name` (its full name, as written)
   * starts in the element's buffer (the `buf` given to open), its end in valueEnd; -1 if absent.
   */
  valueOf(name: string): number {
    const a = this.attrs;
    const buf = this.buf;
    const len = name.length;
    for (let k = 0; k < this.nAttrs; k++) {
      const s = a[4 * k];
      if (a[4 * k + 1] - s !== len) continue;
      let j = 0;
      while (j < len && buf[s + j] === name.charCodeAt(j)) j++;
      if (j === len) {
        this.valueEnd = a[4 * k + 3];
        return a[4 * k + 2];
      }
    }
    return -1;
  }

  /** valueOf for a one-letter name, given as its character code (`c`'s r, t and s, a million times on a large sheet). */
  valueOf1(code: number): number {
    const a = this.attrs;
    const buf = this.buf;
    for (let k = 0; k < this.nAttrs; k++) {
      const s = a[4 * k];
      if (a[4 * k + 1] - s === 1 && buf[s] === code) {
        this.valueEnd = a[4 * k + 3];
        return a[4 * k + 2];
      }
    }
    return -1;
  }

  /** An attribute's value as text (XML's line-end and attribute-value normalisation, entities decoded). */
  attr(name: string): string | undefined {
    const start = this.valueOf(name);
    if (start < 0) return undefined;
    let s = this.buf.toString("utf8", start, this.valueEnd);
    if (/[\r\n\t]/.test(s)) s = s.replace(/\r\n?/g, "\n").replace(/[\n\t]/g, " ");
    return s.indexOf("&") < 0 ? s : decodeEntities(s);
  }

  /** Text bytes as a string (line ends normalised, entities decoded). */
  static text(buf: Buffer, start: number, end: number): string {
    let s = buf.toString("utf8", start, end);
    if (s.indexOf("\r") >= 0) s = s.replace(/\r\n?/g, "\n");
    return s.indexOf("&") < 0 ? s : decodeEntities(s);
  }

  private keep(buf: Buffer, from: number, final: boolean): void {
    if (final) throw new NotRegularXml("the part ends inside a tag");
    this.carry = Buffer.from(buf.subarray(from));
  }

  private scan(buf: Buffer, final: boolean): void {
    const n = buf.length;
    let i = 0;
    if (!this.started) {
      if (n < 9 && !final) return this.keep(buf, 0, final); // a BOM and "<?xml "
      if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) i = 3;
      if (buf.toString("latin1", i, i + 6) === "<?xml ") {
        const end = buf.indexOf("?>", i);
        if (end < 0) return this.keep(buf, 0, final);
        i = end + 2;
      }
      this.started = true;
    }
    this.buf = buf;
    while (i < n) {
      if (buf[i] !== LT) {
        let j = find(buf, LT, i);
        if (j < 0) {
          if (!final) return this.keep(buf, i, final);
          j = n;
        }
        this.text(buf, i, j);
        i = j;
        continue;
      }
      if (i + 1 >= n) return this.keep(buf, i, final);
      const b1 = buf[i + 1];
      if (b1 === SLASH) {
        const gt = find(buf, GT, i + 2);
        if (gt < 0) return this.keep(buf, i, final);
        let p = i + 2;
        if (!isNameStart(buf[p])) throw new NotRegularXml("a bad end tag");
        let hash = 0;
        while (p < gt && isNameChar(buf[p])) hash = (Math.imul(hash, 31) + buf[p++]) | 0;
        const nameEnd = p;
        while (p < gt && isSpace(buf[p])) p++;
        if (p !== gt || this.depth === 0) throw new NotRegularXml("a bad end tag");
        const d = --this.depth;
        if (this.hashes[d] !== ((Math.imul(hash, 31) + (nameEnd - i)) | 0)) throw new NotRegularXml("an end tag that does not match");
        this.h.close(this.ids[d]);
        if (d === 0) this.rootClosed = true;
        i = gt + 1;
        continue;
      }
      if (b1 === 33 || b1 === 63) throw new NotRegularXml("a comment, CDATA, DOCTYPE or processing instruction"); // <! <?
      if (this.rootClosed) throw new NotRegularXml("a second root element");
      // a start tag
      let p = i + 1;
      if (!isNameStart(buf[p])) throw new NotRegularXml("a bad start tag");
      let hash = 0;
      while (p < n && isNameChar(buf[p])) hash = (Math.imul(hash, 31) + buf[p++]) | 0;
      if (p >= n) return this.keep(buf, i, final);
      const id = nameId(buf, i + 1, p);
      hash = (Math.imul(hash, 31) + (p - i - 1 + 2)) | 0; // the end tag's hash adds "</" + name's length
      let nAttrs = 0;
      let selfClosing = false;
      let complete = false;
      for (;;) {
        const before = p;
        while (p < n && isSpace(buf[p])) p++;
        if (p >= n) break;
        const b = buf[p];
        if (b === GT) {
          p++;
          complete = true;
          break;
        }
        if (b === SLASH) {
          if (p + 1 >= n) break;
          if (buf[p + 1] !== GT) throw new NotRegularXml("a bad start tag");
          p += 2;
          selfClosing = true;
          complete = true;
          break;
        }
        if (p === before || !isNameStart(b)) throw new NotRegularXml("a bad attribute");
        const ns = p;
        while (p < n && isNameChar(buf[p])) p++;
        const ne = p;
        while (p < n && isSpace(buf[p])) p++;
        if (p >= n) break;
        if (buf[p] !== EQ) throw new NotRegularXml("an attribute without a value");
        p++;
        while (p < n && isSpace(buf[p])) p++;
        if (p >= n) break;
        const q = buf[p];
        if (q !== 34 && q !== 39) throw new NotRegularXml("an unquoted attribute");
        const vs = p + 1;
        let ve = vs;
        while (ve < n && buf[ve] !== q) {
          if (buf[ve] === LT) throw new NotRegularXml("'<' in an attribute value");
          ve++;
        }
        if (ve >= n) {
          p = n;
          break;
        }
        if (nAttrs * 4 + 4 > this.attrs.length) {
          const more = new Int32Array(this.attrs.length * 2);
          more.set(this.attrs);
          this.attrs = more;
        }
        const a = this.attrs;
        for (let k = 0; k < nAttrs; k++) {
          const s = a[4 * k];
          if (a[4 * k + 1] - s !== ne - ns) continue;
          let j = 0;
          while (j < ne - ns && buf[s + j] === buf[ns + j]) j++;
          if (j === ne - ns) throw new NotRegularXml("a repeated attribute");
        }
        a[4 * nAttrs] = ns;
        a[4 * nAttrs + 1] = ne;
        a[4 * nAttrs + 2] = vs;
        a[4 * nAttrs + 3] = ve;
        nAttrs++;
        p = ve + 1;
      }
      if (!complete) return this.keep(buf, i, final);
      this.nAttrs = nAttrs;
      const d = this.depth;
      if (d === this.hashes.length) {
        const hashes = new Int32Array(d * 2);
        hashes.set(this.hashes);
        this.hashes = hashes;
        const ids = new Uint8Array(d * 2);
        ids.set(this.ids);
        this.ids = ids;
      }
      this.h.open(id, this, selfClosing, buf);
      if (selfClosing) {
        this.h.close(id);
        if (d === 0) this.rootClosed = true;
      } else {
        this.hashes[d] = hash;
        this.ids[d] = id;
        this.depth = d + 1;
      }
      i = p;
    }
  }
}

let primed = false;

/**
 * Takes every path of the tokenizer once, on a small document cut into pieces of 1 to 5 bytes,
 * before it reads a part. V8 optimizes `scan` within the first kilobytes of a sheet; a path first
 * taken after that (a tag cut at a chunk's end, the root's end) throws the optimized code away
 * and compiles it again: on a 37 MB sheet, eight times, which doubled the reading's CPU time
 * (measured: 0.45 s cold against 0.23 s primed; priming costs about 15 ms, once per process).
 */
function prime(): void {
  primed = true;
  const doc = Buffer.from('<?xml version="1.0"?>\n<a:w x="1"><b y=\'2\' z = "3">t&amp;</b><c/><d></d ></a:w>\n');
  const h: ByteXmlHandler = { open() {}, close() {}, text() {} };
  for (let k = 0; k < 20; k++) {
    const x = new ByteXml(h);
    const step = 1 + (k % 5);
    for (let i = 0; i < doc.length; i += step) x.write(doc.subarray(i, i + step));
    x.end();
  }
}
