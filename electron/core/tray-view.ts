// What the tray shows, as pure functions of the snapshot and the time: the icon state, the tooltip,
// the macOS title and the menu. The Electron adapter only renders these.
import type { AppSnapshot, EntryView, ProjectOption } from '../../shared/domain';
import { entrySeconds, formatDuration } from '../../shared/entry-totals';
import { mayContinue } from '../../shared/entry-types';
import { resumableEntry } from '../../shared/running-timer';
import { snapshotWorkTotals, totalsText, type Goals } from './tray-totals';
import { favouriteTrayItems } from './tray-favourites';
import { focusText, focusTrayItems } from './tray-focus';
import type { FocusAction } from '../../shared/pomodoro';

export type TrayIconState = 'idle' | 'running' | 'pending' | 'offline';

export function trayIconState(snapshot: AppSnapshot): TrayIconState {
  if (snapshot.account.status === 'signed-out' || !snapshot.sync.online || snapshot.sync.attention.length > 0) return 'offline';
  if (snapshot.sync.pending > 0) return 'pending';
  return snapshot.timer.status === 'running' ? 'running' : 'idle';
}

/** Steps of the goal ring: fine enough for a 32-pixel ring, coarse enough not to redraw it every minute. */
const GOAL_STEPS = 32;

/**
 * Today's share of the daily goal for the tray icon's ring (0 to 1, in 1/32 steps), or null when no
 * daily goal is set or nobody is signed in.
 */
export function trayGoalProgress(snapshot: AppSnapshot, now: number, goals: Goals): number | null {
  if (snapshot.account.status !== 'signed-in' || goals.dailyMinutes <= 0) return null;
  const { todaySeconds } = snapshotWorkTotals(snapshot, now);
  return Math.min(1, Math.floor((todaySeconds / (goals.dailyMinutes * 60)) * GOAL_STEPS) / GOAL_STEPS);
}

/** " (in Northwind Studio)" when the timer runs in a workspace other than the chosen one. */
function elsewhere(snapshot: AppSnapshot, entry: EntryView): string {
  if (entry.workspaceId === snapshot.workspaceId) return '';
  return ` (in ${snapshot.workspaces.find((workspace) => workspace.id === entry.workspaceId)?.name ?? 'another workspace'})`;
}

export function trayTooltip(snapshot: AppSnapshot, now: number, projectName: (id: string | null) => string, goals?: Goals): string {
  if (snapshot.account.status === 'signed-out') return 'Clockify Tray — not connected';
  const today = totalsText(snapshot, now, goals);
  const focus = focusText(snapshot, now);
  const sync = `${focus ? ` · ${focus}` : ''}${snapshot.sync.pending > 0 ? ` · ${snapshot.sync.pending} pending` : ''}`;
  if (snapshot.timer.status !== 'running') return `Not tracking · ${today}${sync}`;
  const { entry } = snapshot.timer;
  const project = projectName(entry.projectId);
  return `${entry.description || '(no description)'}${project ? ` — ${project}` : ''}${elsewhere(snapshot, entry)} · ${formatDuration(entrySeconds(entry, now))} · ${today}${sync}`;
}

/** The macOS menu-bar title: elapsed time while running, else today's work once there is some. */
export function trayTitle(snapshot: AppSnapshot, now: number): string {
  const focus = focusText(snapshot, now);
  if (focus) return snapshot.timer.status === 'running' ? `${formatDuration(entrySeconds(snapshot.timer.entry, now))} · ${focus.replace(/ \(round.*\)$/, '')}` : focus;
  if (snapshot.timer.status === 'running') return formatDuration(entrySeconds(snapshot.timer.entry, now));
  if (snapshot.account.status !== 'signed-in') return '';
  const { todaySeconds } = snapshotWorkTotals(snapshot, now);
  return todaySeconds >= 60 ? `Σ ${formatDuration(todaySeconds)}` : '';
}

export type TrayCommand =
  | { readonly kind: 'start' }
  | { readonly kind: 'stop' }
  | { readonly kind: 'continue'; readonly entryKey: string }
  | { readonly kind: 'resume'; readonly entryKey: string }
  | { readonly kind: 'quick-entry' }
  | { readonly kind: 'open' }
  | { readonly kind: 'settings' }
  | { readonly kind: 'switch-account'; readonly accountId: string }
  | { readonly kind: 'favourite'; readonly favouriteId: string }
  | { readonly kind: 'focus'; readonly action: FocusAction }
  | { readonly kind: 'quit' };

export type TrayMenuItem =
  | { readonly type: 'separator' }
  | { readonly type: 'label'; readonly label: string }
  | { readonly type: 'command'; readonly label: string; readonly command: TrayCommand; readonly enabled: boolean };

