/**
 * The chord diagram as a PNG in Node, with resvg (@resvg/resvg-js: a maintained SVG renderer in
 * Rust whose platform binary ships inside its npm package, no install script). Text uses the
 * system's fonts (DejaVu Sans or Liberation Sans on Linux; Arial elsewhere).
 */
import { Resvg } from "@resvg/resvg-js";

export interface RenderedPng {
  readonly png: Buffer;
  readonly width: number;
  readonly height: number;
  /** RGBA, row by row. */
  readonly pixels: Buffer;
}

/** An SVG document rendered `scale` times its own size (2: sharp on high-DPI screens and in print). */
export function svgToPng(svg: string, scale = 2): RenderedPng {
  const m = /<svg[^>]*\swidth="([\d.]+)"/.exec(svg);
  const width = m ? Number(m[1]) : 800;
  const resvg = new Resvg(svg, {
    fitTo: { mode: "width", value: Math.round(width * scale) },
    background: "#ffffff",
    font: { loadSystemFonts: true, defaultFontFamily: "DejaVu Sans", sansSerifFamily: "DejaVu Sans" },
  });
  const image = resvg.render();
  return { png: image.asPng(), width: image.width, height: image.height, pixels: image.pixels };
}
