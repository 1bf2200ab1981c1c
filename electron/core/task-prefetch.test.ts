// Continue while a timer runs costs the stop and the start only: the task names the form shows for
// the continued entry were read ahead, after the entries loaded, not on the click.
import { describe, expect, it } from 'vitest';
import type { Catalog, EntryView } from '../../shared/domain';
import { coreSuite } from '../../e2e/support/core-suite';
import { projectsWithTasksToRead } from './task-prefetch';

const suite = coreSuite();

describe('Continue while a timer runs', () => {
  it('sends the stop and the start, and the task lookup the form makes costs no request', async () => {
    const under = await suite.ready();
    under.core.startTimer({ description: 'Email', projectId: null, taskId: null, tagIds: [], billable: false });
    await under.clock.advance(60_000);
    await under.settled();
    const logo = under.core.snapshot().recent.find((entry) => entry.description === 'Logo sketches' && entry.taskId)!;
    const workspaceId = under.core.snapshot().workspaceId!;
    suite.fake.clearRequests();

    expect(under.core.continueEntry(logo.key)).toEqual({ ok: true, value: null });
    // What the popover asks for as the continued entry's project shows up in the form.
    const tasks = await under.core.tasks(workspaceId, logo.projectId!);
    expect(tasks.ok && tasks.value.map((task) => task.id)).toContain(logo.taskId);
    await under.settled();
    expect(suite.fake.requests.map((request) => `${request.method} ${request.status}`)).toEqual(['PATCH 200', 'POST 201']);
  });
});

describe('the projects whose tasks are read ahead', () => {
  const project = (id: string) => ({ id, name: id, clientId: null, clientName: '', color: '#000000', billable: false });
  const catalog: Catalog = { workspaceId: 'w', projects: [project('p1'), project('p2'), project('p3')], tags: [], tasks: { p3: [] }, fetchedAt: '2026-03-10T09:00:00Z' };
  const entry = (over: Partial<EntryView>): EntryView => ({
    key: 'k', serverId: 'k', workspaceId: 'w', description: 'Work', projectId: 'p1', taskId: 't', tagIds: [], billable: false,
    start: '2026-03-10T08:00:00Z', end: '2026-03-10T09:00:00Z', sync: 'synced', type: 'REGULAR', customFields: [], problem: null, ...over,
  });

  it('are those of this workspace’s entries with a task, once each, whose tasks the catalog lacks and whose project it knows', () => {
    const entries = [
      entry({}),
      entry({ key: 'again' }),
      entry({ projectId: 'p2' }),
      entry({ projectId: 'p3' }), // tasks read already (none)
      entry({ projectId: 'p2', workspaceId: 'other' }),
      entry({ projectId: 'gone' }), // archived or deleted
      entry({ projectId: null }),
    ];
    expect(projectsWithTasksToRead(entries, catalog)).toEqual(['p1', 'p2']);
    expect(projectsWithTasksToRead([entry({ taskId: null }), entry({ projectId: 'p2', workspaceId: 'other' })], catalog)).toEqual([]);
  });
});
