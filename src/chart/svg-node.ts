/**
 * A small SVG element tree: the chord diagram is built once as data, then written as text (the
 * command line's .svg file, the PNG renderer) or as DOM nodes (the task pane, text nodes only).
 */
export interface SvgNode {
  readonly tag: string;
  readonly attrs: Readonly<Record<string, string | number>>;
  readonly children?: readonly SvgNode[];
  /** Text content (for text, title, desc, tspan). */
  readonly text?: string;
}

export const SVG_NS = "http://www.w3.org/2000/svg";

export function node(tag: string, attrs: Record<string, string | number> = {}, children?: SvgNode[] | string): SvgNode {
  return typeof children === "string" ? { tag, attrs, text: children } : { tag, attrs, ...(children ? { children } : {}) };
}

/** Text as XML character data: markup escaped, characters XML 1.0 cannot hold dropped. */
export function xmlEscape(s: string): string {
  return s
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

/** The tree as an SVG document's text. */
export function svgText(root: SvgNode): string {
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>\n'];
  const write = (n: SvgNode, depth: number) => {
    const attrs = Object.entries(n.attrs)
      .map(([k, v]) => ` ${k}="${xmlEscape(String(v))}"`)
      .join("");
    const pad = "  ".repeat(depth);
    if (n.text !== undefined) out.push(`${pad}<${n.tag}${attrs}>${xmlEscape(n.text)}</${n.tag}>\n`);
    else if (!n.children || n.children.length === 0) out.push(`${pad}<${n.tag}${attrs}/>\n`);
    else {
      out.push(`${pad}<${n.tag}${attrs}>\n`);
      for (const c of n.children) write(c, depth + 1);
      out.push(`${pad}</${n.tag}>\n`);
    }
  };
  write(root.tag === "svg" && root.attrs.xmlns === undefined ? { ...root, attrs: { xmlns: SVG_NS, ...root.attrs } } : root, 0);
  return out.join("");
}
