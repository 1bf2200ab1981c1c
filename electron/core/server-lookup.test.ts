// readServerEntry without a server: what it asks and what it concludes from each answer.
import { describe, expect, it } from 'vitest';
import { ClockifyError } from '../clockify/errors';
import { timeEntrySchema, type TimeEntry } from '../clockify/schemas';
import { readServerEntry, type LookupApi } from './server-lookup';

const id = 'e'.repeat(24);
const ref = { workspaceId: 'w', userId: 'u', serverId: id, start: '2026-03-10T23:30:00Z' };
const entry = (over: Partial<TimeEntry> = {}): TimeEntry =>
  timeEntrySchema.parse({ id, userId: 'u', workspaceId: 'w', description: 'Report', timeInterval: { start: ref.start, end: '2026-03-11T00:30:00Z' }, ...over });
const refused = (kind: 'rejected' | 'forbidden') => new ClockifyError({ kind, method: 'GET', path: '/x', status: kind === 'rejected' ? 400 : 403, code: 501, serverMessage: 'Access Denied' });

function api(read: () => TimeEntry, list: () => TimeEntry[]) {
  const windows: unknown[] = [];
  const stub: LookupApi = {
    getTimeEntry: async () => read(),
    listMyTimeEntries: async (workspaceId, userId, filters) => {
      windows.push({ workspaceId, userId, start: filters?.start?.toISOString(), end: filters?.end?.toISOString() });
      return list();
    },
  };
  return { stub, windows };
}

describe('readServerEntry', () => {
  it('takes a readable entry as it is, without listing', async () => {
    const { stub, windows } = api(() => entry({ description: 'Read' }), () => []);
    expect(await readServerEntry(stub, ref)).toMatchObject({ entry: { id, description: 'Read' } });
    expect(windows).toEqual([]);
  });

  it('after a 400, looks in the list of the days around its start: listed means kept', async () => {
    const { stub, windows } = api(() => { throw refused('rejected'); }, () => [entry({ id: 'f'.repeat(24) }), entry({ description: 'Listed' })]);
    expect(await readServerEntry(stub, ref)).toMatchObject({ entry: { id, description: 'Listed' } });
    expect(windows).toEqual([{ workspaceId: 'w', userId: 'u', start: '2026-03-09T00:00:00.000Z', end: '2026-03-12T00:00:00.000Z' }]);
  });

  it('after a 400, absent from the list means deleted', async () => {
    const { stub } = api(() => { throw refused('rejected'); }, () => [entry({ id: 'f'.repeat(24) })]);
    expect(await readServerEntry(stub, ref)).toEqual({ deletedId: id });
  });

  it('any other failure, or a refused list, reaches the caller: nothing is concluded', async () => {
    const forbidden = api(() => { throw refused('forbidden'); }, () => []);
    await expect(readServerEntry(forbidden.stub, ref)).rejects.toMatchObject({ kind: 'forbidden' });
    expect(forbidden.windows).toEqual([]);
    const listRefused = api(() => { throw refused('rejected'); }, () => { throw refused('forbidden'); });
    await expect(readServerEntry(listRefused.stub, ref)).rejects.toMatchObject({ kind: 'forbidden' });
  });
});
