/**
 * The size of what Office.js sends for a batch, estimated from the operations the host queues,
 * so that writes are split before a request passes Excel on the web's 5 MB limit.
 *
 * The shape is Office.js's own (ClientRequestBase.buildRequestMessageBodyAndRequestFlags and
 * the action and object-path factories in @microsoft/office-js, dist/excel-*.js): the request
 * body is the JSON
 *   {"AutoKeepReference":false,"Actions":[…],"ObjectPaths":{"<id>":{…},…}}
 * where every object an operation touches is an object path (ObjectPathType 1 the root, 3 a
 * method such as GetRange with its ArgumentInfo, 4 a property such as Worksheets), sent with
 * every request that uses it, parents included, and instantiated once per request by an action
 * of ActionType 1; a property set is an action of ActionType 4 whose ArgumentInfo.Arguments is
 * [value] (the whole 2-D array of a `formulas` write), a method call one of ActionType 3.
 * Paths and actions are numbered by one counter per request context (RequestContext._nextId),
 * so ids grow over an Excel.run and their digits count.
 */

/** UTF-8 length of a string. */
export function utf8Length(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) n += 1;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 2;
      i++;
    } else n += 2;
  }
  return n;
}

export const jsonBytes = (x: unknown) => utf8Length(JSON.stringify(x));

const digits = (n: number) => String(n).length;

/** Counts the bytes of one Excel.run's requests as Office.js would serialize them. */
export class RequestMeter {
  /** Office.js's id counter for this context. */
  private id = 0;

  private next(): number {
    return ++this.id;
  }

  /** The body's envelope, and the root object with Workbook and Worksheets under it (every write request uses them). */
  request(): number {
    return '{"AutoKeepReference":false,"Actions":[],"ObjectPaths":{}}'.length + this.path("Workbook", undefined, 4) + this.path("Worksheets", undefined, 4) + this.path("", undefined, 1);
  }

  /**
   * An object path used in a request: its ObjectPaths entry ("<id>":{…},) and its instantiate
   * action. `args` is the JSON of the arguments of a method path (e.g. ["A1:D40"]).
   */
  path(name: string, args: string | undefined, type: 1 | 3 | 4 = 3): number {
    const id = this.next();
    const d = digits(id);
    // {"Id":7,"ObjectPathType":3,"Name":"GetRange","ParentObjectPathId":6,"ArgumentInfo":{"Arguments":["A1:B2"]}}
    let entry = `{"Id":,"ObjectPathType":${type},"Name":"${name}"}`.length + d;
    if (type !== 1) entry += ',"ParentObjectPathId":'.length + d;
    if (args !== undefined) entry += ',"ArgumentInfo":{"Arguments":}'.length + args.length;
    const key = `"":,`.length + d;
    const inst = this.next();
    // {"Id":8,"ActionType":1,"Name":"","ObjectPathId":7},
    const instantiate = `{"Id":,"ActionType":1,"Name":"","ObjectPathId":},`.length + digits(inst) + d;
    return entry + key + instantiate;
  }

  /** A property set (ActionType 4) whose value's JSON is `valueBytes` long. */
  set(name: string, valueBytes: number): number {
    const id = this.next();
    return `{"Id":,"ActionType":4,"Name":"${name}","ObjectPathId":,"ArgumentInfo":{"Arguments":[]}},`.length + 2 * digits(id) + valueBytes;
  }

  /** A method call (ActionType 3) with the JSON of its arguments. */
  call(name: string, args: string): number {
    const id = this.next();
    return `{"Id":,"ActionType":3,"Name":"${name}","ObjectPathId":,"ArgumentInfo":{"Arguments":}},`.length + 2 * digits(id) + utf8Length(args);
  }

  /** A sheet used in a request: looked up by name under Worksheets. */
  sheet(name: string): number {
    return this.path("GetItem", JSON.stringify([name]));
  }

  /** A range of a sheet (getRange(address)) used in a request. */
  range(address: string): number {
    return this.path("GetRange", JSON.stringify([address]));
  }
}
