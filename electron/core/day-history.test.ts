// Reading any run of local days from Clockify through the core: the app's zone decides where a day
// begins, Clockify's wall-clock window is padded and the answer filtered by real instants, and
// changes not yet sent show on their day.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeClockify, type FakeClockify, type FakeState } from '../../e2e/fake-clockify/server';
import { signedIn, type CoreUnderTest } from '../../e2e/support/core-fixture';
import { FakeClock } from '../../e2e/support/fake-clock';
import { timeEntrySchema, type TimeEntry } from '../clockify/schemas';
import { daysProblem, readEntriesOfDays } from './day-history';

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

describe('which entries belong to a run of days (Berlin, 10 March 2025: 23:00Z on the 9th to 23:00Z on the 10th)', () => {
  const raw = (description: string, start: string, end: string | null): TimeEntry =>
    timeEntrySchema.parse({ id: 'e', workspaceId: 'w', userId: 'u', description, timeInterval: { start, end } });
  const entries = [
    raw('ends as the day begins', '2025-03-09T22:00:00Z', '2025-03-09T23:00:00Z'),
    raw('ends a second into the day', '2025-03-09T22:00:00Z', '2025-03-09T23:00:01Z'),
    raw('starts a second before it ends', '2025-03-10T22:59:59Z', '2025-03-10T23:30:00Z'),
    raw('starts as the next day begins', '2025-03-10T23:00:00Z', '2025-03-10T23:30:00Z'),
    raw('running since the day before', '2025-03-09T20:00:00Z', null),
    raw('running since the next day', '2025-03-11T07:00:00Z', null),
  ];

  it('keeps every entry that overlaps the days, the running one included, and asks Clockify for a padded window', async () => {
    const asked: unknown[] = [];
    const client = { listMyTimeEntries: async (...args: unknown[]) => (asked.push(args), entries) };
    const read = await readEntriesOfDays(client, { workspaceId: 'w', userId: 'u', fromDayKey: '2025-03-10', toDayKey: '2025-03-10', zone: 'Europe/Berlin' });
    expect(read.map((entry) => entry.description)).toEqual(['ends a second into the day', 'starts a second before it ends', 'running since the day before']);
    expect(asked).toEqual([['w', 'u', { start: new Date('2025-03-09T00:00:00Z'), end: new Date('2025-03-12T00:00:00Z') }]]);
  });
});

describe('how many days can be read at once', () => {
  it.each([
    ['one day', '2025-03-10', '2025-03-10', null],
    ['a leap year of 366 days', '2024-01-01', '2024-12-31', null],
    ['367 days', '2024-01-01', '2025-01-01', 'That is 367 days; read at most 366 at a time.'],
    ['backwards', '2025-03-11', '2025-03-10', 'The first day (2025-03-11) comes after the last (2025-03-10): swap them.'],
  ])('%s', (_name, from, to, problem) => {
    expect(daysProblem(from, to)).toBe(problem);
  });
});
