// The web harness: the real core and the real handler table behind a second transport (HTTP +
// server-sent events) serving the built renderer, so the app runs and is tested in a plain browser.
// Binds 127.0.0.1 only. Never part of the packaged app.
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { build } from 'esbuild';
import type { ClockifyServer } from '../../shared/connection';
import { ClockifyClient } from '../../electron/clockify/client';
import { ActivityLog } from '../../electron/core/activity-log';
import { AppCore } from '../../electron/core/app-core';
import { createFileCacheStore } from '../../electron/core/cache-store';
import { systemClock, type Clock } from '../../electron/core/clock';
import type { PowerSource } from '../../electron/core/idle-policy';
import { createFileJournalStore } from '../../electron/core/journal';
import { processEnvironment } from '../../electron/core/process-environment';
import { matonConnectionsWithOverrides, withServerOverrides } from '../../electron/core/server-overrides';
import { MatonConnectionsClient } from '../../electron/clockify/maton-connections';
import { createHandlers, dispatch } from '../../electron/ipc/handlers';
import { createConfSettingsStore } from '../../electron/platform/conf-settings';
import { createMemorySecretStore, type SecretStore } from '../../electron/platform/secret-store';
import { createKeychainSecretStore } from '../../electron/platform/secret-store-keychain';
import { serveAppFile } from '../../electron/protocol/app-files';
import { APP_ID, CONTENT_SECURITY_POLICY, mayOpenInBrowser } from '../../shared/app-identity';

export interface HarnessOptions {
  readonly port: number;
  /** Base URL of the API-key connection's Global server (default: the real global host). */
  readonly apiUrl?: string;
  /** Base URL of the Maton gateway. */
  readonly matonUrl?: string;
  /** Other regions, for tests that check "this key belongs to another server". */
  readonly regionUrls?: Partial<Record<Exclude<ClockifyServer, 'custom' | 'global'>, string>>;
  readonly dataDir: string;
  readonly secrets: 'memory' | 'keychain';
  readonly rendererDir: string;
  readonly clock?: Clock;
  readonly timeoutMs?: number;
  /** For reliability tests: how long a write whose answer was lost may still land (default 30 s). */
  readonly uncertainGraceMs?: number;
  /** Power events and idle time (tests play them; the harness has none of its own). */
  readonly power?: PowerSource;
  /** How long a Maton connection's OAuth may take (default 10 minutes). */
  readonly matonAddTimeoutMs?: number;
  /** Told of every URL the app asks to open in the browser (the CLI prints it). */
  readonly onOpenInBrowser?: (url: string) => void;
}

export interface Harness {
  readonly url: string;
  readonly core: AppCore;
  /**
   * Every URL the app asked to open in the system browser, in order. The harness never opens
   * anything: a test plays the browser (for Maton's OAuth: the fake's POST /__fake/maton/finish).
   */
  readonly openedUrls: readonly string[];
  close(): Promise<void>;
}

const repoRoot = path.resolve(import.meta.dirname, '../..');

