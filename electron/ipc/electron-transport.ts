// The contract over Electron IPC: ipcMain.handle for every invoke channel, with the sender checked
// (only our own windows) and the payload validated by `dispatch`; typed pushes to live windows.
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { invokeRequests, type PushChannel, type PushPayloads } from '../../shared/ipc/contract';
import { dispatch, type Handlers } from './handlers';
import { isTrustedSender } from './sender-check';

export interface TrustedWindows {
  /** webContents ids of the popover and quick-entry windows (which load app://clockify-tray/ only). */
  ids(): ReadonlySet<number>;
}

export function installIpc(handlers: Handlers, trusted: TrustedWindows): void {
  for (const channel of Object.keys(invokeRequests)) {
    ipcMain.handle(channel, async (event: IpcMainInvokeEvent, payload: unknown) => {
      const sender = { webContentsId: event.sender.id, frameUrl: event.senderFrame?.url ?? null };
      if (!isTrustedSender(sender, trusted.ids())) throw new Error(`Refused ${channel}: the sender is not one of this app's windows.`);
      const result = await dispatch(handlers, channel, payload);
      if (!result.ok) throw new Error(result.message);
      return result.value;
    });
  }
}

export function push<C extends PushChannel>(targets: readonly WebContents[], channel: C, payload: PushPayloads[C]): void {
  for (const contents of targets) if (!contents.isDestroyed()) contents.send(channel, payload);
}
