// One exchange with Clockify, against a scripted fetch: what may be sent again (and what may not,
// because it may have taken effect), what a failure is called, what the server said, and that the
// key never comes back out in an error.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { ClientClock } from './clock';
import { ClockifyError } from './errors';
import { RateLimiter } from './rate-limiter';
import { readErrorBody, Transport, type HttpMethod, type TransportOptions } from './transport';

const KEY = 'k3y-secret-value';
type Reply = Response | Error | 'hang';

function scripted(replies: Reply[], over: Partial<TransportOptions> = {}) {
  const sent: { url: string; init: RequestInit }[] = [];
  const slept: number[] = [];
  const clock: ClientClock = {
    now: () => Date.parse('2026-03-01T10:00:00Z'),
    sleep: async (ms) => {
      slept.push(ms);
    },
    setTimeout: (fn) => {
      timeouts.push(fn);
      return () => timeouts.splice(timeouts.indexOf(fn), 1);
    },
  };
  const timeouts: (() => void)[] = [];
  const fetch = (async (url: string, init: RequestInit) => {
    sent.push({ url, init });
    const reply = replies.shift() ?? new Response('{}', { status: 200 });
    if (reply === 'hang') {
      // No answer: the request's timeout fires and aborts it.
      return new Promise((_, reject) => {
        init.signal!.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        timeouts[0]!();
      });
    }
    if (reply instanceof Error) throw reply;
    return reply;
  }) as unknown as typeof globalThis.fetch;
  const transport = new Transport({
    baseUrl: 'https://api.clockify.me/api/v1',
    headers: { 'X-Api-Key': KEY },
    secret: KEY,
    fetch,
    clock,
    limiter: new RateLimiter(clock),
    random: () => 0,
    timeoutMs: 15_000,
    maxRetries: 2,
    maxRetryAfterMs: 10_000,
    ...over,
  });
  return { transport, sent, slept };
}

const status = (code: number, body = '', headers: Record<string, string> = {}) => new Response(body || null, { status: code, headers });
const json = (value: unknown, code = 200) => new Response(JSON.stringify(value), { status: code });
const failure = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ClockifyError) return error;
    throw error;
  }
  throw new Error('expected a ClockifyError');
};
const withCode = (code: string, depth: number): Error => {
  let error: Error & { code?: string } = Object.assign(new Error('innermost'), { code });
  for (let i = 0; i < depth; i++) error = new Error('wrapped', { cause: error });
  return error;
};

describe('what is sent', () => {
  it('a body as JSON with its Content-Type; none without a body; the query without undefined values', async () => {
    const { transport, sent } = scripted([json({}), json({})]);
    await transport.request({ method: 'PUT', path: '/x', body: { description: 'a' } });
    await transport.request({ method: 'GET', path: '/y', query: { page: 2, hydrated: true, project: undefined } });
    expect(sent[0]!.init).toMatchObject({ method: 'PUT', body: '{"description":"a"}', headers: { 'X-Api-Key': KEY, 'Content-Type': 'application/json' } });
    expect(sent[1]!.url).toBe('https://api.clockify.me/api/v1/y?page=2&hydrated=true');
    expect(sent[1]!.init.body).toBeUndefined();
    expect(sent[1]!.init.headers).toEqual({ 'X-Api-Key': KEY });
  });
});

