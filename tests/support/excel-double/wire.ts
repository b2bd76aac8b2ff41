/**
 * The JSON body of a request as Office.js builds it (@microsoft/office-js, dist/excel-*.js:
 * ClientRequestBase.buildRequestMessageBodyAndRequestFlags, ObjectPathFactory,
 * ActionFactory), so that the double weighs a batch as Excel on the web receives it:
 *
 *   {"AutoKeepReference":false,
 *    "Actions":[{"Id":5,"ActionType":1,"Name":"","ObjectPathId":4}, …],
 *    "ObjectPaths":{"4":{"Id":4,"ObjectPathType":3,"Name":"GetRange","ParentObjectPathId":3,
 *                        "ArgumentInfo":{"Arguments":["A1:B2"]}}, …}}
 *
 * Object paths: 1 the root, 3 a method (with its arguments), 4 a property; every path an
 * operation uses is sent with its parents in each request that uses it, and instantiated once
 * per request (ActionType 1). Actions: 2 a load (QueryInfo), 3 a method call, 4 a property
 * set (the value in ArgumentInfo.Arguments). One id counter per request context numbers paths
 * (once, when first used) and actions. Written apart from the host's estimate
 * (src/hosts/office-request.ts), so that the two can disagree.
 */

/** What an operation sends (the proxies' `wire`). */
export type Wire =
  | { readonly p: string; readonly s: string; readonly v: unknown }
  | { readonly p: string; readonly m: string; readonly a: unknown[] }
  | { readonly p: string; readonly l: string[] }
  | { readonly p: string; readonly n: true };

interface Segment {
  readonly name: string;
  readonly args?: unknown[];
}

/** "worksheets.getItem(\"Data\").getRange(\"A1\")" → [worksheets, getItem(["Data"]), getRange(["A1"])]. */
export function segments(path: string): Segment[] {
  const out: Segment[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  const push = (text: string) => {
    const open = text.indexOf("(");
    if (open < 0) {
      out.push({ name: text });
      return;
    }
    const inner = text.slice(open + 1, -1);
    let args: unknown[];
    try {
      args = JSON.parse(`[${inner}]`);
    } catch {
      args = inner === "" ? [] : [0]; // an object as argument travels as its path's id
    }
    out.push({ name: text.slice(0, open), args });
  };
  for (let i = 0; i < path.length; i++) {
    const ch = path[i];
    if (quoted) {
      if (ch === "\\") i++;
      else if (ch === '"') quoted = false;
    } else if (ch === '"') quoted = true;
    else if (ch === "(") depth++;
    else if (ch === ")") depth--;
    else if (ch === "." && depth === 0) {
      push(path.slice(start, i));
      start = i + 1;
    }
  }
  push(path.slice(start));
  return out;
}

const pascal = (s: string) => (s ? s[0].toUpperCase() + s.slice(1) : s);

/** The per-context numbering: path ids (kept over the context's life) and the next id. */
export interface Ids {
  readonly paths: Map<string, number>;
  next: number;
}

/** The request body Office.js would send for these operations, as JSON text. */
export function requestBody(wires: readonly Wire[], ids: Ids): string {
  const actions: unknown[] = [];
  const objectPaths: Record<string, unknown> = {};
  const instantiated = new Set<string>();
  const id = () => ++ids.next;
  const root = "";
  const pathId = (key: string) => {
    let n = ids.paths.get(key);
    if (n === undefined) ids.paths.set(key, (n = id()));
    return n;
  };
  /** Sends a path (and its parents) and instantiates it, once per request; returns its id. */
  const use = (path: string): number => {
    const rootId = pathId(root);
    if (!instantiated.has(root)) {
      objectPaths[rootId] = { Id: rootId, ObjectPathType: 1, Name: "" };
      instantiated.add(root);
      actions.push({ Id: id(), ActionType: 1, Name: "", ObjectPathId: rootId });
    }
    let parent = rootId;
    let key = "";
    for (const seg of segments(path)) {
      key = key ? `${key}.${seg.name}${seg.args ? JSON.stringify(seg.args) : ""}` : `${seg.name}${seg.args ? JSON.stringify(seg.args) : ""}`;
      const n = pathId(key);
      if (!instantiated.has(key)) {
        instantiated.add(key);
        objectPaths[n] = seg.args
          ? { Id: n, ObjectPathType: 3, Name: pascal(seg.name), ParentObjectPathId: parent, ArgumentInfo: { Arguments: seg.args } }
          : { Id: n, ObjectPathType: 4, Name: pascal(seg.name), ParentObjectPathId: parent };
        actions.push({ Id: id(), ActionType: 1, Name: "", ObjectPathId: n });
      }
      parent = n;
    }
    return parent;
  };
  for (const w of wires) {
    const target = use(w.p);
    if ("s" in w) actions.push({ Id: id(), ActionType: 4, Name: pascal(w.s), ObjectPathId: target, ArgumentInfo: { Arguments: [w.v] } });
    else if ("m" in w) {
      const args = w.a.map((a) => (a !== null && typeof a === "object" && "ref" in (a as object) ? use((a as { ref: string }).ref) : a));
      actions.push({ Id: id(), ActionType: 3, Name: pascal(w.m), ObjectPathId: target, ArgumentInfo: { Arguments: args } });
    } else if ("l" in w) actions.push({ Id: id(), ActionType: 2, Name: "", ObjectPathId: target, QueryInfo: { Select: w.l, Expand: [] } });
  }
  return JSON.stringify({ AutoKeepReference: false, Actions: actions, ObjectPaths: objectPaths });
}
