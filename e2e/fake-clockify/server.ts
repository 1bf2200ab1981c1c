// A fake Clockify over real HTTP on 127.0.0.1: the API under /api/v1 (X-Api-Key) and under
// /clockify/api/v1 (the Maton gateway's Bearer auth), faults for transport failures, and a control
// API under /__fake/. Behaviour follows ../shared/docs/clockify-api.md (beside the repo);
// inferences are marked where they are made and listed in README.md.

import { STATUS_CODES, createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ControlTarget } from './control';
import type { Fault } from './faults';
import type { FakeState } from './model';
import type { RecordedRequest } from './recording';
import type { ApiResponse } from './responses';
import type { SeedOptions, SeedSpec } from './seed';
import { API_BASE, MATON_BASE, handleApiRequest, splitBase } from './api';
import { CONTROL_BASE, handleControlRequest } from './control';
import { FaultList } from './faults';
import { createIdGenerator } from './ids';
import { recordRequest } from './recording';
import { buildState } from './seed';
import { RateWindow } from './rate-window';
import { Store } from './store';

export type { Fault, FaultMatch } from './faults';
export type { FakeState } from './model';
export type { RecordedRequest } from './recording';
export type { SeedSpec } from './seed';
export { FAKE_MATON_CONNECTION_ID } from './seed';

/** A fixed 48-character demo key; not a real Clockify key. */
export const FAKE_API_KEY = 'FAKEclockifyKEY0000demo0000tray0000timer000000x1';
export const FAKE_MATON_KEY = 'fake-maton-key-for-demos-0001';

const HOST = '127.0.0.1';

export interface FakeClockifyOptions {
  /** 0 or omitted = an ephemeral port. */
  port?: number;
  /** Default 'small'. */
  seed?: SeedSpec;
  /** Default FAKE_API_KEY. */
  apiKey?: string;
  /** Default FAKE_MATON_KEY. */
  matonKey?: string;
  /** The user's settings.timeZone (IANA); default 'Europe/Berlin'. */
  timeZone?: string;
  /** Clock for server-side timestamps (seeds, ids, a start left out of a POST); default real time. */
  now?: () => Date;
  /**
   * How latency and refuse faults wait; default real time. Tests whose app runs on a fake clock
   * pass that clock here, so a slow request lands (and a refusal ends) when the app's time says so.
   */
  delay?: (ms: number) => Promise<void>;
  /** Requests per second and credential before 429 (default 50, Clockify's documented limit); null = no limit. */
  rateLimit?: number | null;
  /** The clock of the rate limit, in ms (default: real monotonic time). */
  rateClock?: () => number;
}

export interface FakeClockify {
  /** `http://127.0.0.1:<port>/api/v1` (X-Api-Key). */
  readonly url: string;
  /** `http://127.0.0.1:<port>/clockify/api/v1` (Authorization: Bearer <matonKey>, optional Maton-Connection). */
  readonly matonUrl: string;
  readonly origin: string;
  /** The data, directly readable and writable by tests. */
  readonly state: FakeState;
  /** Every API request (control requests excluded), in arrival order. */
  readonly requests: RecordedRequest[];
  /** Requests a latency fault holds for the injected `delay` clock (not real time): they answer only when that clock moves. */
  readonly held: number;
  clearRequests(): void;
  addFault(fault: Fault): void;
  clearFaults(): void;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** An answer as written to the wire. */
interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

function fromApiResponse(response: ApiResponse): RawResponse {
  return { status: response.status, headers: response.headers ?? {}, body: response.body === undefined ? '' : JSON.stringify(response.body) };
}

function fromStatusFault(fault: Extract<Fault, { kind: 'status' }>): RawResponse {
  return {
    status: fault.status,
    headers: fault.retryAfter === undefined ? {} : { 'Retry-After': String(fault.retryAfter) },
    body: fault.body === undefined ? JSON.stringify({ message: STATUS_CODES[fault.status] ?? 'Error', code: fault.status }) : fault.body ?? '',
  };
}

/** Ends the connection with a TCP reset and no answer. */
function drop(req: IncomingMessage): void {
  req.socket.resetAndDestroy();
}

class FakeClockifyServer implements FakeClockify, ControlTarget {
  readonly requests: RecordedRequest[] = [];
  held = 0;
  private readonly faults = new FaultList();
  private readonly server: Server;
  private readonly timers = new Set<NodeJS.Timeout>();
  private port = 0;

