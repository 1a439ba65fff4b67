/**
 * The app's icons, drawn in code (no image files to keep in sync): a speech bubble with three dots.
 * Colour icon: 192×192, white bubble on the accent colour. Outline icon: 32×32, the same bubble in
 * white on transparent, as Teams requires. Edges are anti-aliased by supersampling.
 */
import { encodePng } from "./png.ts";

export const ACCENT_COLOR = "#1F6F8B";
const SAMPLES = 4;

/** Inside the bubble (rounded rectangle with a tail), in unit coordinates. */
function inBubble(x: number, y: number): boolean {
  const [left, top, right, bottom, r] = [0.17, 0.22, 0.83, 0.66, 0.12];
  const cx = Math.min(Math.max(x, left + r), right - r);
  const cy = Math.min(Math.max(y, top + r), bottom - r);
  if (x >= left && x <= right && y >= top && y <= bottom && (x - cx) ** 2 + (y - cy) ** 2 <= r * r) return true;
  // tail: a triangle under the bubble's left half
  const [ax, ay, bx, by, tx, ty] = [0.3, bottom - 0.01, 0.46, bottom - 0.01, 0.28, 0.82];
  const d = (px: number, py: number, qx: number, qy: number) => (x - qx) * (py - qy) - (px - qx) * (y - qy);
  const s1 = d(ax, ay, bx, by);
  const s2 = d(bx, by, tx, ty);
  const s3 = d(tx, ty, ax, ay);
  return !((s1 < 0 || s2 < 0 || s3 < 0) && (s1 > 0 || s2 > 0 || s3 > 0));
}

/** The three dots cut out of the bubble. */
function inDot(x: number, y: number): boolean {
  return [0.34, 0.5, 0.66].some((cx) => (x - cx) ** 2 + (y - 0.44) ** 2 <= 0.058 ** 2);
}

/** Fraction of each pixel covered by the glyph (bubble minus dots). */
function coverage(size: number): Float32Array {
  const out = new Float32Array(size * size);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let hits = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const x = (px + (sx + 0.5) / SAMPLES) / size;
          const y = (py + (sy + 0.5) / SAMPLES) / size;
          if (inBubble(x, y) && !inDot(x, y)) hits++;
        }
      }
      out[py * size + px] = hits / (SAMPLES * SAMPLES);
    }
  }
  return out;
}

function hex(color: string): [number, number, number] {
  const n = parseInt(color.slice(1), 16);
  return [(n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
}

/** 192×192, opaque: the accent colour with the white glyph. */
export function colorIcon(accent = ACCENT_COLOR): Buffer {
  const size = 192;
  const [r, g, b] = hex(accent);
  const cover = coverage(size);
  const rgba = new Uint8Array(size * size * 4);
  for (let i = 0; i < size * size; i++) {
    const c = cover[i]!;
    rgba.set([Math.round(r + (255 - r) * c), Math.round(g + (255 - g) * c), Math.round(b + (255 - b) * c), 255], i * 4);
  }
  return encodePng(size, size, rgba);
}

/** 32×32: white glyph, transparent everywhere else (partial alpha on the edges). */
export function outlineIcon(): Buffer {
  const size = 32;
  const cover = coverage(size);
  const rgba = new Uint8Array(size * size * 4);
  for (let i = 0; i < size * size; i++) rgba.set([255, 255, 255, Math.round(cover[i]! * 255)], i * 4);
  return encodePng(size, size, rgba);
}
