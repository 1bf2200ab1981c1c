// Maton's connections API (seeds 000_9359abf6f36037b4.txt, 001_cfcef81cc7f3bf8d.txt): the person's
// Clockify OAuth connections behind the gateway. List, create (answers a URL to finish OAuth in a
// browser), read, delete; all with `Authorization: Bearer <Maton key>`. Same transport as the
// Clockify client: timeouts, the client-side rate limit, backoff on 429, errors as ClockifyError.
import { z } from 'zod';
import type { ClockifyClientOptions } from './client';
import { systemClock } from './clock';
import { ClockifyError } from './errors';
import { RateLimiter } from './rate-limiter';
import { Transport } from './transport';

/** The Clockify client's transport options (`secret` is the Maton key), and where the API lives. */
export type MatonConnectionsOptions = Pick<ClockifyClientOptions, 'secret' | 'fetch' | 'clock' | 'random' | 'timeoutMs' | 'maxRetries'> & {
  /** Where the connections API lives, e.g. https://api.maton.ai (no trailing slash). */
  origin: string;
};

/** One connection, read leniently: only the id is required (seed 000 and 001 show different amounts of it). */
export interface MatonConnection {
  readonly connectionId: string;
  /** ACTIVE, PENDING, FAILED…; '' when Maton left it out. */
  readonly status: string;
  /** Where the person finishes OAuth; null when absent. */
  readonly url: string | null;
  readonly app: string | null;
  readonly createdAt: string | null;
  readonly updatedAt: string | null;
}

const text = z.string().nullish().catch(null).transform((v) => v ?? null);
const connectionSchema = z
  .object({ connection_id: z.string().min(1), status: text, url: text, app: text, creation_time: text, last_updated_time: text })
  .transform((c): MatonConnection => ({ connectionId: c.connection_id, status: c.status ?? '', url: c.url, app: c.app, createdAt: c.creation_time, updatedAt: c.last_updated_time }));
/** `{"connection": {…}}` as the seeds show, or the connection itself. */
const oneSchema = z.union([z.object({ connection: connectionSchema }).transform((b) => b.connection), connectionSchema]);
/** `{"connections": […]}` as the seeds show, or a bare array; a missing list is an empty one. */
const listSchema = z.union([
  z.object({ connections: z.array(connectionSchema).nullish() }).transform((b) => b.connections ?? []),
  z.array(connectionSchema),
]);

const seg = encodeURIComponent;

export class MatonConnectionsClient {
  private readonly transport: Transport;

  constructor(options: MatonConnectionsOptions) {
    const clock = options.clock ?? systemClock;
    this.transport = new Transport({
      baseUrl: options.origin.replace(/\/+$/, ''),
      headers: { Accept: 'application/json', Authorization: `Bearer ${options.secret}` },
      secret: options.secret,
      fetch: options.fetch ?? globalThis.fetch.bind(globalThis),
      clock,
      limiter: new RateLimiter(clock, 10),
      random: options.random ?? Math.random,
      timeoutMs: options.timeoutMs ?? 15_000,
      maxRetries: options.maxRetries ?? 3,
      maxRetryAfterMs: 30_000,
      gateway: 'maton',
    });
  }

  /** The Clockify connections, ACTIVE ones unless another status is asked for. */
  async list(status: 'ACTIVE' | 'PENDING' | 'FAILED' = 'ACTIVE'): Promise<MatonConnection[]> {
    return (await this.transport.request({ method: 'GET', path: '/connections', query: { app: 'clockify', status }, schema: listSchema })).data;
  }

  /** A new connection, PENDING, with the URL where the person finishes OAuth. */
  async create(): Promise<MatonConnection> {
    return (await this.transport.request({ method: 'POST', path: '/connections', body: { app: 'clockify' }, schema: oneSchema })).data;
  }

  async get(connectionId: string): Promise<MatonConnection> {
    return (await this.transport.request({ method: 'GET', path: `/connections/${seg(connectionId)}`, schema: oneSchema })).data;
  }

  /** Deletes it; an answer body, whatever it holds, is not needed. */
  async remove(connectionId: string): Promise<void> {
    await this.transport.request({ method: 'DELETE', path: `/connections/${seg(connectionId)}` });
  }
}

/** Maton's refusals in words: what happened and what to do next. */
export function matonProblem(error: unknown, host: string): string {
  if (!(error instanceof ClockifyError)) return `Maton could not be asked: ${error instanceof Error ? error.message : String(error)}`;
  const said = error.serverMessage ? ` Maton said: "${error.serverMessage}".` : '';
  const status = error.status === undefined ? '' : ` (${error.status})`;
  switch (error.kind) {
    case 'unauthorized':
      return `Maton did not accept this key${status}.${said} Copy your key again from maton.ai and try again.`;
    case 'rate-limited':
      return `Maton is limiting requests${status}; wait a moment and try again.${said}`;
    case 'not-found':
      return `Maton does not know that connection${status}: it was removed elsewhere. The list is read again.${said}`;
    case 'network':
    case 'timeout':
      return `Cannot reach ${host}: check your network connection (and the connections URL), then try again.`;
    case 'server':
      return `Maton had a problem${status}; try again in a moment.${said}`;
    default:
      return `Maton refused this${status}.${said} Try again; if it persists, check your connections at maton.ai.`;
  }
}

/**
 * The gateway's 400 when there is no usable Clockify connection (none yet, or the chosen one is
 * gone or not active). Maton documents 400 "Missing Clockify connection or invalid request".
 */
export function isMissingConnection(error: unknown): boolean {
  return error instanceof ClockifyError && error.status === 400 && /connection/i.test(error.serverMessage ?? '');
}
