// The API key lives in the OS keychain and in main's memory, nowhere else (design: Security). After
// real flows through the core against the fake server (sign-in, start/stop/add, a refused change, a
// key the server stops accepting, a restart over a corrupt journal), no file in the data directory,
// no console output and no payload the renderer can receive contains it; nor does the built
// renderer bundle or the preload. A server that echoes the key in an error message is covered too:
// the client removes the key from whatever the server says (electron/clockify/transport.ts).
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { format } from 'node:util';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EntryDraft } from '../../shared/domain';
import { createHandlers, dispatch } from '../../electron/ipc/handlers';
import { createMemorySecretStore } from '../../electron/platform/secret-store';
import { FAKE_API_KEY, FAKE_MATON_KEY, startFakeClockify, type FakeClockify } from '../fake-clockify/server';
import { openCore, type CoreUnderTest } from '../support/core-fixture';
import { FakeClock } from '../support/fake-clock';

const root = path.resolve(import.meta.dirname, '../..');
/** A fresh key per run, shaped like Clockify's: any occurrence anywhere came from this run. */
const KEY = randomBytes(36).toString('base64url').slice(0, 48);
const WRONG_KEY = randomBytes(36).toString('base64url').slice(0, 48);
const clockify = { kind: 'clockify', server: 'global' } as const;
const draft = (over: Partial<EntryDraft> = {}): EntryDraft => ({ description: 'Security review', projectId: null, taskId: null, tagIds: [], billable: false, ...over });

let fake: FakeClockify;
const cores: CoreUnderTest[] = [];
/** Everything the renderer could receive: pushed snapshots and notices, and invoke responses. */
const payloads: string[] = [];
const consoleLines: string[] = [];

beforeEach(async () => {
  fake = await startFakeClockify({ seed: 'small', apiKey: KEY });
  payloads.length = 0;
  consoleLines.length = 0;
  for (const method of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void consoleLines.push(format(...args)));
  }
});
afterEach(async () => {
  for (const under of cores.splice(0)) under.core.close();
  vi.restoreAllMocks();
  await fake.close();
});

/** A core whose every renderer-facing output is recorded. */
async function open(options: Parameters<typeof openCore>[1] = {}) {
  const under = await openCore(fake, options);
  cores.push(under);
  under.core.onState((snapshot) => payloads.push(JSON.stringify(snapshot)));
  under.core.onNotice((notice) => payloads.push(JSON.stringify(notice)));
  const handlers = createHandlers(under.core, { hideWindow: () => undefined });
  /** Calls a channel exactly as a window would, and records the answer. */
  const call = async (channel: string, payload: unknown = {}) => {
    const result = await dispatch(handlers, channel, payload);
    payloads.push(JSON.stringify(result));
    return result;
  };
  return { ...under, call };
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => path.join(dir, name))
    .filter((file) => statSync(file).isFile());
}

function expectNoKeyIn(what: string, texts: readonly string[], keys: readonly string[] = [KEY]): void {
  for (const key of keys) {
    const leaks = texts.filter((text) => text.includes(key));
    expect(leaks, `${what} contains the key`).toEqual([]);
  }
}

