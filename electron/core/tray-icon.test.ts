import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { trayIconPng, type TrayTheme } from './tray-icon';
import type { TrayIconState } from './tray-view';

function decode(png: Buffer): { width: number; height: number; alphaAt: (x: number, y: number) => number; rgbAt: (x: number, y: number) => number[] } {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]));
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  const idatLength = png.readUInt32BE(33);
  const raw = inflateSync(png.subarray(41, 41 + idatLength));
  const at = (x: number, y: number) => y * (width * 4 + 1) + 1 + x * 4;
  return { width, height, alphaAt: (x, y) => raw[at(x, y) + 3]!, rgbAt: (x, y) => [...raw.subarray(at(x, y), at(x, y) + 3)] };
}

/** The pixels (the PNG's inflated scanlines), not the compressed bytes: a zlib update must not matter. */
function pixels(png: Buffer): Buffer {
  return inflateSync(png.subarray(41, 41 + png.readUInt32BE(33)));
}

const INK = [32, 32, 32];
const DARK_INK = [236, 236, 236];
const BLACK = [0, 0, 0];
const BLUE = [3, 169, 244];
const AMBER = [255, 179, 0];
const RED = [229, 57, 53];
const GREEN = [67, 160, 71];

describe('trayIconPng', () => {
  it('draws every state at 1x and 2x as a valid PNG', () => {
    for (const state of ['idle', 'running', 'pending', 'offline'] as const) {
      for (const size of [16, 32]) {
        const image = decode(trayIconPng(state, 'light', size));
        expect([image.width, image.height]).toEqual([size, size]);
        expect(image.alphaAt(0, 0)).toBe(0); // transparent corners
      }
    }
  });

  it('fills the face while running and leaves it empty at rest', () => {
    const centreBelowHand = (state: 'idle' | 'running') => decode(trayIconPng(state, 'light', 32)).alphaAt(16, 22);
    expect(centreBelowHand('running')).toBeGreaterThan(200);
    expect(centreBelowHand('idle')).toBe(0);
  });

  it('uses only black for macOS template images', () => {
    const image = decode(trayIconPng('pending', 'template', 32));
    for (let y = 0; y < 32; y++) for (let x = 0; x < 32; x++) if (image.alphaAt(x, y) > 0) expect(image.rgbAt(x, y)).toEqual([0, 0, 0]);
  });

  it('draws light ink on dark panels and dark ink on light ones', () => {
    const ringPixel = (theme: 'light' | 'dark') => decode(trayIconPng('idle', theme, 32)).rgbAt(16, 3);
    expect(ringPixel('dark')[0]).toBeGreaterThan(200);
    expect(ringPixel('light')[0]).toBeLessThan(60);
  });
});

describe('the goal ring', () => {
  // At 32 px the ring's top pixel is a sliver past 12 o'clock; its left one three quarters round.
  const top = (goal: number | null, state: 'idle' | 'running' = 'idle') => decode(trayIconPng(state, 'light', 32, goal)).rgbAt(16, 3);
  const left = (goal: number | null, state: 'idle' | 'running' = 'idle') => decode(trayIconPng(state, 'light', 32, goal));

  it('is green clockwise from 12 o’clock for the share done, the rest faint', () => {
    expect(top(0.5)).toEqual([67, 160, 71]);
    const half = left(0.5);
    expect(half.rgbAt(3, 16)).toEqual([32, 32, 32]);
    expect(half.alphaAt(3, 16)).toBeLessThan(120);
    expect(half.alphaAt(3, 16)).toBeGreaterThan(40);
    expect(left(1).rgbAt(3, 16)).toEqual([67, 160, 71]);
    expect(left(1).alphaAt(3, 16)).toBeGreaterThan(200);
  });

  it('without a goal the ring stays as it was; with nothing done yet it is all faint', () => {
    expect(trayIconPng('idle', 'light', 32, null)).toEqual(trayIconPng('idle', 'light', 32));
    expect(decode(trayIconPng('idle', 'light', 32, 0)).alphaAt(16, 3)).toBeLessThan(120);
  });

  it('shows over the running face too, and in black on macOS', () => {
    expect(top(0.5, 'running')).toEqual([67, 160, 71]);
    expect(left(0.5, 'running').rgbAt(3, 16)).toEqual([3, 169, 244]);
    const template = decode(trayIconPng('idle', 'template', 32, 0.5));
    expect(template.rgbAt(16, 3)).toEqual([0, 0, 0]);
    expect(template.alphaAt(16, 3)).toBeGreaterThan(200);
    expect(template.alphaAt(3, 16)).toBeLessThan(120);
  });
});

