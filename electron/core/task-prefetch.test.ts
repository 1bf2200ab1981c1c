// Continue while a timer runs costs the stop and the start only: the task names the form shows for
// the continued entry were read ahead, after the entries loaded, not on the click.
import { describe, expect, it } from 'vitest';
import { coreSuite } from '../../e2e/support/core-suite';

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
