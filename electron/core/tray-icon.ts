// The tray icon, drawn in code so every state, theme and scale exists without image files: a
// stopwatch ring; filled while running, with a dot while changes wait, struck through when offline.
// macOS gets template images (black + alpha) that the system tints itself.
import { deflateSync } from 'node:zlib';
import type { TrayIconState } from './tray-view';

export type TrayTheme = 'light' | 'dark' | 'template';

type Rgb = readonly [number, number, number];
const BLUE: Rgb = [3, 169, 244];
const AMBER: Rgb = [255, 179, 0];
const RED: Rgb = [229, 57, 53];

/** A PNG of the icon at `size` pixels (16 for 1x, 32 for @2x). */
export function trayIconPng(state: TrayIconState, theme: TrayTheme, size: number): Buffer {
  const ink: Rgb = theme === 'dark' ? [236, 236, 236] : theme === 'template' ? [0, 0, 0] : [32, 32, 32];
  const accent = (color: Rgb): Rgb => (theme === 'template' ? [0, 0, 0] : color);
  const rgba = Buffer.alloc(size * size * 4);
  const c = size / 2;
  const outer = size * 0.42;
  const ring = size * 0.11;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const px = x + 0.5 - c;
      const py = y + 0.5 - c;
      const d = Math.hypot(px, py);
      let color: Rgb = ink;
      let alpha = coverage(outer - d) * coverage(d - (outer - ring)); // the ring
      alpha = Math.max(alpha, coverage(size * 0.06 - Math.abs(px)) * coverage(-py) * coverage(outer * 0.62 + py)); // the hand
      if (state === 'running') {
        color = accent(BLUE);
        alpha = coverage(outer - d) * (1 - 0.75 * coverage(size * 0.05 - Math.abs(px)) * coverage(-py) * coverage(outer * 0.62 + py));
      } else if (state === 'pending' && Math.hypot(px - size * 0.3, py - size * 0.3) < size * 0.2) {
        color = accent(AMBER);
        alpha = coverage(size * 0.2 - Math.hypot(px - size * 0.3, py - size * 0.3));
      } else if (state === 'offline' && coverage(size * 0.07 - Math.abs(px - py) / Math.SQRT2) > 0 && d < outer) {
        color = accent(RED);
        alpha = Math.max(alpha, coverage(size * 0.07 - Math.abs(px - py) / Math.SQRT2));
      }
      const at = (y * size + x) * 4;
      rgba[at] = color[0];
      rgba[at + 1] = color[1];
      rgba[at + 2] = color[2];
      rgba[at + 3] = Math.round(255 * Math.min(1, Math.max(0, alpha)));
    }
  }
  return encodePng(rgba, size, size);
}

/** Anti-aliased inside test: 1 well inside, 0 outside, a ramp over one pixel. */
function coverage(distanceInside: number): number {
  return Math.min(1, Math.max(0, distanceInside + 0.5));
}

function encodePng(rgba: Buffer, width: number, height: number): Buffer {
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) rgba.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
