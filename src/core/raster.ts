import { glyph, GLYPH_ADVANCE, GLYPH_HEIGHT, GLYPH_WIDTH } from './pixel-font';

/** An RGB image in memory, rows top to bottom, three bytes a pixel. */
export interface Raster {
  width: number;
  height: number;
  pixels: Uint8Array;
}

export type Rgb = readonly [number, number, number];

export function createRaster(width: number, height: number, background: Rgb): Raster {
  const pixels = new Uint8Array(width * height * 3);
  for (let i = 0; i < pixels.length; i += 3) pixels.set(background, i);
  return { width, height, pixels };
}

/** Fills the rectangle clipped to the image; fractional edges are rounded. */
export function fillRect(r: Raster, x: number, y: number, w: number, h: number, color: Rgb): void {
  const x0 = Math.max(0, Math.round(x));
  const y0 = Math.max(0, Math.round(y));
  const x1 = Math.min(r.width, Math.round(x + w));
  const y1 = Math.min(r.height, Math.round(y + h));
  for (let row = y0; row < y1; row++) {
    for (let col = x0; col < x1; col++) r.pixels.set(color, (row * r.width + col) * 3);
  }
}

/** A straight line `thickness` pixels wide (Bresenham, each step a small square). */
export function drawLine(r: Raster, from: readonly [number, number], to: readonly [number, number], color: Rgb, thickness = 1): void {
  let [x0, y0] = [Math.round(from[0]), Math.round(from[1])];
  const [x1, y1] = [Math.round(to[0]), Math.round(to[1])];
  const dx = Math.abs(x1 - x0);
  const dy = -Math.abs(y1 - y0);
  const sx = x0 < x1 ? 1 : -1;
  const sy = y0 < y1 ? 1 : -1;
  const half = Math.floor(thickness / 2);
  let err = dx + dy;
  for (;;) {
    fillRect(r, x0 - half, y0 - half, thickness, thickness, color);
    if (x0 === x1 && y0 === y1) return;
    const e2 = 2 * err;
    if (e2 >= dy) {
      err += dy;
      x0 += sx;
    }
    if (e2 <= dx) {
      err += dx;
      y0 += sy;
    }
  }
}

/** Draws text in the pixel font with its top-left corner at (x, y). */
export function drawText(r: Raster, text: string, x: number, y: number, color: Rgb, scale = 1): void {
  [...text].forEach((char, i) => {
    const rows = glyph(char);
    const left = x + i * GLYPH_ADVANCE * scale;
    for (let row = 0; row < GLYPH_HEIGHT; row++) {
      for (let col = 0; col < GLYPH_WIDTH; col++) {
        if (rows[row]![col]) fillRect(r, left + col * scale, y + row * scale, scale, scale, color);
      }
    }
  });
}