// What each state means to the person glancing at the tray, one pixel each (at 32 px, the centre is
// between pixels 15 and 16; the ring runs from about 3 to 13 pixels out).
describe('the marks of each state', () => {
  type Alpha = 'opaque' | 'faint' | 'clear';
  const cases: [string, TrayIconState, TrayTheme, number, number | null, [number, number], number[] | null, Alpha][] = [
    ['the ring at 12 o’clock, dark ink on light panels', 'idle', 'light', 32, null, [16, 3], INK, 'opaque'],
    ['the ring at 12 o’clock, light ink on dark panels', 'idle', 'dark', 32, null, [16, 3], DARK_INK, 'opaque'],
    ['the hand, pointing up from the centre', 'idle', 'light', 32, null, [16, 10], INK, 'opaque'],
    ['nothing beside the hand', 'idle', 'light', 32, null, [13, 10], null, 'clear'],
    ['nothing below the centre at rest', 'idle', 'light', 32, null, [16, 22], null, 'clear'],
    ['the ring where the pending dot would be', 'idle', 'light', 32, null, [25, 25], INK, 'faint'],
    ['running: the face filled blue', 'running', 'light', 32, null, [16, 22], BLUE, 'opaque'],
    ['running: the ring blue', 'running', 'light', 32, null, [16, 3], BLUE, 'opaque'],
    ['running: the hand cut out of the blue face', 'running', 'light', 32, null, [16, 10], BLUE, 'faint'],
    ['running, on dark panels: the same blue', 'running', 'dark', 32, null, [16, 22], BLUE, 'opaque'],
    ['pending: the dot amber at its centre', 'pending', 'light', 32, null, [25, 25], AMBER, 'opaque'],
    ['pending: the dot amber at 1x too', 'pending', 'light', 16, null, [12, 12], AMBER, 'opaque'],
    ['pending: the dot round, the ring beside it still ink', 'pending', 'light', 32, null, [25, 18], INK, 'faint'],
    ['pending: the ring at 12 o’clock untouched', 'pending', 'light', 32, null, [16, 3], INK, 'opaque'],
    ['pending: nothing between the hand and the dot', 'pending', 'light', 32, null, [19, 19], null, 'clear'],
    ['offline: the strike red across the face', 'offline', 'light', 32, null, [10, 10], RED, 'opaque'],
    ['offline: the strike red down to the lower right', 'offline', 'light', 32, null, [22, 22], RED, 'opaque'],
    ['offline: the strike red over the ring', 'offline', 'light', 32, null, [7, 7], RED, 'opaque'],
    ['offline: the strike stops at the ring', 'offline', 'light', 32, null, [2, 2], null, 'clear'],
    ['offline: the strike is narrow', 'offline', 'light', 32, null, [10, 14], null, 'clear'],
    ['offline: the ring away from the strike still ink', 'offline', 'light', 32, null, [16, 3], INK, 'opaque'],
    ['template: the running face black', 'running', 'template', 32, null, [16, 22], BLACK, 'opaque'],
    ['template: the pending dot black', 'pending', 'template', 32, null, [25, 25], BLACK, 'opaque'],
    ['template: the offline strike black', 'offline', 'template', 32, null, [10, 10], BLACK, 'opaque'],
    ['template: the ring black', 'idle', 'template', 32, null, [16, 3], BLACK, 'opaque'],
    // The goal ring, clockwise from 12 o’clock: 3 o’clock is a quarter round, 6 o’clock half.
    ['goal 0.3: 3 o’clock done, green', 'idle', 'light', 32, 0.3, [28, 16], GREEN, 'opaque'],
    ['goal 0.3: 6 o’clock still to do, faint', 'idle', 'light', 32, 0.3, [16, 28], INK, 'faint'],
    ['goal 0.2: 3 o’clock still to do, faint', 'idle', 'light', 32, 0.2, [28, 16], INK, 'faint'],
    ['goal 0.5: 6 o’clock, just left of the line, faint', 'idle', 'light', 32, 0.5, [15, 28], INK, 'faint'],
    ['goal 0.5: 6 o’clock, just right of the line, green', 'idle', 'light', 32, 0.5, [17, 28], GREEN, 'opaque'],
    ['goal exceeded: all the ring green', 'idle', 'light', 32, 1.5, [3, 16], GREEN, 'opaque'],
    ['goal: the hand inside the ring stays ink', 'idle', 'light', 32, 0.5, [16, 10], INK, 'opaque'],
    ['goal: the running face inside the ring stays blue', 'running', 'light', 32, 0.25, [16, 22], BLUE, 'opaque'],
    ['goal 0.25 while running: the rest of the ring faint blue', 'running', 'light', 32, 0.25, [28, 16], BLUE, 'faint'],
    ['goal 0.3 on macOS: done in black', 'idle', 'template', 32, 0.3, [28, 16], BLACK, 'opaque'],
    ['goal 0.3 on dark panels: to do in faint light ink', 'idle', 'dark', 32, 0.3, [16, 28], DARK_INK, 'faint'],
    ['goal 0.3 with changes pending: the dot over the ring', 'pending', 'light', 32, 0.3, [25, 25], AMBER, 'opaque'],
  ];
  it.each(cases)('%s', (_what, state, theme, size, goal, [x, y], rgb, alpha) => {
    const image = decode(trayIconPng(state, theme, size, goal));
    const a = image.alphaAt(x, y);
    if (alpha === 'opaque') expect(a).toBeGreaterThan(240);
    else if (alpha === 'faint') expect([a > 30, a < 140]).toEqual([true, true]);
    else expect(a).toBe(0);
    if (rgb) expect(image.rgbAt(x, y)).toEqual(rgb);
  });
});

