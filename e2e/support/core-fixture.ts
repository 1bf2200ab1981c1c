// A real AppCore against a fake Clockify server over real HTTP, with a fake clock for the core's
// own timers (outbox backoff, reconciliation, ticks) and files in a temporary data directory.
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ConnectionConfig } from '../../shared/connection';
import type { Notice } from '../../shared/domain';
import { ClockifyClient } from '../../electron/clockify/client';
import { MatonConnectionsClient } from '../../electron/clockify/maton-connections';
import { matonConnectionsUrl } from '../../shared/connection';
import { AppCore } from '../../electron/core/app-core';
import type { PowerSource } from '../../electron/core/idle-policy';
import type { ActivityEvidence } from '../../electron/core/activity-log';
import { createFileCacheStore } from '../../electron/core/cache-store';
import { createFileJournalStore } from '../../electron/core/journal';
import { createConfSettingsStore } from '../../electron/platform/conf-settings';
import { createMemorySecretStore, type SecretStore } from '../../electron/platform/secret-store';
import { FAKE_API_KEY, type FakeClockify } from '../fake-clockify/server';
import { FakeClock, settle } from './fake-clock';

export interface CoreUnderTest {
  readonly core: AppCore;
  readonly clock: FakeClock;
  readonly dataDir: string;
  readonly secrets: SecretStore;
  readonly notices: Notice[];
  /** URLs the core asked to open in the browser (nothing is opened). */
  readonly opened: string[];
  /** Lets the outbox and pending promises finish. */
  settled(): Promise<void>;
}

export interface CoreOptions {
  readonly dataDir?: string;
  readonly clock?: FakeClock;
  readonly secrets?: SecretStore;
  readonly environment?: { clockifyKey?: string; matonKey?: string; offsetHours?: number };
  /** Fake servers standing in for the regional hosts. */
  readonly regions?: Partial<Record<'global' | 'eu' | 'us' | 'uk' | 'au', FakeClockify>>;
  readonly timeZone?: string;
  /** The client's timeout per request (default 1 s). */
  readonly timeoutMs?: number;
  readonly power?: PowerSource;
  /** The durable activity record (the forgotten-timer rescue). */
  readonly activity?: ActivityEvidence;
  /** Jitter for the outbox's and the client's backoff (default Math.random). */
  readonly random?: () => number;
  /** How long a Maton connection's OAuth may take. */
  readonly matonAddTimeoutMs?: number;
}

export async function openCore(fake: FakeClockify, options: CoreOptions = {}): Promise<CoreUnderTest> {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'clockify-core-'));
  const clock = options.clock ?? new FakeClock(Date.now());
  const secrets = options.secrets ?? createMemorySecretStore();
  const regions = { global: fake, ...options.regions };
  const opened: string[] = [];
  // The client's timeouts run on the same fake clock as the core.
  const clientClock = { now: () => clock.now(), sleep: (ms: number) => new Promise<void>((resolve) => clock.setTimeout(resolve, ms)), setTimeout: (fn: () => void, ms: number) => clock.setTimeout(fn, ms) };
  const core = await AppCore.open({
    secrets,
    settings: createConfSettingsStore(dataDir),
    journal: createFileJournalStore(dataDir),
    cache: createFileCacheStore(dataDir),
    clock,
    createClient: (connection: ConnectionConfig, secret: string) => {
      const target = connection.kind === 'clockify' && connection.server !== 'custom' ? regions[connection.server] : undefined;
      const mapped: ConnectionConfig = target ? { kind: 'clockify', server: 'custom', baseUrl: target.url } : connection.kind === 'clockify' && connection.server !== 'custom' ? { kind: 'clockify', server: 'custom', baseUrl: 'http://127.0.0.1:9/api/v1' } : connection;
      return new ClockifyClient({ connection: mapped, secret, maxRetries: 0, timeoutMs: options.timeoutMs ?? 1000, clock: clientClock, ...(options.random ? { random: options.random } : {}) });
    },
    systemTimeZone: options.timeZone ?? 'Europe/Berlin',
    environment: options.environment ?? {},
    newId: randomUUID,
    power: options.power,
    activity: options.activity,
    random: options.random,
    matonConnections: (place, secret) => new MatonConnectionsClient({ origin: matonConnectionsUrl(place), secret, maxRetries: 0, timeoutMs: options.timeoutMs ?? 1000, clock: clientClock }),
    openInBrowser: async (url) => void opened.push(url),
    matonAddTimeoutMs: options.matonAddTimeoutMs,
  });
  const notices: Notice[] = [];
  core.onNotice((notice) => notices.push(notice));
  return {
    core,
    clock,
    dataDir,
    secrets,
    notices,
    opened,
    settled: async () => {
      // Real HTTP is in play: let in-flight requests land. A request held by a latency fault waits
      // for the fake clock, so waiting is capped in real time rather than until the outbox is idle.
      for (let round = 0; round < 3; round++) {
        await settle();
        await Promise.race([core.settled(), new Promise((resolve) => setTimeout(resolve, 100))]);
        await new Promise((resolve) => setTimeout(resolve, 15));
      }
    },
  };
}

export async function signedIn(fake: FakeClockify, options: CoreOptions = {}): Promise<CoreUnderTest> {
  const under = await openCore(fake, options);
  const result = await under.core.connect({ kind: 'clockify', server: 'global' }, FAKE_API_KEY);
  if (!result.ok) throw new Error(`sign-in failed: ${result.error.message}`);
  await under.settled();
  return under;
}
