// A recording double of the `electron` module as the main process sees it, typed against
// electron.d.ts (each class implements a Pick of the real one, so a signature cannot drift). The
// boot test resolves `electron` here (hooks.mjs) and runs the built dist/electron/main.js in Node.
// What it models, it models the way Electron documents it; anything else fails by name (world.ts).
import { EventEmitter } from 'node:events';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type * as Electron from 'electron';
import { config, fail, record, requireReady, strict, world } from './world';
import { runPreload, type RendererWorld } from './renderer';

type Handler = (event: unknown, ...args: unknown[]) => unknown;

// ---- app ---------------------------------------------------------------------------------------

class AppDouble extends EventEmitter implements Pick<Electron.App, 'whenReady' | 'isReady' | 'quit' | 'exit' | 'requestSingleInstanceLock' | 'setAppUserModelId' | 'getPath' | 'getVersion' | 'getName' | 'setLoginItemSettings'> {
  readonly commandLine = strict('app.commandLine', { appendSwitch: (name: string, value?: string) => void record(`switch:${name}${value ? `=${value}` : ''}`) });
  private readyResolve!: () => void;
  private readonly readyPromise = new Promise<void>((resolve) => (this.readyResolve = resolve));
  loginItem: Electron.Settings | null = null;
  exitCode: number | null = null;
  quitting = false;

  get isPackaged(): boolean {
    return config().isPackaged;
  }
  /** Only on macOS (undefined elsewhere, as in Electron). */
  get dock(): Pick<Electron.Dock, 'hide' | 'show'> | undefined {
    if (config().platform !== 'darwin') return undefined;
    return strict('app.dock', { hide: () => void record('dock:hide'), show: async () => void record('dock:show') });
  }
  whenReady(): Promise<void> {
    return this.readyPromise;
  }
  isReady(): boolean {
    return world.ready;
  }
  /** Fired by the boot child once the main module has been evaluated, as Electron does. */
  becomeReady(): void {
    world.ready = true;
    record('ready');
    this.emit('ready', {}, {});
    this.readyResolve();
  }
  requestSingleInstanceLock(): boolean {
    record('single-instance-lock');
    return config().lockAvailable;
  }
  setAppUserModelId(id: string): void {
    record(`app-user-model-id:${id}`);
  }
  getPath(name: Parameters<Electron.App['getPath']>[0]): string {
    if (name !== 'userData') fail(`app.getPath('${name}') is not modelled`);
    return config().userData;
  }
  getVersion(): string {
    return '0.0.0-double';
  }
  getName(): string {
    return 'Clockify Tray';
  }
  setLoginItemSettings(settings: Electron.Settings): void {
    if (config().platform === 'linux') fail('app.setLoginItemSettings has no effect on Linux (macOS and Windows only)');
    this.loginItem = settings;
  }
  quit(): void {
    if (this.quitting) return;
    record('quit');
    let prevented = false;
    const event = { preventDefault: () => (prevented = true) };
    this.emit('before-quit', event);
    if (prevented) return;
    this.quitting = true;
    for (const window of BrowserWindowDouble.all()) window.destroy();
    this.emit('will-quit', { preventDefault: () => undefined });
    this.emit('quit', {}, 0);
    this.exit(0);
  }
  exit(code = 0): void {
    record(`exit:${code}`);
    this.exitCode = code;
    exitHook(code);
  }
  /** Records which events the app listens to (start-up order is asserted). */
  listen(event: string): void {
    record(`app.on:${event}`);
  }
}

let exitHook: (code: number) => void = () => undefined;
/** The boot child decides what "exit" means (tell the test, then end the process). */
export function onExit(hook: (code: number) => void): void {
  exitHook = hook;
}

export const appDouble = new AppDouble();
const originalOn = appDouble.on.bind(appDouble);
appDouble.on = (event: string | symbol, listener: (...args: unknown[]) => void) => {
  appDouble.listen(String(event));
  return originalOn(event, listener);
};
export const app = strict('app', appDouble);

// ---- protocol ----------------------------------------------------------------------------------

export const protocolState = { privileged: [] as Electron.CustomScheme[], handlers: new Map<string, (request: Request) => Promise<Response> | Response>() };

