// A spec that tests an hour of its own pins the clocks to it, together: the app's (the harness's
// ShiftedClock), the fake Clockify's (its seed and its answers) and Chromium's `Date`. The app's and
// the fake's still run from there; Chromium's stays at that instant.
import type { Page } from '@playwright/test';
import type { AppFixture } from './fixtures';

export interface PinnedClock {
  /** The instant pinned (epoch ms). */
  readonly now: number;
  /** The fake Clockify's clock, for `fakeOptions.now`. */
  readonly fakeNow: () => Date;
  /** Moves the app's clock to the instant and fixes Chromium's there; call before signing in. */
  pin(app: AppFixture, page: Page): Promise<void>;
}

export function pinnedClock(at: string): PinnedClock {
  const now = Date.parse(at);
  const offset = now - Date.now();
  return {
    now,
    fakeNow: () => new Date(Date.now() + offset),
    pin: async (app, page) => {
      app.clock.advance(offset);
      await page.clock.setFixedTime(now);
    },
  };
}
