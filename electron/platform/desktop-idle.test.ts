import { describe, expect, it } from 'vitest';
import { findDesktopIdleMonitor, parseIdleMilliseconds, type RunCommand } from './desktop-idle';

describe('parseIdleMilliseconds', () => {
  it.each([
    ['(uint64 12345,)', 12345],
    ['(uint32 900,)\n', 900],
    ['(0,)', 0],
  ])('%s', (output, expected) => expect(parseIdleMilliseconds(output)).toBe(expected));
  it('refuses anything else', () => {
    expect(() => parseIdleMilliseconds("Error: GDBus.Error:org.freedesktop.DBus.Error.ServiceUnknown")).toThrow(/Unexpected/);
  });
});

describe('findDesktopIdleMonitor', () => {
  it("uses GNOME's Mutter idle monitor where it answers", async () => {
    let idle = 61_500;
    const calls: string[] = [];
    const run: RunCommand = async (_file, args) => {
      calls.push(args[3]!);
      if (args[3] === 'org.gnome.Mutter.IdleMonitor') return `(uint64 ${idle},)`;
      throw new Error('ServiceUnknown');
    };
    const reader = await findDesktopIdleMonitor(run);
    expect(reader?.desktop).toBe('GNOME');
    expect(reader?.idleSeconds()).toBe(61);
    idle = 125_000;
    await new Promise((resolve) => setTimeout(resolve, 0));
    reader?.idleSeconds(); // asks for a fresh reading
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(reader?.idleSeconds()).toBe(125);
    expect(calls.every((dest) => dest === 'org.gnome.Mutter.IdleMonitor')).toBe(true);
  });

  it("falls back to KDE's ScreenSaver interface", async () => {
    const run: RunCommand = async (_file, args) => {
      if (args[3] === 'org.freedesktop.ScreenSaver') return '(uint32 4000,)';
      throw new Error('ServiceUnknown');
    };
    const reader = await findDesktopIdleMonitor(run);
    expect(reader?.desktop).toBe('KDE');
    expect(reader?.idleSeconds()).toBe(4);
  });

  it('finds none where no desktop answers (gdbus missing or no service)', async () => {
    expect(await findDesktopIdleMonitor(async () => Promise.reject(new Error('ENOENT')))).toBeNull();
  });
});