export const protocol = strict('protocol', {
  registerSchemesAsPrivileged(schemes: Electron.CustomScheme[]): void {
    if (world.ready) fail('protocol.registerSchemesAsPrivileged called after ready (Electron requires it before)');
    record(`privileged:${schemes.map((scheme) => scheme.scheme).join(',')}`);
    protocolState.privileged.push(...schemes);
  },
  handle(scheme: string, handler: (request: Request) => Promise<Response> | Response): void {
    requireReady('protocol.handle');
    if (protocolState.handlers.has(scheme)) fail(`protocol.handle('${scheme}') called twice`);
    protocolState.handlers.set(scheme, handler);
  },
} satisfies Pick<Electron.Protocol, 'registerSchemesAsPrivileged' | 'handle'>);

/** Fetches a URL the way a window would: through a handled scheme, or file:// under the app's fuses. */
async function fetchForPage(url: string): Promise<{ status: number; type: string; body: string; error?: string }> {
  const parsed = new URL(url);
  const scheme = parsed.protocol.slice(0, -1);
  const handler = protocolState.handlers.get(scheme);
  if (handler) {
    const response = await handler(new Request(url));
    return { status: response.status, type: response.headers.get('content-type') ?? '', body: await response.text() };
  }
  if (scheme === 'file') {
    const { readFile } = await import('node:fs/promises');
    try {
      return { status: 200, type: 'file', body: await readFile(fileURLToPath(url), 'utf8') };
    } catch {
      return { status: 404, type: '', body: '', error: 'ERR_FILE_NOT_FOUND' };
    }
  }
  return { status: 0, type: '', body: '', error: `ERR_UNKNOWN_URL_SCHEME (${scheme}: no protocol handler)` };
}

// ---- windows -----------------------------------------------------------------------------------

export interface PageLoad {
  readonly url: string;
  readonly ok: boolean;
  readonly problems: readonly string[];
}

class WebContentsDouble extends EventEmitter implements Pick<Electron.WebContents, 'send' | 'isDestroyed' | 'isFocused' | 'isLoading' | 'getURL' | 'setWindowOpenHandler'> {
  private static nextId = 1;
  readonly id = WebContentsDouble.nextId++;
  url = '';
  loading = false;
  destroyed = false;
  openHandler: Parameters<Electron.WebContents['setWindowOpenHandler']>[0] | null = null;
  readonly pushes: { channel: string; payload: unknown }[] = [];
  renderer: RendererWorld | null = null;

  constructor(readonly owner: BrowserWindowDouble) {
    super();
  }
  send(channel: string, ...args: unknown[]): void {
    if (this.destroyed) fail('webContents.send on a destroyed webContents');
    const payload = structuredClone(args[0]);
    this.pushes.push({ channel, payload });
    this.renderer?.deliver(channel, payload);
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  isFocused(): boolean {
    return this.owner.focused;
  }
  isLoading(): boolean {
    return this.loading;
  }
  getURL(): string {
    return this.url;
  }
  setWindowOpenHandler(handler: Parameters<Electron.WebContents['setWindowOpenHandler']>[0]): void {
    this.openHandler = handler;
  }
  /** A navigation the page (or an attacker's content) starts: true when the app let it happen. */
  navigate(url: string): boolean {
    let prevented = false;
    this.emit('will-navigate', { preventDefault: () => (prevented = true), url }, url);
    return !prevented;
  }
}

class BrowserWindowDouble extends EventEmitter implements Pick<Electron.BrowserWindow, 'loadURL' | 'loadFile' | 'show' | 'hide' | 'focus' | 'isVisible' | 'isFocused' | 'isDestroyed' | 'destroy' | 'close' | 'setPosition' | 'center' | 'setAlwaysOnTop' | 'setMenu'> {
  private static nextId = 1;
  private static readonly windows: BrowserWindowDouble[] = [];
  static all(): BrowserWindowDouble[] {
    return BrowserWindowDouble.windows.filter((window) => !window.destroyed);
  }
  static everCreated(): readonly BrowserWindowDouble[] {
    return BrowserWindowDouble.windows;
  }
  static getAllWindows(): BrowserWindowDouble[] {
    return BrowserWindowDouble.all();
  }

  readonly id = BrowserWindowDouble.nextId++;
  readonly webContents: WebContentsDouble;
  visible = false;
  focused = false;
  destroyed = false;
  readonly calls: string[] = [];
  readonly loads: PageLoad[] = [];

  constructor(readonly options: Electron.BrowserWindowConstructorOptions = {}) {
    super();
    requireReady('new BrowserWindow');
    this.webContents = new WebContentsDouble(this);
    BrowserWindowDouble.windows.push(this);
    record(`window:${this.id}`);
    return strict(`BrowserWindow#${this.id}`, this);
  }

