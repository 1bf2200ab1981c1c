// Only our own windows may call main: a known webContents, whose sending frame shows one of our
// pages, served from app://clockify-tray/ (nothing else: not file://, not another host or port,
// not a frame from elsewhere inside our window).
import { APP_HOST, APP_SCHEME } from '../../shared/app-identity';

export interface SenderInfo {
  readonly webContentsId: number;
  /** The URL of the frame that sent the message (null when Electron could not tell). */
  readonly frameUrl: string | null;
}

export function isTrustedSender(sender: SenderInfo, trustedIds: ReadonlySet<number>): boolean {
  if (!trustedIds.has(sender.webContentsId) || !sender.frameUrl) return false;
  return isAppUrl(sender.frameUrl);
}

/** A URL of our own pages (app://clockify-tray/…). Compared by parts: a non-special scheme's `origin` is "null". */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === '';
  } catch {
    return false;
  }
}
