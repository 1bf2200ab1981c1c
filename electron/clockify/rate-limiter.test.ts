import { describe, expect, it } from 'vitest';
import type { ClientClock } from './clock';
import { RateLimiter } from './rate-limiter';

/** A clock whose sleep advances time at once, recording how long each wait was. */
function fakeClock(): ClientClock & { sleeps: number[] } {
  let now = 0;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
    },
    setTimeout: () => () => undefined,
  };
}

describe('RateLimiter', () => {
  it('lets 50 requests start at once and makes the 51st wait for the window', async () => {
    const clock = fakeClock();
    const limiter = new RateLimiter(clock, 50, 1000);
    for (let i = 0; i < 50; i++) (await limiter.take())();
    expect(clock.sleeps).toEqual([]);
    await limiter.take();
    expect(clock.sleeps).toEqual([1000]);
  });

  it('never lets more than the limit start within any window', async () => {
    const clock = fakeClock();
    const limiter = new RateLimiter(clock, 5, 1000);
    const starts: number[] = [];
    await Promise.all(Array.from({ length: 23 }, () => limiter.take().then((answered) => {
      starts.push(clock.now());
      answered();
    })));
    expect(starts).toHaveLength(23);
    for (const start of starts) {
      expect(starts.filter((other) => other >= start && other < start + 1000).length).toBeLessThanOrEqual(5);
    }
    expect(starts.at(-1)).toBe(4000);
  });

  it('holds a slot until a window after its answer, so a slow answer cannot squeeze two arrivals into a window', async () => {
    const clock = fakeClock();
    const limiter = new RateLimiter(clock, 2, 1000);
    const slow = await limiter.take(); // starts at 0
    (await limiter.take())(); // starts and is answered at 0
    await clock.sleep(700);
    slow(); // answered at 700: it may have reached the server as late as that
    const third = await limiter.take().then(() => clock.now());
    const fourth = await limiter.take().then(() => clock.now());
    expect([third, fourth]).toEqual([1000, 1700]);
  });
});
