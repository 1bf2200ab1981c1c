// Only our own windows may call main: a known webContents, showing one of our pages.
export interface SenderInfo {
  readonly webContentsId: number;
  /** The URL of the frame that sent the message (null when Electron could not tell). */
  readonly frameUrl: string | null;
}

export function isTrustedSender(sender: SenderInfo, trustedIds: ReadonlySet<number>, appUrlPrefix: string): boolean {
  if (!trustedIds.has(sender.webContentsId) || !sender.frameUrl) return false;
  try {
    const url = new URL(sender.frameUrl);
    const app = new URL(appUrlPrefix);
    if (url.protocol !== app.protocol) return false;
    return url.protocol === 'file:' ? url.pathname.startsWith(app.pathname) : url.origin === app.origin;
  } catch {
    return false;
  }
}
