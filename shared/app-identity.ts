/** The app's id: the keychain service name, the single-instance lock, the Linux desktop id. */
export const APP_ID = 'com.clockifytray.app';

/** Every page's Content-Security-Policy: the renderer talks only to its own origin, never to Clockify. */
export const CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
