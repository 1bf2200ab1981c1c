// The one map of the IPC contract (GitHub Desktop's ipc-shared style): each invoke channel with its
// request validator and response type, each push channel with its payload. Main, the preload and
// the web harness all derive their types from here.
import { z } from 'zod';
import type {
  AppSnapshot,
  Catalog,
  ClientOption,
  EntryView,
  Notice,
  ProjectOption,
  Result,
  TagOption,
  TaskOption,
} from '../domain';
import { settingsPatchSchema, type AppSettingsView } from '../settings';
import { connectionSchema, dayKeySchema, empty, entryDraftSchema, entryTimesSchema, idleAnswerSchema, idSchema, instantSchema, matonConnectionIdSchema, timeZoneOverrideSchema } from './schemas';

export const invokeRequests = {
  'app:snapshot': empty,
  'catalog:get': z.strictObject({ workspaceId: idSchema }),
  'catalog:tasks': z.strictObject({ workspaceId: idSchema, projectId: idSchema }),
  'catalog:refresh': empty,
  /** The one time a secret travels over IPC: typed by the user, renderer → main. Nothing sends it back. */
  'account:connect': z.strictObject({ connection: connectionSchema, secret: z.string().trim().min(1).max(512) }),
  /** Connects with CLOCKIFY_API_KEY / MATON_API_KEY from main's environment; the key stays in main. */
  'account:connect-env': z.strictObject({ connection: connectionSchema }),
  'account:sign-out': z.strictObject({ discardPending: z.boolean() }),
  /** Makes another signed-in account the active one (by its id from the snapshot's accounts). */
  'account:switch': z.strictObject({ accountId: z.string().min(1).max(600) }),
  /**
   * Manage a Maton key's Clockify connections. The key is typed once (renderer → main), or left out
   * to use the signed-in Maton account's key or MATON_API_KEY. Nothing sends it back.
   */
  'maton:open': z.strictObject({
    secret: z.string().trim().min(1).max(512).optional(),
    gatewayUrl: z.string().min(1).max(2048).optional(),
    connectionsUrl: z.string().min(1).max(2048).optional(),
  }),
  'maton:refresh': empty,
  'maton:add': empty,
  'maton:cancel-add': empty,
  'maton:remove': z.strictObject({ connectionId: matonConnectionIdSchema }),
  'maton:use': z.strictObject({ connectionId: matonConnectionIdSchema }),
  'maton:close': empty,
  'workspace:select': z.strictObject({ workspaceId: idSchema }),
  'timer:start': z.strictObject({ draft: entryDraftSchema }),
  'timer:stop': empty,
  /** Stops the timer left running in another account (with that account's key). */
  'timer:stop-in': z.strictObject({ accountId: z.string().min(1).max(600) }),
  'timer:continue': z.strictObject({ entryKey: idSchema }),
  'timer:discard': empty,
  'timer:update-running': z.strictObject({ draft: entryDraftSchema }),
  /** A past instant, or 'last-entry-end': since the entry before it ended. */
  'timer:move-start': z.strictObject({ start: z.union([instantSchema, z.literal('last-entry-end')]) }),
  'timer:stop-at': z.strictObject({ end: instantSchema }),
  'timer:resume': z.strictObject({ entryKey: idSchema }),
  /** Switch and return: the running work stops, `draft` runs until stopped, then the work comes back. */
  'timer:interrupt': z.strictObject({ draft: entryDraftSchema }),
  /** "Switched to X at 10:30": the running entry ends at `at` (past), `draft` runs from then. */
  'timer:switch-at': z.strictObject({ draft: entryDraftSchema, at: instantSchema }),
  'entry:add': z.strictObject({ draft: entryDraftSchema, times: entryTimesSchema }),
  'entry:update': z.strictObject({ entryKey: idSchema, draft: entryDraftSchema, times: entryTimesSchema }),
  'entry:delete': z.strictObject({ entryKey: idSchema }),
  /** Two entries with the same fields: the first ends and the second begins at `at`. */
  'entry:split': z.strictObject({ entryKey: idSchema, at: instantSchema }),
  /** A copy of a finished entry on local day `day`, at the same times of day. */
  'entry:duplicate': z.strictObject({ entryKey: idSchema, day: dayKeySchema }),
  'entry:undo-delete': z.strictObject({ entryKey: idSchema }),
  'catalog:clients': empty,
  /** clientId, or a client by name (found or created), or neither; isPublic defaults to true. */
  'project:create': z.strictObject({
    name: z.string().trim().min(1).max(250),
    clientId: idSchema.nullable(),
    newClientName: z.string().trim().min(1).max(100).optional(),
    isPublic: z.boolean().optional(),
  }),
  'task:create': z.strictObject({ projectId: idSchema, name: z.string().trim().min(1).max(1000) }),
  'tag:create': z.strictObject({ name: z.string().trim().min(1).max(100) }),
  'tag:unarchive': z.strictObject({ tagId: idSchema }),
  'sync:retry': empty,
  'attention:discard': z.strictObject({ intentId: idSchema }),
  'settings:get': empty,
  'settings:set-time-zone': z.strictObject({ timeZone: timeZoneOverrideSchema }),
  'settings:update': z.strictObject({ patch: settingsPatchSchema }),
  'window:hide': empty,
  'idle:answer': z.strictObject({ promptId: idSchema, answer: idleAnswerSchema }),
  /** The entries of local days `from`..`to` (both included, in the app's zone), read from Clockify. */
  'entries:days': z.strictObject({ from: dayKeySchema, to: dayKeySchema }),
  /** Favourites (shared/favourites.ts): pinned from an entry by its key, started, reordered, removed, given a shortcut. */
  'favourite:add': z.strictObject({ entryKey: idSchema }),
  'favourite:start': z.strictObject({ favouriteId: idSchema }),
  'favourite:move': z.strictObject({ favouriteId: idSchema, direction: z.enum(['up', 'down']) }),
  'favourite:remove': z.strictObject({ favouriteId: idSchema }),
  'favourite:set-shortcut': z.strictObject({ favouriteId: idSchema, shortcut: z.string().max(100) }),
  /** The focus mode (pomodoro): the person's choice at the end of a phase, or pausing it for a meeting. */
  'focus:act': z.strictObject({ action: z.enum(['break', 'keep-working', 'back-to-work', 'pause', 'resume']) }),
} as const;

