// The one handler table implementing the IPC contract over the core. Both transports (Electron IPC
// in the app, HTTP + server-sent events in the web harness) call `dispatch`, which accepts only
// known channels and payloads that pass the contract's validators.
import type { z } from 'zod';
import { invokeRequests, type InvokeChannel, type InvokeResponse } from '../../shared/ipc/contract';
import type { AppCore } from '../core/app-core';

export interface ShellActions {
  /** Hides the window that asked (Esc in the popover). */
  hideWindow(): void;
}

export type Handlers = {
  readonly [C in InvokeChannel]: (request: z.output<(typeof invokeRequests)[C]>) => Promise<InvokeResponse<C>> | InvokeResponse<C>;
};

export function createHandlers(core: AppCore, shell: ShellActions): Handlers {
  return {
    'app:snapshot': () => core.snapshot(),
    'catalog:get': ({ workspaceId }) => core.catalog(workspaceId),
    'catalog:tasks': ({ workspaceId, projectId }) => core.tasks(workspaceId, projectId),
    'catalog:refresh': () => core.refreshCatalog(),
    'account:connect': ({ connection, secret }) => core.connect(connection, secret),
    'account:connect-env': ({ connection }) => core.connectWithEnvironmentKey(connection),
    'account:sign-out': ({ discardPending }) => core.signOut(discardPending),
    'account:switch': ({ accountId }) => core.switchAccount(accountId),
    'maton:open': (request) => core.openMatonConnections(request),
    'maton:refresh': () => core.refreshMatonConnections(),
    'maton:add': () => core.addMatonConnection(),
    'maton:cancel-add': () => core.cancelMatonConnection(),
    'maton:remove': ({ connectionId }) => core.removeMatonConnection(connectionId),
    'maton:use': ({ connectionId }) => core.useMatonConnection(connectionId),
    'maton:close': async () => {
      await core.closeMatonConnections();
      return null;
    },
    'workspace:select': ({ workspaceId }) => core.selectWorkspace(workspaceId),
    'timer:start': ({ draft }) => core.startTimer(draft),
    'timer:stop': () => core.stopTimer(),
    'timer:stop-in': ({ accountId }) => core.stopTimerIn(accountId),
    'timer:continue': ({ entryKey }) => core.continueEntry(entryKey),
    'timer:discard': () => core.discardTimer(),
    'timer:update-running': ({ draft }) => core.updateRunningEntry(draft),
    'timer:move-start': ({ start }) => core.moveRunningStart(start),
    'timer:stop-at': ({ end }) => core.stopTimerAt(end),
    'timer:resume': ({ entryKey }) => core.resumeEntry(entryKey),
    'timer:interrupt': ({ draft }) => core.startInterruption(draft),
    'timer:switch-at': ({ draft, at }) => core.switchTimerAt(draft, at),
    'entry:add': ({ draft, times }) => core.addEntry(draft, times),
    'entry:update': ({ entryKey, draft, times }) => core.updateEntry(entryKey, draft, times),
    'entry:delete': ({ entryKey }) => core.deleteEntry(entryKey),
    'entry:split': ({ entryKey, at }) => core.splitEntry(entryKey, at),
    'entry:duplicate': ({ entryKey, day }) => core.duplicateEntry(entryKey, day),
    'entry:undo-delete': ({ entryKey }) => core.undoDeleteEntry(entryKey),
    'catalog:clients': () => core.clients(),
    'project:create': (input) => core.createProject(input),
    'task:create': ({ projectId, name }) => core.createTask(projectId, name),
    'tag:create': ({ name }) => core.createTag(name),
    'tag:unarchive': ({ tagId }) => core.unarchiveTag(tagId),
    'sync:retry': () => core.retrySync(),
    'attention:discard': ({ intentId }) => core.discardChange(intentId),
    'settings:get': () => core.settingsView(),
    'settings:set-time-zone': ({ timeZone }) => core.setTimeZone(timeZone),
    'settings:update': ({ patch }) => core.updateSettings(patch),
    'idle:answer': ({ promptId, answer }) => core.answerIdlePrompt(promptId, answer),
    'entries:days': ({ from, to }) => core.entriesOfDays(from, to),
    'favourite:add': ({ entryKey }) => core.addFavourite(entryKey),
    'favourite:start': ({ favouriteId }) => core.startFavourite(favouriteId),
    'favourite:move': ({ favouriteId, direction }) => core.moveFavourite(favouriteId, direction),
    'favourite:remove': ({ favouriteId }) => core.removeFavourite(favouriteId),
    'favourite:set-shortcut': ({ favouriteId, shortcut }) => core.setFavouriteShortcut(favouriteId, shortcut),
    'focus:act': ({ action }) => core.focus(action),
    'window:hide': () => {
      shell.hideWindow();
      return null;
    },
  };
}

export type DispatchResult =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly reason: 'unknown-channel' | 'invalid-payload'; readonly message: string };

/** Validates a call from a window and runs it. The payload is `unknown` until its schema accepts it. */
export async function dispatch(handlers: Handlers, channel: string, payload: unknown): Promise<DispatchResult> {
  if (!Object.hasOwn(invokeRequests, channel)) return { ok: false, reason: 'unknown-channel', message: `Unknown channel ${JSON.stringify(channel).slice(0, 80)}` };
  const known = channel as InvokeChannel;
  const parsed = invokeRequests[known].safeParse(payload ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, reason: 'invalid-payload', message: `Invalid payload for ${known}: ${issue?.path.join('.') || '(root)'} ${issue?.message ?? ''}`.trim() };
  }
  const handler = handlers[known] as (request: unknown) => unknown;
  return { ok: true, value: await handler(parsed.data) };
}
