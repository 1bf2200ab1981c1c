// Runtime shapes of Clockify's answers. Lenient where Clockify is (nulls, missing optional keys,
// extra keys), strict where the app relies on a value, so a malformed body becomes a ClockifyError
// instead of a crash deeper in. Nulls are normalised here once: tagIds null → [], description null → ''.
import { z } from 'zod';

const id = z.string().min(1);
const optionalId = z.string().nullish().transform((v) => (v ? v : null));
const instant = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})$/, 'an ISO-8601 instant');

export const userSchema = z.object({
  id,
  name: z.string().nullish().transform((v) => v ?? ''),
  email: z.string().nullish().transform((v) => v ?? ''),
  activeWorkspace: optionalId,
  defaultWorkspace: optionalId,
  status: z.string().nullish(),
  settings: z
    .object({
      timeZone: z.string().nullish(),
      timeFormat: z.string().nullish(),
      weekStart: z.string().nullish(),
      dateFormat: z.string().nullish(),
    })
    .nullish(),
});

const workspaceSettingsSchema = z.object({
  forceProjects: z.boolean().nullish().transform((v) => v ?? false),
  forceTasks: z.boolean().nullish().transform((v) => v ?? false),
  forceTags: z.boolean().nullish().transform((v) => v ?? false),
  forceDescription: z.boolean().nullish().transform((v) => v ?? false),
  timeTrackingMode: z.string().nullish().transform((v) => v ?? 'DEFAULT'),
  lockTimeEntries: z.string().nullish(),
  onlyAdminsCreateProject: z.boolean().nullish().transform((v) => v ?? false),
  onlyAdminsCreateTag: z.boolean().nullish().transform((v) => v ?? false),
  onlyAdminsCreateTask: z.boolean().nullish().transform((v) => v ?? false),
});

export const workspaceSchema = z.object({
  id,
  name: z.string(),
  workspaceSettings: workspaceSettingsSchema.nullish().transform((v) => v ?? workspaceSettingsSchema.parse({})),
});

export const workspaceUserSchema = z.object({
  id,
  name: z.string().nullish().transform((v) => v ?? ''),
  email: z.string().nullish().transform((v) => v ?? ''),
  status: z.string().nullish(),
});

export const projectSchema = z.object({
  id,
  name: z.string(),
  clientId: optionalId,
  clientName: z.string().nullish().transform((v) => v ?? ''),
  color: z.string().nullish().transform((v) => v ?? '#999999'),
  billable: z.boolean().nullish().transform((v) => v ?? false),
  public: z.boolean().nullish().transform((v) => v ?? false),
  archived: z.boolean().nullish().transform((v) => v ?? false),
  note: z.string().nullish().transform((v) => v ?? ''),
  duration: z.string().nullish(),
});

export const clientSchema = z.object({
  id,
  name: z.string(),
  archived: z.boolean().nullish().transform((v) => v ?? false),
  address: z.string().nullish(),
  note: z.string().nullish(),
});

export const tagSchema = z.object({
  id,
  name: z.string(),
  archived: z.boolean().nullish().transform((v) => v ?? false),
});

export const taskSchema = z.object({
  id,
  name: z.string(),
  projectId: id,
  status: z.enum(['ACTIVE', 'DONE']),
  billable: z.boolean().nullish().transform((v) => v ?? null),
  estimate: z.string().nullish(),
  duration: z.string().nullish(),
  assigneeIds: z.array(z.string()).nullish().transform((v) => v ?? []),
});

export const timeEntrySchema = z.object({
  id,
  description: z.string().nullish().transform((v) => v ?? ''),
  projectId: optionalId,
  taskId: optionalId,
  tagIds: z.array(z.string()).nullish().transform((v) => v ?? []),
  billable: z.boolean().nullish().transform((v) => v ?? false),
  userId: id,
  workspaceId: id,
  isLocked: z.boolean().nullish().transform((v) => v ?? false),
  /** REGULAR, BREAK, HOLIDAY, TIME_OFF; absent on old entries = REGULAR. Unknown types are kept as they are. */
  type: z.string().nullish().transform((v) => v || 'REGULAR'),
  /**
   * Read as customFieldValues (with name, type, timeEntryId), written as customFields. Kept as
   * {customFieldId, value} only: that is what a PUT must send back, or Clockify clears them.
   */
  customFieldValues: z
    .array(z.object({ customFieldId: id, value: z.unknown() }))
    .nullish()
    .transform((values) => (values ?? []).map(({ customFieldId, value }) => ({ customFieldId, value: value ?? null }))),
  timeInterval: z.object({
    start: instant,
    end: instant.nullish().transform((v) => v ?? null),
    duration: z.string().nullish().transform((v) => v ?? null),
  }),
});

/**
 * Clockify's error bodies: `{message, code}` usually, `{description, code}` from older routes,
 * Spring's `{timestamp, status, error, path}` (with `message` sometimes); any part may be missing.
 * Fields of an unexpected type are ignored rather than failing the whole body.
 */
export const errorBodySchema = z.object({
  message: z.string().nullish().catch(undefined),
  description: z.string().nullish().catch(undefined),
  error: z.string().nullish().catch(undefined),
  code: z.number().nullish().catch(undefined),
});

export type User = z.infer<typeof userSchema>;
export type Workspace = z.infer<typeof workspaceSchema>;
export type WorkspaceSettings = Workspace['workspaceSettings'];
export type WorkspaceUser = z.infer<typeof workspaceUserSchema>;
export type Project = z.infer<typeof projectSchema>;
export type Client = z.infer<typeof clientSchema>;
export type Tag = z.infer<typeof tagSchema>;
export type Task = z.infer<typeof taskSchema>;
export type TimeEntry = z.infer<typeof timeEntrySchema>;
