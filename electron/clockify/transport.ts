// One HTTP exchange with Clockify: headers for the connection, a timeout, the client-side rate
// limit, retries where repeating is safe, and every failure turned into a ClockifyError.
import type { z } from 'zod';
import { backoffDelay, parseRetryAfter } from './backoff';
import type { ClientClock } from './clock';
import { ClockifyError, errorKindForStatus } from './errors';
import type { RateLimiter } from './rate-limiter';
import { errorBodySchema } from './schemas';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface TransportOptions {
  baseUrl: string;
  headers: Readonly<Record<string, string>>;
  /** The key in the headers: removed from anything the server says before it goes further. */
  secret: string;
  fetch: typeof fetch;
  clock: ClientClock;
  limiter: RateLimiter;
  random: () => number;
  timeoutMs: number;
  maxRetries: number;
  /** A server asking to wait longer than this is not waited for: the error goes to the caller. */
  maxRetryAfterMs: number;
  /** Requests go through the Maton gateway: its errors are said as Maton's. */
  gateway?: 'maton';
}

export interface RequestSpec<S extends z.ZodType> {
  method: HttpMethod;
  path: string;
  query?: Readonly<Record<string, string | number | boolean | undefined>>;
  body?: unknown;
  /** Schema of a 2xx body; omit for answers without one (DELETE). */
  schema?: S;
}

export interface Answer<T> {
  data: T;
  headers: Headers;
}

/** GET, PUT and DELETE can be repeated; POST and PATCH (stop) may have taken effect already. */
function isIdempotent(method: HttpMethod): boolean {
  return method === 'GET' || method === 'PUT' || method === 'DELETE';
}

/** Codes that prove the request never reached the server, so even a POST may be sent again. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);

function networkCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** What an error body says, whatever its shape: the first non-empty of message, description, error; else short plain text. */
export function readErrorBody(text: string): { said: string | undefined; code: number | undefined } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    // Empty bodies happen (404, 429); a proxy may answer plain text or an HTML page (not shown).
    const plain = text.trim();
    return { said: plain && !plain.startsWith('<') ? plain.slice(0, 300) : undefined, code: undefined };
  }
  const parsed = errorBodySchema.safeParse(json);
  if (!parsed.success) return { said: undefined, code: undefined };
  const { message, description, error, code } = parsed.data;
  const said = [message, description, error].map((part) => part?.trim()).find((part) => part);
  return { said, code: code ?? undefined };
}

export class Transport {
  constructor(private readonly options: TransportOptions) {}

  async request<S extends z.ZodType>(spec: RequestSpec<S>): Promise<Answer<z.output<S>>> {
    const { clock, maxRetries, random } = this.options;
    for (let attempt = 0; ; attempt++) {
      const outcome = await this.once(spec);
      if (!(outcome instanceof ClockifyError)) return outcome;
      const retryable = this.mayRetry(spec.method, outcome);
      const wait = outcome.retryAfterMs ?? backoffDelay(attempt, random);
      if (!retryable || attempt >= maxRetries || wait > this.options.maxRetryAfterMs) throw outcome;
      await clock.sleep(wait);
    }
  }

  private mayRetry(method: HttpMethod, error: ClockifyError): boolean {
    if (error.kind === 'rate-limited') return true; // a 429 was refused before it did anything
    if (error.kind === 'server' || error.kind === 'timeout') return isIdempotent(method);
    if (error.kind === 'network') return isIdempotent(method) || !error.outcomeUnknown;
    return false;
  }

  private async once<S extends z.ZodType>(spec: RequestSpec<S>): Promise<Answer<z.output<S>> | ClockifyError> {
    const { method, path } = spec;
    const answered = await this.options.limiter.take();
    const controller = new AbortController();
    const cancelTimeout = this.options.clock.setTimeout(() => controller.abort(), this.options.timeoutMs);
    let response: Response;
    let text: string;
    try {
      response = await this.options.fetch(this.url(spec), {
        method,
        headers: { ...this.options.headers, ...(spec.body === undefined ? {} : { 'Content-Type': 'application/json' }) },
        body: spec.body === undefined ? undefined : JSON.stringify(spec.body),
        signal: controller.signal,
      });
      text = await response.text();
    } catch (cause) {
      const timedOut = controller.signal.aborted;
      const notSent = !timedOut && NOT_SENT_CODES.has(networkCode(cause) ?? '');
      return new ClockifyError({
        kind: timedOut ? 'timeout' : 'network',
        method,
        path,
        outcomeUnknown: !isIdempotent(method) && !notSent,
        cause: timedOut ? undefined : networkCode(cause),
      });
    } finally {
      cancelTimeout();
      answered();
    }
    if (!response.ok) return this.failure(spec, response, text);
    return this.success(spec, response, text);
  }

  private success<S extends z.ZodType>(spec: RequestSpec<S>, response: Response, text: string): Answer<z.output<S>> | ClockifyError {
    if (!spec.schema) return { data: undefined as z.output<S>, headers: response.headers };
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return this.malformed(spec, response.status, 'the body is not JSON');
    }
    const parsed = spec.schema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return this.malformed(spec, response.status, issue ? `${issue.path.join('.') || 'body'}: ${issue.message}` : 'unexpected shape');
    }
    return { data: parsed.data, headers: response.headers };
  }

  private failure(spec: RequestSpec<z.ZodType>, response: Response, text: string): ClockifyError {
    const body = readErrorBody(text);
    const code = body.code;
    // A 500 or a gateway timeout may come after the server applied the write; 502/503 come from in front of it.
    const mayHaveApplied = !isIdempotent(spec.method) && (response.status === 500 || response.status === 504);
    return new ClockifyError({
      kind: errorKindForStatus(response.status, code),
      method: spec.method,
      path: spec.path,
      status: response.status,
      code,
      serverMessage: this.redact(body.said) || undefined,
      retryAfterMs: parseRetryAfter(response.headers.get('Retry-After'), this.options.clock.now()),
      outcomeUnknown: mayHaveApplied,
      gateway: this.options.gateway,
    });
  }

  /** A server or proxy may echo the request's key in its message; it must not reach a window or a file. */
  private redact(message: string | undefined): string | undefined {
    const { secret } = this.options;
    return message && secret.length >= 4 ? message.split(secret).join('[API key]') : message;
  }

  private malformed(spec: RequestSpec<z.ZodType>, status: number, detail: string): ClockifyError {
    // A write that answered 2xx took effect even if its body is unreadable.
    return new ClockifyError({
      kind: 'malformed',
      method: spec.method,
      path: spec.path,
      status,
      serverMessage: `unexpected response (${detail})`,
      outcomeUnknown: !isIdempotent(spec.method),
    });
  }

  private url(spec: RequestSpec<z.ZodType>): string {
    const url = new URL(this.options.baseUrl + spec.path);
    for (const [key, value] of Object.entries(spec.query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, String(value));
    }
    return url.toString();
  }
}
