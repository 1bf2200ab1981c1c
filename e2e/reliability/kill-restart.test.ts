// The app process killed mid-send and started again on the same data directory: the journal is
// replayed and the server ends up with exactly what the user did. Nothing lost, nothing doubled.
// The harness runs as a real child process (the real core, files and HTTP); SIGKILL gives it no
// chance to tidy up.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppSnapshot } from '../../shared/domain';
import { FAKE_API_KEY, startFakeClockify, type FakeClockify } from '../fake-clockify/server';

const root = path.resolve(import.meta.dirname, '../..');
let fake: FakeClockify;
let dataDir: string;
const children: ChildProcess[] = [];

beforeEach(async () => {
  fake = await startFakeClockify({ seed: 'small' });
  dataDir = mkdtempSync(path.join(tmpdir(), 'clockify-kill-'));
});
afterEach(async () => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  await fake.close();
});

/** Starts the harness process and resolves with its URL once it accepts connections. */
function launch(): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'e2e/harness/cli.ts', '--port', '0', '--api-url', fake.url, '--data-dir', dataDir, '--secrets', 'memory', '--timeout-ms', '1000', '--grace-ms', '1500'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`harness did not start: ${output}`)), 20_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /http:\/\/127\.0\.0\.1:\d+/.exec(output)?.[0];
      if (url) {
        clearTimeout(timer);
        resolve({ url, child });
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.on('exit', (code) => reject(new Error(`harness exited (${code}): ${output}`)));
  });
}

async function invoke<T>(url: string, channel: string, payload: unknown = {}): Promise<T> {
  const response = await fetch(`${url}/__bridge/invoke/${channel}`, { method: 'POST', body: JSON.stringify(payload) });
  const answer = (await response.json()) as { ok: boolean; value: T; message?: string };
  if (!answer.ok) throw new Error(answer.message);
  return answer.value;
}

async function waitFor<T>(read: () => Promise<T> | T, done: (value: T) => boolean, what: string): Promise<T> {
  const until = Date.now() + 20_000;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value).slice(0, 300)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Restarts on the same data directory; the key was kept in memory only, so it is entered again. */
async function restart(): Promise<string> {
  const { url } = await launch();
  const snapshot = await invoke<AppSnapshot>(url, 'app:snapshot');
  if (snapshot.account.status === 'signed-out') await invoke(url, 'account:connect', { connection: { kind: 'clockify', server: 'global' }, secret: FAKE_API_KEY });
  return url;
}

const draft = (description: string) => ({ description, projectId: null, taskId: null, tagIds: [], billable: false });
const named = (description: string) => fake.state.timeEntries.filter((entry) => entry.description === description);

// Each test starts the harness twice as a child process: generous on a busy two-core machine
// (nothing here measures time).
describe('killed mid-send and restarted', { timeout: 60_000 }, () => {
  it('a start whose POST landed after the kill is adopted, not sent twice', async () => {
    const first = await launch();
    await invoke(first.url, 'account:connect', { connection: { kind: 'clockify', server: 'global' }, secret: FAKE_API_KEY });
    fake.addFault({ kind: 'latency', ms: 1500, match: { method: 'POST' } });
    expect(await invoke(first.url, 'timer:start', { draft: draft('Killed while starting') })).toEqual({ ok: true, value: null });
    await waitFor(() => fake.requests.filter((r) => r.method === 'POST').length, (n) => n === 1, 'the POST to reach the server');
    first.child.kill('SIGKILL');
    await waitFor(() => named('Killed while starting').length, (n) => n === 1, 'the slow POST to land');

    const url = await restart();
    const settled = await waitFor(() => invoke<AppSnapshot>(url, 'app:snapshot'), (s) => s.sync.pending === 0, 'the journal to drain');
    expect(named('Killed while starting')).toHaveLength(1);
    expect(settled.timer).toMatchObject({ status: 'running', entry: { description: 'Killed while starting', sync: 'synced' } });
    expect(fake.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
  });

  it('a start that never left is sent after the restart, exactly once', async () => {
    const first = await launch();
    await invoke(first.url, 'account:connect', { connection: { kind: 'clockify', server: 'global' }, secret: FAKE_API_KEY });
    fake.addFault({ kind: 'status', status: 503, count: Infinity, match: { method: 'POST' } });
    await invoke(first.url, 'timer:start', { draft: draft('Killed while offline') });
    await waitFor(() => invoke<AppSnapshot>(first.url, 'app:snapshot'), (s) => s.sync.lastError !== null, 'the first attempt to fail');
    first.child.kill('SIGKILL');
    fake.clearFaults();

    const url = await restart();
    await waitFor(() => invoke<AppSnapshot>(url, 'app:snapshot'), (s) => s.sync.pending === 0, 'the journal to drain');
    expect(named('Killed while offline')).toHaveLength(1);
  });

  it('a stop whose PATCH landed after the kill is confirmed, and the next timer is untouched', async () => {
    const first = await launch();
    await invoke(first.url, 'account:connect', { connection: { kind: 'clockify', server: 'global' }, secret: FAKE_API_KEY });
    await invoke(first.url, 'timer:start', { draft: draft('Stopped, then killed') });
    await waitFor(() => invoke<AppSnapshot>(first.url, 'app:snapshot'), (s) => s.sync.pending === 0, 'the start');
    fake.addFault({ kind: 'latency', ms: 1500, match: { method: 'PATCH' } });
    await invoke(first.url, 'timer:start', { draft: draft('Next timer') }); // stops the first at the same instant
    await waitFor(() => fake.requests.filter((r) => r.method === 'PATCH').length, (n) => n === 1, 'the PATCH to reach the server');
    first.child.kill('SIGKILL');

    const url = await restart();
    await waitFor(() => invoke<AppSnapshot>(url, 'app:snapshot'), (s) => s.sync.pending === 0, 'the journal to drain');
    const [stopped] = named('Stopped, then killed');
    const [next] = named('Next timer');
    expect(named('Stopped, then killed')).toHaveLength(1);
    expect(named('Next timer')).toHaveLength(1);
    expect(stopped!.end).toBe(next!.start);
    expect(next!.end).toBeNull();
  });
});
