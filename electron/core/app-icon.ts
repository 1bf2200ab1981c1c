// The application icon (launchers, docks, the installer), drawn with the tray's stopwatch
// (tray-icon.ts): the stopwatch in white on a rounded blue tile. Built at package time by
// scripts/build-icons.ts into every format the packages need; the same code gives the same bytes.
import { BLUE, coverage, drawStopwatch, type Rgb } from './tray-icon';
import { encodePng } from './png';

const WHITE: Rgb = [255, 255, 255];

/** The sizes Linux desktops look up under /usr/share/icons/hicolor/<size>x<size>/apps. */
export const LINUX_ICON_SIZES = [16, 24, 32, 48, 64, 128, 256, 512] as const;

/** The app icon at `size` × `size` pixels, straight RGBA. */
export function appIconRgba(size: number): Buffer {
  // The tile leaves a margin, as macOS's icon grid asks (824 of 1024), and looks right elsewhere.
  const margin = size * 0.0977;
  const radius = (size - 2 * margin) * 0.225;
  const rgba = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      // Signed distance to the rounded rectangle, negative inside.
      const qx = Math.abs(x + 0.5 - size / 2) - (size / 2 - margin - radius);
      const qy = Math.abs(y + 0.5 - size / 2) - (size / 2 - margin - radius);
      const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
      const at = (y * size + x) * 4;
      rgba.set(BLUE, at);
      rgba[at + 3] = Math.round(255 * coverage(-outside));
    }
  }
  // The stopwatch at rest, white, centred on the tile; drawn at an even size so it sits on whole pixels.
  const glyphSize = Math.max(2, 2 * Math.round((size * 0.62) / 2));
  const glyph = drawStopwatch('idle', { ink: WHITE, accent: () => WHITE }, glyphSize);
  const offset = (size - glyphSize) / 2;
  for (let y = 0; y < glyphSize; y++) {
    for (let x = 0; x < glyphSize; x++) {
      const from = (y * glyphSize + x) * 4;
      const to = ((y + offset) * size + x + offset) * 4;
      blendOver(rgba, to, glyph, from);
    }
  }
  return rgba;
}

export function appIconPng(size: number): Buffer {
  return encodePng(appIconRgba(size), size, size);
}

/**
 * An Apple icon image (.icns) of PNG elements, one per OSType the Finder and the Dock look for:
 * icp4 16, icp5 32, ic11 16@2x, ic12 32@2x, ic07 128, ic13 128@2x, ic08 256, ic14 256@2x, ic09 512,
 * ic10 512@2x.
 */
export function appIconIcns(): Buffer {
  const elements: [string, number][] = [
    ['icp4', 16], ['icp5', 32], ['ic11', 32], ['ic12', 64], ['ic07', 128], ['ic13', 256], ['ic08', 256], ['ic14', 512], ['ic09', 512], ['ic10', 1024],
  ];
  const pngs = new Map<number, Buffer>();
  const parts = elements.map(([type, size]) => {
    const png = pngs.get(size) ?? appIconPng(size);
    pngs.set(size, png);
    const header = Buffer.alloc(8);
    header.write(type, 0, 'latin1');
    header.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([header, png]);
  });
  const body = Buffer.concat(parts);
  const header = Buffer.alloc(8);
  header.write('icns', 0, 'latin1');
  header.writeUInt32BE(body.length + 8, 4);
  return Buffer.concat([header, body]);
}

/** A Windows icon (.ico) holding PNG images (Windows Vista and later read them) at the usual sizes. */
export function appIconIco(sizes: readonly number[] = [16, 24, 32, 48, 64, 128, 256]): Buffer {
  const pngs = sizes.map((size) => appIconPng(size));
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(sizes.length, 4);
  let offset = 6 + 16 * sizes.length;
  const entries = sizes.map((size, i) => {
    const entry = Buffer.alloc(16);
    entry[0] = size >= 256 ? 0 : size; // 0 means 256
    entry[1] = size >= 256 ? 0 : size;
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(pngs[i]!.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += pngs[i]!.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...pngs]);
}

/** Source-over compositing of one straight-alpha RGBA pixel onto another. */
function blendOver(target: Buffer, to: number, source: Buffer, from: number): void {
  const sa = source[from + 3]! / 255;
  if (sa === 0) return;
  const da = target[to + 3]! / 255;
  const outA = sa + da * (1 - sa);
  for (let channel = 0; channel < 3; channel++) {
    target[to + channel] = Math.round((source[from + channel]! * sa + target[to + channel]! * da * (1 - sa)) / outA);
  }
  target[to + 3] = Math.round(outA * 255);
}
