import { afterEach, describe, expect, it } from 'vitest';
import type { FakeClockify, FakeClockifyOptions } from './server';
import { startFakeClockify } from './server';
import { apiCaller, owner } from './testing';

let fake: FakeClockify | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function setup(options?: FakeClockifyOptions, workspaceName?: string) {
  fake = await startFakeClockify(options);
  const { userId, ws } = owner(fake, workspaceName);
  return { fake, api: apiCaller(fake), ws, userId, mine: `/workspaces/${ws}/user/${userId}/time-entries` };
}

describe('starting and stopping', () => {
  it('starts a running entry with nulls for unset fields, finds it, and stops it', async () => {
    const { api, ws, mine } = await setup();
    const started = await api('POST', `/workspaces/${ws}/time-entries`, { body: { start: '2026-05-20T08:00:00Z', description: 'Focus' } });
    expect(started.status).toBe(201);
    expect(started.body).toMatchObject({
      description: 'Focus', projectId: null, taskId: null, tagIds: null, billable: false, isLocked: false, type: 'REGULAR',
      timeInterval: { start: '2026-05-20T08:00:00Z', end: null, duration: null },
    });

    const running = await api('GET', `${mine}?in-progress=true&page-size=1`);
    expect(running.body.map((e: { id: string }) => e.id)).toEqual([started.body.id]);

    const stopped = await api('PATCH', mine, { body: { end: '2026-05-20T09:30:15Z' } });
    expect(stopped).toMatchObject({ status: 200, body: { id: started.body.id, timeInterval: { end: '2026-05-20T09:30:15Z', duration: 'PT1H30M15S' } } });
    expect((await api('GET', `${mine}?in-progress=true`)).body).toEqual([]);
  });

  it('answers 404 code 404 when nothing runs', async () => {
    const { api, ws, mine } = await setup();
    const reply = await api('PATCH', mine, { body: { end: '2026-05-20T09:00:00Z' } });
    expect(reply.status).toBe(404);
    expect(reply.body.code).toBe(404);
    expect(reply.body.message).toContain(`Currently running time entry doesn't exist on workspace ${ws}`);
  });

  it('refuses to stop an entry that breaks a workspace rule with 400 code 501', async () => {
    const { fake: f, api, ws, mine } = await setup({}, 'Acme Corp (project required)');
    await api('POST', `/workspaces/${ws}/time-entries`, { body: { start: '2026-05-20T08:00:00Z' } });
    const refused = await api('PATCH', mine, { body: { end: '2026-05-20T09:00:00Z' } });
    expect(refused).toMatchObject({ status: 400, body: { code: 501 } });
    expect(refused.body.message).toContain('project');

    f.state.timeEntries.find((e) => e.end === null)!.projectId = f.state.projects.find((p) => p.name === 'Acme Support')!.id;
    expect((await api('PATCH', mine, { body: { end: '2026-05-20T09:00:00Z' } })).status).toBe(200);
  });

  it('refuses to start a timer while one runs in the workspace (400 code 501), as the real service answers', async () => {
    const { api, ws, mine } = await setup();
    const first = await api('POST', `/workspaces/${ws}/time-entries`, { body: { start: '2026-05-20T08:00:00Z' } });
    const second = await api('POST', mine, { body: { start: '2026-05-20T08:45:00Z', description: 'second' } });
    expect(second).toMatchObject({ status: 400, body: { code: 501, message: 'There is already a running time entry' } });
    const running = await api('GET', `${mine}?in-progress=true`);
    expect(running.body.map((e: { id: string }) => e.id)).toEqual([first.body.id]);
    // A finished entry may be added meanwhile; after a stop a new timer may start.
    expect((await api('POST', mine, { body: { start: '2026-05-20T07:00:00Z', end: '2026-05-20T07:30:00Z' } })).status).toBe(201);
    expect((await api('PATCH', mine, { body: { end: '2026-05-20T08:45:00Z' } })).status).toBe(200);
    expect((await api('POST', mine, { body: { start: '2026-05-20T08:45:00Z', description: 'second' } })).status).toBe(201);
    // A PUT that leaves out end would make a second timer run: refused too.
    const other = await api('POST', mine, { body: { start: '2026-05-20T06:00:00Z', end: '2026-05-20T06:30:00Z' } });
    expect(await api('PUT', `/workspaces/${ws}/time-entries/${other.body.id}`, { body: { start: '2026-05-20T06:00:00Z' } })).toMatchObject({ status: 400, body: { code: 501 } });
  });

  it('a PUT without end makes a stopped entry run again: the same entry, in progress (how Resume works)', async () => {
    const { api, ws, mine } = await setup();
    const started = await api('POST', `/workspaces/${ws}/time-entries`, { body: { start: '2026-05-20T08:00:00Z', description: 'Focus' } });
    await api('PATCH', mine, { body: { end: '2026-05-20T08:40:00Z' } });
    const resumed = await api('PUT', `/workspaces/${ws}/time-entries/${started.body.id}`, { body: { start: '2026-05-20T08:00:00Z', end: null, description: 'Focus', billable: false } });
    expect(resumed).toMatchObject({ status: 200, body: { id: started.body.id, timeInterval: { start: '2026-05-20T08:00:00Z', end: null, duration: null } } });
    expect((await api('GET', `${mine}?in-progress=true`)).body.map((e: { id: string }) => e.id)).toEqual([started.body.id]);
    expect((await api('PATCH', mine, { body: { end: '2026-05-20T09:00:00Z' } })).body).toMatchObject({ id: started.body.id, timeInterval: { duration: 'PT1H' } });
  });

  it('refuses milliseconds, offsets and end before start', async () => {
    const { api, ws, mine } = await setup();
    for (const start of ['2026-05-20T08:00:00.000Z', '2026-05-20T10:00:00+02:00', '2026-05-20 08:00:00']) {
      expect(await api('POST', `/workspaces/${ws}/time-entries`, { body: { start } })).toMatchObject({ status: 400, body: { code: 3000 } });
    }
    await api('POST', `/workspaces/${ws}/time-entries`, { body: { start: '2026-05-20T08:00:00Z' } });
    expect(await api('PATCH', mine, { body: { end: '2026-05-20T09:00:00.500Z' } })).toMatchObject({ status: 400, body: { code: 3000 } });
    expect(await api('PATCH', mine, { body: { end: '2026-05-20T07:00:00Z' } })).toMatchObject({ status: 400, body: { code: 501 } });
  });

  it('starts at the server clock when start is omitted', async () => {
    const { api, ws } = await setup({ now: () => new Date('2026-05-20T10:11:12.345Z') });
    const reply = await api('POST', `/workspaces/${ws}/time-entries`, { body: {} });
    expect(reply.body.timeInterval.start).toBe('2026-05-20T10:11:12Z');
  });

  it('checks references: task of the project, tags of the workspace, no archived project', async () => {
    const { fake: f, api, ws } = await setup();
    const relaunch = f.state.projects.find((p) => p.name === 'Website Relaunch')!;
    const rebrandTask = f.state.tasks.find((t) => t.name === 'Logo design')!;
    const legacy = f.state.projects.find((p) => p.archived)!;
    const body = { start: '2026-05-20T08:00:00Z', end: '2026-05-20T09:00:00Z' };
    expect(await api('POST', `/workspaces/${ws}/time-entries`, { body: { ...body, projectId: relaunch.id, taskId: rebrandTask.id } }))
      .toMatchObject({ status: 400, body: { code: 501 } });
    expect(await api('POST', `/workspaces/${ws}/time-entries`, { body: { ...body, tagIds: ['0'.repeat(24)] } }))
      .toMatchObject({ status: 400, body: { message: "Tag doesn't belong to Workspace" } });
    expect(await api('POST', `/workspaces/${ws}/time-entries`, { body: { ...body, projectId: legacy.id } })).toMatchObject({ status: 400 });
    const made = await api('POST', `/workspaces/${ws}/time-entries`, { body: { ...body, projectId: relaunch.id, billable: true } });
    expect(made).toMatchObject({ status: 201, body: { projectId: relaunch.id, billable: true, timeInterval: { duration: 'PT1H' } } });
  });
});

