// `npm run build:icons`: the app icon set the packages need, drawn by electron/core/app-icon.ts
// (the tray's stopwatch on a tile) into electron-builder's build resources:
//   build/icons/<size>x<size>.png  Linux (hicolor sizes 16…512)
//   build/icon.icns                macOS
//   build/icon.ico                 Windows
// Generated, not committed (see .gitignore); the same code gives the same bytes.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { appIconIcns, appIconIco, appIconPng, LINUX_ICON_SIZES } from '../electron/core/app-icon';

const build = path.join(import.meta.dirname, '..', 'build');
mkdirSync(path.join(build, 'icons'), { recursive: true });
for (const size of LINUX_ICON_SIZES) writeFileSync(path.join(build, 'icons', `${size}x${size}.png`), appIconPng(size));
writeFileSync(path.join(build, 'icon.icns'), appIconIcns());
writeFileSync(path.join(build, 'icon.ico'), appIconIco());
console.log(`App icons written: build/icons/{${LINUX_ICON_SIZES.join(',')}}.png, build/icon.icns, build/icon.ico`);
