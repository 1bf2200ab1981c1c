// The journal: the user's intents not yet confirmed by the server, in order, and the server ids
// learned for entries created here. Written durably before anything is sent.
import path from 'node:path';
import { z } from 'zod';
import { readJsonOrSetAside, writeJsonDurably, type ReadResult } from './durable-file';
import type { EntryDraft } from '../../shared/domain';
import type { Intent } from './intents';

export interface JournalData {
  readonly intents: readonly Intent[];
  readonly ids: Readonly<Record<string, string>>;
  /** A running interruption and the work it interrupted (switch and return). */
  readonly interruption?: Interruption;
}

/**
 * "Phone call" interrupts "Writing": when the interruption (entry `key`) stops, the work comes back.
 * Kept in the journal so that it is written in the same step as the intents that began it.
 */
export interface Interruption {
  readonly key: string;
  readonly returnTo: { readonly key: string; readonly fields: EntryDraft; readonly workspaceId: string };
}

export interface JournalStore {
  load(): ReadResult<JournalData>;
  save(data: JournalData): void;
}

const fieldsSchema = z.object({
  workspaceId: z.string(),
  description: z.string(),
  projectId: z.string().nullable(),
  taskId: z.string().nullable(),
  tagIds: z.array(z.string()),
  billable: z.boolean(),
  start: z.string(),
  end: z.string().nullable(),
  // Journals written before entry types and custom fields were kept have neither.
  type: z.string().default('REGULAR'),
  customFields: z.array(z.object({ customFieldId: z.string(), value: z.unknown().optional().transform((v) => v ?? null) })).default([]),
});
const base = {
  id: z.string(),
  key: z.string(),
  workspaceId: z.string(),
  // Journals written before each change kept its account have none: see EntryStore.adopt.
  accountId: z.string().optional(),
  at: z.number(),
  problem: z.object({ reason: z.string(), status: z.number().nullable() }).optional(),
  uncertainSince: z.number().optional(),
};
const intentSchema = z.discriminatedUnion('kind', [
  z.object({ ...base, kind: z.literal('create'), fields: fieldsSchema }),
  z.object({ ...base, kind: z.literal('stop'), end: z.string() }),
  z.object({ ...base, kind: z.literal('update'), fields: fieldsSchema }),
  z.object({ ...base, kind: z.literal('delete') }),
]);
const draftSchema = z.object({ description: z.string(), projectId: z.string().nullable(), taskId: z.string().nullable(), tagIds: z.array(z.string()), billable: z.boolean() });
const interruptionSchema = z.object({ key: z.string(), returnTo: z.object({ key: z.string(), fields: draftSchema, workspaceId: z.string() }) });
const journalSchema = z.object({ version: z.literal(1), intents: z.array(intentSchema), ids: z.record(z.string(), z.string()), interruption: interruptionSchema.optional() });

export function createFileJournalStore(dataDir: string): JournalStore {
  const file = path.join(dataDir, 'journal.json');
  return {
    load: () =>
      readJsonOrSetAside(file, (raw) => {
        const parsed = journalSchema.safeParse(raw);
        return parsed.success ? { intents: parsed.data.intents, ids: parsed.data.ids, ...(parsed.data.interruption ? { interruption: parsed.data.interruption } : {}) } : `the journal is not valid (${parsed.error.issues[0]?.message})`;
      }),
    save: (data) => writeJsonDurably(file, { version: 1, ...data }),
  };
}
