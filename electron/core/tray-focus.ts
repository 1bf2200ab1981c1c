// The focus mode (pomodoro) in the tray: the countdown in the tooltip and the macOS title, and the
// person's choices in the menu (take a break, keep working, back to work, pause it for a meeting).
import type { AppSnapshot } from '../../shared/domain';
import type { TrayMenuItem } from './tray-view';

/** "Focus 12 min left (round 2 of 4)", "Break 4 min left", "Work time is up", or null while off. */
export function focusText(snapshot: AppSnapshot, now: number): string | null {
  const focus = snapshot.pomodoro;
  if (!focus || snapshot.account.status !== 'signed-in') return null;
  const left = (until: string) => `${Math.max(0, Math.ceil((Date.parse(until) - now) / 60_000))} min left`;
  const round = `round ${focus.round} of ${focus.rounds}`;
  switch (focus.phase) {
    case 'ready':
      return null;
    case 'work':
      return `Focus ${left(focus.endsAt)} (${round})`;
    case 'work-over':
      return 'Work time is up: take a break';
    case 'break':
      return `${focus.longBreak ? 'Long break' : 'Break'} ${left(focus.endsAt)}`;
    case 'break-over':
      return 'Break is over';
    case 'paused':
      return 'Focus paused';
  }
}

/** The choices that fit the phase; nothing while the focus mode is off. */
export function focusTrayItems(snapshot: AppSnapshot): TrayMenuItem[] {
  const focus = snapshot.pomodoro;
  if (!focus || snapshot.account.status !== 'signed-in') return [];
  const item = (label: string, action: Extract<TrayMenuItem, { type: 'command' }>['command'] & { kind: 'focus' }): TrayMenuItem => ({ type: 'command', label, command: action, enabled: true });
  switch (focus.phase) {
    case 'ready':
      return [];
    case 'work':
      return [item('Pause focus for this timer (meeting)', { kind: 'focus', action: 'pause' })];
    case 'work-over':
      return [item('Take a break', { kind: 'focus', action: 'break' }), item('Keep working', { kind: 'focus', action: 'keep-working' }), item('Pause focus for this timer (meeting)', { kind: 'focus', action: 'pause' })];
    case 'break':
    case 'break-over':
      return [item('Back to work', { kind: 'focus', action: 'back-to-work' })];
    case 'paused':
      return [item('Resume focus', { kind: 'focus', action: 'resume' })];
  }
}