  async loadFile(filePath: string, options?: Electron.LoadFileOptions): Promise<void> {
    const url = pathToFileURL(filePath);
    if (options?.query) for (const [key, value] of Object.entries(options.query)) url.searchParams.set(key, value);
    return this.loadURL(url.toString());
  }

  /** Loads the page and every script and stylesheet it names, the way Chromium would, and records what failed. */
  async loadURL(url: string): Promise<void> {
    this.calls.push(`loadURL ${url}`);
    const contents = this.webContents;
    contents.loading = true;
    contents.url = url;
    const problems: string[] = [];
    const page = await fetchForPage(url);
    if (page.status !== 200) problems.push(`${url}: ${page.error ?? `status ${page.status}`}`);
    else {
      if (!page.type.startsWith('text/html') && page.type !== 'file') problems.push(`${url}: served as ${page.type}`);
      for (const match of page.body.matchAll(/<(script|link)\b([^>]*)>/g)) {
        const attributes = match[2]!;
        const target = /\b(?:src|href)="([^"]+)"/.exec(attributes)?.[1];
        if (!target || (match[1] === 'link' && !/rel="(stylesheet|modulepreload)"/.test(attributes))) continue;
        const asset = new URL(target, url).toString();
        // Module scripts and crossorigin stylesheets are CORS requests; from file:// (origin 'null')
        // Chromium blocks them once the grantFileProtocolExtraPrivileges fuse is off (electron/electron#40372).
        if (asset.startsWith('file:') && /type="module"|crossorigin/.test(attributes)) {
          problems.push(`${asset}: blocked by CORS policy (origin 'null')`);
          continue;
        }
        const loaded = await fetchForPage(asset);
        const expected = match[1] === 'script' ? 'text/javascript' : 'text/css';
        if (loaded.status !== 200) problems.push(`${asset}: ${loaded.error ?? `status ${loaded.status}`}`);
        else if (loaded.type !== 'file' && !loaded.type.startsWith(expected)) problems.push(`${asset}: served as ${loaded.type}, expected ${expected}`);
      }
    }
    this.loads.push({ url, ok: problems.length === 0, problems });
    if (problems.length > 0) {
      contents.loading = false;
      contents.emit('did-fail-load', {}, -1, problems[0], url, true);
      throw new Error(`ERR_FAILED (-2) loading '${url}'`);
    }
    const preload = this.options.webPreferences?.preload;
    contents.renderer = preload ? runPreload(preload, contents, url) : null;
    contents.loading = false;
    contents.emit('dom-ready', {});
    contents.emit('did-finish-load', {});
  }

  show(): void {
    this.calls.push('show');
    const wasVisible = this.visible;
    this.visible = true;
    this.focused = true;
    if (!wasVisible) this.emit('show');
    this.emit('focus');
  }
  hide(): void {
    this.calls.push('hide');
    const wasVisible = this.visible;
    this.visible = false;
    this.focused = false;
    if (wasVisible) this.emit('hide');
  }
  focus(): void {
    this.calls.push('focus');
    this.focused = true;
  }
  /** The user clicked elsewhere (the tray, another app). */
  loseFocus(): void {
    this.focused = false;
    this.emit('blur');
  }
  isVisible(): boolean {
    return this.visible;
  }
  isFocused(): boolean {
    return this.focused;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  destroy(): void {
    if (this.destroyed) return;
    this.calls.push('destroy');
    this.visible = false;
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.emit('closed');
  }
  close(): void {
    let prevented = false;
    this.emit('close', { preventDefault: () => (prevented = true) });
    if (!prevented) this.destroy();
  }
  setPosition(x: number, y: number): void {
    this.calls.push(`setPosition ${x},${y}`);
  }
  center(): void {
    this.calls.push('center');
  }
  setAlwaysOnTop(flag: boolean): void {
    this.calls.push(`setAlwaysOnTop ${flag}`);
  }
  setMenu(menu: Electron.Menu | null): void {
    this.calls.push(`setMenu ${menu ? 'menu' : 'null'}`);
  }
}

export const BrowserWindow = BrowserWindowDouble;
export type { BrowserWindowDouble, WebContentsDouble };

// ---- menus, tray, images -------------------------------------------------------------------------

