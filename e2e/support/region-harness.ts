// A web harness whose Clockify regions are all local, for the setup flows: Global is the spec's fake
// server, EU is a second fake server with its own key (so "this key belongs to the EU server" can be
// shown), and the other regions answer from the Global fake (they refuse the EU key at once; an
// unreachable region would cost the client's retries). Nothing reaches the real Clockify hosts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startHarness, type Harness } from '../harness/harness';
import { startFakeClockify, type FakeClockify } from '../fake-clockify/server';

export const EU_API_KEY = 'EUclockifyKEY0000demo0000tray0000timer0000000eu1';

export interface RegionHarness {
  readonly harness: Harness;
  readonly eu: FakeClockify;
  close(): Promise<void>;
}

export async function startRegionHarness(global: FakeClockify): Promise<RegionHarness> {
  const eu = await startFakeClockify({ seed: 'empty', apiKey: EU_API_KEY });
  const dataDir = mkdtempSync(path.join(tmpdir(), 'clockify-tray-e2e-regions-'));
  const harness = await startHarness({
    port: 0,
    apiUrl: global.url,
    matonUrl: global.matonUrl,
    regionUrls: { eu: eu.url, us: global.url, uk: global.url, au: global.url },
    dataDir,
    secrets: 'memory',
    rendererDir: path.resolve(import.meta.dirname, '../../dist/renderer'),
    timeoutMs: 3000,
  });
  return {
    harness,
    eu,
    close: async () => {
      await harness.close();
      await eu.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
