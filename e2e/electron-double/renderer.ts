// The renderer side of the double: runs the real built preload (dist/electron/preload.cjs) the way a
// sandboxed Electron renderer does — CommonJS, with `require` giving `electron` and nothing else
// (Electron's sandbox offers a few more modules; the app needs none) — and gives it contextBridge and
// ipcRenderer bound to one window, so the exposed methods can be called end to end into main.
import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import type * as Electron from 'electron';
import { invokeFromRenderer, type WebContentsDouble } from './electron';
import { fail, strict } from './world';

export interface RendererWorld {
  /** What the preload exposed with contextBridge.exposeInMainWorld, by key. */
  readonly mainWorld: Record<string, unknown>;
  /** A push from main (webContents.send) reaching the page's listeners. */
  deliver(channel: string, payload: unknown): void;
  /** Listeners per push channel. */
  readonly listeners: Map<string, Set<(...args: unknown[]) => void>>;
}

export function runPreload(preloadPath: string, contents: WebContentsDouble, pageUrl: string): RendererWorld {
  const mainWorld: Record<string, unknown> = {};
  const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
  const contextBridge = strict('contextBridge', {
    exposeInMainWorld(key: string, api: unknown): void {
      if (key in mainWorld) fail(`contextBridge.exposeInMainWorld('${key}') called twice`);
      // Values cross the bridge as copies; functions stay callable (Electron proxies them).
      mainWorld[key] = api;
    },
  } satisfies Pick<Electron.ContextBridge, 'exposeInMainWorld'>);
  const ipcRenderer = strict('ipcRenderer', {
    invoke: (channel: string, ...args: unknown[]) => invokeFromRenderer(contents, pageUrl, channel, args[0]),
    on(channel: string, listener: (...args: unknown[]) => void) {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)!.add(listener);
      return ipcRenderer;
    },
    removeListener(channel: string, listener: (...args: unknown[]) => void) {
      listeners.get(channel)?.delete(listener);
      return ipcRenderer;
    },
  });
  const electron = strict('electron (renderer)', { contextBridge, ipcRenderer });
  const module = { exports: {} as unknown };
  const sandboxRequire = (name: string) => (name === 'electron' ? electron : fail(`the preload requires '${name}'; a sandboxed preload may require only 'electron'`));
  const code = readFileSync(preloadPath, 'utf8');
  // A CommonJS wrapper, as Electron's sandboxed preload runs it; an ES module fails to compile here.
  const wrapper = vm.runInThisContext(`(function (exports, require, module, __filename, __dirname) {${code}\n})`, { filename: preloadPath });
  wrapper.call(module.exports, module.exports, sandboxRequire, module, preloadPath, '.');
  return {
    mainWorld,
    listeners,
    deliver(channel, payload) {
      const event = { sender: ipcRenderer, senderId: 0 };
      for (const listener of listeners.get(channel) ?? []) listener(event, structuredClone(payload));
    },
  };
}