export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const secrets: SecretStore = options.secrets === 'memory' ? createMemorySecretStore() : createKeychainSecretStore(APP_ID);
  const openedUrls: string[] = [];
  const clock = options.clock ?? systemClock;
  // As in main.ts: the durable activity record behind the forgotten-timer rescue, where power is played.
  const activity = options.power ? new ActivityLog({ dataDir: options.dataDir, clock, source: options.power }) : undefined;
  const core = await AppCore.open({
    secrets,
    settings: createConfSettingsStore(options.dataDir),
    journal: createFileJournalStore(options.dataDir),
    cache: createFileCacheStore(options.dataDir),
    clock,
    createClient: (connection, secret, how) => new ClockifyClient({ connection: withServerOverrides(connection, options), secret, timeoutMs: options.timeoutMs, ...(how?.quick ? { maxRetries: 0 } : {}) }),
    matonConnections: (place, secret) => new MatonConnectionsClient({ origin: matonConnectionsWithOverrides(place, options), secret, timeoutMs: options.timeoutMs }),
    // Recorded, never opened; refused like the desktop's shell refuses it.
    openInBrowser: async (url) => {
      if (!mayOpenInBrowser(url)) throw new Error('the app opens only https pages of Clockify and Maton');
      openedUrls.push(url);
      options.onOpenInBrowser?.(url);
    },
    matonAddTimeoutMs: options.matonAddTimeoutMs,
    systemTimeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    environment: processEnvironment(),
    newId: randomUUID,
    uncertainGraceMs: options.uncertainGraceMs,
    power: options.power,
    activity,
  });
  const handlers = createHandlers(core, { hideWindow: () => undefined });
  const bridgeScript = await bundleBridge();
  const streams = new Set<ServerResponse>();
  const unsubscribe = [
    core.onState((snapshot) => broadcast(streams, 'app:state', snapshot)),
    core.onNotice((notice) => broadcast(streams, 'app:notice', notice)),
  ];
  let stopTicks: (() => void) | null = null;

  const server = createServer((request, response) => {
    void route(request, response).catch((error: unknown) => {
      if (!response.headersSent) send(response, 500, 'text/plain', `Harness error: ${error instanceof Error ? error.message : String(error)}`);
    });
  });

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (request.method === 'POST' && url.pathname.startsWith('/__bridge/invoke/')) {
      const channel = decodeURIComponent(url.pathname.slice('/__bridge/invoke/'.length));
      let payload: unknown;
      try {
        payload = JSON.parse((await readBody(request)) || '{}');
      } catch {
        return sendJson(response, 400, { ok: false, message: 'The payload is not JSON.' });
      }
      const result = await dispatch(handlers, channel, payload);
      return sendJson(response, result.ok ? 200 : 400, result.ok ? { ok: true, value: result.value ?? null } : { ok: false, message: result.message });
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, 405, 'text/plain', 'Method not allowed');
    if (url.pathname === '/__bridge/events') return openStream(request, response);
    if (url.pathname === '/__bridge.js') return send(response, 200, 'text/javascript', bridgeScript);
    const pages: Record<string, string> = { '/': '/index.html', '/quick-entry': '/quick-entry.html' };
    return sendFile(request, response, pages[url.pathname] ?? url.pathname);
  }

  function openStream(request: IncomingMessage, response: ServerResponse): void {
    response.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    response.write(': connected\n\n');
    streams.add(response);
    core.setWindowVisible(true);
    stopTicks ??= core.onTick((tick) => broadcast(streams, 'timer:tick', tick));
    const keepAlive = setInterval(() => response.write(': keep-alive\n\n'), 15_000);
    request.on('close', () => {
      clearInterval(keepAlive);
      streams.delete(response);
      if (streams.size === 0) {
        core.setWindowVisible(false);
        stopTicks?.();
        stopTicks = null;
      }
    });
  }

  /**
   * The pages and their assets through the app's own app:// handler (electron/protocol/app-files.ts),
   * so these tests load the renderer the way the windows do. The one difference: pages get the
   * bridge script that stands in for the preload.
   */
  async function sendFile(request: IncomingMessage, response: ServerResponse, pathname: string): Promise<void> {
    const page = path.join(options.rendererDir, 'index.html');
    if (!existsSync(page)) return send(response, 503, 'text/plain', `The renderer is not built (${page} is missing): run "npm run build" first.`);
    const answer = await serveAppFile(new Request(new URL(pathname, 'http://127.0.0.1'), { method: request.method }), { root: options.rendererDir });
    const headers: Record<string, string> = {};
    answer.headers.forEach((value, name) => (headers[name] = value));
    let body = Buffer.from(await answer.arrayBuffer());
    if (answer.ok && headers['content-type']?.startsWith('text/html')) body = Buffer.from(body.toString('utf8').replace('<head>', '<head>\n    <script src="/__bridge.js"></script>'));
    response.writeHead(answer.status, headers);
    response.end(body);
  }

  await new Promise<void>((resolve) => server.listen(options.port, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    core,
    openedUrls,
    close: async () => {
      for (const stop of unsubscribe) stop();
      stopTicks?.();
      for (const stream of streams) stream.end();
      core.close();
      activity?.dispose();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function bundleBridge(): Promise<string> {
  const result = await build({ entryPoints: [path.join(repoRoot, 'e2e/harness/web-bridge.ts')], bundle: true, write: false, format: 'iife', target: 'es2022' });
  return result.outputFiles[0]!.text;
}

function broadcast(streams: Set<ServerResponse>, event: string, payload: unknown): void {
  const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
  for (const stream of streams) stream.write(frame);
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > 1_000_000) request.destroy(new Error('payload too large'));
      else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function send(response: ServerResponse, status: number, type: string, body: string | Buffer): void {
  response.writeHead(status, { 'Content-Type': type, 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' });
  response.end(body);
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  send(response, status, 'application/json', JSON.stringify(body));
}
