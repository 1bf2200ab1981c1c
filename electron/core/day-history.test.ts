// Reading any run of local days from Clockify through the core: the app's zone decides where a day
// begins, Clockify's wall-clock window is padded and the answer filtered by real instants, and
// changes not yet sent show on their day.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeClockify, type FakeClockify, type FakeState } from '../../e2e/fake-clockify/server';
import { signedIn, type CoreUnderTest } from '../../e2e/support/core-fixture';
import { FakeClock } from '../../e2e/support/fake-clock';

let fake: FakeClockify;
let under: CoreUnderTest;

beforeEach(async () => {
  fake = await startFakeClockify({ seed: 'small' });
  under = await signedIn(fake, { clock: new FakeClock('2025-03-31T13:00:00Z'), timeZone: 'Europe/Berlin' });
});
afterEach(async () => {
  under.core.close();
  await fake.close();
});

function push(id: string, description: string, start: string, end: string | null): void {
  const owner = fake.state.users.find((user) => user.email === 'lena.fischer@example.com')!;
  const workspaceId = under.core.snapshot().workspaceId!;
  const entry: FakeState['timeEntries'][number] = { id, workspaceId, userId: owner.id, description, projectId: null, taskId: null, tagIds: null, billable: false, start, end, type: 'REGULAR', kioskId: null, isLocked: false, customFieldValues: [] };
  fake.state.timeEntries.push(entry);
}

describe('entries of older days', () => {
  it('reads one local day in the app zone: entries that reach into it, not those that end before it begins', async () => {
    push('cccccccccccccccccccc0001', 'Into the day', '2025-03-09T22:30:00Z', '2025-03-09T23:30:00Z'); // Berlin 23:30–00:30
    push('cccccccccccccccccccc0002', 'The evening before', '2025-03-09T21:00:00Z', '2025-03-09T22:45:00Z'); // ends 23:45 Berlin, the 9th
    push('cccccccccccccccccccc0003', 'Morning', '2025-03-10T08:00:00Z', '2025-03-10T09:00:00Z');
    push('cccccccccccccccccccc0004', 'The next day', '2025-03-10T23:00:00Z', '2025-03-11T00:00:00Z'); // 00:00 Berlin, the 11th
    fake.clearRequests();
    const result = await under.core.entriesOfDays('2025-03-10', '2025-03-10');
    expect(result.ok && result.value.map((entry) => entry.description).sort()).toEqual(['Into the day', 'Morning']);
    // Clockify reads start/end as wall-clock dates: the window is padded a day each side.
    const read = fake.requests.find((request) => request.path.endsWith('/time-entries'));
    expect(read?.query).toMatchObject({ start: '2025-03-09T00:00:00Z', end: '2025-03-12T00:00:00Z', page: '1' });
  });

  it('a change not yet sent shows on its day', async () => {
    fake.addFault({ kind: 'status', status: 503, count: Infinity, match: { method: 'POST' } });
    const draft = { description: 'Added offline', projectId: null, taskId: null, tagIds: [], billable: false };
    expect(under.core.addEntry(draft, { start: '2025-03-10T10:00:00Z', end: '2025-03-10T11:00:00Z' }).ok).toBe(true);
    expect(under.core.addEntry({ ...draft, description: 'Another day' }, { start: '2025-03-12T10:00:00Z', end: '2025-03-12T11:00:00Z' }).ok).toBe(true);
    const result = await under.core.entriesOfDays('2025-03-10', '2025-03-10');
    expect(result.ok && result.value.find((entry) => entry.description === 'Added offline')).toMatchObject({ sync: 'pending' });
    expect(result.ok && result.value.some((entry) => entry.description === 'Another day')).toBe(false);
  });

  it('refuses a backwards or over-long run in words, and says what Clockify said', async () => {
    expect(await under.core.entriesOfDays('2025-03-10', '2025-03-01')).toMatchObject({ ok: false, error: { message: 'The first day (2025-03-10) comes after the last (2025-03-01): swap them.' } });
    expect(await under.core.entriesOfDays('2023-01-01', '2025-03-01')).toMatchObject({ ok: false, error: { message: expect.stringMatching(/^That is \d+ days; read at most 366 at a time\.$/) } });
    fake.addFault({ kind: 'status', status: 403, match: { method: 'GET', path: /time-entries$/ } });
    const refused = await under.core.entriesOfDays('2025-03-10', '2025-03-10');
    expect(refused).toMatchObject({ ok: false, error: { status: 403 } });
  });
});
