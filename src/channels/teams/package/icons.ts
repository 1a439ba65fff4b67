/**
 * The app's icons are committed files (appPackage/color.png, appPackage/outline.png): a 192×192
 * colour icon and a 32×32 outline icon, white on transparent, as Teams requires. Before they are
 * packaged they are read (fast-png) and checked; every problem names the file and what to fix.
 */
import { decode, hasPngSignature } from "fast-png";

export const ICON_SIZES = { color: 192, outline: 32 } as const;
export type IconName = keyof typeof ICON_SIZES;

/** A decoded icon: its size, and whether it has an alpha channel. */
interface Icon {
  width: number;
  height: number;
  /** Samples per pixel: 1 grey, 2 grey + alpha, 3 RGB, 4 RGBA (palette images are 1, with a palette). */
  channels: number;
  palette: boolean;
  /** The largest sample value (255 for 8-bit images, 65535 for 16-bit). */
  max: number;
  data: ArrayLike<number>;
}

function read(png: Buffer): Icon {
  if (!hasPngSignature(png)) throw new Error("not a PNG file");
  const image = decode(png);
  return {
    width: image.width,
    height: image.height,
    channels: image.channels,
    palette: image.palette !== undefined,
    max: 2 ** image.depth - 1,
    data: image.data,
  };
}

/** Colour icon 192×192; outline icon 32×32, white on transparent. */
export function checkIcons(icons: Record<IconName, Buffer>): string[] {
  const problems: string[] = [];
  const decoded: Partial<Record<IconName, Icon>> = {};
  for (const name of Object.keys(ICON_SIZES) as IconName[]) {
    const size = ICON_SIZES[name];
    try {
      const icon = read(icons[name]);
      decoded[name] = icon;
      if (icon.width !== size || icon.height !== size)
        problems.push(`${name}.png: must be ${size}×${size} pixels, is ${icon.width}×${icon.height}`);
    } catch (err) {
      problems.push(`${name}.png: ${(err as Error).message}`);
    }
  }
  const outline = decoded.outline;
  if (!outline || problems.some((p) => p.startsWith("outline.png"))) return problems;
  return [...problems, ...checkOutline(outline)];
}

/** White where it is visible, transparent elsewhere. */
function checkOutline(icon: Icon): string[] {
  if (icon.palette || (icon.channels !== 2 && icon.channels !== 4))
    return ["outline.png: needs an alpha channel (white on transparent): save it as RGBA"];
  let transparent = 0;
  let notWhite = 0;
  const c = icon.channels;
  for (let i = 0; i < icon.data.length; i += c) {
    if (icon.data[i + c - 1] === 0) transparent++;
    else
      for (let k = 0; k < c - 1; k++)
        if (icon.data[i + k] !== icon.max) {
          notWhite++;
          break;
        }
  }
  const problems: string[] = [];
  if (transparent === 0) problems.push("outline.png: must have a transparent background");
  if (notWhite > 0) problems.push(`outline.png: must be white only (${notWhite} visible pixels are not white)`);
  return problems;
}
