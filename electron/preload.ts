// The preload: exposes window.clockify, one method per operation, and subscriptions that strip the
// Electron event and return an unsubscribe function. Nothing else from Node or Electron leaks in.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { bridgeMethods, bridgeSubscriptions, type ClockifyBridge } from '../shared/ipc/bridge';

const api: Record<string, unknown> = {};
for (const [method, channel] of Object.entries(bridgeMethods)) {
  api[method] = (request?: unknown) => ipcRenderer.invoke(channel, request ?? {});
}
for (const [method, channel] of Object.entries(bridgeSubscriptions)) {
  api[method] = (listener: (payload: unknown) => void) => {
    const handler = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(channel, handler);
    return () => void ipcRenderer.removeListener(channel, handler);
  };
}

contextBridge.exposeInMainWorld('clockify', api as ClockifyBridge);
