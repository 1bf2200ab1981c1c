/** The app's id: the keychain service name, the single-instance lock, the Linux desktop id. */
export const APP_ID = 'com.clockifytray.app';

/** Every page's Content-Security-Policy: the renderer talks only to its own origin, never to Clockify. */
export const CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** The only pages the app opens in the user's browser: https URLs it built itself (the setup screen links to them). */
export const EXTERNAL_LINKS = {
  clockifyApiKey: 'https://app.clockify.me/manage-api-keys',
  maton: 'https://maton.ai',
} as const;

export function isAllowedExternalLink(url: string): boolean {
  return (Object.values(EXTERNAL_LINKS) as string[]).includes(url);
}