// Every pixel of every icon, pinned: a change to the drawing must be a change someone looked at.
// To review and update: `TRAY_ICON_REVIEW=/tmp/tray-icons npx vitest run electron/core/tray-icon.test.ts`
// writes each icon as a PNG there (open them, zoomed in); when they look right, copy the digests the
// failing assertion prints into this table.
describe('every icon, pixel for pixel', () => {
  const digests: Record<string, string> = {
    'idle-dark-16': '130390876f98c109',
    'idle-dark-32': '71bd4e792a08714c',
    'idle-light-16': '98ea1b58973fdf02',
    'idle-light-32-goal-0.25': '3709fa43416c4681',
    'idle-light-32-goal-0.5': '9aa33377bc498bf4',
    'idle-light-32-goal-0': '75d09154d4af2fb6',
    'idle-light-32-goal-1': 'c5ef3f81b970cf28',
    'idle-light-32': '101387314eef611e',
    'idle-template-16': 'd3cb6131cf7f9665',
    'idle-template-32': 'a4f19b695a44dc6d',
    'offline-dark-16': '093654b1ac93947a',
    'offline-dark-32': 'd1fa873aefc501ee',
    'offline-light-16': '5aa0c8471056c265',
    'offline-light-32': '2a8221352e0ab06a',
    'offline-template-16': '05da6b13b4feae3d',
    'offline-template-32': 'f5f24e3617eda176',
    'pending-dark-16': '289b2afa6170d034',
    'pending-dark-32': '7a6b43693e98d082',
    'pending-light-16': '014198064f39ab8d',
    'pending-light-32': '2b82d2f580c5995e',
    'pending-template-16': '2e19edeee349f85d',
    'pending-template-32': '8f1f06efe25dc8aa',
    'running-dark-16': '0ca587e67f0f6f78',
    'running-dark-32': '9e9a979374a88073',
    'running-light-16': '0ca587e67f0f6f78',
    'running-light-32-goal-0.25': '8418b7fc533373b0',
    'running-light-32-goal-0.5': 'b056fb7eb66c9b9e',
    'running-light-32-goal-0': '5e843e967fee7d65',
    'running-light-32-goal-1': '7db09e6a31f555a9',
    'running-light-32': '9e9a979374a88073',
    'running-template-16': 'f08835051da810c7',
    'running-template-32': '3467f75569934155',
  };
  const states: TrayIconState[] = ['idle', 'running', 'pending', 'offline'];
  const themes: TrayTheme[] = ['light', 'dark', 'template'];
  const icons = [...states.flatMap((state) => themes.flatMap((theme) => [16, 32].map((size) => [state, theme, size, null] as const))), ...[0, 0.25, 0.5, 1].flatMap((goal) => (['idle', 'running'] as const).map((state) => [state, 'light', 32, goal] as const))];
  it('draws each state × theme × size, and the goal ring, as reviewed', () => {
    const review = process.env.TRAY_ICON_REVIEW;
    if (review) mkdirSync(review, { recursive: true });
    const actual = Object.fromEntries(
      icons.map(([state, theme, size, goal]) => {
        const name = `${state}-${theme}-${size}${goal === null ? '' : `-goal-${goal}`}`;
        const png = trayIconPng(state, theme, size, goal);
        if (review) writeFileSync(path.join(review, `${name}.png`), png);
        return [name, createHash('sha256').update(pixels(png)).digest('hex').slice(0, 16)];
      }),
    );
    expect(actual).toEqual(digests);
  });
});
