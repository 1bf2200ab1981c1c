// The popover and the quick-entry window, loaded from app://clockify-tray/ (platform/app-protocol.ts).
// Both can be destroyed and recreated at any time without losing anything: the state lives in main.
//
// The popover: frameless, by the tray, hidden on blur. Where the desktop cannot place or raise such a
// window (native Wayland: setPosition, center and setAlwaysOnTop are unsupported and focus() may not
// focus, so a frameless popover opens anywhere and never blurs), it is an ordinary window with a
// frame and a close button instead (`framed`).
//
// At rest the app should cost almost nothing: a popover hidden for `unloadAfterMs` gives back its
// renderer process and is created again on the next open.
import { BrowserWindow, screen, type Rectangle } from 'electron';
import { APP_ORIGIN } from '../../shared/app-identity';
import { popoverPosition } from '../core/popover-position';
import { isAppUrl } from '../ipc/sender-check';
import { hardenWebContents } from './web-security';

export type PopoverView = 'settings';

export interface AppWindowsOptions {
  readonly preload: string;
  /** Devtools only in development builds (`!app.isPackaged`). */
  readonly devTools: boolean;
  /** An ordinary framed window instead of a frameless popover (native Wayland). */
  readonly framed: boolean;
  /** How long a hidden popover keeps its renderer (0: for ever). */
  readonly unloadAfterMs: () => number;
  readonly onVisibilityChange: (visible: boolean) => void;
  /** Asks a loaded popover page to show a view. */
  readonly openView: (contents: Electron.WebContents, view: PopoverView) => void;
  readonly now?: () => number;
}

const POPOVER = { width: 380, height: 600 };
/** A tray click that follows the popover's blur-hide this soon is the same click: do not reopen. */
const BLUR_TOGGLE_GRACE_MS = 300;

export class AppWindows {
  private popover: BrowserWindow | null = null;
  private quickEntry: BrowserWindow | null = null;
  private hiddenByBlurAt = -Infinity;
  private unloadTimer: NodeJS.Timeout | null = null;

  constructor(private readonly options: AppWindowsOptions) {}

  /** webContents ids of our live windows: the only senders IPC accepts. */
  ids(): ReadonlySet<number> {
    return new Set(this.contents().map((contents) => contents.id));
  }

  contents(): Electron.WebContents[] {
    return this.live().map((window) => window.webContents);
  }

  togglePopover(trayBounds: Rectangle | null): void {
    if (this.popover?.isVisible()) return this.popover.hide();
    // Windows: clicking the tray to close the popover first blurs (and so hides) it, then clicks.
    if (this.now() - this.hiddenByBlurAt < BLUR_TOGGLE_GRACE_MS) return;
    this.showPopover(trayBounds);
  }

  showPopover(trayBounds: Rectangle | null, view?: PopoverView): void {
    this.cancelUnload();
    let window = this.popover;
    if (!window) {
      window = this.popover = this.create('popover', this.options.framed ? { ...POPOVER, title: 'Clockify Tray', resizable: true, minWidth: 340, minHeight: 300 } : { ...POPOVER, frame: false, resizable: false, skipTaskbar: true, alwaysOnTop: true }, () => (this.popover = null));
      // A view asked for before the page exists goes in its URL: a push now would reach no one.
      void window.loadURL(`${APP_ORIGIN}/index.html${view ? `?view=${view}` : ''}`).catch(() => undefined);
    } else if (view) {
      const contents = window.webContents;
      if (contents.isLoading()) contents.once('did-finish-load', () => this.options.openView(contents, view));
      else this.options.openView(contents, view);
    }
    if (!this.options.framed) {
      const display = trayBounds ? screen.getDisplayMatching(trayBounds) : screen.getPrimaryDisplay();
      const { x, y } = popoverPosition(trayBounds, POPOVER, display.workArea);
      window.setPosition(x, y);
    }
    window.show();
    window.focus();
  }

  showQuickEntry(): void {
    let window = this.quickEntry;
    if (!window) {
      window = this.quickEntry = this.create('quick-entry', { width: 560, height: 320, resizable: false, minimizable: false, maximizable: false, title: 'Quick entry' }, () => (this.quickEntry = null));
      void window.loadURL(`${APP_ORIGIN}/quick-entry.html`).catch(() => undefined);
    }
    if (!this.options.framed) window.center();
    window.show();
    window.focus();
  }

  /** Hides the focused window (Esc in the popover or the quick-entry window). */
  hideFocused(): void {
    for (const window of this.live()) if (window.isFocused()) window.hide();
  }

  private create(kind: 'popover' | 'quick-entry', shape: Electron.BrowserWindowConstructorOptions, onClosed: () => void): BrowserWindow {
    const window = new BrowserWindow({
      ...shape,
      show: false,
      webPreferences: { preload: this.options.preload, contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, spellcheck: false, devTools: this.options.devTools },
    });
    hardenWebContents(window.webContents, isAppUrl);
    const isPopover = kind === 'popover';
    if (isPopover && !this.options.framed) {
      window.on('blur', () => {
        if (!window.isVisible()) return;
        this.hiddenByBlurAt = this.now();
        window.hide();
      });
    }
    window.on('show', () => this.options.onVisibilityChange(true));
    window.on('hide', () => {
      this.options.onVisibilityChange(this.live().some((candidate) => candidate.isVisible()));
      if (isPopover) this.scheduleUnload();
    });
    window.on('closed', () => {
      onClosed();
      this.options.onVisibilityChange(this.live().some((candidate) => candidate.isVisible()));
    });
    return window;
  }

  private scheduleUnload(): void {
    this.cancelUnload();
    const after = this.options.unloadAfterMs();
    if (after <= 0) return;
    this.unloadTimer = setTimeout(() => {
      this.unloadTimer = null;
      if (this.popover && !this.popover.isDestroyed() && !this.popover.isVisible()) this.popover.destroy();
    }, after);
    this.unloadTimer.unref();
  }

  private cancelUnload(): void {
    if (this.unloadTimer) clearTimeout(this.unloadTimer);
    this.unloadTimer = null;
  }

  private live(): BrowserWindow[] {
    return [this.popover, this.quickEntry].filter((window): window is BrowserWindow => !!window && !window.isDestroyed());
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }
}
