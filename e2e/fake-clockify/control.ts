// The control API under /__fake/: lets another process (Playwright, the web harness) read the
// recorded requests and the state, inject faults and reseed. JSON, no auth, never recorded.

import type { Fault } from './faults';
import type { FakeState } from './model';
import type { RecordedRequest } from './recording';
import type { ApiResponse } from './responses';
import type { SeedSpec } from './seed';
import { faultFromJson } from './faults';
import { connectUrl, finishConnection, parseFinishConnection } from './maton-connections';
import { noContent, ok } from './responses';
import { parseSeedSpec } from './seed';

export const CONTROL_BASE = '/__fake';

export interface ControlTarget {
  readonly requests: readonly RecordedRequest[];
  readonly state: FakeState;
  clearRequests(): void;
  addFault(fault: Fault): void;
  clearFaults(): void;
  reseed(spec: SeedSpec): void;
  now(): Date;
}

function problem(status: number, message: string): ApiResponse {
  return { status, body: { message } };
}

function readJson(text: string): unknown {
  return text.trim() === '' ? undefined : JSON.parse(text);
}

function route(method: string, path: string, bodyText: string, target: ControlTarget): ApiResponse {
  switch (`${method} ${path}`) {
    case 'GET /requests':
      return ok(target.requests);
    case 'DELETE /requests':
      target.clearRequests();
      return noContent();
    case 'POST /faults':
      target.addFault(faultFromJson(readJson(bodyText)));
      return noContent();
    case 'DELETE /faults':
      target.clearFaults();
      return noContent();
    case 'GET /state':
      return ok(target.state);
    case 'POST /maton/finish': {
      // The browser's side of Maton's OAuth: what a person does on the connect page.
      const connection = finishConnection(target.state, parseFinishConnection(readJson(bodyText)), target.now());
      return ok({ connectionId: connection.id, status: connection.status, url: connectUrl(connection) });
    }
    case 'POST /seed':
      target.reseed(parseSeedSpec(readJson(bodyText)));
      return noContent();
    default:
      return problem(404, `No control endpoint ${method} ${CONTROL_BASE}${path}; see e2e/fake-clockify/control.ts`);
  }
}

/** `path` is relative to CONTROL_BASE. A bad fault, seed or JSON body answers 400 with the reason. */
export function handleControlRequest(method: string, path: string, bodyText: string, target: ControlTarget): ApiResponse {
  try {
    return route(method, path, bodyText, target);
  } catch (error) {
    return problem(400, (error as Error).message);
  }
}