class MenuDouble implements Pick<Electron.Menu, 'popup'> {
  constructor(readonly template: readonly Electron.MenuItemConstructorOptions[]) {}
  popup(): void {
    record('menu:popup');
  }
}

export const menuState = { application: undefined as MenuDouble | null | undefined };

export const Menu = strict('Menu', {
  buildFromTemplate(template: Electron.MenuItemConstructorOptions[]): MenuDouble {
    return new MenuDouble(template);
  },
  setApplicationMenu(menu: MenuDouble | null): void {
    record(`application-menu:${menu ? 'set' : 'none'}`);
    menuState.application = menu;
  },
});

class ImageDouble implements Pick<Electron.NativeImage, 'addRepresentation' | 'setTemplateImage' | 'isTemplateImage' | 'isEmpty'> {
  readonly scales: number[] = [];
  template = false;
  constructor(readonly bytes: number) {}
  addRepresentation(options: Electron.AddRepresentationOptions): void {
    if (!options.buffer?.length) fail('nativeImage.addRepresentation without a buffer');
    this.scales.push(options.scaleFactor ?? 1);
  }
  setTemplateImage(option: boolean): void {
    this.template = option;
  }
  isTemplateImage(): boolean {
    return this.template;
  }
  isEmpty(): boolean {
    return this.bytes === 0;
  }
}

export const nativeImage = strict('nativeImage', {
  createFromBuffer(buffer: Buffer, options?: Electron.CreateFromBufferOptions): ImageDouble {
    // A PNG starts with its signature; anything else would give an empty image.
    const png = buffer.length > 8 && buffer.readUInt32BE(0) === 0x89504e47;
    const image = new ImageDouble(png ? buffer.length : 0);
    image.scales.push(options?.scaleFactor ?? 1);
    return image;
  },
});

class TrayDouble extends EventEmitter implements Pick<Electron.Tray, 'setImage' | 'setToolTip' | 'setTitle' | 'setContextMenu' | 'popUpContextMenu' | 'getBounds' | 'destroy'> {
  static current: TrayDouble | null = null;
  image: ImageDouble;
  tooltip = '';
  title = '';
  contextMenu: MenuDouble | null = null;
  /** Menus shown by popUpContextMenu, in order. */
  readonly poppedUp: MenuDouble[] = [];
  renders = 0;

  constructor(image: Electron.NativeImage | string) {
    super();
    requireReady('new Tray');
    this.image = imageDouble(image);
    TrayDouble.current = this;
    record('tray');
    return strict('Tray', this);
  }
  setImage(image: Electron.NativeImage | string): void {
    this.image = imageDouble(image);
  }
  setToolTip(toolTip: string): void {
    this.tooltip = toolTip;
    this.renders += 1;
  }
  setTitle(title: string): void {
    if (config().platform !== 'darwin') fail('tray.setTitle is macOS-only');
    this.title = title;
  }
  setContextMenu(menu: Electron.Menu | null): void {
    this.contextMenu = menu as unknown as MenuDouble | null;
  }
  popUpContextMenu(menu?: Electron.Menu): void {
    const shown = (menu as unknown as MenuDouble | undefined) ?? this.contextMenu;
    if (!shown) fail('tray.popUpContextMenu with no menu');
    this.poppedUp.push(shown);
  }
  getBounds(): Electron.Rectangle {
    return { x: 1800, y: 0, width: 24, height: 24 };
  }
  destroy(): void {
    record('tray:destroy');
  }
}

function imageDouble(image: Electron.NativeImage | string): ImageDouble {
  if (!(image instanceof ImageDouble)) fail('a tray image from a file path is not modelled (the app draws its icons)');
  return image;
}

export const Tray = TrayDouble;
export type { TrayDouble, MenuDouble, ImageDouble };

export const nativeTheme = strict('nativeTheme', Object.assign(new EventEmitter(), { shouldUseDarkColors: false, themeSource: 'system' as Electron.NativeTheme['themeSource'] }));

// ---- screen, shortcuts, power ------------------------------------------------------------------

const display = { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 }, workArea: { x: 0, y: 24, width: 1920, height: 1056 }, scaleFactor: 1 };

export const screen = strict('screen', {
  getPrimaryDisplay() {
    requireReady('screen.getPrimaryDisplay');
    return display;
  },
  getDisplayMatching(_rect: Electron.Rectangle) {
    requireReady('screen.getDisplayMatching');
    return display;
  },
});

export const shortcutState = new Map<string, () => void>();

