// The process the boot test starts: plays Electron around the built main process. It configures the
// double (platform, userData …), loads dist/electron/main.js, fires `ready` as Electron does after the
// main module has run, then takes commands from the test over the fork channel and answers with what
// Electron would have shown. Started by boot-driver.ts; never part of the app.
import { appDouble, BrowserWindow, dialogState, ipcState, menuState, notificationState, onExit, protocolState, sessionState, shellState, shortcutState, Tray, type BrowserWindowDouble, type MenuDouble, type TrayDouble } from './electron';
import { config, record, world, type WorldConfig } from './world';

export interface BootConfig extends WorldConfig {
  readonly main: string;
}

export type DriverCommand =
  | { readonly kind: 'state' }
  | { readonly kind: 'tray-event'; readonly event: 'click' | 'right-click' | 'double-click' }
  | { readonly kind: 'menu-click'; readonly label: string }
  | { readonly kind: 'second-instance'; readonly argv: readonly string[] }
  | { readonly kind: 'bridge'; readonly window: number; readonly method: string; readonly request?: unknown }
  | { readonly kind: 'invoke'; readonly window: number; readonly frameUrl: string; readonly channel: string; readonly payload: unknown }
  | { readonly kind: 'window-open'; readonly window: number; readonly url: string }
  | { readonly kind: 'navigate'; readonly window: number; readonly url: string }
  | { readonly kind: 'blur'; readonly window: number }
  | { readonly kind: 'close'; readonly window: number }
  | { readonly kind: 'power'; readonly event: 'suspend' | 'resume' | 'lock-screen' | 'unlock-screen' | 'shutdown' }
  | { readonly kind: 'shortcut'; readonly accelerator: string }
  | { readonly kind: 'gc' }
  | { readonly kind: 'notification-click'; readonly index: number }
  | { readonly kind: 'quit' };

export interface MenuItemView {
  readonly label: string;
  readonly type: string;
  readonly enabled: boolean;
}

export interface WindowView {
  readonly id: number;
  readonly webContentsId: number;
  readonly options: Record<string, unknown>;
  readonly url: string;
  readonly visible: boolean;
  readonly focused: boolean;
  readonly destroyed: boolean;
  readonly calls: readonly string[];
  readonly loads: readonly { url: string; ok: boolean; problems: readonly string[] }[];
  readonly pushes: readonly { channel: string; payload: unknown }[];
  readonly exposed: readonly string[];
  readonly hasOpenHandler: boolean;
  readonly navigateListeners: number;
}

export interface DoubleState {
  readonly ready: boolean;
  readonly log: readonly string[];
  readonly failures: readonly string[];
  readonly unhandled: readonly string[];
  readonly windows: readonly WindowView[];
  readonly tray: { tooltip: string; title: string; image: { empty: boolean; scales: number[]; template: boolean }; contextMenu: MenuItemView[] | null; poppedUp: number; events: string[]; renders: number } | null;
  readonly handlers: readonly string[];
  readonly privilegedSchemes: readonly unknown[];
  readonly handledSchemes: readonly string[];
  readonly applicationMenu: 'unset' | 'none' | 'set';
  readonly shortcuts: readonly string[];
  readonly notifications: readonly { title: string; body: string; alive: boolean }[];
  readonly opened: readonly string[];
  readonly errorBoxes: readonly { title: string; content: string }[];
  readonly loginItem: unknown;
  readonly permissionHandlers: boolean;
}

const boot = JSON.parse(process.env.ELECTRON_DOUBLE_CONFIG ?? 'null') as BootConfig | null;
if (!boot) throw new Error('boot-child: ELECTRON_DOUBLE_CONFIG is missing');
world.config = boot;
Object.defineProperty(process, 'platform', { value: boot.platform });
process.on('unhandledRejection', (reason) => world.unhandled.push(reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)));
process.on('uncaughtException', (error) => world.unhandled.push(`uncaught: ${error.stack ?? error.message}`));

// Every request main makes, in the start-up log (the client uses global fetch).
const realFetch = globalThis.fetch;
globalThis.fetch = (input, init) => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  record(`network:${init?.method ?? 'GET'} ${url.pathname}`);
  return realFetch(input, init);
};

const send = (message: unknown) => new Promise<void>((resolve) => (process.send ? process.send(message, () => resolve()) : resolve()));
onExit((code) => {
  void send({ type: 'exit', code, state: state() }).then(() => process.exit(code));
});

function menuView(menu: MenuDouble | null): MenuItemView[] | null {
  return menu ? menu.template.map((item) => ({ label: item.label ?? '', type: item.type ?? 'normal', enabled: item.enabled !== false })) : null;
}

function windowView(window: BrowserWindowDouble): WindowView {
  const contents = window.webContents;
  return {
    id: window.id,
    webContentsId: contents.id,
    options: JSON.parse(JSON.stringify(window.options)) as Record<string, unknown>,
    url: contents.getURL(),
    visible: window.visible,
    focused: window.focused,
    destroyed: window.destroyed,
    calls: window.calls,
    loads: window.loads,
    pushes: contents.pushes,
    exposed: Object.keys(contents.renderer?.mainWorld ?? {}),
    hasOpenHandler: contents.openHandler !== null,
    navigateListeners: contents.listenerCount('will-navigate'),
  };
}

