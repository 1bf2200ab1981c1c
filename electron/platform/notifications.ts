// Native notifications for what the user must know while no window is open: a timer adopted from
// the web, a failed shortcut, changes that could not be saved, time away, the work-hours reminder.
import { Notification } from 'electron';

export interface NotificationAction {
  readonly label: string;
  readonly run: () => void;
}

export function notify(title: string, body: string, onClick: () => void, actions: readonly NotificationAction[] = []): void {
  if (!Notification.isSupported()) return;
  // Action buttons exist on macOS only; elsewhere a click opens the app, where the same choices are.
  const notification = new Notification({ title, body, actions: actions.map((action) => ({ type: 'button', text: action.label })) });
  notification.on('click', onClick);
  notification.on('action', (_event, index) => actions[index]?.run());
  notification.show();
}