export const globalShortcut = strict('globalShortcut', {
  register(accelerator: string, callback: () => void): boolean {
    requireReady('globalShortcut.register');
    if (!/^[\w+]+$/.test(accelerator)) throw new Error(`Error processing argument at index 0, conversion failure from ${accelerator}`);
    if (config().takenAccelerators.includes(accelerator)) return false;
    shortcutState.set(accelerator, callback);
    return true;
  },
  unregisterAll(): void {
    shortcutState.clear();
  },
} satisfies Pick<Electron.GlobalShortcut, 'register' | 'unregisterAll'>);

const powerEmitter = new EventEmitter();
export const powerMonitor = strict(
  'powerMonitor',
  Object.assign(powerEmitter, {
    getSystemIdleTime(): number {
      requireReady('powerMonitor.getSystemIdleTime');
      return config().idleSeconds;
    },
  }),
);

// ---- session, shell, notifications, dialogs -----------------------------------------------------

export const sessionState = { permissionRequest: null as unknown, permissionCheck: null as unknown };

const defaultSession = strict('session.defaultSession', {
  setPermissionRequestHandler(handler: unknown): void {
    sessionState.permissionRequest = handler;
  },
  setPermissionCheckHandler(handler: unknown): void {
    sessionState.permissionCheck = handler;
  },
});

export const session = strict('session', {
  get defaultSession() {
    requireReady('session.defaultSession');
    return defaultSession;
  },
});

export const shellState = { opened: [] as string[] };

export const shell = strict('shell', {
  async openExternal(url: string): Promise<void> {
    shellState.opened.push(url);
  },
} satisfies Pick<Electron.Shell, 'openExternal'>);

export const notificationState = { shown: [] as { title: string; body: string; ref: WeakRef<NotificationDouble> }[] };

class NotificationDouble extends EventEmitter implements Pick<Electron.Notification, 'show' | 'close'> {
  static isSupported(): boolean {
    return true;
  }
  constructor(readonly options: Electron.NotificationConstructorOptions) {
    super();
  }
  show(): void {
    requireReady('notification.show');
    // Electron holds no reference to a shown notification: one the app drops is garbage-collected
    // while on screen, and its click and actions go nowhere. The double keeps a weak one only.
    notificationState.shown.push({ title: this.options.title ?? '', body: this.options.body ?? '', ref: new WeakRef(this) });
  }
  close(): void {
    this.emit('close', {});
  }
}
export const Notification = NotificationDouble;

export const dialogState = { errorBoxes: [] as { title: string; content: string }[] };

export const dialog = strict('dialog', {
  // The one dialog Electron allows before ready.
  showErrorBox(title: string, content: string): void {
    dialogState.errorBoxes.push({ title, content });
    record('dialog:error');
  },
} satisfies Pick<Electron.Dialog, 'showErrorBox'>);

// ---- IPC (main side) ---------------------------------------------------------------------------

export const ipcState = { handlers: new Map<string, Handler>(), listeners: new Map<string, Handler[]>() };

export const ipcMain = strict('ipcMain', {
  handle(channel: string, listener: Handler): void {
    if (ipcState.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    ipcState.handlers.set(channel, listener);
  },
  // electron-store listens for its renderer-side initialisation.
  on(channel: string, listener: Handler) {
    ipcState.listeners.set(channel, [...(ipcState.listeners.get(channel) ?? []), listener]);
    return ipcMain;
  },
});

/** An invoke from a renderer frame, as Electron delivers it: the payload cloned, the sender attached. */
export async function invokeFromRenderer(contents: WebContentsDouble, frameUrl: string, channel: string, payload: unknown): Promise<unknown> {
  const handler = ipcState.handlers.get(channel);
  if (!handler) throw new Error(`Error invoking remote method '${channel}': Error: No handler registered for '${channel}'`);
  const event = { sender: contents, senderFrame: { url: frameUrl }, processId: 1, frameId: 1 };
  try {
    return structuredClone(await handler(event, structuredClone(payload)));
  } catch (error) {
    // Electron rejects the renderer's promise with only the message.
    throw new Error(`Error invoking remote method '${channel}': ${error instanceof Error ? error.toString() : String(error)}`, { cause: error });
  }
}

const electron = strict('electron', { app, protocol, BrowserWindow, Menu, Tray, nativeImage, nativeTheme, screen, globalShortcut, powerMonitor, session, shell, Notification, dialog, ipcMain });
export default electron;
