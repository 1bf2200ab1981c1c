import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { appIconIcns, appIconIco, appIconPng, LINUX_ICON_SIZES } from './app-icon';

function pngSize(png: Buffer): number[] {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]));
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
}

function pixel(png: Buffer, x: number, y: number): number[] {
  const width = png.readUInt32BE(16);
  const raw = inflateSync(png.subarray(41, 41 + png.readUInt32BE(33)));
  const at = y * (width * 4 + 1) + 1 + x * 4;
  return [...raw.subarray(at, at + 4)];
}

describe('app icon', () => {
  it('draws every Linux size as a square PNG', () => {
    for (const size of LINUX_ICON_SIZES) expect(pngSize(appIconPng(size))).toEqual([size, size]);
  });

  it('is the white stopwatch on an opaque blue tile with transparent corners', () => {
    const png = appIconPng(256);
    expect(pixel(png, 2, 2)[3]).toBe(0); // outside the tile
    expect(pixel(png, 40, 128)).toEqual([3, 169, 244, 255]); // the tile, left of the stopwatch
    expect(pixel(png, 128, 128 + 58)).toEqual([255, 255, 255, 255]); // the ring, below the centre
  });

  it('gives the same bytes every time (reproducible builds)', () => {
    expect(appIconIcns().equals(appIconIcns())).toBe(true);
    expect(appIconIco().equals(appIconIco())).toBe(true);
  });

  it('writes an .icns whose elements are PNGs of the sizes their types stand for', () => {
    const icns = appIconIcns();
    expect(icns.toString('latin1', 0, 4)).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const found: Record<string, number[]> = {};
    for (let at = 8; at < icns.length; at += icns.readUInt32BE(at + 4)) {
      found[icns.toString('latin1', at, at + 4)] = pngSize(icns.subarray(at + 8, at + icns.readUInt32BE(at + 4)));
    }
    expect(found).toEqual({
      icp4: [16, 16], icp5: [32, 32], ic11: [32, 32], ic12: [64, 64], ic07: [128, 128],
      ic13: [256, 256], ic08: [256, 256], ic14: [512, 512], ic09: [512, 512], ic10: [1024, 1024],
    });
  });

  it('writes an .ico whose directory points at PNGs of the sizes it lists', () => {
    const ico = appIconIco();
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
    const count = ico.readUInt16LE(4);
    const sizes = [];
    for (let i = 0; i < count; i++) {
      const entry = 6 + 16 * i;
      const size = ico[entry] || 256;
      const png = ico.subarray(ico.readUInt32LE(entry + 12), ico.readUInt32LE(entry + 12) + ico.readUInt32LE(entry + 8));
      expect(pngSize(png)).toEqual([size, size]);
      sizes.push(size);
    }
    expect(sizes).toEqual([16, 24, 32, 48, 64, 128, 256]);
  });
});