describe('one entry', () => {
  it('PUT replaces the whole entry: omitted fields are cleared, omitted end makes it run', async () => {
    const { fake: f, api, ws } = await setup();
    const entry = f.state.timeEntries.find((e) => e.description === 'Logo sketches')!;
    const full = await api('PUT', `/workspaces/${ws}/time-entries/${entry.id}`, {
      body: { start: entry.start, end: entry.end, description: 'Logo sketches v2', projectId: entry.projectId, taskId: entry.taskId, tagIds: entry.tagIds, billable: true },
    });
    expect(full.body).toMatchObject({ description: 'Logo sketches v2', taskId: entry.taskId, billable: true, timeInterval: { end: entry.end } });

    const bare = await api('PUT', `/workspaces/${ws}/time-entries/${entry.id}`, { body: { start: entry.start } });
    expect(bare.body).toMatchObject({ description: '', projectId: null, taskId: null, tagIds: null, billable: false, timeInterval: { end: null, duration: null } });

    expect(await api('PUT', `/workspaces/${ws}/time-entries/${entry.id}`, { body: { description: 'no start' } })).toMatchObject({ status: 400 });
  });

  it('PUT clears custom field values and the BREAK type it leaves out; customFieldValues is not a write key', async () => {
    const { fake: f, api, ws } = await setup();
    const entry = f.state.timeEntries.find((e) => e.description === 'Logo sketches')!;
    const path = `/workspaces/${ws}/time-entries/${entry.id}`;
    const kept = await api('PUT', path, { body: { start: entry.start, end: entry.end, type: 'BREAK', customFields: [{ customFieldId: 'cf1', value: 'PO-7' }] } });
    expect(kept.body).toMatchObject({ type: 'BREAK', customFieldValues: [{ customFieldId: 'cf1', timeEntryId: entry.id, value: 'PO-7' }] });
    const readKey = await api('PUT', path, { body: { start: entry.start, end: entry.end, customFieldValues: [{ customFieldId: 'cf1', value: 'PO-7' }] } });
    expect(readKey.body).toMatchObject({ type: 'REGULAR', customFieldValues: [] });
    expect(await api('PUT', path, { body: { start: entry.start, end: entry.end, type: 'HOLIDAY' } })).toMatchObject({ status: 400 });
  });

  it('refuses to edit or delete a locked entry with 403 code 1003', async () => {
    const { fake: f, api, ws } = await setup();
    const entry = f.state.timeEntries[0]!;
    entry.isLocked = true;
    expect(await api('PUT', `/workspaces/${ws}/time-entries/${entry.id}`, { body: { start: entry.start, end: entry.end } }))
      .toMatchObject({ status: 403, body: { code: 1003 } });
    expect(await api('DELETE', `/workspaces/${ws}/time-entries/${entry.id}`)).toMatchObject({ status: 403, body: { code: 1003 } });
    expect((await api('GET', `/workspaces/${ws}/time-entries/${entry.id}`)).body.isLocked).toBe(true);
  });

  it('deletes with 204; the id then answers 400', async () => {
    const { fake: f, api, ws } = await setup();
    const entry = f.state.timeEntries[0]!;
    const reply = await api('DELETE', `/workspaces/${ws}/time-entries/${entry.id}`);
    expect(reply).toMatchObject({ status: 204, body: undefined });
    expect(await api('GET', `/workspaces/${ws}/time-entries/${entry.id}`)).toMatchObject({
      status: 400, body: { code: 501, message: "Time entry doesn't belong to Workspace" },
    });
  });

  it('duplicates a finished entry with 201 and a new id', async () => {
    const { fake: f, api, mine } = await setup();
    const entry = f.state.timeEntries.find((e) => e.description === 'Logo sketches')!;
    const copy = await api('POST', `${mine}/${entry.id}/duplicate`);
    expect(copy.status).toBe(201);
    expect(copy.body.id).not.toBe(entry.id);
    expect(copy.body).toMatchObject({ description: 'Logo sketches', projectId: entry.projectId, timeInterval: { start: entry.start, end: entry.end } });
  });
});

