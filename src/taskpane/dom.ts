/**
 * A small, safe way to make DOM: children given as strings become text nodes, attributes are
 * set one by one. There is no path from a string to markup here (no innerHTML anywhere in the
 * pane), so a header such as `<img src=x onerror=…>` or `=HYPERLINK(…)` shows as the text it is.
 */

export type Child = Node | string | null | undefined | false;
export type Attributes = Record<string, string | number | boolean | null | undefined>;

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Attributes = {}, ...children: (Child | Child[])[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    node.setAttribute(name, value === true ? "" : String(value));
  }
  append(node, ...children);
  return node;
}

export function append(parent: Node, ...children: (Child | Child[])[]): void {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
  }
}

/** Replaces an element's children (text stays text). */
export function replaceChildren(parent: Element, ...children: (Child | Child[])[]): void {
  while (parent.firstChild) parent.removeChild(parent.firstChild);
  append(parent, ...children);
}

/** Sets an element's text only when it differs, so live regions announce changes once. */
export function setText(node: Element, text: string): void {
  if (node.textContent !== text) node.textContent = text;
}

let ids = 0;
/** A fresh element id for label/aria references. */
export function uid(prefix: string): string {
  return `${prefix}-${++ids}`;
}
