// Electron's security checklist for every window: no navigation away from our pages, no new
// windows (https links the app built open in the browser), every permission request denied.
import { shell, type Session, type WebContents } from 'electron';
import { isAllowedExternalLink } from '../../shared/app-identity';

export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

export function hardenWebContents(contents: WebContents, isOwnPage: (url: string) => boolean): void {
  contents.on('will-navigate', (event, url) => {
    if (!isOwnPage(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalLink(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}
