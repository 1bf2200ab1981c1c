// The shapes of Clockify's answers: what a null or a missing optional key reads as (once, here),
// and what is refused because the app relies on it (ids, instants, a task's status).
import { describe, expect, it } from 'vitest';
import { clientSchema, errorBodySchema, projectSchema, tagSchema, taskSchema, timeEntrySchema, userSchema, workspaceSchema, workspaceUserSchema } from './schemas';

const nulls = (...keys: string[]) => Object.fromEntries(keys.map((key) => [key, null]));

describe('nulls and missing optional keys read as defaults', () => {
  it('a user', () => {
    const expected = { id: 'u1', name: '', email: '', activeWorkspace: null, defaultWorkspace: null };
    expect(userSchema.parse({ id: 'u1' })).toEqual(expected);
    expect(userSchema.parse({ id: 'u1', ...nulls('name', 'email', 'activeWorkspace', 'defaultWorkspace') })).toMatchObject(expected);
    expect(userSchema.parse({ id: 'u1', name: 'Ada', email: 'ada@example.com', activeWorkspace: '', defaultWorkspace: 'w1' })).toMatchObject({ name: 'Ada', email: 'ada@example.com', activeWorkspace: null, defaultWorkspace: 'w1' });
  });

  it("a workspace without settings follows no rule; each rule reads as set", () => {
    const none = { forceProjects: false, forceTasks: false, forceTags: false, forceDescription: false, timeTrackingMode: 'DEFAULT', onlyAdminsCreateProject: false, onlyAdminsCreateTag: false, onlyAdminsCreateTask: false };
    expect(workspaceSchema.parse({ id: 'w1', name: 'Acme' }).workspaceSettings).toEqual(none);
    expect(workspaceSchema.parse({ id: 'w1', name: 'Acme', workspaceSettings: null }).workspaceSettings).toEqual(none);
    const keys = Object.keys(none).filter((key) => key !== 'timeTrackingMode');
    expect(workspaceSchema.parse({ id: 'w1', name: 'Acme', workspaceSettings: { ...nulls(...keys), timeTrackingMode: null, lockTimeEntries: null } }).workspaceSettings).toEqual({ ...none, lockTimeEntries: null });
    const all = workspaceSchema.parse({ id: 'w1', name: 'Acme', workspaceSettings: { ...Object.fromEntries(keys.map((key) => [key, true])), timeTrackingMode: 'STOPWATCH_ONLY', lockTimeEntries: '2026-01-01T00:00:00Z' } }).workspaceSettings;
    expect(all).toEqual({ ...Object.fromEntries(keys.map((key) => [key, true])), timeTrackingMode: 'STOPWATCH_ONLY', lockTimeEntries: '2026-01-01T00:00:00Z' });
  });

  it('a member, a project, a client, a tag and a task', () => {
    expect(workspaceUserSchema.parse({ id: 'u2', ...nulls('name', 'email') })).toEqual({ id: 'u2', name: '', email: '' });
    expect(projectSchema.parse({ id: 'p1', name: 'Site', ...nulls('clientId', 'clientName', 'color', 'billable', 'public', 'archived', 'note') })).toEqual({
      id: 'p1', name: 'Site', clientId: null, clientName: '', color: '#999999', billable: false, public: false, archived: false, note: '',
    });
    expect(projectSchema.parse({ id: 'p1', name: 'Site', clientId: 'c1', clientName: 'Acme', color: '#03A9F4', billable: true, public: true, archived: true, note: 'n', duration: 'PT1H' })).toEqual({
      id: 'p1', name: 'Site', clientId: 'c1', clientName: 'Acme', color: '#03A9F4', billable: true, public: true, archived: true, note: 'n', duration: 'PT1H',
    });
    expect(clientSchema.parse({ id: 'c1', name: 'Acme', archived: null })).toEqual({ id: 'c1', name: 'Acme', archived: false });
    expect(clientSchema.parse({ id: 'c1', name: 'Acme', archived: true }).archived).toBe(true);
    expect(tagSchema.parse({ id: 't1', name: 'deep', archived: null })).toEqual({ id: 't1', name: 'deep', archived: false });
    expect(tagSchema.parse({ id: 't1', name: 'deep', archived: true }).archived).toBe(true);
    // A task's billable null means "as its project": kept apart from false.
    expect(taskSchema.parse({ id: 'k1', name: 'Copy', projectId: 'p1', status: 'ACTIVE', ...nulls('billable', 'assigneeIds') })).toEqual({ id: 'k1', name: 'Copy', projectId: 'p1', status: 'ACTIVE', billable: null, assigneeIds: [] });
    expect(taskSchema.parse({ id: 'k1', name: 'Copy', projectId: 'p1', status: 'DONE', billable: false, assigneeIds: ['u1'] })).toMatchObject({ billable: false, assigneeIds: ['u1'] });
    expect(() => taskSchema.parse({ id: 'k1', name: 'Copy', projectId: 'p1', status: 'OPEN' })).toThrow();
  });

  it('a time entry', () => {
    const interval = { start: '2026-03-01T09:00:00Z', end: null, duration: null };
    expect(timeEntrySchema.parse({ id: 'e1', userId: 'u1', workspaceId: 'w1', ...nulls('description', 'projectId', 'taskId', 'tagIds', 'billable', 'isLocked', 'type', 'customFieldValues'), timeInterval: interval })).toEqual({
      id: 'e1', userId: 'u1', workspaceId: 'w1', description: '', projectId: null, taskId: null, tagIds: [], billable: false, isLocked: false, type: 'REGULAR', customFieldValues: [], timeInterval: interval,
    });
    expect(timeEntrySchema.parse({ id: 'e1', userId: 'u1', workspaceId: 'w1', billable: true, isLocked: true, type: 'BREAK', customFieldValues: [{ customFieldId: 'f1', value: null, name: 'PO' }], timeInterval: { start: '2026-03-01T09:00:00Z' } })).toMatchObject({
      billable: true, isLocked: true, type: 'BREAK', customFieldValues: [{ customFieldId: 'f1', value: null }], timeInterval: { end: null, duration: null },
    });
  });
});

