// The tray: renders what tray-view computes. Updated on every state change and once a minute at rest.
import { Menu, nativeImage, nativeTheme, Tray, type MenuItemConstructorOptions, type NativeImage } from 'electron';
import { trayIconPng, type TrayTheme } from '../core/tray-icon';
import type { TrayCommand, TrayIconState, TrayMenuItem } from '../core/tray-view';

export interface TrayContent {
  readonly icon: TrayIconState;
  readonly tooltip: string;
  readonly title: string;
  readonly menu: readonly TrayMenuItem[];
}

export class AppTray {
  private readonly tray: Tray;
  private lastIcon = '';

  constructor(
    private readonly onCommand: (command: TrayCommand) => void,
    onClick: () => void,
  ) {
    this.tray = new Tray(this.icon('idle'));
    this.tray.on('click', onClick);
  }

  bounds() {
    return this.tray.getBounds();
  }

  render(content: TrayContent): void {
    const iconKey = `${content.icon}:${nativeTheme.shouldUseDarkColors}`;
    if (iconKey !== this.lastIcon) {
      this.tray.setImage(this.icon(content.icon));
      this.lastIcon = iconKey;
    }
    this.tray.setToolTip(content.tooltip);
    if (process.platform === 'darwin') this.tray.setTitle(content.title);
    this.tray.setContextMenu(Menu.buildFromTemplate(content.menu.map((item) => this.menuItem(item))));
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

  private icon(state: TrayIconState): NativeImage {
    const theme: TrayTheme = process.platform === 'darwin' ? 'template' : nativeTheme.shouldUseDarkColors ? 'dark' : 'light';
    const image = nativeImage.createFromBuffer(trayIconPng(state, theme, 16), { scaleFactor: 1 });
    image.addRepresentation({ scaleFactor: 2, buffer: trayIconPng(state, theme, 32) });
    if (theme === 'template') image.setTemplateImage(true);
    return image;
  }
}
