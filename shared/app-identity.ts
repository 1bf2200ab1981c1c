/** The app's id: the keychain service name, the single-instance lock, the Linux desktop id. */
export const APP_ID = 'com.clockifytray.app';

/** Every page's Content-Security-Policy: the renderer talks only to its own origin, never to Clockify. */
export const CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * The privileged scheme the windows load from (never file://: with the grantFileProtocolExtraPrivileges
 * fuse off, file:// follows browser rules and Vite's module scripts are blocked, a blank window).
 * A standard scheme, so `app://clockify-tray/index.html` has a host and relative URLs resolve.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'clockify-tray';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** The only pages the app opens in the user's browser: https URLs it built itself (the setup screen links to them). */
export const EXTERNAL_LINKS = {
  clockifyApiKey: 'https://app.clockify.me/manage-api-keys',
  maton: 'https://maton.ai',
} as const;

const ALLOWED_LINKS = new Set(Object.values(EXTERNAL_LINKS).map((link) => new URL(link).href));

/**
 * Compared as normalised URLs: Electron hands `https://maton.ai/` (with the slash the URL parser
 * adds) to the window-open handler for a link written `https://maton.ai`.
 */
export function isAllowedExternalLink(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && ALLOWED_LINKS.has(parsed.href);
  } catch {
    return false;
  }
}

/** Maton's connect host, where a new connection's OAuth is finished (seed 001's example answer). */
export const MATON_CONNECT_HOST = 'connect.maton.ai';

/**
 * The one kind of URL the app opens that it did not write itself: the `url` of a connection Maton
 * just created. Only https on Maton's connect host, no credentials, nothing else.
 */
export function isMatonConnectUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && parsed.hostname === MATON_CONNECT_HOST && parsed.host === MATON_CONNECT_HOST && !parsed.username && !parsed.password;
  } catch {
    return false;
  }
}

/** What the app may hand to the system browser: its own links, and Maton's connect pages. */
export function mayOpenInBrowser(url: string): boolean {
  return isAllowedExternalLink(url) || isMatonConnectUrl(url);
}
