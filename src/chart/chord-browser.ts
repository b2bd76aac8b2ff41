/**
 * The chord diagram in the browser (the task pane): the SvgNode tree as DOM nodes (attributes
 * one by one, text as text nodes, never markup), and a PNG drawn from the SVG on a canvas.
 */
import { SVG_NS, SvgNode, svgText } from "./svg-node";

/** The tree as an <svg> element. */
export function svgElement(root: SvgNode): SVGSVGElement {
  const make = (n: SvgNode): SVGElement => {
    const e = document.createElementNS(SVG_NS, n.tag);
    for (const [k, v] of Object.entries(n.attrs)) if (k !== "xmlns") e.setAttribute(k, String(v));
    if (n.text !== undefined) e.appendChild(document.createTextNode(n.text));
    for (const c of n.children ?? []) e.appendChild(make(c));
    return e;
  };
  return make(root) as SVGSVGElement;
}

/** UTF-8 bytes of text as base64 (btoa alone takes Latin-1 only). */
function base64Utf8(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * The figure as PNG, `scale` times its size: the SVG loaded as an image from a data: URL (the
 * pane's Content-Security-Policy allows data: images; a data: SVG without foreign content does
 * not taint the canvas) and drawn on a white canvas. Returns the PNG as base64, as Office.js's
 * addImage takes it.
 */
export async function svgToPngBase64(root: SvgNode, width: number, height: number, scale = 2): Promise<string> {
  // An <img> loading only the data: URL made here: nothing goes over the network (and the pane's
  // Content-Security-Policy, img-src 'self' data:, would stop any other address).
  const img = document.createElement("img");
  img.src = `data:image/svg+xml;base64,${base64Utf8(svgText(root))}`;
  await img.decode();
  const canvas = document.createElement("canvas");
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const ctx = canvas.getContext("2d");
  if (!ctx) throw new Error("the browser gave no canvas to draw the picture on");
  ctx.fillStyle = "#ffffff";
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
  return canvas.toDataURL("image/png").replace(/^data:image\/png;base64,/, "");
}
