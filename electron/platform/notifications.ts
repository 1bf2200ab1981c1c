// Native notifications for what the user must know while no window is open: a timer adopted from
// the web, a failed shortcut, changes that could not be saved, time away, the work-hours reminder.
import { Notification } from 'electron';

export interface NotificationAction {
  readonly label: string;
  readonly run: () => void;
}

// Electron keeps no reference to a shown notification: one the app drops is garbage-collected while
// still on screen, and its click and actions go nowhere. Each is held here until it closes.
const shown = new Set<Notification>();

export function notify(title: string, body: string, onClick: () => void, actions: readonly NotificationAction[] = []): void {
  if (!Notification.isSupported()) return;
  // Action buttons exist on macOS only; elsewhere a click opens the app, where the same choices are.
  const notification = new Notification({ title, body, actions: actions.map((action) => ({ type: 'button', text: action.label })) });
  notification.on('click', onClick);
  notification.on('action', (_event, index) => actions[index]?.run());
  notification.on('close', () => shown.delete(notification));
  notification.on('failed', () => shown.delete(notification));
  shown.add(notification);
  notification.show();
}