describe('instants', () => {
  const entry = (start: string) => timeEntrySchema.safeParse({ id: 'e1', userId: 'u1', workspaceId: 'w1', timeInterval: { start } }).success;

  it.each(['2026-03-01T09:00:00Z', '2026-03-01T09:00:00.123Z', '2026-03-01T09:00:00.5Z', '2026-03-01T10:00:00+01:00', '2026-03-01T04:00:00-0500'])('reads %s', (start) => {
    expect(entry(start)).toBe(true);
  });

  it.each(['', '2026-03-01', '2026-03-01 09:00:00Z', '2026-03-01T09:00Z', '2026-03-01T09:00:00', '2026-03-01T09:00:00.Z', '2026-03-01T09:00:00.aZ', '2026-03-01T09:00:00*01:00', '2026-03-01T09:00:00+1:00', '2026-03-01T09:00:00+ab:cd', 'x2026-03-01T09:00:00Z', '2026-03-01T09:00:00Zx'])('refuses %j', (start) => {
    expect(entry(start)).toBe(false);
  });

  it('says what it expected', () => {
    const result = timeEntrySchema.safeParse({ id: 'e1', userId: 'u1', workspaceId: 'w1', timeInterval: { start: 'yesterday' } });
    expect(result.error?.issues[0]?.message).toBe('an ISO-8601 instant');
  });
});

describe('error bodies', () => {
  it('keeps what it can read and drops fields of an unexpected type', () => {
    expect(errorBodySchema.parse({ message: 'Access Denied', code: 501 })).toEqual({ message: 'Access Denied', code: 501 });
    expect(errorBodySchema.parse({ description: 'Workspace not found', code: 1000 })).toEqual({ description: 'Workspace not found', code: 1000 });
    expect(errorBodySchema.parse({ timestamp: '2026-03-01T09:00:00Z', status: 415, error: 'Unsupported Media Type', path: '/v1/x' })).toEqual({ error: 'Unsupported Media Type' });
    expect(errorBodySchema.parse({ message: 42, code: 'x', error: ['a'] })).toEqual({});
  });
});
