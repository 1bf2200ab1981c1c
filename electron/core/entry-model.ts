// What the user sees is derived, never stored: the entries last read from the server with the
// pending intents applied on top, in order. A restart rebuilds exactly the same view from the
// cache and the journal.
import type { EntryView, TimerState } from '../../shared/domain';
import type { EntryFields, Intent } from './intents';

/** An entry as the server last told us. */
export interface ServerEntry extends EntryFields {
  readonly id: string;
  readonly locked: boolean;
}

export interface EntryModelInput {
  readonly server: readonly ServerEntry[];
  readonly intents: readonly Intent[];
  /** Local key → server id, for entries created here. */
  readonly ids: Readonly<Record<string, string>>;
}

export function deriveEntries({ server, intents, ids }: EntryModelInput): EntryView[] {
  const localKeyOf = new Map(Object.entries(ids).map(([key, id]) => [id, key]));
  const views: EntryView[] = server.map((entry) => ({
    ...toDraftFields(entry),
    key: localKeyOf.get(entry.id) ?? entry.id,
    serverId: entry.id,
    sync: 'synced',
    problem: null,
  }));
  const find = (key: string) => views.findIndex((view) => view.key === key || (view.serverId !== null && view.serverId === (ids[key] ?? key)));

  for (const intent of intents) {
    const sync = intent.problem ? 'attention' : 'pending';
    const problem = intent.problem?.reason ?? null;
    const index = find(intent.key);
    const current = views[index];
    switch (intent.kind) {
      case 'create':
        if (index === -1) views.push({ ...toDraftFields(intent.fields), key: intent.key, serverId: ids[intent.key] ?? null, sync, problem });
        break;
      case 'stop':
        if (current) views[index] = { ...current, end: intent.end, sync: worst(current.sync, sync), problem: problem ?? current.problem };
        break;
      case 'update':
        if (current) views[index] = { ...current, ...toDraftFields(intent.fields), sync: worst(current.sync, sync), problem: problem ?? current.problem };
        break;
      case 'delete':
        if (current) {
          if (intent.problem) views[index] = { ...current, sync: 'attention', problem };
          else views.splice(index, 1);
        }
        break;
    }
  }
  return views.sort((a, b) => b.start.localeCompare(a.start));
}

function worst(a: EntryView['sync'], b: EntryView['sync']): EntryView['sync'] {
  return a === 'attention' || b === 'attention' ? 'attention' : 'pending';
}

function toDraftFields(fields: EntryFields): Omit<EntryView, 'key' | 'serverId' | 'sync' | 'problem'> {
  return {
    workspaceId: fields.workspaceId,
    description: fields.description,
    projectId: fields.projectId,
    taskId: fields.taskId,
    tagIds: fields.tagIds,
    billable: fields.billable,
    start: fields.start,
    end: fields.end,
    type: fields.type,
    customFields: fields.customFields,
  };
}

/** The running entry, and whether a stop for it is still on its way. */
export function timerOf(entries: readonly EntryView[], intents: readonly Intent[]): TimerState {
  const running = entries.find((entry) => entry.end === null);
  if (running) return { status: 'running', entry: running };
  const stopping = intents.find((intent) => intent.kind === 'stop');
  const entry = stopping && entries.find((view) => view.key === stopping.key);
  return entry ? { status: 'stopping', entry } : { status: 'idle' };
}
