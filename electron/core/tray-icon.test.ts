import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { trayIconPng } from './tray-icon';

function decode(png: Buffer): { width: number; height: number; alphaAt: (x: number, y: number) => number; rgbAt: (x: number, y: number) => number[] } {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]));
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  const idatLength = png.readUInt32BE(33);
  const raw = inflateSync(png.subarray(41, 41 + idatLength));
  const at = (x: number, y: number) => y * (width * 4 + 1) + 1 + x * 4;
  return { width, height, alphaAt: (x, y) => raw[at(x, y) + 3]!, rgbAt: (x, y) => [...raw.subarray(at(x, y), at(x, y) + 3)] };
}

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