describe('the key stays in the keychain and in memory', () => {
  it('a whole session, a refused change and a restart over a corrupt journal leave it in no file, no log and no payload', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'clockify-key-leak-'));
    const secrets = createMemorySecretStore();
    const clock = new FakeClock(Date.now());
    const first = await open({ dataDir, secrets, clock });
    expect((await first.call('account:connect', { connection: clockify, secret: KEY })).ok).toBe(true);
    await first.settled();

    await first.call('app:snapshot');
    await first.call('settings:get');
    const workspaceId = first.core.snapshot().workspaceId!;
    await first.call('catalog:get', { workspaceId });
    await first.call('timer:start', { draft: draft() });
    await clock.advance(60_000);
    await first.settled();
    await first.call('timer:stop');
    const end = new Date(clock.now() - 3_600_000);
    await first.call('entry:add', { draft: draft({ description: 'Added by hand' }), times: { start: new Date(end.getTime() - 1_800_000).toISOString(), end: end.toISOString() } });
    await first.settled();
    // A change the server refuses: kept as "needs attention" (in the journal on disk and in the
    // snapshot) with the server's reason.
    fake.addFault({ kind: 'status', status: 400, body: JSON.stringify({ message: 'Project is required', code: 501 }), match: { method: 'POST' } });
    await first.call('timer:start', { draft: draft({ description: 'Refused' }) });
    await first.settled();
    expect(first.core.snapshot().sync.attention).toHaveLength(1);
    await first.call('app:snapshot');
    first.core.close();
    cores.splice(cores.indexOf(first), 1);

    // Restart over a journal that cannot be read: it is kept aside and reported, the app starts.
    writeFileSync(path.join(dataDir, 'journal.json'), '{"version":1,"intents":[{"kind":"cre');
    const second = await open({ dataDir, secrets, clock });
    expect(second.core.snapshot().account.status).toBe('signed-in');
    await second.settled();
    await second.call('timer:start', { draft: draft({ description: 'After restart' }) });
    await clock.advance(5_000);
    await second.settled();
    await second.call('app:snapshot');
    second.core.close();
    cores.splice(cores.indexOf(second), 1);

    const files = filesUnder(dataDir);
    const names = files.map((file) => path.basename(file));
    expect(names).toEqual(expect.arrayContaining(['settings.json', 'journal.json', 'cache.json']));
    expect(names.some((name) => name.startsWith('journal.json.corrupt-'))).toBe(true);
    expectNoKeyIn('a file in the data directory', files.map((file) => readFileSync(file, 'utf8')));
    expectNoKeyIn('the console output', consoleLines);
    expectNoKeyIn('a renderer-facing payload', payloads);
    expect(await secrets.get('clockify:https://api.clockify.me/api/v1')).toBe(KEY); // where it belongs
  });

  it('a key the server stops accepting: the notice and the sync error do not repeat it', async () => {
    const under = await open();
    expect((await under.call('account:connect', { connection: clockify, secret: KEY })).ok).toBe(true);
    await under.settled();
    fake.addFault({ kind: 'status', status: 401, count: Infinity });
    await under.call('timer:start', { draft: draft() });
    await under.settled();
    await under.call('sync:retry');
    await under.settled();
    await under.call('app:snapshot');
    expect(payloads.some((payload) => payload.includes('no longer accepts the saved key'))).toBe(true);
    expectNoKeyIn('the console output', consoleLines);
    expectNoKeyIn('a renderer-facing payload', payloads);
    expectNoKeyIn('a file in the data directory', filesUnder(under.dataDir).map((file) => readFileSync(file, 'utf8')));
  });

  it('a wrong key: the error says what to do without repeating the key', async () => {
    const under = await open();
    const refused = await under.call('account:connect', { connection: clockify, secret: WRONG_KEY });
    expect(refused).toMatchObject({ ok: true, value: { ok: false, error: { kind: 'unauthorized', field: 'apiKey' } } });
    fake.addFault({ kind: 'status', status: 500 });
    await under.call('account:connect', { connection: clockify, secret: WRONG_KEY });
    await under.call('app:snapshot');
    expectNoKeyIn('a renderer-facing payload', payloads, [WRONG_KEY]);
    expectNoKeyIn('the console output', consoleLines, [WRONG_KEY]);
    expectNoKeyIn('a file in the data directory', filesUnder(under.dataDir).map((file) => readFileSync(file, 'utf8')), [WRONG_KEY]);
  });

  it('a key from the environment is used in main and never offered to the renderer', async () => {
    const under = await open({ environment: { clockifyKey: KEY } });
    await under.call('app:snapshot');
    expect(await under.call('account:connect-env', { connection: clockify })).toMatchObject({ ok: true, value: { ok: true } });
    await under.settled();
    await under.call('app:snapshot');
    await under.call('settings:get');
    expectNoKeyIn('a renderer-facing payload', payloads);
    expectNoKeyIn('a file in the data directory', filesUnder(under.dataDir).map((file) => readFileSync(file, 'utf8')));
  });

  it("Maton's connections and two accounts: listing, adding through the browser, using and switching never send the Maton key back", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'clockify-key-leak-maton-'));
    const under = await open({ dataDir });
    expect((await under.call('account:connect', { connection: clockify, secret: KEY })).ok).toBe(true);
    await under.settled();
    const gatewayUrl = fake.matonUrl;
    expect(await under.call('maton:open', { secret: FAKE_MATON_KEY, gatewayUrl })).toMatchObject({ ok: true, value: { ok: true } });
    expect(await under.call('maton:add')).toMatchObject({ ok: true, value: { ok: true } });
    await under.call('maton:cancel-add');
    await under.call('maton:open', { secret: 'not-the-maton-key', gatewayUrl });
    await under.call('maton:open', { secret: FAKE_MATON_KEY, gatewayUrl });
    expect(await under.call('maton:use', { connectionId: fake.state.matonConnections[0]!.id })).toMatchObject({ ok: true, value: { ok: true } });
    await under.settled();
    const snapshot = under.core.snapshot();
    expect(snapshot.accounts).toHaveLength(2);
    await under.call('account:switch', { accountId: snapshot.accounts.find((account) => !account.active)!.id });
    await under.settled();
    under.core.close();
    expectNoKeyIn('a payload the renderer can receive', payloads, [KEY, FAKE_MATON_KEY, 'not-the-maton-key']);
    expectNoKeyIn('the console', consoleLines, [KEY, FAKE_MATON_KEY]);
    expectNoKeyIn('a file in the data directory', filesUnder(dataDir).map((file) => readFileSync(file, 'utf8')), [KEY, FAKE_MATON_KEY]);
  });
});