describe('what may be sent again', () => {
  it.each<[HttpMethod, number]>([
    ['GET', 3],
    ['PUT', 3],
    ['DELETE', 3],
    ['POST', 1],
    ['PATCH', 1],
  ])('a 502 to %s is tried %i time(s) in all', async (method, tries) => {
    const { transport, sent, slept } = scripted([status(502), status(502), status(502)]);
    const error = await failure(transport.request({ method, path: '/x' }));
    expect(error.kind).toBe('server');
    expect(sent).toHaveLength(tries);
    expect(slept).toEqual(tries === 3 ? [250, 500] : []);
  });

  it.each<[HttpMethod, number]>([
    ['GET', 3],
    ['POST', 1],
  ])('a timeout of %s is tried %i time(s) in all', async (method, tries) => {
    const { transport, sent } = scripted(['hang', 'hang', 'hang']);
    const error = await failure(transport.request({ method, path: '/x' }));
    expect(error).toMatchObject({ kind: 'timeout', outcomeUnknown: method === 'POST' });
    expect(error.cause).toBeUndefined();
    expect(sent).toHaveLength(tries);
  });

  it('a 429 is waited for and sent again, whatever the method: it was refused before it did anything', async () => {
    const { transport, sent, slept } = scripted([status(429, '', { 'Retry-After': '2' }), json({ id: 'e1' }, 201)]);
    await transport.request({ method: 'POST', path: '/x', schema: z.object({ id: z.string() }) });
    expect(sent).toHaveLength(2);
    expect(slept).toEqual([2000]);
  });

  it('waits exactly as long as the longest wait allowed, but not a millisecond longer', async () => {
    const atLimit = scripted([status(429, '', { 'Retry-After': '10' }), json({})]);
    await atLimit.transport.request({ method: 'GET', path: '/x' });
    expect(atLimit.slept).toEqual([10_000]);
    const beyond = scripted([status(429, '', { 'Retry-After': '10.001' }), json({})]);
    const error = await failure(beyond.transport.request({ method: 'GET', path: '/x' }));
    expect(error).toMatchObject({ kind: 'rate-limited', retryAfterMs: 10_001 });
    expect(beyond.sent).toHaveLength(1);
  });

  it('a POST that never reached the server is sent again; one whose connection dropped is not', async () => {
    for (const code of ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT']) {
      const refused = scripted([withCode(code, 1), json({})]);
      await refused.transport.request({ method: 'POST', path: '/x' });
      expect(refused.sent, code).toHaveLength(2);
    }
    const reset = scripted([withCode('ECONNRESET', 1)]);
    const error = await failure(reset.transport.request({ method: 'POST', path: '/x' }));
    expect(error).toMatchObject({ kind: 'network', outcomeUnknown: true, cause: 'ECONNRESET' });
    expect(reset.sent).toHaveLength(1);
  });

  it("finds a connection's code up to four errors deep (fetch wraps undici's), not further", async () => {
    const found = scripted([withCode('ECONNREFUSED', 3), json({})]);
    await found.transport.request({ method: 'POST', path: '/x' });
    expect(found.sent).toHaveLength(2);
    const tooDeep = scripted([withCode('ECONNREFUSED', 4)]);
    const lost = await failure(tooDeep.transport.request({ method: 'POST', path: '/x' }));
    expect(lost).toMatchObject({ kind: 'network', outcomeUnknown: true });
    expect(lost.cause).toBeUndefined();
    expect(tooDeep.sent).toHaveLength(1);
  });

  it('a refusal is not sent again', async () => {
    const { transport, sent } = scripted([json({ message: 'Project is required', code: 501 }, 400)]);
    expect(await failure(transport.request({ method: 'GET', path: '/x' }))).toMatchObject({ kind: 'rejected', status: 400, code: 501, serverMessage: 'Project is required' });
    expect(sent).toHaveLength(1);
  });
});

describe('a write that may have taken effect', () => {
  it.each<[HttpMethod, number, boolean]>([
    ['POST', 500, true],
    ['POST', 504, true],
    ['PATCH', 500, true],
    ['POST', 502, false],
    ['POST', 503, false],
    ['POST', 400, false],
    ['PUT', 500, false],
    ['DELETE', 504, false],
  ])('%s answered %i: outcome unknown is %s', async (method, code, unknown) => {
    const { transport } = scripted([status(code), status(code), status(code)]);
    expect((await failure(transport.request({ method, path: '/x' }))).outcomeUnknown).toBe(unknown);
  });
});