  constructor(
    private readonly store: Store,
    private readonly seedOptions: () => SeedOptions,
    private readonly matonKey: string,
    private readonly delay: ((ms: number) => Promise<void>) | undefined,
    private readonly rate: RateWindow | null,
  ) {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        if (!res.headersSent) this.write(res, fromApiResponse({ status: 500, body: { message: `fake-clockify bug: ${(error as Error).message}`, code: 500 } }));
      });
    });
  }

  get origin(): string {
    return `http://${HOST}:${this.port}`;
  }

  get url(): string {
    return this.origin + API_BASE;
  }

  get matonUrl(): string {
    return this.origin + MATON_BASE;
  }

  get state(): FakeState {
    return this.store.state;
  }

  async listen(port: number): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, HOST, () => {
        this.server.off('error', reject);
        resolve();
      });
    });
    this.port = (this.server.address() as AddressInfo).port;
  }

  clearRequests(): void {
    this.requests.length = 0;
  }

  addFault(fault: Fault): void {
    const matchesAnyRequest = fault.match?.method === undefined && fault.match?.path === undefined;
    if (fault.kind === 'refuse' && matchesAnyRequest) this.refuse(fault.forMs);
    else this.faults.add(fault);
  }

  clearFaults(): void {
    this.faults.clear();
  }

  now(): Date {
    return this.store.now();
  }

  reseed(spec: SeedSpec): void {
    this.store.replaceState(buildState(spec, this.seedOptions()));
  }

  async close(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    if (!this.server.listening) return;
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  /** While refusing, answers close their connection so no kept-alive socket slips past the refusal. */
  private write(res: ServerResponse, response: RawResponse): void {
    res.writeHead(response.status, {
      ...(response.body ? { 'Content-Type': 'application/json' } : {}),
      ...response.headers,
      ...(this.server.listening ? {} : { Connection: 'close' }),
    });
    res.end(response.body);
  }

  /** Timers are cancelled on close, so a pending latency fault never answers after it. */
  private after(ms: number, action: () => void): void {
    if (this.delay) {
      void this.delay(ms).then(action);
      return;
    }
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      action();
    }, ms);
    this.timers.add(timer);
  }

  /**
   * Connection refused for forMs: stop listening and close idle keep-alive connections (so pooled
   * sockets cannot slip past), let requests in progress finish, then listen on the same port again.
   */
  private refuse(forMs: number): void {
    if (!this.server.listening) return;
    this.server.close();
    this.server.closeIdleConnections();
    this.after(forMs, () => {
      this.listen(this.port).catch((error: Error) => console.error(`fake-clockify: cannot listen on port ${this.port} again: ${error.message}`));
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.origin);
    const bodyText = await readBody(req);
    const method = req.method ?? 'GET';
    if (url.pathname.startsWith(`${CONTROL_BASE}/`)) {
      this.write(res, fromApiResponse(handleControlRequest(method, url.pathname.slice(CONTROL_BASE.length), bodyText, this)));
      return;
    }

    const record = recordRequest(req, url, bodyText, this.store.now());
    this.requests.push(record);
    const fault = this.faults.take(method, url.pathname, splitBase(url.pathname)?.path);
    record.fault = fault?.kind;
    if (fault?.kind === 'latency') {
      const onDelayClock = this.delay !== undefined;
      if (onDelayClock) this.held++;
      await new Promise<void>((resolve) => this.after(fault.ms, resolve));
      if (onDelayClock) this.held--;
    }
    switch (fault?.kind) {
      case 'reset':
        drop(req);
        return;
      case 'refuse':
        drop(req);
        this.refuse(fault.forMs);
        return;
      case 'status':
        record.status = fault.status;
        this.write(res, fromStatusFault(fault));
        return;
    }

    if (this.rate && !this.rate.admit(record.headers)) {
      record.status = 429;
      this.write(res, fromApiResponse({ status: 429, body: { message: 'Too many requests', code: 429 } }));
      return;
    }
    const response = handleApiRequest({ method, pathname: url.pathname, query: url.searchParams, headers: record.headers, bodyText }, this.store, this.matonKey);
    if (fault?.kind === 'apply-then-drop') {
      drop(req);
      return;
    }
    if (fault?.kind === 'apply-then-status') {
      record.status = fault.status;
      this.write(res, { status: fault.status, headers: {}, body: fault.body });
      return;
    }
    record.status = response.status;
    this.write(res, fromApiResponse(response));
  }
}

export async function startFakeClockify(opts: FakeClockifyOptions = {}): Promise<FakeClockify> {
  const now = opts.now ?? (() => new Date());
  const newId = createIdGenerator(now);
  const seedOptions = (): SeedOptions => ({ apiKey: opts.apiKey ?? FAKE_API_KEY, timeZone: opts.timeZone ?? 'Europe/Berlin', now: now(), newId });
  const store = new Store(buildState(opts.seed ?? 'small', seedOptions()), newId, now);
  const limit = opts.rateLimit === undefined ? 50 : opts.rateLimit;
  const rate = limit === null ? null : new RateWindow(limit, opts.rateClock ?? (() => performance.now()));
  const fake = new FakeClockifyServer(store, seedOptions, opts.matonKey ?? FAKE_MATON_KEY, opts.delay, rate);
  await fake.listen(opts.port ?? 0);
  return fake;
}
