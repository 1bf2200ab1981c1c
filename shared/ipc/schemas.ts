// Validators for everything a window may send to main. Main treats each payload as unknown until
// one of these has accepted it.
import { z } from 'zod';

const id = z.string().regex(/^[0-9a-zA-Z_-]{1,64}$/, 'an id');
const instant = z.iso.datetime({ offset: true });

/** Maton's connection ids are UUIDs; any short printable id is accepted. */
export const matonConnectionIdSchema = z.string().regex(/^[0-9a-zA-Z_.:-]{1,200}$/, 'a connection id');

export const connectionSchema = z.union([
  z.strictObject({ kind: z.literal('clockify'), server: z.enum(['global', 'eu', 'us', 'uk', 'au']) }),
  z.strictObject({ kind: z.literal('clockify'), server: z.literal('custom'), baseUrl: z.string().min(1).max(2048) }),
  z.strictObject({
    kind: z.literal('maton'),
    connectionId: z.string().trim().max(200).optional(),
    gatewayUrl: z.string().min(1).max(2048).optional(),
    connectionsUrl: z.string().min(1).max(2048).optional(),
  }),
]);

export const entryDraftSchema = z.strictObject({
  description: z.string().max(3000),
  projectId: id.nullable(),
  taskId: id.nullable(),
  tagIds: z.array(id).max(100).readonly(),
  billable: z.boolean(),
});

export const entryTimesSchema = z.strictObject({ start: instant, end: instant });

export const timeZoneOverrideSchema = z.union([
  z.strictObject({ kind: z.literal('system') }),
  z.strictObject({ kind: z.literal('zone'), zone: z.string().min(1).max(100) }),
  z.strictObject({ kind: z.literal('offset'), hours: z.number().min(-12).max(14).refine((hours) => Number.isInteger(hours * 4), 'a UTC offset is in quarter hours') }),
]);

export const idleAnswerSchema = z.union([
  z.strictObject({ kind: z.literal('keep') }),
  z.strictObject({ kind: z.literal('discard') }),
  z.strictObject({ kind: z.literal('discard-and-continue') }),
  z.strictObject({ kind: z.literal('reassign'), draft: entryDraftSchema }),
  z.strictObject({ kind: z.literal('end-at'), at: instant }),
]);

/** A local date, `yyyy-MM-dd`. */
export const dayKeySchema = z.iso.date();

export const empty = z.strictObject({});
export { id as idSchema, instant as instantSchema };
