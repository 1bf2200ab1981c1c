// Injected failures: which request they hit, how many times, and reading them from JSON.

export type FaultMatch = {
  /** Case-insensitive; any method when omitted. */
  method?: string;
  /**
   * A string must equal the path, either in full (`/api/v1/user`) or relative to the API base
   * (`/user`, the same in both connection modes). A RegExp is tested against the full path.
   */
  path?: string | RegExp;
};

export type Fault = {
  match?: FaultMatch;
  /** How many matching requests it hits: default 1; Infinity = until cleared. */
  count?: number;
} & (
  | {
      kind: 'status';
      status: number;
      /** null = empty body; omitted = `{"message", "code"}` with the status text. */
      body?: string | null;
      /** Sent as a Retry-After header, in seconds. */
      retryAfter?: number;
    }
  /** Destroy the socket without answering, before applying the request. */
  | { kind: 'reset' }
  /** Apply the request (e.g. create the entry), then destroy the socket without answering. */
  | { kind: 'apply-then-drop' }
  /**
   * Apply the request, then answer `status` with `body` instead of the real answer: a 500 or 504
   * after the write took effect, or a 2xx whose body is malformed.
   */
  | { kind: 'apply-then-status'; status: number; body: string }
  /** Wait, then apply and answer normally. */
  | { kind: 'latency'; ms: number }
  /**
   * Stop listening (connection refused) for forMs, then listen again on the same port. Without a
   * method or path to match it starts when added, so the next request is refused; with one, the
   * first matching request starts it and is itself dropped (it had already connected).
   */
  | { kind: 'refuse'; forMs: number }
);

function pathMatches(expected: string | RegExp, fullPath: string, apiPath: string | undefined): boolean {
  return typeof expected === 'string' ? expected === fullPath || expected === apiPath : expected.test(fullPath);
}

/** The faults waiting to fire, in the order they were added. */
export class FaultList {
  private readonly pending: { fault: Fault; remaining: number }[] = [];

  add(fault: Fault): void {
    this.pending.push({ fault, remaining: fault.count ?? 1 });
  }

  clear(): void {
    this.pending.length = 0;
  }

  /** The first fault matching the request, used up once. `apiPath` is the path relative to the API base, if any. */
  take(method: string, fullPath: string, apiPath: string | undefined): Fault | undefined {
    const index = this.pending.findIndex(({ fault: { match } }) =>
      (match?.method === undefined || match.method.toUpperCase() === method)
      && (match?.path === undefined || pathMatches(match.path, fullPath, apiPath)));
    const found = this.pending[index];
    if (!found) return undefined;
    found.remaining -= 1;
    if (found.remaining <= 0) this.pending.splice(index, 1);
    return found.fault;
  }
}

function fail(message: string): never {
  throw new Error(`invalid fault: ${message}`);
}

function numberAt(json: Record<string, unknown>, key: string): number {
  const value = json[key];
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) fail(`${key} must be a non-negative number`);
  return value;
}

const FAULT_FIELDS = new Set(['kind', 'match', 'count', 'status', 'body', 'retryAfter', 'ms', 'forMs', 'pathRegex']);

function matchFromJson(value: unknown, topLevelPathRegex: unknown): FaultMatch {
  if (value !== undefined && (typeof value !== 'object' || value === null)) fail('match must be an object');
  const { method, path, pathRegex: nestedPathRegex, ...unknown } = (value ?? {}) as Record<string, unknown>;
  if (Object.keys(unknown).length > 0) fail(`unknown match field(s) ${Object.keys(unknown).join(', ')}; use method, path or pathRegex`);
  if (nestedPathRegex !== undefined && topLevelPathRegex !== undefined) fail('give pathRegex once');
  const pathRegex = nestedPathRegex ?? topLevelPathRegex;
  if (path !== undefined && pathRegex !== undefined) fail('give a path or a pathRegex, not both');
  const match: FaultMatch = {};
  if (method !== undefined) match.method = typeof method === 'string' ? method : fail('match.method must be a string');
  if (path !== undefined) match.path = typeof path === 'string' ? path : fail('match.path must be a string');
  if (pathRegex !== undefined) match.path = typeof pathRegex === 'string' ? new RegExp(pathRegex) : fail('pathRegex must be a string');
  return match;
}

/**
 * A fault sent to the control API as JSON. The path regex is a RegExp source in `pathRegex`,
 * inside `match` or at the top level. `count: null` or `"Infinity"` means unlimited, since
 * JSON.stringify turns Infinity into null. Unknown fields are refused, so a typo cannot turn a
 * narrow fault into one that hits every request.
 */
export function faultFromJson(value: unknown): Fault {
  if (typeof value !== 'object' || value === null) fail('expected a JSON object');
  const json = value as Record<string, unknown>;
  const unknown = Object.keys(json).filter((key) => !FAULT_FIELDS.has(key));
  if (unknown.length > 0) fail(`unknown field(s) ${unknown.join(', ')}`);
  const match = matchFromJson(json.match, json.pathRegex);
  const count = json.count === null || json.count === 'Infinity' ? Infinity : json.count === undefined ? 1 : numberAt(json, 'count');
  const common = { match, count };
  switch (json.kind) {
    case 'status': {
      const body = json.body;
      if (body !== undefined && body !== null && typeof body !== 'string') fail('body must be a string or null');
      return {
        ...common, kind: 'status', status: numberAt(json, 'status'), body,
        ...(json.retryAfter === undefined ? {} : { retryAfter: numberAt(json, 'retryAfter') }),
      };
    }
    case 'apply-then-status': {
      if (typeof json.body !== 'string') fail('body must be a string');
      return { ...common, kind: 'apply-then-status', status: numberAt(json, 'status'), body: json.body };
    }
    case 'reset':
    case 'apply-then-drop':
      return { ...common, kind: json.kind };
    case 'latency':
      return { ...common, kind: 'latency', ms: numberAt(json, 'ms') };
    case 'refuse':
      return { ...common, kind: 'refuse', forMs: numberAt(json, 'forMs') };
    default:
      return fail(`unknown kind ${JSON.stringify(json.kind)}; use status, reset, apply-then-drop, apply-then-status, latency or refuse`);
  }
}