describe('an answer that is not what Clockify sends', () => {
  const entry = z.object({ id: z.string(), timeInterval: z.object({ start: z.string().regex(/^\d{4}-/, 'an ISO-8601 instant') }) });

  it('names the field that is wrong, or the body', async () => {
    const { transport } = scripted([json({ id: 'e1', timeInterval: { start: 'noon' } }, 201), json([1, 2]), new Response('<html>', { status: 200 })]);
    expect(await failure(transport.request({ method: 'POST', path: '/x', schema: entry }))).toMatchObject({ kind: 'malformed', status: 201, serverMessage: 'unexpected response (timeInterval.start: an ISO-8601 instant)', outcomeUnknown: true });
    expect((await failure(transport.request({ method: 'GET', path: '/x', schema: entry }))).serverMessage).toMatch(/^unexpected response \(body: .+\)$/);
    expect(await failure(transport.request({ method: 'GET', path: '/x', schema: entry }))).toMatchObject({ serverMessage: 'unexpected response (the body is not JSON)', outcomeUnknown: false });
  });

  it('an answer without a schema (a DELETE) needs no body', async () => {
    const { transport } = scripted([new Response(null, { status: 204 })]);
    expect((await transport.request({ method: 'DELETE', path: '/x' })).data).toBeUndefined();
  });
});

describe('what the server said', () => {
  it('takes the first of message, description and error that says something', () => {
    expect(readErrorBody('{"message":"  ","description":" Workspace not found ","error":"Bad Request","code":1000}')).toEqual({ said: 'Workspace not found', code: 1000 });
    expect(readErrorBody('{"timestamp":"x","status":415,"error":"Unsupported Media Type","path":"/v1"}')).toEqual({ said: 'Unsupported Media Type', code: undefined });
    expect(readErrorBody('{"message":"Access Denied","code":501}')).toEqual({ said: 'Access Denied', code: 501 });
  });

  it('short plain text as it is, an HTML page or an empty body as nothing, JSON of another shape as nothing', () => {
    expect(readErrorBody('  Too Many Requests \n')).toEqual({ said: 'Too Many Requests', code: undefined });
    expect(readErrorBody('x'.repeat(400)).said).toBe('x'.repeat(300));
    expect(readErrorBody('  <html><body>Bad gateway</body></html>')).toEqual({ said: undefined, code: undefined });
    expect(readErrorBody('')).toEqual({ said: undefined, code: undefined });
    expect(readErrorBody('"a string"')).toEqual({ said: undefined, code: undefined });
    expect(readErrorBody('null')).toEqual({ said: undefined, code: undefined });
  });

  it('removes the key wherever the server echoes it', async () => {
    const { transport } = scripted([json({ message: `key ${KEY} is not valid; ${KEY} was revoked` }, 401)]);
    const error = await failure(transport.request({ method: 'GET', path: '/user' }));
    expect(error.serverMessage).toBe('key [API key] is not valid; [API key] was revoked');
    expect(`${error.message} ${error.userMessage}`).not.toContain(KEY);
  });

  it('leaves a message alone when the key is too short to be told from ordinary words', async () => {
    const four = scripted([json({ message: 'abcd was refused, abc too' }, 401)], { secret: 'abcd', headers: { 'X-Api-Key': 'abcd' } });
    expect((await failure(four.transport.request({ method: 'GET', path: '/user' }))).serverMessage).toBe('[API key] was refused, abc too');
    const three = scripted([json({ message: 'abc was refused' }, 401)], { secret: 'abc', headers: { 'X-Api-Key': 'abc' } });
    expect((await failure(three.transport.request({ method: 'GET', path: '/user' }))).serverMessage).toBe('abc was refused');
  });

  it('says a refusal through Maton is Maton’s', async () => {
    const { transport } = scripted([json({ message: 'bad key' }, 401)], { gateway: 'maton' });
    expect(await failure(transport.request({ method: 'GET', path: '/user' }))).toMatchObject({ kind: 'unauthorized', gateway: 'maton' });
  });
});