describe('listing', () => {
  it('lists newest first, filters by description, project and tags, and pages', async () => {
    const { fake: f, api, mine } = await setup({ now: () => new Date('2026-05-20T14:00:00Z') });
    const all = await api('GET', mine);
    const starts: string[] = all.body.map((e: { timeInterval: { start: string } }) => e.timeInterval.start);
    expect(starts).toEqual([...starts].sort().reverse());
    expect(all.body[0].description).toBe('Standup and planning');
    expect(all.headers.get('last-page')).toBe('true');

    expect((await api('GET', `${mine}?description=LOGO`)).body.map((e: { description: string }) => e.description)).toEqual(['Logo sketches']);
    const rebrand = f.state.projects.find((p) => p.name === 'Café Rebrand')!;
    expect((await api('GET', `${mine}?project=${rebrand.id}`)).body).toHaveLength(2);
    expect((await api('GET', `${mine}?projectId=${rebrand.id}`)).body).toHaveLength(all.body.length);
    const review = f.state.tags.find((t) => t.name === 'review')!;
    expect((await api('GET', `${mine}?tags=${review.id}`)).body.map((e: { description: string }) => e.description)).toEqual(['Menu layout – first draft']);

    const page = await api('GET', `${mine}?page=1&page-size=2`);
    expect(page.body).toHaveLength(2);
    expect(page.headers.get('last-page')).toBe('false');
    expect(await api('GET', `${mine}?page-size=5001`)).toMatchObject({ status: 400, body: { code: 3000 } });
  });

  it('uses page-size 10 by default when in-progress is given', async () => {
    const { fake: f, api, mine } = await setup({ seed: 'empty' });
    const { ws, userId } = owner(f);
    for (let day = 10; day < 22; day += 1) {
      f.state.timeEntries.push({
        id: `${day}`.padStart(24, '0'), workspaceId: ws, userId, description: '', projectId: null, taskId: null, tagIds: null, billable: false,
        start: `2026-05-${day}T08:00:00Z`, end: `2026-05-${day}T09:00:00Z`, type: 'REGULAR', kioskId: null, isLocked: false, customFieldValues: [],
      });
    }
    expect((await api('GET', mine)).body).toHaveLength(12);
    expect((await api('GET', `${mine}?in-progress=false`)).body).toHaveLength(10);
  });

  it('reads start/end as wall-clock time in the user zone', async () => {
    // Tokyo is UTC+9 all year: local 2026-05-20 is 2026-05-19T15:00Z .. 2026-05-20T15:00Z.
    const { api, ws, mine } = await setup({ seed: 'empty', timeZone: 'Asia/Tokyo' });
    const add = (start: string, end: string, description: string) =>
      api('POST', `/workspaces/${ws}/time-entries`, { body: { start, end, description } });
    await add('2026-05-19T14:30:00Z', '2026-05-19T14:45:00Z', 'local May 19, 23:30');
    await add('2026-05-19T15:30:00Z', '2026-05-19T16:00:00Z', 'local May 20, 00:30');
    await add('2026-05-20T16:00:00Z', '2026-05-20T17:00:00Z', 'local May 21, 01:00');

    const day = await api('GET', `${mine}?start=2026-05-20T00:00:00Z&end=2026-05-20T23:59:59Z`);
    expect(day.body.map((e: { description: string }) => e.description)).toEqual(['local May 20, 00:30']);
    expect(await api('GET', `${mine}?start=yesterday`)).toMatchObject({ status: 400, body: { code: 3000 } });
  });
});
