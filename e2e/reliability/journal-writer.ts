// A child process for journal-kill.test.ts: writes one journal of `base` intents, says "saved",
// then rewrites the journal with ever larger lists until it is killed. Run with `node --import tsx`.
import { createFileJournalStore } from '../../electron/core/journal';
import type { Intent } from '../../electron/core/intents';

const [dataDir, baseText] = process.argv.slice(2);
if (!dataDir || !baseText) throw new Error('usage: journal-writer.ts <dataDir> <base>');
const base = Number(baseText);
const store = createFileJournalStore(dataDir);

function intents(count: number): Intent[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `i${i}`,
    key: `l-${i}`,
    workspaceId: 'w1',
    at: i,
    kind: 'create',
    // Long descriptions make each write several megabytes, so a kill lands mid-write.
    fields: { workspaceId: 'w1', description: `entry ${i} ${'x'.repeat(400)}`, projectId: null, taskId: null, tagIds: [], billable: false, start: '2026-03-02T09:00:00Z', end: '2026-03-02T10:00:00Z', type: 'REGULAR', customFields: [] },
  }));
}

store.save({ intents: intents(base), ids: {} });
process.stdout.write('saved\n');
for (let round = 1; ; round++) store.save({ intents: intents(base + round), ids: {} });
