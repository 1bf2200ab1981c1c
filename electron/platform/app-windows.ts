// The popover (frameless, by the tray, hidden on blur, created once and reused; it can be destroyed
// and recreated at any time without losing state, which lives in main) and the quick-entry window.
import { BrowserWindow, screen, type Rectangle } from 'electron';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { popoverPosition } from '../core/popover-position';
import { hardenWebContents } from './web-security';

export interface AppWindowsOptions {
  readonly rendererDir: string;
  readonly preload: string;
  readonly onVisibilityChange: (visible: boolean) => void;
}

const POPOVER = { width: 380, height: 600 };

export class AppWindows {
  private popover: BrowserWindow | null = null;
  private quickEntry: BrowserWindow | null = null;
  readonly appUrlPrefix: string;

  constructor(private readonly options: AppWindowsOptions) {
    this.appUrlPrefix = pathToFileURL(options.rendererDir + path.sep).toString();
  }

  /** webContents ids of our live windows: the only senders IPC accepts. */
  ids(): ReadonlySet<number> {
    return new Set([this.popover, this.quickEntry].filter((w): w is BrowserWindow => !!w && !w.isDestroyed()).map((w) => w.webContents.id));
  }

  contents() {
    return [this.popover, this.quickEntry].filter((w): w is BrowserWindow => !!w && !w.isDestroyed()).map((w) => w.webContents);
  }

  togglePopover(trayBounds: Rectangle | null): void {
    if (this.popover?.isVisible()) this.popover.hide();
    else this.showPopover(trayBounds);
  }

  showPopover(trayBounds: Rectangle | null): void {
    const window = (this.popover ??= this.create('index.html', { ...POPOVER, frame: false, resizable: false, skipTaskbar: true, alwaysOnTop: true }, () => (this.popover = null)));
    const display = trayBounds ? screen.getDisplayMatching(trayBounds) : screen.getPrimaryDisplay();
    const { x, y } = popoverPosition(trayBounds, POPOVER, display.workArea);
    window.setPosition(x, y);
    window.show();
    window.focus();
  }

  hidePopover(): void {
    this.popover?.hide();
  }

  showQuickEntry(): void {
    const window = (this.quickEntry ??= this.create('quick-entry.html', { width: 560, height: 320, resizable: false, minimizable: false, maximizable: false, title: 'Quick entry' }, () => (this.quickEntry = null)));
    window.center();
    window.show();
    window.focus();
  }

  /** Hides the focused window (Esc in the popover or the quick-entry window). */
  hideFocused(): void {
    for (const window of [this.popover, this.quickEntry]) if (window && !window.isDestroyed() && window.isFocused()) window.hide();
  }

  private create(page: string, shape: Electron.BrowserWindowConstructorOptions, onClosed: () => void): BrowserWindow {
    const window = new BrowserWindow({
      ...shape,
      show: false,
      webPreferences: { preload: this.options.preload, contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, spellcheck: false, devTools: !process.env.CLOCKIFY_TRAY_RELEASE },
    });
    hardenWebContents(window.webContents, (url) => url.startsWith(this.appUrlPrefix));
    window.on('blur', () => {
      if (page === 'index.html') window.hide();
    });
    window.on('show', () => this.options.onVisibilityChange(true));
    window.on('hide', () => this.options.onVisibilityChange(this.anyVisible()));
    window.on('closed', onClosed);
    void window.loadFile(path.join(this.options.rendererDir, page));
    return window;
  }

  private anyVisible(): boolean {
    return [this.popover, this.quickEntry].some((w) => w && !w.isDestroyed() && w.isVisible());
  }
}