describe('a server that echoes the key in its error messages, more than once and in any body shape', () => {
  // Every occurrence is removed, not only the first: each body repeats the key.
  it.each([
    ['message', JSON.stringify({ message: `Bad request for X-Api-Key ${KEY}; key ${KEY} refused`, code: 501 })],
    ['description', JSON.stringify({ description: `Key ${KEY} (${KEY}) may not do this`, code: 1000 })],
    ['Spring error', JSON.stringify({ timestamp: '2026-05-20T21:58:01Z', status: 400, error: `Bad Request: ${KEY},${KEY}`, path: '/api/v1/workspaces' })],
    ['plain text', `rejected ${KEY} ${KEY}`],
  ])('a refused change keeps the server\'s reason (%s) in the journal on disk and in the snapshot, without the key', async (_, body) => {
    const under = await open();
    expect((await under.call('account:connect', { connection: clockify, secret: KEY })).ok).toBe(true);
    await under.settled();
    fake.addFault({ kind: 'status', status: 400, body, match: { method: 'POST' } });
    await under.call('timer:start', { draft: draft() });
    await under.settled();
    expect(under.core.snapshot().sync.attention).toHaveLength(1);
    expect(under.core.snapshot().sync.attention[0]!.reason).toContain('[API key]');
    await under.call('app:snapshot');
    expectNoKeyIn('a file in the data directory', filesUnder(under.dataDir).map((file) => readFileSync(file, 'utf8')));
    expectNoKeyIn('a renderer-facing payload', payloads);
    expectNoKeyIn('console output', consoleLines);
  });

  it('a saved key the server stops accepting: the sync error repeats what the server said', async () => {
    const under = await open();
    expect((await under.call('account:connect', { connection: clockify, secret: KEY })).ok).toBe(true);
    await under.settled();
    fake.addFault({ kind: 'status', status: 401, count: Infinity, body: JSON.stringify({ message: `Api key ${KEY} is not valid (${KEY})`, code: 4003 }) });
    await under.call('timer:start', { draft: draft() });
    await under.settled();
    await under.call('app:snapshot');
    expectNoKeyIn('a renderer-facing payload', payloads);
    expectNoKeyIn('console output', consoleLines);
    expectNoKeyIn('a file in the data directory', filesUnder(under.dataDir).map((file) => readFileSync(file, 'utf8')));
  });

  it('a wrong key: the connect error repeats what the server said', async () => {
    const under = await open();
    fake.addFault({ kind: 'status', status: 401, body: JSON.stringify({ message: `Api key ${WRONG_KEY} is not valid; ${WRONG_KEY}`, code: 4003 }) });
    await under.call('account:connect', { connection: clockify, secret: WRONG_KEY });
    expectNoKeyIn('a renderer-facing payload', payloads, [WRONG_KEY]);
    expectNoKeyIn('console output', consoleLines, [WRONG_KEY]);
  });
});

describe('the built renderer and preload', () => {
  const dist = path.join(root, 'dist');
  const bundle = () => [...filesUnder(path.join(dist, 'renderer')), path.join(dist, 'electron', 'preload.cjs'), path.join(dist, 'electron', 'preload.cjs.map')].filter(existsSync);

  beforeAll(() => {
    // `npm test` builds in its security step first; run alone, this builds when nothing is there.
    if (existsSync(path.join(dist, 'renderer', 'index.html')) && existsSync(path.join(dist, 'electron', 'preload.cjs'))) return;
    const built = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, encoding: 'utf8' });
    if (built.status !== 0) throw new Error(`npm run build failed, so the bundle cannot be checked:\n${built.stdout}\n${built.stderr}`);
  }, 180_000);

  it('holds no key, not even the fake servers\' test keys', () => {
    const files = bundle();
    expect(files.some((file) => file.endsWith('index.html'))).toBe(true);
    expect(files.some((file) => file.endsWith('preload.cjs'))).toBe(true);
    expectNoKeyIn('the renderer bundle or the preload', files.map((file) => readFileSync(file, 'utf8')), [FAKE_API_KEY, FAKE_MATON_KEY]);
  });

  it('never talks to Clockify itself: no auth header in the renderer bundle or the preload', () => {
    const offenders = bundle().filter((file) => /x-api-key|authorization['"]?\s*[:,]\s*[`'"]bearer/i.test(readFileSync(file, 'utf8')));
    expect(offenders.map((file) => path.relative(root, file))).toEqual([]);
  });
});
