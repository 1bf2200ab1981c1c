// A real AppCore outside the harness (as main creates it), for the benchmarks that need no page:
// the core's own clock is injectable (a fake clock for the simulated day), while the Clockify
// client always waits in real time, since its requests travel over real HTTP.
import { randomUUID } from 'node:crypto';
import type { ConnectionConfig } from '../../shared/connection';
import { ClockifyClient } from '../../electron/clockify/client';
import { AppCore } from '../../electron/core/app-core';
import { createFileCacheStore } from '../../electron/core/cache-store';
import type { Clock } from '../../electron/core/clock';
import { createFileJournalStore } from '../../electron/core/journal';
import { createConfSettingsStore } from '../../electron/platform/conf-settings';
import type { SecretStore } from '../../electron/platform/secret-store';

export interface BenchCoreOptions {
  /** The fake Clockify's API base URL. */
  readonly apiUrl: string;
  readonly dataDir: string;
  readonly secrets: SecretStore;
  readonly clock: Clock;
  /** Wraps the client's fetch (to count requests in flight). */
  readonly fetch?: typeof globalThis.fetch;
}

export function openBenchCore(options: BenchCoreOptions): Promise<AppCore> {
  return AppCore.open({
    secrets: options.secrets,
    settings: createConfSettingsStore(options.dataDir),
    journal: createFileJournalStore(options.dataDir),
    cache: createFileCacheStore(options.dataDir),
    clock: options.clock,
    createClient: (connection: ConnectionConfig, secret: string, how) => {
      const mapped: ConnectionConfig = connection.kind === 'clockify' ? { kind: 'clockify', server: 'custom', baseUrl: options.apiUrl } : connection;
      return new ClockifyClient({ connection: mapped, secret, timeoutMs: 10_000, ...(options.fetch ? { fetch: options.fetch } : {}), ...(how?.quick ? { maxRetries: 0 } : {}) });
    },
    systemTimeZone: 'Europe/Berlin',
    environment: {},
    newId: randomUUID,
  });
}
