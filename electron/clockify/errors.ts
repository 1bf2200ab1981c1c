// One error type for everything that can go wrong talking to Clockify. It never carries the key:
// only the method, the path (ids, no query) and what the server said.

export type ClockifyErrorKind =
  | 'unauthorized' // 401: no key, unknown key, or a key from another region / server
  | 'forbidden' // 403: no permission
  | 'locked' // 403 code 1003: the entry is locked for editing
  | 'not-found' // 404: unknown route, or nothing running on stop
  | 'rejected' // 400: validation (a workspace rule, an id not in the workspace, a bad value)
  | 'rate-limited' // 429
  | 'server' // 5xx
  | 'network' // the request could not be sent or the connection dropped
  | 'timeout' // no answer in time
  | 'malformed'; // the answer was not what Clockify sends

export interface ClockifyErrorInit {
  kind: ClockifyErrorKind;
  method: string;
  path: string;
  status?: number;
  code?: number;
  serverMessage?: string;
  /** True when a write may have reached the server although no answer came back. */
  outcomeUnknown?: boolean;
  retryAfterMs?: number;
  /** Set when the request went through the Maton gateway: its refusals are Maton's, said so. */
  gateway?: 'maton';
  cause?: unknown;
}

export class ClockifyError extends Error {
  readonly kind: ClockifyErrorKind;
  readonly method: string;
  readonly path: string;
  readonly status: number | undefined;
  readonly code: number | undefined;
  readonly serverMessage: string | undefined;
  readonly outcomeUnknown: boolean;
  readonly retryAfterMs: number | undefined;
  readonly gateway: 'maton' | undefined;

  constructor(init: ClockifyErrorInit) {
    const detail = init.serverMessage ?? defaultMessage(init.kind);
    const status = init.status === undefined ? '' : ` ${init.status}`;
    super(`${init.method} ${init.path} failed:${status} ${detail}`, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'ClockifyError';
    this.kind = init.kind;
    this.method = init.method;
    this.path = init.path;
    this.status = init.status;
    this.code = init.code;
    this.serverMessage = init.serverMessage;
    this.outcomeUnknown = init.outcomeUnknown ?? false;
    this.retryAfterMs = init.retryAfterMs;
    this.gateway = init.gateway;
  }

  /** What the user can make of it: what happened, and what to do next. */
  get userMessage(): string {
    const said = this.serverMessage ? ` Clockify said: "${this.serverMessage}"` : '';
    const status = this.status === undefined ? '' : ` (${this.status})`;
    if (this.gateway === 'maton') {
      const maton = matonMessage(this.kind, this.status, this.serverMessage);
      if (maton) return maton;
    }
    switch (this.kind) {
      case 'unauthorized':
        return `Clockify did not accept the key${status}. Check that it is your current API key and that the server (region) matches your account.${said}`;
      case 'forbidden':
        return `Clockify refused this${status}: your account lacks permission for it.${said}`;
      case 'locked':
        return `This entry is locked${status}; ask a workspace admin to unlock it or leave it as it is.${said}`;
      case 'not-found':
        return `Clockify could not find that${status}.${said}`;
      case 'rejected':
        return `Clockify rejected the change${status}; fix the highlighted field and try again.${said}`;
      case 'rate-limited':
        return `Clockify is limiting requests${status}; the app will try again shortly.${said}`;
      case 'server':
        return `Clockify had a problem${status}; the app will try again.${said}`;
      case 'network':
        return 'Clockify cannot be reached. Check your connection; nothing is lost, changes are sent when it returns.';
      case 'timeout':
        return 'Clockify did not answer in time. Nothing is lost; the app will try again.';
      case 'malformed':
        return `Clockify sent an answer the app does not understand${status}${this.serverMessage ? ` (${this.serverMessage})` : ''}. Try again; if it persists, report it.`;
    }
  }
}

/** The gateway's own refusals (Maton documents 400 missing connection, 401 bad key, 429 rate limit). */
function matonMessage(kind: ClockifyErrorKind, status: number | undefined, serverMessage: string | undefined): string | null {
  const said = serverMessage ? ` Maton said: "${serverMessage}"` : '';
  if (kind === 'unauthorized') return `The Maton gateway did not accept the key (${status}). Copy your Maton key again from maton.ai and enter it with "Change key".${said}`;
  if (kind === 'rate-limited') return `The Maton gateway is limiting requests (${status}); the app will try again shortly.${said}`;
  if (kind === 'rejected' && /connection/i.test(serverMessage ?? '')) {
    return `Maton has no usable Clockify connection for this account (${status}): choose "Add Clockify account" in the account menu, or pick another connection.${said}`;
  }
  return null;
}

export function errorKindForStatus(status: number, code: number | undefined): ClockifyErrorKind {
  if (status === 401) return 'unauthorized';
  if (status === 403) return code === 1003 ? 'locked' : 'forbidden';
  if (status === 404 || status === 405) return 'not-found';
  if (status === 429) return 'rate-limited';
  if (status >= 500) return 'server';
  return 'rejected';
}

/** The technical message's words when the server said none (its status is already in the message). */
function defaultMessage(kind: ClockifyErrorKind): string {
  switch (kind) {
    case 'unauthorized':
      return 'the API key was not accepted';
    case 'forbidden':
      return 'access denied';
    case 'locked':
      return 'the entry is locked';
    case 'not-found':
      return 'not found';
    case 'rejected':
      return 'the request was rejected';
    case 'rate-limited':
      return 'too many requests';
    case 'server':
      return 'server error';
    case 'network':
      return 'the network request failed';
    case 'timeout':
      return 'the request timed out';
    case 'malformed':
      return 'the response was malformed';
  }
}
