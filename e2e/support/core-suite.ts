// For core tests (vitest): a fresh fake Clockify per test, and every core opened on it closed after
// the test. `ready()` signs a core in and clears the fake's request log, so a test sees only its own.
import { afterEach, beforeEach } from 'vitest';
import { startFakeClockify, type FakeClockify, type SeedSpec } from '../fake-clockify/server';
import { openCore, signedIn, type CoreOptions, type CoreUnderTest } from './core-fixture';

export interface CoreSuite {
  /** This test's fake server. */
  readonly fake: FakeClockify;
  /** A signed-in core, closed after the test. */
  ready(options?: CoreOptions): Promise<CoreUnderTest>;
  /** A core on an existing data directory (a restart), closed after the test. */
  reopen(options: CoreOptions): Promise<CoreUnderTest>;
  /** Closes a core now (before a restart) instead of after the test. */
  close(under: CoreUnderTest): void;
}

export function coreSuite(seed: SeedSpec = 'small'): CoreSuite {
  let fake: FakeClockify | undefined;
  const cores: CoreUnderTest[] = [];
  const current = () => {
    if (!fake) throw new Error('the fake Clockify runs only inside a test');
    return fake;
  };
  beforeEach(async () => {
    fake = await startFakeClockify({ seed });
  });
  afterEach(async () => {
    for (const under of cores.splice(0)) under.core.close();
    await fake?.close();
    fake = undefined;
  });
  return {
    get fake() {
      return current();
    },
    async ready(options = {}) {
      const under = await signedIn(current(), options);
      cores.push(under);
      current().clearRequests();
      return under;
    },
    async reopen(options) {
      const under = await openCore(current(), options);
      cores.push(under);
      return under;
    },
    close(under) {
      under.core.close();
      cores.splice(cores.indexOf(under), 1);
    },
  };
}
