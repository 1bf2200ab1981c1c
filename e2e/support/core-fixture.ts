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

/** The cores' requests in progress (all cores of this test process), and the fakes that may hold them. */
const inFlight = { count: 0 };
const fakes = new Set<FakeClockify>();

/** fetch, counted from the call until the body has been read, so "no request in progress" means the core has its answer. */
const countingFetch: typeof fetch = async (input, init) => {
  inFlight.count++;
  try {
    const response = await fetch(input, init);
    const body = await response.arrayBuffer();
    return new Response(response.status === 204 || response.status === 304 ? null : body, { status: response.status, statusText: response.statusText, headers: response.headers });
  } finally {
    inFlight.count--;
  }
};

/** Nothing is in progress but what waits for the fake clock: requests held by a latency fault. */
function quiet(): boolean {
  let held = 0;
  for (const fake of fakes) held += fake.held;
  return inFlight.count <= held;
}

export async function openCore(fake: FakeClockify, options: CoreOptions = {}): Promise<CoreUnderTest> {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'clockify-core-'));
  const clock = options.clock ?? new FakeClock(Date.now());
  const secrets = options.secrets ?? createMemorySecretStore();
  const regions = { global: fake, ...options.regions };
  for (const server of Object.values(regions)) if (server) fakes.add(server);
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
      return new ClockifyClient({ connection: mapped, secret, maxRetries: 0, timeoutMs: options.timeoutMs ?? 1000, clock: clientClock, fetch: countingFetch, ...(options.random ? { random: options.random } : {}) });
    },
    systemTimeZone: options.timeZone ?? 'Europe/Berlin',
    environment: options.environment ?? {},
    newId: randomUUID,
    power: options.power,
    activity: options.activity,
    random: options.random,
    matonConnections: (place, secret) => new MatonConnectionsClient({ origin: matonConnectionsUrl(place), secret, maxRetries: 0, timeoutMs: options.timeoutMs ?? 1000, clock: clientClock, fetch: countingFetch }),
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
      // Waits for events, not for time: until no request is in progress (except those a latency
      // fault holds for the fake clock) and the outbox has nothing it can send, twice in a row.
      const giveUpAt = Date.now() + 10_000;
      for (let calm = 0; calm < 2; ) {
        if (Date.now() > giveUpAt) throw new Error(`settled(): ${inFlight.count} request(s) still in progress after 10 s`);
        await settle();
        let idle = false;
        void core.settled().then(() => (idle = true));
        await settle();
        if (quiet() && (idle || inFlight.count > 0)) calm++;
        else {
          calm = 0;
          await new Promise((resolve) => setTimeout(resolve, 1));
        }
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