/** The whole menu, always complete: on Linux a tray click may never reach the app. */
export function trayMenu(snapshot: AppSnapshot, now: number, projects: ReadonlyMap<string, ProjectOption>): TrayMenuItem[] {
  const signedIn = snapshot.account.status === 'signed-in';
  const describe = (entry: EntryView) => {
    const project = entry.projectId ? projects.get(entry.projectId)?.name : undefined;
    return truncate(`${entry.description || '(no description)'}${project ? ` — ${project}` : ''}`, 48);
  };
  // Favourites head the menu: one click starts one.
  const items: TrayMenuItem[] = favouriteTrayItems(snapshot, truncate);
  if (snapshot.timer.status === 'running') {
    items.push({ type: 'label', label: `● ${describe(snapshot.timer.entry)}${elsewhere(snapshot, snapshot.timer.entry)} · ${formatDuration(entrySeconds(snapshot.timer.entry, now))}` });
    items.push({ type: 'command', label: 'Stop', command: { kind: 'stop' }, enabled: true });
  } else {
    items.push({ type: 'label', label: signedIn ? 'Not tracking' : 'Not connected' });
    items.push({ type: 'command', label: 'Start', command: { kind: 'start' }, enabled: signedIn });
    // Just stopped: the same entry runs again (one entry, not two).
    const resumable = signedIn ? resumableEntry(snapshot.recent, now) : null;
    if (resumable) items.push({ type: 'command', label: `Resume ${describe(resumable)}`, command: { kind: 'resume', entryKey: resumable.key }, enabled: true });
  }
  const focus = focusText(snapshot, now);
  if (focus) items.push({ type: 'label', label: focus }, ...focusTrayItems(snapshot));
  const continuable = distinctRecent(snapshot.recent, 5);
  if (continuable.length > 0) {
    items.push({ type: 'separator' });
    for (const entry of continuable) items.push({ type: 'command', label: `Continue ${describe(entry)}`, command: { kind: 'continue', entryKey: entry.key }, enabled: true });
  }
  const active = snapshot.accounts.find((account) => account.active);
  if (signedIn && active && snapshot.accounts.length > 1) {
    // Which account the timer is in, and the others one click away (flat: Linux trays show submenus poorly).
    // "· Maton" or "· Global": the same person can have an account through each.
    const name = (account: (typeof snapshot.accounts)[number]) => `${truncate(`${account.userName} (${account.email})`, 48)} · ${account.via}`;
    items.push({ type: 'separator' }, { type: 'label', label: `Account: ${name(active)}` });
    for (const account of snapshot.accounts.filter((candidate) => !candidate.active)) {
      items.push({ type: 'command', label: `Switch to ${name(account)}`, command: { kind: 'switch-account', accountId: account.id }, enabled: true });
    }
  }
  items.push(
    { type: 'separator' },
    { type: 'command', label: 'Quick entry…', command: { kind: 'quick-entry' }, enabled: signedIn },
    { type: 'command', label: 'Open', command: { kind: 'open' }, enabled: true },
    { type: 'command', label: 'Settings…', command: { kind: 'settings' }, enabled: true },
    { type: 'separator' },
    // Quitting does not stop a running timer: it keeps running in Clockify, and the menu says so.
    { type: 'command', label: snapshot.timer.status === 'running' ? 'Quit (the timer keeps running in Clockify)' : 'Quit', command: { kind: 'quit' }, enabled: true },
  );
  return items;
}

/** The newest work entries that differ in what they are about (description, project, task, tags). */
export function distinctRecent(entries: readonly EntryView[], limit: number): EntryView[] {
  const seen = new Set<string>();
  const result: EntryView[] = [];
  for (const entry of entries) {
    if (!mayContinue(entry.type)) continue;
    const identity = JSON.stringify([entry.description, entry.projectId, entry.taskId, [...entry.tagIds].sort()]);
    if (seen.has(identity)) continue;
    seen.add(identity);
    result.push(entry);
    if (result.length === limit) break;
  }
  return result;
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** What the tray shows while the app opens its keychain and cache: enough to quit. */
export function startingTray(): { icon: TrayIconState; goal: null; tooltip: string; title: string; menu: TrayMenuItem[] } {
  return {
    icon: 'idle',
    goal: null,
    tooltip: 'Clockify Tray — starting…',
    title: '',
    menu: [{ type: 'label', label: 'Starting…' }, { type: 'separator' }, { type: 'command', label: 'Quit', command: { kind: 'quit' }, enabled: true }],
  };
}
