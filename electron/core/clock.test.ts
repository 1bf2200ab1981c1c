import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeClock } from '../../e2e/support/fake-clock';
import { sleep, systemClock } from './clock';

describe('the system clock', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('tells the time of the computer', () => {
    vi.setSystemTime(Date.parse('2026-03-10T09:00:00Z'));
    expect(systemClock.now()).toBe(Date.parse('2026-03-10T09:00:00Z'));
  });

  it('calls back once the time has passed, and not at all once cancelled', () => {
    const fired: string[] = [];
    systemClock.setTimeout(() => fired.push('kept'), 1_000);
    const cancel = systemClock.setTimeout(() => fired.push('cancelled'), 1_000);
    vi.advanceTimersByTime(999);
    expect(fired).toEqual([]);
    cancel();
    vi.advanceTimersByTime(1);
    expect(fired).toEqual(['kept']);
  });

  it('never keeps the app from quitting: a waiting timer holds no reference on the process', () => {
    const handles: NodeJS.Timeout[] = [];
    const real = globalThis.setTimeout;
    const spy = vi.spyOn(globalThis, 'setTimeout').mockImplementation(((fn: () => void, ms: number) => {
      const handle = real(fn, ms);
      handles.push(handle);
      return handle;
    }) as typeof setTimeout);
    const cancel = systemClock.setTimeout(() => undefined, 3_600_000);
    spy.mockRestore();
    expect(handles.map((handle) => handle.hasRef())).toEqual([false]);
    cancel();
  });
});

describe('sleep', () => {
  it('resolves once the clock has moved on by the time asked', async () => {
    const clock = new FakeClock('2026-03-10T09:00:00Z');
    let woke = false;
    void sleep(clock, 5_000).then(() => (woke = true));
    await clock.advance(4_999);
    expect(woke).toBe(false);
    await clock.advance(1);
    expect(woke).toBe(true);
  });
});
