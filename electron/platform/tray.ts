// The tray: renders what tray-view computes. Updated on every state change and once a minute at rest.
//
// Clicks, per Electron's Tray documentation:
// - macOS: with a context menu set, a left click opens the menu (and, since Electron 10, emits
//   'click' too), so the menu and the popover would compete. There the menu is not set: a left
//   click toggles the popover and a right click pops the menu up.
// - Windows: the context menu opens on right click and a left click emits 'click': both as set.
// - Linux: under AppIndicator the 'click' event never arrives and the icon shows only with a menu:
//   the menu is always set and always complete ("Open" is in it).
import { Menu, nativeImage, nativeTheme, Tray, type MenuItemConstructorOptions, type NativeImage } from 'electron';
import { trayIconPng, type TrayTheme } from '../core/tray-icon';
import type { TrayCommand, TrayIconState, TrayMenuItem } from '../core/tray-view';

export interface TrayContent {
  readonly icon: TrayIconState;
  /** Today's share of the daily goal, drawn as the ring (null: no goal). */
  readonly goal: number | null;
  readonly tooltip: string;
  readonly title: string;
  readonly menu: readonly TrayMenuItem[];
}

export class AppTray {
  private readonly tray: Tray;
  private lastIcon = '';
  private menu: Menu | null = null;
  private readonly menuOnRightClick = process.platform === 'darwin';

  constructor(
    private readonly onCommand: (command: TrayCommand) => void,
    onClick: () => void,
  ) {
    this.tray = new Tray(this.icon('idle', null));
    this.tray.on('click', onClick);
    if (this.menuOnRightClick) this.tray.on('right-click', () => this.menu && this.tray.popUpContextMenu(this.menu));
  }

  bounds() {
    return this.tray.getBounds();
  }

  render(content: TrayContent): void {
    const iconKey = `${content.icon}:${content.goal}:${nativeTheme.shouldUseDarkColors}`;
    if (iconKey !== this.lastIcon) {
      this.tray.setImage(this.icon(content.icon, content.goal));
      this.lastIcon = iconKey;
    }
    this.tray.setToolTip(content.tooltip);
    if (process.platform === 'darwin') this.tray.setTitle(content.title);
    this.menu = Menu.buildFromTemplate(content.menu.map((item) => this.menuItem(item)));
    if (!this.menuOnRightClick) this.tray.setContextMenu(this.menu);
  }

  private menuItem(item: TrayMenuItem): MenuItemConstructorOptions {
    switch (item.type) {
      case 'separator':
        return { type: 'separator' };
      case 'label':
        return { label: item.label, enabled: false };
      case 'command':
        return { label: item.label, enabled: item.enabled, click: () => this.onCommand(item.command) };
    }
  }

  private icon(state: TrayIconState, goal: number | null): NativeImage {
    const theme: TrayTheme = process.platform === 'darwin' ? 'template' : nativeTheme.shouldUseDarkColors ? 'dark' : 'light';
    const image = nativeImage.createFromBuffer(trayIconPng(state, theme, 16, goal), { scaleFactor: 1 });
    image.addRepresentation({ scaleFactor: 2, buffer: trayIconPng(state, theme, 32, goal) });
    if (theme === 'template') image.setTemplateImage(true);
    return image;
  }
}