function state(): DoubleState {
  const tray = (Tray as unknown as { current: TrayDouble | null }).current;
  return {
    ready: world.ready,
    log: world.log,
    failures: world.failures,
    unhandled: world.unhandled,
    windows: (BrowserWindow as unknown as { everCreated(): BrowserWindowDouble[] }).everCreated().map(windowView),
    tray: tray
      ? { tooltip: tray.tooltip, title: tray.title, image: { empty: tray.image.isEmpty(), scales: tray.image.scales, template: tray.image.template }, contextMenu: menuView(tray.contextMenu), poppedUp: tray.poppedUp.length, events: tray.eventNames().map(String), renders: tray.renders }
      : null,
    handlers: [...ipcState.handlers.keys()],
    privilegedSchemes: protocolState.privileged,
    handledSchemes: [...protocolState.handlers.keys()],
    applicationMenu: menuState.application === undefined ? 'unset' : menuState.application === null ? 'none' : 'set',
    shortcuts: [...shortcutState.keys()],
    notifications: notificationState.shown.map((shown) => ({ title: shown.title, body: shown.body, alive: shown.ref.deref() !== undefined })),
    opened: shellState.opened,
    errorBoxes: dialogState.errorBoxes,
    loginItem: appDouble.loginItem,
    permissionHandlers: sessionState.permissionRequest !== null && sessionState.permissionCheck !== null,
  };
}

function windowById(id: number): BrowserWindowDouble {
  const window = (BrowserWindow as unknown as { everCreated(): BrowserWindowDouble[] }).everCreated().find((candidate) => candidate.id === id);
  if (!window) throw new Error(`no window ${id}`);
  return window;
}

function currentTray(): TrayDouble {
  const tray = (Tray as unknown as { current: TrayDouble | null }).current;
  if (!tray) throw new Error('no tray');
  return tray;
}

/** The menu a person sees now: the popped-up one if any, else the context menu. */
function visibleMenu(tray: TrayDouble): MenuDouble {
  const menu = tray.poppedUp.at(-1) ?? tray.contextMenu;
  if (!menu) throw new Error('the tray has no menu');
  return menu;
}

async function run(command: DriverCommand): Promise<unknown> {
  switch (command.kind) {
    case 'state':
      return state();
    case 'tray-event': {
      const tray = currentTray();
      // macOS: with a context menu set, a left click opens that menu (and, since Electron 10, emits
      // 'click' as well). Linux/Windows: right click shows it.
      const opensMenu = tray.contextMenu !== null && (command.event === 'right-click' || (config().platform === 'darwin' && command.event === 'click'));
      if (opensMenu) tray.poppedUp.push(tray.contextMenu!);
      tray.emit(command.event, { preventDefault: () => undefined }, tray.getBounds());
      return opensMenu;
    }
    case 'menu-click': {
      const tray = currentTray();
      const item = visibleMenu(tray).template.find((candidate) => candidate.label === command.label);
      if (!item) throw new Error(`no menu item "${command.label}" (have: ${visibleMenu(tray).template.map((candidate) => candidate.label).join(' | ')})`);
      if (item.enabled === false) throw new Error(`menu item "${command.label}" is disabled`);
      (item.click as (() => void) | undefined)?.();
      return null;
    }
    case 'second-instance':
      appDouble.emit('second-instance', { preventDefault: () => undefined }, ['/usr/bin/clockify-tray', ...command.argv], '/', {});
      return null;
    case 'bridge': {
      const renderer = windowById(command.window).webContents.renderer;
      const api = renderer?.mainWorld.clockify as Record<string, (request?: unknown) => Promise<unknown>> | undefined;
      if (!api) throw new Error(`window ${command.window} has no window.clockify`);
      const method = api[command.method];
      if (typeof method !== 'function') throw new Error(`window.clockify.${command.method} is not a function`);
      return await method(command.request);
    }
    case 'invoke': {
      const { invokeFromRenderer } = await import('./electron');
      return await invokeFromRenderer(windowById(command.window).webContents, command.frameUrl, command.channel, command.payload);
    }
    case 'window-open': {
      const contents = windowById(command.window).webContents;
      if (!contents.openHandler) throw new Error('no window-open handler');
      return contents.openHandler({ url: command.url, frameName: '', features: '', disposition: 'new-window', referrer: { url: '', policy: 'default' }, postBody: undefined } as never);
    }
    case 'navigate':
      return windowById(command.window).webContents.navigate(command.url);
    case 'blur':
      windowById(command.window).loseFocus();
      return null;
    case 'close':
      windowById(command.window).close();
      return null;
    case 'power': {
      const { powerMonitor } = await import('./electron');
      powerMonitor.emit(command.event);
      return null;
    }
    case 'shortcut': {
      const callback = shortcutState.get(command.accelerator);
      if (!callback) throw new Error(`no shortcut ${command.accelerator}`);
      callback();
      return null;
    }
    case 'gc':
      // Twice, a turn apart: WeakRef targets survive the job that created them.
      (globalThis as { gc?: () => void }).gc?.();
      await new Promise((resolve) => setTimeout(resolve, 10));
      (globalThis as { gc?: () => void }).gc?.();
      return null;
    case 'notification-click': {
      const shown = notificationState.shown[command.index];
      const notification = shown?.ref.deref();
      if (!notification) return 'collected';
      notification.emit('click', {});
      return 'clicked';
    }
    case 'quit':
      appDouble.quit();
      return null;
  }
}

process.on('message', (message: { id: number; command: DriverCommand }) => {
  void run(message.command).then(
    (value) => send({ type: 'reply', id: message.id, ok: true, value: value === undefined ? null : value }),
    (error: unknown) => send({ type: 'reply', id: message.id, ok: false, error: error instanceof Error ? error.message : String(error) }),
  );
});

try {
  await import(boot.main);
  record('main-loaded');
} catch (error) {
  world.unhandled.push(`main module failed to load: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
}
// Electron emits `ready` after the main script has run (and not at all once the app has exited).
setImmediate(() => {
  if (appDouble.exitCode === null) appDouble.becomeReady();
  void send({ type: 'booted' });
});
