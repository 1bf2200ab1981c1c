// window.clockify: one method per operation and one subscription per push channel, derived from
// the contract. Free of runtime dependencies so the sandboxed preload stays tiny.
import type { InvokeChannel, InvokeRequest, InvokeResponse, PushChannel, PushPayloads } from './contract';

/** The bridge's method for each channel: one method per operation, never a generic invoke. */
export const bridgeMethods = {
  getSnapshot: 'app:snapshot',
  getCatalog: 'catalog:get',
  getTasks: 'catalog:tasks',
  refreshCatalog: 'catalog:refresh',
  connect: 'account:connect',
  connectWithEnvironmentKey: 'account:connect-env',
  signOut: 'account:sign-out',
  switchAccount: 'account:switch',
  openMatonConnections: 'maton:open',
  refreshMatonConnections: 'maton:refresh',
  addMatonConnection: 'maton:add',
  cancelMatonConnection: 'maton:cancel-add',
  removeMatonConnection: 'maton:remove',
  useMatonConnection: 'maton:use',
  closeMatonConnections: 'maton:close',
  selectWorkspace: 'workspace:select',
  startTimer: 'timer:start',
  stopTimer: 'timer:stop',
  stopTimerIn: 'timer:stop-in',
  continueEntry: 'timer:continue',
  discardTimer: 'timer:discard',
  updateRunningEntry: 'timer:update-running',
  moveTimerStart: 'timer:move-start',
  stopTimerAt: 'timer:stop-at',
  resumeEntry: 'timer:resume',
  startInterruption: 'timer:interrupt',
  switchTimerAt: 'timer:switch-at',
  addEntry: 'entry:add',
  updateEntry: 'entry:update',
  deleteEntry: 'entry:delete',
  splitEntry: 'entry:split',
  duplicateEntry: 'entry:duplicate',
  undoDeleteEntry: 'entry:undo-delete',
  getClients: 'catalog:clients',
  createProject: 'project:create',
  createTask: 'task:create',
  createTag: 'tag:create',
  unarchiveTag: 'tag:unarchive',
  retrySync: 'sync:retry',
  discardChange: 'attention:discard',
  getSettings: 'settings:get',
  setTimeZone: 'settings:set-time-zone',
  updateSettings: 'settings:update',
  hideWindow: 'window:hide',
  answerIdlePrompt: 'idle:answer',
  getEntriesOfDays: 'entries:days',
  addFavourite: 'favourite:add',
  startFavourite: 'favourite:start',
  moveFavourite: 'favourite:move',
  removeFavourite: 'favourite:remove',
  setFavouriteShortcut: 'favourite:set-shortcut',
  focus: 'focus:act',
} as const satisfies Record<string, InvokeChannel>;

export const bridgeSubscriptions = {
  onState: 'app:state',
  onNotice: 'app:notice',
  onTick: 'timer:tick',
  onOpenView: 'app:open-view',
} as const satisfies Record<string, PushChannel>;

/** Channels whose request may be empty take no argument. */
type Args<C extends InvokeChannel> = Record<never, never> extends InvokeRequest<C> ? [request?: InvokeRequest<C>] : [request: InvokeRequest<C>];
export type Unsubscribe = () => void;

/** `window.clockify`, as the preload (or the web harness) installs it. */
export type ClockifyBridge = {
  readonly [M in keyof typeof bridgeMethods]: (...args: Args<(typeof bridgeMethods)[M]>) => Promise<InvokeResponse<(typeof bridgeMethods)[M]>>;
} & {
  readonly [S in keyof typeof bridgeSubscriptions]: (listener: (payload: PushPayloads[(typeof bridgeSubscriptions)[S]]) => void) => Unsubscribe;
};

/** Every channel has exactly one bridge method (checked by the compiler). */
type MissingMethod = Exclude<InvokeChannel, (typeof bridgeMethods)[keyof typeof bridgeMethods]>;
const _everyChannelHasAMethod: MissingMethod extends never ? true : never = true;
void _everyChannelHasAMethod;
