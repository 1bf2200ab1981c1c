// Description suggestions come from the whole known history: an entry read from an older week is
// suggested with its fields, and still after a restart (kept in the cache).
import { expect, it } from 'vitest';
import { coreSuite } from '../../e2e/support/core-suite';

const suite = coreSuite();
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

it('suggests a description read from an older week, with its project and billable, across a restart', async () => {
  const under = await suite.ready({ timeZone: 'UTC' });
  const mine = suite.fake.state.timeEntries.find((entry) => entry.workspaceId === under.core.snapshot().workspaceId)!;
  const noon = Math.floor(under.clock.now() / DAY) * DAY + DAY / 2;
  suite.fake.state.timeEntries.push({ ...mine, id: 'dddddddddddddddddddd0001', description: 'Tax return 2025', projectId: mine.projectId, taskId: null, tagIds: [], billable: true, start: iso(noon - 20 * DAY), end: iso(noon - 20 * DAY + 3_600_000) });
  expect(under.core.snapshot().suggestions?.some((entry) => entry.description === 'Tax return 2025')).toBe(false);
  const day = new Date(noon - 20 * DAY).toISOString().slice(0, 10);
  expect((await under.core.entriesOfDays(day, day)).ok).toBe(true);
  expect(under.core.snapshot().suggestions?.find((entry) => entry.description === 'Tax return 2025')).toMatchObject({ projectId: mine.projectId, billable: true });
  // The recent list's entries are known too.
  await under.clock.advance(1000);
  expect(under.core.snapshot().suggestions?.length).toBeGreaterThan(1);
  suite.close(under);
  const again = await suite.reopen({ dataDir: under.dataDir, clock: under.clock, secrets: under.secrets, timeZone: 'UTC' });
  expect(again.core.snapshot().suggestions?.some((entry) => entry.description === 'Tax return 2025')).toBe(true);
});