export type InvokeChannel = keyof typeof invokeRequests;
export type InvokeRequest<C extends InvokeChannel> = z.input<(typeof invokeRequests)[C]>;

export interface InvokeResponses {
  'app:snapshot': AppSnapshot;
  'catalog:get': Catalog;
  'catalog:tasks': Result<readonly TaskOption[]>;
  'catalog:refresh': Result<null>;
  'account:connect': Result<{ userName: string }>;
  'account:connect-env': Result<{ userName: string }>;
  'account:sign-out': Result<null>;
  'account:switch': Result<{ userName: string }>;
  'maton:open': Result<null>;
  'maton:refresh': Result<null>;
  'maton:add': Result<null>;
  'maton:cancel-add': Result<null>;
  'maton:remove': Result<null>;
  'maton:use': Result<{ userName: string }>;
  'maton:close': null;
  'workspace:select': Result<null>;
  'timer:start': Result<null>;
  'timer:stop': Result<null>;
  'timer:stop-in': Result<null>;
  'timer:continue': Result<null>;
  'timer:discard': Result<null>;
  'timer:update-running': Result<null>;
  'timer:move-start': Result<null>;
  'timer:stop-at': Result<null>;
  'timer:resume': Result<null>;
  'timer:interrupt': Result<null>;
  'timer:switch-at': Result<null>;
  'entry:add': Result<null>;
  'entry:update': Result<null>;
  'entry:delete': Result<null>;
  'entry:split': Result<null>;
  'entry:duplicate': Result<null>;
  'entry:undo-delete': Result<null>;
  'catalog:clients': Result<readonly ClientOption[]>;
  'project:create': Result<ProjectOption>;
  'task:create': Result<TaskOption>;
  'tag:create': Result<TagOption>;
  'tag:unarchive': Result<TagOption>;
  'sync:retry': Result<null>;
  'attention:discard': Result<null>;
  'settings:get': AppSettingsView;
  'settings:set-time-zone': Result<null>;
  'settings:update': Result<AppSettingsView>;
  'window:hide': null;
  'idle:answer': Result<null>;
  'entries:days': Result<readonly EntryView[]>;
  'favourite:add': Result<null>;
  'favourite:start': Result<null>;
  'favourite:move': Result<null>;
  'favourite:remove': Result<null>;
  'favourite:set-shortcut': Result<null>;
  'focus:act': Result<null>;
}
export type InvokeResponse<C extends InvokeChannel> = InvokeResponses[C];

export interface PushPayloads {
  'app:state': AppSnapshot;
  'app:notice': Notice;
  /** Sent once a second while a window shows seconds and a timer runs. */
  'timer:tick': { now: string };
  /** The tray or a shortcut asks the popover to show a view (the settings). */
  'app:open-view': { view: 'settings' };
}
export type PushChannel = keyof PushPayloads;
