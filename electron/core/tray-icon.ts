// The tray icon, drawn in code so every state, theme and scale exists without image files: a
// stopwatch ring; filled while running, with a dot while changes wait, struck through when offline.
// With a daily goal, the ring shows today's progress: green clockwise from 12 o'clock for the part
// done, the rest faint (all green once reached).
// macOS gets template images (black + alpha) that the system tints itself.
import { encodePng } from './png';
import type { TrayIconState } from './tray-view';

export type TrayTheme = 'light' | 'dark' | 'template';

export type Rgb = readonly [number, number, number];
export const BLUE: Rgb = [3, 169, 244];
const AMBER: Rgb = [255, 179, 0];
const RED: Rgb = [229, 57, 53];
const GREEN: Rgb = [67, 160, 71];
/** How visible the part of the ring still to do is. */
const TO_DO_ALPHA = 0.35;

/** A PNG of the icon at `size` pixels (16 for 1x, 32 for @2x); `goal`: today's share of the daily goal, or null. */
export function trayIconPng(state: TrayIconState, theme: TrayTheme, size: number, goal: number | null = null): Buffer {
  const ink: Rgb = theme === 'dark' ? [236, 236, 236] : theme === 'template' ? [0, 0, 0] : [32, 32, 32];
  return encodePng(drawStopwatch(state, { ink, accent: (color) => (theme === 'template' ? [0, 0, 0] : color) }, size, goal), size, size);
}

export interface StopwatchPalette {
  /** The ring and the hand. */
  readonly ink: Rgb;
  /** The colour used for a state's mark (blue running, amber pending, red offline). */
  readonly accent: (color: Rgb) => Rgb;
}

/**
 * The stopwatch drawn at `size` × `size` pixels, as straight (not premultiplied) RGBA bytes on a
 * transparent background. The tray icon and the app icon (app-icon.ts) are both drawn with it.
 */
export function drawStopwatch(state: TrayIconState, { ink, accent }: StopwatchPalette, size: number, goal: number | null = null): Buffer {
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
      }
      if (goal !== null && d > outer - ring) {
        // The ring as progress: the share of a turn, clockwise from 12 o'clock, that is done.
        const turn = (Math.atan2(px, -py) / (2 * Math.PI) + 1) % 1;
        if (turn < Math.min(1, goal)) color = accent(GREEN);
        else alpha *= TO_DO_ALPHA;
      }
      if (state === 'pending' && Math.hypot(px - size * 0.3, py - size * 0.3) < size * 0.2) {
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
  return rgba;
}

/** Anti-aliased inside test: 1 well inside, 0 outside, a ramp over one pixel. */
export function coverage(distanceInside: number): number {
  return Math.min(1, Math.max(0, distanceInside + 0.5));
}
